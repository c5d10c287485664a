/* rivya-json-private.h
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

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Readers of one member each. A missing member or a JSON null gives the
 * default (or an error when the member is required); a member of the
 * wrong type is always a RIVYA_ERROR_PARSE error that names the object
 * and the member, never a critical. */
gboolean    _rivya_json_get_string  (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     gboolean      required,
                                     char        **out,
                                     GError      **error);
gboolean    _rivya_json_get_int     (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     gint64        default_value,
                                     gint64       *out,
                                     GError      **error);
gboolean    _rivya_json_get_double  (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     double        default_value,
                                     double       *out,
                                     GError      **error);
gboolean    _rivya_json_get_boolean (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     gboolean      default_value,
                                     gboolean     *out,
                                     GError      **error);
gboolean    _rivya_json_get_strv    (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     char       ***out,
                                     GError      **error);
gboolean    _rivya_json_get_scalars (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     char       ***out,
                                     GError      **error);
gboolean    _rivya_json_has         (JsonObject   *object,
                                     const char   *member);
gboolean    _rivya_json_require     (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     GError      **error);
gboolean    _rivya_json_get_object  (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     JsonObject  **out,
                                     GError      **error);
gboolean    _rivya_json_get_array   (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     JsonArray   **out,
                                     GError      **error);
gboolean    _rivya_json_get_node    (JsonObject   *object,
                                     const char   *what,
                                     const char   *member,
                                     JsonNode    **out,
                                     GError      **error);

typedef gpointer (*RivyaJsonObjectFunc) (JsonObject  *object,
                                         GError     **error);

GListStore *_rivya_json_get_list    (JsonObject          *object,
                                     const char          *what,
                                     const char          *member,
                                     GType                item_type,
                                     RivyaJsonObjectFunc  item_func,
                                     GError             **error);
gboolean    _rivya_json_get_child   (JsonObject          *object,
                                     const char          *what,
                                     const char          *member,
                                     RivyaJsonObjectFunc  func,
                                     gpointer            *out,
                                     GError             **error);
JsonObject *_rivya_json_parse_object (GBytes             *bytes,
                                      const char         *what,
                                      GError            **error);
char       *_rivya_json_to_string   (JsonNode            *node);
gboolean    _rivya_set_str          (char               **field,
                                     const char          *value);

G_END_DECLS
