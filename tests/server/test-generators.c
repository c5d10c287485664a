/* test-generators.c
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

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <gst/app/app.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "srv-generator.h"

typedef struct
{
  char         *dir;         /* where generators write */
  char         *inputs;      /* where references are written, kept apart */
  GPtrArray    *references;
  JsonObject   *params;
  GCancellable *cancellable;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("rivya-gen-out-XXXXXX", NULL);
  f->inputs = g_dir_make_tmp ("rivya-gen-in-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  g_assert_nonnull (f->inputs);
  f->references = g_ptr_array_new_with_free_func ((GDestroyNotify) srv_gen_reference_free);
  f->params = json_object_new ();
  f->cancellable = g_cancellable_new ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  remove_tree (f->inputs);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->inputs, g_free);
  g_clear_pointer (&f->references, g_ptr_array_unref);
  g_clear_pointer (&f->params, json_object_unref);
  g_clear_object (&f->cancellable);
}

static gboolean
run (Fixture       *f,
     const char    *model,
     const char    *mode,
     const char    *prompt,
     SrvGenOutput  *output,
     GError       **error)
{
  const SrvGenRequest request = {
    .model = model,
    .mode = mode,
    .prompt = prompt,
    .params = f->params,
    .references = f->references,
    .output_dir = f->dir,
    .cancellable = f->cancellable,
  };

  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  ok = srv_generator_run (&request, output, error);
  g_test_message ("%s %s took %.2f s", model, mode,
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  return ok;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static void
assert_output_in_dir (Fixture            *f,
                      const SrvGenOutput *output,
                      const char         *mime_type,
                      const char         *extension)
{
  g_autofree char *dir = g_path_get_dirname (output->path);
  g_autofree char *suffix = g_strconcat (".", extension, NULL);

  g_assert_cmpstr (dir, ==, f->dir);
  g_assert_true (g_file_test (output->path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_suffix (output->path, suffix));
  g_assert_cmpstr (output->mime_type, ==, mime_type);
  g_assert_cmpstr (output->extension, ==, extension);
  /* Nothing but the result: no temporary file left behind. */
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
add_reference (Fixture    *f,
               const char *path,
               const char *kind,
               const char *mime_type)
{
  SrvGenReference *reference = g_new0 (SrvGenReference, 1);

  reference->path = g_strdup (path);
  reference->kind = g_strdup (kind);
  reference->mime_type = g_strdup (mime_type);
  g_ptr_array_add (f->references, reference);
}

/* A picture with a red left half and a green right half. */
static char *
write_reference_png (Fixture    *f,
                     const char *name,
                     int         width,
                     int         height)
{
  char *path = g_build_filename (f->inputs, name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.9, 0.1, 0.1);
  cairo_rectangle (cr, 0, 0, width / 2, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.8, 0.2);
  cairo_rectangle (cr, width / 2, 0, width - width / 2, height);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static char *
write_corrupt_png (Fixture *f)
{
  static const char bytes[] = "\x89PNG\r\n\x1a\n" "this is not the rest of a PNG file";
  char *path = g_build_filename (f->inputs, "broken.png", NULL);

  g_assert_true (g_file_set_contents (path, bytes, sizeof bytes - 1, NULL));

  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* Decoded by type, as the server does: gdk-pixbuf cannot sniff formats
 * here, where the isolated XDG dirs hide the shared MIME database. */
static GdkPixbuf *
decode_image (const char *path,
              const char *mime_type)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;

  loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);

  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static gboolean
has_magic (const char *path,
           const char *magic,
           gsize       length)
{
  g_autoptr(GBytes) bytes = read_bytes (path);

  return g_bytes_get_size (bytes) >= length &&
         memcmp (g_bytes_get_data (bytes, NULL), magic, length) == 0;
}

static gboolean
have_elements (const char *first,
               ...)
{
  va_list args;
  gboolean ok = TRUE;

  va_start (args, first);
  for (const char *name = first; name != NULL && ok; name = va_arg (args, const char *))
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);

      if (factory == NULL)
        {
          g_autofree char *message = g_strdup_printf ("GStreamer element %s is not installed",
                                                      name);

          g_test_skip (message);
          ok = FALSE;
        }
    }
  va_end (args);

  return ok;
}

static gboolean
have_espeak (void)
{
  g_autofree char *program = g_find_program_in_path ("espeak-ng");

  if (program == NULL)
    g_test_skip ("espeak-ng is not installed");

  return program != NULL;
}

#define HAVE_WEBM_ELEMENTS() \
  have_elements ("appsrc", "videoconvert", "vp8enc", "webmmux", "audioconvert", \
                 "audioresample", "opusenc", "matroskademux", "opusdec", NULL)

static GstDiscovererInfo *
discover (const char *path)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GstDiscovererInfo *info;

  discoverer = gst_discoverer_new (20 * GST_SECOND, &error);
  g_assert_no_error (error);
  uri = gst_filename_to_uri (path, &error);
  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);

  return info;
}

static const char *
caps_name (GstDiscovererStreamInfo *info)
{
  g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (info);

  /* Interned by GStreamer: outlives the caps. */
  return g_intern_string (gst_structure_get_name (gst_caps_get_structure (caps, 0)));
}

static const char *
container_name (GstDiscovererInfo *info)
{
  g_autoptr(GstDiscovererStreamInfo) top = gst_discoverer_info_get_stream_info (info);

  return caps_name (top);
}

static double
duration_of (GstDiscovererInfo *info)
{
  return gst_discoverer_info_get_duration (info) / (double) GST_SECOND;
}

/* The loudest sample of a WebM file's sound, 0 to 32768, and when the
 * sound ends. */
static int
audio_peak (const char *path,
            double     *end)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GError) error = NULL;
  int peak = 0;

  *end = 0;
  pipeline = gst_parse_launch ("filesrc name=source ! matroskademux name=demux "
                               "demux.audio_0 ! opusdec ! audioconvert ! "
                               "audio/x-raw,format=S16LE ! appsink name=sink sync=false",
                               &error);
  g_assert_no_error (error);
  gst_object_ref_sink (pipeline);
  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (source, "location", path, NULL);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=,
                   GST_STATE_CHANGE_FAILURE);

  while (!gst_app_sink_is_eos (GST_APP_SINK (sink)))
    {
      g_autoptr(GstSample) sample = NULL;
      GstBuffer *buffer;
      GstMapInfo map;

      sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 10 * GST_SECOND);
      if (sample == NULL)
        break;

      buffer = gst_sample_get_buffer (sample);
      if (GST_BUFFER_PTS_IS_VALID (buffer) && GST_BUFFER_DURATION_IS_VALID (buffer))
        *end = MAX (*end, (GST_BUFFER_PTS (buffer) + GST_BUFFER_DURATION (buffer)) /
                          (double) GST_SECOND);

      g_assert_true (gst_buffer_map (buffer, &map, GST_MAP_READ));
      for (gsize i = 0; i + 1 < map.size; i += 2)
        {
          gint16 value;

          memcpy (&value, map.data + i, sizeof value);
          peak = MAX (peak, ABS ((int) value));
        }
      gst_buffer_unmap (buffer, &map);
    }

  g_assert_true (gst_app_sink_is_eos (GST_APP_SINK (sink)));
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return peak;
}

