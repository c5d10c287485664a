/* test-soak.c
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

/* Eight clients submit to one account in parallel for a minute
 * (RIVYA_SOAK_SECONDS changes it), each following its jobs to the end and
 * resending some submits under the same Idempotency-Key, as a client does
 * after a lost answer. Afterwards: every job was created once and only
 * once, none is lost, each settled once (the balance is what was granted
 * minus the final credits of every job), and the ledger sums to the
 * balance. */

#include "config.h"

#include <string.h>

#include "srv-test-utils.h"

#define N_CLIENTS 8
#define GRANT     100000

typedef struct
{
  SrvTestServer *srv;
  const char    *key;
  guint          index;
  gint64         deadline;

  /* Results, read after the thread is joined. */
  GHashTable    *jobs;        /* task id → final credits */
  guint          created;
  guint          replays;
  guint          conflicts;
  char          *failure;
} Client;

static SoupMessage *
new_message (Client     *client,
             const char *method,
             const char *path,
             const char *json,
             const char *idempotency_key)
{
  g_autofree char *uri = g_strconcat (client->srv->url, path, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", client->key, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (idempotency_key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", idempotency_key);
  if (json != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  return msg;
}

/* Sends and parses; returns the object or NULL, with the status. */
static JsonObject *
send_json (SoupSession *session,
           SoupMessage *msg,
           guint       *status)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  body = soup_session_send_and_read (session, msg, NULL, &error);
  *status = soup_message_get_status (msg);
  if (body == NULL
      || !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

#define FAIL(client, ...) G_STMT_START { \
    (client)->failure = g_strdup_printf (__VA_ARGS__); \
    return NULL; \
  } G_STMT_END

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  g_autoptr(SoupSession) session = soup_session_new ();

  soup_session_set_proxy_resolver (session, NULL);

  for (guint n = 0; g_get_monotonic_time () < client->deadline; n++)
    {
      g_autofree char *key = g_uuid_string_random ();
      g_autofree char *json = g_strdup_printf ("{\"model\": \"local-image\", \"prompt\": \"soak %u/%u\", "
                                               "\"params\": {\"aspect_ratio\": \"1:1\"}}", client->index, n);
      g_autoptr(SoupMessage) submit = new_message (client, "POST", "/api/v1/generations", json, key);
      g_autoptr(JsonObject) created = NULL;
      g_autofree char *id = NULL;
      g_autofree char *path = NULL;
      guint status;

      created = send_json (session, submit, &status);
      if (status != 201 || created == NULL)
        FAIL (client, "client %u: submit answered %u", client->index, status);
      id = g_strdup (json_object_get_string_member (created, "id"));
      if (g_hash_table_contains (client->jobs, id))
        FAIL (client, "client %u: a new key gave an old job %s", client->index, id);
      client->created++;

      if (n % 3 == 0)
        {
          /* The answer was "lost": the same submit again. */
          g_autoptr(SoupMessage) again = new_message (client, "POST", "/api/v1/generations", json, key);
          g_autoptr(JsonObject) replayed = send_json (session, again, &status);

          if (status != 201 || replayed == NULL
              || g_strcmp0 (json_object_get_string_member (replayed, "id"), id) != 0
              || g_strcmp0 (soup_message_headers_get_one (soup_message_get_response_headers (again),
                                                          "Idempotent-Replayed"), "true") != 0)
            FAIL (client, "client %u: a replay answered %u with another job", client->index, status);
          client->replays++;
        }
      if (n % 7 == 0)
        {
          /* The same key for another body is refused, creating nothing. */
          g_autoptr(SoupMessage) other = new_message (client, "POST", "/api/v1/generations",
                                                      "{\"model\": \"local-image\", \"prompt\": \"other\"}", key);
          g_autoptr(JsonObject) refused = send_json (session, other, &status);

          if (status != 409)
            FAIL (client, "client %u: a reused key with another body answered %u", client->index, status);
          client->conflicts++;
        }

      /* Follow the job to its end, as the app's poller does. */
      path = g_strconcat ("/api/v1/generations/", id, NULL);
      for (;;)
        {
          g_autoptr(SoupMessage) poll = new_message (client, "GET", path, NULL, NULL);
          g_autoptr(JsonObject) job = send_json (session, poll, &status);
          const char *state;

          if (status != 200 || job == NULL)
            FAIL (client, "client %u: polling %s answered %u", client->index, id, status);
          state = json_object_get_string_member (job, "status");
          if (g_str_equal (state, "succeeded") || g_str_equal (state, "failed"))
            {
              g_hash_table_insert (client->jobs, g_steal_pointer (&id),
                                   GINT_TO_POINTER ((int) json_object_get_int_member_with_default (job, "final_credits", 0)));
              break;
            }
          g_usleep (20 * G_TIME_SPAN_MILLISECOND);
        }
    }

  return NULL;
}

