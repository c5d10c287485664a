/* test-chat.c
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

/* The Chat API against the real rivya-server: whole completions,
 * sessions, and streamed turns with their signals and cancel. */

static SrvTestServer *srv;

static RivyaChatCompletion *
complete_chat (RivyaClient       *client,
               RivyaChatRequest  *request,
               GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rivya_client_create_chat_completion_async (client, request, NULL, lib_test_store_result, &result);
  return rivya_client_create_chat_completion_finish (client, lib_test_await (&result), error);
}

static void
test_chat_completion_and_sessions (void)
{
  g_autofree char *key = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaChatRequest) request = NULL;
  g_autoptr(RivyaChatRequest) next = NULL;
  g_autoptr(RivyaChatCompletion) completion = NULL;
  g_autoptr(RivyaChatCompletion) again = NULL;
  g_autoptr(RivyaChatCompletion) second = NULL;
  g_autoptr(RivyaChatSession) session = NULL;
  g_autoptr(RivyaPage) page = NULL;
  g_autoptr(RivyaChatMessage) first_message = NULL;
  g_autoptr(RivyaChatSession) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (lib_test_route_missing (srv, "GET", "/api/v1/chat/sessions"))
    return;

  key = srv_test_new_account_key (srv, "chat", 50, NULL);
  client = lib_test_client (srv, key);
  request = rivya_chat_request_new ("local-chat", "Hello there, how are you?");

  completion = complete_chat (client, request, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rivya_chat_completion_get_id (completion), "chatcmpl_"));
  g_assert_true (g_str_has_prefix (rivya_chat_completion_get_session_id (completion), "sess_"));
  g_assert_cmpstr (rivya_chat_completion_get_model (completion), ==, "local-chat");
  g_assert_cmpstr (rivya_chat_message_get_role (rivya_chat_completion_get_message (completion)), ==, "assistant");
  g_assert_cmpuint (strlen (rivya_chat_completion_get_content (completion)), >, 0);
  g_assert_cmpint (rivya_chat_completion_get_total_tokens (completion), >, 0);
  g_assert_cmpint (rivya_chat_completion_get_final_credits (completion), >=, 1);

  /* Whole completions replay like generations. */
  again = complete_chat (client, request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_chat_completion_get_id (again), ==, rivya_chat_completion_get_id (completion));

  next = rivya_chat_request_new ("local-chat", "And a second question");
  rivya_chat_request_set_session_id (next, rivya_chat_completion_get_session_id (completion));
  second = complete_chat (client, next, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_chat_completion_get_session_id (second), ==,
                   rivya_chat_completion_get_session_id (completion));

  rivya_client_get_chat_session_async (client, rivya_chat_completion_get_session_id (completion), NULL,
                                       lib_test_store_result, &result);
  session = rivya_client_get_chat_session_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_chat_session_get_model (session), ==, "local-chat");
  g_assert_cmpint (rivya_chat_session_get_message_count (session), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (rivya_chat_session_get_messages (session)), ==, 4);
  first_message = g_list_model_get_item (rivya_chat_session_get_messages (session), 0);
  g_assert_cmpstr (rivya_chat_message_get_role (first_message), ==, "user");
  g_assert_cmpstr (rivya_chat_message_get_content (first_message), ==, "Hello there, how are you?");
  g_assert_cmpstr (rivya_chat_session_get_title (session), ==, "Hello there, how are you?");
  g_clear_object (&result);

  rivya_client_list_chat_sessions_async (client, 10, NULL, NULL, lib_test_store_result, &result);
  page = rivya_client_list_chat_sessions_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page)), ==, 1);
  g_assert_false (rivya_page_get_has_more (page));
  listed = g_list_model_get_item (G_LIST_MODEL (page), 0);
  g_assert_cmpstr (rivya_chat_session_get_id (listed), ==, rivya_chat_session_get_id (session));
}

typedef struct
{
  GString *log;
  guint    cancel_after;
  GCancellable *cancellable;
} StreamLog;

static void
stream_started_cb (RivyaChatStream *stream,
                   const char      *session_id,
                   const char      *message_id,
                   StreamLog       *log)
{
  g_assert_true (g_str_has_prefix (session_id, "sess_"));
  g_assert_true (g_str_has_prefix (message_id, "msg_"));
  g_string_append (log->log, "started;");
}

static void
stream_delta_cb (RivyaChatStream *stream,
                 const char      *content,
                 StreamLog       *log)
{
  g_string_append_c (log->log, 'd');
  if (log->cancel_after > 0 && rivya_chat_stream_get_n_deltas (stream) == log->cancel_after)
    g_cancellable_cancel (log->cancellable);
}

static void
stream_completed_cb (RivyaChatStream     *stream,
                     RivyaChatCompletion *completion,
                     StreamLog           *log)
{
  g_string_append (log->log, ";completed");
}

static void
stream_error_cb (RivyaChatStream *stream,
                 const GError    *error,
                 StreamLog       *log)
{
  g_string_append_printf (log->log, ";error:%s", rivya_error_get_code_string (error));
}

