/* bench-startup.c
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

/* Time from exec to the first frame of the main window, for
 * rivya-desktop (with its catalog cache present and a history of 10 000
 * jobs), a bare libadwaita window (bench-bare-window) and GNOME Text
 * Editor, in the same run, RUNS times each (10 by default), in turn:
 *
 *   ninja -C _build tests/bench/bench-startup && \
 *     xvfb-run -a -s "-screen 0 1920x1200x24" _build/tests/bench/bench-startup [RUNS]
 *
 * One measure for all three, taken from outside: the X server reports
 * (XDamage) the first drawing by the new process into its mapped
 * top-level window (the report after the one for the background the
 * server fills in on map). rivya-desktop also says itself when its frame clock painted
 * its first frame (RIVYA_DESKTOP_REPORT_FIRST_FRAME), which the bench
 * prints beside, as a check of the outside measure.
 *
 * Every program gets the same fresh environment: a private session bus,
 * home and XDG dirs in a temporary directory, GSettings in memory, no
 * accessibility bus. One untimed run of each comes first: it fills the
 * system's file caches and leaves rivya-desktop its local server's data
 * and its catalog cache, as any start after the first has them. */

#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#include <glib/gstdio.h>

#include "rd-job-store.h"

#define N_JOBS 10000
#define RUN_TIMEOUT_US (60 * G_USEC_PER_SEC)
#define TEXT_EDITOR "/usr/bin/gnome-text-editor"
#define FIRST_FRAME_LINE "rivya-desktop: first frame\n"

typedef struct
{
  const char *name;
  const char *path;
  GArray     *external;  /* double, ms */
  GArray     *internal;  /* double, ms; rivya-desktop only */
  GArray     *mapped;    /* double, ms: the background fill on map */
} Program;

static Display *dpy;
static int damage_event;
static char **child_env;

static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  /* Windows come and go under the bench's feet; it only watches. */
  return 0;
}

/* The history, written through the app's own store (which makes the
 * schema) and then in one transaction, as bench-job-list does. */
