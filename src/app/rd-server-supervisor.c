/* rd-server-supervisor.c
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

#define G_LOG_DOMAIN "rd-server-supervisor"

#include "config.h"

#include "rd-server-supervisor.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdlib.h>

#include "rd-enums.h"
#include "rd-server-process.h"
#include "rd-util.h"

/* RdServerSupervisor: runs the local rivya-server the app talks to when no
 * account is set up. It learns the server's URL from --ready-fd, reads the
 * bootstrapped key from the data directory, restarts the server when it
 * dies (backing off, and giving up after repeated quick failures), and
 * stops it on rd_server_supervisor_stop() or dispose.
 */

#define DEFAULT_READY_TIMEOUT_MS 20000
/* A server that ran this long is healthy: its death starts a new count. */
#define STABLE_USEC          (10 * G_USEC_PER_SEC)
#define MAX_FAILURES         5
#define FIRST_BACKOFF_MS     250

/* One spawned server process and what is known about it. Callbacks hold a
 * reference to the run, never to the supervisor: a run that was replaced
 * or stopped has run->self == NULL and its callbacks do nothing. */
typedef struct
{
  RdServerSupervisor *self;
  GSubprocess        *process;
  GCancellable       *cancellable;
  GDataInputStream   *ready_stream;
  GDataInputStream   *stderr_stream;
  char               *last_stderr_line;
  char               *failure;   /* why we killed it ourselves, if we did */
  gint64              started_at;
  guint               ready_timeout_id;
  guint               exit_grace_id;
  guint               ready : 1;
  guint               exited : 1;
  guint               stderr_done : 1;
} Run;

struct _RdServerSupervisor
{
  GObject        parent_instance;

  char          *data_dir;
  char          *program;
  char          *url;
  char          *api_key;
  char          *error_message;
  Run           *run;
  RdServerState  state;
  guint          ready_timeout_ms;
  guint          restart_id;
  guint          failures;
  guint16        port;      /* where the last server listened */
  guint          restarting : 1;
  guint          default_data_dir : 1;
};

G_DEFINE_FINAL_TYPE (RdServerSupervisor, rd_server_supervisor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_PROGRAM,
  PROP_READY_TIMEOUT,
  PROP_URL,
  PROP_API_KEY,
  PROP_STATE,
  PROP_ERROR_MESSAGE,
  PROP_PID,
  N_PROPS
};