static void
test_sizes (void)
{
  static const struct {
    const char *aspect;
    int         long_w, long_h;
    int         short_w, short_h;
  } cases[] = {
    { "1:1", 1024, 1024, 360, 360 },
    { "4:3", 1024, 768, 480, 360 },
    { "3:4", 768, 1024, 360, 480 },
    { "16:9", 1024, 576, 640, 360 },
    { "9:16", 576, 1024, 360, 640 },
  };
  int width, height;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (srv_gen_size_for_aspect (cases[i].aspect, 1024, &width, &height));
      g_assert_cmpint (width, ==, cases[i].long_w);
      g_assert_cmpint (height, ==, cases[i].long_h);
      g_assert_true (srv_gen_size_for_short_side (cases[i].aspect, 360, &width, &height));
      g_assert_cmpint (width, ==, cases[i].short_w);
      g_assert_cmpint (height, ==, cases[i].short_h);
    }

  /* 480 × 16 / 9 is 853.3: encoders want it even. */
  g_assert_true (srv_gen_size_for_short_side ("16:9", 480, &width, &height));
  g_assert_cmpint (width, ==, 854);
  g_assert_cmpint (height, ==, 480);
  g_assert_true (srv_gen_size_for_aspect ("16:9", 1001, &width, &height));
  g_assert_cmpint (width % 2, ==, 0);
  g_assert_cmpint (height % 2, ==, 0);

  g_assert_false (srv_gen_size_for_aspect ("16x9", 1024, &width, &height));
  g_assert_false (srv_gen_size_for_aspect ("0:1", 1024, &width, &height));
  g_assert_false (srv_gen_size_for_aspect ("1:", 1024, &width, &height));
  g_assert_false (srv_gen_size_for_aspect (NULL, 1024, &width, &height));
  g_assert_false (srv_gen_size_for_short_side ("16:9", 0, &width, &height));
}

