/* test-poller.c
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "rivya.h"
#include "srv-test-utils.h"

/* A network monitor the test switches by hand. */

#define TEST_TYPE_MONITOR (test_monitor_get_type ())
G_DECLARE_FINAL_TYPE (TestMonitor, test_monitor, TEST, MONITOR, GObject)

struct _TestMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum {
  MON_PROP_0,
  MON_PROP_AVAILABLE,
  MON_PROP_METERED,
  MON_PROP_CONNECTIVITY,
};

static void
test_monitor_initable_iface_init (GInitableIface *iface)
{
}

static void
test_monitor_iface_init (GNetworkMonitorInterface *iface)
{
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestMonitor, test_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      test_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR,
                                                      test_monitor_iface_init))

static void
test_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TestMonitor *self = TEST_MONITOR (object);

  switch (prop_id)
    {
    case MON_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case MON_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case MON_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_monitor_class_init (TestMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_monitor_get_property;
  g_object_class_override_property (object_class, MON_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MON_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MON_PROP_CONNECTIVITY, "connectivity");
}

static void
test_monitor_init (TestMonitor *self)
{
  self->available = TRUE;
}

static void
test_monitor_set_available (TestMonitor *self,
                            gboolean     available)
{
  self->available = available;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

/* The fixture: a server, a client, a poller and what it reported. */

typedef struct
{
  SrvTestServer *srv;
  RivyaClient   *client;
  RivyaPoller   *poller;
  GHashTable    *last_seen;      /* task id -> "status|updated_at" */
  GHashTable    *finished;       /* task id -> status string */
  GArray        *request_times;  /* gint64, monotonic */
  GArray        *limited_times;
  GError        *error;
  char          *error_task_id;
  guint          n_updated;
  guint          n_finished;
  guint          n_errors;
  guint          max_in_flight_seen;
} Fixture;

static char *
summary (RivyaGeneration *generation)
{
  return g_strdup_printf ("%s|%s", rivya_generation_get_status_string (generation),
                          rivya_generation_get_updated_at (generation));
}

static void
on_updated (RivyaPoller     *poller,
            RivyaGeneration *generation,
            Fixture         *f)
{
  const char *id = rivya_generation_get_id (generation);
  g_autofree char *now = summary (generation);

  /* Only changes are reported, and nothing after the end. */
  g_assert_cmpstr (g_hash_table_lookup (f->last_seen, id), !=, now);
  g_assert_false (g_hash_table_contains (f->finished, id));
  g_hash_table_replace (f->last_seen, g_strdup (id), g_steal_pointer (&now));
  f->n_updated++;
}

static void
on_finished (RivyaPoller     *poller,
             RivyaGeneration *generation,
             Fixture         *f)
{
  const char *id = rivya_generation_get_id (generation);
  g_autofree char *now = summary (generation);

  g_assert_true (rivya_generation_is_terminal (generation));
  g_assert_false (g_hash_table_contains (f->finished, id));
  /* The final change was reported with updated first. */
  g_assert_cmpstr (g_hash_table_lookup (f->last_seen, id), ==, now);
  g_assert_false (rivya_poller_contains (poller, id));
  g_hash_table_insert (f->finished, g_strdup (id),
                       g_strdup (rivya_generation_get_status_string (generation)));
  f->n_finished++;
}

static void
on_error (RivyaPoller  *poller,
          const char   *task_id,
          const GError *error,
          Fixture      *f)
{
  g_clear_error (&f->error);
  g_free (f->error_task_id);
  f->error = g_error_copy (error);
  f->error_task_id = g_strdup (task_id);
  f->n_errors++;
}

static void
on_request_sent (RivyaPoller *poller,
                 GParamSpec  *pspec,
                 Fixture     *f)
{
  gint64 now = g_get_monotonic_time ();
  guint in_flight = 0;

  g_object_get (poller, "n-in-flight", &in_flight, NULL);
  f->max_in_flight_seen = MAX (f->max_in_flight_seen, in_flight);
  g_array_append_val (f->request_times, now);
}

static void
on_rate_limited (RivyaPoller *poller,
                 GParamSpec  *pspec,
                 Fixture     *f)
{
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (f->limited_times, now);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  const char * const *args = user_data;

  f->srv = srv_test_server_start (args);
  f->client = rivya_client_new (f->srv->url, f->srv->key);
  rivya_client_set_proxy_resolver (f->client, NULL);
  f->poller = rivya_poller_new (f->client);
  f->last_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->finished = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->request_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->limited_times = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (f->poller, "updated", G_CALLBACK (on_updated), f);
  g_signal_connect (f->poller, "finished", G_CALLBACK (on_finished), f);
  g_signal_connect (f->poller, "error", G_CALLBACK (on_error), f);
  g_signal_connect (f->poller, "notify::requests-sent", G_CALLBACK (on_request_sent), f);
  g_signal_connect (f->poller, "notify::rate-limited", G_CALLBACK (on_rate_limited), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (f->poller);
  g_clear_object (&f->client);
  g_clear_pointer (&f->srv, srv_test_server_free);
  g_clear_pointer (&f->last_seen, g_hash_table_unref);
  g_clear_pointer (&f->finished, g_hash_table_unref);
  g_clear_pointer (&f->request_times, g_array_unref);
  g_clear_pointer (&f->limited_times, g_array_unref);
  g_clear_error (&f->error);
  g_clear_pointer (&f->error_task_id, g_free);
}

static guint64
requests_sent (Fixture *f)
{
  return rivya_poller_get_requests_sent (f->poller);
}

static gboolean
has_timer (Fixture *f)
{
  gboolean has = FALSE;

  g_object_get (f->poller, "has-pending-timer", &has, NULL);
  return has;
}

static guint64
get_counter (Fixture    *f,
             const char *name)
{
  guint64 value = 0;

  g_object_get (f->poller, name, &value, NULL);
  return value;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Iterates until *@counter reaches @target, or fails after @timeout_s. */
static void
wait_for_count (guint *counter,
                guint  target,
                guint  timeout_s)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (timeout_s, set_flag_cb, &timed_out);

  while (*counter < target && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out after %u s waiting for %u events (got %u)", timeout_s, target, *counter);
  g_source_remove (id);
}

static char *
submit (SrvTestServer *srv,
        const char    *key,
        const char    *prompt)
{
  /* The smallest, quickest picture: the tests are about polling. */
  g_autofree char *body = g_strdup_printf ("{\"model\":\"local-image\",\"prompt\":\"%s\","
                                           "\"params\":{\"aspect_ratio\":\"16:9\","
                                           "\"output_format\":\"jpeg\"}}", prompt);

  for (;;)
    {
      g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "POST", "/api/v1/generations", key,
                                                       body, NULL);
      const char *retry_after;

      if (resp->status == 429 &&
          (retry_after = soup_message_headers_get_one (resp->headers, "Retry-After")) != NULL)
        {
          g_usleep (g_ascii_strtoull (retry_after, NULL, 10) * G_USEC_PER_SEC);
          continue;
        }
      srv_assert_status (resp, 201);
      return g_strdup (json_object_get_string_member (srv_test_response_object (resp), "id"));
    }
}

static const char *latency_600[] = { "--job-latency", "600", NULL };
static const char *latency_300[] = { "--job-latency", "300", NULL };
static const char *no_args[] = { NULL };

static void
test_follow (Fixture       *f,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint64 wakeups;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *prompt = g_strdup_printf ("poller job %u", i);
      g_ptr_array_add (ids, submit (f->srv, f->srv->key, prompt));
    }

  /* A minute of the real schedule in 1.2 s. */
  rivya_poller_set_time_scale (f->poller, 0.02);
  for (guint i = 0; i < ids->len; i++)
    rivya_poller_add (f->poller, g_ptr_array_index (ids, i), "image");
  rivya_poller_add (f->poller, g_ptr_array_index (ids, 0), "image");
  g_assert_cmpuint (rivya_poller_get_n_items (f->poller), ==, 3);
  g_assert_true (has_timer (f));

  wait_for_count (&f->n_finished, 3, 60);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      g_assert_cmpstr (g_hash_table_lookup (f->finished, id), ==, "succeeded");
    }
  g_assert_cmpuint (f->n_errors, ==, 0);
  /* queued → processing → succeeded is at most 3 changes per job, and
   * the jobs ran long enough for some polls to find nothing new. */
  g_assert_cmpuint (f->n_updated, >=, 3);
  g_assert_cmpuint (f->n_updated, <=, 9);
  g_assert_cmpuint (requests_sent (f), >, f->n_updated);
  g_assert_cmpuint (f->max_in_flight_seen, <=, 4);
  g_assert_cmpuint (rivya_poller_get_n_items (f->poller), ==, 0);

  /* Nothing left: no timer, and no wake-up while idle. */
  g_assert_false (has_timer (f));
  wakeups = rivya_poller_get_wakeups (f->poller);
  g_assert_cmpuint (wakeups, <=, requests_sent (f));
  run_for (300);
  g_assert_cmpuint (rivya_poller_get_wakeups (f->poller), ==, wakeups);
  g_assert_cmpuint (requests_sent (f), ==, f->request_times->len);
  g_test_message ("3 jobs: %" G_GUINT64_FORMAT " requests, %u updates, %" G_GUINT64_FORMAT
                  " wake-ups", requests_sent (f), f->n_updated, wakeups);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  user_data)
{
  rivya_poller_set_time_scale (f->poller, 0.01);
  rivya_poller_add (f->poller, "task_AAAAAAAAAAAAAAAAAAAAAAAA", NULL);

  wait_for_count (&f->n_errors, 1, 30);
  g_assert_error (f->error, RIVYA_ERROR, RIVYA_ERROR_NOT_FOUND);
  g_assert_cmpstr (f->error_task_id, ==, "task_AAAAAAAAAAAAAAAAAAAAAAAA");
  g_assert_cmpuint (rivya_poller_get_n_items (f->poller), ==, 0);
  g_assert_false (has_timer (f));

  /* It is not polled again. */
  run_for (200);
  g_assert_cmpuint (requests_sent (f), ==, 1);
  g_assert_cmpuint (f->n_updated + f->n_finished, ==, 0);
}

static void
test_idle (void)
{
  /* Nothing listens there, and nothing is sent. */
  g_autoptr(RivyaClient) client = rivya_client_new ("http://127.0.0.1:9", "rvya_sk_x");
  g_autoptr(RivyaPoller) poller = NULL;
  gboolean has_timer = TRUE;

  rivya_client_set_proxy_resolver (client, NULL);
  poller = rivya_poller_new (client);

  /* An empty poller has no source at all, and never wakes up. */
  g_object_get (poller, "has-pending-timer", &has_timer, NULL);
  g_assert_false (has_timer);
  run_for (200);
  g_assert_cmpuint (rivya_poller_get_wakeups (poller), ==, 0);

  rivya_poller_add (poller, "task_AAAAAAAAAAAAAAAAAAAAAAAA", "video");
  g_object_get (poller, "has-pending-timer", &has_timer, NULL);
  g_assert_true (has_timer);
  g_assert_true (rivya_poller_contains (poller, "task_AAAAAAAAAAAAAAAAAAAAAAAA"));
  g_assert_cmpuint (rivya_poller_get_n_items (poller), ==, 1);
  rivya_poller_remove (poller, "task_AAAAAAAAAAAAAAAAAAAAAAAA");
  g_object_get (poller, "has-pending-timer", &has_timer, NULL);
  g_assert_false (has_timer);
  rivya_poller_remove (poller, "task_AAAAAAAAAAAAAAAAAAAAAAAA");
  run_for (100);
  g_assert_cmpuint (rivya_poller_get_wakeups (poller), ==, 0);
  g_assert_cmpuint (rivya_poller_get_requests_sent (poller), ==, 0);

  /* A loopback server is polled whatever the network does. */
  g_assert_null (rivya_poller_get_network_monitor (poller));
  g_assert_false (rivya_poller_get_paused (poller));
}

static void
test_poll_now (Fixture       *f,
               gconstpointer  user_data)
{
  g_autofree char *id = submit (f->srv, f->srv->key, "poll now");

  /* At the real pace the first poll would be 2.5 s away. */
  rivya_poller_add (f->poller, id, "image");
  run_for (100);
  g_assert_cmpuint (requests_sent (f), ==, 0);
  rivya_poller_poll_now (f->poller, NULL);
  wait_for_count (&f->n_updated, 1, 10);
  g_assert_cmpuint (requests_sent (f), ==, 1);
  rivya_poller_remove (f->poller, id);
}

static const char *rate_limited_args[] = {
  "--rate-limit", "60", "--rate-burst", "2", "--job-latency", "600000", NULL
};

static void
test_retry_after (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *submit_key = srv_test_new_account_key (f->srv, "limited", 100, NULL);
  g_autofree char *poll_key = srv_test_admin (f->srv, NULL, "keys", "create",
                                              "--account", "limited", NULL);

  /* Limits are per key: the poller gets a key of its own. */
  rivya_client_set_api_key (f->client, poll_key);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *prompt = g_strdup_printf ("limited %u", i);
      g_ptr_array_add (ids, submit (f->srv, submit_key, prompt));
    }

  /* Scaled this much, the schedule alone would poll every few ms. The
   * jobs stay queued: each one's first answer is one update, and the
   * four of them need at least two waits of a second (burst of 2, then
   * one request a second). */
  rivya_poller_set_time_scale (f->poller, 0.01);
  for (guint i = 0; i < ids->len; i++)
    rivya_poller_add (f->poller, g_ptr_array_index (ids, i), "image");

  wait_for_count (&f->n_updated, 4, 60);
  g_assert_cmpuint (f->n_errors, ==, 0);
  g_assert_cmpuint (f->limited_times->len, >=, 1);
  g_assert_cmpuint (rivya_poller_get_n_items (f->poller), ==, 4);
  g_assert_cmpuint (get_counter (f, "rate-limited"), ==, f->limited_times->len);

  /* The server asks for at least 1 s: no request may follow a 429
   * sooner than that. */
  for (guint i = 0; i < f->limited_times->len; i++)
    for (guint j = 0; j < f->request_times->len; j++)
      {
        gint64 limited = g_array_index (f->limited_times, gint64, i);
        gint64 sent = g_array_index (f->request_times, gint64, j);

        if (sent > limited)
          g_assert_cmpint (sent - limited, >=, 950 * 1000);
      }
  g_test_message ("%u rate-limited answers, %" G_GUINT64_FORMAT " requests",
                  f->limited_times->len, requests_sent (f));

  for (guint i = 0; i < ids->len; i++)
    rivya_poller_remove (f->poller, g_ptr_array_index (ids, i));
  g_assert_false (has_timer (f));
}

