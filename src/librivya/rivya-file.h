/* rivya-file.h
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
#include <json-glib/json-glib.h>

#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_FILE (rivya_file_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaFile, rivya_file, RIVYA, FILE, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaFile  *rivya_file_new_from_json         (JsonObject  *object,
                                              GError     **error);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_id                (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_kind              (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_name              (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_mime_type         (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
gint64      rivya_file_get_size_bytes        (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_url               (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
double      rivya_file_get_duration_seconds  (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_duration_token    (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_model             (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_client_request_id (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_created_at        (RivyaFile   *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_file_get_expires_at        (RivyaFile   *self);

G_END_DECLS
