/* rd-upload-record.h
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

#pragma once

#include <json-glib/json-glib.h>
#include <rivya.h>

G_BEGIN_DECLS

/* A file uploaded through the Files API, remembered in the history so
 * that the same local file is not sent twice for the same model while
 * the server keeps it (B.7: 7 days). */
typedef struct
{
  char   *base_url;
  char   *model_id;
  char   *local_path;
  gint64  size;
  gint64  mtime;
  char   *file_id;
  char   *url;
  char   *kind;
  char   *name;
  char   *mime_type;
  double  duration_seconds;
  char   *duration_token;
  gint64  expires_at;
  gint64  created_at;
} RdUploadRecord;

RdUploadRecord *rd_upload_record_new_for_file    (const char           *base_url,
                                                  const char           *model_id,
                                                  const char           *local_path,
                                                  gint64                size,
                                                  gint64                mtime,
                                                  RivyaFile            *file);
RdUploadRecord *rd_upload_record_copy            (const RdUploadRecord *record);
void            rd_upload_record_free            (RdUploadRecord       *record);
gboolean        rd_upload_record_is_usable       (const RdUploadRecord *record,
                                                  gint64                now);
JsonNode       *rd_upload_record_to_reference    (const RdUploadRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdUploadRecord, rd_upload_record_free)

G_END_DECLS
