/* srv-store.c
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

#include "srv-store-private.h"
#include "srv-util.h"

#include <stdarg.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (SrvStore, srv_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (srv-store-error-quark, srv_store_error)

/* Each entry moves the schema from version i to i + 1; never edit one
 * that has shipped, append a new one. */
static const char *migrations[] = {
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),"
  "  created_at INTEGER NOT NULL);"
  "CREATE TABLE api_keys ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  prefix TEXT NOT NULL,"
  "  hash TEXT NOT NULL UNIQUE,"
  "  scopes TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER,"
  "  revoked_at INTEGER);"
  "CREATE TABLE ledger ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  kind TEXT NOT NULL CHECK (kind IN ('grant', 'reserve', 'settle', 'refund')),"
  "  delta INTEGER NOT NULL,"
  "  ref TEXT,"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX ledger_account ON ledger (account_id);"
  "CREATE TABLE blobs ("
  "  token TEXT PRIMARY KEY,"
  "  path TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL,"
  "  filename TEXT,"
  "  size INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL);"
  "CREATE TABLE generations ("
  "  id TEXT PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  model TEXT NOT NULL,"
  "  mode TEXT,"
  "  prompt TEXT NOT NULL,"
  "  params TEXT NOT NULL,"
  "  refs TEXT NOT NULL DEFAULT '[]',"
  "  status TEXT NOT NULL CHECK (status IN ('queued', 'processing', 'succeeded', 'failed')),"
  "  reserved_credits INTEGER NOT NULL,"
  "  final_credits INTEGER,"
  "  result TEXT,"
  "  error_code TEXT,"
  "  error_message TEXT,"
  "  client_request_id TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE INDEX generations_unfinished ON generations (status)"
  "  WHERE status IN ('queued', 'processing');"
  "CREATE TABLE files ("
  "  id TEXT PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  kind TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  mime_type TEXT NOT NULL,"
  "  size_bytes INTEGER NOT NULL,"
  "  token TEXT NOT NULL UNIQUE,"
  "  extension TEXT NOT NULL,"
  "  duration_seconds REAL,"
  "  model TEXT,"
  "  client_request_id TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  expires_at INTEGER NOT NULL);"
  "CREATE TABLE idempotency ("
  "  account_id INTEGER NOT NULL,"
  "  key TEXT NOT NULL,"
  "  route TEXT NOT NULL,"
  "  body_hash TEXT,"
  "  status INTEGER,"
  "  content_type TEXT,"
  "  body BLOB,"
  "  created_at INTEGER NOT NULL,"
  "  PRIMARY KEY (account_id, key));",
  /* Chat (srv-store-chat.c): sessions, their messages, and the turns
   * that reserve and settle credits. seq orders them. */
  "CREATE TABLE chat_sessions ("
  "  seq INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  model TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  message_count INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE INDEX chat_sessions_account ON chat_sessions (account_id, seq);"
  "CREATE TABLE chat_messages ("
  "  seq INTEGER PRIMARY KEY,"
  "  id TEXT NOT NULL UNIQUE,"
  "  session_id TEXT NOT NULL REFERENCES chat_sessions (id),"
  "  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),"
  "  content TEXT NOT NULL,"
  "  attachments TEXT NOT NULL DEFAULT '[]',"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX chat_messages_session ON chat_messages (session_id, seq);"
  "CREATE TABLE chat_turns ("
  "  id TEXT PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  session_id TEXT NOT NULL REFERENCES chat_sessions (id),"
  "  model TEXT NOT NULL,"
  "  user_message_id TEXT NOT NULL,"
  "  assistant_message_id TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'stopped', 'failed')),"
  "  reserved_credits INTEGER NOT NULL,"
  "  final_credits INTEGER,"
  "  input_tokens INTEGER,"
  "  output_tokens INTEGER,"
  "  error_message TEXT,"
  "  client_request_id TEXT,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL);"
  "CREATE INDEX chat_turns_running ON chat_turns (session_id) WHERE status = 'running';",
  /* Webhooks (srv-store-webhooks.c): endpoints, events and one row per
   * delivery attempt. seq orders them, newest first in lists. */
  "CREATE TABLE webhook_endpoints ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  id TEXT NOT NULL UNIQUE,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  name TEXT NOT NULL,"
  "  url TEXT NOT NULL,"
  "  event_types TEXT NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('active', 'disabled', 'revoked')),"
  "  secret TEXT NOT NULL,"
  "  old_secret TEXT,"
  "  old_secret_until INTEGER,"
  "  last_success_at INTEGER,"
  "  last_failure_at INTEGER,"
  "  failure_count INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  disabled_at INTEGER,"
  "  revoked_at INTEGER);"
  "CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, seq);"
  "CREATE TABLE webhook_events ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  id TEXT NOT NULL UNIQUE,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  type TEXT NOT NULL,"
  "  generation_id TEXT REFERENCES generations (id),"
  "  data TEXT,"
  "  created_at INTEGER NOT NULL);"
  "CREATE INDEX webhook_events_account ON webhook_events (account_id, seq);"
  "CREATE TABLE webhook_deliveries ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  id TEXT NOT NULL UNIQUE,"
  "  endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),"
  "  event_id TEXT NOT NULL REFERENCES webhook_events (id),"
  "  attempt INTEGER NOT NULL,"
  "  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),"
  "  response_status INTEGER,"
  "  error TEXT,"
  "  duration_ms INTEGER,"
  "  created_at INTEGER NOT NULL,"
  "  due_at INTEGER NOT NULL,"
  "  next_retry_at INTEGER);"
  "CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, seq);"
  "CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (due_at) WHERE status = 'pending';",
};