static const char *latency_1500[] = { "--job-latency", "1500", NULL };

static void
test_server_down (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GUri) uri = g_uri_parse (f->srv->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  const char *restart_args[] = { "--job-latency", "1500", "--listen", listen, NULL };
  guint64 before, during;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *prompt = g_strdup_printf ("outage %u", i);
      g_ptr_array_add (ids, submit (f->srv, f->srv->key, prompt));
    }

  rivya_poller_set_time_scale (f->poller, 0.05);
  for (guint i = 0; i < ids->len; i++)
    rivya_poller_add (f->poller, g_ptr_array_index (ids, i), "image");
  wait_for_count (&f->n_updated, 4, 30);

  /* The restarted server must come back on the same port. */
  g_strfreev (f->srv->extra_args);
  f->srv->extra_args = g_strdupv ((char **) restart_args);
  srv_test_server_stop (f->srv);

  before = requests_sent (f);
  run_for (2000);
  during = requests_sent (f) - before;

  /* Four jobs polled every 250-500 ms would make 16 or more requests in
   * 2 s; backing off (50 ms, 100, 200, ... scaled) with a single probe
   * makes about six. */
  g_test_message ("server down for 2 s: %" G_GUINT64_FORMAT " requests, %" G_GUINT64_FORMAT
                  " transport errors", during, get_counter (f, "transport-errors"));
  g_assert_cmpuint (during, >=, 2);
  g_assert_cmpuint (during, <=, 8);
  g_assert_cmpuint (get_counter (f, "transport-errors"), >=, 2);
  g_assert_cmpuint (f->n_finished, ==, 0);
  g_assert_cmpuint (rivya_poller_get_n_items (f->poller), ==, 4);

  srv_test_server_restart (f->srv);
  wait_for_count (&f->n_finished, 4, 60);
  g_assert_cmpuint (f->n_errors, ==, 0);
  for (guint i = 0; i < ids->len; i++)
    g_assert_nonnull (g_hash_table_lookup (f->finished, g_ptr_array_index (ids, i)));
  g_assert_false (has_timer (f));
}

