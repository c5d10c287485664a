/* rd-chat-conversation.h
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

#include <gio/gio.h>

#include "rd-chat-message.h"

G_BEGIN_DECLS

#define RD_TYPE_CHAT_CONVERSATION (rd_chat_conversation_get_type ())

G_DECLARE_FINAL_TYPE (RdChatConversation, rd_chat_conversation, RD, CHAT_CONVERSATION, GObject)

RdChatConversation *rd_chat_conversation_new               (const char         *model);
gint64              rd_chat_conversation_get_local_id      (RdChatConversation *self);
void                rd_chat_conversation_set_local_id      (RdChatConversation *self,
                                                            gint64              local_id);
const char         *rd_chat_conversation_get_server_id     (RdChatConversation *self);
void                rd_chat_conversation_set_server_id     (RdChatConversation *self,
                                                            const char         *server_id);
const char         *rd_chat_conversation_get_model         (RdChatConversation *self);
const char         *rd_chat_conversation_get_title         (RdChatConversation *self);
void                rd_chat_conversation_set_title         (RdChatConversation *self,
                                                            const char         *title);
gint64              rd_chat_conversation_get_updated       (RdChatConversation *self);
void                rd_chat_conversation_set_updated       (RdChatConversation *self,
                                                            gint64              updated);
guint               rd_chat_conversation_get_message_count (RdChatConversation *self);
void                rd_chat_conversation_set_message_count (RdChatConversation *self,
                                                            guint               count);
GListStore         *rd_chat_conversation_get_messages      (RdChatConversation *self);
gboolean            rd_chat_conversation_get_loaded        (RdChatConversation *self);
void                rd_chat_conversation_set_loaded        (RdChatConversation *self,
                                                            gboolean            loaded);

G_END_DECLS
