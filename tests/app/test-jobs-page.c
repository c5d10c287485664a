/* test-jobs-page.c
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
#include "rd-jobs-page.h"
#include "rd-media-preview.h"
#include "rd-server-supervisor.h"
#include "rd-test-utils.h"

#define START_TIMEOUT_MS 20000
#define JOB_TIMEOUT_MS 60000

static GtkWidget *
find_label_prefix (GtkWidget  *root,
                   const char *prefix)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_prefix (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static RdJobStore *
open_store (void)
{
  RdJobStore *store = rd_job_store_new (NULL);

  RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (store), 10000);
  return store;
}

static RivyaClient *
start_server (RdServerSupervisor *supervisor)
{
  rd_server_supervisor_start (supervisor);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_RUNNING,
                      START_TIMEOUT_MS);
  return rivya_client_new (rd_server_supervisor_get_url (supervisor),
                           rd_server_supervisor_get_api_key (supervisor));
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Submits with librivya, as the Create page does, and hands it over. */
static char *
submit (RdJobStore  *store,
        RivyaClient *client,
        const char  *prompt)
{
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("local-image", prompt);
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();

  rivya_generation_request_set_idempotency_key (request, key);
  rivya_generation_request_set_param_string (request, "aspect_ratio", "1:1");
  rivya_client_create_generation_async (client, request, NULL, result_cb, &result);
  RD_TEST_WAIT_UNTIL (result != NULL, START_TIMEOUT_MS);
  generation = rivya_client_create_generation_finish (client, result, &error);
  g_assert_no_error (error);

  rd_job_store_add_submission (store, rivya_client_get_base_url (client), NULL, request, generation);
  g_assert_nonnull (rd_job_store_lookup (store, rivya_generation_get_id (generation)));
  g_assert_cmpstr (rd_job_get_idempotency_key (rd_job_store_lookup (store, rivya_generation_get_id (generation))),
                   ==, key);
  return g_strdup (rivya_generation_get_id (generation));
}

static GtkWindow *
show_page (RdJobsPage *page,
           int         width,
           int         height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
screenshot (GtkWindow  *window,
            const char *name,
            int         width,
            int         height)
{
  g_autofree char *dir = g_strdup (g_getenv ("RD_SCREENSHOT_DIR"));
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  gtk_window_set_default_size (window, width, height);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == width, 20000);
  rd_test_wait_ms (400);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  rd_test_save_screenshot (GTK_WIDGET (window), path);
}

static void
clipboard_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(char **) user_data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
}

/* A failed job with its request id and a queued one nobody follows,
 * written as an older version of the app would have left them. */
static void
add_history_rows (const char *base_url)
{
  g_autofree char *path = rd_job_store_get_default_path ();
  sqlite3 *db = NULL;
  g_autofree char *sql = NULL;
  /* An hour back, so that they sort after the job the test submitted
   * however long that job took on a busy machine. */
  gint64 now = g_get_real_time () / G_USEC_PER_SEC - 3600;

  sql = g_strdup_printf ("INSERT INTO jobs (task_id, base_url, model_id, model_name, category, prompt, params,"
                         " status, reserved_credits, final_credits, error_code, error_message, request_id,"
                         " created_at, updated_at, finished_at) VALUES"
                         " ('task_failed', '%s', 'local-video', 'Local Video', 'video',"
                         "  'A slow pan over a harbour at night with the sound of rain', '{}', 'failed', 12, 0,"
                         "  'generation_failed', 'The video encoder ran out of memory', 'req_7f3a9c21', %"
                         G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "),"
                         " ('task_running', 'http://127.0.0.1:9', 'local-speech', 'Local Speech', 'audio',"
                         "  'Read the weather forecast in a calm voice', '{}', 'processing', 3, -1, NULL, NULL,"
                         "  NULL, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 0)",
                         base_url, now - 100, now - 60, now - 60, now - 20, now - 20);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_jobs_page_empty (void)
{
  g_autoptr(RdJobStore) store = open_store ();
  RdJobsPage *page = g_object_new (RD_TYPE_JOBS_PAGE, "store", store, NULL);
  GtkWindow *window = show_page (page, 1280, 800);

  g_assert_true (rd_jobs_page_get_store (page) == store);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "No Jobs Yet"));
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window), "Generate something in Create"));
  g_assert_null (rd_jobs_page_get_selected_job (page));
  screenshot (window, "jobs-page-empty-1280x800.png", 1280, 800);
  screenshot (window, "jobs-page-empty-400x800.png", 400, 800);
  gtk_window_destroy (window);
}

