/* rd-chat-page-turn.c
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

#include <glib/gi18n.h>

#include "rd-chat-history.h"
#include "rd-chat-page-private.h"

/* One chat turn: the question and an empty answer join the
 * conversation (and the history) at once, the answer grows with each
 * chat.delta, and whatever ends the turn (completed, error, Stop, or a
 * crash) leaves the answer as far as it got. The partial answer is
 * written to the history at most once a second while it streams. */

#define SAVE_INTERVAL_MS 1000

static char *
describe_error (const GError *error)
{
  const char *request_id = rivya_error_get_request_id (error);
  const char *what;

  if (error->domain != RIVYA_ERROR)
    what = error->message;
  else
    switch ((RivyaError) error->code)
      {
      case RIVYA_ERROR_INSUFFICIENT_CREDITS:
        what = _("There are not enough credits for this message. Add credits to the account, then send it again.");
        break;

      case RIVYA_ERROR_CHAT_SESSION_CONFLICT:
        what = _("This chat cannot be continued: it belongs to another account or model. Start a new chat to send the message.");
        break;

      case RIVYA_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED:
        what = _("The model does not take these attachments.");
        break;

      case RIVYA_ERROR_NOT_FOUND:
        what = _("This chat is not known to the server (any more). Start a new chat to send the message.");
        break;

      case RIVYA_ERROR_CHAT_MODEL_NOT_SUPPORTED:
        what = _("This model cannot chat.");
        break;

      case RIVYA_ERROR_RATE_LIMITED:
        what = _("Too many requests for now. Wait a moment, then send the message again.");
        break;

      case RIVYA_ERROR_TRANSPORT:
        what = _("The server could not be reached. Check the connection, then send the message again.");
        break;

      case RIVYA_ERROR_PUBLIC_API_DISABLED:
      case RIVYA_ERROR_API_KEY_MISSING:
      case RIVYA_ERROR_API_KEY_INVALID:
      case RIVYA_ERROR_API_KEY_REVOKED:
      case RIVYA_ERROR_API_KEY_EXPIRED:
      case RIVYA_ERROR_API_SCOPE_DENIED:
      case RIVYA_ERROR_VALIDATION_FAILED:
      case RIVYA_ERROR_WEBHOOK_URL_REJECTED:
      case RIVYA_ERROR_IDEMPOTENCY_CONFLICT:
      case RIVYA_ERROR_INTERNAL_ERROR:
      case RIVYA_ERROR_METHOD_NOT_ALLOWED:
      case RIVYA_ERROR_PAYLOAD_TOO_LARGE:
      case RIVYA_ERROR_UNSUPPORTED_MEDIA_TYPE:
      case RIVYA_ERROR_GENERATION_FAILED:
      case RIVYA_ERROR_UNKNOWN_CODE:
      case RIVYA_ERROR_HTTP:
      case RIVYA_ERROR_PARSE:
      default:
        what = error->message;
        break;
      }

  if (request_id != NULL)
    /* translators: an error, then the request id to give to support */
    return g_strdup_printf (_("%s (request id %s)"), what, request_id);
  return g_strdup (what);
}

static void
save_answer (RdChatPage *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->last_save = g_get_monotonic_time ();
  if (self->db != NULL && self->turn_answer != NULL)
    rd_chat_history_save_message (self->db, self->turn_conversation, self->turn_answer);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RdChatPage *self = user_data;

  self->save_source = 0;
  save_answer (self);
  return G_SOURCE_REMOVE;
}

static void
started_cb (RdChatPage      *self,
            const char      *session_id,
            const char      *message_id,
            RivyaChatStream *stream)
{
  RdChatConversation *conversation = self->turn_conversation;

  if (session_id != NULL && rd_chat_conversation_get_server_id (conversation) == NULL)
    {
      rd_chat_conversation_set_server_id (conversation, session_id);
      if (self->db != NULL)
        rd_chat_history_save_conversation (self->db, conversation);
    }
  rd_chat_message_set_server_id (self->turn_answer, message_id);
}

static void
delta_cb (RdChatPage      *self,
          const char      *content,
          RivyaChatStream *stream)
{
  rd_chat_message_append (self->turn_answer, content);
  if (self->save_source == 0)
    {
      gint64 since = (g_get_monotonic_time () - self->last_save) / 1000;

      self->save_source = g_timeout_add (since >= SAVE_INTERVAL_MS ? 0 : SAVE_INTERVAL_MS - since,
                                         save_timeout_cb, self);
    }
}

