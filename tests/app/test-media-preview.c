/* test-media-preview.c
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gst/gst.h>

#include "rd-enums.h"
#include "rd-media-preview.h"
#include "rd-waveform-view.h"
#include "rd-test-utils.h"

/* The preview with media made at test time: an image's texture and
 * zoom, a video's and a sound's stream reaching playback, the sound's
 * waveform, copying, and errors in words for broken files. Screenshots
 * go into the build dir. */

#define TIMEOUT_MS 20000

/* Each test case has its own isolated dirs, which g_test_run () removes. */
static char *
media_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "media", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}
static char *screenshot_dir;
static GtkWindow *window;
static RdMediaPreview *preview;

static GFile *
make_media (const char *name,
            const char *pipeline_head)
{
  g_autofree char *path = media_path (name);
  g_autofree char *desc = g_strdup_printf ("%s ! filesink location=\"%s\"", pipeline_head, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (desc, &error);
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) msg = NULL;

  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return g_file_new_for_path (path);
}

static GFile *
make_file (const char *name,
           const char *contents)
{
  g_autofree char *path = media_path (name);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* A picture with something to see when zoomed: a gradient, a grid of
 * circles and its size written in the middle. */
static void
make_png (const char *path,
          int         width,
          int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, width, height);

  cairo_pattern_add_color_stop_rgb (gradient, 0, .21, .52, .89);
  cairo_pattern_add_color_stop_rgb (gradient, 1, .57, .25, .67);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, .5);
  for (int x = 100; x < width; x += 200)
    for (int y = 100; y < height; y += 200)
      {
        cairo_new_sub_path (cr);
        cairo_arc (cr, x, y, 60, 0, 2 * G_PI);
      }
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_font_size (cr, 120);
  cairo_move_to (cr, width / 2 - 330, height / 2 + 40);
  cairo_show_text (cr, "1600 x 1000");
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);

  cairo_pattern_destroy (gradient);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
screenshot (const char *name,
            int         width)
{
  g_autofree char *path = g_build_filename (screenshot_dir, name, NULL);

  gtk_window_set_default_size (window, width, 800);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (preview)) == width, 20000);
  rd_test_wait_ms (300);
  rd_test_save_screenshot (GTK_WIDGET (window), path);
  g_test_message ("wrote %s", path);
}

static const char *
visible_page (void)
{
  GtkStack *stack = GTK_STACK (rd_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_STACK));

  return gtk_stack_get_visible_child_name (stack);
}

static GtkGestureClick *
find_click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE_CLICK (controller);
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
have_media_backend (GtkMediaStream *stream)
{
  /* GTK falls back to this type when no media module loads. */
  if (g_str_equal (G_OBJECT_TYPE_NAME (stream), "GtkNoMediaFile"))
    {
      g_test_skip ("GTK's GStreamer media backend (libgtk-4-media-gstreamer) is not installed");
      return FALSE;
    }
  return TRUE;
}

static void
test_preview_empty (void)
{
  rd_media_preview_clear (preview);

  g_assert_cmpint (rd_media_preview_get_kind (preview), ==, RD_MEDIA_KIND_NONE);
  g_assert_null (rd_media_preview_get_error (preview));
  g_assert_null (rd_media_preview_get_texture (preview));
  g_assert_null (rd_media_preview_get_media_stream (preview));
  g_assert_cmpstr (visible_page (), ==, "empty");
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (preview), "No Preview"));
  /* Disabled: nothing to zoom. */
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  g_assert_cmpfloat (rd_media_preview_get_zoom (preview), ==, 0.);
  screenshot ("preview-empty.png", 1280);
}

