/* test-job-store.c
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

#include <sqlite3.h>

#include "rd-job-store.h"
#include "rd-test-utils.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static char *
db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rivya-desktop", "history.db", NULL);
}

static RdJobStore *
open_store (const char *path)
{
  RdJobStore *store = rd_job_store_new (path);

  RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (store), 10000);
  return store;
}

static RivyaGeneration *
fake_generation (const char *id,
                 const char *status)
{
  g_autofree char *text = g_strdup_printf ("{\"id\": \"%s\", \"model\": \"local-image\", \"status\": \"%s\","
                                           " \"reserved_credits\": 4, \"final_credits\": 0,"
                                           " \"created_at\": \"2026-05-10T00:00:00.000Z\","
                                           " \"updated_at\": \"2026-05-10T00:00:00.000Z\","
                                           " \"result\": null, \"error\": null}", id, status);
  g_autoptr(JsonNode) node = json_from_string (text, NULL);
  g_autoptr(GError) error = NULL;
  RivyaGeneration *generation = rivya_generation_new_from_json (json_node_get_object (node), &error);

  g_assert_no_error (error);
  return generation;
}

static void
add_fake (RdJobStore *store,
          const char *id,
          const char *prompt)
{
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("local-image", prompt);
  g_autoptr(RivyaGeneration) generation = fake_generation (id, "queued");

  rivya_generation_request_set_idempotency_key (request, "key-1");
  rivya_generation_request_set_param_string (request, "aspect_ratio", "16:9");
  rd_job_store_add_submission (store, "http://127.0.0.1:1", NULL, request, generation);
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
test_store_empty (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(RdJobStore) store = rd_job_store_new (NULL);

  g_assert_cmpstr (rd_job_store_get_path (store), ==, path);
  g_assert_false (rd_job_store_get_loaded (store));
  RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (store), 10000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == RD_TYPE_JOB);
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 0);
  /* 3: the uploads table of the reference files. */
  g_assert_cmpint (user_version (path), ==, 3);
}

static void
test_store_add_persist (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(RdJobStore) store = open_store (path);
  g_autoptr(RdJobStore) reopened = NULL;
  g_autoptr(RdJob) first = NULL;
  g_autoptr(RdJob) second = NULL;
  Change change = { 0 };
  RdJob *job;

  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &change);
  add_fake (store, "task_a", "a red fox");
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  add_fake (store, "task_b", "a blue bird");
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  /* The same task again (same idempotency key): no new row. */
  add_fake (store, "task_b", "a blue bird");
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 2);

  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (rd_job_get_task_id (first), ==, "task_b");
  g_assert_cmpstr (rd_job_get_prompt (first), ==, "a blue bird");
  g_assert_cmpstr (rd_job_get_params (first), ==, "{\"aspect_ratio\":\"16:9\"}");
  g_assert_cmpstr (rd_job_get_idempotency_key (first), ==, "key-1");
  g_assert_cmpstr (rd_job_get_model_name (first), ==, "local-image");
  g_assert_cmpint (rd_job_get_status (first), ==, RIVYA_GENERATION_STATUS_QUEUED);
  g_assert_cmpint (rd_job_get_reserved_credits (first), ==, 4);
  g_assert_cmpint (rd_job_get_final_credits (first), ==, -1);
  g_assert_cmpint (rd_job_get_finished_at (first), ==, 0);
  g_assert_cmpint (ABS (rd_job_get_created_at (first) - g_get_real_time () / G_USEC_PER_SEC), <=, 1);

  reopened = open_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 2);
  job = rd_job_store_lookup (reopened, "task_a");
  g_assert_nonnull (job);
  g_assert_cmpstr (rd_job_get_prompt (job), ==, "a red fox");
  g_assert_cmpstr (rd_job_get_base_url (job), ==, "http://127.0.0.1:1");
  g_assert_cmpstr (rd_job_get_params (job), ==, "{\"aspect_ratio\":\"16:9\"}");
  g_assert_cmpint (rd_job_get_reserved_credits (job), ==, 4);
  second = g_list_model_get_item (G_LIST_MODEL (reopened), 1);
  g_assert_true (second == job);
  g_assert_cmpuint (rd_job_store_get_n_running (reopened), ==, 2);
}

