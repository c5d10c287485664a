/* srv-store-jobs.c
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
#include "srv-store-webhooks.h"
#include "srv-util.h"

#define GEN_COLUMNS \
  "id, account_id, model, mode, prompt, params, refs, status, reserved_credits," \
  " coalesce (final_credits, -1), result, error_code, error_message, client_request_id," \
  " created_at, updated_at"

static SrvGeneration *
generation_from_row (SrvStmt *stmt)
{
  SrvGeneration *g = g_new0 (SrvGeneration, 1);

  g->id = srv_stmt_dup_text (stmt, 0);
  g->account_id = srv_stmt_get_int64 (stmt, 1);
  g->model = srv_stmt_dup_text (stmt, 2);
  g->mode = srv_stmt_dup_text (stmt, 3);
  g->prompt = srv_stmt_dup_text (stmt, 4);
  g->params = srv_stmt_dup_text (stmt, 5);
  g->references = srv_stmt_dup_text (stmt, 6);
  g->status = srv_stmt_dup_text (stmt, 7);
  g->reserved_credits = srv_stmt_get_int64 (stmt, 8);
  g->final_credits = srv_stmt_get_int64 (stmt, 9);
  g->result = srv_stmt_dup_text (stmt, 10);
  g->error_code = srv_stmt_dup_text (stmt, 11);
  g->error_message = srv_stmt_dup_text (stmt, 12);
  g->client_request_id = srv_stmt_dup_text (stmt, 13);
  g->created_at = srv_stmt_get_int64 (stmt, 14);
  g->updated_at = srv_stmt_get_int64 (stmt, 15);
  return g;
}

/* Reserves the price and records the job in one transaction: two
 * submits racing for the last credits cannot both pass. */
gboolean
srv_store_insert_generation (SrvStore       *self,
                             SrvGeneration  *g,
                             GError        **error)
{
  g_autoptr(SrvStmt) stmt = NULL;

  g->created_at = g->updated_at = srv_now_ms ();
  g->final_credits = -1;

  if (!srv_db_begin (self->db, error))
    return FALSE;

  if (!_srv_store_ledger_add (self, g->account_id, "reserve", -g->reserved_credits, g->id, error))
    goto failed;

  stmt = srv_db_prepare (self->db,
                         "INSERT INTO generations (id, account_id, model, mode, prompt, params, refs,"
                         " status, reserved_credits, client_request_id, created_at, updated_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', ?8, ?9, ?10, ?10)",
                         error);
  if (stmt == NULL)
    goto failed;
  srv_stmt_bind_text (stmt, 1, g->id);
  srv_stmt_bind_int64 (stmt, 2, g->account_id);
  srv_stmt_bind_text (stmt, 3, g->model);
  srv_stmt_bind_text (stmt, 4, g->mode);
  srv_stmt_bind_text (stmt, 5, g->prompt);
  srv_stmt_bind_text (stmt, 6, g->params);
  srv_stmt_bind_text (stmt, 7, g->references ? g->references : "[]");
  srv_stmt_bind_int64 (stmt, 8, g->reserved_credits);
  srv_stmt_bind_text (stmt, 9, g->client_request_id);
  srv_stmt_bind_int64 (stmt, 10, g->created_at);
  if (!srv_stmt_run (stmt, error) || !srv_db_commit (self->db, error))
    goto failed;

  g_free (g->status);
  g->status = g_strdup ("queued");
  return TRUE;

failed:
  srv_db_rollback (self->db);
  return FALSE;
}

SrvGeneration *
srv_store_get_generation (SrvStore    *self,
                          const char  *id,
                          gint64       account_id,
                          GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT " GEN_COLUMNS " FROM generations"
                                            " WHERE id = ?1 AND (?2 = 0 OR account_id = ?2)",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, id);
  srv_stmt_bind_int64 (stmt, 2, account_id);
  if (srv_stmt_next (stmt, error))
    return generation_from_row (stmt);
  if (error != NULL && *error == NULL)
    g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "No such generation");
  return NULL;
}

gboolean
srv_store_mark_processing (SrvStore    *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "UPDATE generations SET status = 'processing', updated_at = ?2"
                                            " WHERE id = ?1 AND status = 'queued'",
                                            error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_text (stmt, 1, id);
  srv_stmt_bind_int64 (stmt, 2, srv_now_ms ());
  return srv_stmt_run (stmt, error);
}