static void
test_unknown_model (Fixture       *f,
                    gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (run (f, "local-teleporter", "text-to-image", "hello", &output, &error));
  g_assert_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED);
  g_assert_null (output.path);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
set_image_defaults (Fixture *f)
{
  json_object_set_string_member (f->params, "aspect_ratio", "1:1");
  json_object_set_string_member (f->params, "style", "vivid");
  json_object_set_string_member (f->params, "output_format", "png");
}

static void
test_image_defaults (Fixture       *f,
                     gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  set_image_defaults (f);
  g_assert_true (run (f, "local-image", "text-to-image",
                      "A lighthouse on a cliff at dawn", &output, &error));
  g_assert_no_error (error);
  assert_output_in_dir (f, &output, "image/png", "png");
  g_assert_true (has_magic (output.path, "\x89PNG\r\n\x1a\n", 8));
  g_assert_cmpint (output.width, ==, 1024);
  g_assert_cmpint (output.height, ==, 1024);
  g_assert_cmpfloat (output.duration_seconds, ==, 0);

  pixbuf = decode_image (output.path, output.mime_type);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1024);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 1024);

  srv_gen_output_clear (&output);
}

static void
test_image_aspect_ratios (Fixture       *f,
                          gconstpointer  data)
{
  static const struct {
    const char *aspect;
    const char *style;
    const char *format;
    int         width, height;
  } cases[] = {
    { "1:1", "pastel", "jpeg", 1024, 1024 },
    { "4:3", "mono", "png", 1024, 768 },
    { "3:4", "blueprint", "jpeg", 768, 1024 },
    { "16:9", "sunset", "png", 1024, 576 },
    { "9:16", "vivid", "jpeg", 576, 1024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SrvGenOutput output = { 0 };
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autoptr(GError) error = NULL;
      gboolean jpeg = g_str_equal (cases[i].format, "jpeg");

      json_object_set_string_member (f->params, "aspect_ratio", cases[i].aspect);
      json_object_set_string_member (f->params, "style", cases[i].style);
      json_object_set_string_member (f->params, "output_format", cases[i].format);
      json_object_set_int_member (f->params, "seed", 1000 + i);

      g_assert_true (run (f, "local-image", "text-to-image", "Mountains in the mist",
                          &output, &error));
      g_assert_no_error (error);
      assert_output_in_dir (f, &output, jpeg ? "image/jpeg" : "image/png", jpeg ? "jpg" : "png");
      if (jpeg)
        g_assert_true (has_magic (output.path, "\xff\xd8\xff", 3));
      else
        g_assert_true (has_magic (output.path, "\x89PNG\r\n\x1a\n", 8));

      pixbuf = decode_image (output.path, output.mime_type);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, cases[i].width);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, cases[i].height);
      g_assert_cmpint (output.width, ==, cases[i].width);
      g_assert_cmpint (output.height, ==, cases[i].height);

      g_unlink (output.path);
      srv_gen_output_clear (&output);
    }
}

/* Every sampled pixel has r ≈ g ≈ b. */
static gboolean
is_grey (GdkPixbuf *pixbuf,
         int        tolerance)
{
  const guchar *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y += 7)
    {
      for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x += 7)
        {
          const guchar *p = pixels + y * stride + x * channels;

          if (ABS (p[0] - p[1]) > tolerance || ABS (p[1] - p[2]) > tolerance)
            return FALSE;
        }
    }

  return TRUE;
}

