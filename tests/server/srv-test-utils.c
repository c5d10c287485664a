/* srv-test-utils.c
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

#include <cairo.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "srv-test-utils.h"

static const char *
server_binary (void)
{
  const char *path = g_getenv ("RIVYA_SERVER");

  if (path == NULL)
    g_error ("RIVYA_SERVER is not set: run the tests through meson test");
  return path;
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
spawn (SrvTestServer *srv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_ptr_array_add (argv, (gpointer)server_binary ());
  g_ptr_array_add (argv, (gpointer)"serve");
  g_ptr_array_add (argv, (gpointer)"--data-dir");
  g_ptr_array_add (argv, srv->data_dir);
  g_ptr_array_add (argv, (gpointer)"--listen");
  g_ptr_array_add (argv, (gpointer)"127.0.0.1:0");
  g_ptr_array_add (argv, (gpointer)"--bootstrap");
  for (guint i = 0; srv->extra_args && srv->extra_args[i]; i++)
    g_ptr_array_add (argv, srv->extra_args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  /* A test that aborts must not leave its server behind, holding the
   * test's stderr open until meson's timeout. */
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  srv->process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (srv->process));
  g_clear_pointer (&srv->url, g_free);

  while (srv->url == NULL)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      const char *colon;

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("rivya-server exited before it listened");
      if (g_get_monotonic_time () > deadline)
        g_error ("rivya-server did not start within 30 s");

      if (g_str_has_prefix (line, "Listening on "))
        srv->url = g_strdup (line + strlen ("Listening on "));
      else if (g_str_has_prefix (line, "Local API key") && (colon = strrchr (line, ' ')) != NULL)
        {
          g_free (srv->key);
          srv->key = g_strdup (colon + 1);
        }
    }
}

SrvTestServer *
srv_test_server_start (const char * const *extra_args)
{
  SrvTestServer *srv = g_new0 (SrvTestServer, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *key_file = NULL;

  srv->data_dir = g_dir_make_tmp ("rivya-server-test-XXXXXX", &error);
  g_assert_no_error (error);
  srv->extra_args = g_strdupv ((char **)extra_args);
  srv->session = soup_session_new_with_options ("timeout", 60, NULL);
  /* Loopback only: no proxy, and no GSettings lookup for one. */
  soup_session_set_proxy_resolver (srv->session, NULL);
  spawn (srv);

  /* The key is also in the key file; the two must agree. */
  key_file = g_build_filename (srv->data_dir, "local-api-key", NULL);
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (key_file, &contents, NULL, &error);
    g_assert_no_error (error);
    g_strstrip (contents);
    g_assert_cmpstr (contents, ==, srv->key);
  }
  return srv;
}

void
srv_test_server_stop (SrvTestServer *srv)
{
  g_autoptr(GError) error = NULL;

  if (srv->process == NULL)
    return;
  g_subprocess_send_signal (srv->process, SIGTERM);
  g_subprocess_wait (srv->process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (srv->process));
  g_assert_cmpint (g_subprocess_get_exit_status (srv->process), ==, 0);
  g_clear_object (&srv->process);
}

void
srv_test_server_kill (SrvTestServer *srv)
{
  if (srv->process == NULL)
    return;
  g_subprocess_force_exit (srv->process);
  g_subprocess_wait (srv->process, NULL, NULL);
  g_clear_object (&srv->process);
}

void
srv_test_server_restart (SrvTestServer *srv)
{
  srv_test_server_stop (srv);
  spawn (srv);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

void
srv_test_server_free (SrvTestServer *srv)
{
  if (srv == NULL)
    return;
  if (srv->process != NULL)
    srv_test_server_stop (srv);
  g_clear_object (&srv->session);
  remove_tree (srv->data_dir);
  g_free (srv->data_dir);
  g_free (srv->url);
  g_free (srv->key);
  g_strfreev (srv->extra_args);
  g_free (srv);
}

char *
srv_test_admin (SrvTestServer *srv,
                int           *exit_status,
                const char    *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer)server_binary ());
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)a);
  va_end (args);
  g_ptr_array_add (argv, (gpointer)"--data-dir");
  g_ptr_array_add (argv, srv->data_dir);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);

  if (exit_status != NULL)
    *exit_status = g_subprocess_get_exit_status (proc);
  else
    g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);

  return g_strstrip (g_steal_pointer (&out));
}

char *
srv_test_new_account_key (SrvTestServer *srv,
                          const char    *account,
                          gint64         credits,
                          const char    *scopes)
{
  g_autofree char *created = srv_test_admin (srv, NULL, "accounts", "create", account, NULL);

  if (credits > 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, credits);
      g_autofree char *granted = srv_test_admin (srv, NULL, "credits", "grant", "--account", account, n, NULL);
    }

  if (scopes != NULL)
    return srv_test_admin (srv, NULL, "keys", "create", "--account", account, "--scopes", scopes, NULL);
  return srv_test_admin (srv, NULL, "keys", "create", "--account", account, NULL);
}

