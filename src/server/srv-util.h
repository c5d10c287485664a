/* srv-util.h
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

G_BEGIN_DECLS

/* Ids are a prefix plus 24 base62 characters (B.1); capability tokens
 * for media are 32 base62 characters. Both come from the kernel's CSPRNG.
 */
#define SRV_ID_RANDOM_LEN     24
#define SRV_TOKEN_LEN         32
#define SRV_KEY_PREFIX        "rvya_sk_"
#define SRV_KEY_RANDOM_LEN    40
#define SRV_KEY_VISIBLE_LEN   12

char       *srv_random_base62          (gsize          len);
char       *srv_id_new                 (const char    *prefix);
gboolean    srv_id_is_valid            (const char    *id,
                                        const char    *prefix);
gboolean    srv_token_is_valid         (const char    *token);
char       *srv_key_new                (void);
char       *srv_key_hash               (const char    *key);
gboolean    srv_key_looks_valid        (const char    *key);
char       *srv_sha256_hex             (const guint8  *data,
                                        gsize          len);

/* The nine scopes of A.2; new keys get all of them. */
const char * const *srv_scopes_all     (void);
gboolean    srv_scope_is_known         (const char    *scope);

gint64      srv_now_ms                 (void);
char       *srv_time_format            (gint64         ms);
gboolean    srv_time_parse             (const char    *iso8601,
                                        gint64        *ms);

char       *srv_json_to_string         (JsonNode      *node,
                                        gsize         *length);
void        srv_json_add_time          (JsonBuilder   *builder,
                                        const char    *member,
                                        gint64         ms);
void        srv_json_add_string_or_null (JsonBuilder  *builder,
                                        const char    *member,
                                        const char    *value);
gboolean    srv_json_depth_ok          (const char    *data,
                                        gsize          len,
                                        guint          max_depth);
gboolean    srv_ensure_directory       (const char    *path,
                                        GError       **error);

G_END_DECLS