static RivyaChatStream *
new_stream (RivyaClient      *client,
            RivyaChatRequest *request,
            StreamLog        *log)
{
  RivyaChatStream *stream = rivya_chat_stream_new (client, request);

  g_signal_connect (stream, "started", G_CALLBACK (stream_started_cb), log);
  g_signal_connect (stream, "delta", G_CALLBACK (stream_delta_cb), log);
  g_signal_connect (stream, "completed", G_CALLBACK (stream_completed_cb), log);
  g_signal_connect (stream, "error", G_CALLBACK (stream_error_cb), log);
  return stream;
}

static void
test_chat_stream (void)
{
  g_autofree char *key = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaChatRequest) request = NULL;
  g_autoptr(RivyaChatStream) stream = NULL;
  g_autoptr(RivyaChatStream) replay = NULL;
  g_autoptr(RivyaChatStream) cancelled = NULL;
  g_autoptr(RivyaChatStream) wrong_model = NULL;
  g_autoptr(RivyaChatRequest) long_request = NULL;
  g_autoptr(RivyaChatRequest) image_request = NULL;
  g_autoptr(RivyaChatCompletion) completion = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  StreamLog log = { g_string_new (NULL), 0, NULL };
  guint n_deltas;

  if (lib_test_route_missing (srv, "GET", "/api/v1/chat/sessions"))
    {
      g_string_free (log.log, TRUE);
      return;
    }

  key = srv_test_new_account_key (srv, "stream", 50, NULL);
  client = lib_test_client (srv, key);
  request = rivya_chat_request_new ("local-chat", "Tell me about lighthouses and the sea");
  stream = new_stream (client, request, &log);

  rivya_chat_stream_run_async (stream, NULL, lib_test_store_result, &result);
  completion = rivya_chat_stream_run_finish (stream, lib_test_await (&result), &error);
  g_assert_no_error (error);
  n_deltas = rivya_chat_stream_get_n_deltas (stream);
  g_assert_cmpuint (n_deltas, >, 1);
  g_assert_true (g_str_has_prefix (log.log->str, "started;d"));
  g_assert_true (g_str_has_suffix (log.log->str, "d;completed"));
  /* The deltas add up to the whole answer. */
  g_assert_cmpstr (rivya_chat_stream_get_text (stream), ==, rivya_chat_completion_get_content (completion));
  g_assert_cmpstr (rivya_chat_stream_get_session_id (stream), ==, rivya_chat_completion_get_session_id (completion));
  g_assert_cmpstr (rivya_chat_stream_get_message_id (stream), ==,
                   rivya_chat_message_get_id (rivya_chat_completion_get_message (completion)));
  g_assert_true (rivya_chat_stream_get_completion (stream) == completion);
  g_clear_object (&result);

  /* A stream cannot be replayed: its key, reused, is a conflict (B.3). */
  g_string_truncate (log.log, 0);
  replay = new_stream (client, request, &log);
  rivya_chat_stream_run_async (replay, NULL, lib_test_store_result, &result);
  g_assert_null (rivya_chat_stream_run_finish (replay, lib_test_await (&result), &error));
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_IDEMPOTENCY_CONFLICT);
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, 409);
  g_assert_cmpstr (log.log->str, ==, ";error:idempotency_conflict");
  g_clear_error (&error);
  g_clear_object (&result);

  /* An error before the stream starts arrives the same way. */
  g_string_truncate (log.log, 0);
  image_request = rivya_chat_request_new ("local-image", "not a chat model");
  wrong_model = new_stream (client, image_request, &log);
  rivya_chat_stream_run_async (wrong_model, NULL, lib_test_store_result, &result);
  g_assert_null (rivya_chat_stream_run_finish (wrong_model, lib_test_await (&result), &error));
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_CHAT_MODEL_NOT_SUPPORTED);
  g_assert_cmpstr (rivya_error_get_param (error), ==, "model");
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, 400);
  g_assert_cmpstr (log.log->str, ==, ";error:chat_model_not_supported");
  g_assert_true (g_str_has_prefix (rivya_error_get_request_id (error), "req_"));
  g_clear_error (&error);
  g_clear_object (&result);

  /* Cancel stops the request after the first delta; no error signal. */
  g_string_truncate (log.log, 0);
  long_request = rivya_chat_request_new ("local-chat", "Please write a long story about the sea");
  log.cancel_after = 1;
  log.cancellable = cancellable;
  cancelled = new_stream (client, long_request, &log);
  rivya_chat_stream_run_async (cancelled, cancellable, lib_test_store_result, &result);
  g_assert_null (rivya_chat_stream_run_finish (cancelled, lib_test_await (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (log.log->str, ==, "started;d");
  g_assert_null (rivya_chat_stream_get_completion (cancelled));

  g_string_free (log.log, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chat/completion-and-sessions", test_chat_completion_and_sessions);
  g_test_add_func ("/chat/stream", test_chat_stream);

  srv = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (srv);

  return ret;
}
