/* rd-chat-history.c
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

#include "rd-chat-history.h"

/* The local chat history: chat.db in the user data dir, beside the
 * jobs' history.db, in WAL mode. Every message is written when it is
 * created and an answer again while it streams, so a crash loses at
 * most the last second of an answer; an answer found "streaming" at
 * start was cut by a crash and is shown as stopped. */

#define SCHEMA_VERSION 1

static const char schema[] =
  "CREATE TABLE IF NOT EXISTS chat_sessions ("
  " id INTEGER PRIMARY KEY,"
  " server_id TEXT UNIQUE,"
  " model TEXT NOT NULL,"
  " title TEXT,"
  " updated INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS chat_messages ("
  " id INTEGER PRIMARY KEY,"
  " session INTEGER NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,"
  " role TEXT NOT NULL,"
  " content TEXT NOT NULL,"
  " attachments TEXT,"
  " server_id TEXT,"
  " state INTEGER NOT NULL DEFAULT 0,"
  " error TEXT,"
  " input_tokens INTEGER NOT NULL DEFAULT 0,"
  " output_tokens INTEGER NOT NULL DEFAULT 0,"
  " final_credits INTEGER NOT NULL DEFAULT -1,"
  " created INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX IF NOT EXISTS chat_messages_by_session ON chat_messages (session, id);";

char *
rd_chat_history_get_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rivya-desktop", "chat.db", NULL);
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Opens (creating) the history and reads its sessions, most recent
 * first, into @conversations. */
sqlite3 *
rd_chat_history_open (const char  *path,
                      GPtrArray   *conversations,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *create = g_strdup_printf ("BEGIN; %s PRAGMA user_version = %d; COMMIT;",
                                             schema, SCHEMA_VERSION);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  g_mkdir_with_parents (dir, 0700);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  if (!exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                     "PRAGMA foreign_keys = ON;", error) ||
      !exec_sql (db, create, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  if (sqlite3_prepare_v2 (db,
                          "SELECT s.id, s.server_id, s.model, s.title, s.updated,"
                          " (SELECT count(*) FROM chat_messages m WHERE m.session = s.id)"
                          " FROM chat_sessions s ORDER BY s.updated DESC, s.id DESC",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          RdChatConversation *conversation = rd_chat_conversation_new (column_text (stmt, 2));

          rd_chat_conversation_set_local_id (conversation, sqlite3_column_int64 (stmt, 0));
          rd_chat_conversation_set_server_id (conversation, column_text (stmt, 1));
          rd_chat_conversation_set_title (conversation, column_text (stmt, 3));
          rd_chat_conversation_set_updated (conversation, sqlite3_column_int64 (stmt, 4));
          rd_chat_conversation_set_message_count (conversation, sqlite3_column_int (stmt, 5));
          g_ptr_array_add (conversations, conversation);
        }
    }
  sqlite3_finalize (stmt);
  return db;
}

/* Reads the messages of @conversation, all in one go: even 2 000 of
 * them take a few milliseconds, and the list view only builds rows for
 * what is on screen. */
void
rd_chat_history_load_messages (sqlite3            *db,
                               RdChatConversation *conversation)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  GListStore *store;
  sqlite3_stmt *stmt = NULL;

  g_return_if_fail (db != NULL);
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (conversation));

  if (sqlite3_prepare_v2 (db,
                          "SELECT id, role, content, attachments, server_id, state, error,"
                          " input_tokens, output_tokens, final_credits, created"
                          " FROM chat_messages WHERE session = ? ORDER BY id",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, rd_chat_conversation_get_local_id (conversation));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          RdChatMessage *message = rd_chat_message_new (column_text (stmt, 1), column_text (stmt, 2));
          RdChatMessageState state = sqlite3_column_int (stmt, 5);

          rd_chat_message_set_local_id (message, sqlite3_column_int64 (stmt, 0));
          if (column_text (stmt, 3) != NULL)
            {
              g_auto(GStrv) ids = g_strsplit (column_text (stmt, 3), " ", -1);

              rd_chat_message_set_attachments (message, (const char * const *) ids);
            }
          rd_chat_message_set_server_id (message, column_text (stmt, 4));
          /* Streaming when the app went away: a crash cut it. */
          if (state == RD_CHAT_MESSAGE_STREAMING)
            state = RD_CHAT_MESSAGE_STOPPED;
          rd_chat_message_set_state (message, state);
          rd_chat_message_set_error (message, column_text (stmt, 6));
          rd_chat_message_set_usage (message,
                                     sqlite3_column_int64 (stmt, 7),
                                     sqlite3_column_int64 (stmt, 8),
                                     sqlite3_column_int64 (stmt, 9));
          rd_chat_message_set_created (message, sqlite3_column_int64 (stmt, 10));
          g_ptr_array_add (messages, message);
        }
    }
  sqlite3_finalize (stmt);

  store = rd_chat_conversation_get_messages (conversation);
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       messages->pdata, messages->len);
  rd_chat_conversation_set_loaded (conversation, TRUE);
}

