/* srv-store-chat.c
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

#include "srv-store-chat.h"

#include "srv-store-private.h"
#include "srv-util.h"

#define SESSION_COLUMNS \
  "id, account_id, model, title, message_count, created_at, updated_at"

static SrvChatSession *
session_from_row (SrvStmt *stmt)
{
  SrvChatSession *s = g_new0 (SrvChatSession, 1);

  s->id = srv_stmt_dup_text (stmt, 0);
  s->account_id = srv_stmt_get_int64 (stmt, 1);
  s->model = srv_stmt_dup_text (stmt, 2);
  s->title = srv_stmt_dup_text (stmt, 3);
  s->message_count = srv_stmt_get_int64 (stmt, 4);
  s->created_at = srv_stmt_get_int64 (stmt, 5);
  s->updated_at = srv_stmt_get_int64 (stmt, 6);
  return s;
}

/* Another account's session is answered exactly like a missing one. */
SrvChatSession *
srv_store_chat_get_session (SrvStore    *self,
                            const char  *id,
                            gint64       account_id,
                            GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT " SESSION_COLUMNS " FROM chat_sessions"
                                            " WHERE id = ?1 AND account_id = ?2",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, id);
  srv_stmt_bind_int64 (stmt, 2, account_id);
  if (srv_stmt_next (stmt, error))
    return session_from_row (stmt);
  if (error != NULL && *error == NULL)
    g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "No such chat session");
  return NULL;
}

/* Newest first by creation (seq), so that pages stay stable while
 * sessions are continued between two requests. */
GPtrArray *
srv_store_chat_list_sessions (SrvStore    *self,
                              gint64       account_id,
                              const char  *after,
                              guint        limit,
                              gboolean    *has_more,
                              GError     **error)
{
  return _srv_store_page (self,
                          "SELECT seq FROM chat_sessions WHERE id = ?1 AND account_id = ?2",
                          "SELECT " SESSION_COLUMNS " FROM chat_sessions"
                          " WHERE account_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3",
                          NULL, account_id, after, limit, (SrvRowFunc)session_from_row,
                          (GDestroyNotify)srv_chat_session_free, has_more, error);
}

GPtrArray *
srv_store_chat_get_messages (SrvStore    *self,
                             const char  *session_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify)srv_chat_message_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT id, role, content, attachments, created_at"
                                            " FROM chat_messages WHERE session_id = ?1 ORDER BY seq",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, session_id);
  while (srv_stmt_next (stmt, &local_error))
    {
      SrvChatMessage *m = g_new0 (SrvChatMessage, 1);

      m->id = srv_stmt_dup_text (stmt, 0);
      m->role = srv_stmt_dup_text (stmt, 1);
      m->content = srv_stmt_dup_text (stmt, 2);
      m->attachments = srv_stmt_dup_text (stmt, 3);
      m->created_at = srv_stmt_get_int64 (stmt, 4);
      g_ptr_array_add (messages, m);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&messages);
}

