/* rivya-chat-stream-io.c
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

#include "rivya-chat-stream.h"

#include "rivya-chat-request.h"
#include "rivya-chat-stream-private.h"
#include "rivya-client-private.h"
#include "rivya-error-private.h"
#include "rivya-request-record-private.h"

/* Sending a chat turn and reading its answer: B.9's events through the
 * SSE parser, or a JSON answer (an error before the stream started, or a
 * service that answers whole). */

#define READ_SIZE       (16 * 1024)
#define ERROR_BODY_MAX  (1024 * 1024)

static void read_next (RivyaChatStream *self,
                       GTask           *task);

static const char *
answer_request_id (RivyaChatStream *self)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (self->msg);

  return soup_message_headers_get_one (headers, "X-Request-Id");
}

static void
fail (RivyaChatStream *self,
      GError          *error)
{
  if (self->stream_error == NULL && !self->ended)
    self->stream_error = error;
  else
    g_error_free (error);
  self->ended = TRUE;
}

static JsonObject *
parse_data (RivyaChatStream *self,
            const char      *event,
            const char      *data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, strlen (data));
  g_autofree char *what = g_strdup_printf ("%s event", event);
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  if (!(object = _rivya_json_parse_object (bytes, what, &error)))
    {
      _rivya_error_set_response (error, soup_message_get_status (self->msg),
                                 answer_request_id (self));
      fail (self, g_steal_pointer (&error));
    }
  return object;
}

static void
on_started (RivyaChatStream *self,
            JsonObject      *object)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *message_id = NULL;
  JsonObject *message = NULL;

  if (!_rivya_json_get_string (object, "chat.started event", "session_id", FALSE, &session_id,
                               &error) ||
      !_rivya_json_get_object (object, "chat.started event", "message", &message, &error) ||
      (message != NULL &&
       !_rivya_json_get_string (message, "chat.started message", "id", FALSE, &message_id, &error)))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  _rivya_chat_stream_set_ids (self, session_id, message_id);
  _rivya_chat_stream_emit_started (self);
}

static void
on_delta (RivyaChatStream *self,
          JsonObject      *object)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;

  if (!_rivya_json_get_string (object, "chat.delta event", "content", FALSE, &content, &error))
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  if (content == NULL || *content == '\0')
    return;

  _rivya_chat_stream_emit_delta (self, content);
}

static gboolean
take_completion (RivyaChatStream *self,
                 JsonObject      *object)
{
  g_autoptr(GError) error = NULL;
  RivyaChatMessage *message;

  if (!(self->completion = rivya_chat_completion_new_from_json (object, &error)))
    {
      _rivya_error_set_response (error, soup_message_get_status (self->msg),
                                 answer_request_id (self));
      fail (self, g_steal_pointer (&error));
      return FALSE;
    }

  message = rivya_chat_completion_get_message (self->completion);
  _rivya_chat_stream_set_ids (self, rivya_chat_completion_get_session_id (self->completion),
                              message ? rivya_chat_message_get_id (message) : NULL);
  return TRUE;
}

static void
on_completed (RivyaChatStream *self,
              JsonObject      *object)
{
  if (!take_completion (self, object))
    return;

  self->ended = TRUE;
  _rivya_chat_stream_emit_completed (self);
}

static void
on_error (RivyaChatStream *self,
          JsonObject      *object)
{
  JsonObject *error_object = NULL;
  const char *request_id = answer_request_id (self);

  if (!_rivya_json_get_object (object, "error event", "error", &error_object, NULL) ||
      error_object == NULL)
    {
      fail (self, _rivya_error_new (RIVYA_ERROR_PARSE, NULL, soup_message_get_status (self->msg),
                                    request_id, NULL, 0,
                                    "Could not read the error event: it has no error object"));
      return;
    }

  fail (self, _rivya_error_new_from_json (error_object, soup_message_get_status (self->msg),
                                          request_id, 0));
}

void
_rivya_chat_stream_event_cb (const char *event,
                             const char *data,
                             const char *id,
                             gpointer    user_data)
{
  RivyaChatStream *self = user_data;
  g_autoptr(JsonObject) object = NULL;

  /* Exactly one chat.completed or error ends the stream; whatever
   * follows, and event types this version does not know, are ignored. */
  if (self->ended)
    return;
  if (!g_str_equal (event, "chat.started") && !g_str_equal (event, "chat.delta") &&
      !g_str_equal (event, "chat.completed") && !g_str_equal (event, "error"))
    return;
  if (!(object = parse_data (self, event, data)))
    return;

  if (g_str_equal (event, "chat.started"))
    on_started (self, object);
  else if (g_str_equal (event, "chat.delta"))
    on_delta (self, object);
  else if (g_str_equal (event, "chat.completed"))
    on_completed (self, object);
  else
    on_error (self, object);
}