static void
test_jobs_page_real (void)
{
  g_autoptr(RdServerSupervisor) supervisor = rd_server_supervisor_new (NULL);
  g_autoptr(RivyaClient) client = start_server (supervisor);
  g_autoptr(RdJobStore) store = open_store ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *task_id = NULL;
  g_autofree char *copied = NULL;
  RdJobsPage *page = g_object_new (RD_TYPE_JOBS_PAGE, "store", store, NULL);
  GtkWindow *window = show_page (page, 1280, 800);
  guint finished = 0;
  g_autoptr(RdJob) again = NULL;
  RdMediaPreview *preview;
  RdJob *job;

  g_signal_connect_swapped (store, "job-finished", G_CALLBACK (count_cb), &finished);
  rd_job_store_set_client (store, client);
  rivya_poller_set_time_scale (rd_job_store_get_poller (store), 0.1);
  task_id = submit (store, client, "A lighthouse on a cliff at dusk");
  job = rd_job_store_lookup (store, task_id);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 1);
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window), "A lighthouse on a cliff at dusk"));

  RD_TEST_WAIT_UNTIL (rd_job_get_status (job) == RIVYA_GENERATION_STATUS_SUCCEEDED, JOB_TIMEOUT_MS);
  g_assert_cmpuint (finished, ==, 1);
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 0);
  g_assert_cmpint (rd_job_get_final_credits (job), ==, rd_job_get_reserved_credits (job));
  g_assert_cmpint (rd_job_get_final_credits (job), >, 0);
  g_assert_nonnull (rd_job_get_result_url (job));
  g_assert_cmpint (rd_job_get_finished_at (job), >=, rd_job_get_created_at (job));
  RD_TEST_WAIT_UNTIL (find_label_prefix (GTK_WIDGET (window), "Succeeded in") != NULL, 5000);

  /* Downloaded once into the cache, and it is a picture. */
  RD_TEST_WAIT_UNTIL (rd_job_get_local_path (job) != NULL, JOB_TIMEOUT_MS);
  g_assert_true (g_str_has_prefix (rd_job_get_local_path (job), g_get_user_cache_dir ()));
  g_assert_true (strstr (rd_job_get_local_path (job), task_id) != NULL);
  texture = gdk_texture_new_from_filename (rd_job_get_local_path (job), &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
  g_assert_true (rd_jobs_page_get_selected_job (page) == job);

  gtk_widget_activate_action (GTK_WIDGET (page), "job.copy-task-id", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL, clipboard_cb, &copied);
  RD_TEST_WAIT_UNTIL (copied != NULL, 5000);
  g_assert_cmpstr (copied, ==, task_id);

  /* Submit again: the same model, prompt and params, a new key. */
  gtk_widget_activate_action (GTK_WIDGET (page), "job.submit-again", NULL);
  RD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (store)) == 2, START_TIMEOUT_MS);
  again = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (rd_job_get_task_id (again), !=, task_id);
  g_assert_cmpstr (rd_job_get_prompt (again), ==, "A lighthouse on a cliff at dusk");
  g_assert_cmpstr (rd_job_get_params (again), ==, "{\"aspect_ratio\":\"1:1\"}");
  g_assert_cmpstr (rd_job_get_model_id (again), ==, "local-image");
  g_assert_nonnull (rd_job_get_idempotency_key (again));
  g_assert_cmpstr (rd_job_get_idempotency_key (again), !=, rd_job_get_idempotency_key (job));
  RD_TEST_WAIT_UNTIL (rd_job_get_status (again) == RIVYA_GENERATION_STATUS_SUCCEEDED, JOB_TIMEOUT_MS);
  g_assert_cmpuint (finished, ==, 2);
  rd_job_store_remove (store, again);
  g_clear_object (&again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* A new store on the same history has it, result and all. */
  rd_jobs_page_set_store (page, NULL);
  g_clear_object (&store);
  add_history_rows (rivya_client_get_base_url (client));
  store = open_store ();
  rd_jobs_page_set_store (page, store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  job = rd_job_store_lookup (store, task_id);
  g_assert_cmpint (rd_job_get_status (job), ==, RIVYA_GENERATION_STATUS_SUCCEEDED);
  g_assert_true (g_file_test (rd_job_get_local_path (job), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 1);
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window), "Processing ·"));
  g_assert_nonnull (find_label_prefix (GTK_WIDGET (window),
                                       "The video encoder ran out of memory (generation_failed) · request req_7f3a9c21"));

  rd_jobs_page_select (page, 0);
  g_assert_true (rd_jobs_page_get_selected_job (page) == job);
  preview = RD_MEDIA_PREVIEW (rd_test_find_widget (GTK_WIDGET (page), RD_TYPE_MEDIA_PREVIEW));
  RD_TEST_WAIT_UNTIL (rd_media_preview_get_kind (preview) == RD_MEDIA_KIND_IMAGE, 10000);
  RD_TEST_WAIT_UNTIL (rd_media_preview_get_texture (preview) != NULL, 10000);
  g_assert_cmpint (gdk_texture_get_width (rd_media_preview_get_texture (preview)), ==,
                   gdk_texture_get_width (texture));
  screenshot (window, "jobs-page-1280x800.png", 1280, 800);
  rd_jobs_page_select (page, 2);
  g_assert_cmpstr (rd_job_get_task_id (rd_jobs_page_get_selected_job (page)), ==, "task_failed");
  screenshot (window, "jobs-page-failed-1280x800.png", 1280, 800);
  screenshot (window, "jobs-page-400x800.png", 400, 800);

  /* Remove: the row goes, from the history too. */
  gtk_widget_activate_action (GTK_WIDGET (page), "job.remove", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_null (rd_job_store_lookup (store, "task_failed"));
  gtk_widget_activate_action (GTK_WIDGET (page), "job.remove", NULL);
  gtk_widget_activate_action (GTK_WIDGET (page), "job.remove", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "No Jobs Yet"));
  g_clear_object (&store);
  store = open_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  gtk_window_destroy (window);
  rd_server_supervisor_stop (supervisor);
}

