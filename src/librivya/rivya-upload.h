/* rivya-upload.h
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

#pragma once

#if !defined(RIVYA_INSIDE) && !defined(RIVYA_COMPILATION)
# error "Only <rivya.h> can be included directly."
#endif

#include <gio/gio.h>

#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_UPLOAD (rivya_upload_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaUpload, rivya_upload, RIVYA, UPLOAD, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaUpload  *rivya_upload_new_for_file            (GFile        *file,
                                                    const char   *kind);
RIVYA_AVAILABLE_IN_ALL
RivyaUpload  *rivya_upload_new_for_stream          (GInputStream *stream,
                                                    gint64        size,
                                                    const char   *filename,
                                                    const char   *kind);
RIVYA_AVAILABLE_IN_ALL
GFile        *rivya_upload_get_file                (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
GInputStream *rivya_upload_get_stream              (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
gint64        rivya_upload_get_size                (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
const char   *rivya_upload_get_kind                (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
const char   *rivya_upload_get_filename            (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
void          rivya_upload_set_filename            (RivyaUpload  *self,
                                                    const char   *filename);
RIVYA_AVAILABLE_IN_ALL
RivyaModel   *rivya_upload_get_model               (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
void          rivya_upload_set_model               (RivyaUpload  *self,
                                                    RivyaModel   *model);
RIVYA_AVAILABLE_IN_ALL
const char   *rivya_upload_get_model_id            (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
void          rivya_upload_set_model_id            (RivyaUpload  *self,
                                                    const char   *model_id);
RIVYA_AVAILABLE_IN_ALL
const char   *rivya_upload_get_client_request_id   (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
void          rivya_upload_set_client_request_id   (RivyaUpload  *self,
                                                    const char   *client_request_id);
RIVYA_AVAILABLE_IN_ALL
const char   *rivya_upload_get_idempotency_key     (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
void          rivya_upload_set_idempotency_key     (RivyaUpload  *self,
                                                    const char   *idempotency_key);
RIVYA_AVAILABLE_IN_ALL
const char   *rivya_upload_get_mime_type           (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
guint64       rivya_upload_get_bytes_sent          (RivyaUpload  *self);
RIVYA_AVAILABLE_IN_ALL
gint64        rivya_upload_get_total_bytes         (RivyaUpload  *self);

G_END_DECLS