static void
test_image_mono_jpeg (Fixture       *f,
                      gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  set_image_defaults (f);
  json_object_set_string_member (f->params, "style", "mono");
  json_object_set_string_member (f->params, "output_format", "jpeg");
  /* Numbers may arrive as doubles. */
  json_object_set_double_member (f->params, "seed", 7.0);

  g_assert_true (run (f, "local-image", "text-to-image", "Black and white street photo",
                      &output, &error));
  g_assert_no_error (error);
  assert_output_in_dir (f, &output, "image/jpeg", "jpg");
  g_assert_true (has_magic (output.path, "\xff\xd8\xff", 3));

  pixbuf = decode_image (output.path, output.mime_type);
  g_assert_true (is_grey (pixbuf, 8));

  srv_gen_output_clear (&output);
}

static GBytes *
render_png (Fixture    *f,
            const char *prompt)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  g_assert_true (run (f, "local-image", "text-to-image", prompt, &output, &error));
  g_assert_no_error (error);
  bytes = read_bytes (output.path);
  g_unlink (output.path);
  srv_gen_output_clear (&output);

  return bytes;
}

static void
test_image_deterministic (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) as_double = NULL;
  g_autoptr(GBytes) other_seed = NULL;
  g_autoptr(GBytes) no_seed = NULL;
  g_autoptr(GBytes) no_seed_again = NULL;
  g_autoptr(GBytes) other_prompt = NULL;

  set_image_defaults (f);
  json_object_set_int_member (f->params, "seed", 42);
  first = render_png (f, "A red fox in the snow");
  again = render_png (f, "A red fox in the snow");
  json_object_set_double_member (f->params, "seed", 42.0);
  as_double = render_png (f, "A red fox in the snow");
  json_object_set_int_member (f->params, "seed", 43);
  other_seed = render_png (f, "A red fox in the snow");

  g_assert_true (g_bytes_equal (first, again));
  g_assert_true (g_bytes_equal (first, as_double));
  g_assert_false (g_bytes_equal (first, other_seed));

  /* Without a seed the prompt alone decides. */
  json_object_remove_member (f->params, "seed");
  no_seed = render_png (f, "A red fox in the snow");
  no_seed_again = render_png (f, "A red fox in the snow");
  other_prompt = render_png (f, "A blue fox in the snow");
  g_assert_true (g_bytes_equal (no_seed, no_seed_again));
  g_assert_false (g_bytes_equal (no_seed, other_prompt));

  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

typedef struct
{
  Fixture *f;
  GBytes  *result;
} ConcurrentRun;

static gpointer
concurrent_run_thread (gpointer data)
{
  ConcurrentRun *job = data;
  const SrvGenRequest request = {
    .model = "local-image",
    .mode = "text-to-image",
    .prompt = "Four painters, one canvas",
    .params = job->f->params,
    .references = job->f->references,
    .output_dir = job->f->dir,
  };
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_true (srv_generator_run (&request, &output, &error));
  g_assert_no_error (error);
  job->result = read_bytes (output.path);
  srv_gen_output_clear (&output);

  return NULL;
}

static void
test_image_concurrent (Fixture       *f,
                       gconstpointer  data)
{
  ConcurrentRun jobs[4];
  GThread *threads[4];

  set_image_defaults (f);
  json_object_set_int_member (f->params, "seed", 5);

  /* The same picture drawn on four threads at once must come out the same
   * four times: nothing is shared between runs. */
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      jobs[i].f = f;
      jobs[i].result = NULL;
      threads[i] = g_thread_new ("generator", concurrent_run_thread, &jobs[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    g_thread_join (threads[i]);

  for (guint i = 1; i < G_N_ELEMENTS (jobs); i++)
    g_assert_true (g_bytes_equal (jobs[0].result, jobs[i].result));
  g_assert_cmpuint (count_files (f->dir), ==, G_N_ELEMENTS (jobs));
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    g_bytes_unref (jobs[i].result);
}

static void
test_image_to_image (Fixture       *f,
                     gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = write_reference_png (f, "first.png", 320, 200);
  g_autofree char *second = write_reference_png (f, "second.png", 100, 160);
  const guchar *centre;

  set_image_defaults (f);
  json_object_set_string_member (f->params, "aspect_ratio", "4:3");
  json_object_set_string_member (f->params, "style", "blueprint");
  add_reference (f, first, "image", "image/png");
  add_reference (f, second, "image", "image/png");

  g_assert_true (run (f, "local-image", "image-to-image", "As a blueprint", &output, &error));
  g_assert_no_error (error);
  assert_output_in_dir (f, &output, "image/png", "png");

  pixbuf = decode_image (output.path, output.mime_type);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1024);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 768);

  /* The red half of the reference, graded into the blueprint's blue. */
  centre = gdk_pixbuf_read_pixels (pixbuf) + 300 * gdk_pixbuf_get_rowstride (pixbuf) +
           300 * gdk_pixbuf_get_n_channels (pixbuf);
  g_assert_cmpint (centre[2], >, centre[0]);

  srv_gen_output_clear (&output);
}