enum {
  RESTARTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void spawn_run (RdServerSupervisor *self);

static Run *
run_ref (Run *run)
{
  return g_atomic_rc_box_acquire (run);
}

static void
run_clear (Run *run)
{
  g_clear_handle_id (&run->ready_timeout_id, g_source_remove);
  g_clear_handle_id (&run->exit_grace_id, g_source_remove);
  g_clear_object (&run->process);
  g_clear_object (&run->cancellable);
  g_clear_object (&run->ready_stream);
  g_clear_object (&run->stderr_stream);
  g_clear_pointer (&run->last_stderr_line, g_free);
  g_clear_pointer (&run->failure, g_free);
}

static void
run_unref (Run *run)
{
  g_atomic_rc_box_release_full (run, (GDestroyNotify) run_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, run_unref)

static gboolean
run_is_current (Run *run)
{
  return run->self != NULL && run->self->run == run;
}

static void
set_string (RdServerSupervisor  *self,
            char               **field,
            const char          *value,
            guint                prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_state (RdServerSupervisor *self,
           RdServerState       state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
fail (RdServerSupervisor *self,
      const char         *message)
{
  set_string (self, &self->error_message, message, PROP_ERROR_MESSAGE);
  set_state (self, RD_SERVER_STATE_FAILED);
}

/* Forgets the current run (its callbacks become no-ops) and what it told
 * us. Callers freeze notifications until the state is set too, so that
 * no one sees a RUNNING server without a URL. */
static Run *
detach_run (RdServerSupervisor *self)
{
  Run *run = g_steal_pointer (&self->run);

  if (run != NULL)
    {
      run->self = NULL;
      g_cancellable_cancel (run->cancellable);
      g_clear_handle_id (&run->ready_timeout_id, g_source_remove);
      g_clear_handle_id (&run->exit_grace_id, g_source_remove);
    }

  set_string (self, &self->url, NULL, PROP_URL);
  set_string (self, &self->api_key, NULL, PROP_API_KEY);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PID]);

  return run;
}

static char *
describe_exit (Run *run)
{
  if (run->failure != NULL)
    return g_strdup (run->failure);

  if (g_subprocess_get_if_signaled (run->process))
    {
      int sig = g_subprocess_get_term_sig (run->process);

      /* translators: the first %s is the signal's description, e.g. "Killed" */
      return g_strdup_printf (_("rivya-server was stopped by a signal (%s, %d)"),
                              g_strsignal (sig), sig);
    }

  if (run->last_stderr_line != NULL)
    return g_strdup_printf (_("rivya-server exited with status %d: %s"),
                            g_subprocess_get_exit_status (run->process),
                            run->last_stderr_line);

  return g_strdup_printf (_("rivya-server exited with status %d"),
                          g_subprocess_get_exit_status (run->process));
}

static gboolean
restart_cb (gpointer user_data)
{
  RdServerSupervisor *self = user_data;

  self->restart_id = 0;
  spawn_run (self);

  return G_SOURCE_REMOVE;
}

/* The server is gone: report it, then restart it or give up. */
static void
handle_exit (Run *run)
{
  g_autoptr(Run) dead = NULL;
  g_autofree char *reason = NULL;
  RdServerSupervisor *self = run->self;
  gboolean was_ready;
  guint delay;

  g_assert (run_is_current (run));

  reason = describe_exit (run);
  was_ready = run->ready;
  if (was_ready && g_get_monotonic_time () - run->started_at >= STABLE_USEC)
    self->failures = 0;
  self->failures++;
  dead = detach_run (self);

  if (self->failures >= MAX_FAILURES)
    {
      g_autofree char *message = NULL;

      g_message ("rivya-server stopped %u times in a row (%s); giving up", self->failures, reason);
      /* translators: %s says how the server stopped the last time */
      message = g_strdup_printf (_("The local server keeps stopping: %s"), reason);
      self->restarting = FALSE;
      fail (self, message);
      return;
    }

  delay = FIRST_BACKOFF_MS << (self->failures - 1);
  g_message ("%s; restarting it in %u ms", reason, delay);
  if (was_ready)
    self->restarting = TRUE;
  set_state (self, RD_SERVER_STATE_STARTING);
  self->restart_id = g_timeout_add (delay, restart_cb, self);
}

static gboolean
exit_grace_cb (gpointer user_data)
{
  Run *run = user_data;

  /* Something the server started still holds its stderr open; go on
   * with what was read. */
  run->exit_grace_id = 0;
  handle_exit (run);

  return G_SOURCE_REMOVE;
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Run) run = user_data;

  if (!g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL) || !run_is_current (run))
    return;

  /* The exit can be seen before the last lines of stderr are read, and
   * the last line usually says why: wait for the end of stderr, briefly. */
  run->exited = TRUE;
  if (run->stderr_done)
    handle_exit (run);
  else
    run->exit_grace_id = g_timeout_add (500, exit_grace_cb, run);
}

static void
kill_run (Run        *run,
          const char *failure)
{
  if (run->failure == NULL)
    run->failure = g_strdup (failure);
  /* wait_cb then reports the failure and decides about a restart. */
  g_subprocess_force_exit (run->process);
}

static gboolean
ready_timeout_cb (gpointer user_data)
{
  Run *run = user_data;
  g_autofree char *message = NULL;
  guint seconds;

  run->ready_timeout_id = 0;
  seconds = (run->self->ready_timeout_ms + 999) / 1000;
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "rivya-server did not start listening within %u second",
                                          "rivya-server did not start listening within %u seconds",
                                          seconds),
                             seconds);
  kill_run (run, message);

  return G_SOURCE_REMOVE;
}

/* The port is kept in the data folder between runs: jobs and chats are
 * remembered by the server's URL, so a server that comes back on the same
 * port after the app restarts is the same server to them. */
static char *
port_file (RdServerSupervisor *self)
{
  return g_build_filename (self->data_dir, "desktop-port", NULL);
}

static gboolean
port_is_free (guint16 port)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, port);

  return socket != NULL && g_socket_bind (socket, address, TRUE, NULL);
}

