/* srv-chat-turn.c
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

#include <string.h>

#include "srv-chat.h"
#include "srv-server-private.h"
#include "srv-util.h"

/* One chat turn, from the moment its reservation is recorded to the
 * moment it is settled: it gets the answer from the local assistant
 * (paced word by word) or from the upstream (as it arrives), and hands
 * it to the client either whole (a chat.completion) or as the event
 * stream of B.9. Everything here runs on the server's main context;
 * only image decoding and composing the local answer go to a thread.
 *
 * A turn ends exactly once: completed (chat.completed), failed (an
 * error event, everything refunded), stopped because the client went
 * away (the partial answer is kept and billed for what was produced),
 * or aborted because this server closed the connection (refunded). */

#define SYSTEM_PROMPT \
  "You are Local Chat, the assistant of Rivya Desktop, running through rivya-server. " \
  "Answer helpfully and concisely. Use Markdown where it helps: the app renders it. " \
  "Attached images are described to you in brackets; you cannot see their pixels."

typedef struct
{
  int                 ref_count;
  SrvStore           *store;
  SoupServerMessage  *msg;          /* owned until the turn ends */
  SrvContext         *ctx;          /* the message's data: valid while msg is held */
  SrvChatTurnRecord  *record;
  GPtrArray          *history;
  GPtrArray          *images;
  GCancellable       *cancellable;

  char               *upstream_url;
  char               *upstream_model;
  guint               word_delay_ms;
  guint               ping_interval_ms;

  gint64              input_tokens;
  GString            *produced;
  char              **words;
  guint               next_word;
  guint64             event_id;
  guint               word_source;
  guint               ping_source;
  gulong              finished_handler;
  gulong              disconnected_handler;

  guint               streaming : 1;
  guint               ended : 1;
  guint               client_gone : 1;
} Turn;

static Turn *
turn_ref (Turn *self)
{
  self->ref_count++;
  return self;
}

static void
turn_unref (Turn *self)
{
  if (--self->ref_count > 0)
    return;

  g_assert (self->msg == NULL);
  g_clear_object (&self->store);
  g_clear_pointer (&self->record, srv_chat_turn_record_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_free (self->upstream_url);
  g_free (self->upstream_model);
  g_string_free (self->produced, TRUE);
  g_strfreev (self->words);
  g_free (self);
}

/* Drops the message and everything that would write to it. */
static void
turn_release (Turn *self)
{
  g_clear_handle_id (&self->word_source, g_source_remove);
  g_clear_handle_id (&self->ping_source, g_source_remove);
  if (self->msg != NULL)
    {
      g_clear_signal_handler (&self->finished_handler, self->msg);
      g_clear_signal_handler (&self->disconnected_handler, self->msg);
      g_clear_object (&self->msg);
      self->ctx = NULL;
    }
  turn_unref (self);
}

/* Server-sent events (B.9) */

static void
write_text (Turn       *self,
            const char *text)
{
  if (self->client_gone)
    return;
  soup_message_body_append (soup_server_message_get_response_body (self->msg), SOUP_MEMORY_COPY,
                            text, strlen (text));
  /* The message paused itself when it ran out of body: wake it to send
   * this piece now, not with the next one. */
  soup_server_message_unpause (self->msg);
}

static gboolean
ping_cb (gpointer user_data)
{
  Turn *self = user_data;

  write_text (self, ": ping\n\n");
  return G_SOURCE_CONTINUE;
}

static void
write_event (Turn       *self,
             const char *event,
             JsonNode   *data)
{
  g_autofree char *json = srv_json_to_string (data, NULL);
  g_autofree char *text = g_strdup_printf ("id: %" G_GUINT64_FORMAT "\nevent: %s\ndata: %s\n\n",
                                           ++self->event_id, event, json);

  write_text (self, text);

  /* Pings fill silences, so each event restarts the wait for one. */
  g_clear_handle_id (&self->ping_source, g_source_remove);
  if (!self->ended)
    self->ping_source = g_timeout_add (self->ping_interval_ms, ping_cb, self);
}

static void
end_stream (Turn *self)
{
  if (self->client_gone)
    return;
  soup_message_body_complete (soup_server_message_get_response_body (self->msg));
  soup_server_message_unpause (self->msg);
}

static JsonNode *
started_to_json (Turn *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->record->id);
  json_builder_set_member_name (b, "session_id");
  json_builder_add_string_value (b, self->record->session_id);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, self->record->model);
  json_builder_set_member_name (b, "message");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->record->assistant_message_id);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, "assistant");
  json_builder_end_object (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* A.8's chat.completion object. */
static JsonNode *
completion_to_json (Turn   *self,
                    gint64  output_tokens,
                    gint64  final_credits)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->record->id);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "chat.completion");
  json_builder_set_member_name (b, "session_id");
  json_builder_add_string_value (b, self->record->session_id);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, self->record->model);
  srv_json_add_time (b, "created_at", self->record->created_at);

  json_builder_set_member_name (b, "message");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->record->assistant_message_id);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, "assistant");
  json_builder_set_member_name (b, "content");
  json_builder_add_string_value (b, self->produced->str);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "usage");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "input_tokens");
  json_builder_add_int_value (b, self->input_tokens);
  json_builder_set_member_name (b, "output_tokens");
  json_builder_add_int_value (b, output_tokens);
  json_builder_set_member_name (b, "total_tokens");
  json_builder_add_int_value (b, self->input_tokens + output_tokens);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "credits");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "reserved");
  json_builder_add_int_value (b, self->record->reserved_credits);
  json_builder_set_member_name (b, "final");
  json_builder_add_int_value (b, final_credits);
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* Endings */

