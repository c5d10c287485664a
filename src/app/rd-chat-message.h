/* rd-chat-message.h
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

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  RD_CHAT_MESSAGE_DONE,
  RD_CHAT_MESSAGE_STREAMING,
  RD_CHAT_MESSAGE_STOPPED,
  RD_CHAT_MESSAGE_FAILED,
} RdChatMessageState;

#define RD_TYPE_CHAT_MESSAGE (rd_chat_message_get_type ())

G_DECLARE_FINAL_TYPE (RdChatMessage, rd_chat_message, RD, CHAT_MESSAGE, GObject)

RdChatMessage      *rd_chat_message_new               (const char          *role,
                                                       const char          *content);
gint64              rd_chat_message_get_local_id      (RdChatMessage       *self);
void                rd_chat_message_set_local_id      (RdChatMessage       *self,
                                                       gint64               local_id);
const char         *rd_chat_message_get_role          (RdChatMessage       *self);
gboolean            rd_chat_message_is_user           (RdChatMessage       *self);
const char         *rd_chat_message_get_content       (RdChatMessage       *self);
void                rd_chat_message_set_content       (RdChatMessage       *self,
                                                       const char          *content);
void                rd_chat_message_append            (RdChatMessage       *self,
                                                       const char          *delta);
const char * const *rd_chat_message_get_attachments   (RdChatMessage       *self);
void                rd_chat_message_set_attachments   (RdChatMessage       *self,
                                                       const char * const  *file_ids);
RdChatMessageState  rd_chat_message_get_state         (RdChatMessage       *self);
void                rd_chat_message_set_state         (RdChatMessage       *self,
                                                       RdChatMessageState   state);
const char         *rd_chat_message_get_server_id     (RdChatMessage       *self);
void                rd_chat_message_set_server_id     (RdChatMessage       *self,
                                                       const char          *server_id);
const char         *rd_chat_message_get_error         (RdChatMessage       *self);
void                rd_chat_message_set_error         (RdChatMessage       *self,
                                                       const char          *error);
void                rd_chat_message_set_usage         (RdChatMessage       *self,
                                                       gint64               input_tokens,
                                                       gint64               output_tokens,
                                                       gint64               final_credits);
gint64              rd_chat_message_get_input_tokens  (RdChatMessage       *self);
gint64              rd_chat_message_get_output_tokens (RdChatMessage       *self);
gint64              rd_chat_message_get_final_credits (RdChatMessage       *self);
gint64              rd_chat_message_get_created       (RdChatMessage       *self);
void                rd_chat_message_set_created       (RdChatMessage       *self,
                                                       gint64               created);

G_END_DECLS
