/* srv-store-files.c
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

#include <glib/gstdio.h>

#include "srv-store-private.h"
#include "srv-util.h"

#define FILE_COLUMNS \
  "id, account_id, kind, name, mime_type, size_bytes, token, extension," \
  " coalesce (duration_seconds, -1), model, client_request_id, created_at, expires_at"

static SrvFileRecord *
file_from_row (SrvStmt *stmt)
{
  SrvFileRecord *f = g_new0 (SrvFileRecord, 1);

  f->id = srv_stmt_dup_text (stmt, 0);
  f->account_id = srv_stmt_get_int64 (stmt, 1);
  f->kind = srv_stmt_dup_text (stmt, 2);
  f->name = srv_stmt_dup_text (stmt, 3);
  f->mime_type = srv_stmt_dup_text (stmt, 4);
  f->size_bytes = srv_stmt_get_int64 (stmt, 5);
  f->token = srv_stmt_dup_text (stmt, 6);
  f->extension = srv_stmt_dup_text (stmt, 7);
  f->duration_seconds = srv_stmt_get_double (stmt, 8);
  f->model = srv_stmt_dup_text (stmt, 9);
  f->client_request_id = srv_stmt_dup_text (stmt, 10);
  f->created_at = srv_stmt_get_int64 (stmt, 11);
  f->expires_at = srv_stmt_get_int64 (stmt, 12);
  return f;
}

gboolean
srv_store_insert_file (SrvStore       *self,
                       SrvFileRecord  *f,
                       const char     *path,
                       GError        **error)
{
  g_autoptr(SrvStmt) blob = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  g_autofree char *filename = NULL;

  f->created_at = srv_now_ms ();
  f->expires_at = f->created_at + SRV_FILE_LIFETIME_MS;
  filename = g_strdup_printf ("%s.%s", f->id, f->extension);

  if (!srv_db_begin (self->db, error))
    return FALSE;

  blob = srv_db_prepare (self->db,
                         "INSERT INTO blobs (token, path, mime_type, filename, size, created_at, expires_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         error);
  if (blob == NULL)
    goto failed;
  srv_stmt_bind_text (blob, 1, f->token);
  srv_stmt_bind_text (blob, 2, path);
  srv_stmt_bind_text (blob, 3, f->mime_type);
  srv_stmt_bind_text (blob, 4, filename);
  srv_stmt_bind_int64 (blob, 5, f->size_bytes);
  srv_stmt_bind_int64 (blob, 6, f->created_at);
  srv_stmt_bind_int64 (blob, 7, f->expires_at);
  if (!srv_stmt_run (blob, error))
    goto failed;

  stmt = srv_db_prepare (self->db,
                         "INSERT INTO files (id, account_id, kind, name, mime_type, size_bytes, token,"
                         " extension, duration_seconds, model, client_request_id, created_at, expires_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                         error);
  if (stmt == NULL)
    goto failed;
  srv_stmt_bind_text (stmt, 1, f->id);
  srv_stmt_bind_int64 (stmt, 2, f->account_id);
  srv_stmt_bind_text (stmt, 3, f->kind);
  srv_stmt_bind_text (stmt, 4, f->name);
  srv_stmt_bind_text (stmt, 5, f->mime_type);
  srv_stmt_bind_int64 (stmt, 6, f->size_bytes);
  srv_stmt_bind_text (stmt, 7, f->token);
  srv_stmt_bind_text (stmt, 8, f->extension);
  if (f->duration_seconds >= 0)
    srv_stmt_bind_double (stmt, 9, f->duration_seconds);
  else
    srv_stmt_bind_null (stmt, 9);
  srv_stmt_bind_text (stmt, 10, f->model);
  srv_stmt_bind_text (stmt, 11, f->client_request_id);
  srv_stmt_bind_int64 (stmt, 12, f->created_at);
  srv_stmt_bind_int64 (stmt, 13, f->expires_at);
  if (!srv_stmt_run (stmt, error) || !srv_db_commit (self->db, error))
    goto failed;
  return TRUE;

failed:
  srv_db_rollback (self->db);
  return FALSE;
}

static SrvFileRecord *
get_file (SrvStore    *self,
          const char  *sql,
          const char  *value,
          gint64       account_id,
          GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db, sql, error);

  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, value);
  srv_stmt_bind_int64 (stmt, 2, account_id);
  srv_stmt_bind_int64 (stmt, 3, srv_now_ms ());
  if (srv_stmt_next (stmt, error))
    return file_from_row (stmt);
  if (error != NULL && *error == NULL)
    g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "No such file");
  return NULL;
}

SrvFileRecord *
srv_store_get_file (SrvStore    *self,
                    const char  *id,
                    gint64       account_id,
                    GError     **error)
{
  return get_file (self,
                   "SELECT " FILE_COLUMNS " FROM files"
                   " WHERE id = ?1 AND account_id = ?2 AND expires_at > ?3",
                   id, account_id, error);
}

SrvFileRecord *
srv_store_get_file_by_token (SrvStore    *self,
                             const char  *token,
                             gint64       account_id,
                             GError     **error)
{
  return get_file (self,
                   "SELECT " FILE_COLUMNS " FROM files"
                   " WHERE token = ?1 AND account_id = ?2 AND expires_at > ?3",
                   token, account_id, error);
}

SrvBlob *
srv_store_get_blob (SrvStore    *self,
                    const char  *token,
                    GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT token, path, mime_type, filename, size, expires_at"
                                            " FROM blobs WHERE token = ?1 AND expires_at > ?2",
                                            error);
  SrvBlob *blob;

  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, token);
  srv_stmt_bind_int64 (stmt, 2, srv_now_ms ());
  if (!srv_stmt_next (stmt, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "No such media");
      return NULL;
    }

  blob = g_new0 (SrvBlob, 1);
  blob->token = srv_stmt_dup_text (stmt, 0);
  blob->path = srv_stmt_dup_text (stmt, 1);
  blob->mime_type = srv_stmt_dup_text (stmt, 2);
  blob->filename = srv_stmt_dup_text (stmt, 3);
  blob->size = srv_stmt_get_int64 (stmt, 4);
  blob->expires_at = srv_stmt_get_int64 (stmt, 5);
  return blob;
}

guint
srv_store_purge_expired (SrvStore  *self,
                         GError   **error)
{
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(SrvStmt) select = NULL;
  gint64 now = srv_now_ms ();
  static const char *deletes[] = {
    "DELETE FROM blobs WHERE expires_at <= ?1",
    "DELETE FROM idempotency WHERE created_at <= ?1 - 86400000",
  };

  select = srv_db_prepare (self->db, "SELECT path FROM blobs WHERE expires_at <= ?1", error);
  if (select == NULL)
    return 0;
  srv_stmt_bind_int64 (select, 1, now);
  paths = srv_stmt_collect (select, srv_stmt_dup_first_text, g_free, error);
  g_clear_pointer (&select, srv_stmt_free);
  if (paths == NULL)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
    {
      g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db, deletes[i], error);

      if (stmt == NULL)
        return 0;
      srv_stmt_bind_int64 (stmt, 1, now);
      if (!srv_stmt_run (stmt, error))
        return 0;
    }

  /* Rows first, then files: a crash in between leaves stray files, never
   * rows that point at nothing. */
  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));

  return paths->len;
}

