/* bench-job-list.c
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

/* How long the job history takes to load and what each job costs in
 * memory, for a history of N jobs (100 000 by default):
 *
 *   ninja -C _build tests/bench/bench-job-list && _build/tests/bench/bench-job-list [N]
 *
 * It writes the history into a temporary directory, then measures the
 * RdJobStore that the app builds at start: the time its constructor
 * blocks the caller (the main thread, in the app), the time until every
 * row is announced, and the resident memory that grew meanwhile. */

#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rd-job-store.h"

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static void
fill (const char *path,
      guint       n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO jobs (task_id, base_url, model_id, model_name, category, prompt,"
                      " params, idempotency_key, status, reserved_credits, final_credits, result_url,"
                      " local_path, created_at, updated_at, finished_at) VALUES (?, 'http://127.0.0.1:8080',"
                      " 'local-image', 'Local Image', 'image', ?, '{\"aspect_ratio\":\"16:9\",\"style\":\"photo\"}',"
                      " ?, 'succeeded', 4, 4, ?, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("task_%020u", i);
      g_autofree char *prompt = g_strdup_printf ("A lighthouse on a cliff at dusk, waves below, number %u", i);
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:8080/media/%s.png", id);
      g_autofree char *local = g_strdup_printf ("/home/user/.cache/rivya-desktop/results/%s.png", id);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, prompt, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, url, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, local, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, 1700000000 + i);
      sqlite3_bind_int64 (stmt, 7, 1700000000 + i + 6);
      sqlite3_bind_int64 (stmt, 8, 1700000000 + i + 6);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("bench-job-list-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "history.db", NULL);
  g_autoptr(RdJobStore) store = NULL;
  gint64 start, blocked, loaded;
  long rss_before, rss_after;

  /* Creating it once makes the schema; the rows go in directly. */
  store = rd_job_store_new (path);
  while (!rd_job_store_get_loaded (store))
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&store);
  fill (path, n);

  rss_before = rss_kib ();
  start = g_get_monotonic_time ();
  store = rd_job_store_new (path);
  blocked = g_get_monotonic_time () - start;
  while (!rd_job_store_get_loaded (store))
    g_main_context_iteration (NULL, TRUE);
  loaded = g_get_monotonic_time () - start;
  rss_after = rss_kib ();

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) != n)
    g_error ("loaded %u jobs of %u", g_list_model_get_n_items (G_LIST_MODEL (store)), n);

  printf ("bench-job-list: %u jobs\n", n);
  printf ("  constructor blocked the main thread: %.2f ms\n", blocked / 1000.);
  printf ("  loaded (one items-changed):          %.1f ms\n", loaded / 1000.);
  printf ("  RSS growth:                          %.1f MiB, %.0f bytes per job\n",
          (rss_after - rss_before) / 1024., (rss_after - rss_before) * 1024. / n);
  printf ("  reproduce: %s %u\n", argv[0], n);

  g_clear_object (&store);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
