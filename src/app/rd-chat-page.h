/* rd-chat-page.h
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

#include <adwaita.h>

#include "rd-chat-composer.h"
#include "rd-chat-conversation.h"
#include "rd-session.h"

G_BEGIN_DECLS

#define RD_TYPE_CHAT_PAGE (rd_chat_page_get_type ())

G_DECLARE_FINAL_TYPE (RdChatPage, rd_chat_page, RD, CHAT_PAGE, AdwBin)

GtkWidget          *rd_chat_page_new               (void);
void                rd_chat_page_set_session       (RdChatPage *self,
                                                    RdSession  *session);
GListModel         *rd_chat_page_get_conversations (RdChatPage *self);
RdChatConversation *rd_chat_page_get_current       (RdChatPage *self);
void                rd_chat_page_open              (RdChatPage         *self,
                                                    RdChatConversation *conversation);
RdChatComposer     *rd_chat_page_get_composer      (RdChatPage *self);
gboolean            rd_chat_page_get_streaming     (RdChatPage *self);
const char         *rd_chat_page_get_error         (RdChatPage *self);

G_END_DECLS