static void
srv_store_finalize (GObject *object)
{
  SrvStore *self = (SrvStore *)object;

  g_clear_object (&self->db);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->secret, g_free);

  G_OBJECT_CLASS (srv_store_parent_class)->finalize (object);
}

static void
srv_store_class_init (SrvStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = srv_store_finalize;
}

static void
srv_store_init (SrvStore *self)
{
}

static gboolean
migrate (SrvStore  *self,
         GError   **error)
{
  int version = srv_db_get_user_version (self->db);

  if (version > (int)G_N_ELEMENTS (migrations))
    {
      g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INVALID,
                   "The database was written by a newer rivya-server (schema %d, this one knows %d)",
                   version, (int)G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (int i = version; i < (int)G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", i + 1);

      if (!srv_db_begin (self->db, error))
        return FALSE;
      if (!srv_db_exec (self->db, migrations[i], error) ||
          !srv_db_exec (self->db, bump, error) ||
          !srv_db_commit (self->db, error))
        {
          srv_db_rollback (self->db);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_secret (SrvStore  *self,
             GError   **error)
{
  g_autoptr(SrvStmt) stmt = NULL;
  g_autoptr(SrvStmt) insert = NULL;
  g_autofree char *fresh = NULL;

  stmt = srv_db_prepare (self->db, "SELECT value FROM meta WHERE key = 'hmac_secret'", error);
  if (stmt == NULL)
    return FALSE;
  if (srv_stmt_next (stmt, NULL))
    {
      self->secret = srv_stmt_dup_text (stmt, 0);
      return TRUE;
    }

  fresh = srv_random_base62 (48);
  insert = srv_db_prepare (self->db,
                           "INSERT OR IGNORE INTO meta (key, value) VALUES ('hmac_secret', ?1)",
                           error);
  if (insert == NULL)
    return FALSE;
  srv_stmt_bind_text (insert, 1, fresh);
  if (!srv_stmt_run (insert, error))
    return FALSE;

  /* Another process may have won the race: read back what is stored. */
  g_clear_pointer (&stmt, srv_stmt_free);
  stmt = srv_db_prepare (self->db, "SELECT value FROM meta WHERE key = 'hmac_secret'", error);
  if (stmt == NULL || !srv_stmt_next (stmt, error))
    return FALSE;
  self->secret = srv_stmt_dup_text (stmt, 0);
  return TRUE;
}

SrvStore *
srv_store_open (const char  *data_dir,
                GError     **error)
{
  g_autoptr(SrvStore) self = g_object_new (SRV_TYPE_STORE, NULL);
  g_autofree char *db_path = NULL;
  static const char *subdirs[] = { "files", "results", "tmp" };

  self->data_dir = g_canonicalize_filename (data_dir, NULL);
  if (!srv_ensure_directory (self->data_dir, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (subdirs); i++)
    {
      g_autofree char *sub = g_build_filename (self->data_dir, subdirs[i], NULL);
      if (!srv_ensure_directory (sub, error))
        return NULL;
    }

  db_path = g_build_filename (self->data_dir, "rivya.db", NULL);
  if (!(self->db = srv_db_open (db_path, error)) ||
      !migrate (self, error) ||
      !load_secret (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

SrvDb *
srv_store_get_db (SrvStore *self)
{
  return self->db;
}

const char *
srv_store_get_data_dir (SrvStore *self)
{
  return self->data_dir;
}

const char *
srv_store_get_secret (SrvStore *self)
{
  return self->secret;
}

char *
srv_store_build_path (SrvStore   *self,
                      const char *first,
                      ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, self->data_dir);
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)p);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **)parts->pdata);
}

gint64
srv_store_create_account (SrvStore    *self,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(SrvStmt) stmt = NULL;

  if (name == NULL || *name == '\0' || strlen (name) > 64 || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INVALID,
                   "An account name is 1 to 64 characters of UTF-8");
      return 0;
    }

  if (srv_store_find_account (self, name, NULL) > 0)
    {
      g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_EXISTS,
                   "An account named “%s” exists already", name);
      return 0;
    }

  stmt = srv_db_prepare (self->db,
                         "INSERT INTO accounts (name, balance, created_at) VALUES (?1, 0, ?2)",
                         error);
  if (stmt == NULL)
    return 0;
  srv_stmt_bind_text (stmt, 1, name);
  srv_stmt_bind_int64 (stmt, 2, srv_now_ms ());
  if (!srv_stmt_run (stmt, error))
    return 0;

  return srv_store_find_account (self, name, error);
}

gint64
srv_store_find_account (SrvStore    *self,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT id FROM accounts WHERE name = ?1",
                                            error);
  if (stmt == NULL)
    return 0;
  srv_stmt_bind_text (stmt, 1, name);
  if (srv_stmt_next (stmt, error))
    return srv_stmt_get_int64 (stmt, 0);

  if (error != NULL && *error == NULL)
    g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND,
                 "There is no account named “%s”", name);
  return 0;
}

