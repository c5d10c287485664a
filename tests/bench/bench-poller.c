/* bench-poller.c
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

/* What following jobs costs: requests per job per minute and timer
 * wake-ups of RivyaPoller at the documented cadence, against a real
 * rivya-server whose jobs take a while (--job-latency), then how many
 * wake-ups happen once nothing is left to follow (it should be none).
 *
 *   ninja -C _build tests/bench/bench-poller src/server/rivya-server
 *   RIVYA_SERVER=_build/src/server/rivya-server _build/tests/bench/bench-poller [--jobs 12] [--latency 45]
 */

#include "config.h"

#include <rivya.h>
#include <stdio.h>

#include "srv-test-utils.h"

typedef struct
{
  guint  requests;
  guint  finished;
  gint64 started;
} Counts;

static void
request_finished_cb (RivyaClient *client,
                     const char  *method,
                     const char  *path,
                     guint        status,
                     const char  *request_id,
                     gint64       duration_us,
                     Counts      *counts)
{
  if (g_str_has_prefix (path, "/api/v1/generations/"))
    counts->requests++;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
finished_cb (RivyaPoller     *poller,
             RivyaGeneration *generation,
             Counts          *counts)
{
  counts->finished++;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const models[][2] = {
    { "local-image", "image" }, { "local-speech", "audio" }, { "local-video", "video" },
  };
  int n_jobs = 12, latency_s = 45;
  const GOptionEntry entries[] = {
    { "jobs", 0, 0, G_OPTION_ARG_INT, &n_jobs, "Jobs to follow (default 12)", "N" },
    { "latency", 0, 0, G_OPTION_ARG_INT, &latency_s, "Seconds each job waits in the queue (default 45)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *latency_arg = NULL;
  g_autoptr(SrvTestServer) srv = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaPoller) poller = NULL;
  Counts counts = { 0 };
  guint64 wakeups_busy, wakeups_idle;
  double minutes;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  latency_arg = g_strdup_printf ("%d", latency_s * 1000);
  {
    const char *args[] = { "--job-latency", latency_arg, "--workers", "4", NULL };
    srv = srv_test_server_start (args);
  }
  client = rivya_client_new (srv->url, srv->key);
  rivya_client_set_proxy_resolver (client, NULL);
  poller = rivya_poller_new (client);
  g_signal_connect (client, "request-finished", G_CALLBACK (request_finished_cb), &counts);
  g_signal_connect (poller, "finished", G_CALLBACK (finished_cb), &counts);

  printf ("RivyaPoller following %d jobs that wait %d s in the queue, at the documented cadence\n",
          n_jobs, latency_s);
  printf ("reproduce: RIVYA_SERVER=_build/src/server/rivya-server _build/tests/bench/bench-poller --jobs %d --latency %d\n\n",
          n_jobs, latency_s);

  counts.started = g_get_monotonic_time ();
  for (int i = 0; i < n_jobs; i++)
    {
      g_autoptr(RivyaGenerationRequest) request =
        rivya_generation_request_new (models[i % 3][0], "bench-poller");
      g_autoptr(RivyaGeneration) generation = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      rivya_client_create_generation_async (client, request, NULL, store_result_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      generation = rivya_client_create_generation_finish (client, result, &error);
      if (generation == NULL)
        {
          g_printerr ("submit: %s\n", error->message);
          return 1;
        }
      rivya_poller_add (poller, rivya_generation_get_id (generation), models[i % 3][1]);
    }

  while (counts.finished < (guint) n_jobs)
    g_main_context_iteration (NULL, TRUE);
  minutes = (g_get_monotonic_time () - counts.started) / (60.0 * G_USEC_PER_SEC);
  wakeups_busy = rivya_poller_get_wakeups (poller);

  /* Nothing left to follow: ten seconds of silence should cost nothing. */
  {
    gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  }
  wakeups_idle = rivya_poller_get_wakeups (poller) - wakeups_busy;

  printf ("jobs finished           %d in %.1f s\n", n_jobs, minutes * 60);
  printf ("status requests         %u (%.2f per job, %.2f per job per minute)\n",
          counts.requests, (double) counts.requests / n_jobs, counts.requests / (double) n_jobs / minutes);
  printf ("timer wake-ups          %" G_GUINT64_FORMAT " while following (%.2f per request)\n",
          wakeups_busy, counts.requests ? (double) wakeups_busy / counts.requests : 0.0);
  printf ("wake-ups when idle      %" G_GUINT64_FORMAT " in 10 s\n", wakeups_idle);
  return 0;
}
