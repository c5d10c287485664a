/* rd-upload-record.c
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

#define G_LOG_DOMAIN "rd-upload-record"

#include "config.h"

#include "rd-upload-record.h"

/* A file used this close to its expiry could expire between the submit
 * and the moment the server reads it: upload it again instead. */
#define EXPIRY_MARGIN_S (10 * 60)

static gint64
parse_time (const char *iso8601)
{
  g_autoptr(GDateTime) time = NULL;

  if (iso8601 == NULL)
    return 0;
  time = g_date_time_new_from_iso8601 (iso8601, NULL);
  return time ? g_date_time_to_unix (time) : 0;
}

RdUploadRecord *
rd_upload_record_new_for_file (const char *base_url,
                               const char *model_id,
                               const char *local_path,
                               gint64      size,
                               gint64      mtime,
                               RivyaFile  *file)
{
  RdUploadRecord *record;

  g_return_val_if_fail (RIVYA_IS_FILE (file), NULL);

  record = g_new0 (RdUploadRecord, 1);
  record->base_url = g_strdup (base_url);
  record->model_id = g_strdup (model_id);
  record->local_path = g_strdup (local_path);
  record->size = size;
  record->mtime = mtime;
  record->file_id = g_strdup (rivya_file_get_id (file));
  record->url = g_strdup (rivya_file_get_url (file));
  record->kind = g_strdup (rivya_file_get_kind (file));
  record->name = g_strdup (rivya_file_get_name (file));
  record->mime_type = g_strdup (rivya_file_get_mime_type (file));
  record->duration_seconds = rivya_file_get_duration_seconds (file);
  record->duration_token = g_strdup (rivya_file_get_duration_token (file));
  record->expires_at = parse_time (rivya_file_get_expires_at (file));
  record->created_at = g_get_real_time () / G_USEC_PER_SEC;
  /* Without an expiry, trust the documented lifetime. */
  if (record->expires_at == 0)
    record->expires_at = record->created_at + 7 * 24 * 3600;

  return record;
}

RdUploadRecord *
rd_upload_record_copy (const RdUploadRecord *record)
{
  RdUploadRecord *copy;

  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, sizeof *record);
  copy->base_url = g_strdup (record->base_url);
  copy->model_id = g_strdup (record->model_id);
  copy->local_path = g_strdup (record->local_path);
  copy->file_id = g_strdup (record->file_id);
  copy->url = g_strdup (record->url);
  copy->kind = g_strdup (record->kind);
  copy->name = g_strdup (record->name);
  copy->mime_type = g_strdup (record->mime_type);
  copy->duration_token = g_strdup (record->duration_token);
  return copy;
}

void
rd_upload_record_free (RdUploadRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->base_url);
  g_free (record->model_id);
  g_free (record->local_path);
  g_free (record->file_id);
  g_free (record->url);
  g_free (record->kind);
  g_free (record->name);
  g_free (record->mime_type);
  g_free (record->duration_token);
  g_free (record);
}

/* Whether the server still has the file long enough to use it at @now
 * (unix seconds). */
gboolean
rd_upload_record_is_usable (const RdUploadRecord *record,
                            gint64                now)
{
  g_return_val_if_fail (record != NULL, FALSE);

  return record->url != NULL && record->expires_at > now + EXPIRY_MARGIN_S;
}

/* Returns: (transfer full): the item of params.referenceMediaItems
 * (A.5) for this file */
JsonNode *
rd_upload_record_to_reference (const RdUploadRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (record != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, record->url);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, record->kind);
  if (record->name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, record->name);
    }
  if (record->mime_type != NULL)
    {
      json_builder_set_member_name (builder, "mimeType");
      json_builder_add_string_value (builder, record->mime_type);
    }
  if (record->duration_seconds > 0)
    {
      json_builder_set_member_name (builder, "durationSeconds");
      json_builder_add_double_value (builder, record->duration_seconds);
    }
  if (record->duration_token != NULL)
    {
      json_builder_set_member_name (builder, "durationToken");
      json_builder_add_string_value (builder, record->duration_token);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
