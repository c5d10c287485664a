/* srv-route-files.c
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

#include <errno.h>
#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>
#include <string.h>

#include "srv-catalog.h"
#include "srv-objects.h"
#include "srv-server-private.h"
#include "srv-sniff.h"
#include "srv-upload.h"
#include "srv-util.h"

#define MB (1024 * 1024)

static const struct {
  const char *kind;
  gint64      max_bytes;
  const char *mime_types[7];
} kinds[] = {
  { "image", 10 * MB, { "image/jpeg", "image/png", "image/webp" } },
  { "video", 50 * MB, { "video/mp4", "video/quicktime", "video/webm" } },
  { "audio", 10 * MB, { "audio/mpeg", "audio/mp4", "audio/wav", "audio/x-wav", "audio/aac",
                        "audio/ogg" } },
};

typedef struct
{
  SrvContext    *ctx;
  SrvFileRecord *file;
  char          *tmp_path;
} Pending;

static void
pending_free (Pending *p)
{
  srv_file_record_free (p->file);
  g_free (p->tmp_path);
  g_free (p);
}

static int
find_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (kinds[i].kind, kind) == 0)
        return i;
    }
  return -1;
}

static gboolean
kind_accepts (int         k,
              const char *mime_type)
{
  for (guint i = 0; kinds[k].mime_types[i] != NULL; i++)
    {
      if (g_str_equal (kinds[k].mime_types[i], mime_type))
        return TRUE;
    }
  return FALSE;
}

static char *
clean_name (const char *filename,
            const char *extension)
{
  g_autofree char *base = NULL;

  if (filename == NULL || !g_utf8_validate (filename, -1, NULL))
    return g_strdup_printf ("upload.%s", extension);

  /* Only the last path component, and no control characters. */
  base = g_path_get_basename (filename);
  for (char *p = base; *p; p++)
    {
      if ((guchar)*p < 0x20 || *p == 0x7f)
        *p = '_';
    }
  if (*base == '\0' || g_str_equal (base, ".") || g_str_equal (base, "/") || g_str_equal (base, ".."))
    return g_strdup_printf ("upload.%s", extension);
  if (g_utf8_strlen (base, -1) > 255)
    return g_utf8_substring (base, 0, 255);
  return g_steal_pointer (&base);
}

/* Runs in a worker thread: reading a media file's duration may take a
 * moment, and the HTTP thread must not wait for it. */
static void
discover_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  double *duration = g_new (double, 1);

  *duration = -1;
  discoverer = gst_discoverer_new (10 * GST_SECOND, NULL);
  if (discoverer != NULL && uri != NULL)
    info = gst_discoverer_discover_uri (discoverer, uri, NULL);
  if (info != NULL && gst_discoverer_info_get_result (info) == GST_DISCOVERER_OK &&
      GST_CLOCK_TIME_IS_VALID (gst_discoverer_info_get_duration (info)))
    *duration = gst_discoverer_info_get_duration (info) / (double)GST_SECOND;

  g_task_return_pointer (task, duration, g_free);
}

static void
store_file (SrvContext    *ctx,
            SrvFileRecord *file,
            const char    *tmp_path)
{
  SrvStore *store = srv_context_get_store (ctx);
  g_autofree char *name = g_strdup_printf ("%s.%s", file->id, file->extension);
  g_autofree char *path = srv_store_build_path (store, "files", name, NULL);
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (g_rename (tmp_path, path) != 0)
    {
      int errsv = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "Could not move the upload into place: %s", g_strerror (errsv));
      srv_context_reply_internal (ctx, error);
      return;
    }
  /* The temporary name is free again: never unlink it later. */
  srv_upload_keep_file (ctx->upload);

  if (!srv_store_insert_file (store, file, path, &error))
    {
      g_unlink (path);
      srv_context_reply_internal (ctx, error);
      return;
    }

  base = srv_context_base_url (ctx);
  answer = srv_file_to_json (file, base, srv_store_get_secret (store));
  srv_context_reply_json (ctx, 201, answer);
}

static void
discovered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Pending *p = user_data;
  g_autofree double *duration = g_task_propagate_pointer (G_TASK (result), NULL);

  p->file->duration_seconds = duration ? *duration : -1;
  store_file (p->ctx, p->file, p->tmp_path);
  srv_context_unpause (p->ctx);
  pending_free (p);
}

