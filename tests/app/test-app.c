/* test-app.c
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

#include "rd-test-utils.h"

/* The real rivya-desktop binary, started as the desktop would start it,
 * on a private session bus and with the test's isolated XDG dirs: it
 * runs its server, stays single, and never leaves the server behind. */

#define TIMEOUT_MS 30000

static GTestDBus *bus;
static char **system_data_dirs;

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *stderr_stream;
  GPid              pid;
  gint64            spawned_at;
  gint64            first_frame_at;
  gboolean          exited;
} App;

static void
stderr_line_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  App *app = user_data;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, NULL);
  if (line == NULL)
    return;

  if (g_str_equal (line, "rivya-desktop: first frame") && app->first_frame_at == 0)
    app->first_frame_at = g_get_monotonic_time ();
  g_printerr ("# app: %s\n", line);

  g_data_input_stream_read_line_async (app->stderr_stream, G_PRIORITY_DEFAULT, NULL,
                                       stderr_line_cb, app);
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  App *app = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  app->exited = TRUE;
}

static GSubprocessLauncher *
new_launcher (GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);
  g_autofree char *data_dirs = g_strjoinv (":", system_data_dirs);

  /* The app gets the test's isolated user dirs (so its server data goes
   * there; GLib keeps them from the environment, hence spelled out) but
   * the real system dirs: GTK needs the MIME database and the icon
   * themes to start without warnings. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", g_get_user_state_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", data_dirs, TRUE);
  return launcher;
}

static App *
app_spawn (void)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  App *app = g_new0 (App, 1);

  g_subprocess_launcher_setenv (launcher, "RIVYA_DESKTOP_REPORT_FIRST_FRAME", "1", TRUE);
  app->spawned_at = g_get_monotonic_time ();
  app->process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RIVYA_DESKTOP"), NULL);
  g_assert_no_error (error);
  app->pid = atoi (g_subprocess_get_identifier (app->process));
  app->stderr_stream = g_data_input_stream_new (g_subprocess_get_stderr_pipe (app->process));
  g_data_input_stream_read_line_async (app->stderr_stream, G_PRIORITY_DEFAULT, NULL,
                                       stderr_line_cb, app);
  g_subprocess_wait_async (app->process, NULL, wait_cb, app);

  return app;
}

static void
app_free (App *app)
{
  if (!app->exited)
    {
      g_subprocess_force_exit (app->process);
      RD_TEST_WAIT_UNTIL (app->exited, TIMEOUT_MS);
    }
  g_clear_object (&app->stderr_stream);
  g_clear_object (&app->process);
  g_free (app);
}

/* The app's server, once it is up (its bootstrapped key file exists). */
static GPid
app_wait_server (App *app)
{
  g_autofree char *key_path = g_build_filename (g_get_user_data_dir (), "rivya-desktop", "server",
                                                "local-api-key", NULL);
  GPid server = 0;

  RD_TEST_WAIT_UNTIL (app->exited || (server = rd_test_find_child (app->pid, "rivya-server")) != 0,
                      TIMEOUT_MS);
  g_assert_false (app->exited);
  RD_TEST_WAIT_UNTIL (g_file_test (key_path, G_FILE_TEST_EXISTS), TIMEOUT_MS);
  g_assert_true (rd_test_pid_alive (server));

  return server;
}

static void
app_wait_exit (App *app)
{
  RD_TEST_WAIT_UNTIL (app->exited, TIMEOUT_MS);
  g_assert_true (g_subprocess_get_if_exited (app->process));
  g_assert_cmpint (g_subprocess_get_exit_status (app->process), ==, 0);
}

static void
test_app_version (void)
{
  g_autoptr(GSubprocessLauncher) launcher = new_launcher (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("RIVYA_DESKTOP"), "--version", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
activate_action (const char *action)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strconcat ("/", APP_ID, NULL);

  g_strdelimit (path, ".", '/');
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, APP_ID, path,
                                       "org.freedesktop.Application", "ActivateAction",
                                       g_variant_new ("(sava{sv})", action, NULL, NULL),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
}

/* Launched with no account: a window, a server; a second launch only
 * presents the first; app.quit over D-Bus stops the server. */
static void
test_app_quit_stops_server (void)
{
  App *app = app_spawn ();
  g_autofree char *proc_dir = NULL;
  App *second;
  GPid server;

  RD_TEST_WAIT_UNTIL (app->exited || app->first_frame_at != 0, TIMEOUT_MS);
  g_assert_false (app->exited);
  g_test_message ("first frame %.0f ms after exec",
                  (app->first_frame_at - app->spawned_at) / 1000.0);
  server = app_wait_server (app);

  second = app_spawn ();
  app_wait_exit (second);
  g_assert_cmpint (second->first_frame_at, ==, 0);
  g_assert_cmpint (rd_test_find_child (second->pid, "rivya-server"), ==, 0);
  g_assert_cmpint (rd_test_find_child (app->pid, "rivya-server"), ==, server);
  g_assert_false (app->exited);
  app_free (second);

  activate_action ("quit");
  app_wait_exit (app);
  g_assert_false (rd_test_pid_alive (server));
  proc_dir = g_strdup_printf ("/proc/%d", server);
  g_assert_false (g_file_test (proc_dir, G_FILE_TEST_EXISTS));
  app_free (app);
}

static void
test_app_sigterm_stops_server (void)
{
  App *app = app_spawn ();
  GPid server = app_wait_server (app);

  g_assert_cmpint (kill (app->pid, SIGTERM), ==, 0);
  app_wait_exit (app);
  g_assert_false (rd_test_pid_alive (server));
  app_free (app);
}

/* A crashed app cannot stop its server: the kernel does (PDEATHSIG). */
static void
test_app_crash_leaves_no_orphan (void)
{
  App *app = app_spawn ();
  GPid server = app_wait_server (app);

  g_assert_cmpint (kill (app->pid, SIGKILL), ==, 0);
  RD_TEST_WAIT_UNTIL (app->exited, TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (!rd_test_pid_alive (server), 10000);
  app_free (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  int status;

  if (display == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  if (!g_file_test ("/proc/self/stat", G_FILE_TEST_EXISTS))
    {
      g_print ("1..0 # SKIP no /proc to look for the server process in\n");
      return 0;
    }

  system_data_dirs = g_strdupv ((char **) g_get_system_data_dirs ());
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* A private session bus, for the app's uniqueness and its actions. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  g_test_add_func ("/app/version", test_app_version);
  g_test_add_func ("/app/quit-stops-server", test_app_quit_stops_server);
  g_test_add_func ("/app/sigterm-stops-server", test_app_sigterm_stops_server);
  g_test_add_func ("/app/crash-leaves-no-orphan", test_app_crash_leaves_no_orphan);

  status = g_test_run ();

  g_test_dbus_down (bus);
  g_clear_object (&bus);
  g_strfreev (system_data_dirs);

  return status;
}
