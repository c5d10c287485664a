/* test-chat-stream.c
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

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "lib-test-utils.h"

/* RivyaChatStream against a stand-in server that answers canned streams:
 * the paths rivya-server does not take on demand (an error event, a cut
 * stream, a whole JSON answer, events from the future, broken JSON). */

static const char *canned_type;
static const char *canned_body;
static guint canned_status;

static void
canned_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_assert_cmpstr (path, ==, "/api/v1/chat/completions/stream");
  g_assert_cmpstr (soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Accept"),
                   ==, "text/event-stream");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-Request-Id", "req_stream");
  soup_server_message_set_status (msg, canned_status, NULL);
  soup_server_message_set_response (msg, canned_type, SOUP_MEMORY_STATIC, canned_body, strlen (canned_body));
}

typedef struct
{
  GString *log;
} Log;

static void
started_cb (RivyaChatStream *stream,
            const char      *session_id,
            const char      *message_id,
            Log             *log)
{
  g_string_append_printf (log->log, "started(%s,%s)", session_id, message_id);
}

static void
delta_cb (RivyaChatStream *stream,
          const char      *content,
          Log             *log)
{
  g_string_append_printf (log->log, "[%s]", content);
}

static void
completed_cb (RivyaChatStream     *stream,
              RivyaChatCompletion *completion,
              Log                 *log)
{
  g_string_append_printf (log->log, "completed(%s)", rivya_chat_completion_get_id (completion));
}

static void
error_cb (RivyaChatStream *stream,
          const GError    *error,
          Log             *log)
{
  const char *code = rivya_error_get_code_string (error);

  g_string_append_printf (log->log, "error(%s)", code ? code : "-");
}

/* Runs one stream against the canned answer; returns the signal log. */
static char *
run (const char           *base_url,
     guint                 status,
     const char           *content_type,
     const char           *body,
     RivyaChatCompletion **completion,
     GError              **error)
{
  g_autoptr(RivyaClient) client = rivya_client_new (base_url, "rvya_sk_test");
  g_autoptr(RivyaChatRequest) request = rivya_chat_request_new ("local-chat", "Hello");
  g_autoptr(RivyaChatStream) stream = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Log log = { g_string_new (NULL) };

  rivya_client_set_proxy_resolver (client, NULL);
  canned_status = status;
  canned_type = content_type;
  canned_body = body;

  stream = rivya_chat_stream_new (client, request);
  g_signal_connect (stream, "started", G_CALLBACK (started_cb), &log);
  g_signal_connect (stream, "delta", G_CALLBACK (delta_cb), &log);
  g_signal_connect (stream, "completed", G_CALLBACK (completed_cb), &log);
  g_signal_connect (stream, "error", G_CALLBACK (error_cb), &log);
  rivya_chat_stream_run_async (stream, NULL, lib_test_store_result, &result);
  *completion = rivya_chat_stream_run_finish (stream, lib_test_await (&result), error);

  return g_string_free (log.log, FALSE);
}

#define COMPLETION \
  "{\"id\":\"chatcmpl_1\",\"object\":\"chat.completion\",\"session_id\":\"sess_1\"," \
  "\"model\":\"local-chat\",\"message\":{\"id\":\"msg_2\",\"role\":\"assistant\",\"content\":\"Hello there\"}," \
  "\"usage\":{\"input_tokens\":3,\"output_tokens\":2,\"total_tokens\":5},\"credits\":{\"reserved\":1,\"final\":1}}"

