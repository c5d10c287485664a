/* srv-db.c
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

#include "srv-db.h"

struct _SrvDb
{
  GObject     parent_instance;
  sqlite3    *handle;
  /* Prepared statements by SQL text: the server runs the same few
   * dozen queries all day long. */
  GHashTable *cache;
};

struct _SrvStmt
{
  SrvDb        *db;
  sqlite3_stmt *stmt;
  char         *sql;
};

G_DEFINE_FINAL_TYPE (SrvDb, srv_db, G_TYPE_OBJECT)
G_DEFINE_QUARK (srv-db-error-quark, srv_db_error)

static void
set_error (SrvDb       *self,
           GError     **error,
           const char  *what)
{
  g_set_error (error, SRV_DB_ERROR, sqlite3_extended_errcode (self->handle),
               "%s: %s", what, sqlite3_errmsg (self->handle));
}

static void
srv_db_finalize (GObject *object)
{
  SrvDb *self = (SrvDb *)object;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->handle, sqlite3_close_v2);

  G_OBJECT_CLASS (srv_db_parent_class)->finalize (object);
}

static void
srv_db_class_init (SrvDbClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = srv_db_finalize;
}

static void
srv_db_init (SrvDb *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)sqlite3_finalize);
}

SrvDb *
srv_db_open (const char  *path,
             GError     **error)
{
  g_autoptr(SrvDb) self = g_object_new (SRV_TYPE_DB, NULL);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  if (sqlite3_open_v2 (path, &self->handle, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, SRV_DB_ERROR, SQLITE_CANTOPEN,
                   "Could not open the database %s: %s", path,
                   self->handle ? sqlite3_errmsg (self->handle) : "out of memory");
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  /* Admin commands may write while the server runs. */
  sqlite3_busy_timeout (self->handle, 5000);

  if (!srv_db_exec (self, "PRAGMA journal_mode=WAL", error) ||
      !srv_db_exec (self, "PRAGMA synchronous=NORMAL", error) ||
      !srv_db_exec (self, "PRAGMA foreign_keys=ON", error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
srv_db_exec (SrvDb       *self,
             const char  *sql,
             GError     **error)
{
  char *msg = NULL;

  g_return_val_if_fail (SRV_IS_DB (self), FALSE);

  if (sqlite3_exec (self->handle, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, SRV_DB_ERROR, sqlite3_extended_errcode (self->handle),
                   "%s", msg ? msg : sqlite3_errmsg (self->handle));
      sqlite3_free (msg);
      return FALSE;
    }

  return TRUE;
}

gboolean
srv_db_begin (SrvDb   *self,
              GError **error)
{
  /* IMMEDIATE takes the write lock up front, so a transaction that read
   * a balance cannot lose a race to another writer before it writes. */
  return srv_db_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
srv_db_commit (SrvDb   *self,
               GError **error)
{
  return srv_db_exec (self, "COMMIT", error);
}

void
srv_db_rollback (SrvDb *self)
{
  if (!sqlite3_get_autocommit (self->handle))
    srv_db_exec (self, "ROLLBACK", NULL);
}

int
srv_db_get_user_version (SrvDb *self)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self, "PRAGMA user_version", NULL);

  if (stmt != NULL && srv_stmt_next (stmt, NULL))
    return (int)srv_stmt_get_int64 (stmt, 0);
  return 0;
}

gint64
srv_db_changes (SrvDb *self)
{
  return sqlite3_changes64 (self->handle);
}

SrvStmt *
srv_db_prepare (SrvDb       *self,
                const char  *sql,
                GError     **error)
{
  SrvStmt *ret;
  char *key = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (SRV_IS_DB (self), NULL);

  if (g_hash_table_steal_extended (self->cache, sql, (gpointer *)&key, (gpointer *)&stmt))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    {
      if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          set_error (self, error, "Could not prepare a statement");
          return NULL;
        }
      key = g_strdup (sql);
    }

  ret = g_new0 (SrvStmt, 1);
  ret->db = g_object_ref (self);
  ret->stmt = stmt;
  ret->sql = key;
  return ret;
}

void
srv_stmt_free (SrvStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt->stmt);
  /* A statement is in use by one caller at a time; when the same SQL is
   * running twice (nested), the second copy is simply finalized. */
  if (!g_hash_table_contains (stmt->db->cache, stmt->sql))
    g_hash_table_insert (stmt->db->cache, stmt->sql, stmt->stmt);
  else
    {
      sqlite3_finalize (stmt->stmt);
      g_free (stmt->sql);
    }
  g_object_unref (stmt->db);
  g_free (stmt);
}

void
srv_stmt_bind_text (SrvStmt    *stmt,
                    int         index,
                    const char *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt->stmt, index);
  else
    sqlite3_bind_text (stmt->stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
srv_stmt_bind_int64 (SrvStmt *stmt,
                     int      index,
                     gint64   value)
{
  sqlite3_bind_int64 (stmt->stmt, index, value);
}

void
srv_stmt_bind_double (SrvStmt *stmt,
                      int      index,
                      double   value)
{
  sqlite3_bind_double (stmt->stmt, index, value);
}

void
srv_stmt_bind_blob (SrvStmt    *stmt,
                    int         index,
                    const void *data,
                    gsize       len)
{
  sqlite3_bind_blob64 (stmt->stmt, index, data, len, SQLITE_TRANSIENT);
}

void
srv_stmt_bind_null (SrvStmt *stmt,
                    int      index)
{
  sqlite3_bind_null (stmt->stmt, index);
}

gboolean
srv_stmt_next (SrvStmt  *stmt,
               GError  **error)
{
  int rc = sqlite3_step (stmt->stmt);

  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_error (stmt->db, error, "Could not run a statement");
  return FALSE;
}

gboolean
srv_stmt_run (SrvStmt  *stmt,
              GError  **error)
{
  int rc = sqlite3_step (stmt->stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  set_error (stmt->db, error, "Could not run a statement");
  return FALSE;
}

const char *
srv_stmt_get_text (SrvStmt *stmt,
                   int      column)
{
  return (const char *)sqlite3_column_text (stmt->stmt, column);
}

char *
srv_stmt_dup_text (SrvStmt *stmt,
                   int      column)
{
  return g_strdup (srv_stmt_get_text (stmt, column));
}

gint64
srv_stmt_get_int64 (SrvStmt *stmt,
                    int      column)
{
  return sqlite3_column_int64 (stmt->stmt, column);
}

double
srv_stmt_get_double (SrvStmt *stmt,
                     int      column)
{
  return sqlite3_column_double (stmt->stmt, column);
}

gboolean
srv_stmt_is_null (SrvStmt *stmt,
                  int      column)
{
  return sqlite3_column_type (stmt->stmt, column) == SQLITE_NULL;
}

GBytes *
srv_stmt_get_bytes (SrvStmt *stmt,
                    int      column)
{
  const void *data = sqlite3_column_blob (stmt->stmt, column);
  int len = sqlite3_column_bytes (stmt->stmt, column);

  return g_bytes_new (data, len);
}

/* Reads every row of a prepared and bound SELECT. */
GPtrArray *
srv_stmt_collect (SrvStmt         *stmt,
                  SrvRowFunc       func,
                  GDestroyNotify   free_func,
                  GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  g_autoptr(GError) local_error = NULL;

  while (srv_stmt_next (stmt, &local_error))
    g_ptr_array_add (rows, func (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* A SrvRowFunc for lists of one text column. */
gpointer
srv_stmt_dup_first_text (SrvStmt *stmt)
{
  return srv_stmt_dup_text (stmt, 0);
}
