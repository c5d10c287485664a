/* rivya-client-upload.c
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

#include "rivya-client.h"

#include <string.h>

#include "rivya-client-private.h"
#include "rivya-media.h"
#include "rivya-multipart-stream.h"
#include "rivya-upload-private.h"

typedef struct
{
  RivyaUpload  *upload;
  GInputStream *stream;
  guint8        head[RIVYA_MEDIA_SNIFF_BYTES];
  gsize         head_len;
  guint64       sent;
  gint64        total;
} UploadOp;

static void
upload_op_free (UploadOp *op)
{
  g_clear_object (&op->upload);
  g_clear_object (&op->stream);
  g_free (op);
}

/* Content-Disposition parameters the way browsers write them: quotes and
 * line breaks percent-encoded, and for names beyond ASCII an RFC 5987
 * filename* beside an ASCII fallback. */
static void
append_filename (GString    *out,
                 const char *filename)
{
  gboolean ascii = TRUE;

  g_string_append (out, "; filename=\"");
  for (const char *p = filename; *p; p++)
    {
      guchar c = *p;

      if (c >= 0x80)
        {
          ascii = FALSE;
          g_string_append_c (out, '_');
        }
      else if (c == '"' || c == '\\' || c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "%%%02X", c);
      else
        g_string_append_c (out, c);
    }
  g_string_append_c (out, '"');

  if (!ascii)
    {
      g_string_append (out, "; filename*=UTF-8''");
      g_string_append_uri_escaped (out, filename, NULL, FALSE);
    }
}

static void
append_field (GString    *out,
              const char *boundary,
              const char *name,
              const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out,
                          "--%s\r\n"
                          "Content-Disposition: form-data; name=\"%s\"\r\n"
                          "\r\n"
                          "%s\r\n",
                          boundary, name, value);
}

static void
wrote_body_data_cb (SoupMessage *msg,
                    guint        chunk_size,
                    GTask       *task)
{
  UploadOp *op = g_object_get_data (G_OBJECT (task), "rivya-upload-op");

  op->sent += chunk_size;
  _rivya_upload_set_progress (op->upload, op->sent, op->total);
}

