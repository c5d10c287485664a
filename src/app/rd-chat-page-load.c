/* rd-chat-page-load.c
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

/* What the Chat page reads from the server: the catalog's chat models,
 * the sessions of GET /chat/sessions merged into the local history, and
 * the messages of a session only the server knows. */

static gint64
parse_time (const char *iso8601)
{
  g_autoptr(GDateTime) when = NULL;

  if (iso8601 != NULL)
    when = g_date_time_new_from_iso8601 (iso8601, NULL);
  return when ? g_date_time_to_unix (when) : 0;
}

static RdChatConversation *
find_by_server_id (RdChatPage *self,
                   const char *server_id)
{
  GListModel *list = G_LIST_MODEL (self->conversations);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdChatConversation) conversation = g_list_model_get_item (list, i);

      if (g_strcmp0 (rd_chat_conversation_get_server_id (conversation), server_id) == 0)
        return conversation;
    }
  return NULL;
}

void
_rd_chat_page_get_session_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdChatConversation) conversation = user_data;
  g_autoptr(RivyaChatSession) session = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  RdChatPage *self;
  GListModel *remote;

  session = rivya_client_get_chat_session_finish (RIVYA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = g_object_get_data (G_OBJECT (conversation), "rd-chat-page");
  if (self == NULL || !RD_IS_CHAT_PAGE (self))
    return;
  g_object_set_data (G_OBJECT (conversation), "rd-chat-page", NULL);

  if (session == NULL)
    {
      const char *request_id = rivya_error_get_request_id (error);
      g_autofree char *text = request_id
        ? g_strdup_printf (_("This chat could not be read from the server: %s (request id %s)"),
                           error->message, request_id)
        : g_strdup_printf (_("This chat could not be read from the server: %s"), error->message);

      _rd_chat_page_show_error (self, text, FALSE);
      if (self->current == conversation)
        _rd_chat_page_show_conversation (self, conversation);
      return;
    }

  remote = rivya_chat_session_get_messages (session);
  for (guint i = 0; remote != NULL && i < g_list_model_get_n_items (remote); i++)
    {
      g_autoptr(RivyaChatMessage) item = g_list_model_get_item (remote, i);
      RdChatMessage *message = rd_chat_message_new (rivya_chat_message_get_role (item),
                                                    rivya_chat_message_get_content (item));

      rd_chat_message_set_server_id (message, rivya_chat_message_get_id (item));
      rd_chat_message_set_attachments (message, rivya_chat_message_get_attachments (item));
      rd_chat_message_set_created (message, parse_time (rivya_chat_message_get_created_at (item)));
      g_ptr_array_add (messages, message);
    }
  g_list_store_splice (rd_chat_conversation_get_messages (conversation), 0, 0,
                       messages->pdata, messages->len);
  rd_chat_conversation_set_loaded (conversation, TRUE);
  if (self->db != NULL)
    rd_chat_history_save_messages (self->db, conversation);
  if (self->current == conversation)
    _rd_chat_page_show_conversation (self, conversation);
}

static void
list_sessions_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RdChatPage) self = user_data;
  g_autoptr(RivyaPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = rivya_client_list_chat_sessions_finish (RIVYA_CLIENT (object), result, &error);
  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not list the chat sessions: %s", error->message);
      return;
    }

  /* The server's sessions this computer does not know yet join the
   * list; those it knows get the server's title. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (page)); i++)
    {
      g_autoptr(RivyaChatSession) session = g_list_model_get_item (G_LIST_MODEL (page), i);
      RdChatConversation *known = find_by_server_id (self, rivya_chat_session_get_id (session));

      if (known != NULL)
        {
          if (rivya_chat_session_get_title (session) != NULL)
            rd_chat_conversation_set_title (known, rivya_chat_session_get_title (session));
        }
      else
        {
          g_autoptr(RdChatConversation) conversation = rd_chat_conversation_new (rivya_chat_session_get_model (session));
          GListModel *list = G_LIST_MODEL (self->conversations);
          gint64 updated = parse_time (rivya_chat_session_get_updated_at (session));
          guint position = 0;

          rd_chat_conversation_set_server_id (conversation, rivya_chat_session_get_id (session));
          rd_chat_conversation_set_title (conversation, rivya_chat_session_get_title (session));
          rd_chat_conversation_set_updated (conversation, updated);
          rd_chat_conversation_set_message_count (conversation, rivya_chat_session_get_message_count (session));
          while (position < g_list_model_get_n_items (list))
            {
              g_autoptr(RdChatConversation) other = g_list_model_get_item (list, position);

              if (rd_chat_conversation_get_updated (other) < updated)
                break;
              position++;
            }
          g_list_store_insert (self->conversations, position, conversation);
          if (self->db != NULL)
            rd_chat_history_save_conversation (self->db, conversation);
        }
    }
  _rd_chat_page_update_sessions_stack (self);
}

static void
list_models_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdChatPage) self = user_data;
  g_autoptr(GListModel) models = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected = NULL;
  RivyaModel *previous;

  models = rivya_client_list_models_finish (RIVYA_CLIENT (object), result, &error);
  if (models == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not list the models: %s", error->message);
      return;
    }

  previous = gtk_drop_down_get_selected_item (self->model_dropdown);
  selected = previous ? g_strdup (rivya_model_get_id (previous)) : NULL;
  g_list_store_remove_all (self->chat_models);
  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (rivya_model_is_chat (model))
        g_list_store_append (self->chat_models, model);
    }
  if (selected != NULL)
    _rd_chat_page_select_model (self, selected);
  _rd_chat_page_show_conversation (self, self->current);
}

/* The client changed (start, restart of the local server, another
 * account): read the catalog's chat models and the server's sessions
 * again through the new one. */
void
_rd_chat_page_reload (RdChatPage *self)
{
  RivyaClient *client = _rd_chat_page_get_client (self);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  _rd_chat_page_update_actions (self);
  if (client == NULL)
    return;
  rivya_client_list_models_async (client, self->load_cancellable, list_models_cb, g_object_ref (self));
  rivya_client_list_chat_sessions_async (client, 100, NULL, self->load_cancellable,
                                         list_sessions_cb, g_object_ref (self));

  /* A session whose reading the old client left unfinished: again. */
  if (self->current != NULL && !rd_chat_conversation_get_loaded (self->current))
    {
      g_autoptr(RdChatConversation) current = g_steal_pointer (&self->current);

      rd_chat_page_open (self, current);
    }
}
