/* srv-generator.c
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

#include "srv-generator.h"

#include <errno.h>
#include <fcntl.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "srv-gen-util-private.h"

G_DEFINE_QUARK (srv-generator-error-quark, srv_generator_error)

/* Nothing is drawn larger than a few thousand pixels: bigger references
 * are scaled down while they are decoded. */
#define MAX_IMAGE_SIDE 4096
#define CHUNK_SIZE     65536

gboolean
srv_generator_run (const SrvGenRequest  *request,
                   SrvGenOutput         *output,
                   GError              **error)
{
  SrvGenOutput result = { 0 };
  gboolean ok;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (!request->cancellable || G_IS_CANCELLABLE (request->cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
    return FALSE;

  if (request->output_dir == NULL ||
      !g_file_test (request->output_dir, G_FILE_TEST_IS_DIR))
    {
      g_debug ("Output directory %s is missing", request->output_dir);
      g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                           "The server has nowhere to store the result");
      return FALSE;
    }

  if (g_strcmp0 (request->model, "local-image") == 0)
    ok = srv_gen_image_run (request, &result, error);
  else if (g_strcmp0 (request->model, "local-speech") == 0)
    ok = srv_gen_speech_run (request, &result, error);
  else if (g_strcmp0 (request->model, "local-video") == 0)
    ok = srv_gen_video_run (request, &result, error);
  else
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "There is no local generator for the model “%s”",
                   request->model ? request->model : "(none)");
      return FALSE;
    }

  /* The caller's struct is only touched on success, so it never holds
   * half of a result. */
  if (!ok)
    {
      srv_gen_output_clear (&result);
      return FALSE;
    }

  *output = result;

  return TRUE;
}

void
srv_gen_output_clear (SrvGenOutput *output)
{
  if (output == NULL)
    return;

  g_clear_pointer (&output->path, g_free);
  g_clear_pointer (&output->mime_type, g_free);
  g_clear_pointer (&output->extension, g_free);
  output->width = 0;
  output->height = 0;
  output->duration_seconds = 0;
}

void
srv_gen_reference_free (SrvGenReference *reference)
{
  if (reference == NULL)
    return;

  g_free (reference->path);
  g_free (reference->kind);
  g_free (reference->mime_type);
  g_free (reference);
}

static gboolean
parse_aspect (const char *aspect_ratio,
              guint64    *num,
              guint64    *den)
{
  const char *colon;
  char *end = NULL;

  if (aspect_ratio == NULL || (colon = strchr (aspect_ratio, ':')) == NULL)
    return FALSE;

  *num = g_ascii_strtoull (aspect_ratio, &end, 10);
  if (end != colon || *num == 0 || *num > 1000)
    return FALSE;

  *den = g_ascii_strtoull (colon + 1, &end, 10);
  if (*end != '\0' || *den == 0 || *den > 1000)
    return FALSE;

  return TRUE;
}

static int
round_even (double value)
{
  return MAX (2, (int) (2.0 * round (value / 2.0)));
}

static gboolean
size_for_side (const char *aspect_ratio,
               int         side,
               gboolean    is_long,
               int        *width,
               int        *height)
{
  guint64 num, den;
  double ratio;
  int other;

  *width = *height = 0;

  if (side < 2 || !parse_aspect (aspect_ratio, &num, &den))
    return FALSE;

  side = round_even (side);
  ratio = (double) MAX (num, den) / MIN (num, den);
  other = round_even (is_long ? side / ratio : side * ratio);

  if ((num >= den) == is_long)
    {
      *width = side;
      *height = other;
    }
  else
    {
      *width = other;
      *height = side;
    }

  return TRUE;
}

gboolean
srv_gen_size_for_aspect (const char *aspect_ratio,
                         int         long_side,
                         int        *width,
                         int        *height)
{
  g_return_val_if_fail (width != NULL, FALSE);
  g_return_val_if_fail (height != NULL, FALSE);

  return size_for_side (aspect_ratio, long_side, TRUE, width, height);
}

gboolean
srv_gen_size_for_short_side (const char *aspect_ratio,
                             int         short_side,
                             int        *width,
                             int        *height)
{
  g_return_val_if_fail (width != NULL, FALSE);
  g_return_val_if_fail (height != NULL, FALSE);

  return size_for_side (aspect_ratio, short_side, FALSE, width, height);
}