static void
test_preview_image (void)
{
  g_autofree char *path = media_path ("big.png");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (preview));
  GdkTexture *texture;

  make_png (path, 1600, 1000);

  gtk_window_set_default_size (window, 1280, 800);
  rd_media_preview_set_file (preview, file, "image/png");
  g_assert_cmpint (rd_media_preview_get_kind (preview), ==, RD_MEDIA_KIND_IMAGE);
  RD_TEST_WAIT_UNTIL (rd_media_preview_get_texture (preview) != NULL, TIMEOUT_MS);

  texture = rd_media_preview_get_texture (preview);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1600);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1000);
  g_assert_null (rd_media_preview_get_error (preview));
  g_assert_cmpstr (visible_page (), ==, "image");
  screenshot ("preview-image.png", 1280);

  /* The view is 1280x800, so fitting is a scale of 0.8. */
  g_assert_cmpfloat (rd_media_preview_get_zoom (preview), ==, 0.);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (rd_media_preview_get_zoom (preview), 1.0, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (rd_media_preview_get_zoom (preview), 1.25, 1e-6);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_width (rd_test_find_widget (GTK_WIDGET (preview), GTK_TYPE_PICTURE)) == 2000, 5000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (rd_media_preview_get_zoom (preview), 1.0, 1e-6);
  screenshot ("preview-image-zoomed.png", 1280);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-out", NULL));
  g_assert_cmpfloat (rd_media_preview_get_zoom (preview), ==, 0.);
  g_object_set (preview, "zoom", 3.0, NULL);
  g_assert_cmpfloat (rd_media_preview_get_zoom (preview), ==, 3.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-fit", NULL));
  g_assert_cmpfloat (rd_media_preview_get_zoom (preview), ==, 0.);

  g_assert_true (rd_test_has_shortcut (GTK_WIDGET (preview), "<Control>plus", "preview.zoom-in", NULL));
  g_assert_true (rd_test_has_shortcut (GTK_WIDGET (preview), "<Control>minus", "preview.zoom-out", NULL));
  g_assert_true (rd_test_has_shortcut (GTK_WIDGET (preview), "<Control>0", "preview.zoom-fit", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.copy", NULL));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard),
                                                    GDK_TYPE_TEXTURE));
  screenshot ("preview-image-narrow.png", 400);
}

static void
test_preview_broken_image (void)
{
  g_autoptr(GFile) file = make_file ("broken.png", "this is not a picture, only some words");

  rd_media_preview_set_file (preview, file, "image/png");
  RD_TEST_WAIT_UNTIL (rd_media_preview_get_error (preview) != NULL, TIMEOUT_MS);

  g_test_message ("%s", rd_media_preview_get_error (preview));
  g_assert_cmpstr (rd_media_preview_get_error (preview), ==,
                   "The image could not be opened: "
                   "the file is damaged or is not an image in a format this app can show");
  g_assert_null (rd_media_preview_get_texture (preview));
  g_assert_cmpstr (visible_page (), ==, "error");
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.zoom-in", NULL);
  g_assert_cmpfloat (rd_media_preview_get_zoom (preview), ==, 0.);
  screenshot ("preview-broken-image.png", 1280);
}

static void
test_preview_video (void)
{
  g_autoptr(GFile) file = make_media ("clip.webm",
                                      "videotestsrc num-buffers=60 ! "
                                      "video/x-raw,width=640,height=360,framerate=30/1 ! vp8enc ! webmmux");
  GtkMediaStream *stream;

  rd_media_preview_set_file (preview, file, "video/webm");
  g_assert_cmpint (rd_media_preview_get_kind (preview), ==, RD_MEDIA_KIND_VIDEO);
  stream = rd_media_preview_get_media_stream (preview);
  g_assert_nonnull (stream);
  if (!have_media_backend (stream))
    return;

  RD_TEST_WAIT_UNTIL (gtk_media_stream_is_prepared (stream) ||
                      rd_media_preview_get_error (preview) != NULL, TIMEOUT_MS);
  g_assert_null (rd_media_preview_get_error (preview));
  g_assert_true (gtk_media_stream_has_video (stream));
  g_assert_cmpint (gtk_media_stream_get_duration (stream), ==, 2 * G_USEC_PER_SEC);
  g_assert_cmpstr (visible_page (), ==, "video");

  gtk_media_stream_play (stream);
  RD_TEST_WAIT_UNTIL (gtk_media_stream_get_timestamp (stream) > 300 * 1000, TIMEOUT_MS);
  g_assert_true (gtk_media_stream_get_playing (stream));
  gtk_media_stream_pause (stream);
  screenshot ("preview-video.png", 1280);
  screenshot ("preview-video-narrow.png", 400);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.copy", NULL));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (preview))),
                                                    GDK_TYPE_FILE_LIST));
}

static void
test_preview_broken_video (void)
{
  g_autoptr(GFile) file = make_file ("broken.webm", "this is not a video, only some words");
  GtkMediaStream *stream;

  rd_media_preview_set_file (preview, file, "video/webm");
  stream = rd_media_preview_get_media_stream (preview);
  if (!have_media_backend (stream))
    return;

  RD_TEST_WAIT_UNTIL (rd_media_preview_get_error (preview) != NULL, TIMEOUT_MS);
  g_test_message ("%s", rd_media_preview_get_error (preview));
  g_assert_true (g_str_has_prefix (rd_media_preview_get_error (preview), "The video could not be played: "));
  g_assert_cmpstr (visible_page (), ==, "error");
  screenshot ("preview-broken-video.png", 1280);
}

