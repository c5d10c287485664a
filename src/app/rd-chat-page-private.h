/* rd-chat-page-private.h
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

#pragma once

#include <sqlite3.h>

#include "rd-chat-message.h"
#include "rd-chat-page.h"

G_BEGIN_DECLS

struct _RdChatPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkWidget          *content;
  GtkStack           *sessions_stack;
  GtkListView        *sessions_view;
  GtkLabel           *title_label;
  GtkDropDown        *model_dropdown;
  GtkStack           *conversation_stack;
  GtkScrolledWindow  *messages_scroller;
  GtkListView        *messages_view;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkWidget          *restore_button;
  RdChatComposer     *composer;

  /* Owned references */
  RdSession          *session;
  sqlite3            *db;
  GListStore         *conversations;
  GtkSingleSelection *sessions_selection;
  GtkNoSelection     *messages_selection;
  GListStore         *chat_models;
  RdChatConversation *current;
  GCancellable       *cancellable;
  GCancellable       *load_cancellable;

  /* The turn being streamed */
  RivyaChatStream    *stream;
  RdChatConversation *turn_conversation;
  RdChatMessage      *turn_question;
  RdChatMessage      *turn_answer;
  GCancellable       *turn_cancellable;
  guint               save_source;
  gint64              last_save;

  /* What to give back to the composer after a failed turn */
  char               *restore_text;

  /* Following the end of the conversation */
  double              last_value;
  double              last_upper;
  guint               follow_end : 1;
  guint               scrolling : 1;
};

void  _rd_chat_page_send              (RdChatPage *self);
void  _rd_chat_page_copy_as           (RdChatPage *self,
                                       gint64      local_id,
                                       const char *format_name);
void  _rd_chat_page_stop              (RdChatPage *self);
void  _rd_chat_page_show_error        (RdChatPage   *self,
                                       const char   *text,
                                       gboolean      restorable);
void  _rd_chat_page_update_actions    (RdChatPage *self);
void  _rd_chat_page_show_conversation (RdChatPage         *self,
                                       RdChatConversation *conversation);
void  _rd_chat_page_touch             (RdChatPage         *self,
                                       RdChatConversation *conversation);
void  _rd_chat_page_forget            (RdChatPage         *self,
                                       RdChatConversation *conversation);
RivyaClient *_rd_chat_page_get_client          (RdChatPage         *self);
void  _rd_chat_page_update_sessions_stack (RdChatPage         *self);
void  _rd_chat_page_select_model          (RdChatPage         *self,
                                           const char         *model_id);
void  _rd_chat_page_reload                (RdChatPage         *self);
void  _rd_chat_page_get_session_cb        (GObject            *object,
                                           GAsyncResult       *result,
                                           gpointer            user_data);
void  _rd_chat_page_scroll_init           (RdChatPage         *self);
void  _rd_chat_page_follow_end            (RdChatPage         *self);
RivyaModel *_rd_chat_page_find_model  (RdChatPage *self,
                                       const char *model_id);

G_END_DECLS
