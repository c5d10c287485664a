/* rivya-chat-stream.c
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
#include "rivya-client.h"
#include "rivya-sse-parser.h"

/**
 * RivyaChatStream:
 *
 * One chat turn answered as it is written,
 * `POST /api/v1/chat/completions/stream` (A.8, B.9).
 *
 * Connect to the signals, then call rivya_chat_stream_run_async():
 * #RivyaChatStream::started when the service starts the answer,
 * #RivyaChatStream::delta for each piece of text, then exactly one of
 * #RivyaChatStream::completed or #RivyaChatStream::error. Errors found
 * before the stream starts (a bad key, an unknown model) arrive the same
 * way. rivya_chat_stream_cancel() or the cancellable stop the request;
 * the service keeps what was written so far.
 *
 * A stream object runs once. Its request's `Idempotency-Key` cannot be
 * used again: a new turn needs a new #RivyaChatRequest.
 *
 * |[<!-- language="C" -->
 * stream = rivya_chat_stream_new (client, request);
 * g_signal_connect_object (stream, "delta", G_CALLBACK (delta_cb), view, 0);
 * rivya_chat_stream_run_async (stream, cancellable, done_cb, self);
 * ]|
 */

G_DEFINE_FINAL_TYPE (RivyaChatStream, rivya_chat_stream, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_COMPLETION,
  PROP_MESSAGE_ID,
  PROP_REQUEST,
  PROP_SESSION_ID,
  PROP_TEXT,
  N_PROPS
};

enum {
  STARTED,
  DELTA,
  COMPLETED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
set_string (RivyaChatStream  *self,
            char            **field,
            const char       *value,
            GParamSpec       *pspec)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
_rivya_chat_stream_set_ids (RivyaChatStream *self,
                            const char      *session_id,
                            const char      *message_id)
{
  set_string (self, &self->session_id, session_id, properties [PROP_SESSION_ID]);
  set_string (self, &self->message_id, message_id, properties [PROP_MESSAGE_ID]);
}

void
_rivya_chat_stream_emit_started (RivyaChatStream *self)
{
  g_signal_emit (self, signals [STARTED], 0, self->session_id, self->message_id);
}

void
_rivya_chat_stream_emit_delta (RivyaChatStream *self,
                               const char      *content)
{
  g_string_append (self->text, content);
  self->n_deltas++;
  g_signal_emit (self, signals [DELTA], 0, content);
}

void
_rivya_chat_stream_emit_completed (RivyaChatStream *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPLETION]);
  g_signal_emit (self, signals [COMPLETED], 0, self->completion);
}

void
_rivya_chat_stream_emit_error (RivyaChatStream *self,
                               const GError    *error)
{
  g_signal_emit (self, signals [ERROR], 0, error);
}

/**
 * rivya_chat_stream_cancel:
 * @self: a #RivyaChatStream
 *
 * Stops the request, as cancelling the cancellable given to
 * rivya_chat_stream_run_async() does. The run then fails with
 * %G_IO_ERROR_CANCELLED; #RivyaChatStream::error is not emitted.
 */
void
rivya_chat_stream_cancel (RivyaChatStream *self)
{
  g_return_if_fail (RIVYA_IS_CHAT_STREAM (self));

  g_cancellable_cancel (self->cancellable);
}

static void
rivya_chat_stream_dispose (GObject *object)
{
  RivyaChatStream *self = (RivyaChatStream *)object;

  if (self->caller_cancellable != NULL)
    {
      g_cancellable_disconnect (self->caller_cancellable, self->caller_cancelled_id);
      self->caller_cancelled_id = 0;
      g_clear_object (&self->caller_cancellable);
    }
  g_clear_object (&self->input);
  g_clear_object (&self->msg);
  g_clear_object (&self->completion);
  g_clear_object (&self->request);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rivya_chat_stream_parent_class)->dispose (object);
}

static void
rivya_chat_stream_finalize (GObject *object)
{
  RivyaChatStream *self = (RivyaChatStream *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->parser, rivya_sse_parser_unref);
  g_clear_pointer (&self->whole_body, g_byte_array_unref);
  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->message_id, g_free);
  g_clear_error (&self->stream_error);

  G_OBJECT_CLASS (rivya_chat_stream_parent_class)->finalize (object);
}

