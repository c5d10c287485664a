/* srv-objects.h
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

#include "srv-store.h"

G_BEGIN_DECLS

/* The API's objects as JSON, shared by the routes (and later by webhook
 * events, which carry the same generation object). URLs are built from
 * base_url, the address the client used. */

JsonNode *srv_generation_to_json  (SrvGeneration *generation,
                                   const char    *base_url);
JsonNode *srv_file_to_json        (SrvFileRecord *file,
                                   const char    *base_url,
                                   const char    *secret);
char     *srv_media_url           (const char    *base_url,
                                   const char    *token,
                                   const char    *extension);
char     *srv_duration_token      (const char    *secret,
                                   const char    *file_id,
                                   double         duration_seconds);

G_END_DECLS
