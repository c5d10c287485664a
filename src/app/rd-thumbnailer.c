/* rd-thumbnailer.c
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

#define G_LOG_DOMAIN "rd-thumbnailer"

#include "config.h"

#include "rd-thumbnailer.h"

#include <glib/gi18n.h>
#include <gst/gst.h>
#include <gst/app/gstappsink.h>
#include <gst/video/video.h>

#include "rd-media-error.h"

/* One thumbnail API for the job list: images are decoded with
 * gdk-pixbuf at the size asked for, videos give a frame about a second in
 * (past a fade from black), or their first frame when they are shorter. */

#define POSTER_POSITION (1 * GST_SECOND)
#define STATE_TIMEOUT   (15 * GST_SECOND)

typedef struct
{
  GFile *file;
  int    max_size;
} Poster;

static void
poster_free (Poster *poster)
{
  g_clear_object (&poster->file);
  g_free (poster);
}

static void
fit_size (int  width,
          int  height,
          int  max_size,
          int *out_width,
          int *out_height)
{
  double scale = MIN (1.0, (double) max_size / MAX (width, height));

  *out_width = MAX (1, (int) (width * scale + .5));
  *out_height = MAX (1, (int) (height * scale + .5));
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Poster *poster = user_data;
  int w, h;

  fit_size (width, height, poster->max_size, &w, &h);
  gdk_pixbuf_loader_set_size (loader, w, h);
}

static GdkTexture *
texture_from_pixbuf (GdkPixbuf *pixbuf)
{
  g_autoptr(GBytes) bytes = gdk_pixbuf_read_pixel_bytes (pixbuf);

  return gdk_memory_texture_new (gdk_pixbuf_get_width (pixbuf),
                                 gdk_pixbuf_get_height (pixbuf),
                                 gdk_pixbuf_get_has_alpha (pixbuf) ? GDK_MEMORY_R8G8B8A8
                                                                   : GDK_MEMORY_R8G8B8,
                                 bytes,
                                 gdk_pixbuf_get_rowstride (pixbuf));
}

static GdkTexture *
image_poster (Poster        *poster,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_load_contents (poster->file, cancellable, &data, &len, NULL, error))
    return NULL;

  /* A loader must be closed before it is dropped, even after an error
   * (GdkPixbuf warns otherwise), so it is made only now. */
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), poster);
  /* In pieces, so that a thumbnail nobody waits for any more (its row
   * scrolled away) stops taking a core from the ones still needed. */
  for (gsize offset = 0; offset < len; offset += 64 * 1024)
    if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
        !gdk_pixbuf_loader_write (loader, (const guchar *) data + offset, MIN (64 * 1024, len - offset), error))
      {
        gdk_pixbuf_loader_close (loader, NULL);
        return NULL;
      }
  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  return texture_from_pixbuf (gdk_pixbuf_loader_get_pixbuf (loader));
}

static gboolean
wait_paused (GstElement  *pipeline,
             GError     **error)
{
  GstStateChangeReturn ret = gst_element_get_state (pipeline, NULL, NULL, STATE_TIMEOUT);

  if (ret == GST_STATE_CHANGE_SUCCESS || ret == GST_STATE_CHANGE_NO_PREROLL)
    return TRUE;

  {
    g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
    /* The error can reach the bus a moment after the state change
     * failed, from the streaming thread. */
    g_autoptr(GstMessage) msg = gst_bus_timed_pop_filtered (bus, GST_SECOND, GST_MESSAGE_ERROR);
    g_autoptr(GError) gst_error = NULL;
    g_autofree char *words = NULL;

    if (msg != NULL)
      gst_message_parse_error (msg, &gst_error, NULL);
    words = gst_error != NULL ? rd_media_error_describe (gst_error) : g_strdup (_("it took too long to open"));
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("No picture could be taken from the video: %s"), words);
  }
  return FALSE;
}

