/* srv-upload.h
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

#include <gio/gio.h>

G_BEGIN_DECLS

/* Receives a multipart/form-data upload chunk by chunk: small fields in
 * memory, the `file` part straight into a temporary file, never more
 * than `limit` bytes of it. */
typedef struct _SrvUpload SrvUpload;

SrvUpload    *srv_upload_new            (const char    *content_type,
                                         const char    *tmp_dir,
                                         guint64        limit,
                                         GError       **error);
void          srv_upload_feed           (SrvUpload     *self,
                                         const guint8  *data,
                                         gsize          len);
gboolean      srv_upload_finish         (SrvUpload     *self,
                                         GError       **error);
gboolean      srv_upload_too_large      (SrvUpload     *self);
const char   *srv_upload_get_field      (SrvUpload     *self,
                                         const char    *name);
gboolean      srv_upload_has_file       (SrvUpload     *self);
const char   *srv_upload_get_filename   (SrvUpload     *self);
const char   *srv_upload_get_file_path  (SrvUpload     *self);
guint64       srv_upload_get_file_size  (SrvUpload     *self);
const guint8 *srv_upload_get_head       (SrvUpload     *self,
                                         gsize         *len);
void          srv_upload_keep_file      (SrvUpload     *self);
void          srv_upload_free           (SrvUpload     *self);

G_END_DECLS