static void
test_store_remove (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(RdJobStore) store = open_store (path);
  g_autoptr(RdJobStore) reopened = NULL;
  Change change = { 0 };

  add_fake (store, "task_1", "one");
  add_fake (store, "task_2", "two");
  add_fake (store, "task_3", "three");
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &change);
  rd_job_store_remove (store, rd_job_store_lookup (store, "task_2"));
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_null (rd_job_store_lookup (store, "task_2"));
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 2);

  reopened = open_store (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 2);
  g_assert_null (rd_job_store_lookup (reopened, "task_2"));
  g_assert_nonnull (rd_job_store_lookup (reopened, "task_3"));
}

/* A history written by the first version gains the new columns. */
static void
test_store_migrate (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(RdJobStore) store = NULL;
  sqlite3 *db = NULL;
  RdJob *job;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE jobs (task_id TEXT PRIMARY KEY, base_url TEXT, model_id TEXT,"
                                 " model_name TEXT, category TEXT, prompt TEXT, params TEXT, idempotency_key TEXT,"
                                 " status TEXT, reserved_credits INTEGER, final_credits INTEGER, error_code TEXT,"
                                 " error_message TEXT, result_url TEXT, created_at INTEGER, updated_at INTEGER,"
                                 " finished_at INTEGER);"
                                 "INSERT INTO jobs VALUES ('task_old', 'http://x', 'local-image', 'Local Image',"
                                 " 'image', 'an old one', '{}', 'k', 'failed', 3, 0, 'generation_failed',"
                                 " 'It broke', NULL, 100, 110, 120);"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = open_store (path);
  g_assert_cmpint (user_version (path), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  job = rd_job_store_lookup (store, "task_old");
  g_assert_cmpint (rd_job_get_status (job), ==, RIVYA_GENERATION_STATUS_FAILED);
  g_assert_cmpstr (rd_job_get_error_code (job), ==, "generation_failed");
  g_assert_cmpstr (rd_job_get_error_message (job), ==, "It broke");
  g_assert_null (rd_job_get_request_id (job));
  g_assert_null (rd_job_get_local_path (job));
  g_assert_cmpint (rd_job_get_elapsed (job), ==, 20);
  g_assert_cmpint (rd_job_get_final_credits (job), ==, 0);
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 0);
}

/* Writes @n finished jobs straight into a history at @path. */
static void
fill_history (const char *path,
                      guint       n)
{
  g_autoptr(RdJobStore) store = open_store (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_clear_object (&store);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO jobs (task_id, base_url, model_id, model_name, category, prompt,"
                      " params, idempotency_key, status, reserved_credits, final_credits, result_url,"
                      " created_at, updated_at, finished_at) VALUES (?, 'http://127.0.0.1:1',"
                      " 'local-image', 'Local Image', 'image', ?, '{\"aspect_ratio\":\"1:1\"}', ?,"
                      " 'succeeded', 4, 4, 'http://127.0.0.1:1/media/result.png', ?, ?, ?)",
                      -1, &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("task_%08u", i);
      g_autofree char *prompt = g_strdup_printf ("A lighthouse on a cliff at dusk, number %u", i);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, prompt, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, 1700000000 + i);
      sqlite3_bind_int64 (stmt, 5, 1700000000 + i + 5);
      sqlite3_bind_int64 (stmt, 6, 1700000000 + i + 5);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* 100 000 jobs arrive with one items-changed, off the main thread. */
static void
test_store_many (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(RdJobStore) store = NULL;
  g_autoptr(RdJob) newest = NULL;
  Change change = { 0 };
  gint64 start, blocked, loaded;

  fill_history (path, 100000);

  start = g_get_monotonic_time ();
  store = rd_job_store_new (path);
  blocked = g_get_monotonic_time () - start;
  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), &change);
  RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (store), 60000);
  loaded = g_get_monotonic_time () - start;

  g_test_message ("100000 jobs: constructor blocked %.1f ms, loaded in %.1f ms",
                  blocked / 1000., loaded / 1000.);
  g_assert_cmpint (blocked, <, 50 * 1000);
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.added, ==, 100000);
  newest = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (rd_job_get_task_id (newest), ==, "task_00099999");
  g_assert_cmpint (rd_job_get_elapsed (newest), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/job-store/empty", test_store_empty);
  g_test_add_func ("/job-store/add-persist", test_store_add_persist);
  g_test_add_func ("/job-store/remove", test_store_remove);
  g_test_add_func ("/job-store/migrate", test_store_migrate);
  g_test_add_func ("/job-store/many", test_store_many);

  return g_test_run ();
}