/* Takes the task. */
static void
complete (RivyaChatStream *self,
          GTask           *task)
{
  g_autoptr(GTask) owned = task;
  g_autoptr(GError) error = g_steal_pointer (&self->stream_error);

  self->running = FALSE;
  self->ended = TRUE;
  g_cancellable_disconnect (self->caller_cancellable, self->caller_cancelled_id);
  self->caller_cancelled_id = 0;
  g_clear_object (&self->caller_cancellable);

  if (self->input != NULL)
    {
      /* After the last event the server closes the stream; when we stop
       * first (an error, a cancel) this drops the connection. */
      g_cancellable_cancel (self->cancellable);
      g_input_stream_close_async (self->input, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_clear_object (&self->input);
    }

  if (error == NULL && self->completion == NULL)
    error = _rivya_error_new (RIVYA_ERROR_TRANSPORT, NULL, 0, NULL, NULL, 0,
                              "The chat stream ended before chat.completed");

  /* A stream's record waits for its end: only then are its duration and
   * its error code (an `event: error`, say) known. */
  if (self->msg != NULL && self->started != 0)
    _rivya_client_request_recorded (self->client, self->msg, self->started, error);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rivya_chat_stream_emit_error (self, error);
      g_task_return_error (owned, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (owned, g_object_ref (self->completion), g_object_unref);
}

static void
finish_whole_body (RivyaChatStream *self)
{
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&self->whole_body));
  SoupMessageHeaders *headers = soup_message_get_response_headers (self->msg);
  guint status = soup_message_get_status (self->msg);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  const char *content;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      fail (self, rivya_error_new_from_response (status, headers, body));
      return;
    }

  /* A service that answers the whole completion at once still answers. */
  if (!(object = _rivya_json_parse_object (body, "chat completion", &error)))
    {
      _rivya_error_set_response (error, status, answer_request_id (self));
      fail (self, g_steal_pointer (&error));
      return;
    }

  if (!take_completion (self, object))
    return;

  /* The whole text as one delta, so that views fed by deltas show it. */
  if ((content = rivya_chat_completion_get_content (self->completion)) != NULL && *content != '\0')
    _rivya_chat_stream_emit_delta (self, content);

  self->ended = TRUE;
  _rivya_chat_stream_emit_completed (self);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RivyaChatStream *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  if (!(bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error)))
    {
      fail (self, _rivya_client_error_from_send (g_steal_pointer (&error)));
      complete (self, g_steal_pointer (&task));
      return;
    }

  data = g_bytes_get_data (bytes, &len);

  if (self->whole_body != NULL)
    {
      /* An error answer, or a JSON answer instead of a stream: kept whole. */
      if (len > 0 && self->whole_body->len < ERROR_BODY_MAX)
        {
          g_byte_array_append (self->whole_body, (const guint8 *)data, len);
          read_next (self, g_steal_pointer (&task));
          return;
        }
      finish_whole_body (self);
      complete (self, g_steal_pointer (&task));
      return;
    }

  if (len == 0)
    {
      rivya_sse_parser_finish (self->parser);
      complete (self, g_steal_pointer (&task));
      return;
    }

  if (!rivya_sse_parser_feed (self->parser, data, len, &error))
    fail (self, _rivya_error_new (RIVYA_ERROR_PARSE, NULL, soup_message_get_status (self->msg),
                                  NULL, NULL, 0, "Could not read the chat stream: %s",
                                  error->message));

  if (self->ended)
    complete (self, g_steal_pointer (&task));
  else
    read_next (self, g_steal_pointer (&task));
}

/* Takes the task. */
static void
read_next (RivyaChatStream *self,
           GTask           *task)
{
  g_input_stream_read_bytes_async (self->input, READ_SIZE, G_PRIORITY_DEFAULT, self->cancellable,
                                   read_cb, task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RivyaChatStream *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *content_type;
  guint status;

  self->input = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  _rivya_client_request_finished (self->client, self->msg, self->started);

  if (self->input == NULL)
    {
      fail (self, _rivya_client_error_from_send (g_steal_pointer (&error)));
      complete (self, g_steal_pointer (&task));
      return;
    }

  status = soup_message_get_status (self->msg);
  headers = soup_message_get_response_headers (self->msg);
  content_type = soup_message_headers_get_content_type (headers, NULL);

  /* Errors found before the stream starts are ordinary JSON errors (B.9). */
  if (!SOUP_STATUS_IS_SUCCESSFUL (status) ||
      (content_type != NULL && g_str_has_suffix (content_type, "json")))
    self->whole_body = g_byte_array_new ();

  read_next (self, g_steal_pointer (&task));
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     GCancellable *own)
{
  g_cancellable_cancel (own);
}

/**
 * rivya_chat_stream_run_async:
 * @self: a #RivyaChatStream
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer is over
 * @user_data: (closure): data for @callback
 *
 * Sends the turn and reads the answer as it is written, emitting the
 * signals on the thread-default main context of the caller. A stream
 * runs once.
 */
void
rivya_chat_stream_run_async (RivyaChatStream     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  const char *key;

  g_return_if_fail (RIVYA_IS_CHAT_STREAM (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (!self->running && self->msg == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rivya_chat_stream_run_async);
  self->running = TRUE;

  if (cancellable != NULL)
    {
      self->caller_cancellable = g_object_ref (cancellable);
      self->caller_cancelled_id = g_cancellable_connect (cancellable,
                                                         G_CALLBACK (caller_cancelled_cb),
                                                         self->cancellable, NULL);
    }

  key = rivya_chat_request_get_idempotency_key (self->request);
  self->msg = _rivya_client_new_message (self->client, "POST", "/api/v1/chat/completions/stream",
                                         TRUE, key, &error);
  if (self->msg == NULL)
    {
      fail (self, g_steal_pointer (&error));
      complete (self, g_steal_pointer (&task));
      return;
    }

  soup_message_headers_replace (soup_message_get_request_headers (self->msg),
                                "Accept", "text/event-stream");
  body = rivya_chat_request_to_json (self->request);
  _rivya_client_set_json_body (self->msg, body);

  self->started = g_get_monotonic_time ();
  soup_session_send_async (rivya_client_get_session (self->client), self->msg, G_PRIORITY_DEFAULT,
                           self->cancellable, send_cb, g_steal_pointer (&task));
}

/**
 * rivya_chat_stream_run_finish:
 * @self: a #RivyaChatStream
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_chat_stream_run_async().
 *
 * Returns: (transfer full): the whole completion, as in
 *   #RivyaChatStream::completed, or %NULL with @error set
 */
RivyaChatCompletion *
rivya_chat_stream_run_finish (RivyaChatStream  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_STREAM (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rivya_chat_stream_run_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
