/* rd-chat-history.h
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

#include "rd-chat-conversation.h"

G_BEGIN_DECLS

char     *rd_chat_history_get_path          (void);
sqlite3  *rd_chat_history_open              (const char          *path,
                                             GPtrArray           *conversations,
                                             GError             **error);
void      rd_chat_history_load_messages     (sqlite3             *db,
                                             RdChatConversation  *conversation);
void      rd_chat_history_save_conversation (sqlite3             *db,
                                             RdChatConversation  *conversation);
void      rd_chat_history_save_message      (sqlite3             *db,
                                             RdChatConversation  *conversation,
                                             RdChatMessage       *message);
void      rd_chat_history_save_messages     (sqlite3             *db,
                                             RdChatConversation  *conversation);
void      rd_chat_history_delete_message    (sqlite3             *db,
                                             RdChatMessage       *message);
void      rd_chat_history_delete_conversation (sqlite3           *db,
                                               RdChatConversation *conversation);

G_END_DECLS