static void
completed_cb (RdChatPage          *self,
              RivyaChatCompletion *completion,
              RivyaChatStream     *stream)
{
  RivyaChatMessage *message = rivya_chat_completion_get_message (completion);

  /* The completion holds the whole answer: it wins over the deltas. */
  if (rivya_chat_completion_get_content (completion) != NULL)
    rd_chat_message_set_content (self->turn_answer, rivya_chat_completion_get_content (completion));
  if (message != NULL)
    rd_chat_message_set_server_id (self->turn_answer, rivya_chat_message_get_id (message));
  rd_chat_message_set_usage (self->turn_answer,
                             rivya_chat_completion_get_input_tokens (completion),
                             rivya_chat_completion_get_output_tokens (completion),
                             rivya_chat_completion_get_final_credits (completion));
  rd_chat_message_set_state (self->turn_answer, RD_CHAT_MESSAGE_DONE);
  save_answer (self);
}

static void
error_cb (RdChatPage      *self,
          const GError    *error,
          RivyaChatStream *stream)
{
  g_autofree char *text = describe_error (error);
  GListStore *messages = rd_chat_conversation_get_messages (self->turn_conversation);
  gboolean written = rivya_chat_stream_get_n_deltas (stream) > 0;

  if (!written)
    {
      guint position;

      /* Nothing reached the session (the server refused the turn):
       * the question goes back into the composer, not into the chat. */
      if (g_list_store_find (messages, self->turn_answer, &position))
        g_list_store_remove (messages, position);
      if (g_list_store_find (messages, self->turn_question, &position))
        g_list_store_remove (messages, position);
      if (self->db != NULL)
        {
          rd_chat_history_delete_message (self->db, self->turn_answer);
          rd_chat_history_delete_message (self->db, self->turn_question);
        }
      g_clear_object (&self->turn_answer);
      {
        g_autofree char *typed = rd_chat_composer_dup_text (self->composer);

        if (typed == NULL || *typed == '\0')
          {
            rd_chat_composer_set_text (self->composer, self->restore_text);
            g_clear_pointer (&self->restore_text, g_free);
          }
      }
      if (g_list_model_get_n_items (G_LIST_MODEL (messages)) == 0)
        {
          gtk_stack_set_visible_child_name (self->conversation_stack, "start");
          /* A chat that never started is no chat: back to a new one. */
          if (rd_chat_conversation_get_server_id (self->turn_conversation) == NULL)
            _rd_chat_page_forget (self, self->turn_conversation);
        }
    }
  else
    {
      rd_chat_message_set_error (self->turn_answer, text);
      rd_chat_message_set_state (self->turn_answer, RD_CHAT_MESSAGE_FAILED);
      save_answer (self);
    }
  _rd_chat_page_show_error (self, text, TRUE);
}