static void
test_soak (void)
{
  const char *args[] = { "--rate-limit", "1000000", "--rate-burst", "1000000", "--workers", "2", NULL };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autofree char *key = srv_test_new_account_key (srv, "soak", GRANT, NULL);
  g_autoptr(GHashTable) all = g_hash_table_new (g_str_hash, g_str_equal);
  const char *seconds_env = g_getenv ("RIVYA_SOAK_SECONDS");
  guint seconds = seconds_env ? (guint) g_ascii_strtoull (seconds_env, NULL, 10) : 60;
  Client clients[N_CLIENTS] = { 0 };
  GThread *threads[N_CLIENTS];
  gint64 spent = 0;
  guint created = 0, replays = 0, conflicts = 0;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  GHashTableIter iter;
  gpointer id, final;

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i] = (Client) {
        .srv = srv, .key = key, .index = i,
        .deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC,
        .jobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
      };
      threads[i] = g_thread_new ("soak-client", client_thread, &clients[i]);
    }

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_thread_join (threads[i]);
      if (clients[i].failure != NULL)
        g_error ("%s", clients[i].failure);

      g_hash_table_iter_init (&iter, clients[i].jobs);
      while (g_hash_table_iter_next (&iter, &id, &final))
        {
          /* No job was handed to two clients. */
          g_assert_false (g_hash_table_contains (all, id));
          g_hash_table_insert (all, id, final);
          spent += GPOINTER_TO_INT (final);
        }
      created += clients[i].created;
      replays += clients[i].replays;
      conflicts += clients[i].conflicts;
    }

  g_test_message ("%u jobs by %d clients in %u s, %u replays, %u conflicts, %" G_GINT64_FORMAT " credits spent",
                  created, N_CLIENTS, seconds, replays, conflicts, spent);
  g_assert_cmpuint (created, >, N_CLIENTS);
  g_assert_cmpuint (g_hash_table_size (all), ==, created);

  /* Every job still answers with its terminal state: none lost. */
  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &id, &final))
    {
      g_autofree char *path = g_strconcat ("/api/v1/generations/", (char *) id, NULL);
      g_autoptr(SrvTestResponse) r = srv_test_call (srv, "GET", path, key, NULL, NULL);
      JsonObject *job;

      srv_assert_status (r, 200);
      job = srv_test_response_object (r);
      g_assert_cmpint (json_object_get_int_member_with_default (job, "final_credits", 0), ==, GPOINTER_TO_INT (final));
    }

  /* Each job settled once: the balance is the grant minus what they cost
   * (replays and conflicts charged nothing), and the admin view finds the
   * ledger's sum equal to the balance (it flags a mismatch). */
  g_assert_cmpint (srv_test_credits (srv, key), ==, GRANT - spent);
  shown = srv_test_admin (srv, NULL, "credits", "show", "--account", "soak", NULL);
  expected = g_strdup_printf ("soak             %" G_GINT64_FORMAT, (gint64) GRANT - spent);
  g_assert_cmpstr (shown, ==, expected);

  for (guint i = 0; i < N_CLIENTS; i++)
    g_hash_table_unref (clients[i].jobs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/soak/eight-clients", test_soak);

  return g_test_run ();
}
