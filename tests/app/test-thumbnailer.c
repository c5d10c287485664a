/* test-thumbnailer.c
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

#include <gst/gst.h>

#include "rd-thumbnailer.h"

/* Poster frames of videos and thumbnails of images made at test time:
 * the right size (never scaled up), the right colour, and an error in
 * words for a file that is neither. */

/* Each test case has its own isolated dirs, which g_test_run () removes. */
static char *
media_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "media", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

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
make_png (const char *name,
          int         width,
          int         height,
          guint32     rgba)
{
  g_autofree char *path = media_path (name);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, TRUE, 8, width, height);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_fill (pixbuf, rgba);
  gdk_pixbuf_save (pixbuf, path, "png", &error, NULL);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GdkTexture *
poster (GFile   *file,
        int      max_size,
        GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rd_thumbnailer_poster_async (file, max_size, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rd_thumbnailer_poster_finish (result, error);
}

/* The centre pixel, as 0xRRGGBB. */
static guint32
centre_rgb (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc (width * height * 4);
  const guchar *p;

  /* Downloads are B, G, R, A in memory on little-endian machines. */
  gdk_texture_download (texture, data, width * 4);
  p = data + (height / 2 * width + width / 2) * 4;
  return (p[2] << 16) | (p[1] << 8) | p[0];
}

static void
assert_colour_near (guint32 rgb,
                    guint32 expected)
{
  for (int shift = 0; shift <= 16; shift += 8)
    g_assert_cmpint (ABS ((int) ((rgb >> shift) & 0xff) - (int) ((expected >> shift) & 0xff)), <=, 24);
}

static void
test_thumbnailer_video (void)
{
  /* Three seconds: long enough that the poster is taken a second in. */
  g_autoptr(GFile) file = make_media ("red.webm",
                                      "videotestsrc pattern=solid-color foreground-color=0xffff0000 num-buffers=45 ! "
                                      "video/x-raw,width=320,height=240,framerate=15/1 ! vp8enc ! webmmux");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = poster (file, 160, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 160);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 120);
  assert_colour_near (centre_rgb (texture), 0xff0000);
}

static void
test_thumbnailer_short_video (void)
{
  g_autoptr(GFile) file = make_media ("short.webm",
                                      "videotestsrc pattern=solid-color foreground-color=0xff0000ff num-buffers=3 ! "
                                      "video/x-raw,width=64,height=128,framerate=15/1 ! vp8enc ! webmmux");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = poster (file, 256, &error);

  g_assert_no_error (error);
  /* Never scaled up. */
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 64);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 128);
  assert_colour_near (centre_rgb (texture), 0x0000ff);
}

static void
test_thumbnailer_video_with_sound (void)
{
  /* The sound stream is left unlinked: that must not fail the poster. */
  g_autoptr(GFile) file = make_media ("sound.webm",
                                      "videotestsrc pattern=solid-color foreground-color=0xff00ff00 num-buffers=30 ! "
                                      "video/x-raw,width=200,height=100,framerate=15/1 ! vp8enc ! m. "
                                      "audiotestsrc num-buffers=80 ! audioconvert ! opusenc ! m. "
                                      "webmmux name=m");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = poster (file, 100, &error);

  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 100);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 50);
  assert_colour_near (centre_rgb (texture), 0x00ff00);
}

static void
test_thumbnailer_image (void)
{
  g_autoptr(GFile) wide = make_png ("wide.png", 400, 100, 0x00ff00ff);
  g_autoptr(GFile) small = make_png ("small.png", 50, 20, 0x0000ffff);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  texture = poster (wide, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 200);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 50);
  assert_colour_near (centre_rgb (texture), 0x00ff00);
  g_clear_object (&texture);

  texture = poster (small, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 50);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 20);
  assert_colour_near (centre_rgb (texture), 0x0000ff);
}

static void
test_thumbnailer_corrupt (void)
{
  g_autofree char *path = media_path ("broken.webm");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_true (g_file_set_contents (path, "this is not a video, only some words", -1, NULL));
  texture = poster (file, 128, &error);
  g_assert_null (texture);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "No picture could be taken from the video: "
                   "the file is damaged or is not in a format this app can play");
  g_test_message ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) system_dirs = g_strdupv ((char **) g_get_system_data_dirs ());
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The isolated dirs hide the MIME database, which tells images from
   * videos. */
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (system_dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
  gst_init (NULL, NULL);

  g_test_add_func ("/thumbnailer/video", test_thumbnailer_video);
  g_test_add_func ("/thumbnailer/short-video", test_thumbnailer_short_video);
  g_test_add_func ("/thumbnailer/video-with-sound", test_thumbnailer_video_with_sound);
  g_test_add_func ("/thumbnailer/image", test_thumbnailer_image);
  g_test_add_func ("/thumbnailer/corrupt", test_thumbnailer_corrupt);

  ret = g_test_run ();
  return ret;
}