static void
turn_fail (Turn       *self,
           const char *message)
{
  g_autoptr(GError) error = NULL;

  if (self->ended)
    return;
  self->ended = TRUE;
  g_cancellable_cancel (self->cancellable);

  g_message ("%s: chat turn %s failed: %s", self->ctx->request_id, self->record->id, message);
  if (!srv_store_chat_end_turn (self->store, self->record->id, SRV_CHAT_TURN_FAILED, NULL,
                                self->input_tokens, 0, 0, message, NULL, &error))
    g_warning ("Could not refund the chat turn %s: %s", self->record->id, error->message);

  if (self->streaming)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) data = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "error");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, srv_error_code_to_string (SRV_ERROR_INTERNAL_ERROR));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, message);
      json_builder_set_member_name (b, "requestId");
      json_builder_add_string_value (b, self->ctx->request_id);
      json_builder_end_object (b);
      json_builder_end_object (b);
      data = json_builder_get_root (b);
      write_event (self, "error", data);
      end_stream (self);
    }
  else
    {
      srv_context_reply_error (self->ctx, SRV_ERROR_INTERNAL_ERROR, NULL, "%s", message);
      soup_server_message_unpause (self->msg);
    }

  turn_release (self);
}

static void
turn_complete (Turn *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) completion = NULL;
  gint64 output_tokens, final_credits;

  if (self->ended)
    return;

  output_tokens = srv_chat_count_tokens (self->produced->str);
  final_credits = srv_chat_final_credits (self->record->reserved_credits,
                                          self->input_tokens + output_tokens);
  if (!srv_store_chat_end_turn (self->store, self->record->id, SRV_CHAT_TURN_COMPLETED,
                                self->produced->str, self->input_tokens, output_tokens,
                                final_credits, NULL, NULL, &error))
    {
      g_warning ("Could not settle the chat turn %s: %s", self->record->id, error->message);
      turn_fail (self, "The answer could not be stored");
      return;
    }
  self->ended = TRUE;

  completion = completion_to_json (self, output_tokens, final_credits);
  if (self->streaming)
    {
      write_event (self, "chat.completed", completion);
      end_stream (self);
    }
  else
    {
      srv_context_reply_json (self->ctx, 200, completion);
      soup_server_message_unpause (self->msg);
    }

  turn_release (self);
}

/* The client hung up mid-stream: stop producing, keep and bill what
 * was produced (B.9). */
static void
turn_stop (Turn *self)
{
  g_autoptr(GError) error = NULL;
  gint64 output_tokens;

  self->client_gone = TRUE;
  if (self->ended)
    return;
  self->ended = TRUE;
  g_cancellable_cancel (self->cancellable);

  output_tokens = srv_chat_count_tokens (self->produced->str);
  if (!srv_store_chat_end_turn (self->store, self->record->id, SRV_CHAT_TURN_STOPPED,
                                self->produced->str, self->input_tokens, output_tokens,
                                srv_chat_final_credits (self->record->reserved_credits,
                                                        self->input_tokens + output_tokens),
                                "The client closed the stream", NULL, &error))
    g_warning ("Could not settle the stopped chat turn %s: %s", self->record->id, error->message);

  turn_release (self);
}

