/* test-cli-events.c
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

#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "cli-test-utils.h"
#include "test-cli.h"

/* Chat and webhooks were added to rivya-server after the rest: while a
 * server answers 404 for their routes, their tests are skipped. */
static gboolean
skip_unless_route (const char *method,
                   const char *path)
{
  g_autoptr(SrvTestResponse) resp = srv_test_call (cli_test_server, method, path,
                                                   cli_test_server->key, "{}", NULL);

  if (resp->status == 404)
    {
      g_autofree char *message = g_strdup_printf ("%s %s is not served yet", method, path);

      g_test_skip (message);
      return TRUE;
    }

  return FALSE;
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static JsonObject *
server_get (const char *path)
{
  g_autoptr(SrvTestResponse) resp = srv_test_call (cli_test_server, "GET", path,
                                                   cli_test_server->key, NULL, NULL);

  srv_assert_status (resp, 200);
  return json_object_ref (srv_test_response_object (resp));
}

static void
test_chat_stream (void)
{
  g_autoptr(CliRun) first = NULL;
  g_autoptr(CliRun) second = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(CliRun) wrong = NULL;
  g_autoptr(JsonObject) session = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GRegex) regex = NULL;

  if (skip_unless_route ("POST", "/api/v1/chat/completions"))
    return;

  first = cli_run ("chat", "--model", "local-chat", "What", "is", "12 * (3 + 4)?", NULL);
  cli_assert_status (first, 0);
  g_assert_nonnull (strstr (first->out, "84"));
  g_assert_true (g_str_has_suffix (first->out, "\n"));

  regex = g_regex_new ("^Session: (sess_[0-9A-Za-z]{24}) "
                       "\\(continue with: rivya chat --model local-chat --session \\1 MESSAGE\\)\n"
                       "Usage:   [0-9]+ input \\+ [0-9]+ output = [0-9]+ tokens\n"
                       "Credits: [0-9]+ \\(reserved 2\\)\n$", 0, 0, NULL);
  g_assert_true (g_regex_match (regex, first->err, 0, &match));
  session_id = g_match_info_fetch (match, 1);

  /* The message from standard input, in the same session. */
  second = cli_run_with (&(CliOptions) { .stdin_text = "How many messages have I sent?\n" },
                         "chat", "--model", "local-chat", "--session", session_id, NULL);
  cli_assert_status (second, 0);
  g_assert_true (g_str_has_prefix (second->err, "Session: "));
  g_assert_nonnull (strstr (second->err, session_id));

  path = g_strdup_printf ("/api/v1/chat/sessions/%s", session_id);
  session = server_get (path);
  g_assert_cmpint (json_object_get_int_member (session, "message_count"), ==, 4);

  json = cli_run ("chat", "--model", "local-chat", "--session", session_id, "--json", "Thanks",
                  NULL);
  cli_assert_status (json, 0);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *object;
    JsonObject *message;

    g_assert_true (json_parser_load_from_data (parser, json->out, -1, NULL));
    object = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (object, "object"), ==, "chat.completion");
    g_assert_cmpstr (json_object_get_string_member (object, "session_id"), ==, session_id);
    message = json_object_get_object_member (object, "message");
    g_assert_cmpstr (json_object_get_string_member (message, "role"), ==, "assistant");
  }

  wrong = cli_run ("chat", "--model", "local-image", "hello", NULL);
  cli_assert_status (wrong, 3);
  g_assert_true (g_regex_match_simple ("\\(chat_model_not_supported, request "
                                       "req_[0-9A-Za-z]{24}\\)\n$",
                                       wrong->err, 0, 0));
}

typedef struct
{
  GString  *out;
  gboolean  got_output;
  guint8    buffer[256];
} Reader;

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reader *reader = user_data;
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n > 0)
    g_string_append_len (reader->out, (const char *)reader->buffer, n);
  reader->got_output = TRUE;
}

static void
test_chat_interrupt (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *err = NULL;
  Reader reader = { g_string_new (NULL), FALSE };

  if (skip_unless_route ("POST", "/api/v1/chat/completions"))
    {
      g_string_free (reader.out, TRUE);
      return;
    }

  env = cli_test_environ (NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RIVYA_CLI"),
                                         "chat", "--model", "local-chat",
                                         "Tell me about this conversation", NULL);
  g_assert_no_error (error);

  /* Ctrl+C once the answer has started to arrive. */
  g_input_stream_read_async (g_subprocess_get_stdout_pipe (process), reader.buffer,
                             sizeof reader.buffer,
                             G_PRIORITY_DEFAULT, NULL, read_cb, &reader);
  while (!reader.got_output)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (reader.out->len, >, 0);
  g_subprocess_send_signal (process, SIGINT);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &rest, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 130);
  g_assert_true (g_str_has_suffix (err, "rivya: interrupted\n"));
  g_assert_null (strstr (err, "Usage:"));
  g_assert_null (strstr (err, cli_test_server->key));

  g_string_free (reader.out, TRUE);
}

