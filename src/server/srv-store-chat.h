/* srv-store-chat.h
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

#include "srv-store.h"

G_BEGIN_DECLS

/* Chat sessions, their messages and the turns that bill them (A.8,
 * B.10, B.13). A turn is one user message and the answer to it: it
 * reserves the model's price when it begins and settles from the token
 * usage when it ends, each in one transaction with the messages it
 * writes, so the balance always equals the sum of the ledger.
 */

#define SRV_CHAT_TITLE_CHARS 60

typedef struct
{
  char    *id;
  gint64   account_id;
  char    *model;
  char    *title;
  gint64   message_count;
  gint64   created_at;
  gint64   updated_at;
} SrvChatSession;

typedef struct
{
  char    *id;
  char    *role;          /* user, assistant */
  char    *content;
  char    *attachments;   /* JSON array text of {"file_id"} */
  gint64   created_at;
} SrvChatMessage;

typedef struct
{
  char    *id;                    /* chatcmpl_ */
  gint64   account_id;
  char    *session_id;
  gboolean new_session;           /* begin creates the session */
  char    *model;
  char    *user_message_id;
  char    *assistant_message_id;
  char    *message;
  char    *attachments;           /* JSON array text of {"file_id"} */
  gint64   reserved_credits;
  char    *client_request_id;
  gint64   created_at;             /* set by begin */
} SrvChatTurnRecord;

typedef enum
{
  SRV_CHAT_TURN_COMPLETED,  /* the whole answer, settled */
  SRV_CHAT_TURN_STOPPED,    /* the client left: what was produced, settled */
  SRV_CHAT_TURN_FAILED,     /* the model failed: refunded */
} SrvChatTurnEnd;

SrvChatSession *srv_store_chat_get_session      (SrvStore            *self,
                                                 const char          *id,
                                                 gint64               account_id,
                                                 GError             **error);
GPtrArray      *srv_store_chat_list_sessions    (SrvStore            *self,
                                                 gint64               account_id,
                                                 const char          *after,
                                                 guint                limit,
                                                 gboolean            *has_more,
                                                 GError             **error);
GPtrArray      *srv_store_chat_get_messages     (SrvStore            *self,
                                                 const char          *session_id,
                                                 GError             **error);
gboolean        srv_store_chat_begin_turn       (SrvStore            *self,
                                                 SrvChatTurnRecord   *turn,
                                                 GError             **error);
gboolean        srv_store_chat_end_turn         (SrvStore            *self,
                                                 const char          *turn_id,
                                                 SrvChatTurnEnd       end,
                                                 const char          *content,
                                                 gint64               input_tokens,
                                                 gint64               output_tokens,
                                                 gint64               final_credits,
                                                 const char          *error_message,
                                                 gint64              *message_created_at,
                                                 GError             **error);
guint           srv_store_chat_fail_stale_turns (SrvStore            *self,
                                                 GError             **error);

void            srv_chat_session_free           (SrvChatSession      *session);
void            srv_chat_message_free           (SrvChatMessage      *message);
void            srv_chat_turn_record_free       (SrvChatTurnRecord   *turn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvChatSession, srv_chat_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvChatMessage, srv_chat_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvChatTurnRecord, srv_chat_turn_record_free)

G_END_DECLS