gboolean
srv_store_idempotency_claim (SrvStore              *self,
                             gint64                 account_id,
                             const char            *key,
                             const char            *route,
                             SrvIdempotencyRecord **existing,
                             GError               **error)
{
  g_autoptr(SrvStmt) select = NULL;
  g_autoptr(SrvStmt) insert = NULL;
  gint64 now = srv_now_ms ();

  *existing = NULL;

  select = srv_db_prepare (self->db,
                           "SELECT route, body_hash, coalesce (status, 0), content_type, body"
                           " FROM idempotency WHERE account_id = ?1 AND key = ?2 AND created_at > ?3",
                           error);
  if (select == NULL)
    return FALSE;
  srv_stmt_bind_int64 (select, 1, account_id);
  srv_stmt_bind_text (select, 2, key);
  srv_stmt_bind_int64 (select, 3, now - SRV_IDEMPOTENCY_MS);
  if (srv_stmt_next (select, error))
    {
      SrvIdempotencyRecord *rec = g_new0 (SrvIdempotencyRecord, 1);

      rec->route = srv_stmt_dup_text (select, 0);
      rec->body_hash = srv_stmt_dup_text (select, 1);
      rec->status = (guint)srv_stmt_get_int64 (select, 2);
      rec->content_type = srv_stmt_dup_text (select, 3);
      if (!srv_stmt_is_null (select, 4))
        rec->body = srv_stmt_get_bytes (select, 4);
      *existing = rec;
      return TRUE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  /* REPLACE also drops a stale row of the same key older than 24 h. */
  insert = srv_db_prepare (self->db,
                           "INSERT OR REPLACE INTO idempotency (account_id, key, route, created_at)"
                           " VALUES (?1, ?2, ?3, ?4)",
                           error);
  if (insert == NULL)
    return FALSE;
  srv_stmt_bind_int64 (insert, 1, account_id);
  srv_stmt_bind_text (insert, 2, key);
  srv_stmt_bind_text (insert, 3, route);
  srv_stmt_bind_int64 (insert, 4, now);
  return srv_stmt_run (insert, error);
}

gboolean
srv_store_idempotency_complete (SrvStore    *self,
                                gint64       account_id,
                                const char  *key,
                                const char  *body_hash,
                                guint        status,
                                const char  *content_type,
                                GBytes      *body,
                                GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "UPDATE idempotency SET body_hash = ?3, status = ?4,"
                                            " content_type = ?5, body = ?6"
                                            " WHERE account_id = ?1 AND key = ?2",
                                            error);
  gsize len = 0;
  gconstpointer data;

  if (stmt == NULL)
    return FALSE;
  data = body ? g_bytes_get_data (body, &len) : "";
  srv_stmt_bind_int64 (stmt, 1, account_id);
  srv_stmt_bind_text (stmt, 2, key);
  srv_stmt_bind_text (stmt, 3, body_hash);
  srv_stmt_bind_int64 (stmt, 4, status);
  srv_stmt_bind_text (stmt, 5, content_type);
  srv_stmt_bind_blob (stmt, 6, data, len);
  return srv_stmt_run (stmt, error);
}