void
srv_route_files_create (SrvContext *ctx)
{
  SrvUpload *upload = ctx->upload;
  g_autoptr(GError) error = NULL;
  g_autoptr(SrvFileRecord) file = NULL;
  const char *kind, *model_id, *client_request_id, *mime_type;
  const guint8 *head;
  JsonObject *model = NULL;
  gsize head_len;
  guint64 size;
  int k;

  g_assert (upload != NULL);

  if (!srv_upload_finish (upload, &error))
    {
      if (error->domain == G_IO_ERROR && error->code != G_IO_ERROR_INVALID_DATA)
        srv_context_reply_internal (ctx, error);
      else
        srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "file",
                                 "The upload is not valid multipart/form-data: %s", error->message);
      return;
    }

  if (srv_upload_too_large (upload))
    {
      srv_context_reply_error (ctx, SRV_ERROR_PAYLOAD_TOO_LARGE, "file",
                               "The file is larger than any kind accepts");
      return;
    }

  kind = srv_upload_get_field (upload, "kind");
  model_id = srv_upload_get_field (upload, "model");
  client_request_id = srv_upload_get_field (upload, "client_request_id");

  if ((k = find_kind (kind)) < 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "kind",
                               "kind is required: image, video or audio");
      return;
    }

  if (!srv_upload_has_file (upload) || srv_upload_get_file_size (upload) == 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "file",
                               "The upload has no file, or the file is empty");
      return;
    }

  if (client_request_id != NULL && strlen (client_request_id) > 128)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "client_request_id",
                               "client_request_id is at most 128 characters");
      return;
    }

  /* The type comes from the bytes, never from the name or the header. */
  head = srv_upload_get_head (upload, &head_len);
  mime_type = srv_sniff_mime_type (head, head_len);
  size = srv_upload_get_file_size (upload);

  if (mime_type == NULL || srv_sniff_kind_for_mime (mime_type) == NULL)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "file",
                               "The file's content is not a supported image, video or audio format%s%s",
                               mime_type ? ": " : "", mime_type ? mime_type : "");
      return;
    }

  if (!kind_accepts (k, mime_type))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "kind",
                               "The file is %s, which is not of kind %s", mime_type, kind);
      return;
    }

  if ((gint64)size > kinds[k].max_bytes)
    {
      srv_context_reply_error (ctx, SRV_ERROR_PAYLOAD_TOO_LARGE, "file",
                               "This %s file is %" G_GUINT64_FORMAT " bytes; the limit for %s files is %"
                               G_GINT64_FORMAT " bytes", kind, size, kind, kinds[k].max_bytes);
      return;
    }

  if (model_id != NULL)
    {
      gint64 max;

      if (!(model = srv_catalog_find (model_id)))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "model",
                                   "There is no model “%s”", model_id);
          return;
        }
      /* Chat models take image attachments through the Files API too. */
      if (g_str_equal (json_object_get_string_member (model, "category"), "chat"))
        max = kinds[k].max_bytes;
      else
        max = srv_catalog_max_reference_bytes (model, kind);

      if (max < 0 || (!g_str_equal (json_object_get_string_member (model, "category"), "chat") &&
                      !srv_catalog_accepts_mime (model, kind, mime_type)) ||
          (g_str_equal (json_object_get_string_member (model, "category"), "chat") &&
           !g_str_equal (kind, "image")))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "file",
                                   "%s does not take %s files of type %s", model_id, kind, mime_type);
          return;
        }
      if ((gint64)size > max)
        {
          srv_context_reply_error (ctx, SRV_ERROR_PAYLOAD_TOO_LARGE, "file",
                                   "%s takes %s files of at most %" G_GINT64_FORMAT " bytes",
                                   model_id, kind, max);
          return;
        }
    }

  file = g_new0 (SrvFileRecord, 1);
  file->id = srv_id_new ("file_");
  file->account_id = ctx->key->account_id;
  file->kind = g_strdup (kind);
  file->mime_type = g_strdup (mime_type);
  file->extension = g_strdup (srv_sniff_extension_for_mime (mime_type));
  file->name = clean_name (srv_upload_get_filename (upload), file->extension);
  file->size_bytes = size;
  file->token = srv_random_base62 (SRV_TOKEN_LEN);
  file->duration_seconds = -1;
  file->model = g_strdup (model_id);
  file->client_request_id = g_strdup (client_request_id);

  if (g_str_equal (kind, "image"))
    {
      store_file (ctx, file, srv_upload_get_file_path (upload));
    }
  else
    {
      Pending *p = g_new0 (Pending, 1);
      g_autoptr(GTask) task = NULL;

      p->ctx = ctx;
      p->file = g_steal_pointer (&file);
      p->tmp_path = g_strdup (srv_upload_get_file_path (upload));
      task = g_task_new (NULL, NULL, discovered_cb, p);
      g_task_set_source_tag (task, srv_route_files_create);
      g_task_set_task_data (task, g_strdup (p->tmp_path), g_free);
      srv_context_pause (ctx);
      g_task_run_in_thread (task, discover_thread);
    }
}

void
srv_route_files_get (SrvContext *ctx)
{
  SrvStore *store = srv_context_get_store (ctx);
  g_autoptr(SrvFileRecord) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *base = NULL;
  const char *id = ctx->args[0];

  if (!srv_id_is_valid (id, "file_") ||
      !(file = srv_store_get_file (store, id, ctx->key->account_id, &error)))
    {
      if (error != NULL && !g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND))
        srv_context_reply_internal (ctx, error);
      else
        srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "There is no file %s", id);
      return;
    }

  base = srv_context_base_url (ctx);
  answer = srv_file_to_json (file, base, srv_store_get_secret (store));
  srv_context_reply_json (ctx, 200, answer);
}