static guint16
saved_port (RdServerSupervisor *self)
{
  g_autofree char *path = port_file (self);
  g_autofree char *contents = NULL;
  guint64 port;

  if (!g_file_get_contents (path, &contents, NULL, NULL) ||
      !g_ascii_string_to_unsigned (g_strstrip (contents), 10, 1024, G_MAXUINT16, &port, NULL) ||
      !port_is_free ((guint16) port))
    return 0;

  return (guint16) port;
}

static void
save_port (RdServerSupervisor *self)
{
  g_autofree char *path = port_file (self);
  g_autofree char *contents = g_strdup_printf ("%u\n", self->port);

  /* Only a convenience: a lost file means a new port next time. */
  g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL);
}

static void
ready_line_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key = NULL;
  RdServerSupervisor *self;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, &error);
  if (!run_is_current (run))
    return;

  /* Without a line the server closed the descriptor, which it only does
   * by dying: wait_cb says how. */
  if (line == NULL)
    return;

  self = run->self;
  g_strstrip (line);
  if (!g_str_has_prefix (line, "http://"))
    {
      kill_run (run, _("rivya-server reported an address that is not HTTP"));
      return;
    }

  key_path = g_build_filename (self->data_dir, "local-api-key", NULL);
  if (!g_file_get_contents (key_path, &key, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the local API key: %s"),
                                                  error->message);
      kill_run (run, message);
      return;
    }
  g_strstrip (key);

  run->ready = TRUE;
  g_clear_handle_id (&run->ready_timeout_id, g_source_remove);
  {
    g_autoptr(GUri) uri = g_uri_parse (line, G_URI_FLAGS_NONE, NULL);

    if (uri != NULL && g_uri_get_port (uri) > 0)
      {
        self->port = g_uri_get_port (uri);
        save_port (self);
      }
  }

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->api_key, key, PROP_API_KEY);
  set_string (self, &self->url, line, PROP_URL);
  set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
  set_state (self, RD_SERVER_STATE_RUNNING);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->restarting)
    {
      self->restarting = FALSE;
      g_signal_emit (self, signals[RESTARTED], 0);
    }
}

static void
stderr_line_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Run) run = user_data;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, NULL);
  if (!run_is_current (run))
    return;

  if (line == NULL)
    {
      run->stderr_done = TRUE;
      if (run->exited)
        {
          g_clear_handle_id (&run->exit_grace_id, g_source_remove);
          handle_exit (run);
        }
      return;
    }

  /* The server's own log goes on to ours; it never contains the key,
   * which the server prints to stdout only, and stdout is silenced. */
  g_printerr ("%s\n", line);
  if (*g_strstrip (line) != '\0')
    {
      g_free (run->last_stderr_line);
      run->last_stderr_line = g_steal_pointer (&line);
    }

  g_data_input_stream_read_line_async (run->stderr_stream, G_PRIORITY_DEFAULT, run->cancellable,
                                       stderr_line_cb, run_ref (run));
}

static void
spawn_run (RdServerSupervisor *self)
{
  g_autoptr(GInputStream) ready_input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Run) run = NULL;

  g_assert (self->run == NULL);

  set_state (self, RD_SERVER_STATE_STARTING);

  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *message = g_strdup_printf (_("Could not create the folder %s: %s"),
                                                  self->data_dir, g_strerror (errsv));
      fail (self, message);
      return;
    }

  if (self->port == 0)
    self->port = saved_port (self);

  run = g_atomic_rc_box_new0 (Run);
  run->cancellable = g_cancellable_new ();
  /* The same port again, so that the jobs the app follows (by the
   * server's URL) are followed on the restarted server too. Every second
   * restart takes any port, in case another program took that one. */
  run->process = rd_server_process_spawn (self->program, self->data_dir,
                                          self->failures > 0 && self->failures % 2 == 0 ? 0 : self->port,
                                          &ready_input, &error);
  if (run->process == NULL)
    {
      fail (self, error->message);
      return;
    }

  run->self = self;
  run->started_at = g_get_monotonic_time ();
  self->run = run_ref (run);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PID]);

  run->ready_stream = g_data_input_stream_new (ready_input);
  g_data_input_stream_read_line_async (run->ready_stream, G_PRIORITY_DEFAULT, run->cancellable,
                                       ready_line_cb, run_ref (run));
  run->stderr_stream = g_data_input_stream_new (g_subprocess_get_stderr_pipe (run->process));
  g_data_input_stream_read_line_async (run->stderr_stream, G_PRIORITY_DEFAULT, run->cancellable,
                                       stderr_line_cb, run_ref (run));
  g_subprocess_wait_async (run->process, run->cancellable, wait_cb, run_ref (run));
  run->ready_timeout_id = g_timeout_add (self->ready_timeout_ms, ready_timeout_cb, run);
}