GPtrArray *
srv_store_list_accounts (SrvStore  *self,
                         GError   **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT name FROM accounts ORDER BY id",
                                            error);

  if (stmt == NULL)
    return NULL;
  return srv_stmt_collect (stmt, srv_stmt_dup_first_text, g_free, error);
}

char *
srv_store_create_key (SrvStore            *self,
                      gint64               account_id,
                      const char * const  *scopes,
                      gint64               expires_at,
                      GError             **error)
{
  g_autoptr(SrvStmt) stmt = NULL;
  g_autofree char *key = srv_key_new ();
  g_autofree char *hash = srv_key_hash (key);
  g_autofree char *prefix = g_strndup (key, SRV_KEY_VISIBLE_LEN);
  g_autofree char *scope_list = g_strjoinv (" ", (char **)scopes);

  stmt = srv_db_prepare (self->db,
                         "INSERT INTO api_keys (account_id, prefix, hash, scopes, created_at, expires_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                         error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_int64 (stmt, 1, account_id);
  srv_stmt_bind_text (stmt, 2, prefix);
  srv_stmt_bind_text (stmt, 3, hash);
  srv_stmt_bind_text (stmt, 4, scope_list);
  srv_stmt_bind_int64 (stmt, 5, srv_now_ms ());
  if (expires_at > 0)
    srv_stmt_bind_int64 (stmt, 6, expires_at);
  else
    srv_stmt_bind_null (stmt, 6);
  if (!srv_stmt_run (stmt, error))
    return NULL;

  return g_steal_pointer (&key);
}

static SrvKeyInfo *
key_info_from_row (SrvStmt *stmt)
{
  SrvKeyInfo *info = g_new0 (SrvKeyInfo, 1);

  info->id = srv_stmt_get_int64 (stmt, 0);
  info->account_id = srv_stmt_get_int64 (stmt, 1);
  info->prefix = srv_stmt_dup_text (stmt, 2);
  info->scopes = g_strsplit (srv_stmt_get_text (stmt, 3), " ", -1);
  info->created_at = srv_stmt_get_int64 (stmt, 4);
  info->expires_at = srv_stmt_get_int64 (stmt, 5);
  info->revoked_at = srv_stmt_get_int64 (stmt, 6);
  info->account_name = srv_stmt_dup_text (stmt, 7);
  return info;
}

#define KEY_COLUMNS \
  "k.id, k.account_id, k.prefix, k.scopes, k.created_at, k.expires_at, k.revoked_at, a.name"

SrvKeyInfo *
srv_store_lookup_key (SrvStore    *self,
                      const char  *key,
                      GError     **error)
{
  g_autofree char *hash = srv_key_hash (key);
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT " KEY_COLUMNS " FROM api_keys k"
                                            " JOIN accounts a ON a.id = k.account_id"
                                            " WHERE k.hash = ?1",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, hash);
  if (srv_stmt_next (stmt, error))
    return key_info_from_row (stmt);

  if (error != NULL && *error == NULL)
    g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "Unknown key");
  return NULL;
}

