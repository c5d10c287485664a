/* srv-serve.c
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

#include <errno.h>
#include <glib-unix.h>
#include <gst/gst.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "srv-admin.h"
#include "srv-server.h"
#include "srv-util.h"

#define LOCAL_ACCOUNT         "local"
#define LOCAL_STARTING_CREDITS 1000

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* The local account the desktop app uses: created once with starting
 * credits, its key in a 0600 file beside the database. Returns the key
 * when it was created now (to be shown once), else NULL. */
static char *
bootstrap (SrvStore  *store,
           GError   **error)
{
  g_autofree char *key_path = srv_store_build_path (store, "local-api-key", NULL);
  g_autofree char *key = NULL;
  g_autofree char *contents = NULL;
  gint64 account;

  account = srv_store_find_account (store, LOCAL_ACCOUNT, NULL);
  if (account == 0)
    {
      if ((account = srv_store_create_account (store, LOCAL_ACCOUNT, error)) == 0 ||
          !srv_store_grant_credits (store, account, LOCAL_STARTING_CREDITS, error))
        return NULL;
    }
  else if (g_file_test (key_path, G_FILE_TEST_EXISTS))
    {
      return NULL;
    }

  key = srv_store_create_key (store, account, srv_scopes_all (), 0, error);
  if (key == NULL)
    return NULL;

  contents = g_strconcat (key, "\n", NULL);
  if (!g_file_set_contents_full (key_path, contents, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  return g_steal_pointer (&key);
}

int
srv_admin_serve (int    argc,
                 char **argv)
{
  g_autofree char *data_dir = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *url = NULL;
  g_autofree char *new_key = NULL;
  g_autofree char *chat_upstream = NULL;
  g_autofree char *chat_upstream_model = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SrvStore) store = NULL;
  g_autoptr(SrvServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  SrvServerOptions options;
  gboolean do_bootstrap = FALSE;
  int ready_fd = -1;
  int workers = 2, rate = 600, burst = 120, latency = 0;
  int chat_word_delay = 30, chat_ping_interval = 15000;
  gboolean allow_insecure_webhooks = FALSE;
  double webhook_retry_scale = 1.0;
  const GOptionEntry entries[] = {
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "The server's data directory", "DIR" },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &listen, "Address to listen on (default 127.0.0.1:0, a free port)", "HOST:PORT" },
    { "ready-fd", 0, 0, G_OPTION_ARG_INT, &ready_fd, "Write the URL to this file descriptor once listening", "N" },
    { "bootstrap", 0, 0, G_OPTION_ARG_NONE, &do_bootstrap, "Create the local account and its key file if missing", NULL },
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers, "Generator threads (default 2)", "N" },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &rate, "Requests per minute per key (default 600)", "N" },
    { "rate-burst", 0, 0, G_OPTION_ARG_INT, &burst, "Burst per key (default 120)", "N" },
    { "job-latency", 0, 0, G_OPTION_ARG_INT, &latency, "Extra milliseconds each job waits in the queue (default 0)", "MS" },
    { "chat-word-delay", 0, 0, G_OPTION_ARG_INT, &chat_word_delay, "Milliseconds between the words local-chat streams (default 30)", "MS" },
    { "chat-ping-interval", 0, 0, G_OPTION_ARG_INT, &chat_ping_interval, "Milliseconds of silence before a chat stream sends “: ping” (default 15000)", "MS" },
    { "chat-upstream", 0, 0, G_OPTION_ARG_STRING, &chat_upstream, "OpenAI-compatible base URL local-chat forwards to, e.g. http://127.0.0.1:11434/v1", "URL" },
    { "chat-upstream-model", 0, 0, G_OPTION_ARG_STRING, &chat_upstream_model, "Model name to ask the chat upstream for", "NAME" },
    { "allow-insecure-webhooks", 0, 0, G_OPTION_ARG_NONE, &allow_insecure_webhooks, "Development only: allow http and loopback webhook URLs", NULL },
    { "webhook-retry-scale", 0, 0, G_OPTION_ARG_DOUBLE, &webhook_retry_scale, "Multiply the webhook retry delays by F (default 1; tests use 0.001)", "F" },
    { NULL }
  };

  context = g_option_context_new ("serve - run the Rivya API v1 server");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("rivya-server: %s\n", error->message);
      return 1;
    }
  if (data_dir == NULL)
    {
      g_printerr ("rivya-server: serve needs --data-dir DIR\n");
      return 1;
    }
  if (workers < 1 || workers > 64 || rate < 1 || burst < 1 || latency < 0 || latency > 600000)
    {
      g_printerr ("rivya-server: --workers is 1 to 64, --rate-limit and --rate-burst at least 1, "
                  "--job-latency 0 to 600000\n");
      return 1;
    }
  if (chat_word_delay < 0 || chat_word_delay > 60000 ||
      chat_ping_interval < 10 || chat_ping_interval > 3600000)
    {
      g_printerr ("rivya-server: --chat-word-delay is 0 to 60000, --chat-ping-interval 10 to 3600000\n");
      return 1;
    }
  if (!(webhook_retry_scale >= 0 && webhook_retry_scale <= 1000))
    {
      g_printerr ("rivya-server: --webhook-retry-scale is 0 to 1000\n");
      return 1;
    }

  if (!gst_init_check (NULL, NULL, &error))
    {
      g_printerr ("rivya-server: GStreamer could not start: %s\n", error->message);
      return 1;
    }

  if (!(store = srv_store_open (data_dir, &error)))
    {
      g_printerr ("rivya-server: %s\n", error->message);
      return 1;
    }

  if (do_bootstrap && !(new_key = bootstrap (store, &error)) && error != NULL)
    {
      g_printerr ("rivya-server: could not create the local account: %s\n", error->message);
      return 1;
    }

  srv_server_options_init (&options);
  options.workers = workers;
  options.rate_per_minute = rate;
  options.rate_burst = burst;
  options.job_latency_ms = latency;
  options.chat_word_delay_ms = chat_word_delay;
  options.chat_ping_interval_ms = chat_ping_interval;
  options.chat_upstream = chat_upstream;
  options.chat_upstream_model = chat_upstream_model;
  options.allow_insecure_webhooks = allow_insecure_webhooks;
  options.webhook_retry_scale = webhook_retry_scale;

  if (!(server = srv_server_new (store, &options, &error)) ||
      !(url = srv_server_listen (server, listen ? listen : "127.0.0.1:0", &error)))
    {
      g_printerr ("rivya-server: %s\n", error->message);
      return 1;
    }

  /* Signals first: a client may stop us the moment it reads the URL. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);

  g_print ("rivya-server %s, data in %s\n", PACKAGE_VERSION, srv_store_get_data_dir (store));
  if (new_key != NULL)
    {
      g_autofree char *key_path = srv_store_build_path (store, "local-api-key", NULL);
      g_print ("Local API key (shown once; also saved to %s): %s\n", key_path, new_key);
    }
  g_print ("Listening on %s\n", url);
  fflush (stdout);

  if (ready_fd >= 0)
    {
      g_autofree char *line = g_strconcat (url, "\n", NULL);
      gsize len = strlen (line);

      if (write (ready_fd, line, len) != (gssize)len)
        g_warning ("Could not write to --ready-fd %d: %s", ready_fd, g_strerror (errno));
      close (ready_fd);
    }

  g_main_loop_run (loop);

  g_message ("Stopping: no new connections, failing unfinished jobs");
  srv_server_shutdown (server);
  return 0;
}