typedef struct
{
  SoupServer *server;
  char       *url;
  char       *webhook_id;
  char       *timestamp;
  char       *signature;
  char       *body;
  guint       n_received;
} Receiver;

static void
hook_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Receiver *r = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  if (r->n_received++ == 0)
    {
      r->webhook_id = g_strdup (soup_message_headers_get_one (headers, "webhook-id"));
      r->timestamp = g_strdup (soup_message_headers_get_one (headers, "webhook-timestamp"));
      r->signature = g_strdup (soup_message_headers_get_one (headers, "webhook-signature"));
      r->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  soup_server_message_set_status (msg, 200, NULL);
}

static void
receiver_start (Receiver *r)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  r->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (r->server, "/hook", hook_cb, r, NULL);
  soup_server_listen_local (r->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (r->server);
  r->url = g_strdup_printf ("http://127.0.0.1:%d/hook", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
}

static void
receiver_clear (Receiver *r)
{
  g_clear_object (&r->server);
  g_free (r->url);
  g_free (r->webhook_id);
  g_free (r->timestamp);
  g_free (r->signature);
  g_free (r->body);
}

static void
test_webhooks (void)
{
  Receiver r = { 0 };
  g_autoptr(CliRun) create = NULL;
  g_autoptr(CliRun) list = NULL;
  g_autoptr(CliRun) test = NULL;
  g_autoptr(CliRun) verify = NULL;
  g_autoptr(CliRun) deliveries = NULL;
  g_autoptr(CliRun) rotate = NULL;
  g_autoptr(CliRun) rejected = NULL;
  g_autofree char *endpoint_id = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *delivery_id = NULL;
  g_autofree char *row = NULL;
  gint64 deadline;

  if (skip_unless_route ("GET", "/api/v1/webhooks"))
    return;

  receiver_start (&r);

  create = cli_run ("webhooks", "create", "--url", r.url, "--name", "cli test", NULL);
  cli_assert_status (create, 0);
  endpoint_id = cli_field (create->out, "Endpoint");
  g_assert_true (g_str_has_prefix (endpoint_id, "whend_"));
  cli_assert_field (create->out, "Events", "generation.succeeded, generation.failed");
  cli_assert_field (create->out, "Status", "active");
  secret = cli_field (create->out, "Signing secret");
  g_assert_true (g_str_has_prefix (secret, "whsec_"));
  *strchr (secret, ' ') = '\0';

  list = cli_run ("webhooks", "list", NULL);
  cli_assert_status (list, 0);
  g_assert_true (g_str_has_prefix (list->out, "ID "));
  row = g_strdup_printf ("\n%s  active         0  cli test  %s\n", endpoint_id, r.url);
  g_assert_nonnull (strstr (list->out, row));

  test = cli_run ("webhooks", "test", endpoint_id, NULL);
  cli_assert_status (test, 0);
  delivery_id = cli_field (test->out, "Delivery");
  g_assert_true (g_str_has_prefix (delivery_id, "whdel_"));
  g_assert_true (g_str_has_suffix (strstr (test->out, "Event:"),
                                   "(webhook.test)\nAttempt:           1\n"
                                                                 "Status:            pending\n"));

  deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (r.n_received == 0 && g_get_monotonic_time () < deadline)
    spin (20);
  g_assert_cmpuint (r.n_received, >=, 1);

  /* The delivery verifies with the secret create printed. */
  verify = cli_run_with (&(CliOptions) { .stdin_text = r.body },
                         "verify-webhook", "--secret", secret, "--id", r.webhook_id,
                         "--timestamp", r.timestamp, "--signature", r.signature, NULL);
  cli_assert_status (verify, 0);
  g_assert_cmpstr (verify->out, ==, "valid\n");

  /* The attempt is marked once the receiver's answer is in. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  do
    {
      g_clear_pointer (&deliveries, cli_run_free);
      deliveries = cli_run ("webhooks", "deliveries", endpoint_id, NULL);
      cli_assert_status (deliveries, 0);
      if (strstr (deliveries->out, "succeeded"))
        break;
      spin (100);
    }
  while (g_get_monotonic_time () < deadline);
  g_free (row);
  row = g_strdup_printf ("\n%s  webhook.test        1  succeeded   200  ", delivery_id);
  g_assert_nonnull (strstr (deliveries->out, row));

  rotate = cli_run ("webhooks", "rotate", endpoint_id, "--json", NULL);
  cli_assert_status (rotate, 0);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *object;

    g_assert_true (json_parser_load_from_data (parser, rotate->out, -1, NULL));
    object = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, endpoint_id);
    rotated = g_strdup (json_object_get_string_member (object, "signing_secret"));
    g_assert_true (g_str_has_prefix (rotated, "whsec_"));
    g_assert_cmpstr (rotated, !=, secret);
  }

  rejected = cli_run ("webhooks", "create", "--url", "https://127.0.0.1@example.com#x", NULL);
  cli_assert_status (rejected, 3);
  g_assert_true (g_regex_match_simple ("\\(webhook_url_rejected, request req_[0-9A-Za-z]{24}\\)\n$",
                                       rejected->err, 0, 0));

  receiver_clear (&r);
}

static char *
sign (const char *secret,
      const char *webhook_id,
      const char *timestamp,
      const char *body)
{
  g_autofree guchar *key = NULL;
  g_autoptr(GHmac) hmac = NULL;
  g_autofree char *signature = NULL;
  guint8 digest[32];
  gsize key_len = 0;
  gsize digest_len = sizeof digest;

  key = g_base64_decode (secret + strlen ("whsec_"), &key_len);
  hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  g_hmac_update (hmac, (const guchar *)webhook_id, -1);
  g_hmac_update (hmac, (const guchar *)".", 1);
  g_hmac_update (hmac, (const guchar *)timestamp, -1);
  g_hmac_update (hmac, (const guchar *)".", 1);
  g_hmac_update (hmac, (const guchar *)body, -1);
  g_hmac_get_digest (hmac, digest, &digest_len);
  signature = g_base64_encode (digest, digest_len);

  return g_strconcat ("v1,", signature, NULL);
}

static void
test_verify_webhook (void)
{
  static const guint8 raw_key[32] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
    17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
  };
  const char *body = "{\"id\":\"evt_000000000000000000000001\",\"type\":\"webhook.test\"}";
  const char *id = "evt_000000000000000000000001";
  g_autofree char *encoded = g_base64_encode (raw_key, sizeof raw_key);
  g_autofree char *secret = g_strconcat ("whsec_", encoded, NULL);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *old = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          g_get_real_time () / G_USEC_PER_SEC - 3600);
  g_autofree char *signature = sign (secret, id, now, body);
  g_autofree char *old_signature = sign (secret, id, old, body);
  g_autofree char *two = g_strdup_printf ("v1,AAAA %s", signature);
  g_autofree char *tampered = g_strdup (body);
  CliOptions with_body = { .stdin_text = body };
  g_autoptr(CliRun) valid = NULL;
  g_autoptr(CliRun) rotated = NULL;
  g_autoptr(CliRun) bad_body = NULL;
  g_autoptr(CliRun) stale = NULL;
  g_autoptr(CliRun) bad_secret = NULL;
  g_autoptr(CliRun) missing = NULL;

  valid = cli_run_with (&with_body, "verify-webhook", "--secret", secret, "--id", id,
                        "--timestamp", now, "--signature", signature, NULL);
  cli_assert_status (valid, 0);
  g_assert_cmpstr (valid->out, ==, "valid\n");
  g_assert_cmpstr (valid->err, ==, "");

  /* After a rotation, two signatures: one matching is enough. */
  rotated = cli_run_with (&with_body, "verify-webhook", "--secret", secret, "--id", id,
                          "--timestamp", now, "--signature", two, NULL);
  cli_assert_status (rotated, 0);

  tampered[strlen (tampered) - 3] = 'X';
  bad_body = cli_run_with (&(CliOptions) { .stdin_text = tampered },
                           "verify-webhook", "--secret", secret, "--id", id,
                           "--timestamp", now, "--signature", signature, NULL);
  cli_assert_status (bad_body, 1);
  g_assert_true (g_str_has_prefix (bad_body->err, "invalid: "));
  g_assert_cmpstr (bad_body->out, ==, "");

  stale = cli_run_with (&with_body, "verify-webhook", "--secret", secret, "--id", id,
                        "--timestamp", old, "--signature", old_signature, NULL);
  cli_assert_status (stale, 1);
  g_assert_true (g_str_has_prefix (stale->err, "invalid: "));

  bad_secret = cli_run_with (&with_body, "verify-webhook", "--secret", "nope", "--id", id,
                             "--timestamp", now, "--signature", signature, NULL);
  cli_assert_status (bad_secret, 2);

  missing = cli_run_with (&with_body, "verify-webhook", "--secret", secret, NULL);
  cli_assert_status (missing, 2);
  g_assert_nonnull (strstr (missing->err, "--id, --timestamp and --signature are required"));
}

void
cli_test_add_event_tests (void)
{
  g_test_add_func ("/cli/chat/stream", test_chat_stream);
  g_test_add_func ("/cli/chat/interrupt", test_chat_interrupt);
  g_test_add_func ("/cli/webhooks", test_webhooks);
  g_test_add_func ("/cli/verify-webhook", test_verify_webhook);
}