SrvTestResponse *
srv_test_send (SrvTestServer *srv,
               SoupMessage   *msg)
{
  SrvTestResponse *resp = g_new0 (SrvTestResponse, 1);
  g_autoptr(GError) error = NULL;
  const char *ct;

  resp->body = soup_session_send_and_read (srv->session, msg, NULL, &error);
  g_assert_no_error (error);
  resp->status = soup_message_get_status (msg);
  resp->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  ct = soup_message_headers_get_content_type (resp->headers, NULL);
  if (g_strcmp0 (ct, "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize len;
      const char *data = g_bytes_get_data (resp->body, &len);

      json_parser_load_from_data (parser, data, len, &error);
      g_assert_no_error (error);
      resp->json = json_node_ref (json_parser_get_root (parser));
    }

  return resp;
}

SrvTestResponse *
srv_test_call (SrvTestServer *srv,
               const char    *method,
               const char    *path,
               const char    *key,
               const char    *json_body,
               ...)
{
  g_autofree char *uri = g_strconcat (srv->url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  SoupMessageHeaders *headers;
  va_list args;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (key != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (json_body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json_body, strlen (json_body));
      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }

  va_start (args, json_body);
  for (const char *name = va_arg (args, const char *); name; name = va_arg (args, const char *))
    soup_message_headers_replace (headers, name, va_arg (args, const char *));
  va_end (args);

  return srv_test_send (srv, msg);
}

SrvTestResponse *
srv_test_upload (SrvTestServer *srv,
                 const char    *key,
                 const char    *kind,
                 const char    *model,
                 const char    *filename,
                 GBytes        *data)
{
  g_autofree char *uri = g_strconcat (srv->url, "/api/v1/files", NULL);
  g_autoptr(SoupMultipart) multipart = soup_multipart_new ("multipart/form-data");
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);

  if (kind != NULL)
    soup_multipart_append_form_string (multipart, "kind", kind);
  if (model != NULL)
    soup_multipart_append_form_string (multipart, "model", model);
  if (data != NULL)
    soup_multipart_append_form_file (multipart, "file", filename, "application/octet-stream", data);

  msg = soup_message_new_from_multipart (uri, multipart);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  return srv_test_send (srv, msg);
}

SrvTestResponse *
srv_test_get_url (SrvTestServer *srv,
                  const char    *url,
                  const char    *range)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);

  g_assert_nonnull (msg);
  if (range != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Range", range);
  return srv_test_send (srv, msg);
}

JsonObject *
srv_test_wait_generation (SrvTestServer *srv,
                          const char    *key,
                          const char    *task_id,
                          guint          timeout_seconds)
{
  g_autofree char *path = g_strconcat ("/api/v1/generations/", task_id, NULL);
  gint64 deadline = g_get_monotonic_time () + timeout_seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", path, key, NULL, NULL);
      JsonObject *obj;
      const char *status;

      srv_assert_status (resp, 200);
      obj = srv_test_response_object (resp);
      status = json_object_get_string_member (obj, "status");
      if (g_str_equal (status, "succeeded") || g_str_equal (status, "failed"))
        return json_object_ref (obj);
      g_usleep (100 * 1000);
    }

  g_error ("%s did not finish within %u s", task_id, timeout_seconds);
  return NULL;
}

gint64
srv_test_credits (SrvTestServer *srv,
                  const char    *key)
{
  g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", "/api/v1/credits", key, NULL, NULL);

  srv_assert_status (resp, 200);
  return json_object_get_int_member (srv_test_response_object (resp), "current_credits");
}

JsonObject *
srv_test_response_object (SrvTestResponse *resp)
{
  g_assert_nonnull (resp->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (resp->json));
  return json_node_get_object (resp->json);
}

const char *
srv_test_error_code (SrvTestResponse *resp)
{
  JsonObject *error;

  if (resp->json == NULL || !JSON_NODE_HOLDS_OBJECT (resp->json))
    return NULL;
  error = json_object_get_object_member (json_node_get_object (resp->json), "error");
  if (error == NULL)
    return NULL;
  /* The envelope of A.10: the request id in the body and the header agree. */
  g_assert_cmpstr (json_object_get_string_member (error, "requestId"), ==,
                   soup_message_headers_get_one (resp->headers, "X-Request-Id"));
  g_assert_true (json_object_has_member (error, "message"));
  return json_object_get_string_member (error, "code");
}

const char *
srv_test_error_param (SrvTestResponse *resp)
{
  JsonObject *error = json_object_get_object_member (srv_test_response_object (resp), "error");

  return json_object_get_string_member_with_default (error, "param", NULL);
}

void
srv_test_response_free (SrvTestResponse *resp)
{
  if (resp == NULL)
    return;
  g_clear_pointer (&resp->headers, soup_message_headers_unref);
  g_clear_pointer (&resp->body, g_bytes_unref);
  g_clear_pointer (&resp->json, json_node_unref);
  g_free (resp);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
srv_test_make_png (int width,
                   int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *out = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.9, 0.3, 0.1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.4, 0.9);
  cairo_rectangle (cr, width / 4.0, height / 4.0, width / 2.0, height / 2.0);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, write_cb, out);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (out);
}