/* A job left running when the app quit finishes in the next one. */
static void
test_jobs_page_resume (void)
{
  g_autofree char *script = rd_test_write_script ("slow-server",
                                                  "exec \"$RIVYA_SERVER\" \"$@\" --job-latency 3000");
  g_autoptr(RdServerSupervisor) supervisor = g_object_new (RD_TYPE_SERVER_SUPERVISOR,
                                                           "program", script,
                                                           NULL);
  g_autoptr(RivyaClient) client = start_server (supervisor);
  g_autoptr(RdJobStore) store = open_store ();
  g_autofree char *task_id = NULL;
  RdJob *job;

  rd_job_store_set_client (store, client);
  task_id = submit (store, client, "A kite over the dunes");
  g_assert_false (rd_job_is_finished (rd_job_store_lookup (store, task_id)));
  g_clear_object (&store);

  store = open_store ();
  job = rd_job_store_lookup (store, task_id);
  g_assert_nonnull (job);
  g_assert_false (rd_job_is_finished (job));
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 1);
  rd_job_store_set_client (store, client);
  g_assert_true (rivya_poller_contains (rd_job_store_get_poller (store), task_id));
  rivya_poller_set_time_scale (rd_job_store_get_poller (store), 0.2);
  RD_TEST_WAIT_UNTIL (rd_job_get_status (job) == RIVYA_GENERATION_STATUS_SUCCEEDED, JOB_TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (rd_job_get_local_path (job) != NULL, JOB_TIMEOUT_MS);
  g_assert_cmpint (rd_job_get_elapsed (job), >=, 3);
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 0);

  rd_server_supervisor_stop (supervisor);
}

int
main (int   argc,
      char *argv[])
{
  if (!rd_test_init_display (&argc, &argv))
    return 77;
  /* The page is built for Adwaita's stylesheet (boxed lists, sizes). */
  adw_init ();

  g_test_add_func ("/jobs-page/empty", test_jobs_page_empty);
  g_test_add_func ("/jobs-page/real", test_jobs_page_real);
  g_test_add_func ("/jobs-page/resume", test_jobs_page_resume);

  return g_test_run ();
}
