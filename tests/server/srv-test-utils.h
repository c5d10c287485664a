/* srv-test-utils.h
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
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A real rivya-server process on a free loopback port, with its own
 * temporary data directory, for the API tests. The binary comes from
 * $RIVYA_SERVER (set by meson). */
typedef struct
{
  char        *data_dir;
  char        *url;
  char        *key;          /* the bootstrapped local key */
  GSubprocess *process;
  SoupSession *session;
  GStrv        extra_args;
} SrvTestServer;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *json;  /* NULL when the body is not JSON */
} SrvTestResponse;

SrvTestServer   *srv_test_server_start       (const char * const *extra_args);
void             srv_test_server_stop        (SrvTestServer      *srv);
void             srv_test_server_kill        (SrvTestServer      *srv);
void             srv_test_server_restart     (SrvTestServer      *srv);
void             srv_test_server_free        (SrvTestServer      *srv);
char            *srv_test_admin              (SrvTestServer      *srv,
                                              int                *exit_status,
                                              const char         *first_arg,
                                              ...) G_GNUC_NULL_TERMINATED;
char            *srv_test_new_account_key    (SrvTestServer      *srv,
                                              const char         *account,
                                              gint64              credits,
                                              const char         *scopes);

SrvTestResponse *srv_test_send               (SrvTestServer      *srv,
                                              SoupMessage        *msg);
SrvTestResponse *srv_test_call               (SrvTestServer      *srv,
                                              const char         *method,
                                              const char         *path,
                                              const char         *key,
                                              const char         *json_body,
                                              ...) G_GNUC_NULL_TERMINATED;
SrvTestResponse *srv_test_upload             (SrvTestServer      *srv,
                                              const char         *key,
                                              const char         *kind,
                                              const char         *model,
                                              const char         *filename,
                                              GBytes             *data);
SrvTestResponse *srv_test_get_url            (SrvTestServer      *srv,
                                              const char         *url,
                                              const char         *range);
JsonObject      *srv_test_wait_generation    (SrvTestServer      *srv,
                                              const char         *key,
                                              const char         *task_id,
                                              guint               timeout_seconds);
gint64           srv_test_credits            (SrvTestServer      *srv,
                                              const char         *key);

JsonObject      *srv_test_response_object    (SrvTestResponse    *resp);
const char      *srv_test_error_code         (SrvTestResponse    *resp);
const char      *srv_test_error_param        (SrvTestResponse    *resp);
void             srv_test_response_free      (SrvTestResponse    *resp);

GBytes          *srv_test_make_png           (int                 width,
                                              int                 height);

#define srv_assert_status(resp, expected)                                             \
  G_STMT_START {                                                                      \
    SrvTestResponse *_r = (resp);                                                     \
    if (_r->status != (guint)(expected))                                              \
      g_error ("%s:%d: expected HTTP %u, got %u: %.*s", __FILE__, __LINE__,           \
               (guint)(expected), _r->status,                                         \
               (int)MIN (g_bytes_get_size (_r->body), 600),                           \
               (const char *)g_bytes_get_data (_r->body, NULL));                      \
  } G_STMT_END

#define srv_assert_error(resp, expected_status, expected_code)                        \
  G_STMT_START {                                                                      \
    SrvTestResponse *_e = (resp);                                                     \
    srv_assert_status (_e, expected_status);                                          \
    g_assert_cmpstr (srv_test_error_code (_e), ==, (expected_code));                  \
    g_assert_true (g_str_has_prefix (soup_message_headers_get_one (_e->headers,       \
                                                                   "X-Request-Id"),   \
                                     "req_"));                                        \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvTestResponse, srv_test_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvTestServer, srv_test_server_free)

G_END_DECLS
