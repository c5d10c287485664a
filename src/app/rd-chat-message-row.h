/* rd-chat-message-row.h
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

#include <gtk/gtk.h>

#include "rd-chat-message.h"
#include "rd-markdown-view.h"

G_BEGIN_DECLS

#define RD_TYPE_CHAT_MESSAGE_ROW (rd_chat_message_row_get_type ())

G_DECLARE_FINAL_TYPE (RdChatMessageRow, rd_chat_message_row, RD, CHAT_MESSAGE_ROW, GtkWidget)

GtkWidget      *rd_chat_message_row_new           (void);
RdChatMessage  *rd_chat_message_row_get_message   (RdChatMessageRow *self);
void            rd_chat_message_row_set_message   (RdChatMessageRow *self,
                                                   RdChatMessage    *message);
RdMarkdownView *rd_chat_message_row_get_view      (RdChatMessageRow *self);

G_END_DECLS