static void
make_history (const char *path)
{
  RdJobStore *store = rd_job_store_new (path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  while (!rd_job_store_get_loaded (store))
    g_main_context_iteration (NULL, TRUE);
  g_object_unref (store);

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO jobs (task_id, base_url, model_id, model_name, category, prompt,"
                      " params, idempotency_key, status, reserved_credits, final_credits, result_url,"
                      " created_at, updated_at, finished_at) VALUES (?, 'http://127.0.0.1:9',"
                      " 'local-image', 'Local Image', 'image', ?, '{\"aspect_ratio\":\"16:9\"}',"
                      " ?, 'succeeded', 4, 4, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (guint i = 0; i < N_JOBS; i++)
    {
      g_autofree char *id = g_strdup_printf ("task_%020u", i);
      g_autofree char *prompt = g_strdup_printf ("A lighthouse on a cliff at dusk, number %u", i);
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:9/media/%s.png", id);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, prompt, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, url, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, 1700000000 + i);
      sqlite3_bind_int64 (stmt, 6, 1700000000 + i + 6);
      sqlite3_bind_int64 (stmt, 7, 1700000000 + i + 6);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
stop (GPid pid)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  int status;

  /* rivya-desktop stops its server on SIGTERM; the others just exit. */
  kill (pid, SIGTERM);
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          break;
        }
      g_usleep (10000);
    }
}

/* Starts @program and returns the milliseconds from exec to the first
 * drawing in its window (and, in @internal, to the first frame it
 * reported itself), or a negative number when it never drew. When
 * @wait_for is set, waits for that file to exist before stopping it. */
static double
run_once (Program    *program,
          double     *internal,
          const char *wait_for)
{
  g_autoptr(GHashTable) mapped = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program->path, NULL };
  gint64 start, deadline, painted = 0, reported = 0, first_damage = 0;
  int err_fd = -1;
  GPid pid;

  *internal = -1;
  while (XPending (dpy))
    {
      XEvent event;

      XNextEvent (dpy, &event);
    }

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, child_env,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, NULL, &err_fd, &error))
    g_error ("%s: %s", program->path, error->message);
  deadline = start + RUN_TIMEOUT_US;

  while ((painted == 0 || (program->internal != NULL && reported == 0)) &&
         g_get_monotonic_time () < deadline)
    {
      struct pollfd fds[2] = { { ConnectionNumber (dpy), POLLIN, 0 }, { err_fd, POLLIN, 0 } };

      if (!XPending (dpy))
        poll (fds, err_fd >= 0 ? 2 : 1, 100);

      if (err_fd >= 0 && (fds[1].revents & (POLLIN | POLLHUP)) != 0)
        {
          char buf[4096];
          ssize_t len = read (err_fd, buf, sizeof buf);

          if (len <= 0)
            {
              close (err_fd);
              err_fd = -1;
            }
          else
            g_string_append_len (err, buf, len);
          if (reported == 0 && strstr (err->str, FIRST_FRAME_LINE) != NULL)
            reported = g_get_monotonic_time ();
        }

      while (XPending (dpy))
        {
          XEvent event;

          XNextEvent (dpy, &event);
          if (event.type == CreateNotify && event.xcreatewindow.parent == DefaultRootWindow (dpy))
            XDamageCreate (dpy, event.xcreatewindow.window, XDamageReportNonEmpty);
          else if (event.type == MapNotify && !event.xmap.override_redirect)
            g_hash_table_insert (mapped, GSIZE_TO_POINTER (event.xmap.window), GUINT_TO_POINTER (0));
          else if (event.type == damage_event + XDamageNotify)
            {
              XDamageNotifyEvent *notify = (XDamageNotifyEvent *) &event;

              /* The window, not a helper (GDK's leader window and the
               * like are never mapped, or tiny). Its first report is the
               * X server filling the background as the window maps; the
               * second, the program's first frame (for rivya-desktop it
               * comes within a few ms of the after-paint it reports). */
              if (painted == 0 &&
                  g_hash_table_contains (mapped, GSIZE_TO_POINTER (notify->drawable)) &&
                  notify->geometry.width >= 200 && notify->geometry.height >= 200)
                {
                  if (first_damage == 0)
                    first_damage = g_get_monotonic_time ();
                  else
                    painted = g_get_monotonic_time ();
                }
              XDamageSubtract (dpy, notify->damage, None, None);
            }
        }
    }

  if (wait_for != NULL)
    {
      while (!g_file_test (wait_for, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
        g_usleep (100000);
      if (!g_file_test (wait_for, G_FILE_TEST_EXISTS))
        g_printerr ("%s did not write %s\n", program->name, wait_for);
    }
  stop (pid);
  g_spawn_close_pid (pid);
  if (err_fd >= 0)
    close (err_fd);

  if (painted == 0)
    {
      g_printerr ("%s: no window drew within %d s; its stderr:\n%s\n",
                  program->name, (int) (RUN_TIMEOUT_US / G_USEC_PER_SEC), err->str);
      return -1;
    }
  if (reported != 0)
    *internal = (reported - start) / 1000.;
  if (program->mapped != NULL && first_damage != 0)
    {
      double ms = (first_damage - start) / 1000.;

      g_array_append_val (program->mapped, ms);
    }
  return (painted - start) / 1000.;
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;
  g_array_sort (values, cmp_double);
  if (n % 2 == 1)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10;
  g_autofree char *root = g_dir_make_tmp ("bench-startup-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (root, "data", NULL);
  g_autofree char *cache = g_build_filename (root, "cache", NULL);
  g_autofree char *config = g_build_filename (root, "config", NULL);
  g_autofree char *state = g_build_filename (root, "state", NULL);
  g_autofree char *app_data = g_build_filename (data, "rivya-desktop", NULL);
  g_autofree char *history = g_build_filename (app_data, "history.db", NULL);
  g_autofree char *catalog = g_build_filename (cache, "rivya-desktop", "models.json", NULL);
  g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));
  g_autoptr(GTestDBus) bus = NULL;
  Program programs[] = {
    { "rivya-desktop", BENCH_RIVYA_DESKTOP, NULL, NULL, NULL },
    { "bare libadwaita window", BENCH_BARE_WINDOW, NULL, NULL, NULL },
    { "GNOME Text Editor", TEXT_EDITOR, NULL, NULL, NULL },
  };
  Program *rd = &programs[0], *bare = &programs[1], *gte = &programs[2];
  gboolean have_gte = g_file_test (TEXT_EDITOR, G_FILE_TEST_IS_EXECUTABLE);
  int damage_error;
  double internal;

  if (runs == 0)
    g_error ("usage: %s [RUNS]", argv[0]);
  if (display == NULL || (dpy = XOpenDisplay (NULL)) == NULL)
    {
      printf ("bench-startup: needs an X display (run under xvfb-run)\n");
      return 1;
    }
  if (!XDamageQueryExtension (dpy, &damage_event, &damage_error))
    {
      printf ("bench-startup: the X server has no DAMAGE extension, which the measure needs\n");
      return 1;
    }
  XSetErrorHandler (ignore_x_error);
  XSelectInput (dpy, DefaultRootWindow (dpy), SubstructureNotifyMask);

  /* A private session bus: each program registers its name there as on
   * a desktop, and none finds an instance of itself already running. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  g_setenv ("DISPLAY", display, TRUE);

  g_mkdir_with_parents (app_data, 0700);
  g_mkdir_with_parents (cache, 0700);
  g_mkdir_with_parents (config, 0700);
  g_mkdir_with_parents (state, 0700);
  make_history (history);

  child_env = g_get_environ ();
  child_env = g_environ_setenv (child_env, "HOME", root, TRUE);
  child_env = g_environ_setenv (child_env, "XDG_DATA_HOME", data, TRUE);
  child_env = g_environ_setenv (child_env, "XDG_CACHE_HOME", cache, TRUE);
  child_env = g_environ_setenv (child_env, "XDG_CONFIG_HOME", config, TRUE);
  child_env = g_environ_setenv (child_env, "XDG_STATE_HOME", state, TRUE);
  child_env = g_environ_setenv (child_env, "GSETTINGS_BACKEND", "memory", TRUE);
  child_env = g_environ_setenv (child_env, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);
  child_env = g_environ_setenv (child_env, "NO_AT_BRIDGE", "1", TRUE);
  child_env = g_environ_setenv (child_env, "GTK_A11Y", "none", TRUE);
  child_env = g_environ_setenv (child_env, "RIVYA_DESKTOP_REPORT_FIRST_FRAME", "1", TRUE);
  /* Mesa's software GL, all that a machine without a GPU (Xvfb included)
   * has, spends a second compiling shaders with LLVM before any first
   * frame, the same for all three: unless told otherwise, all three use
   * the cairo renderer. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    child_env = g_environ_setenv (child_env, "GSK_RENDERER", "cairo", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      programs[i].external = g_array_new (FALSE, FALSE, sizeof (double));
      if (&programs[i] == rd)
        {
          programs[i].internal = g_array_new (FALSE, FALSE, sizeof (double));
          programs[i].mapped = g_array_new (FALSE, FALSE, sizeof (double));
        }
    }

  /* The untimed first runs. */
  run_once (rd, &internal, catalog);
  run_once (bare, &internal, NULL);
  if (have_gte)
    run_once (gte, &internal, NULL);
  if (!g_file_test (catalog, G_FILE_TEST_EXISTS))
    g_error ("rivya-desktop left no catalog cache at %s", catalog);
  g_array_set_size (rd->mapped, 0);

  for (guint run = 0; run < runs; run++)
    for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
      {
        Program *program = &programs[i];
        double ms;

        if (program == gte && !have_gte)
          continue;
        ms = run_once (program, &internal, NULL);
        if (ms >= 0)
          g_array_append_val (program->external, ms);
        if (program->internal != NULL && internal >= 0)
          g_array_append_val (program->internal, internal);
        g_usleep (500000);
      }

  printf ("bench-startup: exec to first frame, median of %u runs (min–max)\n", runs);
  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      Program *program = &programs[i];
      double m = median (program->external);

      if (program == gte && !have_gte)
        {
          printf ("  %-24s not measured: %s is not installed (apt-get install gnome-text-editor)\n",
                  program->name, TEXT_EDITOR);
          continue;
        }
      if (program->external->len == 0)
        {
          printf ("  %-24s no window drew in any run\n", program->name);
          continue;
        }
      printf ("  %-24s %7.1f ms (%.1f–%.1f), %u runs\n", program->name, m,
              g_array_index (program->external, double, 0),
              g_array_index (program->external, double, program->external->len - 1),
              program->external->len);
    }
  if (rd->internal->len > 0)
    printf ("  rivya-desktop's own first after-paint: %.1f ms (the X measure paints just before it)\n",
            median (rd->internal));
  printf ("  with: catalog cache %s, history of %u jobs\n",
          g_file_test (catalog, G_FILE_TEST_EXISTS) ? "present" : "MISSING", N_JOBS);
  if (bare->external->len > 0 && rd->external->len > 0)
    printf ("  ratio rivya-desktop / bare window:       %.2f\n", median (rd->external) / median (bare->external));
  if (have_gte && gte->external->len > 0 && rd->external->len > 0)
    printf ("  ratio rivya-desktop / GNOME Text Editor: %.2f\n", median (rd->external) / median (gte->external));
  if (have_gte && gte->external->len > 0 && bare->external->len > 0)
    printf ("  ratio GNOME Text Editor / bare window:   %.2f\n", median (gte->external) / median (bare->external));
  printf ("  renderer: %s\n", g_environ_getenv (child_env, "GSK_RENDERER"));
  printf ("  measured by: XDamage, the first drawing after the map into a top-level window of at least\n"
          "  200×200 (no window manager); rivya-desktop maps its window after %.1f ms (median)\n",
          median (rd->mapped));
  printf ("  reproduce: xvfb-run -a -s \"-screen 0 1920x1200x24\" %s %u\n", argv[0], runs);

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_array_unref (programs[i].external);
      g_clear_pointer (&programs[i].internal, g_array_unref);
      g_clear_pointer (&programs[i].mapped, g_array_unref);
    }
  g_strfreev (child_env);
  XCloseDisplay (dpy);
  g_test_dbus_down (bus);
  rm_rf (root);
  return 0;
}
