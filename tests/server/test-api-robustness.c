/* test-api-robustness.c
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

#include <sqlite3.h>
#include <string.h>

#include "srv-test-utils.h"

static SrvTestServer *shared;

/* Sends raw bytes on a fresh connection and returns what came back (up
 * to the server closing, or a second of silence). */
static char *
raw_exchange (const char *request,
              gsize       len)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) conn = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (shared->url, G_URI_FLAGS_NONE, NULL);
  GString *answer = g_string_new (NULL);
  GInputStream *in;
  GSocket *socket;
  char buf[4096];
  gssize n;

  g_socket_client_set_enable_proxy (client, FALSE);
  conn = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  socket = g_socket_connection_get_socket (conn);
  g_socket_set_timeout (socket, 2);

  /* The server may answer and close before it read everything. */
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (conn)), request, len,
                             NULL, NULL, NULL);

  in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  while ((n = g_input_stream_read (in, buf, sizeof buf, NULL, NULL)) > 0)
    {
      g_string_append_len (answer, buf, n);
      /* One answer is all we want; keep-alive would wait for the timeout. */
      if (strstr (answer->str, "\r\n\r\n") != NULL)
        {
          const char *cl = strstr (answer->str, "Content-Length: ");
          const char *body = strstr (answer->str, "\r\n\r\n") + 4;

          if (cl == NULL || (gsize)(answer->str + answer->len - body) >= g_ascii_strtoull (cl + 16, NULL, 10))
            break;
        }
    }

  return g_string_free (answer, FALSE);
}

static void
assert_alive (void)
{
  g_autoptr(SrvTestResponse) r = srv_test_call (shared, "GET", "/api/v1/credits", shared->key, NULL, NULL);

  srv_assert_status (r, 200);
}

static void
test_deep_nesting (void)
{
  gsize depth = 300000;
  g_autofree char *body = g_malloc (2 * depth + 1);
  g_autoptr(SrvTestResponse) r = NULL;

  memset (body, '[', depth);
  memset (body + depth, ']', depth);
  body[2 * depth] = '\0';
  r = srv_test_call (shared, "POST", "/api/v1/generations", shared->key, body, NULL);
  srv_assert_error (r, 400, "validation_failed");
  g_assert_cmpstr (srv_test_error_param (r), ==, "body");
  assert_alive ();
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(SrvTestResponse) r = srv_test_call (shared, "POST", "/api/v1/generations", shared->key,
                                                "{\"model\": \"local-image\", \"prompt\": \"\xff\xfe\"}", NULL);

  srv_assert_error (r, 400, "validation_failed");
  assert_alive ();
}

static void
test_prompt_counts_characters (void)
{
  GString *ok = g_string_new ("{\"model\": \"local-image\", \"prompt\": \"");
  g_autofree char *ok_body = NULL;
  g_autofree char *long_body = NULL;
  g_autoptr(SrvTestResponse) accepted = NULL;
  g_autoptr(SrvTestResponse) refused = NULL;

  /* 1000 four-byte characters: the limit is in characters, not bytes. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (ok, "\xf0\x9f\x8c\x8a");
  ok_body = g_strconcat (ok->str, "\"}", NULL);
  long_body = g_strconcat (ok->str, "x\"}", NULL);
  g_string_free (ok, TRUE);

  accepted = srv_test_call (shared, "POST", "/api/v1/generations", shared->key, ok_body, NULL);
  srv_assert_status (accepted, 201);
  refused = srv_test_call (shared, "POST", "/api/v1/generations", shared->key, long_body, NULL);
  srv_assert_error (refused, 400, "validation_failed");
  g_assert_cmpstr (srv_test_error_param (refused), ==, "prompt");
}

static void
test_huge_header (void)
{
  g_autofree char *filler = g_strnfill (256 * 1024, 'a');
  g_autofree char *request = g_strdup_printf ("GET /api/v1/models HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n",
                                              filler);
  g_autofree char *answer = raw_exchange (request, strlen (request));

  /* Refused or cut off, but never a 2xx, and the server lives on. */
  g_assert_false (g_str_has_prefix (answer, "HTTP/1.1 2"));
  assert_alive ();
}

static void
test_garbage_request (void)
{
  const char *requests[] = {
    "HELLO\r\n\r\n",
    "GET\r\n\r\n",
    "GET /api/v1/models HTTP/9.9\r\n\r\n",
    "POST /api/v1/generations HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    "POST /api/v1/generations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "\x00\x01\x02\x03\r\n\r\n",
    "GET /../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET /media/..%2f..%2frivya.db HTTP/1.1\r\nHost: x\r\n\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autofree char *answer = raw_exchange (requests[i], strlen (requests[i]) + (i == 5 ? 8 : 0));

      g_test_message ("request %u answered: %.40s", i, answer);
      g_assert_false (g_str_has_prefix (answer, "HTTP/1.1 2"));
      assert_alive ();
    }
}

static void
test_truncated_bodies (void)
{
  g_autofree char *auth = g_strdup_printf ("Authorization: Bearer %s\r\n", shared->key);
  g_autofree char *json = g_strdup_printf ("POST /api/v1/generations HTTP/1.1\r\nHost: x\r\n%s"
                                           "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
                                           "{\"model\": \"local-", auth);
  g_autofree char *upload = g_strdup_printf ("POST /api/v1/files HTTP/1.1\r\nHost: x\r\n%s"
                                             "Content-Type: multipart/form-data; boundary=XyZ\r\n"
                                             "Content-Length: 100000\r\n\r\n--XyZ\r\n"
                                             "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n"
                                             "\x89PNG\r\n\x1a\n", auth);
  g_autofree char *tmp = g_build_filename (shared->data_dir, "tmp", NULL);

  /* The client goes away mid-body; the socket timeout ends our wait. */
  g_free (raw_exchange (json, strlen (json)));
  g_free (raw_exchange (upload, strlen (upload)));
  assert_alive ();

  /* The half-received upload left nothing behind. */
  for (guint tries = 0; tries < 50; tries++)
    {
      g_autoptr(GDir) dir = g_dir_open (tmp, 0, NULL);

      if (dir == NULL || g_dir_read_name (dir) == NULL)
        return;
      g_usleep (100 * 1000);
    }
  g_assert_not_reached ();
}

static void
test_many_idle_connections (void)
{
  g_autoptr(GPtrArray) conns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GUri) uri = g_uri_parse (shared->url, G_URI_FLAGS_NONE, NULL);

  g_socket_client_set_enable_proxy (client, FALSE);
  for (guint i = 0; i < 64; i++)
    {
      g_autoptr(GError) error = NULL;
      GSocketConnection *conn = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                                  g_uri_get_port (uri), NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (conns, conn);
    }
  /* They sit there; the server still answers others. */
  assert_alive ();
}

static void
test_store_intact (void)
{
  g_autofree char *db_path = g_build_filename (shared->data_dir, "rivya.db", NULL);
  g_autofree char *shown = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  shown = srv_test_admin (shared, NULL, "credits", "show", NULL);
  g_assert_null (strstr (shown, "does not match"));

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/robustness/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/robustness/json/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/robustness/json/prompt-characters", test_prompt_counts_characters);
  g_test_add_func ("/robustness/http/huge-header", test_huge_header);
  g_test_add_func ("/robustness/http/garbage", test_garbage_request);
  g_test_add_func ("/robustness/http/truncated-bodies", test_truncated_bodies);
  g_test_add_func ("/robustness/http/idle-connections", test_many_idle_connections);
  g_test_add_func ("/robustness/store/intact", test_store_intact);

  shared = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (shared);
  return ret;
}
