/* test-faults.c
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

/* The app when things go wrong underneath it, with real processes on
 * loopback: a server killed while jobs run and started again, a server
 * that cannot be reached for a while, a cache that cannot be written, and
 * a local server the supervisor gives up on. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/prctl.h>

#include "rd-job-store.h"
#include "rd-jobs-page.h"
#include "rd-server-supervisor.h"
#include "rd-session.h"
#include "rd-test-utils.h"
#include "rd-window.h"

#define START_TIMEOUT_MS 30000
#define JOB_TIMEOUT_MS   60000

/* ---- A rivya-server of our own, so that it can be killed and started
 *      again on the same port and data directory ---- */

typedef struct
{
  char        *data_dir;
  char        *url;
  char        *key;
  guint16      port;
  GSubprocess *process;
} Server;

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
server_spawn (Server     *server,
              const char *latency_ms)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", server->port);
  const char *argv[] = {
    g_getenv ("RIVYA_SERVER"), "serve", "--data-dir", server->data_dir, "--listen", listen,
    "--bootstrap", "--job-latency", latency_ms, NULL
  };
  g_autofree char *url = NULL;

  g_assert_nonnull (argv[0]);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  /* Blocking reads are fine: the server prints these lines at once. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  while (url == NULL)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      const char *space;

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("rivya-server exited before it listened on %s", listen);
      if (g_str_has_prefix (line, "Listening on "))
        url = g_strdup (line + strlen ("Listening on "));
      else if (g_str_has_prefix (line, "Local API key") && (space = strrchr (line, ' ')) != NULL)
        {
          g_free (server->key);
          server->key = g_strdup (space + 1);
        }
    }

  if (server->url == NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);

      g_assert_no_error (error);
      server->port = g_uri_get_port (uri);
      server->url = g_steal_pointer (&url);
    }
  else
    /* Started again: the same address, so the app's jobs are its own. */
    g_assert_cmpstr (url, ==, server->url);
  /* The key is in the data directory from the first start on. */
  if (server->key == NULL)
    {
      g_autofree char *path = g_build_filename (server->data_dir, "local-api-key", NULL);

      g_file_get_contents (path, &server->key, NULL, &error);
      g_assert_no_error (error);
      g_strstrip (server->key);
    }
}

static Server *
server_start (const char *latency_ms)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr(GError) error = NULL;

  server->data_dir = g_dir_make_tmp ("rivya-faults-XXXXXX", &error);
  g_assert_no_error (error);
  server_spawn (server, latency_ms);
  return server;
}

static void
server_signal (Server *server,
               int     sig)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (server->process, sig);
  g_subprocess_wait (server->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&server->process);
}

static void
server_free (Server *server)
{
  if (server->process != NULL)
    server_signal (server, SIGKILL);
  g_free (server->data_dir);
  g_free (server->url);
  g_free (server->key);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Server, server_free)

/* ---- A loopback relay in front of a server, to take the network away
 *      while the server itself goes on ---- */

typedef struct
{
  GSocketService *service;
  guint16         port;
  guint16         target;
  GPtrArray      *streams;
  gboolean        up;
} Relay;

static void
splice_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_io_stream_splice_finish (result, NULL);
}

static gboolean
relay_incoming_cb (GSocketService    *service,
                   GSocketConnection *connection,
                   GObject           *source,
                   Relay             *relay)
{
  g_autoptr(GSocketClient) client = NULL;
  g_autoptr(GSocketConnection) upstream = NULL;

  /* Down: the connection is closed unanswered, as a dead link does. */
  if (!relay->up)
    {
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }

  client = g_socket_client_new ();
  upstream = g_socket_client_connect_to_host (client, "127.0.0.1", relay->target, NULL, NULL);
  if (upstream == NULL)
    {
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;
    }
  g_ptr_array_add (relay->streams, g_object_ref (connection));
  g_ptr_array_add (relay->streams, g_object_ref (upstream));
  g_io_stream_splice_async (G_IO_STREAM (connection), G_IO_STREAM (upstream),
                            G_IO_STREAM_SPLICE_CLOSE_STREAM1 | G_IO_STREAM_SPLICE_CLOSE_STREAM2,
                            G_PRIORITY_DEFAULT, NULL, splice_cb, NULL);
  return TRUE;
}

