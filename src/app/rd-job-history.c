/* rd-job-history.c
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

#include <gio/gio.h>

#include "rd-job-history.h"

#define UPLOAD_COLUMNS "base_url, model_id, local_path, size, mtime, file_id, url, kind, " \
                       "name, mime_type, duration_seconds, duration_token, expires_at, " \
                       "created_at"

/* The job history on disk: one SQLite table, migrated with
 * PRAGMA user_version, written one job per transaction. */

#define COLUMNS "task_id, base_url, model_id, model_name, category, prompt, params, " \
                "idempotency_key, error_code, error_message, request_id, result_url, " \
                "local_path, status, reserved_credits, final_credits, created_at, " \
                "updated_at, finished_at"

/* Each entry brings user_version from its index to index + 1. */
static const char * const migrations[] = {
  "CREATE TABLE jobs (task_id TEXT PRIMARY KEY, base_url TEXT, model_id TEXT,"
  " model_name TEXT, category TEXT, prompt TEXT, params TEXT, idempotency_key TEXT,"
  " status TEXT, reserved_credits INTEGER, final_credits INTEGER, error_code TEXT,"
  " error_message TEXT, result_url TEXT, created_at INTEGER, updated_at INTEGER,"
  " finished_at INTEGER);",
  "ALTER TABLE jobs ADD COLUMN request_id TEXT;"
  " ALTER TABLE jobs ADD COLUMN local_path TEXT;"
  " CREATE INDEX jobs_by_created ON jobs (created_at);",
  /* Files uploaded as references, so that one is not sent twice for the
   * same model while the server keeps it, even across a crash. */
  "CREATE TABLE uploads (base_url TEXT NOT NULL, model_id TEXT NOT NULL,"
  " local_path TEXT NOT NULL, size INTEGER, mtime INTEGER, file_id TEXT, url TEXT,"
  " kind TEXT, name TEXT, mime_type TEXT, duration_seconds REAL, duration_token TEXT,"
  " expires_at INTEGER, created_at INTEGER,"
  " PRIMARY KEY (base_url, model_id, local_path));"
  " CREATE INDEX uploads_by_url ON uploads (url);",
};

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