static gboolean
finish (SrvStore    *self,
        const char  *id,
        gboolean     success,
        const char  *result,
        const char  *message,
        GError     **error)
{
  g_autoptr(SrvGeneration) g = NULL;
  g_autoptr(SrvStmt) stmt = NULL;

  if (!srv_db_begin (self->db, error))
    return FALSE;

  g = srv_store_get_generation (self, id, 0, error);
  if (g == NULL)
    goto failed;

  /* Finishing twice must not refund or settle twice. */
  if (g_str_equal (g->status, "succeeded") || g_str_equal (g->status, "failed"))
    {
      srv_db_rollback (self->db);
      return TRUE;
    }

  if (success)
    {
      /* FIXED pricing: what was reserved is what is charged. */
      if (!_srv_store_ledger_add (self, g->account_id, "settle", 0, id, error))
        goto failed;
    }
  else if (!_srv_store_ledger_add (self, g->account_id, "refund", g->reserved_credits, id, error))
    goto failed;

  stmt = srv_db_prepare (self->db,
                         "UPDATE generations SET status = ?2, final_credits = ?3, result = ?4,"
                         " error_code = ?5, error_message = ?6, updated_at = ?7 WHERE id = ?1",
                         error);
  if (stmt == NULL)
    goto failed;
  srv_stmt_bind_text (stmt, 1, id);
  srv_stmt_bind_text (stmt, 2, success ? "succeeded" : "failed");
  srv_stmt_bind_int64 (stmt, 3, success ? g->reserved_credits : 0);
  srv_stmt_bind_text (stmt, 4, result);
  srv_stmt_bind_text (stmt, 5, success ? NULL : "generation_failed");
  srv_stmt_bind_text (stmt, 6, message);
  srv_stmt_bind_int64 (stmt, 7, srv_now_ms ());
  if (!srv_stmt_run (stmt, error) ||
      !srv_store_webhooks_add_generation_event (self, g->account_id, id, success, error) ||
      !srv_db_commit (self->db, error))
    goto failed;
  return TRUE;

failed:
  srv_db_rollback (self->db);
  return FALSE;
}

gboolean
srv_store_finish_success (SrvStore    *self,
                          const char  *id,
                          const char  *path,
                          const char  *mime_type,
                          const char  *extension,
                          GError     **error)
{
  g_autofree char *token = srv_random_base62 (SRV_TOKEN_LEN);
  g_autofree char *filename = g_strdup_printf ("%s.%s", id, extension);
  g_autofree char *entry = g_strdup_printf ("%s.%s", token, extension);
  g_autoptr(JsonArray) arr = json_array_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *result = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 now = srv_now_ms ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, error);
  if (info == NULL)
    return FALSE;

  json_array_add_string_element (arr, entry);
  json_node_set_array (node, arr);
  result = srv_json_to_string (node, NULL);

  /* The blob row goes first and on its own: an orphan blob is harmless
   * (the purge removes it), a result pointing nowhere is not. */
  stmt = srv_db_prepare (self->db,
                         "INSERT INTO blobs (token, path, mime_type, filename, size, created_at, expires_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_text (stmt, 1, token);
  srv_stmt_bind_text (stmt, 2, path);
  srv_stmt_bind_text (stmt, 3, mime_type);
  srv_stmt_bind_text (stmt, 4, filename);
  srv_stmt_bind_int64 (stmt, 5, g_file_info_get_size (info));
  srv_stmt_bind_int64 (stmt, 6, now);
  srv_stmt_bind_int64 (stmt, 7, now + SRV_RESULT_LIFETIME_MS);
  if (!srv_stmt_run (stmt, error))
    return FALSE;

  return finish (self, id, TRUE, result, NULL, error);
}

gboolean
srv_store_finish_failure (SrvStore    *self,
                          const char  *id,
                          const char  *message,
                          GError     **error)
{
  return finish (self, id, FALSE, NULL, message, error);
}

guint
srv_store_fail_unfinished (SrvStore    *self,
                           const char  *message,
                           GError     **error)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  guint failed = 0;

  stmt = srv_db_prepare (self->db,
                         "SELECT id FROM generations WHERE status IN ('queued', 'processing')",
                         error);
  if (stmt == NULL)
    return 0;
  ids = srv_stmt_collect (stmt, srv_stmt_dup_first_text, g_free, error);
  g_clear_pointer (&stmt, srv_stmt_free);
  if (ids == NULL)
    return 0;

  for (guint i = 0; i < ids->len; i++)
    {
      if (!srv_store_finish_failure (self, g_ptr_array_index (ids, i), message, error))
        return failed;
      failed++;
    }

  return failed;
}

void
srv_generation_free (SrvGeneration *g)
{
  if (g == NULL)
    return;
  g_free (g->id);
  g_free (g->model);
  g_free (g->mode);
  g_free (g->prompt);
  g_free (g->params);
  g_free (g->references);
  g_free (g->status);
  g_free (g->result);
  g_free (g->error_code);
  g_free (g->error_message);
  g_free (g->client_request_id);
  g_free (g);
}