static void
test_image_corrupt_reference (Fixture       *f,
                              gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *good = write_reference_png (f, "good.png", 64, 64);
  g_autofree char *broken = write_corrupt_png (f);

  set_image_defaults (f);
  add_reference (f, good, "image", "image/png");
  add_reference (f, broken, "image", "image/png");

  g_assert_false (run (f, "local-image", "image-to-image", "Broken", &output, &error));
  g_assert_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT);
  /* Shown to API users: names the upload, not where the server keeps it. */
  g_assert_nonnull (strstr (error->message, "broken.png"));
  g_assert_null (strstr (error->message, f->inputs));
  g_assert_null (output.path);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
test_image_needs_reference (Fixture       *f,
                            gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  set_image_defaults (f);
  g_assert_false (run (f, "local-image", "image-to-image", "Nothing", &output, &error));
  g_assert_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
test_image_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  set_image_defaults (f);
  g_cancellable_cancel (f->cancellable);
  g_assert_false (run (f, "local-image", "text-to-image", "Never drawn", &output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (output.path);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
set_speech_defaults (Fixture *f)
{
  json_object_set_string_member (f->params, "voice", "en");
  json_object_set_int_member (f->params, "speed", 175);
  json_object_set_int_member (f->params, "pitch", 50);
  json_object_set_string_member (f->params, "output_format", "ogg");
}

static void
test_speech_defaults (Fixture       *f,
                      gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GList *audio;

  if (!have_espeak () ||
      !have_elements ("wavparse", "audioconvert", "audioresample", "opusenc", "oggmux", NULL))
    return;

  set_speech_defaults (f);
  g_assert_true (run (f, "local-speech", "text-to-speech",
                      "Hello from the local speech model.", &output, &error));
  g_assert_no_error (error);
  assert_output_in_dir (f, &output, "audio/ogg", "ogg");
  g_assert_true (has_magic (output.path, "OggS", 4));
  g_assert_cmpint (output.width, ==, 0);
  g_assert_cmpfloat (output.duration_seconds, >, 1.0);
  g_assert_cmpfloat (output.duration_seconds, <, 10.0);

  info = discover (output.path);
  g_assert_cmpstr (container_name (info), ==, "audio/ogg");
  audio = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (audio), ==, 1);
  g_assert_cmpstr (caps_name (audio->data), ==, "audio/x-opus");
  g_assert_cmpfloat_with_epsilon (duration_of (info), output.duration_seconds, 0.1);
  gst_discoverer_stream_info_list_free (audio);

  srv_gen_output_clear (&output);
}

static double
speak_wav (Fixture    *f,
           const char *prompt,
           int         speed)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  GList *audio;
  double duration;

  json_object_set_int_member (f->params, "speed", speed);
  g_assert_true (run (f, "local-speech", "text-to-speech", prompt, &output, &error));
  g_assert_no_error (error);
  assert_output_in_dir (f, &output, "audio/wav", "wav");
  g_assert_true (has_magic (output.path, "RIFF", 4));

  info = discover (output.path);
  audio = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (audio), ==, 1);
  g_assert_cmpfloat_with_epsilon (duration_of (info), output.duration_seconds, 0.05);
  gst_discoverer_stream_info_list_free (audio);

  duration = output.duration_seconds;
  g_unlink (output.path);
  srv_gen_output_clear (&output);

  return duration;
}

static void
test_speech_wav_params (Fixture       *f,
                        gconstpointer  data)
{
  const char *text = "Bonjour à tous, ceci est un essai de la voix française.";
  double slow, fast;

  if (!have_espeak () || !have_elements ("wavparse", NULL))
    return;

  set_speech_defaults (f);
  json_object_set_string_member (f->params, "voice", "fr");
  json_object_set_double_member (f->params, "pitch", 80.0);
  json_object_set_string_member (f->params, "output_format", "wav");

  slow = speak_wav (f, text, 80);
  fast = speak_wav (f, text, 450);
  g_assert_cmpfloat (fast, >, 0.3);
  g_assert_cmpfloat (slow, >, 2 * fast);
}