/* Takes the task. */
static void
send_upload (GTask *task)
{
  RivyaClient *self = g_task_get_source_object (task);
  UploadOp *op = g_object_get_data (G_OBJECT (task), "rivya-upload-op");
  RivyaUpload *upload = op->upload;
  g_autoptr(RivyaMultipartStream) body = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) preamble = NULL;
  g_autoptr(GBytes) epilogue = NULL;
  g_autoptr(GBytes) head = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *content_type = NULL;
  const char *filename = rivya_upload_get_filename (upload);
  const char *mime_type = rivya_upload_get_mime_type (upload);
  gint64 size = rivya_upload_get_size (upload);
  GString *text;

  /* The boundary follows from the idempotency key: a retried upload
   * must send the very same bytes, or the service sees another body
   * under the same key (B.3). */
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                        rivya_upload_get_idempotency_key (upload), -1);
  boundary = g_strdup_printf ("rivya-%.40s", hash);

  text = g_string_new (NULL);
  append_field (text, boundary, "kind", rivya_upload_get_kind (upload));
  append_field (text, boundary, "model", rivya_upload_get_model_id (upload));
  append_field (text, boundary, "client_request_id", rivya_upload_get_client_request_id (upload));
  g_string_append_printf (text, "--%s\r\nContent-Disposition: form-data; name=\"file\"", boundary);
  append_filename (text, filename ? filename : "upload");
  g_string_append_printf (text, "\r\nContent-Type: %s\r\n\r\n",
                          mime_type ? mime_type : "application/octet-stream");
  preamble = g_string_free_to_bytes (text);

  epilogue = g_bytes_new_take (g_strdup_printf ("\r\n--%s--\r\n", boundary), strlen (boundary) + 8);
  head = g_bytes_new (op->head, op->head_len);

  if (size >= 0)
    op->total = g_bytes_get_size (preamble) + size + g_bytes_get_size (epilogue);
  body = _rivya_multipart_stream_new (preamble, head, op->stream,
                                      size < 0 ? -1 : size - (gint64)op->head_len, epilogue);

  if (!(msg = _rivya_client_new_message (self, "POST", "/api/v1/files", TRUE,
                                         rivya_upload_get_idempotency_key (upload), &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  content_type = g_strdup_printf ("multipart/form-data; boundary=%s", boundary);
  soup_message_set_request_body (msg, content_type, G_INPUT_STREAM (body), op->total);
  g_signal_connect_object (msg, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), task, 0);

  _rivya_upload_set_progress (upload, 0, op->total);
  _rivya_client_send (self, msg, "file", (RivyaJsonObjectFunc)rivya_file_new_from_json,
                      g_object_unref, task);
}

static void
head_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadOp *op = g_object_get_data (G_OBJECT (task), "rivya-upload-op");
  RivyaUpload *upload = op->upload;
  g_autoptr(GError) error = NULL;
  const char *mime_type;

  if (!g_input_stream_read_all_finish (G_INPUT_STREAM (object), result, &op->head_len, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  mime_type = rivya_media_sniff_mime_type (op->head, op->head_len);
  _rivya_upload_set_mime_type (upload, mime_type);

  /* Refused here, nothing is sent: not a byte of a file the service
   * would turn down after receiving all of it. */
  if (!rivya_media_check (rivya_upload_get_model (upload), rivya_upload_get_kind (upload),
                          mime_type, rivya_upload_get_size (upload),
                          rivya_upload_get_filename (upload), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  send_upload (g_steal_pointer (&task));
}

/* Takes the task. */
static void
read_head (GTask *task)
{
  UploadOp *op = g_object_get_data (G_OBJECT (task), "rivya-upload-op");
  gint64 size = rivya_upload_get_size (op->upload);
  gsize want = sizeof op->head;

  if (size >= 0 && (guint64)size < want)
    want = size;

  g_input_stream_read_all_async (op->stream, op->head, want, G_PRIORITY_DEFAULT,
                                 g_task_get_cancellable (task), head_cb, task);
}

static void
query_info_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadOp *op = g_object_get_data (G_OBJECT (task), "rivya-upload-op");
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_input_stream_query_info_finish (G_FILE_INPUT_STREAM (object), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _rivya_upload_set_size (op->upload, g_file_info_get_size (info));
  read_head (g_steal_pointer (&task));
}

static void
file_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UploadOp *op = g_object_get_data (G_OBJECT (task), "rivya-upload-op");
  g_autoptr(GError) error = NULL;
  GFileInputStream *stream;
  GCancellable *cancellable;

  if (!(stream = g_file_read_finish (G_FILE (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  op->stream = G_INPUT_STREAM (stream);
  cancellable = g_task_get_cancellable (task);
  g_file_input_stream_query_info_async (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_PRIORITY_DEFAULT,
                                        cancellable, query_info_cb, g_steal_pointer (&task));
}

/**
 * rivya_client_upload_async:
 * @self: a #RivyaClient
 * @upload: the file to upload
 * @cancellable: (nullable): a #GCancellable, to stop the upload at any
 *   point
 * @callback: (scope async): called when the file was stored or refused
 * @user_data: (closure): data for @callback
 *
 * Uploads a reference file, `POST /api/v1/files` (A.6), as
 * multipart/form-data streamed from the file: memory use does not grow
 * with the file.
 *
 * First the file's first bytes are read and its type found from them;
 * type and size are checked against the kind and the upload's model,
 * and a file that breaks a limit is refused before anything is sent
 * (see rivya_media_check()). Then the body is sent, with
 * #RivyaUpload::progress as it is written, and the request's
 * `Idempotency-Key`. Cancelling stops the transfer; the service keeps
 * nothing of a cut upload.
 *
 * Errors reading the file are of %G_IO_ERROR, as GIO gives them.
 */
void
rivya_client_upload_async (RivyaClient         *self,
                           RivyaUpload         *upload,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UploadOp *op;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (RIVYA_IS_UPLOAD (upload));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* The task data belongs to the HTTP call once the body is sent; the
   * upload's own state rides along as object data. */
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rivya_client_upload_async);

  op = g_new0 (UploadOp, 1);
  op->upload = g_object_ref (upload);
  op->total = -1;
  g_object_set_data_full (G_OBJECT (task), "rivya-upload-op", op, (GDestroyNotify)upload_op_free);

  if (rivya_upload_get_file (upload) != NULL)
    {
      g_file_read_async (rivya_upload_get_file (upload), G_PRIORITY_DEFAULT, cancellable,
                         file_read_cb, g_steal_pointer (&task));
      return;
    }

  op->stream = g_object_ref (rivya_upload_get_stream (upload));
  read_head (g_steal_pointer (&task));
}

/**
 * rivya_client_upload_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_upload_async().
 *
 * Returns: (transfer full): the stored file, whose #RivyaFile:url goes
 *   into a generation's references, or %NULL with @error set
 */
RivyaFile *
rivya_client_upload_finish (RivyaClient   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_upload_async, error);
}