void
srv_store_idempotency_release (SrvStore   *self,
                               gint64      account_id,
                               const char *key)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "DELETE FROM idempotency"
                                            " WHERE account_id = ?1 AND key = ?2 AND status IS NULL",
                                            NULL);
  if (stmt == NULL)
    return;
  srv_stmt_bind_int64 (stmt, 1, account_id);
  srv_stmt_bind_text (stmt, 2, key);
  srv_stmt_run (stmt, NULL);
}

void
srv_file_record_free (SrvFileRecord *f)
{
  if (f == NULL)
    return;
  g_free (f->id);
  g_free (f->kind);
  g_free (f->name);
  g_free (f->mime_type);
  g_free (f->token);
  g_free (f->extension);
  g_free (f->model);
  g_free (f->client_request_id);
  g_free (f);
}

void
srv_blob_free (SrvBlob *blob)
{
  if (blob == NULL)
    return;
  g_free (blob->token);
  g_free (blob->path);
  g_free (blob->mime_type);
  g_free (blob->filename);
  g_free (blob);
}

void
srv_idempotency_record_free (SrvIdempotencyRecord *rec)
{
  if (rec == NULL)
    return;
  g_free (rec->route);
  g_free (rec->body_hash);
  g_free (rec->content_type);
  g_clear_pointer (&rec->body, g_bytes_unref);
  g_free (rec);
}
