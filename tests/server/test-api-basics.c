/* test-api-basics.c
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


#include "config.h"

#include <gio/gunixinputstream.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "srv-test-utils.h"

static SrvTestServer *shared;

static void
assert_base62_id (const char *id,
                  const char *prefix)
{
  g_assert_nonnull (id);
  g_assert_true (g_str_has_prefix (id, prefix));
  g_assert_cmpuint (strlen (id), ==, strlen (prefix) + 24);
  for (const char *p = id + strlen (prefix); *p; p++)
    g_assert_true (g_ascii_isalnum (*p));
}

static void
test_models_public (void)
{
  g_autoptr(SrvTestResponse) resp = srv_test_call (shared, "GET", "/api/v1/models", NULL, NULL, NULL);
  JsonObject *root;
  JsonArray *data;
  gboolean seen_chat = FALSE;

  srv_assert_status (resp, 200);
  assert_base62_id (soup_message_headers_get_one (resp->headers, "X-Request-Id"), "req_");
  root = srv_test_response_object (resp);
  g_assert_cmpstr (json_object_get_string_member (root, "object"), ==, "list");
  data = json_object_get_array_member (root, "data");
  g_assert_cmpuint (json_array_get_length (data), ==, 4);

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *m = json_array_get_object_element (data, i);
      const char *members[] = {
        "id", "display_name", "category", "runtime", "base_credits", "billing_type",
        "supported_modes", "max_prompt_length", "reference_media", "params", "api_status",
        "api_input_status", "supported_api_inputs", "requires_files_api",
        "requires_upload_for_modes", "url_input_supported", "file_kinds", "chat_capabilities",
        "notices",
      };
      JsonArray *params = json_object_get_array_member (m, "params");

      for (guint j = 0; j < G_N_ELEMENTS (members); j++)
        g_assert_true (json_object_has_member (m, members[j]));
      g_assert_cmpstr (json_object_get_string_member (m, "api_status"), ==, "available");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "notices")), >, 0);

      for (guint j = 0; j < json_array_get_length (params); j++)
        {
          JsonObject *p = json_array_get_object_element (params, j);
          const char *type = json_object_get_string_member (p, "type");

          g_assert_true (g_str_equal (type, "select") || g_str_equal (type, "number") ||
                         g_str_equal (type, "boolean") || g_str_equal (type, "text"));
          g_assert_true (json_object_has_member (p, "label"));
          g_assert_true (json_object_has_member (p, "required"));
          if (g_str_equal (type, "select"))
            g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "options")), >, 1);
        }

      if (g_str_equal (json_object_get_string_member (m, "category"), "chat"))
        {
          seen_chat = TRUE;
          g_assert_cmpstr (json_object_get_string_member (m, "runtime"), ==, "chat");
          g_assert_true (json_object_get_boolean_member (json_object_get_object_member (m, "chat_capabilities"),
                                                         "streaming"));
        }
    }
  g_assert_true (seen_chat);
}

static void
test_credits (void)
{
  g_autoptr(SrvTestResponse) resp = srv_test_call (shared, "GET", "/api/v1/credits", shared->key, NULL, NULL);

  srv_assert_status (resp, 200);
  g_assert_cmpint (json_object_get_int_member (srv_test_response_object (resp), "current_credits"), ==, 1000);
  /* B.4: every authenticated answer says where the bucket stands. */
  g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "X-RateLimit-Limit"), ==, "600");
  g_assert_nonnull (soup_message_headers_get_one (resp->headers, "X-RateLimit-Remaining"));
  g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (resp->headers, "X-RateLimit-Reset"),
                                    NULL, 10),
                   >=, g_get_real_time () / G_USEC_PER_SEC - 1);
}

static void
test_unknown_route (void)
{
  g_autoptr(SrvTestResponse) a = srv_test_call (shared, "GET", "/api/v1/nothing", shared->key, NULL, NULL);
  g_autoptr(SrvTestResponse) b = srv_test_call (shared, "GET", "/", NULL, NULL, NULL);
  g_autoptr(SrvTestResponse) c = srv_test_call (shared, "DELETE", "/api/v1/credits", shared->key, NULL, NULL);
  g_autoptr(SrvTestResponse) d = srv_test_call (shared, "PUT", "/api/v1/generations", shared->key, "{}", NULL);

  srv_assert_error (a, 404, "not_found");
  srv_assert_error (b, 404, "not_found");
  srv_assert_error (c, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (c->headers, "Allow"), ==, "GET, HEAD");
  srv_assert_error (d, 405, "method_not_allowed");
  g_assert_cmpstr (soup_message_headers_get_one (d->headers, "Allow"), ==, "POST");
  /* A path with several methods lists them all. */
  {
    g_autoptr(SrvTestResponse) e = srv_test_call (shared, "PUT", "/api/v1/webhooks", shared->key, "{}", NULL);

    srv_assert_error (e, 405, "method_not_allowed");
    g_assert_cmpstr (soup_message_headers_get_one (e->headers, "Allow"), ==, "POST, GET, HEAD");
  }
}

