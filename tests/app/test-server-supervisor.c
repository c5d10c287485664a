/* test-server-supervisor.c
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

#include <signal.h>

#include "rd-server-supervisor.h"
#include "rd-test-utils.h"

#define START_TIMEOUT_MS 30000

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
assert_stopped (RdServerSupervisor *supervisor)
{
  g_assert_cmpint (rd_server_supervisor_get_state (supervisor), ==, RD_SERVER_STATE_STOPPED);
  g_assert_null (rd_server_supervisor_get_url (supervisor));
  g_assert_null (rd_server_supervisor_get_api_key (supervisor));
  g_assert_cmpint (rd_server_supervisor_get_pid (supervisor), ==, 0);
}

/* Starts the real server with its data under the isolated XDG data dir,
 * talks to it, and stops it with nothing left behind. */
static void
test_supervisor_start_stop (void)
{
  g_autoptr(RdServerSupervisor) supervisor = rd_server_supervisor_new (NULL);
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "rivya-desktop", "server", NULL);
  g_autofree char *key_path = g_build_filename (data_dir, "local-api-key", NULL);
  g_autofree char *key_file = NULL;
  guint state_changes = 0;
  gint64 balance = -1;
  GPid pid;

  g_assert_null (rd_server_supervisor_get_data_dir (supervisor));
  assert_stopped (supervisor);
  g_signal_connect (supervisor, "notify::state", G_CALLBACK (notify_count_cb), &state_changes);

  rd_server_supervisor_start (supervisor);
  g_assert_cmpint (rd_server_supervisor_get_state (supervisor), ==, RD_SERVER_STATE_STARTING);
  g_assert_cmpstr (rd_server_supervisor_get_data_dir (supervisor), ==, data_dir);
  g_assert_cmpstr (rd_server_supervisor_get_program (supervisor), ==, g_getenv ("RIVYA_SERVER"));
  pid = rd_server_supervisor_get_pid (supervisor);
  g_assert_cmpint (pid, >, 0);
  g_assert_true (rd_test_pid_alive (pid));

  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_RUNNING,
                      START_TIMEOUT_MS);
  g_assert_cmpuint (state_changes, ==, 2);
  g_assert_true (g_str_has_prefix (rd_server_supervisor_get_url (supervisor), "http://127.0.0.1:"));
  g_assert_true (g_str_has_prefix (rd_server_supervisor_get_api_key (supervisor), "rvya_sk_"));
  g_assert_null (rd_server_supervisor_get_error_message (supervisor));

  /* The key is the bootstrapped one, from the 0600 file. */
  g_assert_true (g_file_get_contents (key_path, &key_file, NULL, NULL));
  g_assert_cmpstr (g_strstrip (key_file), ==, rd_server_supervisor_get_api_key (supervisor));

  g_assert_cmpuint (rd_test_get_credits (rd_server_supervisor_get_url (supervisor),
                                         rd_server_supervisor_get_api_key (supervisor),
                                         &balance), ==, 200);
  g_assert_cmpint (balance, ==, 1000);

  /* Starting again while it runs changes nothing. */
  rd_server_supervisor_start (supervisor);
  g_assert_cmpint (rd_server_supervisor_get_pid (supervisor), ==, pid);

  rd_server_supervisor_stop (supervisor);
  assert_stopped (supervisor);
  g_assert_false (rd_test_pid_alive (pid));
}

/* The next run of the app finds its server at the same address, so the
 * jobs and chats it remembers by that address carry on; when another
 * program holds the port, any port will do. */