GPtrArray *
srv_store_list_keys (SrvStore  *self,
                     gint64     account_id,
                     GError   **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT " KEY_COLUMNS " FROM api_keys k"
                                            " JOIN accounts a ON a.id = k.account_id"
                                            " WHERE ?1 = 0 OR k.account_id = ?1"
                                            " ORDER BY k.id",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_int64 (stmt, 1, account_id);
  return srv_stmt_collect (stmt, (SrvRowFunc)key_info_from_row,
                           (GDestroyNotify)srv_key_info_free, error);
}

gboolean
srv_store_revoke_key (SrvStore    *self,
                      const char  *prefix,
                      GError     **error)
{
  g_autoptr(SrvStmt) count = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  gint64 matches;

  /* A visible prefix is 12 characters, and only 4 of them are random:
   * refuse to revoke when it names more than one key. */
  count = srv_db_prepare (self->db,
                          "SELECT count(*) FROM api_keys WHERE prefix = ?1 AND revoked_at IS NULL",
                          error);
  if (count == NULL)
    return FALSE;
  srv_stmt_bind_text (count, 1, prefix);
  if (!srv_stmt_next (count, error))
    return FALSE;
  matches = srv_stmt_get_int64 (count, 0);
  if (matches == 0)
    {
      g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND,
                   "No active key starts with “%s”", prefix);
      return FALSE;
    }
  if (matches > 1)
    {
      g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_CONFLICT,
                   "%" G_GINT64_FORMAT " active keys start with “%s”", matches, prefix);
      return FALSE;
    }

  stmt = srv_db_prepare (self->db,
                         "UPDATE api_keys SET revoked_at = ?2 WHERE prefix = ?1 AND revoked_at IS NULL",
                         error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_text (stmt, 1, prefix);
  srv_stmt_bind_int64 (stmt, 2, srv_now_ms ());
  return srv_stmt_run (stmt, error);
}

gboolean
_srv_store_ledger_add (SrvStore    *self,
                       gint64       account_id,
                       const char  *kind,
                       gint64       delta,
                       const char  *ref,
                       GError     **error)
{
  g_autoptr(SrvStmt) row = NULL;
  g_autoptr(SrvStmt) wallet = NULL;

  /* The CHECK (balance >= 0) constraint is the last line of defence:
   * the WHERE clause turns an overdraft into "no row changed". */
  wallet = srv_db_prepare (self->db,
                           "UPDATE accounts SET balance = balance + ?2"
                           " WHERE id = ?1 AND balance + ?2 >= 0",
                           error);
  if (wallet == NULL)
    return FALSE;
  srv_stmt_bind_int64 (wallet, 1, account_id);
  srv_stmt_bind_int64 (wallet, 2, delta);
  if (!srv_stmt_run (wallet, error))
    return FALSE;
  if (srv_db_changes (self->db) != 1)
    {
      g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INSUFFICIENT_CREDITS,
                   "The account has too few credits");
      return FALSE;
    }

  row = srv_db_prepare (self->db,
                        "INSERT INTO ledger (account_id, kind, delta, ref, created_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)",
                        error);
  if (row == NULL)
    return FALSE;
  srv_stmt_bind_int64 (row, 1, account_id);
  srv_stmt_bind_text (row, 2, kind);
  srv_stmt_bind_int64 (row, 3, delta);
  srv_stmt_bind_text (row, 4, ref);
  srv_stmt_bind_int64 (row, 5, srv_now_ms ());
  return srv_stmt_run (row, error);
}