static void
test_preview_audio (void)
{
  g_autoptr(GFile) file = make_media ("tone.ogg",
                                      "audiotestsrc wave=sine freq=440 volume=0.6 num-buffers=130 ! "
                                      "audioconvert ! opusenc ! oggmux");
  RdWaveformView *waveform;
  GtkMediaStream *stream;
  GArray *peaks;
  float max = 0.f;

  rd_media_preview_set_file (preview, file, NULL);
  g_assert_cmpint (rd_media_preview_get_kind (preview), ==, RD_MEDIA_KIND_AUDIO);
  stream = rd_media_preview_get_media_stream (preview);
  g_assert_nonnull (stream);
  g_assert_cmpstr (visible_page (), ==, "audio");

  waveform = RD_WAVEFORM_VIEW (rd_test_find_widget (GTK_WIDGET (preview), RD_TYPE_WAVEFORM_VIEW));
  g_assert_true (rd_waveform_view_get_media_stream (waveform) == stream);
  RD_TEST_WAIT_UNTIL (rd_waveform_view_get_peaks (waveform) != NULL, TIMEOUT_MS);
  peaks = rd_waveform_view_get_peaks (waveform);
  g_assert_cmpuint (peaks->len, ==, 400);
  for (guint i = 0; i < peaks->len; i++)
    max = MAX (max, g_array_index (peaks, float, i));
  g_assert_cmpfloat_with_epsilon (max, .6f, .08f);

  if (!have_media_backend (stream))
    return;

  RD_TEST_WAIT_UNTIL (gtk_media_stream_is_prepared (stream) ||
                      rd_media_preview_get_error (preview) != NULL, TIMEOUT_MS);
  g_assert_null (rd_media_preview_get_error (preview));
  g_assert_true (gtk_media_stream_has_audio (stream));
  g_assert_false (gtk_media_stream_has_video (stream));
  gtk_media_stream_play (stream);
  RD_TEST_WAIT_UNTIL (gtk_media_stream_get_timestamp (stream) > 500 * 1000, TIMEOUT_MS);
  gtk_media_stream_pause (stream);
  screenshot ("preview-audio.png", 1280);

  /* A click in the middle of the waveform seeks to the middle. */
  g_assert_true (gtk_media_stream_is_seekable (stream));
  g_signal_emit_by_name (find_click (GTK_WIDGET (waveform)), "released", 1,
                         gtk_widget_get_width (GTK_WIDGET (waveform)) / 2., 10.);
  RD_TEST_WAIT_UNTIL (ABS (gtk_media_stream_get_timestamp (stream) -
                           gtk_media_stream_get_duration (stream) / 2) < 100 * 1000, TIMEOUT_MS);
  screenshot ("preview-audio-narrow.png", 400);
}

static void
test_preview_unknown (void)
{
  g_autoptr(GFile) file = make_file ("notes.txt", "some words");

  rd_media_preview_set_file (preview, file, "text/plain");
  g_assert_cmpint (rd_media_preview_get_kind (preview), ==, RD_MEDIA_KIND_NONE);
  g_assert_cmpstr (rd_media_preview_get_error (preview), ==,
                   "This kind of file cannot be previewed. Save it and open it with another app.");
  g_assert_cmpstr (visible_page (), ==, "error");

  rd_media_preview_clear (preview);
  g_assert_null (rd_media_preview_get_error (preview));
  g_assert_null (rd_media_preview_get_file (preview));
  g_assert_cmpstr (visible_page (), ==, "empty");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!rd_test_init_display (&argc, &argv))
    return 0;
  adw_init ();
  gst_init (NULL, NULL);

  screenshot_dir = g_strdup (g_getenv ("RD_SCREENSHOT_DIR"));
  if (screenshot_dir == NULL)
    screenshot_dir = g_get_current_dir ();
  g_assert_cmpint (g_mkdir_with_parents (screenshot_dir, 0755), ==, 0);

  window = GTK_WINDOW (gtk_window_new ());
  preview = RD_MEDIA_PREVIEW (rd_media_preview_new ());
  gtk_window_set_child (window, GTK_WIDGET (preview));
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_present (window);

  g_test_add_func ("/media-preview/empty", test_preview_empty);
  g_test_add_func ("/media-preview/image", test_preview_image);
  g_test_add_func ("/media-preview/broken-image", test_preview_broken_image);
  g_test_add_func ("/media-preview/video", test_preview_video);
  g_test_add_func ("/media-preview/broken-video", test_preview_broken_video);
  g_test_add_func ("/media-preview/audio", test_preview_audio);
  g_test_add_func ("/media-preview/unknown", test_preview_unknown);

  ret = g_test_run ();
  gtk_window_destroy (window);
  g_free (screenshot_dir);
  return ret;
}