SrvGenTempFile *
_srv_gen_temp_file_new (const char  *output_dir,
                        GError     **error)
{
  g_autofree char *path = NULL;
  int fd;

  g_assert (output_dir != NULL);

  /* Hidden, so that a directory listing never offers a file being written. */
  path = g_build_filename (output_dir, ".srv-gen-XXXXXX.part", NULL);
  fd = g_mkstemp_full (path, O_RDWR, 0644);
  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "Could not create a file in the output directory: %s",
                   g_strerror (errsv));
      return NULL;
    }

  g_close (fd, NULL);

  return g_steal_pointer (&path);
}

void
_srv_gen_temp_file_free (SrvGenTempFile *temp)
{
  if (temp == NULL)
    return;

  g_unlink (temp);
  g_free (temp);
}

gboolean
_srv_gen_temp_file_commit (SrvGenTempFile  **temp,
                           const char       *output_dir,
                           const char       *stem,
                           const char       *extension,
                           char            **final_path,
                           GError          **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_assert (temp != NULL && *temp != NULL);
  g_assert (output_dir != NULL);
  g_assert (final_path != NULL);

  uuid = g_uuid_string_random ();
  name = g_strdup_printf ("%s-%s.%s", stem, uuid, extension);
  path = g_build_filename (output_dir, name, NULL);

  if (g_rename (*temp, path) != 0)
    {
      int errsv = errno;

      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "Could not store the generated file: %s", g_strerror (errsv));
      return FALSE;
    }

  g_clear_pointer (temp, g_free);
  *final_path = g_steal_pointer (&path);

  return TRUE;
}

static JsonNode *
param_value (JsonObject *params,
             const char *key)
{
  JsonNode *node;

  if (params == NULL || !json_object_has_member (params, key))
    return NULL;

  node = json_object_get_member (params, key);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  return node;
}

const char *
_srv_gen_param_string (JsonObject *params,
                       const char *key,
                       const char *fallback)
{
  JsonNode *node = param_value (params, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return fallback;

  return json_node_get_string (node);
}

gboolean
_srv_gen_param_has_number (JsonObject *params,
                           const char *key)
{
  JsonNode *node = param_value (params, key);
  GType type;

  if (node == NULL)
    return FALSE;

  type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

double
_srv_gen_param_number (JsonObject *params,
                       const char *key,
                       double      fallback,
                       double      min,
                       double      max)
{
  double value;

  if (!_srv_gen_param_has_number (params, key))
    return fallback;

  value = json_node_get_double (param_value (params, key));
  if (!isfinite (value))
    return fallback;

  return CLAMP (value, min, max);
}

gboolean
_srv_gen_param_boolean (JsonObject *params,
                        const char *key,
                        gboolean    fallback)
{
  JsonNode *node = param_value (params, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

gboolean
_srv_gen_string_in (const char         *value,
                    const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

gboolean
_srv_gen_ensure_gstreamer (GError **error)
{
  /* Written once, before any reader can see it, then never again. */
  static gsize initialized = 0;
  static char *failure = NULL;

  if (g_once_init_enter (&initialized))
    {
      GError *local_error = NULL;

      if (!gst_init_check (NULL, NULL, &local_error))
        {
          failure = g_strdup (local_error ? local_error->message : "unknown error");
          g_clear_error (&local_error);
        }

      g_once_init_leave (&initialized, 1);
    }

  if (failure != NULL)
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_MISSING_TOOL,
                   "GStreamer could not be initialized: %s", failure);
      return FALSE;
    }

  return TRUE;
}

static const char *
package_for_element (const char *name)
{
  static const char * const good[] = { "vp8enc", "webmmux", "wavparse", NULL };

  if (g_strv_contains (good, name))
    return "gstreamer1.0-plugins-good";

  return "gstreamer1.0-plugins-base";
}

GstElement *
_srv_gen_pipeline_new (const char  *description,
                       GError     **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;

  g_assert (description != NULL);

  if (!_srv_gen_ensure_gstreamer (error))
    return NULL;

  context = gst_parse_context_new ();
  pipeline = gst_parse_launch_full (description, context, GST_PARSE_FLAG_FATAL_ERRORS,
                                    &local_error);

  /* The pipeline comes back floating; own it plainly. */
  if (pipeline != NULL && g_object_is_floating (pipeline))
    gst_object_ref_sink (pipeline);

  if (pipeline == NULL || local_error != NULL)
    {
      g_auto(GStrv) missing = gst_parse_context_get_missing_elements (context);

      if (missing != NULL && missing[0] != NULL)
        g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_MISSING_TOOL,
                     "The GStreamer element “%s” is not installed (it comes with %s)",
                     missing[0], package_for_element (missing[0]));
      else
        g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                     "The media pipeline could not be built: %s",
                     local_error ? local_error->message : "unknown error");
      return NULL;
    }

  return g_steal_pointer (&pipeline);
}

static void
set_error_from_message (GstMessage  *message,
                        GError     **error)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("Pipeline error from %s: %s (%s)",
           GST_MESSAGE_SRC_NAME (message),
           gst_error ? gst_error->message : "?",
           debug ? debug : "no details");

  /* Resource errors name files on the server: say what failed instead. */
  if (gst_error == NULL || gst_error->domain == GST_RESOURCE_ERROR)
    g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                         "The media file could not be written on the server");
  else
    g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                 "The media could not be encoded: %s", gst_error->message);
}