static gboolean
migrate (sqlite3  *db,
         GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  for (guint i = version; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *sql = g_strdup_printf ("BEGIN; %s PRAGMA user_version = %u; COMMIT;",
                                              migrations[i], i + 1);

      if (!exec_sql (db, sql, error))
        {
          exec_sql (db, "ROLLBACK", NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/* Opens (creating it and its directory) the history at @path and
 * appends its jobs to @jobs, newest first. Runs in a thread. */
sqlite3 *
rd_job_history_open (const char  *path,
                     GPtrArray   *jobs,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_mkdir_with_parents (dir, 0700);

  if (sqlite3_open_v2 (path, &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
  else if (exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", error) &&
           migrate (db, error) &&
           sqlite3_prepare_v2 (db,
                               "SELECT " COLUMNS " FROM jobs ORDER BY created_at DESC, rowid DESC",
                               -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          char *strings[13];
          gint64 ints[5];

          for (guint i = 0; i < 13; i++)
            strings[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
          for (guint i = 0; i < 5; i++)
            ints[i] = sqlite3_column_int64 (stmt, 14 + i);
          g_ptr_array_add (jobs,
                           rd_job_new_take (strings,
                                            rd_job_status_from_string ((const char *) sqlite3_column_text (stmt, 13)),
                                            ints));
        }
      sqlite3_finalize (stmt);
      return db;
    }

  if (error != NULL && *error == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
  sqlite3_close (db);
  return NULL;
}

void
rd_job_history_save (sqlite3 *db,
                     RdJob   *job)
{
  sqlite3_stmt *stmt = NULL;
  const char *strings[13];
  gint64 ints[5];

  strings[0] = rd_job_get_task_id (job);
  strings[1] = rd_job_get_base_url (job);
  strings[2] = rd_job_get_model_id (job);
  strings[3] = rd_job_get_model_name (job);
  strings[4] = rd_job_get_category (job);
  strings[5] = rd_job_get_prompt (job);
  strings[6] = rd_job_get_params (job);
  strings[7] = rd_job_get_idempotency_key (job);
  strings[8] = rd_job_get_error_code (job);
  strings[9] = rd_job_get_error_message (job);
  strings[10] = rd_job_get_request_id (job);
  strings[11] = rd_job_get_result_url (job);
  strings[12] = rd_job_get_local_path (job);
  ints[0] = rd_job_get_reserved_credits (job);
  ints[1] = rd_job_get_final_credits (job);
  ints[2] = rd_job_get_created_at (job);
  ints[3] = rd_job_get_updated_at (job);
  ints[4] = rd_job_get_finished_at (job);

  exec_sql (db, "BEGIN", NULL);
  if (sqlite3_prepare_v2 (db,
                          /* An upsert, not a REPLACE: that would renumber the
                           * row and reorder jobs submitted in the same second. */
                          "INSERT INTO jobs (" COLUMNS ") VALUES "
                          "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                          "ON CONFLICT (task_id) DO UPDATE SET "
                          "base_url = excluded.base_url, model_id = excluded.model_id, "
                          "model_name = excluded.model_name, category = excluded.category, "
                          "prompt = excluded.prompt, params = excluded.params, "
                          "idempotency_key = excluded.idempotency_key, "
                          "error_code = excluded.error_code, "
                          "error_message = excluded.error_message, "
                          "request_id = excluded.request_id, "
                          "result_url = excluded.result_url, "
                          "local_path = excluded.local_path, status = excluded.status, "
                          "reserved_credits = excluded.reserved_credits, "
                          "final_credits = excluded.final_credits, "
                          "created_at = excluded.created_at, "
                          "updated_at = excluded.updated_at, "
                          "finished_at = excluded.finished_at",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      for (guint i = 0; i < 13; i++)
        sqlite3_bind_text (stmt, i + 1, strings[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, rd_job_status_to_string (rd_job_get_status (job)), -1, SQLITE_STATIC);
      for (guint i = 0; i < 5; i++)
        sqlite3_bind_int64 (stmt, 15 + i, ints[i]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_message ("Could not save job %s: %s", strings[0], sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
  exec_sql (db, "COMMIT", NULL);
}

void
rd_job_history_delete (sqlite3    *db,
                       const char *task_id)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "DELETE FROM jobs WHERE task_id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, task_id, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_message ("Could not remove job %s: %s", task_id, sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
}

static RdUploadRecord *
read_upload (sqlite3_stmt *stmt)
{
  RdUploadRecord *record = g_new0 (RdUploadRecord, 1);

  record->base_url = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  record->model_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  record->local_path = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  record->size = sqlite3_column_int64 (stmt, 3);
  record->mtime = sqlite3_column_int64 (stmt, 4);
  record->file_id = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  record->url = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  record->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  record->name = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  record->mime_type = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  record->duration_seconds = sqlite3_column_double (stmt, 10);
  record->duration_token = g_strdup ((const char *) sqlite3_column_text (stmt, 11));
  record->expires_at = sqlite3_column_int64 (stmt, 12);
  record->created_at = sqlite3_column_int64 (stmt, 13);
  return record;
}

/* Returns: (transfer full) (nullable): the upload of the file at
 * @local_path for @model_id on @base_url, whatever its age */
RdUploadRecord *
rd_job_history_find_upload (sqlite3    *db,
                            const char *base_url,
                            const char *model_id,
                            const char *local_path)
{
  sqlite3_stmt *stmt = NULL;
  RdUploadRecord *record = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT " UPLOAD_COLUMNS " FROM uploads"
                          " WHERE base_url = ? AND model_id = ? AND local_path = ?",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, base_url, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, model_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, local_path, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        record = read_upload (stmt);
    }
  sqlite3_finalize (stmt);
  return record;
}

/* Returns: (transfer full) (nullable): the upload that the server
 * answered with @url, the newest if several */
RdUploadRecord *
rd_job_history_find_upload_by_url (sqlite3    *db,
                                   const char *base_url,
                                   const char *url)
{
  sqlite3_stmt *stmt = NULL;
  RdUploadRecord *record = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT " UPLOAD_COLUMNS " FROM uploads WHERE base_url = ? AND url = ?"
                          " ORDER BY created_at DESC LIMIT 1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, base_url, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, url, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        record = read_upload (stmt);
    }
  sqlite3_finalize (stmt);
  return record;
}

void
rd_job_history_save_upload (sqlite3              *db,
                            const RdUploadRecord *record)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db,
                          "INSERT OR REPLACE INTO uploads (" UPLOAD_COLUMNS ") VALUES "
                          "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, record->base_url, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, record->model_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, record->local_path, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, record->size);
      sqlite3_bind_int64 (stmt, 5, record->mtime);
      sqlite3_bind_text (stmt, 6, record->file_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, record->url, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, record->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, record->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, record->mime_type, -1, SQLITE_STATIC);
      sqlite3_bind_double (stmt, 11, record->duration_seconds);
      sqlite3_bind_text (stmt, 12, record->duration_token, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 13, record->expires_at);
      sqlite3_bind_int64 (stmt, 14, record->created_at);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_message ("Could not remember upload %s: %s", record->file_id, sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
}