static void
test_supervisor_same_port (void)
{
  g_autoptr(RdServerSupervisor) first = rd_server_supervisor_new (NULL);
  g_autoptr(RdServerSupervisor) second = rd_server_supervisor_new (NULL);
  g_autoptr(RdServerSupervisor) third = rd_server_supervisor_new (NULL);
  g_autoptr(GSocketListener) squatter = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;

  rd_server_supervisor_start (first);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (first) == RD_SERVER_STATE_RUNNING, START_TIMEOUT_MS);
  url = g_strdup (rd_server_supervisor_get_url (first));
  rd_server_supervisor_stop (first);

  rd_server_supervisor_start (second);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (second) == RD_SERVER_STATE_RUNNING, START_TIMEOUT_MS);
  g_assert_cmpstr (rd_server_supervisor_get_url (second), ==, url);
  rd_server_supervisor_stop (second);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, g_uri_get_port (uri));

    g_socket_listener_add_address (squatter, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                   NULL, NULL, &error);
    g_assert_no_error (error);
  }
  rd_server_supervisor_start (third);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (third) == RD_SERVER_STATE_RUNNING, START_TIMEOUT_MS);
  g_assert_cmpstr (rd_server_supervisor_get_url (third), !=, url);
  rd_server_supervisor_stop (third);
}

/* A server that dies is restarted, on a new port, with the same key;
 * the supervisor says so once. */
static void
test_supervisor_restart (void)
{
  g_autoptr(RdServerSupervisor) supervisor = rd_server_supervisor_new (NULL);
  g_autofree char *old_url = NULL;
  g_autofree char *old_key = NULL;
  guint restarted = 0;
  gint64 balance = -1;
  GPid old_pid, new_pid;

  g_signal_connect (supervisor, "restarted", G_CALLBACK (count_cb), &restarted);
  rd_server_supervisor_start (supervisor);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_RUNNING,
                      START_TIMEOUT_MS);
  g_assert_cmpuint (restarted, ==, 0);
  old_pid = rd_server_supervisor_get_pid (supervisor);
  old_url = g_strdup (rd_server_supervisor_get_url (supervisor));
  old_key = g_strdup (rd_server_supervisor_get_api_key (supervisor));

  g_assert_cmpint (kill (old_pid, SIGKILL), ==, 0);
  RD_TEST_WAIT_UNTIL (restarted == 1, START_TIMEOUT_MS);

  g_assert_cmpint (rd_server_supervisor_get_state (supervisor), ==, RD_SERVER_STATE_RUNNING);
  new_pid = rd_server_supervisor_get_pid (supervisor);
  g_assert_cmpint (new_pid, >, 0);
  g_assert_cmpint (new_pid, !=, old_pid);
  g_assert_false (rd_test_pid_alive (old_pid));
  g_assert_cmpstr (rd_server_supervisor_get_api_key (supervisor), ==, old_key);
  g_test_message ("restarted: %s -> %s", old_url, rd_server_supervisor_get_url (supervisor));

  g_assert_cmpuint (rd_test_get_credits (rd_server_supervisor_get_url (supervisor),
                                         rd_server_supervisor_get_api_key (supervisor),
                                         &balance), ==, 200);
  g_assert_cmpint (balance, ==, 1000);
  if (g_strcmp0 (old_url, rd_server_supervisor_get_url (supervisor)) != 0)
    g_assert_cmpuint (rd_test_get_credits (old_url, old_key, NULL), ==, 0);

  rd_server_supervisor_stop (supervisor);
  g_assert_false (rd_test_pid_alive (new_pid));
  g_assert_cmpuint (restarted, ==, 1);
}

/* A server that cannot stay up is retried with growing pauses, then
 * given up on with the reason it gave. */
static void
test_supervisor_gives_up (void)
{
  g_autofree char *script = rd_test_write_script ("failing-server",
                                                  "echo 'rivya-server: the disk is on fire' >&2\n"
                                                  "exit 3");
  g_autoptr(RdServerSupervisor) supervisor = g_object_new (RD_TYPE_SERVER_SUPERVISOR,
                                                           "program", script,
                                                           NULL);
  guint starting = 0;
  gint64 started = g_get_monotonic_time ();
  const char *message;

  rd_server_supervisor_start (supervisor);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_FAILED, 20000);

  message = rd_server_supervisor_get_error_message (supervisor);
  g_test_message ("gave up after %.1f s: %s",
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC, message);
  g_assert_nonnull (strstr (message, "keeps stopping"));
  g_assert_nonnull (strstr (message, "status 3"));
  g_assert_nonnull (strstr (message, "the disk is on fire"));
  /* Back-off: 0.25 + 0.5 + 1 + 2 s between the five tries. */
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 3 * G_USEC_PER_SEC);
  g_assert_null (rd_server_supervisor_get_url (supervisor));
  g_assert_cmpint (rd_server_supervisor_get_pid (supervisor), ==, 0);

  /* Starting again tries afresh. */
  g_signal_connect (supervisor, "notify::state", G_CALLBACK (notify_count_cb), &starting);
  rd_server_supervisor_start (supervisor);
  g_assert_cmpint (rd_server_supervisor_get_state (supervisor), ==, RD_SERVER_STATE_STARTING);
  g_assert_null (rd_server_supervisor_get_error_message (supervisor));
  rd_server_supervisor_stop (supervisor);
  assert_stopped (supervisor);
}