gboolean
_srv_gen_pipeline_run (GstElement    *pipeline,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GstBus) bus = NULL;
  gboolean ok = FALSE;

  g_assert (GST_IS_PIPELINE (pipeline));

  bus = gst_pipeline_get_bus (GST_PIPELINE (pipeline));

  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

      if (message != NULL)
        set_error_from_message (message, error);
      else
        g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                             "The media pipeline could not be started");
      goto out;
    }

  /* No main loop runs on a worker thread: poll the bus, and the
   * cancellable between polls. */
  for (;;)
    {
      g_autoptr(GstMessage) message = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      message = gst_bus_timed_pop_filtered (bus, 50 * GST_MSECOND,
                                            GST_MESSAGE_ERROR | GST_MESSAGE_EOS);
      if (message == NULL)
        continue;

      if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
        {
          set_error_from_message (message, error);
          goto out;
        }

      break;
    }

  /* A pipeline cut short by cancellation may still end cleanly: its file
   * is then incomplete. */
  ok = !g_cancellable_set_error_if_cancelled (cancellable, error);

out:
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return ok;
}

static cairo_surface_t *
surface_from_pixbuf (GdkPixbuf *pixbuf)
{
  cairo_surface_t *surface;
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guchar *src = gdk_pixbuf_read_pixels (pixbuf);
  guchar *dst;
  int dst_stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);

  /* Cairo wants native-endian 32-bit pixels with premultiplied alpha. */
  for (int y = 0; y < height; y++)
    {
      const guchar *s = src + (gsize) y * src_stride;
      guint32 *d = (guint32 *) (gpointer) (dst + (gsize) y * dst_stride);

      for (int x = 0; x < width; x++, s += channels)
        {
          guint a = alpha ? s[3] : 255;
          guint r = (s[0] * a + 127) / 255;
          guint g = (s[1] * a + 127) / 255;
          guint b = (s[2] * a + 127) / 255;

          d[x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }

  cairo_surface_mark_dirty (surface);

  return surface;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  double scale;

  if (MAX (width, height) <= MAX_IMAGE_SIDE)
    return;

  scale = (double) MAX_IMAGE_SIDE / MAX (width, height);
  gdk_pixbuf_loader_set_size (loader,
                              MAX (1, (int) (width * scale)),
                              MAX (1, (int) (height * scale)));
}

static GdkPixbuf *
decode_file (const char  *path,
             const char  *mime_type,
             GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree guchar *chunk = g_malloc (CHUNK_SIZE);
  GdkPixbuf *pixbuf;
  gssize n_read = -1;

  /* The type sniffed at upload picks the decoder: gdk-pixbuf's own
   * sniffing needs the shared MIME database, which an isolated or
   * sandboxed environment may not show. */
  if (mime_type != NULL && g_str_has_prefix (mime_type, "image/"))
    loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, NULL);
  if (loader == NULL)
    loader = gdk_pixbuf_loader_new ();

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), NULL);

  stream = g_file_read (file, NULL, error);
  while (stream != NULL)
    {
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk, CHUNK_SIZE, NULL, error);
      if (n_read <= 0 || !gdk_pixbuf_loader_write (loader, chunk, n_read, error))
        break;
    }

  /* A loader must always be closed, even after a failure. */
  if (n_read != 0)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }

  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;

  if (!(pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)))
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           "The file holds no picture");
      return NULL;
    }

  return g_object_ref (pixbuf);
}