static void
test_streams (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, canned_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  /* B.9 as documented, with CRLF line ends, a ping and a future event. */
  {
    g_autoptr(RivyaChatCompletion) completion = NULL;
    g_autofree char *log = run (url, 200, "text/event-stream",
      ": ping\r\n\r\n"
      "id: 1\r\nevent: chat.started\r\ndata: {\"id\":\"chatcmpl_1\",\"session_id\":\"sess_1\","
      "\"model\":\"local-chat\",\"message\":{\"id\":\"msg_2\",\"role\":\"assistant\"}}\r\n\r\n"
      "id: 2\r\nevent: chat.delta\r\ndata: {\"content\":\"Hello\"}\r\n\r\n"
      "id: 3\r\nevent: chat.reasoning\r\ndata: {\"thought\":\"hmm\"}\r\n\r\n"
      "id: 4\r\nevent: chat.delta\r\ndata: {\"content\":\" there\",\"index\":1}\r\n\r\n"
      "id: 5\r\nevent: chat.completed\r\ndata: " COMPLETION "\r\n\r\n",
      &completion, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (log, ==, "started(sess_1,msg_2)[Hello][ there]completed(chatcmpl_1)");
    g_assert_cmpstr (rivya_chat_completion_get_content (completion), ==, "Hello there");
    g_assert_cmpint (rivya_chat_completion_get_total_tokens (completion), ==, 5);
  }

  /* An error event ends the stream: its code, its request id. */
  {
    g_autoptr(RivyaChatCompletion) completion = NULL;
    g_autofree char *log = run (url, 200, "text/event-stream",
      "event: chat.started\ndata: {\"session_id\":\"sess_9\",\"message\":{\"id\":\"msg_9\"}}\n\n"
      "event: chat.delta\ndata: {\"content\":\"Par\"}\n\n"
      "event: error\ndata: {\"error\":{\"code\":\"insufficient_credits\",\"message\":\"Out of credits\","
      "\"requestId\":\"req_event\"}}\n\n"
      "event: chat.delta\ndata: {\"content\":\"ignored\"}\n\n",
      &completion, &error);

    g_assert_null (completion);
    g_assert_cmpstr (log, ==, "started(sess_9,msg_9)[Par]error(insufficient_credits)");
    g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_INSUFFICIENT_CREDITS);
    g_assert_cmpstr (error->message, ==, "Out of credits");
    g_assert_cmpstr (rivya_error_get_request_id (error), ==, "req_event");
    g_clear_error (&error);
  }

  /* Cut before chat.completed: a transport error, the text so far kept. */
  {
    g_autoptr(RivyaChatCompletion) completion = NULL;
    g_autofree char *log = run (url, 200, "text/event-stream",
      "event: chat.started\ndata: {\"session_id\":\"sess_3\",\"message\":{\"id\":\"msg_3\"}}\n\n"
      "event: chat.delta\ndata: {\"content\":\"Half\"}\n\n"
      "event: chat.delta\ndata: {\"content\":\" an ans",
      &completion, &error);

    g_assert_null (completion);
    g_assert_cmpstr (log, ==, "started(sess_3,msg_3)[Half]error(-)");
    g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_TRANSPORT);
    g_assert_true (rivya_error_is_transport (error));
    g_clear_error (&error);
  }

  /* Broken JSON in an event: a PARSE error with the answer's request id. */
  {
    g_autoptr(RivyaChatCompletion) completion = NULL;
    g_autofree char *log = run (url, 200, "text/event-stream",
      "event: chat.delta\ndata: {\"content\": \n\n", &completion, &error);

    g_assert_null (completion);
    g_assert_cmpstr (log, ==, "error(-)");
    g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_PARSE);
    g_assert_cmpstr (rivya_error_get_request_id (error), ==, "req_stream");
    g_assert_cmpuint (rivya_error_get_http_status (error), ==, 200);
    g_clear_error (&error);
  }

  /* A service that answers the whole completion at once. */
  {
    g_autoptr(RivyaChatCompletion) completion = NULL;
    g_autofree char *log = run (url, 200, "application/json", COMPLETION, &completion, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (log, ==, "[Hello there]completed(chatcmpl_1)");
    g_assert_cmpstr (rivya_chat_completion_get_session_id (completion), ==, "sess_1");
  }

  /* An error before the stream starts, and an HTML one. */
  {
    g_autoptr(RivyaChatCompletion) completion = NULL;
    g_autofree char *log = run (url, 401, "application/json",
      "{\"error\":{\"code\":\"api_key_invalid\",\"message\":\"No\",\"requestId\":\"req_401\"}}",
      &completion, &error);

    g_assert_cmpstr (log, ==, "error(api_key_invalid)");
    g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_API_KEY_INVALID);
    g_assert_cmpuint (rivya_error_get_http_status (error), ==, 401);
    g_assert_cmpstr (rivya_error_get_request_id (error), ==, "req_401");
    g_clear_error (&error);
  }
  {
    g_autoptr(RivyaChatCompletion) completion = NULL;
    g_autofree char *log = run (url, 502, "text/html", "<html>Bad gateway</html>", &completion, &error);

    g_assert_cmpstr (log, ==, "error(-)");
    g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_HTTP);
    g_assert_cmpuint (rivya_error_get_http_status (error), ==, 502);
    g_clear_error (&error);
  }

  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chat-stream/canned", test_streams);

  return g_test_run ();
}