/* The server closed the connection (it is stopping): not the client's
 * doing, so the turn is refunded, as a turn left running by a crash is
 * at the next start. */
static void
turn_abort (Turn *self)
{
  g_autoptr(GError) error = NULL;

  self->client_gone = TRUE;
  if (self->ended)
    return;
  self->ended = TRUE;
  g_cancellable_cancel (self->cancellable);

  if (!srv_store_chat_end_turn (self->store, self->record->id, SRV_CHAT_TURN_FAILED, NULL,
                                self->input_tokens, 0, 0, "The server stopped before this turn ended",
                                NULL, &error))
    g_warning ("Could not refund the chat turn %s: %s", self->record->id, error->message);

  turn_release (self);
}

/* A client that hangs up is noticed when a write fails: the message
 * finishes, unfinished, before its socket is disconnected. A socket
 * disconnected first was closed by this server. Either way the
 * connection takes no more: never unpause it again. */
static void
finished_cb (SoupServerMessage *msg,
             Turn              *self)
{
  turn_stop (self);
}

static void
disconnected_cb (SoupServerMessage *msg,
                 Turn              *self)
{
  turn_abort (self);
}

/* Producing */

static void
emit_delta (const char *text,
            gpointer    user_data)
{
  Turn *self = user_data;

  if (self->ended)
    return;
  g_string_append (self->produced, text);
  if (self->streaming)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) data = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "content");
      json_builder_add_string_value (b, text);
      json_builder_end_object (b);
      data = json_builder_get_root (b);
      write_event (self, "chat.delta", data);
    }
}

static gboolean
word_cb (gpointer user_data)
{
  Turn *self = user_data;

  emit_delta (self->words[self->next_word++], self);
  if (self->words[self->next_word] != NULL)
    return G_SOURCE_CONTINUE;

  self->word_source = 0;
  turn_complete (self);
  return G_SOURCE_REMOVE;
}

static void
upstream_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Turn *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!srv_chat_upstream_stream_finish (result, &error))
    turn_fail (self, error->message);
  else
    turn_complete (self);
  turn_unref (self);
}

static gint64
history_tokens (Turn *self)
{
  gint64 n = 0;

  for (guint i = 0; i < self->history->len; i++)
    n += srv_chat_count_tokens (((SrvChatMessage *)g_ptr_array_index (self->history, i))->content);
  return n;
}

static void
add_message (JsonArray  *messages,
             const char *role,
             const char *content)
{
  JsonObject *m = json_object_new ();

  json_object_set_string_member (m, "role", role);
  json_object_set_string_member (m, "content", content);
  json_array_add_object_element (messages, m);
}

/* What the upstream reads: a system prompt, the session so far and the
 * new message, with the attached images described in words. */