static void
test_speech_dashes (Fixture       *f,
                    gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  if (!have_espeak () ||
      !have_elements ("wavparse", "audioconvert", "audioresample", "opusenc", "oggmux", NULL))
    return;

  /* Were any of this read as options, espeak-ng would print its help or
   * reject the voice instead of speaking. */
  set_speech_defaults (f);
  g_assert_true (run (f, "local-speech", "text-to-speech",
                      "--help -v xx --stdin \"quoted\" 'single' ; rm -rf / `echo $HOME`",
                      &output, &error));
  g_assert_no_error (error);
  assert_output_in_dir (f, &output, "audio/ogg", "ogg");
  g_assert_cmpfloat (output.duration_seconds, >, 1.0);

  srv_gen_output_clear (&output);
}

static void
test_speech_empty (Fixture       *f,
                   gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  if (!have_espeak ())
    return;

  set_speech_defaults (f);
  g_assert_false (run (f, "local-speech", "text-to-speech", "  \n ", &output, &error));
  g_assert_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
test_speech_cancelled (Fixture       *f,
                       gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  set_speech_defaults (f);
  g_cancellable_cancel (f->cancellable);
  g_assert_false (run (f, "local-speech", "text-to-speech", "Never said", &output, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
test_missing_espeak (Fixture       *f,
                     gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) video_error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  /* An empty directory as the whole PATH: no espeak-ng anywhere. */
  g_setenv ("PATH", f->inputs, TRUE);

  json_object_set_string_member (f->params, "voice", "en");
  g_assert_false (run (f, "local-speech", "text-to-speech", "Silence", &output, &error));
  g_assert_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_MISSING_TOOL);

  json_object_set_boolean_member (f->params, "narrate", TRUE);
  g_assert_false (run (f, "local-video", "text-to-video", "Silence", &output, &video_error));
  g_assert_error (video_error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_MISSING_TOOL);

  g_assert_null (output.path);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
set_video_params (Fixture    *f,
                  int         seconds,
                  const char *aspect,
                  const char *resolution,
                  gboolean    narrate)
{
  json_object_set_int_member (f->params, "duration_seconds", seconds);
  json_object_set_string_member (f->params, "aspect_ratio", aspect);
  json_object_set_string_member (f->params, "resolution", resolution);
  json_object_set_boolean_member (f->params, "narrate", narrate);
}

/* Returns the peak of the sound track, which always exists and never
 * outlasts the picture. */
static int
assert_webm (Fixture            *f,
             const SrvGenOutput *output,
             int                 width,
             int                 height,
             double              seconds)
{
  g_autoptr(GstDiscovererInfo) info = NULL;
  GList *video, *audio;
  double sound_end;
  int peak;

  assert_output_in_dir (f, output, "video/webm", "webm");
  g_assert_true (has_magic (output->path, "\x1a\x45\xdf\xa3", 4));
  g_assert_cmpint (output->width, ==, width);
  g_assert_cmpint (output->height, ==, height);
  g_assert_cmpfloat_with_epsilon (output->duration_seconds, seconds, 0.001);

  info = discover (output->path);
  g_assert_cmpstr (container_name (info), ==, "video/webm");
  g_assert_cmpfloat_with_epsilon (duration_of (info), seconds, 0.1);

  video = gst_discoverer_info_get_video_streams (info);
  g_assert_cmpuint (g_list_length (video), ==, 1);
  g_assert_cmpstr (caps_name (video->data), ==, "video/x-vp8");
  g_assert_cmpuint (gst_discoverer_video_info_get_width (video->data), ==, width);
  g_assert_cmpuint (gst_discoverer_video_info_get_height (video->data), ==, height);
  g_assert_cmpuint (gst_discoverer_video_info_get_framerate_num (video->data), ==, 24);
  g_assert_cmpuint (gst_discoverer_video_info_get_framerate_denom (video->data), ==, 1);

  audio = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (audio), ==, 1);
  g_assert_cmpstr (caps_name (audio->data), ==, "audio/x-opus");

  gst_discoverer_stream_info_list_free (video);
  gst_discoverer_stream_info_list_free (audio);

  peak = audio_peak (output->path, &sound_end);
  g_assert_cmpfloat (sound_end, >, seconds - 0.1);
  g_assert_cmpfloat (sound_end, <=, seconds);

  return peak;
}

static void
test_video_defaults (Fixture       *f,
                     gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  if (!HAVE_WEBM_ELEMENTS ())
    return;

  set_video_params (f, 4, "16:9", "360p", FALSE);
  g_assert_true (run (f, "local-video", "text-to-video", "A lighthouse on a cliff at dawn",
                      &output, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_webm (f, &output, 640, 360, 4.0), <, 64);

  srv_gen_output_clear (&output);
}

static void
test_video_narrated (Fixture       *f,
                     gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;

  if (!have_espeak () || !HAVE_WEBM_ELEMENTS ())
    return;

  set_video_params (f, 2, "9:16", "480p", TRUE);
  g_assert_true (run (f, "local-video", "text-to-video", "Welcome to the show",
                      &output, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assert_webm (f, &output, 480, 854, 2.0), >, 1000);

  srv_gen_output_clear (&output);
}

static void
test_image_to_video (Fixture       *f,
                     gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *picture = write_reference_png (f, "still.png", 300, 500);

  if (!HAVE_WEBM_ELEMENTS ())
    return;

  set_video_params (f, 1, "1:1", "720p", FALSE);
  add_reference (f, picture, "image", "image/png");
  g_assert_true (run (f, "local-video", "image-to-video", "Slow zoom", &output, &error));
  g_assert_no_error (error);
  assert_webm (f, &output, 720, 720, 1.0);

  srv_gen_output_clear (&output);
}

static void
test_video_corrupt_reference (Fixture       *f,
                              gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *broken = write_corrupt_png (f);

  set_video_params (f, 1, "16:9", "360p", FALSE);
  add_reference (f, broken, "image", "image/png");
  g_assert_false (run (f, "local-video", "image-to-video", "Broken", &output, &error));
  g_assert_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT);
  g_assert_nonnull (strstr (error->message, "broken.png"));
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static gpointer
cancel_later_thread (gpointer data)
{
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (data);

  return NULL;
}

static void
test_video_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  SrvGenOutput output = { 0 };
  g_autoptr(GError) error = NULL;
  GThread *canceller;
  gint64 start;

  if (!HAVE_WEBM_ELEMENTS ())
    return;

  /* Long enough that it is still encoding when cancelled. */
  set_video_params (f, 20, "16:9", "720p", FALSE);
  canceller = g_thread_new ("canceller", cancel_later_thread, f->cancellable);
  start = g_get_monotonic_time ();
  g_assert_false (run (f, "local-video", "text-to-video", "Interrupted", &output, &error));
  g_thread_join (canceller);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_TIME_SPAN_SECOND);
  g_assert_null (output.path);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gst_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/generators/sizes", test_sizes);
  ADD ("/generators/unknown-model", test_unknown_model);
  ADD ("/generators/image/defaults", test_image_defaults);
  ADD ("/generators/image/aspect-ratios", test_image_aspect_ratios);
  ADD ("/generators/image/mono-jpeg", test_image_mono_jpeg);
  ADD ("/generators/image/deterministic", test_image_deterministic);
  ADD ("/generators/image/concurrent", test_image_concurrent);
  ADD ("/generators/image/image-to-image", test_image_to_image);
  ADD ("/generators/image/corrupt-reference", test_image_corrupt_reference);
  ADD ("/generators/image/needs-reference", test_image_needs_reference);
  ADD ("/generators/image/cancelled", test_image_cancelled);
  ADD ("/generators/speech/defaults", test_speech_defaults);
  ADD ("/generators/speech/wav-params", test_speech_wav_params);
  ADD ("/generators/speech/dashes", test_speech_dashes);
  ADD ("/generators/speech/empty", test_speech_empty);
  ADD ("/generators/speech/cancelled", test_speech_cancelled);
  ADD ("/generators/speech/missing-espeak", test_missing_espeak);
  ADD ("/generators/video/defaults", test_video_defaults);
  ADD ("/generators/video/narrated", test_video_narrated);
  ADD ("/generators/video/image-to-video", test_image_to_video);
  ADD ("/generators/video/corrupt-reference", test_video_corrupt_reference);
  ADD ("/generators/video/cancelled", test_video_cancelled);

#undef ADD

  return g_test_run ();
}