static Relay *
relay_new (guint16 target)
{
  Relay *relay = g_new0 (Relay, 1);
  g_autoptr(GError) error = NULL;

  relay->service = g_socket_service_new ();
  relay->target = target;
  relay->up = TRUE;
  relay->streams = g_ptr_array_new_with_free_func (g_object_unref);
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
    g_autoptr(GSocketAddress) effective = NULL;

    g_socket_listener_add_address (G_SOCKET_LISTENER (relay->service), address, G_SOCKET_TYPE_STREAM,
                                   G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
    g_assert_no_error (error);
    relay->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  }
  g_signal_connect (relay->service, "incoming", G_CALLBACK (relay_incoming_cb), relay);
  g_socket_service_start (relay->service);
  return relay;
}

static void
relay_set_up (Relay    *relay,
              gboolean  up)
{
  relay->up = up;
  if (!up)
    {
      /* Kept-alive connections die with the link too. */
      for (guint i = 0; i < relay->streams->len; i++)
        g_io_stream_close (g_ptr_array_index (relay->streams, i), NULL, NULL);
      g_ptr_array_set_size (relay->streams, 0);
    }
}

static void
relay_free (Relay *relay)
{
  relay_set_up (relay, FALSE);
  g_socket_service_stop (relay->service);
  g_socket_listener_close (G_SOCKET_LISTENER (relay->service));
  g_clear_object (&relay->service);
  g_ptr_array_unref (relay->streams);
  g_free (relay);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Relay, relay_free)

/* ---- The app's side ---- */

static RdJobStore *
open_store (void)
{
  RdJobStore *store = rd_job_store_new (NULL);

  RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (store), 10000);
  return store;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Submits as the Create page does, and hands it to the store. */
static RdJob *
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
  return rd_job_store_lookup (store, rivya_generation_get_id (generation));
}

static int
history_rows (void)
{
  g_autofree char *path = rd_job_store_get_default_path ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rows = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT COUNT(*), COUNT(DISTINCT task_id) FROM jobs", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  rows = sqlite3_column_int (stmt, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, rows);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return rows;
}

static GtkWindow *
show_page (RdJobsPage *page)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1280, 800);
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
  const char *dir = g_getenv ("RD_SCREENSHOT_DIR");
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

static guint64
transport_errors (RivyaPoller *poller)
{
  guint64 errors = 0;

  g_object_get (poller, "transport-errors", &errors, NULL);
  return errors;
}

static void
error_time_cb (GArray *times)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (times, now);
}

static gboolean
label_shown (GtkWidget  *root,
             const char *part)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), part) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_shown (child, part))
      return TRUE;
  return FALSE;
}

/* 1. Killed while three jobs run, started again on the same port and
 * data: the server fails and refunds them at start, and the app shows
 * each failed with the server's reason, once, in this run and the next. */
