/* rivya-error-private.h
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

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "rivya-error.h"

G_BEGIN_DECLS

GError *_rivya_error_new               (RivyaError          code,
                                        const char         *code_string,
                                        guint               http_status,
                                        const char         *request_id,
                                        const char         *param,
                                        guint               retry_after,
                                        const char         *format,
                                        ...) G_GNUC_PRINTF (7, 8);
GError *_rivya_error_new_from_json     (JsonObject         *error_object,
                                        guint               http_status,
                                        const char         *fallback_request_id,
                                        guint               retry_after);
GError *_rivya_error_new_transport     (const GError       *cause);
void    _rivya_error_set_response      (GError             *error,
                                        guint               http_status,
                                        const char         *request_id);
guint   _rivya_parse_retry_after       (const char         *value);

G_END_DECLS
