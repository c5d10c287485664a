/* test-upload.c
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lib-test-utils.h"

/* Uploads against the real rivya-server: streamed from a GFile and a
 * GInputStream with progress, checked before sending, cancelled. */

static SrvTestServer *srv;
static char *work_dir;

typedef struct
{
  guint    count;
  guint64  last_sent;
  gint64   total;
  gboolean monotonic;
  GCancellable *cancel_when_sending;
} Progress;

static void
progress_cb (RivyaUpload *upload,
             guint64      bytes_sent,
             gint64       total_bytes,
             Progress    *progress)
{
  if (bytes_sent < progress->last_sent)
    progress->monotonic = FALSE;
  progress->count++;
  progress->last_sent = bytes_sent;
  progress->total = total_bytes;
  g_assert_cmpuint (rivya_upload_get_bytes_sent (upload), ==, bytes_sent);

  if (progress->cancel_when_sending != NULL && bytes_sent > 0)
    g_cancellable_cancel (progress->cancel_when_sending);
}

static GFile *
write_file (const char *name,
            GBytes     *contents)
{
  g_autofree char *path = g_build_filename (work_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents), &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GBytes *
filled (gsize       size,
        const char *magic,
        gsize       magic_len)
{
  guint8 *data = g_malloc0 (size);

  memcpy (data, magic, magic_len);
  return g_bytes_new_take (data, size);
}

static RivyaModel *
find_model (RivyaClient *client,
            const char  *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) models = NULL;
  g_autoptr(GError) error = NULL;

  rivya_client_list_models_async (client, NULL, lib_test_store_result, &result);
  models = rivya_client_list_models_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (g_str_equal (rivya_model_get_id (model), id))
        return g_steal_pointer (&model);
    }
  g_assert_not_reached ();
  return NULL;
}

static RivyaFile *
upload (RivyaClient   *client,
        RivyaUpload   *request,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rivya_client_upload_async (client, request, cancellable, lib_test_store_result, &result);
  return rivya_client_upload_finish (client, lib_test_await (&result), error);
}

static void
test_upload_file (void)
{
  g_autoptr(RivyaClient) client = lib_test_client (srv, srv->key);
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(GFile) path = write_file ("pic.png", png);
  g_autoptr(RivyaModel) model = find_model (client, "local-image");
  g_autoptr(RivyaUpload) request = rivya_upload_new_for_file (path, "image");
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(SrvTestResponse) served = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, 0, 0, TRUE, NULL };
  gsize size = g_bytes_get_size (png);

  rivya_upload_set_model (request, model);
  rivya_upload_set_client_request_id (request, "upload-1");
  g_signal_connect (request, "progress", G_CALLBACK (progress_cb), &progress);

  file = upload (client, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rivya_file_get_id (file), "file_"));
  g_assert_cmpstr (rivya_file_get_kind (file), ==, "image");
  g_assert_cmpstr (rivya_file_get_name (file), ==, "pic.png");
  g_assert_cmpstr (rivya_file_get_mime_type (file), ==, "image/png");
  g_assert_cmpint (rivya_file_get_size_bytes (file), ==, size);
  g_assert_cmpstr (rivya_file_get_model (file), ==, "local-image");
  g_assert_cmpstr (rivya_file_get_client_request_id (file), ==, "upload-1");
  g_assert_cmpstr (rivya_upload_get_mime_type (request), ==, "image/png");
  g_assert_cmpint (rivya_upload_get_size (request), ==, size);

  /* Progress: from 0 to the whole body, which is the file plus framing. */
  g_assert_cmpuint (progress.count, >=, 2);
  g_assert_true (progress.monotonic);
  g_assert_cmpint (progress.total, >, size);
  g_assert_cmpint (progress.total, <, size + 1024);
  g_assert_cmpuint (progress.last_sent, ==, progress.total);
  g_assert_cmpint (rivya_upload_get_total_bytes (request), ==, progress.total);

  /* The url serves the very bytes. */
  served = srv_test_get_url (srv, rivya_file_get_url (file), NULL);
  srv_assert_status (served, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (served->headers, NULL), ==, "image/png");
  g_assert_true (g_bytes_equal (served->body, png));
}