static void
test_faults_server_killed (void)
{
  g_autoptr(Server) server = server_start ("20000");
  g_autoptr(RivyaClient) client = rivya_client_new (server->url, server->key);
  g_autoptr(RdJobStore) store = open_store ();
  g_autoptr(RdJobStore) reopened = NULL;
  g_autofree char *ids[3] = { NULL };

  rd_job_store_set_client (store, client);
  rivya_poller_set_time_scale (rd_job_store_get_poller (store), 0.1);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *prompt = g_strdup_printf ("A lighthouse in a storm, take %u", i);
      RdJob *job = submit (store, client, prompt);

      g_assert_nonnull (job);
      ids[i] = g_strdup (rd_job_get_task_id (job));
    }
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 3);
  g_assert_false (rd_job_store_get_offline (store));

  server_signal (server, SIGKILL);
  /* The next poll gets no answer: the store says so, the jobs wait. */
  RD_TEST_WAIT_UNTIL (rd_job_store_get_offline (store), JOB_TIMEOUT_MS);
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_false (rd_job_is_finished (rd_job_store_lookup (store, ids[i])));

  server_spawn (server, "20000");
  RD_TEST_WAIT_UNTIL (rd_job_store_get_n_running (store) == 0, JOB_TIMEOUT_MS);
  g_assert_false (rd_job_store_get_offline (store));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      RdJob *job = rd_job_store_lookup (store, ids[i]);

      g_assert_cmpint (rd_job_get_status (job), ==, RIVYA_GENERATION_STATUS_FAILED);
      g_assert_nonnull (rd_job_get_error_code (job));
      g_assert_nonnull (strstr (rd_job_get_error_message (job), "server stopped"));
      /* Refunded: nothing charged. */
      g_assert_cmpint (rd_job_get_final_credits (job), ==, 0);
      g_assert_cmpint (rd_job_get_finished_at (job), >=, rd_job_get_created_at (job));
      g_test_message ("%s: %s (%s), request %s", ids[i], rd_job_get_error_message (job),
                      rd_job_get_error_code (job),
                      rd_job_get_request_id (job) ? rd_job_get_request_id (job) : "none (the job's own error)");
    }

  /* Nothing lost or doubled, in the model and on disk. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_cmpint (history_rows (), ==, 3);

  /* The next start of the app reads the same. */
  g_clear_object (&store);
  reopened = open_store ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 3);
  g_assert_cmpuint (rd_job_store_get_n_running (reopened), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      RdJob *job = rd_job_store_lookup (reopened, ids[i]);

      g_assert_nonnull (job);
      g_assert_cmpint (rd_job_get_status (job), ==, RIVYA_GENERATION_STATUS_FAILED);
      g_assert_nonnull (strstr (rd_job_get_error_message (job), "server stopped"));
    }
  rd_job_store_set_client (reopened, client);
  rd_test_wait_ms (500);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reopened)), ==, 3);
  g_assert_cmpint (history_rows (), ==, 3);
}

/* 2. The link to the server goes away while a job runs: the poller backs
 * off, the Jobs page says the server cannot be reached, and when the
 * link is back the job finishes and the notice goes, with no restart. */