static void
test_network_monitor (Fixture       *f,
                      gconstpointer  user_data)
{
  g_autoptr(TestMonitor) monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  g_autofree char *id = submit (f->srv, f->srv->key, "offline");

  test_monitor_set_available (monitor, FALSE);
  rivya_poller_set_time_scale (f->poller, 0.01);
  rivya_poller_set_network_monitor (f->poller, G_NETWORK_MONITOR (monitor));
  g_assert_true (rivya_poller_get_paused (f->poller));

  /* Offline: nothing is sent and nothing ticks. */
  rivya_poller_add (f->poller, id, "image");
  g_assert_false (has_timer (f));
  run_for (300);
  g_assert_cmpuint (requests_sent (f), ==, 0);
  g_assert_cmpuint (rivya_poller_get_wakeups (f->poller), ==, 0);

  /* Back online: it resumes by itself. */
  test_monitor_set_available (monitor, TRUE);
  g_assert_false (rivya_poller_get_paused (f->poller));
  g_assert_true (has_timer (f));
  wait_for_count (&f->n_finished, 1, 30);
  g_assert_cmpstr (g_hash_table_lookup (f->finished, id), ==, "succeeded");

  rivya_poller_set_network_monitor (f->poller, NULL);
}

static void
test_default_monitor (void)
{
  g_autoptr(RivyaClient) remote = rivya_client_new ("https://rivya.ai", "rvya_sk_x");
  g_autoptr(RivyaClient) local = rivya_client_new ("http://localhost:8080", "rvya_sk_x");
  g_autoptr(RivyaClient) v6 = rivya_client_new ("http://[::1]:8080", "rvya_sk_x");
  g_autoptr(RivyaPoller) remote_poller = NULL;
  g_autoptr(RivyaPoller) local_poller = NULL;
  g_autoptr(RivyaPoller) v6_poller = NULL;

  rivya_client_set_proxy_resolver (remote, NULL);
  rivya_client_set_proxy_resolver (local, NULL);
  rivya_client_set_proxy_resolver (v6, NULL);
  remote_poller = rivya_poller_new (remote);
  local_poller = rivya_poller_new (local);
  v6_poller = rivya_poller_new (v6);

  g_assert_true (rivya_poller_get_network_monitor (remote_poller) ==
                 g_network_monitor_get_default ());
  g_assert_null (rivya_poller_get_network_monitor (local_poller));
  g_assert_null (rivya_poller_get_network_monitor (v6_poller));
}