/* A minimal PCM WAV: 8 kHz, 8 bit, mono, @seconds of silence. */
static GBytes *
make_wav (guint seconds)
{
  guint32 data_len = 8000 * seconds;
  GByteArray *out = g_byte_array_new ();
  guint8 header[44];
  guint8 *silence;

  memcpy (header, "RIFF", 4);
  header[4] = (36 + data_len) & 0xff;
  header[5] = ((36 + data_len) >> 8) & 0xff;
  header[6] = ((36 + data_len) >> 16) & 0xff;
  header[7] = ((36 + data_len) >> 24) & 0xff;
  memcpy (header + 8, "WAVEfmt ", 8);
  memcpy (header + 16, "\x10\0\0\0\x01\0\x01\0\x40\x1f\0\0\x40\x1f\0\0\x01\0\x08\0", 20);
  memcpy (header + 36, "data", 4);
  header[40] = data_len & 0xff;
  header[41] = (data_len >> 8) & 0xff;
  header[42] = (data_len >> 16) & 0xff;
  header[43] = (data_len >> 24) & 0xff;
  g_byte_array_append (out, header, sizeof header);
  silence = g_malloc (data_len);
  memset (silence, 0x80, data_len);
  g_byte_array_append (out, silence, data_len);
  g_free (silence);

  return g_byte_array_free_to_bytes (out);
}

static void
test_upload_stream (void)
{
  g_autoptr(RivyaClient) client = lib_test_client (srv, srv->key);
  g_autoptr(GBytes) wav = make_wav (2);
  g_autoptr(GBytes) png = srv_test_make_png (20, 20);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (wav);
  g_autoptr(GInputStream) unsized = g_memory_input_stream_new_from_bytes (png);
  g_autoptr(RivyaUpload) request = rivya_upload_new_for_stream (stream, g_bytes_get_size (wav), "voice.wav", "audio");
  g_autoptr(RivyaUpload) chunked = rivya_upload_new_for_stream (unsized, -1, "unsized.png", "image");
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(RivyaFile) file2 = NULL;
  g_autoptr(SrvTestResponse) served = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, 0, 0, TRUE, NULL };

  g_signal_connect (request, "progress", G_CALLBACK (progress_cb), &progress);
  file = upload (client, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_file_get_kind (file), ==, "audio");
  g_assert_cmpstr (rivya_file_get_mime_type (file), ==, "audio/wav");
  g_assert_cmpint (rivya_file_get_size_bytes (file), ==, g_bytes_get_size (wav));
  g_assert_cmpfloat_with_epsilon (rivya_file_get_duration_seconds (file), 2.0, 0.05);
  g_assert_nonnull (rivya_file_get_duration_token (file));
  g_assert_cmpuint (progress.last_sent, ==, progress.total);

  served = srv_test_get_url (srv, rivya_file_get_url (file), NULL);
  srv_assert_status (served, 200);
  g_assert_true (g_bytes_equal (served->body, wav));

  /* Size unknown: sent chunked, no total for the progress. */
  file2 = upload (client, chunked, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rivya_file_get_size_bytes (file2), ==, g_bytes_get_size (png));
  g_assert_cmpint (rivya_upload_get_total_bytes (chunked), ==, -1);
}

static void
test_upload_names_and_retry (void)
{
  g_autoptr(RivyaClient) client = lib_test_client (srv, srv->key);
  g_autoptr(GBytes) png = srv_test_make_png (10, 10);
  g_autoptr(GFile) path = write_file ("café \"quoted\".png", png);
  g_autoptr(RivyaUpload) request = rivya_upload_new_for_file (path, "image");
  g_autoptr(RivyaFile) first = NULL;
  g_autoptr(RivyaFile) again = NULL;
  g_autoptr(RivyaFile) fresh = NULL;
  g_autoptr(GError) error = NULL;

  first = upload (client, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_file_get_name (first), ==, "café \"quoted\".png");

  /* The same upload again, with its key: the same file (B.3). */
  again = upload (client, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_file_get_id (again), ==, rivya_file_get_id (first));

  rivya_upload_set_idempotency_key (request, NULL);
  fresh = upload (client, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_file_get_id (fresh), !=, rivya_file_get_id (first));
}

static void
assert_refused (RivyaClient *client,
                RivyaUpload *request,
                RivyaError   code,
                const char  *param,
                const char  *message)
{
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, 0, 0, TRUE, NULL };
  guint requests = 0;
  gulong handler;

  handler = g_signal_connect (client, "request-finished", G_CALLBACK (lib_test_count_request), &requests);
  g_signal_connect (request, "progress", G_CALLBACK (progress_cb), &progress);

  file = upload (client, request, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, RIVYA_ERROR, code);
  g_assert_cmpstr (rivya_error_get_param (error), ==, param);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, 0);

  /* Not one request, not one byte. */
  g_assert_cmpuint (requests, ==, 0);
  g_assert_cmpuint (progress.count, ==, 0);
  g_signal_handler_disconnect (client, handler);
}