void
rd_chat_history_save_conversation (sqlite3            *db,
                                   RdChatConversation *conversation)
{
  sqlite3_stmt *stmt = NULL;
  gint64 local_id;

  g_return_if_fail (db != NULL);
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (conversation));

  local_id = rd_chat_conversation_get_local_id (conversation);
  if (sqlite3_prepare_v2 (db,
                          local_id > 0
                          ? "UPDATE chat_sessions SET server_id = ?1, model = ?2, title = ?3,"
                            " updated = ?4 WHERE id = ?5"
                          : "INSERT INTO chat_sessions (server_id, model, title, updated)"
                            " VALUES (?1, ?2, ?3, ?4)",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, rd_chat_conversation_get_server_id (conversation), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, rd_chat_conversation_get_model (conversation), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, rd_chat_conversation_get_title (conversation), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, rd_chat_conversation_get_updated (conversation));
      if (local_id > 0)
        sqlite3_bind_int64 (stmt, 5, local_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_message ("Could not save a chat session: %s", sqlite3_errmsg (db));
      else if (local_id <= 0)
        rd_chat_conversation_set_local_id (conversation, sqlite3_last_insert_rowid (db));
    }
  sqlite3_finalize (stmt);
}

static void
save_message (sqlite3       *db,
              gint64         session,
              RdChatMessage *message)
{
  const char * const *attachments = rd_chat_message_get_attachments (message);
  g_autofree char *joined = attachments ? g_strjoinv (" ", (char **) attachments) : NULL;
  gint64 local_id = rd_chat_message_get_local_id (message);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          local_id > 0
                          ? "UPDATE chat_messages SET session = ?1, role = ?2, content = ?3,"
                            " attachments = ?4, server_id = ?5, state = ?6, error = ?7,"
                            " input_tokens = ?8, output_tokens = ?9, final_credits = ?10,"
                            " created = ?11 WHERE id = ?12"
                          : "INSERT INTO chat_messages (session, role, content, attachments,"
                            " server_id, state, error, input_tokens, output_tokens,"
                            " final_credits, created)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, session);
      sqlite3_bind_text (stmt, 2, rd_chat_message_get_role (message), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, rd_chat_message_get_content (message), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, joined, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, rd_chat_message_get_server_id (message), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, rd_chat_message_get_state (message));
      sqlite3_bind_text (stmt, 7, rd_chat_message_get_error (message), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 8, rd_chat_message_get_input_tokens (message));
      sqlite3_bind_int64 (stmt, 9, rd_chat_message_get_output_tokens (message));
      sqlite3_bind_int64 (stmt, 10, rd_chat_message_get_final_credits (message));
      sqlite3_bind_int64 (stmt, 11, rd_chat_message_get_created (message));
      if (local_id > 0)
        sqlite3_bind_int64 (stmt, 12, local_id);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_message ("Could not save a chat message: %s", sqlite3_errmsg (db));
      else if (local_id <= 0)
        rd_chat_message_set_local_id (message, sqlite3_last_insert_rowid (db));
    }
  sqlite3_finalize (stmt);
}

/* Saves @message of @conversation, saving the conversation first when
 * it is new. */
void
rd_chat_history_save_message (sqlite3            *db,
                              RdChatConversation *conversation,
                              RdChatMessage      *message)
{
  g_return_if_fail (db != NULL);
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (conversation));
  g_return_if_fail (RD_IS_CHAT_MESSAGE (message));

  if (rd_chat_conversation_get_local_id (conversation) <= 0)
    rd_chat_history_save_conversation (db, conversation);
  save_message (db, rd_chat_conversation_get_local_id (conversation), message);
}

/* Saves the conversation and all its messages in one transaction: a
 * session read from the server, or a test's long history. */
void
rd_chat_history_save_messages (sqlite3            *db,
                               RdChatConversation *conversation)
{
  GListModel *messages;

  g_return_if_fail (db != NULL);
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (conversation));

  messages = G_LIST_MODEL (rd_chat_conversation_get_messages (conversation));
  exec_sql (db, "BEGIN", NULL);
  rd_chat_history_save_conversation (db, conversation);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(RdChatMessage) message = g_list_model_get_item (messages, i);

      save_message (db, rd_chat_conversation_get_local_id (conversation), message);
    }
  exec_sql (db, "COMMIT", NULL);
}

void
rd_chat_history_delete_message (sqlite3       *db,
                                RdChatMessage *message)
{
  sqlite3_stmt *stmt = NULL;

  g_return_if_fail (db != NULL);
  g_return_if_fail (RD_IS_CHAT_MESSAGE (message));

  if (rd_chat_message_get_local_id (message) <= 0)
    return;
  if (sqlite3_prepare_v2 (db, "DELETE FROM chat_messages WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, rd_chat_message_get_local_id (message));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_message ("Could not remove a chat message: %s", sqlite3_errmsg (db));
      else
        rd_chat_message_set_local_id (message, 0);
    }
  sqlite3_finalize (stmt);
}

void
rd_chat_history_delete_conversation (sqlite3            *db,
                                     RdChatConversation *conversation)
{
  sqlite3_stmt *stmt = NULL;

  g_return_if_fail (db != NULL);
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (conversation));

  if (rd_chat_conversation_get_local_id (conversation) <= 0)
    return;
  /* Its messages go with it (ON DELETE CASCADE). */
  if (sqlite3_prepare_v2 (db, "DELETE FROM chat_sessions WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, rd_chat_conversation_get_local_id (conversation));
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_message ("Could not remove a chat session: %s", sqlite3_errmsg (db));
      else
        rd_chat_conversation_set_local_id (conversation, 0);
    }
  sqlite3_finalize (stmt);
}