static gboolean
insert_message (SrvStore    *self,
                const char  *id,
                const char  *session_id,
                const char  *role,
                const char  *content,
                const char  *attachments,
                gint64       now,
                GError     **error)
{
  g_autoptr(SrvStmt) stmt = NULL;
  g_autoptr(SrvStmt) session = NULL;

  stmt = srv_db_prepare (self->db,
                         "INSERT INTO chat_messages (id, session_id, role, content, attachments, created_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                         error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_text (stmt, 1, id);
  srv_stmt_bind_text (stmt, 2, session_id);
  srv_stmt_bind_text (stmt, 3, role);
  srv_stmt_bind_text (stmt, 4, content);
  srv_stmt_bind_text (stmt, 5, attachments ? attachments : "[]");
  srv_stmt_bind_int64 (stmt, 6, now);
  if (!srv_stmt_run (stmt, error))
    return FALSE;

  session = srv_db_prepare (self->db,
                            "UPDATE chat_sessions SET message_count = message_count + 1,"
                            " updated_at = ?2 WHERE id = ?1",
                            error);
  if (session == NULL)
    return FALSE;
  srv_stmt_bind_text (session, 1, session_id);
  srv_stmt_bind_int64 (session, 2, now);
  return srv_stmt_run (session, error);
}

/* Creates the session when the turn starts one, records the user's
 * message and reserves the price, all or nothing: a turn that cannot
 * pay leaves no trace. One turn at a time per session, so that every
 * answer is written against the history it read. */
gboolean
srv_store_chat_begin_turn (SrvStore           *self,
                           SrvChatTurnRecord  *t,
                           GError            **error)
{
  g_autoptr(SrvStmt) stmt = NULL;
  g_autofree char *title = NULL;

  t->created_at = srv_now_ms ();

  if (!srv_db_begin (self->db, error))
    return FALSE;

  if (t->new_session)
    {
      title = g_utf8_substring (t->message, 0, MIN (g_utf8_strlen (t->message, -1),
                                                    SRV_CHAT_TITLE_CHARS));
      stmt = srv_db_prepare (self->db,
                             "INSERT INTO chat_sessions (id, account_id, model, title, message_count,"
                             " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 0, ?5, ?5)",
                             error);
      if (stmt == NULL)
        goto failed;
      srv_stmt_bind_text (stmt, 1, t->session_id);
      srv_stmt_bind_int64 (stmt, 2, t->account_id);
      srv_stmt_bind_text (stmt, 3, t->model);
      srv_stmt_bind_text (stmt, 4, title);
      srv_stmt_bind_int64 (stmt, 5, t->created_at);
      if (!srv_stmt_run (stmt, error))
        goto failed;
      g_clear_pointer (&stmt, srv_stmt_free);
    }
  else
    {
      stmt = srv_db_prepare (self->db,
                             "SELECT count(*) FROM chat_turns WHERE session_id = ?1 AND status = 'running'",
                             error);
      if (stmt == NULL)
        goto failed;
      srv_stmt_bind_text (stmt, 1, t->session_id);
      if (!srv_stmt_next (stmt, error))
        goto failed;
      if (srv_stmt_get_int64 (stmt, 0) > 0)
        {
          g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_CONFLICT,
                       "The session is still answering its previous message");
          goto failed;
        }
      g_clear_pointer (&stmt, srv_stmt_free);
    }

  if (!_srv_store_ledger_add (self, t->account_id, "reserve", -t->reserved_credits, t->id, error) ||
      !insert_message (self, t->user_message_id, t->session_id, "user", t->message,
                       t->attachments, t->created_at, error))
    goto failed;

  stmt = srv_db_prepare (self->db,
                         "INSERT INTO chat_turns (id, account_id, session_id, model, user_message_id,"
                         " assistant_message_id, status, reserved_credits, client_request_id,"
                         " created_at, updated_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'running', ?7, ?8, ?9, ?9)",
                         error);
  if (stmt == NULL)
    goto failed;
  srv_stmt_bind_text (stmt, 1, t->id);
  srv_stmt_bind_int64 (stmt, 2, t->account_id);
  srv_stmt_bind_text (stmt, 3, t->session_id);
  srv_stmt_bind_text (stmt, 4, t->model);
  srv_stmt_bind_text (stmt, 5, t->user_message_id);
  srv_stmt_bind_text (stmt, 6, t->assistant_message_id);
  srv_stmt_bind_int64 (stmt, 7, t->reserved_credits);
  srv_stmt_bind_text (stmt, 8, t->client_request_id);
  srv_stmt_bind_int64 (stmt, 9, t->created_at);
  if (!srv_stmt_run (stmt, error) || !srv_db_commit (self->db, error))
    goto failed;
  return TRUE;

failed:
  srv_db_rollback (self->db);
  return FALSE;
}

/* Ends a running turn once: the assistant's message (unless the turn
 * failed), then the ledger: a settle row for the final price and a
 * refund of the rest of the reservation. */