static void
start_upstream (Turn *self)
{
  g_autoptr(JsonArray) messages = json_array_new ();
  g_autoptr(GString) last = g_string_new (self->record->message);

  add_message (messages, "system", SYSTEM_PROMPT);
  for (guint i = 0; i < self->history->len; i++)
    {
      SrvChatMessage *m = g_ptr_array_index (self->history, i);

      if (g_str_equal (m->role, "user") && !g_str_equal (m->attachments, "[]"))
        {
          g_autofree char *with_note = g_strconcat (m->content, "\n\n[Images were attached to this message]",
                                                    NULL);
          add_message (messages, m->role, with_note);
        }
      else
        add_message (messages, m->role, m->content);
    }
  for (guint i = 0; i < self->images->len; i++)
    {
      g_autofree char *summary = srv_chat_image_summary (g_ptr_array_index (self->images, i));
      g_string_append_printf (last, "\n\n%s", summary);
    }
  add_message (messages, "user", last->str);

  self->input_tokens = 0;
  for (guint i = 0; i < json_array_get_length (messages); i++)
    self->input_tokens += srv_chat_count_tokens (
      json_object_get_string_member (json_array_get_object_element (messages, i), "content"));

  srv_chat_upstream_stream_async (self->upstream_url, self->upstream_model, messages, emit_delta, self,
                                  self->cancellable, upstream_done_cb, turn_ref (self));
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Turn *self = task_data;

  /* The main context leaves these alone until the task returns. */
  for (guint i = 0; i < self->images->len; i++)
    srv_chat_image_analyse (g_ptr_array_index (self->images, i));

  if (self->upstream_url != NULL)
    g_task_return_pointer (task, NULL, NULL);
  else
    g_task_return_pointer (task, srv_chat_local_answer (self->record->message, self->history,
                                                        self->images),
                           g_free);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Turn *self = user_data;
  g_autofree char *answer = g_task_propagate_pointer (G_TASK (result), NULL);

  if (self->ended)
    {
      turn_unref (self);
      return;
    }

  if (self->upstream_url != NULL)
    {
      start_upstream (self);
      turn_unref (self);
      return;
    }

  if (!self->streaming)
    {
      g_string_assign (self->produced, answer);
      turn_complete (self);
    }
  else
    {
      self->words = srv_chat_split_words (answer);
      if (self->words[0] == NULL)
        turn_complete (self);
      else if (self->word_delay_ms == 0)
        {
          while (!self->ended && self->words[self->next_word] != NULL)
            emit_delta (self->words[self->next_word++], self);
          turn_complete (self);
        }
      else
        {
          /* The first word at once, then one per delay. */
          emit_delta (self->words[self->next_word++], self);
          if (self->words[self->next_word] == NULL)
            turn_complete (self);
          else
            self->word_source = g_timeout_add (self->word_delay_ms, word_cb, self);
        }
    }
  turn_unref (self);
}

void
srv_chat_turn_run (SrvContext         *ctx,
                   SrvChatTurnRecord  *record,
                   GPtrArray          *history,
                   GPtrArray          *images,
                   gboolean            streaming)
{
  const SrvServerOptions *options = _srv_server_get_options (ctx->server);
  g_autoptr(GTask) task = NULL;
  Turn *self;

  self = g_new0 (Turn, 1);
  self->ref_count = 1;
  self->store = g_object_ref (srv_context_get_store (ctx));
  self->msg = g_object_ref (ctx->msg);
  self->ctx = ctx;
  self->record = record;
  self->history = history;
  self->images = images;
  self->streaming = !!streaming;
  self->cancellable = g_cancellable_new ();
  self->produced = g_string_new (NULL);
  /* What the local assistant reads; an upstream also reads its system
   * prompt, counted when it is sent. A turn stopped before the model
   * answered is billed for this much. */
  self->input_tokens = history_tokens (self) + srv_chat_count_tokens (record->message);
  self->word_delay_ms = options->chat_word_delay_ms;
  self->ping_interval_ms = options->chat_ping_interval_ms > 0 ? options->chat_ping_interval_ms : 15000;
  if (options->chat_upstream != NULL && *options->chat_upstream != '\0')
    {
      self->upstream_url = g_strdup (options->chat_upstream);
      self->upstream_model = g_strdup (options->chat_upstream_model);
    }

  if (streaming)
    {
      SoupMessageHeaders *headers = soup_server_message_get_response_headers (ctx->msg);
      g_autoptr(JsonNode) started = NULL;

      soup_server_message_set_status (ctx->msg, 200, NULL);
      soup_message_headers_set_content_type (headers, "text/event-stream", NULL);
      soup_message_headers_replace (headers, "Cache-Control", "no-cache");
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_body_set_accumulate (soup_server_message_get_response_body (ctx->msg), FALSE);
      ctx->answered = TRUE;
      /* A stream is never replayed (B.3): its Idempotency-Key stays
       * claimed, unanswered, so that any reuse is a conflict. */
      ctx->idempotency_claimed = FALSE;

      self->finished_handler = g_signal_connect (ctx->msg, "finished", G_CALLBACK (finished_cb), self);
      self->disconnected_handler = g_signal_connect (ctx->msg, "disconnected",
                                                     G_CALLBACK (disconnected_cb), self);

      started = started_to_json (self);
      write_event (self, "chat.started", started);
    }
  else
    {
      /* The answer comes later; the message waits, ref held. */
      soup_server_message_pause (ctx->msg);
    }

  task = g_task_new (NULL, self->cancellable, prepared_cb, turn_ref (self));
  g_task_set_source_tag (task, srv_chat_turn_run);
  g_task_set_task_data (task, self, NULL);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, prepare_thread);
}