static const char *many_args[] = {
  "--job-latency", "600000", "--rate-limit", "1000000", "--rate-burst", "1000000", NULL
};

static void
test_many_jobs (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *key = srv_test_new_account_key (f->srv, "many", 2000, NULL);
  const guint n_jobs = 1000;
  const double scale = 0.1;
  const double scaled_seconds = 60;
  gint64 start;
  double elapsed;
  double per_job_per_10s;
  guint64 requests;
  guint64 wakeups;

  rivya_client_set_api_key (f->client, key);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_jobs; i++)
    {
      g_autofree char *prompt = g_strdup_printf ("job %u", i);
      g_ptr_array_add (ids, submit (f->srv, key, prompt));
    }
  g_test_message ("%u submits in %.1f s", n_jobs, (g_get_monotonic_time () - start) / 1e6);

  rivya_poller_set_time_scale (f->poller, scale);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_jobs; i++)
    rivya_poller_add (f->poller, g_ptr_array_index (ids, i), "image");
  run_for (scaled_seconds * scale * 1000);

  /* A loaded machine's server may not have answered every job yet: the
   * first answer of each is one update. */
  wait_for_count (&f->n_updated, n_jobs, 60);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC / scale;

  requests = requests_sent (f);
  wakeups = rivya_poller_get_wakeups (f->poller);
  per_job_per_10s = requests / (double) n_jobs / (elapsed / 10);
  g_test_message ("%u jobs for %.0f s (scaled): %" G_GUINT64_FORMAT " requests, "
                  "%.2f per job per 10 s, %.1f per job per minute, %" G_GUINT64_FORMAT
                  " wake-ups, at most %u in flight",
                  n_jobs, elapsed, requests, per_job_per_10s, per_job_per_10s * 6,
                  wakeups, f->max_in_flight_seen);

  /* The schedule (2.5 s, then 5, 7.5, 10, 10, ...) makes 7 polls a job
   * in a minute, 1.17 per 10 s; jitter and queueing make it a bit less,
   * and a loaded machine much less. */
  g_assert_cmpfloat (per_job_per_10s, <, 2.0);
  g_assert_cmpuint (f->n_updated, ==, n_jobs);
  g_assert_cmpuint (f->max_in_flight_seen, <=, 4);
  g_assert_cmpuint (f->n_errors, ==, 0);
  g_assert_cmpuint (f->n_finished, ==, 0);
  g_assert_cmpuint (rivya_poller_get_n_items (f->poller), ==, n_jobs);

  for (guint i = 0; i < n_jobs; i++)
    rivya_poller_remove (f->poller, g_ptr_array_index (ids, i));
  g_assert_cmpuint (rivya_poller_get_n_items (f->poller), ==, 0);
  g_assert_false (has_timer (f));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/poller/follow", Fixture, latency_600, fixture_set_up, test_follow,
              fixture_tear_down);
  g_test_add ("/poller/not-found", Fixture, no_args, fixture_set_up, test_not_found,
              fixture_tear_down);
  g_test_add_func ("/poller/idle", test_idle);
  g_test_add ("/poller/poll-now", Fixture, latency_300, fixture_set_up, test_poll_now,
              fixture_tear_down);
  g_test_add ("/poller/retry-after", Fixture, rate_limited_args, fixture_set_up, test_retry_after,
              fixture_tear_down);
  g_test_add ("/poller/server-down", Fixture, latency_1500, fixture_set_up, test_server_down,
              fixture_tear_down);
  g_test_add ("/poller/network-monitor", Fixture, no_args, fixture_set_up, test_network_monitor,
              fixture_tear_down);
  g_test_add_func ("/poller/default-monitor", test_default_monitor);
  g_test_add ("/poller/many-jobs", Fixture, many_args, fixture_set_up, test_many_jobs,
              fixture_tear_down);

  return g_test_run ();
}
