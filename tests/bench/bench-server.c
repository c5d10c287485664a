/* bench-server.c
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


/* Throughput and latency of rivya-server's hot routes, measured from a
 * client on loopback: the public catalog (a baseline that touches no
 * database), status polls and submits. Prints figures and ratios; it
 * asserts nothing, because these machines are shared and noisy.
 *
 *   meson compile -C _build tests/bench/bench-server
 *   RIVYA_SERVER=_build/src/server/rivya-server _build/tests/bench/bench-server [--seconds 5] [--clients 8]
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "srv-test-utils.h"

typedef struct
{
  SoupSession  *session;
  const char   *method;
  char         *uri;
  char         *auth;
  const char   *body;
  gint64        deadline;
  GArray       *latencies;  /* gint64 microseconds */
  guint         in_flight;
  guint         errors;
  guint         statuses[600];
} Run;

static void send_one (Run *run);

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);
  gint64 started = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (msg), "started"));
  gint64 elapsed = g_get_monotonic_time () - started;
  guint status = soup_message_get_status (msg);

  run->in_flight--;
  if (body == NULL || status >= 500 || status == 0)
    run->errors++;
  run->statuses[MIN (status, 599)]++;
  g_array_append_val (run->latencies, elapsed);

  if (g_get_monotonic_time () < run->deadline)
    send_one (run);
}

static void
send_one (Run *run)
{
  g_autoptr(SoupMessage) msg = soup_message_new (run->method, run->uri);

  if (run->auth != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", run->auth);
  if (run->body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (run->body, strlen (run->body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  g_object_set_data (G_OBJECT (msg), "started", GSIZE_TO_POINTER (g_get_monotonic_time ()));
  run->in_flight++;
  soup_session_send_and_read_async (run->session, msg, G_PRIORITY_DEFAULT, NULL, done_cb, run);
}

static int
cmp_int64 (gconstpointer a,
           gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return x < y ? -1 : x > y;
}

static double
measure (const char    *label,
         SrvTestServer *srv,
         const char    *method,
         const char    *path,
         const char    *key,
         const char    *body,
         guint          clients,
         guint          seconds)
{
  Run run = { 0 };
  gint64 start;
  double elapsed, rate;
  gint64 p50, p99;
  guint n;

  run.session = soup_session_new_with_options ("max-conns", (int)clients * 2,
                                               "max-conns-per-host", (int)clients, NULL);
  soup_session_set_proxy_resolver (run.session, NULL);
  run.method = method;
  run.uri = g_strconcat (srv->url, path, NULL);
  run.auth = key ? g_strconcat ("Bearer ", key, NULL) : NULL;
  run.body = body;
  run.latencies = g_array_new (FALSE, FALSE, sizeof (gint64));

  start = g_get_monotonic_time ();
  run.deadline = start + seconds * G_USEC_PER_SEC;
  for (guint i = 0; i < clients; i++)
    send_one (&run);
  while (run.in_flight > 0)
    g_main_context_iteration (NULL, TRUE);
  elapsed = (g_get_monotonic_time () - start) / 1e6;

  n = run.latencies->len;
  g_array_sort (run.latencies, cmp_int64);
  p50 = n ? g_array_index (run.latencies, gint64, n / 2) : 0;
  p99 = n ? g_array_index (run.latencies, gint64, MIN (n - 1, n * 99 / 100)) : 0;
  rate = n / elapsed;

  printf ("%-22s %8u requests %9.0f req/s   p50 %7.2f ms   p99 %7.2f ms   errors %u",
          label, n, rate, p50 / 1000.0, p99 / 1000.0, run.errors);
  for (guint s = 200; s < 600; s++)
    {
      if (run.statuses[s] > 0 && s != 200)
        printf ("   [%u: %u]", s, run.statuses[s]);
    }
  printf ("\n");

  g_array_unref (run.latencies);
  g_free (run.uri);
  g_free (run.auth);
  g_object_unref (run.session);
  return rate;
}

int
main (int   argc,
      char *argv[])
{
  int seconds = 5, clients = 8;
  g_autoptr(GOptionContext) context = g_option_context_new ("- rivya-server throughput and latency");
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "Seconds per measurement (default 5)", "N" },
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients, "Concurrent connections (default 8)", "N" },
    { NULL }
  };
  /* Jobs wait in the queue for 10 minutes: submits measure the HTTP,
   * validation and ledger path, not the generators competing for the CPU. */
  const char *args[] = { "--rate-limit", "100000000", "--rate-burst", "100000000",
                         "--workers", "1", "--job-latency", "600000", NULL };
  g_autoptr(SrvTestServer) srv = NULL;
  g_autoptr(SrvTestResponse) created = NULL;
  g_autofree char *path = NULL;
  g_autofree char *grant = NULL;
  double models, polls, submits;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  srv = srv_test_server_start (args);
  grant = srv_test_admin (srv, NULL, "credits", "grant", "--account", "local", "100000000", NULL);
  created = srv_test_call (srv, "POST", "/api/v1/generations", srv->key,
                           "{\"model\": \"local-image\", \"prompt\": \"bench\"}", NULL);
  srv_assert_status (created, 201);
  path = g_strconcat ("/api/v1/generations/",
                      json_object_get_string_member (srv_test_response_object (created), "id"), NULL);

  printf ("rivya-server on %s, %d clients, %d s each, %u cores\n", srv->url, clients, seconds,
          g_get_num_processors ());
  printf ("reproduce: RIVYA_SERVER=_build/src/server/rivya-server _build/tests/bench/bench-server"
          " --seconds %d --clients %d\n\n", seconds, clients);

  models = measure ("GET /models (baseline)", srv, "GET", "/api/v1/models", NULL, NULL, clients, seconds);
  polls = measure ("GET /generations/{id}", srv, "GET", path, srv->key, NULL, clients, seconds);
  submits = measure ("POST /generations", srv, "POST", "/api/v1/generations", srv->key,
                     "{\"model\": \"local-image\", \"prompt\": \"bench\"}", clients, seconds);

  printf ("\nratios: status poll / catalog %.2f, submit / status poll %.2f\n",
          polls / models, submits / polls);

  /* Stopping fails and refunds the queued jobs; the ledger must agree. */
  srv_test_server_stop (srv);
  {
    g_autofree char *shown = srv_test_admin (srv, NULL, "credits", "show", "--account", "local", NULL);
    printf ("after stop: %s\n", shown);
  }
  return 0;
}