static void
rivya_chat_stream_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RivyaChatStream *self = RIVYA_CHAT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_COMPLETION:
      g_value_set_object (value, self->completion);
      break;

    case PROP_MESSAGE_ID:
      g_value_set_string (value, self->message_id);
      break;

    case PROP_REQUEST:
      g_value_set_object (value, self->request);
      break;

    case PROP_SESSION_ID:
      g_value_set_string (value, self->session_id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text->str);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_chat_stream_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RivyaChatStream *self = RIVYA_CHAT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_REQUEST:
      self->request = g_value_dup_object (value);
      break;

    case PROP_COMPLETION:
    case PROP_MESSAGE_ID:
    case PROP_SESSION_ID:
    case PROP_TEXT:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_chat_stream_class_init (RivyaChatStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rivya_chat_stream_dispose;
  object_class->finalize = rivya_chat_stream_finalize;
  object_class->get_property = rivya_chat_stream_get_property;
  object_class->set_property = rivya_chat_stream_set_property;

  /**
   * RivyaChatStream:client:
   *
   * The client the turn is sent through.
   */
  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RIVYA_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatStream:completion:
   *
   * The whole completion, once #RivyaChatStream::completed was emitted.
   */
  properties [PROP_COMPLETION] =
    g_param_spec_object ("completion", NULL, NULL,
                         RIVYA_TYPE_CHAT_COMPLETION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatStream:message-id:
   *
   * The id of the assistant's message, once the stream started.
   */
  properties [PROP_MESSAGE_ID] =
    g_param_spec_string ("message-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatStream:request:
   *
   * The chat turn.
   */
  properties [PROP_REQUEST] =
    g_param_spec_object ("request", NULL, NULL,
                         RIVYA_TYPE_CHAT_REQUEST,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatStream:session-id:
   *
   * The session of the turn, once the stream started: pass it to the
   * next turn to continue the conversation.
   */
  properties [PROP_SESSION_ID] =
    g_param_spec_string ("session-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatStream:text:
   *
   * The answer so far: every delta joined. It is not notified for each
   * delta; follow #RivyaChatStream::delta instead.
   */
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RivyaChatStream::started:
   * @self: a #RivyaChatStream
   * @session_id: (nullable): the session of the turn
   * @message_id: (nullable): the id of the assistant's message
   *
   * Emitted when the service starts the answer (`chat.started`).
   */
  signals [STARTED] =
    g_signal_new ("started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * RivyaChatStream::delta:
   * @self: a #RivyaChatStream
   * @content: the next piece of the answer's text
   *
   * Emitted for each piece of text (`chat.delta`).
   */
  signals [DELTA] =
    g_signal_new ("delta",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RivyaChatStream::completed:
   * @self: a #RivyaChatStream
   * @completion: the whole completion, with usage and credits
   *
   * Emitted once when the answer is complete (`chat.completed`).
   */
  signals [COMPLETED] =
    g_signal_new ("completed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, RIVYA_TYPE_CHAT_COMPLETION);

  /**
   * RivyaChatStream::error:
   * @self: a #RivyaChatStream
   * @error: what went wrong, of %RIVYA_ERROR
   *
   * Emitted once when the turn fails: an `error` event, an error answer
   * before the stream started, or a cut stream. Not emitted on cancel.
   */
  signals [ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
rivya_chat_stream_init (RivyaChatStream *self)
{
  self->cancellable = g_cancellable_new ();
  self->text = g_string_new (NULL);
  self->parser = rivya_sse_parser_new (_rivya_chat_stream_event_cb, self, NULL);
}

/**
 * rivya_chat_stream_new:
 * @client: the client to send through
 * @request: the chat turn
 *
 * Creates a stream for one chat turn; nothing is sent before
 * rivya_chat_stream_run_async().
 *
 * Returns: (transfer full): a new #RivyaChatStream
 */
RivyaChatStream *
rivya_chat_stream_new (RivyaClient      *client,
                       RivyaChatRequest *request)
{
  g_return_val_if_fail (RIVYA_IS_CLIENT (client), NULL);
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (request), NULL);

  return g_object_new (RIVYA_TYPE_CHAT_STREAM,
                       "client", client,
                       "request", request,
                       NULL);
}

/**
 * rivya_chat_stream_get_client:
 * @self: a #RivyaChatStream
 *
 * Gets the client the turn is sent through.
 *
 * Returns: (transfer none): the client
 */
RivyaClient *
rivya_chat_stream_get_client (RivyaChatStream *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_STREAM (self), NULL);

  return self->client;
}

/**
 * rivya_chat_stream_get_request:
 * @self: a #RivyaChatStream
 *
 * Gets the chat turn.
 *
 * Returns: (transfer none): the request
 */
RivyaChatRequest *
rivya_chat_stream_get_request (RivyaChatStream *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_STREAM (self), NULL);

  return self->request;
}

/**
 * rivya_chat_stream_get_text:
 * @self: a #RivyaChatStream
 *
 * Gets the answer so far.
 *
 * Returns: the text of every delta received, joined
 */
const char *
rivya_chat_stream_get_text (RivyaChatStream *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_STREAM (self), NULL);

  return self->text->str;
}

/**
 * rivya_chat_stream_get_session_id:
 * @self: a #RivyaChatStream
 *
 * Gets the session of the turn.
 *
 * Returns: (nullable): the session id, once the stream started
 */
const char *
rivya_chat_stream_get_session_id (RivyaChatStream *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_STREAM (self), NULL);

  return self->session_id;
}

/**
 * rivya_chat_stream_get_message_id:
 * @self: a #RivyaChatStream
 *
 * Gets the id of the assistant's message.
 *
 * Returns: (nullable): the message id, once the stream started
 */
const char *
rivya_chat_stream_get_message_id (RivyaChatStream *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_STREAM (self), NULL);

  return self->message_id;
}

/**
 * rivya_chat_stream_get_n_deltas:
 * @self: a #RivyaChatStream
 *
 * Gets how many pieces of text arrived.
 *
 * Returns: the number of #RivyaChatStream::delta emissions
 */
guint
rivya_chat_stream_get_n_deltas (RivyaChatStream *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_STREAM (self), 0);

  return self->n_deltas;
}

/**
 * rivya_chat_stream_get_completion:
 * @self: a #RivyaChatStream
 *
 * Gets the whole completion.
 *
 * Returns: (transfer none) (nullable): the completion, once the answer
 *   is complete
 */
RivyaChatCompletion *
rivya_chat_stream_get_completion (RivyaChatStream *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_STREAM (self), NULL);

  return self->completion;
}