/**
 * rd_server_supervisor_find_program:
 *
 * Where rivya-server is: $RIVYA_SERVER if set; the build tree's server
 * when this program runs from the build tree; the one installed beside
 * the app; else the first on PATH.
 */
char *
rd_server_supervisor_find_program (GError **error)
{
  const char *env = g_getenv ("RIVYA_SERVER");
  g_autofree char *installed = NULL;
  char *path;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  if (rd_util_running_uninstalled ())
    return g_strdup (RD_BUILD_SERVER);

  installed = g_build_filename (BINDIR, "rivya-server", NULL);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);

  if ((path = g_find_program_in_path ("rivya-server")) != NULL)
    return path;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("rivya-server was not found. Install it, or set RIVYA_SERVER to its path."));
  return NULL;
}

/**
 * rd_server_supervisor_start:
 *
 * Starts the server unless it is already running or starting. A failed
 * supervisor starts afresh, with its failure count reset.
 */
void
rd_server_supervisor_start (RdServerSupervisor *self)
{
  g_return_if_fail (RD_IS_SERVER_SUPERVISOR (self));

  if (self->run != NULL || self->restart_id != 0)
    return;

  self->failures = 0;
  self->restarting = FALSE;
  set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);

  /* Looked up at each start rather than once, as the user data dir is
   * only known for sure once the app runs (and tests move it). */
  if (self->default_data_dir)
    {
      g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "rivya-desktop", "server", NULL);

      set_string (self, &self->data_dir, data_dir, PROP_DATA_DIR);
    }

  if (self->program == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!(self->program = rd_server_supervisor_find_program (&error)))
        {
          fail (self, error->message);
          return;
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
    }

  spawn_run (self);
}

/**
 * rd_server_supervisor_stop:
 *
 * Stops the server and waits for it to exit (at most a few seconds: it
 * gets SIGTERM, then SIGKILL). No restart follows.
 */
void
rd_server_supervisor_stop (RdServerSupervisor *self)
{
  g_autoptr(Run) run = NULL;

  g_return_if_fail (RD_IS_SERVER_SUPERVISOR (self));

  g_clear_handle_id (&self->restart_id, g_source_remove);
  self->restarting = FALSE;
  self->failures = 0;

  g_object_freeze_notify (G_OBJECT (self));
  if ((run = detach_run (self)) != NULL)
    rd_server_process_terminate (run->process);
  set_string (self, &self->error_message, NULL, PROP_ERROR_MESSAGE);
  set_state (self, RD_SERVER_STATE_STOPPED);
  g_object_thaw_notify (G_OBJECT (self));
}

RdServerSupervisor *
rd_server_supervisor_new (const char *data_dir)
{
  return g_object_new (RD_TYPE_SERVER_SUPERVISOR, "data-dir", data_dir, NULL);
}

RdServerState
rd_server_supervisor_get_state (RdServerSupervisor *self)
{
  g_return_val_if_fail (RD_IS_SERVER_SUPERVISOR (self), RD_SERVER_STATE_STOPPED);
  return self->state;
}

const char *
rd_server_supervisor_get_url (RdServerSupervisor *self)
{
  g_return_val_if_fail (RD_IS_SERVER_SUPERVISOR (self), NULL);
  return self->url;
}

/* The key is handed to whoever asks for it here, and never logged. */
const char *
rd_server_supervisor_get_api_key (RdServerSupervisor *self)
{
  g_return_val_if_fail (RD_IS_SERVER_SUPERVISOR (self), NULL);
  return self->api_key;
}