static void
finish_turn (RdChatPage *self)
{
  if (self->turn_answer != NULL && rd_chat_message_get_state (self->turn_answer) == RD_CHAT_MESSAGE_STREAMING)
    {
      /* Stopped, or cut without an error event. */
      rd_chat_message_set_state (self->turn_answer, RD_CHAT_MESSAGE_STOPPED);
      save_answer (self);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_data (self->stream, self);
  g_clear_object (&self->stream);
  g_clear_object (&self->turn_conversation);
  g_clear_object (&self->turn_question);
  g_clear_object (&self->turn_answer);
  g_clear_object (&self->turn_cancellable);
  if (self->session != NULL)
    rd_session_refresh_balance (self->session);
  _rd_chat_page_update_actions (self);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(RdChatPage) self = user_data;
  g_autoptr(RivyaChatCompletion) completion = NULL;
  g_autoptr(GError) error = NULL;

  completion = rivya_chat_stream_run_finish (RIVYA_CHAT_STREAM (object), result, &error);
  /* The error signal told the rest already. */
  if (self->stream == RIVYA_CHAT_STREAM (object))
    finish_turn (self);
}

void
_rd_chat_page_send (RdChatPage *self)
{
  RivyaClient *client = self->session ? rd_session_get_client (self->session) : NULL;
  g_autoptr(RivyaChatRequest) request = NULL;
  g_autoptr(RdChatConversation) conversation = NULL;
  g_autoptr(RdChatMessage) question = NULL;
  g_autoptr(RdChatMessage) answer = NULL;
  g_auto(GStrv) file_ids = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  const char *effort;
  GListStore *messages;

  if (self->stream != NULL)
    return;

  text = rd_chat_composer_dup_text (self->composer);
  g_strstrip (text);
  file_ids = rd_chat_composer_dup_file_ids (self->composer);
  if (*text == '\0')
    return;
  if (client == NULL)
    {
      _rd_chat_page_show_error (self, _("Not connected: the message cannot be sent yet."), FALSE);
      return;
    }
  if (rd_chat_composer_get_n_uploading (self->composer) > 0)
    {
      _rd_chat_page_show_error (self, _("The attachments are still uploading: send the message when they are done."), FALSE);
      return;
    }

  if (self->current != NULL)
    conversation = g_object_ref (self->current);
  else
    {
      RivyaModel *model = gtk_drop_down_get_selected_item (self->model_dropdown);

      if (model == NULL)
        {
          _rd_chat_page_show_error (self, _("There is no chat model to talk to."), FALSE);
          return;
        }
      conversation = rd_chat_conversation_new (rivya_model_get_id (model));
      rd_chat_conversation_set_loaded (conversation, TRUE);
    }
  if (rd_chat_conversation_get_server_id (conversation) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (rd_chat_conversation_get_messages (conversation))) == 0)
    {
      /* The server's rule for titles (B.10): the first 60 characters. */
      g_autofree char *title = g_utf8_substring (text, 0, MIN (60, g_utf8_strlen (text, -1)));

      rd_chat_conversation_set_title (conversation, title);
    }

  request = rivya_chat_request_new (rd_chat_conversation_get_model (conversation), text);
  if (rd_chat_conversation_get_server_id (conversation) != NULL)
    rivya_chat_request_set_session_id (request, rd_chat_conversation_get_server_id (conversation));
  for (guint i = 0; file_ids[i] != NULL; i++)
    rivya_chat_request_add_attachment (request, file_ids[i]);
  if (rd_chat_composer_get_web_search (self->composer))
    rivya_chat_request_set_enable_web_search (request, TRUE);
  effort = rd_chat_composer_get_reasoning_effort (self->composer);
  if (effort != NULL && g_strcmp0 (effort, "default") != 0)
    rivya_chat_request_set_reasoning_effort (request, effort);
  key = g_uuid_string_random ();
  rivya_chat_request_set_idempotency_key (request, key);

  question = rd_chat_message_new ("user", text);
  rd_chat_message_set_attachments (question, (const char * const *) file_ids);
  answer = rd_chat_message_new ("assistant", NULL);
  rd_chat_message_set_state (answer, RD_CHAT_MESSAGE_STREAMING);
  /* Saved before they are shown, so that their rows know their ids. */
  _rd_chat_page_touch (self, conversation);
  if (self->db != NULL)
    {
      rd_chat_history_save_conversation (self->db, conversation);
      rd_chat_history_save_message (self->db, conversation, question);
      rd_chat_history_save_message (self->db, conversation, answer);
    }
  messages = rd_chat_conversation_get_messages (conversation);
  g_list_store_append (messages, question);
  g_list_store_append (messages, answer);
  self->last_save = g_get_monotonic_time ();

  g_free (self->restore_text);
  self->restore_text = g_strdup (text);
  rd_chat_composer_set_text (self->composer, NULL);
  rd_chat_composer_clear_attachments (self->composer);
  _rd_chat_page_show_error (self, NULL, FALSE);

  self->turn_conversation = g_object_ref (conversation);
  self->turn_question = g_object_ref (question);
  self->turn_answer = g_object_ref (answer);
  self->turn_cancellable = g_cancellable_new ();
  self->stream = rivya_chat_stream_new (client, request);
  g_signal_connect_swapped (self->stream, "started", G_CALLBACK (started_cb), self);
  g_signal_connect_swapped (self->stream, "delta", G_CALLBACK (delta_cb), self);
  g_signal_connect_swapped (self->stream, "completed", G_CALLBACK (completed_cb), self);
  g_signal_connect_swapped (self->stream, "error", G_CALLBACK (error_cb), self);

  if (self->current != conversation)
    rd_chat_page_open (self, conversation);
  else
    _rd_chat_page_show_conversation (self, conversation);
  _rd_chat_page_follow_end (self);

  rivya_chat_stream_run_async (self->stream, self->turn_cancellable, run_cb, g_object_ref (self));
  _rd_chat_page_update_actions (self);
}

/* Stops the answer; the server keeps what it wrote (B.9), and so do we. */
void
_rd_chat_page_stop (RdChatPage *self)
{
  if (self->stream == NULL)
    return;
  rivya_chat_stream_cancel (self->stream);
  g_cancellable_cancel (self->turn_cancellable);
  finish_turn (self);
}