cairo_surface_t *
_srv_gen_load_image (const char  *path,
                     const char  *mime_type,
                     GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  cairo_surface_t *surface;

  if (!(pixbuf = decode_file (path, mime_type, &local_error)))
    {
      g_autoptr(GString) reason = g_string_new (local_error ? local_error->message
                                                            : "unknown format");

      /* The message reaches API users: it names the upload, never the
       * server's directories. */
      g_string_replace (reason, path, name, 0);
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT,
                   "The reference image “%s” could not be decoded: %s", name, reason->str);
      return NULL;
    }

  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  surface = surface_from_pixbuf (oriented ? oriented : pixbuf);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT,
                   "The reference image “%s” is too large to be used", name);
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

gboolean
_srv_gen_reference_is_image (const SrvGenReference *reference)
{
  if (reference == NULL || reference->path == NULL)
    return FALSE;

  if (reference->kind != NULL)
    return g_strcmp0 (reference->kind, "image") == 0;

  return reference->mime_type != NULL && g_str_has_prefix (reference->mime_type, "image/");
}

void
_srv_gen_paint_cover (cairo_t         *cr,
                      cairo_surface_t *source,
                      double           x,
                      double           y,
                      double           width,
                      double           height)
{
  int sw = cairo_image_surface_get_width (source);
  int sh = cairo_image_surface_get_height (source);
  double scale = MAX (width / sw, height / sh);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x + (width - sw * scale) / 2, y + (height - sh * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, source, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
}

static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface)
{
  GdkPixbuf *pixbuf;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  const guchar *src;
  guchar *dst;
  int src_stride, dst_stride;

  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  if (pixbuf == NULL)
    return NULL;

  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);
  src_stride = cairo_image_surface_get_stride (surface);
  dst = gdk_pixbuf_get_pixels (pixbuf);
  dst_stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    {
      const guint32 *s = (const guint32 *) (gconstpointer) (src + (gsize) y * src_stride);
      guchar *d = dst + (gsize) y * dst_stride;

      for (int x = 0; x < width; x++, d += 3)
        {
          guint a = alpha ? s[x] >> 24 : 255;
          guint r = (s[x] >> 16) & 0xff;
          guint g = (s[x] >> 8) & 0xff;
          guint b = s[x] & 0xff;

          /* JPEG has no alpha: undo cairo's premultiplication. */
          if (a != 255)
            {
              r = a ? (r * 255 + a / 2) / a : 0;
              g = a ? (g * 255 + a / 2) / a : 0;
              b = a ? (b * 255 + a / 2) / a : 0;
            }

          d[0] = MIN (r, 255);
          d[1] = MIN (g, 255);
          d[2] = MIN (b, 255);
        }
    }

  return pixbuf;
}

gboolean
_srv_gen_save_image (cairo_surface_t  *surface,
                     const char       *path,
                     gboolean          jpeg,
                     GError          **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_status_t status;

  g_assert (surface != NULL);
  g_assert (path != NULL);

  if (!jpeg)
    {
      status = cairo_surface_write_to_png (surface, path);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                       "The picture could not be saved as PNG: %s",
                       cairo_status_to_string (status));
          return FALSE;
        }

      return TRUE;
    }

  if (!(pixbuf = pixbuf_from_surface (surface)) ||
      !gdk_pixbuf_save (pixbuf, path, "jpeg", &local_error, "quality", "90", NULL))
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The picture could not be saved as JPEG: %s",
                   local_error ? local_error->message : "out of memory");
      return FALSE;
    }

  return TRUE;
}