static void
test_faults_offline (void)
{
  g_autoptr(Server) server = server_start ("3000");
  g_autoptr(Relay) relay = relay_new (server->port);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", relay->port);
  g_autoptr(RivyaClient) client = rivya_client_new (url, server->key);
  g_autoptr(RdJobStore) store = open_store ();
  RdJobsPage *page = g_object_new (RD_TYPE_JOBS_PAGE, "store", store, NULL);
  GtkWindow *window = show_page (page);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  RivyaPoller *poller;
  RdJob *job;

  rd_job_store_set_client (store, client);
  poller = rd_job_store_get_poller (store);
  /* Real time: on a busy machine, shorter waits drown in its delays. */
  g_signal_connect_swapped (poller, "notify::transport-errors", G_CALLBACK (error_time_cb), times);
  job = submit (store, client, "A kite over the dunes at noon");
  g_assert_false (label_shown (GTK_WIDGET (window), "Cannot reach the server"));

  relay_set_up (relay, FALSE);
  RD_TEST_WAIT_UNTIL (rd_job_store_get_offline (store), JOB_TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (label_shown (GTK_WIDGET (window), "Cannot reach the server"), 5000);
  g_assert_true (label_shown (GTK_WIDGET (window), url));
  g_assert_false (rd_job_is_finished (job));

  /* Backing off: each failed attempt waits about twice as long as the
   * one before (1 s, 2 s, 4 s…, ±10 %). */
  RD_TEST_WAIT_UNTIL (times->len >= 4, JOB_TIMEOUT_MS);
  for (guint i = 2; i < times->len; i++)
    {
      gint64 before = g_array_index (times, gint64, i - 1) - g_array_index (times, gint64, i - 2);
      gint64 gap = g_array_index (times, gint64, i) - g_array_index (times, gint64, i - 1);

      g_test_message ("transport error %u after %" G_GINT64_FORMAT " ms", i, gap / 1000);
      g_assert_cmpint (gap, >, before * 13 / 10);
    }
  g_assert_cmpuint (transport_errors (poller), ==, times->len);
  g_assert_true (rd_job_store_get_offline (store));
  g_assert_false (rd_job_is_finished (job));
  screenshot (window, "jobs-page-offline-1280x800.png", 1280, 800);
  screenshot (window, "jobs-page-offline-400x800.png", 400, 800);

  relay_set_up (relay, TRUE);
  RD_TEST_WAIT_UNTIL (rd_job_get_status (job) == RIVYA_GENERATION_STATUS_SUCCEEDED, JOB_TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (!rd_job_store_get_offline (store), 5000);
  RD_TEST_WAIT_UNTIL (!label_shown (GTK_WIDGET (window), "Cannot reach the server"), 5000);
  g_assert_cmpint (rd_job_get_final_credits (job), >, 0);
  g_assert_cmpint (history_rows (), ==, 1);

  gtk_window_destroy (window);
}

/* 3. The result cannot be written to the cache (root ignores
 * permissions, so a file stands where the folder should be): the job
 * says so in its row and details, and Retry Download works once the way
 * is clear. */
static void
test_faults_download (void)
{
  g_autoptr(Server) server = server_start ("0");
  g_autoptr(RivyaClient) client = rivya_client_new (server->url, server->key);
  g_autoptr(RdJobStore) store = open_store ();
  g_autofree char *blocker = g_build_filename (g_get_user_cache_dir (), "rivya-desktop", NULL);
  g_autoptr(GError) error = NULL;
  RdJobsPage *page = g_object_new (RD_TYPE_JOBS_PAGE, "store", store, NULL);
  GtkWindow *window = show_page (page);
  RdJob *job;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (blocker, "not a folder", -1, &error);
  g_assert_no_error (error);

  rd_job_store_set_client (store, client);
  rivya_poller_set_time_scale (rd_job_store_get_poller (store), 0.1);
  job = submit (store, client, "A red fox in the snow");
  RD_TEST_WAIT_UNTIL (rd_job_get_status (job) == RIVYA_GENERATION_STATUS_SUCCEEDED, JOB_TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (rd_job_get_download_error (job) != NULL, JOB_TIMEOUT_MS);
  g_test_message ("download error: %s", rd_job_get_download_error (job));
  g_assert_null (rd_job_get_local_path (job));
  RD_TEST_WAIT_UNTIL (label_shown (GTK_WIDGET (window), "Could not save the result"), 5000);
  g_assert_true (label_shown (GTK_WIDGET (window), rd_job_get_download_error (job)));
  g_assert_true (label_shown (GTK_WIDGET (window), "Retry Download"));
  screenshot (window, "jobs-page-download-error-1280x800.png", 1280, 800);
  screenshot (window, "jobs-page-download-error-400x800.png", 400, 800);

  /* The way is clear again: Retry. */
  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "job.retry-download", NULL));
  RD_TEST_WAIT_UNTIL (rd_job_get_local_path (job) != NULL, JOB_TIMEOUT_MS);
  g_assert_null (rd_job_get_download_error (job));
  g_assert_true (g_file_test (rd_job_get_local_path (job), G_FILE_TEST_IS_REGULAR));
  RD_TEST_WAIT_UNTIL (!label_shown (GTK_WIDGET (window), "Could not save the result"), 5000);

  gtk_window_destroy (window);
}

/* 4. The local server keeps dying and the supervisor gives up: the
 * window says so, and the app does not fail the jobs on its own. */
static void
test_faults_gave_up (void)
{
  g_autofree char *script = rd_test_write_script ("flaky-server",
                                                  "exec \"$RIVYA_SERVER\" \"$@\" --job-latency 20000");
  g_autoptr(RdServerSupervisor) supervisor = g_object_new (RD_TYPE_SERVER_SUPERVISOR,
                                                           "program", script,
                                                           NULL);
  g_autoptr(RdSession) session = rd_session_new ();
  g_autoptr(RdJobStore) store = open_store ();
  RdJobsPage *page = g_object_new (RD_TYPE_JOBS_PAGE, "store", store, NULL);
  GtkWindow *jobs_window = show_page (page);
  RdWindow *window = g_object_new (RD_TYPE_WINDOW, "supervisor", supervisor, NULL);
  g_autofree char *url = NULL;
  RdJob *first;
  RdJob *job;

  rd_session_use_local (session, supervisor);
  rd_server_supervisor_start (supervisor);
  RD_TEST_WAIT_UNTIL (rd_session_get_client (session) != NULL, START_TIMEOUT_MS);
  rd_job_store_set_client (store, rd_session_get_client (session));
  rivya_poller_set_time_scale (rd_job_store_get_poller (store), 0.1);
  url = g_strdup (rd_server_supervisor_get_url (supervisor));

  /* One crash: restarted where it was, the job is followed on and the
   * new server settles it (failed and refunded, with its reason). */
  first = submit (store, rd_session_get_client (session), "A lantern in the fog");
  kill (rd_server_supervisor_get_pid (supervisor), SIGKILL);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) != RD_SERVER_STATE_RUNNING, START_TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (rd_session_get_client (session) != NULL, START_TIMEOUT_MS);
  g_assert_cmpstr (rd_server_supervisor_get_url (supervisor), ==, url);
  rd_job_store_set_client (store, rd_session_get_client (session));
  rivya_poller_set_time_scale (rd_job_store_get_poller (store), 0.1);
  RD_TEST_WAIT_UNTIL (rd_job_is_finished (first), JOB_TIMEOUT_MS);
  g_assert_nonnull (strstr (rd_job_get_error_message (first), "server stopped"));

  job = submit (store, rd_session_get_client (session), "A slow boat on a quiet river");

  /* From now on it dies at once, every time. */
  g_free (rd_test_write_script ("flaky-server", "echo 'rivya-server: the disk is gone' >&2\nexit 1"));
  kill (rd_server_supervisor_get_pid (supervisor), SIGKILL);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_FAILED, JOB_TIMEOUT_MS);
  /* The application follows the session's client, as it does. */
  rd_job_store_set_client (store, rd_session_get_client (session));
  g_assert_null (rd_job_store_get_client (store));

  g_test_message ("window: %s", rd_window_get_connection_status (window));
  g_assert_true (g_str_has_prefix (rd_window_get_connection_status (window), "Not connected"));
  g_assert_nonnull (strstr (rd_window_get_connection_status (window), "keeps stopping"));
  g_assert_true (rd_job_store_get_offline (store));
  RD_TEST_WAIT_UNTIL (label_shown (GTK_WIDGET (jobs_window), "Not connected to a server"), 5000);

  /* Not failed by the app: it waits for a server to say. */
  rd_test_wait_ms (2000);
  g_assert_false (rd_job_is_finished (job));
  g_assert_cmpuint (rd_job_store_get_n_running (store), ==, 1);
  g_assert_null (rd_job_get_error_code (job));
  g_assert_cmpint (history_rows (), ==, 2);
  screenshot (jobs_window, "jobs-page-not-connected-1280x800.png", 1280, 800);
  screenshot (jobs_window, "jobs-page-not-connected-400x800.png", 400, 800);

  /* Retry (win.refresh) once the server can run again: it listens where
   * it did, so the job is the new server's to settle, and it does, with
   * its reason (it failed and refunded what the killed one left). */
  g_free (rd_test_write_script ("flaky-server", "exec \"$RIVYA_SERVER\" \"$@\" --job-latency 20000"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL);
  RD_TEST_WAIT_UNTIL (rd_session_get_client (session) != NULL, START_TIMEOUT_MS);
  g_assert_cmpstr (rd_server_supervisor_get_url (supervisor), ==, url);
  rd_job_store_set_client (store, rd_session_get_client (session));
  rivya_poller_set_time_scale (rd_job_store_get_poller (store), 0.1);
  RD_TEST_WAIT_UNTIL (rd_job_is_finished (job), JOB_TIMEOUT_MS);
  g_assert_cmpint (rd_job_get_status (job), ==, RIVYA_GENERATION_STATUS_FAILED);
  g_assert_nonnull (strstr (rd_job_get_error_message (job), "server stopped"));
  g_assert_false (rd_job_store_get_offline (store));
  RD_TEST_WAIT_UNTIL (!label_shown (GTK_WIDGET (jobs_window), "Not connected to a server"), 5000);
  g_assert_cmpint (history_rows (), ==, 2);
  rd_server_supervisor_stop (supervisor);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (jobs_window);
}

int
main (int   argc,
      char *argv[])
{
  if (!rd_test_init_display (&argc, &argv))
    return 77;
  adw_init ();

  g_test_add_func ("/faults/server-killed", test_faults_server_killed);
  g_test_add_func ("/faults/offline", test_faults_offline);
  g_test_add_func ("/faults/download", test_faults_download);
  g_test_add_func ("/faults/gave-up", test_faults_gave_up);

  return g_test_run ();
}