const char *
rd_server_supervisor_get_data_dir (RdServerSupervisor *self)
{
  g_return_val_if_fail (RD_IS_SERVER_SUPERVISOR (self), NULL);
  return self->data_dir;
}

const char *
rd_server_supervisor_get_program (RdServerSupervisor *self)
{
  g_return_val_if_fail (RD_IS_SERVER_SUPERVISOR (self), NULL);
  return self->program;
}

const char *
rd_server_supervisor_get_error_message (RdServerSupervisor *self)
{
  g_return_val_if_fail (RD_IS_SERVER_SUPERVISOR (self), NULL);
  return self->error_message;
}

GPid
rd_server_supervisor_get_pid (RdServerSupervisor *self)
{
  const char *identifier;

  g_return_val_if_fail (RD_IS_SERVER_SUPERVISOR (self), 0);

  if (self->run == NULL || !(identifier = g_subprocess_get_identifier (self->run->process)))
    return 0;

  return (GPid) atoi (identifier);
}

static void
rd_server_supervisor_constructed (GObject *object)
{
  RdServerSupervisor *self = RD_SERVER_SUPERVISOR (object);

  G_OBJECT_CLASS (rd_server_supervisor_parent_class)->constructed (object);

  self->default_data_dir = self->data_dir == NULL;
}

static void
rd_server_supervisor_dispose (GObject *object)
{
  RdServerSupervisor *self = RD_SERVER_SUPERVISOR (object);
  g_autoptr(Run) run = NULL;

  g_clear_handle_id (&self->restart_id, g_source_remove);
  if ((run = g_steal_pointer (&self->run)) != NULL)
    {
      run->self = NULL;
      g_cancellable_cancel (run->cancellable);
      g_clear_handle_id (&run->ready_timeout_id, g_source_remove);
      rd_server_process_terminate (run->process);
    }

  G_OBJECT_CLASS (rd_server_supervisor_parent_class)->dispose (object);
}

static void
rd_server_supervisor_finalize (GObject *object)
{
  RdServerSupervisor *self = RD_SERVER_SUPERVISOR (object);

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->program, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (rd_server_supervisor_parent_class)->finalize (object);
}

static void
rd_server_supervisor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RdServerSupervisor *self = RD_SERVER_SUPERVISOR (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    case PROP_PROGRAM:
      g_value_set_string (value, self->program);
      break;

    case PROP_READY_TIMEOUT:
      g_value_set_uint (value, self->ready_timeout_ms);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_API_KEY:
      g_value_set_string (value, self->api_key);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_PID:
      g_value_set_int (value, rd_server_supervisor_get_pid (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_server_supervisor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RdServerSupervisor *self = RD_SERVER_SUPERVISOR (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      self->data_dir = g_value_dup_string (value);
      break;

    case PROP_PROGRAM:
      self->program = g_value_dup_string (value);
      break;

    case PROP_READY_TIMEOUT:
      self->ready_timeout_ms = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_server_supervisor_class_init (RdServerSupervisorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rd_server_supervisor_constructed;
  object_class->dispose = rd_server_supervisor_dispose;
  object_class->finalize = rd_server_supervisor_finalize;
  object_class->get_property = rd_server_supervisor_get_property;
  object_class->set_property = rd_server_supervisor_set_property;

  /* NULL means <user data dir>/rivya-desktop/server, set at start. */
  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));
  /* NULL means rd_server_supervisor_find_program() at start. */
  properties[PROP_PROGRAM] =
    g_param_spec_string ("program", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READY_TIMEOUT] =
    g_param_spec_uint ("ready-timeout", NULL, NULL, 100, G_MAXUINT, DEFAULT_READY_TIMEOUT_MS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_API_KEY] =
    g_param_spec_string ("api-key", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, RD_TYPE_SERVER_STATE, RD_SERVER_STATE_STOPPED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PID] =
    g_param_spec_int ("pid", NULL, NULL, 0, G_MAXINT, 0,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdServerSupervisor::restarted:
   *
   * The server died on its own and a new one is now running, at a new
   * URL (and the same key).
   */
  signals[RESTARTED] =
    g_signal_new ("restarted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
rd_server_supervisor_init (RdServerSupervisor *self)
{
  self->ready_timeout_ms = DEFAULT_READY_TIMEOUT_MS;
}