static void
test_auth_errors (void)
{
  g_autofree char *wrong = g_strconcat ("rvya_sk_", "0123456789012345678901234567890123456789", NULL);
  g_autoptr(SrvTestResponse) missing = srv_test_call (shared, "GET", "/api/v1/credits", NULL, NULL, NULL);
  g_autoptr(SrvTestResponse) unknown = srv_test_call (shared, "GET", "/api/v1/credits", wrong, NULL, NULL);
  g_autoptr(SrvTestResponse) malformed = srv_test_call (shared, "GET", "/api/v1/credits", "rvya_sk_short", NULL, NULL);
  g_autoptr(SrvTestResponse) basic = srv_test_call (shared, "GET", "/api/v1/credits", NULL, NULL,
                                                    "Authorization", "Basic dXNlcjpwYXNz", NULL);

  srv_assert_error (missing, 401, "api_key_missing");
  srv_assert_error (unknown, 401, "api_key_invalid");
  srv_assert_error (malformed, 401, "api_key_invalid");
  srv_assert_error (basic, 401, "api_key_invalid");
  /* A refused key gets no rate-limit headers: it is not a key of ours. */
  g_assert_null (soup_message_headers_get_one (unknown->headers, "X-RateLimit-Limit"));
}

static void
test_scope_denied (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "reader", 10, "credits:read");
  g_autoptr(SrvTestResponse) ok = srv_test_call (shared, "GET", "/api/v1/credits", key, NULL, NULL);
  g_autoptr(SrvTestResponse) read = srv_test_call (shared, "GET",
                                                   "/api/v1/generations/task_000000000000000000000000",
                                                   key, NULL, NULL);
  g_autoptr(SrvTestResponse) create = srv_test_call (shared, "POST", "/api/v1/generations", key,
                                                     "{\"model\": \"local-image\", \"prompt\": \"x\"}", NULL);

  srv_assert_status (ok, 200);
  g_assert_cmpint (json_object_get_int_member (srv_test_response_object (ok), "current_credits"), ==, 10);
  srv_assert_error (read, 403, "api_scope_denied");
  srv_assert_error (create, 403, "api_scope_denied");
  /* Nothing was reserved by the refused submit. */
  g_assert_cmpint (srv_test_credits (shared, key), ==, 10);
}

static void
test_rate_limit (void)
{
  const char *args[] = { "--rate-limit", "60", "--rate-burst", "3", NULL };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autoptr(SrvTestResponse) limited = NULL;
  g_autoptr(SrvTestResponse) public_route = NULL;
  guint64 retry_after = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SrvTestResponse) r = srv_test_call (srv, "GET", "/api/v1/credits", srv->key, NULL, NULL);
      g_autofree char *remaining = g_strdup_printf ("%u", 2 - i);

      srv_assert_status (r, 200);
      g_assert_cmpstr (soup_message_headers_get_one (r->headers, "X-RateLimit-Limit"), ==, "60");
      g_assert_cmpstr (soup_message_headers_get_one (r->headers, "X-RateLimit-Remaining"), ==, remaining);
    }

  limited = srv_test_call (srv, "GET", "/api/v1/credits", srv->key, NULL, NULL);
  srv_assert_error (limited, 429, "rate_limited");
  g_assert_true (g_ascii_string_to_unsigned (soup_message_headers_get_one (limited->headers, "Retry-After"),
                                             10, 1, 60, &retry_after, NULL));
  g_assert_cmpuint (retry_after, ==, 1);

  /* The public catalog is not throttled by any key. */
  public_route = srv_test_call (srv, "GET", "/api/v1/models", NULL, NULL, NULL);
  srv_assert_status (public_route, 200);

  /* One token a second comes back. */
  g_usleep (1100 * 1000);
  {
    g_autoptr(SrvTestResponse) again = srv_test_call (srv, "GET", "/api/v1/credits", srv->key, NULL, NULL);
    srv_assert_status (again, 200);
  }
}

static void
test_request_ids_unique (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(SrvTestResponse) r = srv_test_call (shared, "GET", "/api/v1/models", NULL, NULL, NULL);
      const char *id = soup_message_headers_get_one (r->headers, "X-Request-Id");

      assert_base62_id (id, "req_");
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, g_strdup (id));
    }
}

/* The desktop app learns the URL through --ready-fd, not by parsing
 * stdout: the line arrives once the port accepts connections. */
static void
test_ready_fd (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rivya-ready-XXXXXX", NULL);
  g_autofree char *line = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_path = g_build_filename (dir, "local-api-key", NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  int fds[2];

  g_assert_cmpint (pipe (fds), ==, 0);
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RIVYA_SERVER"), "serve",
                                      "--data-dir", dir, "--listen", "127.0.0.1:0", "--bootstrap",
                                      "--ready-fd", "3", NULL);
  g_assert_no_error (error);
  in = g_unix_input_stream_new (fds[0], TRUE);
  data = g_data_input_stream_new (in);
  line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (line, "http://127.0.0.1:"));

  g_file_get_contents (key_path, &key, NULL, &error);
  g_assert_no_error (error);
  g_strstrip (key);

  soup_session_set_proxy_resolver (session, NULL);
  {
    g_autofree char *uri = g_strconcat (line, "/api/v1/credits", NULL);
    g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);

    msg = soup_message_new ("GET", uri);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  }
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "\"current_credits\":1000"));

  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/models/public", test_models_public);
  g_test_add_func ("/api/credits/bootstrap", test_credits);
  g_test_add_func ("/api/routes/unknown", test_unknown_route);
  g_test_add_func ("/api/auth/errors", test_auth_errors);
  g_test_add_func ("/api/auth/scope-denied", test_scope_denied);
  g_test_add_func ("/api/rate-limit/429", test_rate_limit);
  g_test_add_func ("/api/request-id/unique", test_request_ids_unique);
  g_test_add_func ("/api/serve/ready-fd", test_ready_fd);

  shared = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (shared);
  return ret;
}