gboolean
srv_store_chat_end_turn (SrvStore        *self,
                         const char      *turn_id,
                         SrvChatTurnEnd   end,
                         const char      *content,
                         gint64           input_tokens,
                         gint64           output_tokens,
                         gint64           final_credits,
                         const char      *error_message,
                         gint64          *message_created_at,
                         GError         **error)
{
  g_autoptr(SrvStmt) stmt = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *message_id = NULL;
  const char *status;
  gint64 account_id, reserved;
  gint64 now = srv_now_ms ();

  if (!srv_db_begin (self->db, error))
    return FALSE;

  stmt = srv_db_prepare (self->db,
                         "SELECT account_id, session_id, assistant_message_id, reserved_credits"
                         " FROM chat_turns WHERE id = ?1 AND status = 'running'",
                         error);
  if (stmt == NULL)
    goto failed;
  srv_stmt_bind_text (stmt, 1, turn_id);
  if (!srv_stmt_next (stmt, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND,
                     "The turn %s is not running", turn_id);
      goto failed;
    }
  account_id = srv_stmt_get_int64 (stmt, 0);
  session_id = srv_stmt_dup_text (stmt, 1);
  message_id = srv_stmt_dup_text (stmt, 2);
  reserved = srv_stmt_get_int64 (stmt, 3);
  g_clear_pointer (&stmt, srv_stmt_free);

  if (end == SRV_CHAT_TURN_FAILED)
    {
      status = "failed";
      final_credits = 0;
    }
  else
    {
      status = end == SRV_CHAT_TURN_COMPLETED ? "completed" : "stopped";
      final_credits = CLAMP (final_credits, 0, reserved);
      /* A completed turn always leaves its answer (the completion names
       * it); a stopped one only what it produced. */
      if ((end == SRV_CHAT_TURN_COMPLETED || (content != NULL && *content != '\0')) &&
          !insert_message (self, message_id, session_id, "assistant", content ? content : "", "[]",
                           now, error))
        goto failed;
      if (!_srv_store_ledger_add (self, account_id, "settle", 0, turn_id, error))
        goto failed;
    }

  if (reserved - final_credits > 0 &&
      !_srv_store_ledger_add (self, account_id, "refund", reserved - final_credits, turn_id, error))
    goto failed;

  stmt = srv_db_prepare (self->db,
                         "UPDATE chat_turns SET status = ?2, final_credits = ?3, input_tokens = ?4,"
                         " output_tokens = ?5, error_message = ?6, updated_at = ?7 WHERE id = ?1",
                         error);
  if (stmt == NULL)
    goto failed;
  srv_stmt_bind_text (stmt, 1, turn_id);
  srv_stmt_bind_text (stmt, 2, status);
  srv_stmt_bind_int64 (stmt, 3, final_credits);
  srv_stmt_bind_int64 (stmt, 4, input_tokens);
  srv_stmt_bind_int64 (stmt, 5, output_tokens);
  srv_stmt_bind_text (stmt, 6, error_message);
  srv_stmt_bind_int64 (stmt, 7, now);
  if (!srv_stmt_run (stmt, error) || !srv_db_commit (self->db, error))
    goto failed;

  if (message_created_at != NULL)
    *message_created_at = now;
  return TRUE;

failed:
  srv_db_rollback (self->db);
  return FALSE;
}

/* Turns still running when the server stopped will never end: refund
 * them. Only safe before this process begins any turn of its own. */
guint
srv_store_chat_fail_stale_turns (SrvStore  *self,
                                 GError   **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  guint failed = 0;

  stmt = srv_db_prepare (self->db, "SELECT id FROM chat_turns WHERE status = 'running'", error);
  if (stmt == NULL)
    return 0;
  ids = srv_stmt_collect (stmt, srv_stmt_dup_first_text, g_free, error);
  g_clear_pointer (&stmt, srv_stmt_free);
  if (ids == NULL)
    return 0;

  for (guint i = 0; i < ids->len; i++)
    {
      if (!srv_store_chat_end_turn (self, g_ptr_array_index (ids, i), SRV_CHAT_TURN_FAILED,
                                    NULL, 0, 0, 0, "The server stopped before this turn ended",
                                    NULL, error))
        return failed;
      failed++;
    }
  return failed;
}

void
srv_chat_session_free (SrvChatSession *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->model);
  g_free (s->title);
  g_free (s);
}

void
srv_chat_message_free (SrvChatMessage *m)
{
  if (m == NULL)
    return;
  g_free (m->id);
  g_free (m->role);
  g_free (m->content);
  g_free (m->attachments);
  g_free (m);
}

void
srv_chat_turn_record_free (SrvChatTurnRecord *t)
{
  if (t == NULL)
    return;
  g_free (t->id);
  g_free (t->session_id);
  g_free (t->model);
  g_free (t->user_message_id);
  g_free (t->assistant_message_id);
  g_free (t->message);
  g_free (t->attachments);
  g_free (t->client_request_id);
  g_free (t);
}