static void
test_upload_refused_before_sending (void)
{
  g_autoptr(RivyaClient) client = lib_test_client (srv, srv->key);
  g_autoptr(RivyaModel) image_model = find_model (client, "local-image");
  g_autoptr(RivyaModel) speech_model = find_model (client, "local-speech");
  g_autoptr(GBytes) big = filled (10 * 1024 * 1024 + 1, "\x89PNG\r\n\x1a\n", 8);
  g_autoptr(GBytes) gif = filled (100, "GIF89a", 6);
  g_autoptr(GBytes) png = srv_test_make_png (8, 8);
  g_autoptr(GFile) big_path = write_file ("big.png", big);
  g_autoptr(GFile) gif_path = write_file ("anim.gif", gif);
  g_autoptr(GFile) png_path = write_file ("small.png", png);
  g_autoptr(RivyaUpload) too_big = rivya_upload_new_for_file (big_path, "image");
  g_autoptr(RivyaUpload) wrong_type = rivya_upload_new_for_file (gif_path, "image");
  g_autoptr(RivyaUpload) wrong_kind = rivya_upload_new_for_file (png_path, "video");
  g_autoptr(RivyaUpload) no_references = rivya_upload_new_for_file (png_path, "image");

  rivya_upload_set_model (too_big, image_model);
  assert_refused (client, too_big, RIVYA_ERROR_PAYLOAD_TOO_LARGE, "file",
                  "“big.png” is 10485761 bytes; local-image takes image files of at most "
                  "10485760 bytes (10.0\302\240MiB)");
  assert_refused (client, wrong_type, RIVYA_ERROR_VALIDATION_FAILED, "file",
                  "“anim.gif” is not a supported image, video or audio format: it is image/gif");
  assert_refused (client, wrong_kind, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                  "“small.png” is image/png, which is not of kind video");
  rivya_upload_set_model (no_references, speech_model);
  assert_refused (client, no_references, RIVYA_ERROR_VALIDATION_FAILED, "model",
                  "local-speech takes no reference files (“small.png”)");
}

static guint
count_entries (const char *subdir)
{
  g_autofree char *path = g_build_filename (srv->data_dir, subdir, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_upload_cancel (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "cancel", 0, NULL);
  g_autoptr(RivyaClient) client = lib_test_client (srv, key);
  /* 45 MiB that sniff as WebM: under the video limit, so it is sent. */
  g_autoptr(GBytes) video = filled (45 * 1024 * 1024, "\x1a\x45\xdf\xa3\x84\x42\x82\x84webm", 12);
  g_autoptr(GFile) path = write_file ("long.webm", video);
  g_autoptr(RivyaUpload) request = rivya_upload_new_for_file (path, "video");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { 0, 0, 0, TRUE, cancellable };
  guint files_before = count_entries ("files");
  gint64 deadline;

  g_signal_connect (request, "progress", G_CALLBACK (progress_cb), &progress);
  file = upload (client, request, cancellable, &error);
  g_assert_null (file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.last_sent, >, 0);
  g_assert_cmpuint (progress.last_sent, <, progress.total / 2);

  /* The server keeps nothing of a cut upload: no file, and the partial
   * body it was writing goes away. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (count_entries ("tmp") > 0 && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  g_assert_cmpuint (count_entries ("tmp"), ==, 0);
  g_assert_cmpuint (count_entries ("files"), ==, files_before);
}

static void
test_upload_missing_file (void)
{
  g_autoptr(RivyaClient) client = lib_test_client (srv, srv->key);
  g_autoptr(GFile) path = g_file_new_for_path ("/nonexistent/rivya/nothing.png");
  g_autoptr(RivyaUpload) request = rivya_upload_new_for_file (path, "image");
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = upload (client, request, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (rivya_error_is_transport (error));
}

static void
remove_work_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (work_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/upload/file", test_upload_file);
  g_test_add_func ("/upload/stream", test_upload_stream);
  g_test_add_func ("/upload/names-and-retry", test_upload_names_and_retry);
  g_test_add_func ("/upload/refused-before-sending", test_upload_refused_before_sending);
  g_test_add_func ("/upload/cancel", test_upload_cancel);
  g_test_add_func ("/upload/missing-file", test_upload_missing_file);

  work_dir = g_dir_make_tmp ("rivya-upload-test-XXXXXX", &error);
  g_assert_no_error (error);
  srv = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (srv);
  remove_work_dir ();
  g_free (work_dir);

  return ret;
}
