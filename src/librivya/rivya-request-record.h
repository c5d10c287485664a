/* rivya-request-record.h
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

#include <glib-object.h>

#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_REQUEST_RECORD (rivya_request_record_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaRequestRecord, rivya_request_record, RIVYA, REQUEST_RECORD, GObject)

RIVYA_AVAILABLE_IN_ALL
const char *rivya_request_record_get_method          (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_request_record_get_url             (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_request_record_get_path            (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
guint       rivya_request_record_get_status          (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_request_record_get_request_id      (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_request_record_get_error_code      (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
gint64      rivya_request_record_get_duration_us     (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
GDateTime  *rivya_request_record_get_finished_at     (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
gboolean    rivya_request_record_get_authenticated   (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_request_record_get_idempotency_key (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_request_record_get_content_type    (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
GBytes     *rivya_request_record_get_body            (RivyaRequestRecord *self);
RIVYA_AVAILABLE_IN_ALL
char       *rivya_request_record_to_curl             (RivyaRequestRecord *self,
                                                      const char         *key_variable);

G_END_DECLS