static GdkTexture *
video_poster (Poster        *poster,
              GError       **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstSample) sample = NULL;
  g_autofree char *uri = g_file_get_uri (poster->file);
  g_autofree char *desc = NULL;
  g_autoptr(GdkPixbuf) frame_pixbuf = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  GstVideoInfo info;
  GstVideoFrame frame;
  gint64 duration = 0;
  int w, h;

  desc = g_strdup_printf ("uridecodebin uri=\"%s\" ! videoconvert ! videoscale ! "
                          "video/x-raw,format=RGBA,pixel-aspect-ratio=1/1 ! "
                          "appsink name=sink sync=false", uri);
  pipeline = gst_parse_launch (desc, error);
  if (pipeline == NULL)
    return NULL;
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");

  gst_element_set_state (pipeline, GST_STATE_PAUSED);
  if (!wait_paused (pipeline, error))
    goto fail;

  if (gst_element_query_duration (pipeline, GST_FORMAT_TIME, &duration) &&
      duration > 2 * POSTER_POSITION)
    {
      gst_element_seek_simple (pipeline, GST_FORMAT_TIME,
                               GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_KEY_UNIT,
                               POSTER_POSITION);
      if (!wait_paused (pipeline, error))
        goto fail;
    }

  sample = gst_app_sink_try_pull_preroll (GST_APP_SINK (sink), STATE_TIMEOUT);
  if (sample == NULL ||
      !gst_video_info_from_caps (&info, gst_sample_get_caps (sample)) ||
      !gst_video_frame_map (&frame, &info, gst_sample_get_buffer (sample), GST_MAP_READ))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No picture could be taken from the video: it has no frames"));
      goto fail;
    }

  frame_pixbuf = gdk_pixbuf_new_from_data (GST_VIDEO_FRAME_PLANE_DATA (&frame, 0),
                                           GDK_COLORSPACE_RGB, TRUE, 8,
                                           GST_VIDEO_INFO_WIDTH (&info),
                                           GST_VIDEO_INFO_HEIGHT (&info),
                                           GST_VIDEO_FRAME_PLANE_STRIDE (&frame, 0),
                                           NULL, NULL);
  fit_size (GST_VIDEO_INFO_WIDTH (&info), GST_VIDEO_INFO_HEIGHT (&info),
            poster->max_size, &w, &h);
  /* Scaling copies the pixels, so the frame can be unmapped after. */
  scaled = gdk_pixbuf_scale_simple (frame_pixbuf, w, h, GDK_INTERP_BILINEAR);
  gst_video_frame_unmap (&frame);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return texture_from_pixbuf (scaled);

fail:
  gst_element_set_state (pipeline, GST_STATE_NULL);
  return NULL;
}

static void
poster_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Poster *poster = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;
  const char *type;

  info = g_file_query_info (poster->file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  type = g_file_info_get_content_type (info);
  if (type != NULL && g_content_type_is_mime_type (type, "image/*"))
    texture = image_poster (poster, cancellable, &error);
  else
    texture = video_poster (poster, &error);

  if (texture == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

/**
 * rd_thumbnailer_poster_async:
 * @file: an image or a video
 * @max_size: the largest width or height of the result, in pixels
 *
 * Makes a picture of @file no larger than @max_size on either side (never
 * scaled up), on a worker thread.
 */
void
rd_thumbnailer_poster_async (GFile               *file,
                             int                  max_size,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Poster *poster;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (max_size > 0);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  poster = g_new0 (Poster, 1);
  poster->file = g_object_ref (file);
  poster->max_size = max_size;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_thumbnailer_poster_async);
  g_task_set_task_data (task, poster, (GDestroyNotify) poster_free);
  g_task_run_in_thread (task, poster_thread);
}

/**
 * rd_thumbnailer_poster_finish:
 *
 * Returns: (transfer full): the picture
 */
GdkTexture *
rd_thumbnailer_poster_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
load_texture_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

/**
 * rd_thumbnailer_load_texture_async:
 * @file: an image
 *
 * Decodes @file at its full size on a worker thread, so that large images
 * do not stall the UI.
 */
void
rd_thumbnailer_load_texture_async (GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_thumbnailer_load_texture_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_texture_thread);
}

/**
 * rd_thumbnailer_load_texture_finish:
 *
 * Returns: (transfer full): the image; its error is from GIO, GdkTexture
 *   or gdk-pixbuf (see rd_media_error_describe())
 */
GdkTexture *
rd_thumbnailer_load_texture_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
