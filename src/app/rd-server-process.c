/* rd-server-process.c
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

#define G_LOG_DOMAIN "rd-server-process"

#include "config.h"

#include "rd-server-process.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

/* The descriptor the server writes its URL to once it listens. */
#define READY_FD          3
#define STOP_TIMEOUT_USEC (5 * G_USEC_PER_SEC)
#define KILL_TIMEOUT_USEC (2 * G_USEC_PER_SEC)

static void
child_setup (gpointer user_data)
{
  pid_t parent = GPOINTER_TO_INT (user_data);

  /* Its own process group, so that a Ctrl+C in the app's terminal reaches
   * only the app, which then stops the server in order. */
  setpgid (0, 0);
  /* The backstop against orphans: if the app dies without stopping the
   * server (a crash, SIGKILL), the kernel sends the server SIGTERM. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
  if (getppid () != parent)
    raise (SIGTERM);
}

/**
 * rd_server_process_spawn:
 * @ready_stream: (out): where the server's URL will be readable, one
 *   line, once it listens; the stream ends if the server dies first
 *
 * Starts `rivya-server serve` on loopback @port (0: any free one) with its data in
 * @data_dir and the local account bootstrapped. Its stdout, where it
 * prints a new key, is silenced; its stderr is a pipe.
 */
GSubprocess *
rd_server_process_spawn (const char    *program,
                         const char    *data_dir,
                         guint16        port,
                         GInputStream **ready_stream,
                         GError       **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GInputStream) ready_input = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *ready_fd = g_strdup_printf ("%d", READY_FD);
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", port);
  int fds[2];

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (ready_stream != NULL, NULL);

  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return NULL;
  ready_input = g_unix_input_stream_new (fds[0], TRUE);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_take_fd (launcher, fds[1], READY_FD);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GINT_TO_POINTER (getpid ()), NULL);

  process = g_subprocess_launcher_spawn (launcher, &local_error,
                                         program, "serve",
                                         "--data-dir", data_dir,
                                         "--listen", listen,
                                         "--bootstrap",
                                         "--ready-fd", ready_fd,
                                         NULL);
  /* Dropping the launcher closes our copy of the pipe's write end, so the
   * ready stream ends if the server dies before it is ready. */
  g_clear_object (&launcher);

  if (process == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not start rivya-server: %s"), local_error->message);
      return NULL;
    }

  *ready_stream = g_steal_pointer (&ready_input);
  return g_steal_pointer (&process);
}

/**
 * rd_server_process_terminate:
 *
 * Stops a server and waits for it: SIGTERM, which it handles by failing
 * and refunding unfinished jobs, then SIGKILL if it has not exited in a
 * few seconds. GLib reaps children on its worker thread, which is why
 * polling the identifier works while this thread waits.
 */
void
rd_server_process_terminate (GSubprocess *process)
{
  gint64 deadline;

  g_return_if_fail (G_IS_SUBPROCESS (process));

  if (g_subprocess_get_identifier (process) == NULL)
    return;

  g_subprocess_send_signal (process, SIGTERM);
  deadline = g_get_monotonic_time () + STOP_TIMEOUT_USEC;
  while (g_subprocess_get_identifier (process) != NULL && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);

  if (g_subprocess_get_identifier (process) == NULL)
    return;

  g_message ("rivya-server did not stop after SIGTERM; killing it");
  g_subprocess_force_exit (process);
  deadline = g_get_monotonic_time () + KILL_TIMEOUT_USEC;
  while (g_subprocess_get_identifier (process) != NULL && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
}