/* A server that never says it is ready is killed after the timeout. */
static void
test_supervisor_ready_timeout (void)
{
  g_autofree char *script = rd_test_write_script ("silent-server", "exec sleep 60");
  g_autoptr(RdServerSupervisor) supervisor = g_object_new (RD_TYPE_SERVER_SUPERVISOR,
                                                           "program", script,
                                                           "ready-timeout", 300,
                                                           NULL);
  GPid first;

  rd_server_supervisor_start (supervisor);
  first = rd_server_supervisor_get_pid (supervisor);
  g_assert_true (rd_test_pid_alive (first));

  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_FAILED, 20000);
  g_assert_nonnull (strstr (rd_server_supervisor_get_error_message (supervisor),
                            "did not start listening"));
  g_assert_false (rd_test_pid_alive (first));
}

static void
test_supervisor_missing_program (void)
{
  g_autoptr(RdServerSupervisor) supervisor = g_object_new (RD_TYPE_SERVER_SUPERVISOR,
                                                           "program", "/nonexistent/rivya-server",
                                                           NULL);

  rd_server_supervisor_start (supervisor);
  g_assert_cmpint (rd_server_supervisor_get_state (supervisor), ==, RD_SERVER_STATE_FAILED);
  g_assert_nonnull (strstr (rd_server_supervisor_get_error_message (supervisor),
                            "Could not start rivya-server"));
}

/* Dropping the supervisor stops its server too. */
static void
test_supervisor_dispose_stops (void)
{
  RdServerSupervisor *supervisor = rd_server_supervisor_new (NULL);
  GPid pid;

  rd_server_supervisor_start (supervisor);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_RUNNING,
                      START_TIMEOUT_MS);
  pid = rd_server_supervisor_get_pid (supervisor);
  g_assert_true (rd_test_pid_alive (pid));

  g_assert_finalize_object (supervisor);
  g_assert_false (rd_test_pid_alive (pid));
}

static void
test_supervisor_find_program (void)
{
  g_autofree char *env = g_strdup (g_getenv ("RIVYA_SERVER"));
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;

  found = rd_server_supervisor_find_program (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, env);
  g_clear_pointer (&found, g_free);

  /* This test runs from the build tree, so without RIVYA_SERVER it gets
   * the server built there. */
  g_unsetenv ("RIVYA_SERVER");
  found = rd_server_supervisor_find_program (&error);
  g_setenv ("RIVYA_SERVER", env, TRUE);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, RD_BUILD_SERVER);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("RIVYA_SERVER") == NULL)
    g_error ("RIVYA_SERVER must name the rivya-server binary (meson sets it)");

  g_test_add_func ("/supervisor/start-stop", test_supervisor_start_stop);
  g_test_add_func ("/supervisor/same-port", test_supervisor_same_port);
  g_test_add_func ("/supervisor/restart", test_supervisor_restart);
  g_test_add_func ("/supervisor/gives-up", test_supervisor_gives_up);
  g_test_add_func ("/supervisor/ready-timeout", test_supervisor_ready_timeout);
  g_test_add_func ("/supervisor/missing-program", test_supervisor_missing_program);
  g_test_add_func ("/supervisor/dispose-stops", test_supervisor_dispose_stops);
  g_test_add_func ("/supervisor/find-program", test_supervisor_find_program);

  return g_test_run ();
}