gboolean
srv_store_grant_credits (SrvStore  *self,
                         gint64     account_id,
                         gint64     amount,
                         GError   **error)
{
  if (amount <= 0 || amount > G_GINT64_CONSTANT (1000000000000))
    {
      g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INVALID,
                   "A grant is a whole number of credits from 1 to 10^12");
      return FALSE;
    }

  if (!srv_db_begin (self->db, error))
    return FALSE;
  if (!_srv_store_ledger_add (self, account_id, "grant", amount, NULL, error) ||
      !srv_db_commit (self->db, error))
    {
      srv_db_rollback (self->db);
      return FALSE;
    }
  return TRUE;
}

gboolean
srv_store_get_balance (SrvStore  *self,
                       gint64     account_id,
                       gint64    *balance,
                       gint64    *ledger_sum,
                       GError   **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT a.balance,"
                                            " (SELECT coalesce (sum (delta), 0) FROM ledger l"
                                            "  WHERE l.account_id = a.id)"
                                            " FROM accounts a WHERE a.id = ?1",
                                            error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_int64 (stmt, 1, account_id);
  if (!srv_stmt_next (stmt, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "No such account");
      return FALSE;
    }
  if (balance)
    *balance = srv_stmt_get_int64 (stmt, 0);
  if (ledger_sum)
    *ledger_sum = srv_stmt_get_int64 (stmt, 1);
  return TRUE;
}

void
srv_key_info_free (SrvKeyInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->account_name);
  g_free (info->prefix);
  g_strfreev (info->scopes);
  g_free (info);
}

/* Pages are newest first (B.5): rows older than the one named by
 * after. The extra row fetched only tells whether there is more. */
GPtrArray *
_srv_store_page (SrvStore        *self,
                 const char      *seq_sql,
                 const char      *rows_sql,
                 const char      *scope_text,
                 gint64           scope_int,
                 const char      *after,
                 guint            limit,
                 SrvRowFunc       func,
                 GDestroyNotify   free_func,
                 gboolean        *has_more,
                 GError         **error)
{
  g_autoptr(SrvStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 before = G_MAXINT64;

  if (after != NULL)
    {
      g_autoptr(SrvStmt) seq = srv_db_prepare (self->db, seq_sql, error);

      if (seq == NULL)
        return NULL;
      srv_stmt_bind_text (seq, 1, after);
      if (scope_text != NULL)
        srv_stmt_bind_text (seq, 2, scope_text);
      else
        srv_stmt_bind_int64 (seq, 2, scope_int);
      if (!srv_stmt_next (seq, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INVALID,
                         "after names no item of this list");
          return NULL;
        }
      before = srv_stmt_get_int64 (seq, 0);
    }

  stmt = srv_db_prepare (self->db, rows_sql, error);
  if (stmt == NULL)
    return NULL;
  if (scope_text != NULL)
    srv_stmt_bind_text (stmt, 1, scope_text);
  else
    srv_stmt_bind_int64 (stmt, 1, scope_int);
  srv_stmt_bind_int64 (stmt, 2, before);
  srv_stmt_bind_int64 (stmt, 3, (gint64)limit + 1);
  if (!(rows = srv_stmt_collect (stmt, func, free_func, error)))
    return NULL;

  *has_more = rows->len > limit;
  if (*has_more)
    g_ptr_array_set_size (rows, limit);
  return g_steal_pointer (&rows);
}
