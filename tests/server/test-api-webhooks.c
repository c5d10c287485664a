/* test-api-webhooks.c
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

#include <string.h>

#include "srv-test-utils.h"

/* Webhooks against the real server: every route's answers and errors,
 * signed deliveries to a receiver running in this process, checked
 * with an independent Standard Webhooks verifier, retries, redirects,
 * restarts, rotation, disabling, paging and the URL rules. Loopback
 * only: the URLs that must be refused are never sent to. */

#define FAST_ARGS "--rate-limit", "1000000", "--rate-burst", "1000000"
#define WAIT_S    30

static const char * const shared_args[] = {
  "--allow-insecure-webhooks", "--webhook-retry-scale", "0.001", FAST_ARGS, NULL
};

static SrvTestServer *shared;

/* The receiver: a SoupServer on 127.0.0.1 in its own thread and main
 * context, so it answers while the test waits in synchronous calls.
 * What it does depends on the last segment of the path. */

typedef struct
{
  char   *path;
  char   *method;
  char   *webhook_id;
  char   *timestamp;
  char   *signature;
  char   *user_agent;
  char   *content_type;
  GBytes *body;
  gint64  received_us;
  guint   answered;
} Received;

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  int           port;
  GMutex        mutex;
  GCond         cond;
  GPtrArray    *received;   /* Received */
  GHashTable   *counts;     /* "path id" -> times seen */
  GPtrArray    *held;       /* SoupServerMessage, paused */
  gboolean      hold;
  gboolean      ready;
} Receiver;

static Receiver *receiver;

static void
received_free (Received *rec)
{
  g_free (rec->path);
  g_free (rec->method);
  g_free (rec->webhook_id);
  g_free (rec->timestamp);
  g_free (rec->signature);
  g_free (rec->user_agent);
  g_free (rec->content_type);
  g_clear_pointer (&rec->body, g_bytes_unref);
  g_free (rec);
}

/* A held request whose client went away is not answered later. */
static void
held_gone_cb (SoupServerMessage *msg,
              Receiver          *r)
{
  g_mutex_lock (&r->mutex);
  g_ptr_array_remove (r->held, msg);
  g_mutex_unlock (&r->mutex);
}

static void
receiver_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Receiver *r = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  Received *rec = g_new0 (Received, 1);
  g_autofree char *key = NULL;
  const char *last = strrchr (path, '/');
  gboolean hold;
  guint count;
  guint status = 404;

  rec->path = g_strdup (path);
  rec->method = g_strdup (soup_server_message_get_method (msg));
  rec->webhook_id = g_strdup (soup_message_headers_get_one (headers, "webhook-id"));
  rec->timestamp = g_strdup (soup_message_headers_get_one (headers, "webhook-timestamp"));
  rec->signature = g_strdup (soup_message_headers_get_one (headers, "webhook-signature"));
  rec->user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
  rec->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  rec->body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  rec->received_us = g_get_real_time ();

  key = g_strdup_printf ("%s %s", path, rec->webhook_id ? rec->webhook_id : "-");
  last = last ? last + 1 : path;

  g_mutex_lock (&r->mutex);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (r->counts, key)) + 1;
  g_hash_table_replace (r->counts, g_steal_pointer (&key), GUINT_TO_POINTER (count));
  hold = r->hold && g_str_equal (last, "hold");
  if (hold)
    {
      g_ptr_array_add (r->held, g_object_ref (msg));
      g_signal_connect (msg, "disconnected", G_CALLBACK (held_gone_cb), r);
    }
  else if (g_str_equal (last, "ok") || g_str_equal (last, "target") || g_str_equal (last, "hold"))
    status = 200;
  else if (g_str_equal (last, "nocontent"))
    status = 204;
  else if (g_str_equal (last, "fail"))
    status = 500;
  else if (g_str_equal (last, "flaky"))
    status = count == 1 ? 500 : 200;
  else if (g_str_equal (last, "redirect"))
    status = 302;
  rec->answered = hold ? 0 : status;
  g_ptr_array_add (r->received, rec);
  g_cond_broadcast (&r->cond);
  g_mutex_unlock (&r->mutex);

  if (hold)
    {
      soup_server_message_pause (msg);
      return;
    }

  if (status == 302)
    {
      g_autofree char *prefix = g_strndup (path, last - path);
      g_autofree char *target = g_strdup_printf ("http://127.0.0.1:%d%starget", r->port, prefix);

      soup_server_message_set_redirect (msg, 302, target);
      return;
    }

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
}

static gpointer
receiver_thread (gpointer data)
{
  Receiver *r = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (r->context);
  r->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (r->server, NULL, receiver_cb, r, NULL);
  soup_server_listen_local (r->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (r->server);
  g_assert_nonnull (uris);

  g_mutex_lock (&r->mutex);
  r->port = g_uri_get_port (uris->data);
  r->ready = TRUE;
  g_cond_broadcast (&r->cond);
  g_mutex_unlock (&r->mutex);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (r->loop);

  soup_server_disconnect (r->server);
  g_clear_object (&r->server);
  g_main_context_pop_thread_default (r->context);
  return NULL;
}

static Receiver *
receiver_new (void)
{
  Receiver *r = g_new0 (Receiver, 1);

  g_mutex_init (&r->mutex);
  g_cond_init (&r->cond);
  r->received = g_ptr_array_new_with_free_func ((GDestroyNotify)received_free);
  r->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->held = g_ptr_array_new_with_free_func (g_object_unref);
  r->context = g_main_context_new ();
  r->loop = g_main_loop_new (r->context, FALSE);
  r->thread = g_thread_new ("receiver", receiver_thread, r);

  g_mutex_lock (&r->mutex);
  while (!r->ready)
    g_cond_wait (&r->cond, &r->mutex);
  g_mutex_unlock (&r->mutex);
  return r;
}

/* Answers held requests (runs in the receiver's thread). */
static gboolean
release_cb (gpointer data)
{
  Receiver *r = data;
  g_autoptr(GPtrArray) held = NULL;

  g_mutex_lock (&r->mutex);
  held = g_steal_pointer (&r->held);
  r->held = g_ptr_array_new_with_free_func (g_object_unref);
  r->hold = FALSE;
  g_mutex_unlock (&r->mutex);

  for (guint i = 0; i < held->len; i++)
    {
      SoupServerMessage *msg = g_ptr_array_index (held, i);

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_unpause (msg);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer data)
{
  release_cb (data);
  g_main_loop_quit (((Receiver *)data)->loop);
  return G_SOURCE_REMOVE;
}

static void
receiver_free (Receiver *r)
{
  g_main_context_invoke (r->context, quit_cb, r);
  g_thread_join (r->thread);
  g_main_loop_unref (r->loop);
  g_main_context_unref (r->context);
  g_ptr_array_unref (r->received);
  g_ptr_array_unref (r->held);
  g_hash_table_unref (r->counts);
  g_mutex_clear (&r->mutex);
  g_cond_clear (&r->cond);
  g_free (r);
}

static void
receiver_set_hold (Receiver *r,
                   gboolean  hold)
{
  if (hold)
    {
      g_mutex_lock (&r->mutex);
      r->hold = TRUE;
      g_mutex_unlock (&r->mutex);
    }
  else
    g_main_context_invoke (r->context, release_cb, r);
}

static char *
receiver_url (Receiver   *r,
              const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%d%s", r->port, path);
}

static guint
count_locked (Receiver   *r,
              const char *path)
{
  guint n = 0;

  for (guint i = 0; i < r->received->len; i++)
    {
      Received *rec = g_ptr_array_index (r->received, i);

      if (g_str_equal (rec->path, path))
        n++;
    }
  return n;
}

/* The requests that reached path so far (borrowed: nothing is removed
 * while the receiver lives). */
static GPtrArray *
receiver_get (Receiver   *r,
              const char *path)
{
  GPtrArray *out = g_ptr_array_new ();

  g_mutex_lock (&r->mutex);
  for (guint i = 0; i < r->received->len; i++)
    {
      Received *rec = g_ptr_array_index (r->received, i);

      if (g_str_equal (rec->path, path))
        g_ptr_array_add (out, rec);
    }
  g_mutex_unlock (&r->mutex);
  return out;
}

static GPtrArray *
receiver_wait (Receiver   *r,
               const char *path,
               guint       n,
               guint       timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  g_mutex_lock (&r->mutex);
  while (count_locked (r, path) < n)
    {
      if (!g_cond_wait_until (&r->cond, &r->mutex, deadline))
        {
          guint got = count_locked (r, path);

          g_mutex_unlock (&r->mutex);
          g_error ("%s got %u of %u requests within %u s", path, got, n, timeout_s);
        }
    }
  g_mutex_unlock (&r->mutex);
  return receiver_get (r, path);
}

/* An independent Standard Webhooks verifier, as a receiver would write
 * it from the specification (B.11), sharing no code with the server. */

static gboolean
equal_constant_time (const char *a,
                     const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint8 diff = la != lb;

  for (gsize i = 0; i < MAX (la, lb); i++)
    diff |= (guint8)((i < la ? a[i] : 0) ^ (i < lb ? b[i] : 0));
  return diff == 0;
}

static char *
expected_signature (const char *secret,
                    const char *id,
                    const char *timestamp,
                    GBytes     *body)
{
  g_autoptr(GHmac) hmac = NULL;
  g_autofree guchar *key = NULL;
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  gsize key_len = 0;

  g_assert_true (g_str_has_prefix (secret, "whsec_"));
  key = g_base64_decode (secret + 6, &key_len);
  g_assert_cmpuint (key_len, ==, 32);
  hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  g_hmac_update (hmac, (const guchar *)id, strlen (id));
  g_hmac_update (hmac, (const guchar *)".", 1);
  g_hmac_update (hmac, (const guchar *)timestamp, strlen (timestamp));
  g_hmac_update (hmac, (const guchar *)".", 1);
  g_hmac_update (hmac, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_hmac_get_digest (hmac, digest, &digest_len);
  return g_base64_encode (digest, digest_len);
}

/* Which of the space-separated signatures (0, 1, ...) the secret
 * produced, or -1: also -1 when the timestamp is not within 300 s. */
static int
verify_with (const char *secret,
             const char *id,
             const char *timestamp,
             const char *signatures,
             GBytes     *body,
             gint64      now_s)
{
  g_autofree char *expected = NULL;
  g_auto(GStrv) parts = NULL;
  gint64 ts;

  if (id == NULL || timestamp == NULL || signatures == NULL ||
      !g_ascii_string_to_signed (timestamp, 10, 0, G_MAXINT64, &ts, NULL) ||
      ABS (now_s - ts) > 300)
    return -1;

  expected = expected_signature (secret, id, timestamp, body);
  parts = g_strsplit (signatures, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "v1,") && equal_constant_time (parts[i] + 3, expected))
        return (int)i;
    }
  return -1;
}

static int
verify (const char *secret,
        Received   *rec)
{
  return verify_with (secret, rec->webhook_id, rec->timestamp, rec->signature, rec->body,
                      g_get_real_time () / G_USEC_PER_SEC);
}

/* JSON helpers */

static JsonNode *
parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static const char *
str (JsonObject *o,
     const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_string_member (o, name);
}

static gboolean
is_null (JsonObject *o,
         const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_null_member (o, name);
}

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, strlen ("2026-05-11T00:00:00.000Z"));
  g_assert_true (g_str_has_suffix (text, "Z"));
  dt = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
}

static gint64
time_member (JsonObject *o,
             const char *name)
{
  return parse_time (str (o, name));
}

static void
assert_id (const char *id,
           const char *prefix)
{
  g_assert_nonnull (id);
  g_assert_true (g_str_has_prefix (id, prefix));
  g_assert_cmpuint (strlen (id), ==, strlen (prefix) + 24);
  for (const char *p = id + strlen (prefix); *p; p++)
    g_assert_true (g_ascii_isalnum (*p));
}

static void
assert_members (JsonObject         *o,
                const char * const *names)
{
  guint n = 0;

  for (; names[n] != NULL; n++)
    {
      if (!json_object_has_member (o, names[n]))
        g_error ("The member %s is missing", names[n]);
    }
  g_assert_cmpuint (json_object_get_size (o), ==, n);
}

static const char * const endpoint_members[] = {
  "id", "object", "name", "url", "event_types", "status", "secret_preview", "last_success_at",
  "last_failure_at", "failure_count", "created_at", "updated_at", "disabled_at", "revoked_at", NULL
};

static const char * const endpoint_members_with_secret[] = {
  "id", "object", "name", "url", "event_types", "status", "secret_preview", "signing_secret",
  "last_success_at", "last_failure_at", "failure_count", "created_at", "updated_at",
  "disabled_at", "revoked_at", NULL
};

static const char * const delivery_members[] = {
  "id", "object", "endpoint_id", "event_id", "event_type", "attempt", "status", "response_status",
  "error", "duration_ms", "created_at", "next_retry_at", NULL
};

static const char * const event_members[] = {
  "id", "object", "type", "api_version", "created_at", "data", NULL
};

static void
assert_endpoint (JsonObject *w,
                 gboolean    with_secret)
{
  const char *preview = str (w, "secret_preview");

  assert_members (w, with_secret ? endpoint_members_with_secret : endpoint_members);
  assert_id (str (w, "id"), "whend_");
  g_assert_cmpstr (str (w, "object"), ==, "webhook_endpoint");
  g_assert_true (g_str_has_prefix (preview, "whsec_"));
  g_assert_cmpuint (strlen (preview), ==, 6 + 2 + 3 + 6);
  g_assert_true (strncmp (preview + 8, "...", 3) == 0);
  time_member (w, "created_at");
  time_member (w, "updated_at");
  if (with_secret)
    {
      const char *secret = str (w, "signing_secret");
      g_autofree guchar *key = NULL;
      g_autofree char *expected = NULL;
      gsize len = 0;

      g_assert_true (g_str_has_prefix (secret, "whsec_"));
      key = g_base64_decode (secret + 6, &len);
      g_assert_cmpuint (len, ==, 32);
      g_assert_cmpuint (strlen (secret), ==, 6 + 44);
      expected = g_strdup_printf ("whsec_%.2s...%.6s", secret + 6, secret + 6 + 43 - 6);
      g_assert_cmpstr (preview, ==, expected);
    }
}

static void
assert_delivery (JsonObject *d)
{
  assert_members (d, delivery_members);
  assert_id (str (d, "id"), "whdel_");
  assert_id (str (d, "endpoint_id"), "whend_");
  assert_id (str (d, "event_id"), "evt_");
  g_assert_cmpstr (str (d, "object"), ==, "webhook_delivery");
  g_assert_cmpint (json_object_get_int_member (d, "attempt"), >=, 1);
  g_assert_cmpint (json_object_get_int_member (d, "attempt"), <=, 8);
  time_member (d, "created_at");
}

/* Calls */

static SrvTestResponse *
call (SrvTestServer *srv,
      const char    *method,
      const char    *path,
      const char    *key,
      const char    *body)
{
  return srv_test_call (srv, method, path, key, body, NULL);
}

static JsonObject *
call_ok (SrvTestServer *srv,
         const char    *method,
         const char    *path,
         const char    *key,
         const char    *body,
         guint          status)
{
  g_autoptr(SrvTestResponse) resp = call (srv, method, path, key, body);

  srv_assert_status (resp, status);
  return json_object_ref (srv_test_response_object (resp));
}

static JsonObject *
create_endpoint (SrvTestServer *srv,
                 const char    *key,
                 const char    *url,
                 const char    *types)
{
  g_autofree char *body = g_strdup_printf ("{\"name\": \"hook\", \"url\": \"%s\", \"event_types\": %s}",
                                           url, types ? types
                                           : "[\"generation.succeeded\", \"generation.failed\"]");
  JsonObject *w = call_ok (srv, "POST", "/api/v1/webhooks", key, body, 201);

  assert_endpoint (w, TRUE);
  g_assert_cmpstr (str (w, "url"), ==, url);
  return w;
}

static char *
endpoint_path (JsonObject *w,
               const char *suffix)
{
  return g_strconcat ("/api/v1/webhooks/", str (w, "id"), suffix, NULL);
}

static JsonObject *
get_endpoint (SrvTestServer *srv,
              const char    *key,
              JsonObject    *w)
{
  g_autofree char *path = endpoint_path (w, "");
  JsonObject *fresh = call_ok (srv, "GET", path, key, NULL, 200);

  assert_endpoint (fresh, FALSE);
  return fresh;
}

static JsonArray *
list_data (JsonObject *list)
{
  g_assert_cmpstr (str (list, "object"), ==, "list");
  g_assert_true (json_object_has_member (list, "has_more"));
  g_assert_true (json_object_has_member (list, "next_after"));
  g_assert_cmpuint (json_object_get_size (list), ==, 4);
  return json_object_get_array_member (list, "data");
}

/* The endpoint's delivery records, newest first. */
static JsonArray *
deliveries (SrvTestServer *srv,
            const char    *key,
            JsonObject    *w,
            JsonObject   **list_out)
{
  g_autofree char *path = endpoint_path (w, "/deliveries?limit=100");
  JsonObject *list = call_ok (srv, "GET", path, key, NULL, 200);
  JsonArray *data = list_data (list);

  for (guint i = 0; i < json_array_get_length (data); i++)
    assert_delivery (json_array_get_object_element (data, i));
  *list_out = list;
  return data;
}

/* Polls the delivery records until check () says so. */
typedef gboolean (*DeliveriesCheck) (JsonArray *data,
                                     gpointer   user_data);

static JsonObject *
wait_deliveries (SrvTestServer   *srv,
                 const char      *key,
                 JsonObject      *w,
                 DeliveriesCheck  check,
                 gpointer         user_data,
                 guint            timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (TRUE)
    {
      JsonObject *list = NULL;
      JsonArray *data = deliveries (srv, key, w, &list);

      if (check (data, user_data))
        return list;
      json_object_unref (list);
      if (g_get_monotonic_time () > deadline)
        g_error ("The deliveries of %s did not get there within %u s", str (w, "id"), timeout_s);
      g_usleep (20 * 1000);
    }
}

static gboolean
settled_count (JsonArray *data,
               gpointer   user_data)
{
  guint wanted = GPOINTER_TO_UINT (user_data), settled = 0;

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      if (!g_str_equal (str (json_array_get_object_element (data, i), "status"), "pending"))
        settled++;
    }
  return settled >= wanted;
}

static void
revoke_endpoint (SrvTestServer *srv,
                 const char    *key,
                 JsonObject    *w)
{
  g_autofree char *path = endpoint_path (w, "");
  g_autoptr(JsonObject) gone = call_ok (srv, "DELETE", path, key, NULL, 200);

  g_assert_cmpstr (str (gone, "status"), ==, "revoked");
}

static char *
submit (SrvTestServer *srv,
        const char    *key,
        const char    *body)
{
  g_autoptr(JsonObject) g = call_ok (srv, "POST", "/api/v1/generations", key, body, 201);

  return g_strdup (str (g, "id"));
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  g_autoptr(JsonNode) na = json_node_init_object (json_node_alloc (), a);
  g_autoptr(JsonNode) nb = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (na, nb);
}

static gboolean
member_equal (JsonObject *a,
              JsonObject *b,
              const char *name)
{
  return json_node_equal (json_object_get_member (a, name), json_object_get_member (b, name));
}

static void
assert_strv_array (JsonArray          *array,
                   const char * const *expected)
{
  guint n = g_strv_length ((char **)expected);

  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

/* Tests */

static void
test_crud (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "crud", 0, NULL);
  g_autofree char *url = receiver_url (receiver, "/crud/ok");
  g_autofree char *url2 = receiver_url (receiver, "/crud/nocontent");
  g_autoptr(JsonObject) w = create_endpoint (shared, key, url, "[\"generation.failed\"]");
  g_autofree char *path = endpoint_path (w, "");
  g_autofree char *test_path = endpoint_path (w, "/test");
  g_autofree char *rotate_path = endpoint_path (w, "/rotate-secret");
  g_autoptr(JsonObject) got = NULL;
  g_autoptr(JsonObject) list = NULL;
  g_autoptr(JsonObject) patched = NULL;
  g_autoptr(JsonObject) revoked = NULL;
  static const char * const failed_only[] = { "generation.failed", NULL };
  static const char * const both[] = { "generation.succeeded", "generation.failed", NULL };
  gint64 created, now = g_get_real_time () / 1000;

  /* The answer to create, with its secret. */
  g_assert_cmpstr (str (w, "name"), ==, "hook");
  assert_strv_array (json_object_get_array_member (w, "event_types"), failed_only);
  g_assert_cmpstr (str (w, "status"), ==, "active");
  g_assert_cmpint (json_object_get_int_member (w, "failure_count"), ==, 0);
  g_assert_true (is_null (w, "last_success_at"));
  g_assert_true (is_null (w, "last_failure_at"));
  g_assert_true (is_null (w, "disabled_at"));
  g_assert_true (is_null (w, "revoked_at"));
  created = time_member (w, "created_at");
  g_assert_cmpint (created, ==, time_member (w, "updated_at"));
  g_assert_cmpint (ABS (created - now), <, 60000);

  /* Read back: the same, except that the secret is never shown again. */
  got = get_endpoint (shared, key, w);
  for (guint i = 0; endpoint_members[i] != NULL; i++)
    g_assert_true (member_equal (w, got, endpoint_members[i]));

  list = call_ok (shared, "GET", "/api/v1/webhooks", key, NULL, 200);
  g_assert_cmpuint (json_array_get_length (list_data (list)), ==, 1);
  g_assert_false (json_object_get_boolean_member (list, "has_more"));
  g_assert_true (is_null (list, "next_after"));
  g_assert_true (objects_equal (json_array_get_object_element (list_data (list), 0), got));

  /* PATCH changes what it is given and nothing else. */
  patched = call_ok (shared, "PATCH", path, key,
                     "{\"name\": \"renamed\", \"event_types\": [\"generation.succeeded\", \"generation.failed\"]}",
                     200);
  assert_endpoint (patched, FALSE);
  g_assert_cmpstr (str (patched, "name"), ==, "renamed");
  assert_strv_array (json_object_get_array_member (patched, "event_types"), both);
  g_assert_cmpstr (str (patched, "url"), ==, url);
  g_assert_cmpstr (str (patched, "id"), ==, str (w, "id"));
  g_assert_cmpstr (str (patched, "secret_preview"), ==, str (w, "secret_preview"));
  g_assert_cmpint (time_member (patched, "created_at"), ==, created);
  g_assert_cmpint (time_member (patched, "updated_at"), >=, created);
  g_clear_pointer (&patched, json_object_unref);

  {
    g_autofree char *body = g_strdup_printf ("{\"url\": \"%s\"}", url2);

    patched = call_ok (shared, "PATCH", path, key, body, 200);
    g_assert_cmpstr (str (patched, "url"), ==, url2);
    g_assert_cmpstr (str (patched, "name"), ==, "renamed");
    g_clear_pointer (&patched, json_object_unref);
  }

  /* Disabled by hand: no test events; re-enabled. */
  patched = call_ok (shared, "PATCH", path, key, "{\"status\": \"disabled\"}", 200);
  g_assert_cmpstr (str (patched, "status"), ==, "disabled");
  g_assert_cmpint (time_member (patched, "disabled_at"), >=, created);
  g_clear_pointer (&patched, json_object_unref);
  {
    g_autoptr(SrvTestResponse) resp = call (shared, "POST", test_path, key, NULL);
    srv_assert_error (resp, 400, "validation_failed");
  }
  patched = call_ok (shared, "PATCH", path, key, "{\"status\": \"active\"}", 200);
  g_assert_cmpstr (str (patched, "status"), ==, "active");
  g_assert_true (is_null (patched, "disabled_at"));
  g_assert_cmpint (json_object_get_int_member (patched, "failure_count"), ==, 0);
  g_clear_pointer (&patched, json_object_unref);

  /* Create honours Idempotency-Key (B.3), secret included. */
  {
    g_autofree char *body = g_strdup_printf ("{\"name\": \"once\", \"url\": \"%s\", \"event_types\": [\"generation.failed\"]}", url);
    g_autoptr(SrvTestResponse) first = srv_test_call (shared, "POST", "/api/v1/webhooks", key, body,
                                                      "Idempotency-Key", "wh-create-1", NULL);
    g_autoptr(SrvTestResponse) again = srv_test_call (shared, "POST", "/api/v1/webhooks", key, body,
                                                      "Idempotency-Key", "wh-create-1", NULL);

    srv_assert_status (first, 201);
    srv_assert_status (again, 201);
    g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Idempotent-Replayed"), ==, "true");
    g_assert_true (g_bytes_equal (first->body, again->body));
    g_clear_pointer (&list, json_object_unref);
    list = call_ok (shared, "GET", "/api/v1/webhooks", key, NULL, 200);
    g_assert_cmpuint (json_array_get_length (list_data (list)), ==, 2);
    revoke_endpoint (shared, key, srv_test_response_object (first));
  }

  /* DELETE revokes, answers the revoked endpoint, and is final. */
  revoked = call_ok (shared, "DELETE", path, key, NULL, 200);
  assert_endpoint (revoked, FALSE);
  g_assert_cmpstr (str (revoked, "status"), ==, "revoked");
  g_assert_cmpint (time_member (revoked, "revoked_at"), >=, created);
  g_assert_cmpstr (str (revoked, "name"), ==, "renamed");
  g_clear_pointer (&got, json_object_unref);
  got = get_endpoint (shared, key, w);
  g_assert_true (objects_equal (got, revoked));
  g_clear_pointer (&got, json_object_unref);
  got = call_ok (shared, "DELETE", path, key, NULL, 200);
  g_assert_true (objects_equal (got, revoked));

  {
    g_autoptr(SrvTestResponse) p = call (shared, "PATCH", path, key, "{\"name\": \"again\"}");
    g_autoptr(SrvTestResponse) r = call (shared, "POST", rotate_path, key, NULL);
    g_autoptr(SrvTestResponse) t = call (shared, "POST", test_path, key, NULL);

    srv_assert_error (p, 400, "validation_failed");
    srv_assert_error (r, 400, "validation_failed");
    srv_assert_error (t, 400, "validation_failed");
  }
}

typedef struct
{
  const char *method;
  const char *suffix;   /* after /api/v1/webhooks/<id>, or NULL for the collection */
  const char *body;
  guint       status;
  const char *code;
  const char *param;
} BadCase;

static void
test_validation (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "validation", 0, NULL);
  g_autofree char *other = srv_test_new_account_key (shared, "validation-other", 0, NULL);
  g_autofree char *url = receiver_url (receiver, "/validation/ok");
  g_autoptr(JsonObject) w = create_endpoint (shared, key, url, NULL);
  g_autoptr(JsonObject) foreign = create_endpoint (shared, other, url, NULL);
  g_autofree char *long_name = g_strnfill (129, 'n');
  g_autofree char *max_name = g_strnfill (128, 'n');
  g_autofree char *foreign_after = g_strdup_printf ("?after=%s", str (foreign, "id"));
#define U "\"url\": \"http://127.0.0.1:1/v\""
#define T "\"event_types\": [\"generation.failed\"]"
  const BadCase cases[] = {
    { "POST", NULL, "{\"name\": \"a\", " U ", " T ", \"secret\": \"x\"}", 400, "validation_failed", "secret" },
    { "POST", NULL, "{" U ", " T "}", 400, "validation_failed", "name" },
    { "POST", NULL, "{\"name\": \"\", " U ", " T "}", 400, "validation_failed", "name" },
    { "POST", NULL, "{\"name\": 5, " U ", " T "}", 400, "validation_failed", "name" },
    { "POST", NULL, "{\"name\": null, " U ", " T "}", 400, "validation_failed", "name" },
    { "POST", NULL, "{\"name\": \"a\", " T "}", 400, "validation_failed", "url" },
    { "POST", NULL, "{\"name\": \"a\", \"url\": 5, " T "}", 400, "validation_failed", "url" },
    { "POST", NULL, "{\"name\": \"a\", " U "}", 400, "validation_failed", "event_types" },
    { "POST", NULL, "{\"name\": \"a\", " U ", \"event_types\": []}", 400, "validation_failed", "event_types" },
    { "POST", NULL, "{\"name\": \"a\", " U ", \"event_types\": \"generation.failed\"}", 400, "validation_failed", "event_types" },
    { "POST", NULL, "{\"name\": \"a\", " U ", \"event_types\": [\"nope\"]}", 400, "validation_failed", "event_types[0]" },
    { "POST", NULL, "{\"name\": \"a\", " U ", \"event_types\": [\"webhook.test\"]}", 400, "validation_failed", "event_types[0]" },
    { "POST", NULL, "{\"name\": \"a\", " U ", \"event_types\": [\"generation.failed\", 3]}", 400, "validation_failed", "event_types[1]" },
    { "POST", NULL, "{\"name\": \"a\", " U ", \"event_types\": [\"generation.failed\", \"generation.failed\"]}", 400, "validation_failed", "event_types[1]" },
    { "POST", NULL, "{\"name\": \"a\", \"url\": \"ftp://127.0.0.1/\", " T "}", 400, "webhook_url_rejected", "url" },
    { "POST", NULL, "{\"name\": \"a\", \"url\": \"http://10.0.0.1/\", " T "}", 400, "webhook_url_rejected", "url" },
    { "POST", NULL, "[]", 400, "validation_failed", "body" },
    { "POST", NULL, "{\"name\": ", 400, "validation_failed", "body" },
    { "POST", NULL, "", 400, "validation_failed", "body" },
    { "PATCH", "", "{}", 400, "validation_failed", "body" },
    { "PATCH", "", "{\"id\": \"whend_x\"}", 400, "validation_failed", "id" },
    { "PATCH", "", "{\"secret_preview\": \"x\"}", 400, "validation_failed", "secret_preview" },
    { "PATCH", "", "{\"status\": \"revoked\"}", 400, "validation_failed", "status" },
    { "PATCH", "", "{\"status\": \"paused\"}", 400, "validation_failed", "status" },
    { "PATCH", "", "{\"status\": true}", 400, "validation_failed", "status" },
    { "PATCH", "", "{\"name\": \"\"}", 400, "validation_failed", "name" },
    { "PATCH", "", "{\"event_types\": []}", 400, "validation_failed", "event_types" },
    { "PATCH", "", "{\"event_types\": [\"generation.started\"]}", 400, "validation_failed", "event_types[0]" },
    { "PATCH", "", "{\"url\": \"http://169.254.169.254/latest\"}", 400, "webhook_url_rejected", "url" },
    { "PATCH", "", "{\"url\": \"http://user:pw@127.0.0.1/\"}", 400, "webhook_url_rejected", "url" },
    { "POST", "/rotate-secret", "{\"grace\": 0}", 400, "validation_failed", "grace" },
    { "POST", "/rotate-secret", "nope", 400, "validation_failed", "body" },
    { "POST", "/test", "{\"type\": \"generation.failed\"}", 400, "validation_failed", "type" },
    { "GET", "?limit=0", NULL, 400, "validation_failed", "limit" },
    { "GET", "?limit=101", NULL, 400, "validation_failed", "limit" },
    { "GET", "?limit=abc", NULL, 400, "validation_failed", "limit" },
    { "GET", "?limit=-1", NULL, 400, "validation_failed", "limit" },
    { "GET", "?after=bogus", NULL, 400, "validation_failed", "after" },
    { "GET", "?after=whend_000000000000000000000000", NULL, 400, "validation_failed", "after" },
    { "GET", foreign_after, NULL, 400, "validation_failed", "after" },
    { "GET", "/deliveries?limit=0", NULL, 400, "validation_failed", "limit" },
    { "GET", "/deliveries?after=evt_000000000000000000000000", NULL, 400, "validation_failed", "after" },
    { "GET", "/deliveries?after=whdel_000000000000000000000000", NULL, 400, "validation_failed", "after" },
    { "PUT", "", "{}", 405, "method_not_allowed", NULL },
  };
#undef U
#undef T

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(SrvTestResponse) resp = NULL;

      if (cases[i].suffix == NULL)
        path = g_strdup ("/api/v1/webhooks");
      else if (cases[i].suffix[0] == '?')
        path = g_strconcat ("/api/v1/webhooks", cases[i].suffix, NULL);
      else
        path = endpoint_path (w, cases[i].suffix);

      resp = call (shared, cases[i].method, path, key, cases[i].body);
      if (resp->status != cases[i].status ||
          g_strcmp0 (srv_test_error_code (resp), cases[i].code) != 0 ||
          g_strcmp0 (srv_test_error_param (resp), cases[i].param) != 0)
        g_error ("Case %u (%s %s %s): got %u %.*s", i, cases[i].method, path,
                 cases[i].body ? cases[i].body : "", resp->status,
                 (int)g_bytes_get_size (resp->body), (const char *)g_bytes_get_data (resp->body, NULL));
      srv_assert_error (resp, cases[i].status, cases[i].code);
    }

  /* The longest name is fine; the events list pages like the others. */
  {
    g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\"}", max_name);
    g_autofree char *path = endpoint_path (w, "");
    g_autoptr(JsonObject) patched = call_ok (shared, "PATCH", path, key, body, 200);
    g_autofree char *too_long = g_strdup_printf ("{\"name\": \"%s\"}", long_name);
    g_autoptr(SrvTestResponse) resp = call (shared, "PATCH", path, key, too_long);
    g_autoptr(SrvTestResponse) events = call (shared, "GET", "/api/v1/webhook-events?after=whend_000000000000000000000000", key, NULL);
    g_autoptr(SrvTestResponse) events_limit = call (shared, "GET", "/api/v1/webhook-events?limit=1000", key, NULL);

    g_assert_cmpstr (str (patched, "name"), ==, max_name);
    srv_assert_error (resp, 400, "validation_failed");
    g_assert_cmpstr (srv_test_error_param (resp), ==, "name");
    srv_assert_error (events, 400, "validation_failed");
    g_assert_cmpstr (srv_test_error_param (events), ==, "after");
    srv_assert_error (events_limit, 400, "validation_failed");
    g_assert_cmpstr (srv_test_error_param (events_limit), ==, "limit");
  }

  /* JSON bodies only. */
  {
    g_autofree char *uri = g_strconcat (shared->url, "/api/v1/webhooks", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
    g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);
    g_autoptr(GBytes) body = g_bytes_new_static ("name=a", 6);
    g_autoptr(SrvTestResponse) resp = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
    resp = srv_test_send (shared, msg);
    srv_assert_error (resp, 415, "unsupported_media_type");
  }

  /* Nothing above created or changed anything else. */
  {
    g_autoptr(JsonObject) list = call_ok (shared, "GET", "/api/v1/webhooks", key, NULL, 200);
    g_autoptr(JsonObject) fresh = get_endpoint (shared, key, w);

    g_assert_cmpuint (json_array_get_length (list_data (list)), ==, 1);
    g_assert_cmpstr (str (fresh, "url"), ==, url);
    g_assert_cmpstr (str (fresh, "status"), ==, "active");
    g_assert_cmpstr (str (fresh, "secret_preview"), ==, str (w, "secret_preview"));
  }
}

static void
test_access (void)
{
  g_autofree char *alice = srv_test_new_account_key (shared, "wh-alice", 0, NULL);
  g_autofree char *bob = srv_test_new_account_key (shared, "wh-bob", 0, NULL);
  g_autofree char *denied = srv_test_new_account_key (shared, "wh-denied", 0,
                                                      "models:read,generations:create,generations:read,"
                                                      "files:create,files:read,credits:read,"
                                                      "chat:create,chat:read");
  g_autofree char *url = receiver_url (receiver, "/access/ok");
  g_autoptr(JsonObject) w = create_endpoint (shared, alice, url, NULL);
  const char *id = str (w, "id");
  g_autofree char *one = g_strconcat ("/api/v1/webhooks/", id, NULL);
  g_autofree char *rotate = g_strconcat (one, "/rotate-secret", NULL);
  g_autofree char *test = g_strconcat (one, "/test", NULL);
  g_autofree char *dels = g_strconcat (one, "/deliveries", NULL);
  struct { const char *method; const char *path; const char *body; } ops[] = {
    { "POST", "/api/v1/webhooks", "{\"name\": \"x\", \"url\": \"http://127.0.0.1:1/\", \"event_types\": [\"generation.failed\"]}" },
    { "GET", "/api/v1/webhooks", NULL },
    { "GET", one, NULL },
    { "PATCH", one, "{\"name\": \"stolen\"}" },
    { "DELETE", one, NULL },
    { "POST", rotate, NULL },
    { "POST", test, NULL },
    { "GET", dels, NULL },
    { "GET", "/api/v1/webhook-events", NULL },
  };
  const char *missing[] = {
    "/api/v1/webhooks/nope", "/api/v1/webhooks/whend_short",
    "/api/v1/webhooks/whend_000000000000000000000000",
    "/api/v1/webhooks/whend_000000000000000000000000/deliveries",
    "/api/v1/webhooks/task_000000000000000000000000",
  };

  /* Another account's endpoint is answered like a missing one. */
  for (guint i = 2; i < G_N_ELEMENTS (ops); i++)
    {
      g_autoptr(SrvTestResponse) resp = NULL;

      if (g_str_equal (ops[i].path, "/api/v1/webhook-events"))
        continue;
      resp = call (shared, ops[i].method, ops[i].path, bob, ops[i].body);
      srv_assert_error (resp, 404, "not_found");
    }
  for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
    {
      g_autoptr(SrvTestResponse) resp = call (shared, "GET", missing[i], alice, NULL);
      srv_assert_error (resp, 404, "not_found");
    }
  {
    g_autoptr(JsonObject) bobs = call_ok (shared, "GET", "/api/v1/webhooks", bob, NULL, 200);
    g_autoptr(JsonObject) fresh = get_endpoint (shared, alice, w);

    g_assert_cmpuint (json_array_get_length (list_data (bobs)), ==, 0);
    g_assert_cmpstr (str (fresh, "name"), ==, "hook");
    g_assert_cmpstr (str (fresh, "status"), ==, "active");
    g_assert_cmpstr (str (fresh, "secret_preview"), ==, str (w, "secret_preview"));
  }

  /* Every route needs a key, and the webhooks:manage scope (A.2). */
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      g_autoptr(SrvTestResponse) none = call (shared, ops[i].method, ops[i].path, NULL, ops[i].body);
      g_autoptr(SrvTestResponse) scope = call (shared, ops[i].method, ops[i].path, denied, ops[i].body);

      srv_assert_error (none, 401, "api_key_missing");
      srv_assert_error (scope, 403, "api_scope_denied");
    }

  /* Still untouched by all of that. */
  {
    g_autoptr(JsonObject) fresh = get_endpoint (shared, alice, w);
    g_autoptr(JsonObject) dl = NULL;
    JsonArray *data = deliveries (shared, alice, w, &dl);

    g_assert_cmpstr (str (fresh, "status"), ==, "active");
    g_assert_cmpuint (json_array_get_length (data), ==, 0);
  }
}

/* Names of /etc/hosts that point at loopback (localhost ones aside):
 * names that pass the syntax rules and that only resolution catches. */
static GPtrArray *
loopback_host_names (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/etc/hosts", &contents, NULL, NULL))
    return g_steal_pointer (&names);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(GInetAddress) address = NULL;
      char *hash = strchr (lines[i], '#');

      if (hash != NULL)
        *hash = '\0';
      fields = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      if (fields[0] == NULL || !(address = g_inet_address_new_from_string (fields[0])) ||
          !g_inet_address_get_is_loopback (address))
        continue;
      for (guint f = 1; fields[f] != NULL; f++)
        {
          if (fields[f][0] != '\0' && !g_str_has_prefix (fields[f], "localhost") &&
              !g_str_has_suffix (fields[f], ".localhost"))
            g_ptr_array_add (names, g_ascii_strdown (fields[f], -1));
        }
    }
  return g_steal_pointer (&names);
}

static void
assert_url_rejected (SrvTestServer *srv,
                     const char    *key,
                     JsonObject    *w,
                     const char    *url)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *create = NULL;
  g_autofree char *update = NULL;
  g_autofree char *path = endpoint_path (w, "");
  g_autoptr(SrvTestResponse) created = NULL;
  g_autoptr(SrvTestResponse) patched = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, url);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  update = json_to_string (root, FALSE);
  json_object_set_string_member (json_node_get_object (root), "name", "ssrf");
  json_object_set_array_member (json_node_get_object (root), "event_types", json_array_new ());
  json_array_add_string_element (json_object_get_array_member (json_node_get_object (root), "event_types"),
                                 "generation.failed");
  create = json_to_string (root, FALSE);

  created = call (srv, "POST", "/api/v1/webhooks", key, create);
  patched = call (srv, "PATCH", path, key, update);
  if (created->status != 400 || patched->status != 400)
    g_error ("%s was not rejected (create %u, update %u)", url, created->status, patched->status);
  srv_assert_error (created, 400, "webhook_url_rejected");
  srv_assert_error (patched, 400, "webhook_url_rejected");
  g_assert_cmpstr (srv_test_error_param (created), ==, "url");
  g_assert_cmpstr (srv_test_error_param (patched), ==, "url");
}

static void
test_url_rules (void)
{
  const char * const strict_args[] = { FAST_ARGS, NULL };
  g_autoptr(SrvTestServer) strict = srv_test_server_start (strict_args);
  g_autoptr(GPtrArray) hosts = loopback_host_names ();
  g_autofree char *receiver_http = receiver_url (receiver, "/ssrf/ok");
  g_autofree char *receiver_https = g_strdup_printf ("https://127.0.0.1:%d/ssrf/ok", receiver->port);
  g_autofree char *public_key = srv_test_new_account_key (strict, "public", 0, NULL);
  g_autoptr(JsonObject) w = NULL;
  g_autoptr(JsonObject) list = NULL;
  g_autoptr(JsonObject) events = NULL;
  const char *rejected[] = {
    "http://example.com/hook", "ftp://example.com/hook",
    "https://user:pass@example.com/hook", "https://user@example.com/", "https://@example.com/",
    "https://example.com/hook#fragment", "https://example.com/#",
    "https://localhost/hook", "https://LOCALHOST:8443/", "https://localhost./hook",
    "https://foo.localhost/", "https://a.b.localhost./", "https://%6c%6fcalhost/",
    "https://127.0.0.1/", "https://127.1.2.3:8443/", "https://0.0.0.0/", "https://10.0.0.1/",
    "https://172.16.5.4/", "https://172.31.255.255/", "https://192.168.1.1/", "https://100.64.0.1/",
    "https://169.254.169.254/latest/meta-data/", "https://224.0.0.1/", "https://239.255.255.250/",
    "https://240.0.0.1/", "https://255.255.255.255/", "https://192.0.2.1/", "https://198.18.0.1/",
    "https://[::1]/", "https://[0:0:0:0:0:0:0:1]:8443/", "https://[::]/", "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/", "https://[::ffff:10.0.0.1]/",
    "https://[::ffff:169.254.169.254]/", "https://[::ffff:192.168.0.1]/", "https://[64:ff9b::a9fe:a9fe]/",
    "https://[2002:7f00:1::]/", "https://[fc00::1]/", "https://[fd00:ec2::254]/", "https://[fe80::1]/",
    "https://[fe80::1%25eth0]/", "https://[fec0::1]/", "https://[ff02::1]/", "https://[2001:db8::1]/",
    "https://[2001::1]/",
    "https://2130706433/", "https://0x7f000001/", "https://0x7f.0.0.1/", "https://0177.0.0.1/",
    "https://017700000001/", "https://127.1/", "https://127.0.1/", "https://127.0.0.1./",
    "https://134744072/", "https://3232235777/",
    "https:///hook", "not a url", "", "https://exa mple.com/",
    receiver_http, receiver_https,
  };
  const char *accepted[] = {
    "https://93.184.216.34/rivya/webhook", "https://[2606:4700:4700::1111]/hook",
    "https://8.8.8.8:8443/x?y=1", "https://[::ffff:8.8.4.4]/hook",
    /* A name: accepted whether or not it resolves here (each delivery
     * checks it again); no event is ever sent to these. */
    "https://hooks.example.com/rivya",
  };

  /* The development switch is off: every form is refused. */
  w = create_endpoint (strict, strict->key, "https://93.184.216.34/kept", "[\"generation.failed\"]");
  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    assert_url_rejected (strict, strict->key, w, rejected[i]);

  /* Names from /etc/hosts resolve to loopback: refused after the lookup. */
  for (guint i = 0; i < hosts->len; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://%s/hook", (char *)g_ptr_array_index (hosts, i));

      assert_url_rejected (strict, strict->key, w, url);
    }
  if (hosts->len == 0)
    g_test_message ("/etc/hosts has no loopback name besides localhost");

  {
    g_autoptr(JsonObject) fresh = get_endpoint (strict, strict->key, w);

    g_assert_cmpstr (str (fresh, "url"), ==, "https://93.184.216.34/kept");
    revoke_endpoint (strict, strict->key, w);
  }

  /* Public https URLs are accepted, in an account that never has an
   * event, so nothing is sent to them. */
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(JsonObject) ok = create_endpoint (strict, public_key, accepted[i], NULL);

      g_assert_cmpstr (str (ok, "status"), ==, "active");
    }
  list = call_ok (strict, "GET", "/api/v1/webhooks", public_key, NULL, 200);
  g_assert_cmpuint (json_array_get_length (list_data (list)), ==, G_N_ELEMENTS (accepted));
  events = call_ok (strict, "GET", "/api/v1/webhook-events", public_key, NULL, 200);
  g_assert_cmpuint (json_array_get_length (list_data (events)), ==, 0);

  /* With the switch: http and loopback, and nothing more. */
  {
    g_autofree char *key = srv_test_new_account_key (shared, "insecure-urls", 0, NULL);
    g_autoptr(JsonObject) kept = create_endpoint (shared, key, "http://127.0.0.1:1/kept", NULL);
    const char *dev_ok[] = {
      "http://127.0.0.1:1/x", "http://localhost:1/x", "http://[::1]:1/x", "https://127.0.0.2:1/x",
      "http://foo.localhost:1/x", "http://example.com/x",
    };
    const char *dev_rejected[] = {
      "http://user:pw@127.0.0.1/", "http://127.0.0.1/#f", "http://10.0.0.1/", "http://192.168.0.1/",
      "http://169.254.169.254/", "http://100.64.0.1/", "http://[fe80::1]/", "http://[fd00::1]/",
      "http://0.0.0.0/", "http://2130706433/", "http://0x7f000001/", "http://127.1/",
      "ftp://127.0.0.1/",
    };

    for (guint i = 0; i < G_N_ELEMENTS (dev_ok); i++)
      {
        g_autoptr(JsonObject) ok = create_endpoint (shared, key, dev_ok[i], NULL);

        revoke_endpoint (shared, key, ok);
      }
    for (guint i = 0; i < G_N_ELEMENTS (dev_rejected); i++)
      assert_url_rejected (shared, key, kept, dev_rejected[i]);
    revoke_endpoint (shared, key, kept);
  }
}

static char *
upload_broken_png (SrvTestServer *srv,
                   const char    *key)
{
  /* PNG magic, undecodable content: accepted at upload, fails the job. */
  static const guint8 broken[] = "\x89PNG\r\n\x1a\n" "not really a png, only its signature";
  g_autoptr(GBytes) png = g_bytes_new_static (broken, sizeof broken);
  g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, key, "image", "local-image", "ref.png", png);

  srv_assert_status (resp, 201);
  return g_strdup (str (srv_test_response_object (resp), "url"));
}

static void
test_generation_events (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "events", 100, NULL);
  g_autofree char *url_all = receiver_url (receiver, "/events/ok");
  g_autofree char *url_failed = receiver_url (receiver, "/events-failed/ok");
  g_autofree char *url_off = receiver_url (receiver, "/events-off/ok");
  g_autoptr(JsonObject) all = create_endpoint (shared, key, url_all, NULL);
  g_autoptr(JsonObject) failed_only = create_endpoint (shared, key, url_failed, "[\"generation.failed\"]");
  g_autoptr(JsonObject) off = create_endpoint (shared, key, url_off, NULL);
  g_autofree char *off_path = endpoint_path (off, "");
  g_autofree char *ref = NULL;
  g_autofree char *ok_id = NULL;
  g_autofree char *bad_id = NULL;
  g_autofree char *bad_body = NULL;
  g_autoptr(JsonObject) ok_gen = NULL;
  g_autoptr(JsonObject) bad_gen = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GPtrArray) recs_failed = NULL;
  g_autoptr(GPtrArray) recs_off = NULL;
  g_autoptr(JsonObject) dl = NULL;
  g_autoptr(JsonObject) events = NULL;
  g_autoptr(JsonObject) fresh = NULL;
  const char *secret = str (all, "signing_secret");
  g_autofree char *failed_event_id = NULL;
  JsonArray *data;

  g_autoptr(JsonObject) disabled = call_ok (shared, "PATCH", off_path, key, "{\"status\": \"disabled\"}", 200);
  g_assert_cmpstr (str (disabled, "status"), ==, "disabled");

  ok_id = submit (shared, key, "{\"model\": \"local-image\", \"prompt\": \"A webhook\"}");
  ref = upload_broken_png (shared, key);
  bad_body = g_strdup_printf ("{\"model\": \"local-image\", \"prompt\": \"x\", \"params\":"
                              " {\"referenceMediaItems\": [{\"url\": \"%s\", \"kind\": \"image\"}]}}", ref);
  bad_id = submit (shared, key, bad_body);
  ok_gen = srv_test_wait_generation (shared, key, ok_id, 120);
  bad_gen = srv_test_wait_generation (shared, key, bad_id, 120);
  g_assert_cmpstr (str (ok_gen, "status"), ==, "succeeded");
  g_assert_cmpstr (str (bad_gen, "status"), ==, "failed");

  recs = receiver_wait (receiver, "/events/ok", 2, WAIT_S);
  recs_failed = receiver_wait (receiver, "/events-failed/ok", 1, WAIT_S);
  g_assert_cmpuint (recs->len, ==, 2);

  for (guint i = 0; i < recs->len; i++)
    {
      Received *rec = g_ptr_array_index (recs, i);
      g_autoptr(JsonNode) body = parse (rec->body);
      JsonObject *event = json_node_get_object (body);
      JsonObject *generation = json_object_get_object_member (event, "data");
      const char *type = str (event, "type");
      JsonObject *expected;

      /* The request (A.9, B.11). */
      g_assert_cmpstr (rec->method, ==, "POST");
      g_assert_cmpstr (rec->content_type, ==, "application/json");
      g_assert_cmpstr (rec->user_agent, ==, "rivya-webhooks/1");
      g_assert_cmpint (verify (secret, rec), ==, 0);
      g_assert_cmpint (verify (str (failed_only, "signing_secret"), rec), ==, -1);
      g_assert_cmpint (ABS (g_ascii_strtoll (rec->timestamp, NULL, 10) - rec->received_us / G_USEC_PER_SEC), <=, 5);

      /* The event (B.12), its data the generation as GET shows it. */
      assert_members (event, event_members);
      assert_id (str (event, "id"), "evt_");
      g_assert_cmpstr (str (event, "id"), ==, rec->webhook_id);
      g_assert_cmpstr (str (event, "object"), ==, "event");
      g_assert_cmpstr (str (event, "api_version"), ==, "2026-05-11");
      time_member (event, "created_at");
      if (g_str_equal (type, "generation.succeeded"))
        expected = ok_gen;
      else
        {
          g_assert_cmpstr (type, ==, "generation.failed");
          expected = bad_gen;
          failed_event_id = g_strdup (str (event, "id"));
        }
      g_assert_true (objects_equal (generation, expected));
    }
  g_assert_nonnull (failed_event_id);
  g_assert_cmpstr (((Received *)recs->pdata[0])->webhook_id, !=, ((Received *)recs->pdata[1])->webhook_id);

  /* The other endpoint subscribed to failures only: the same event. */
  g_assert_cmpuint (recs_failed->len, ==, 1);
  g_assert_cmpstr (((Received *)recs_failed->pdata[0])->webhook_id, ==, failed_event_id);
  g_assert_cmpint (verify (str (failed_only, "signing_secret"), recs_failed->pdata[0]), ==, 0);

  /* The verifier itself fails what it must. */
  {
    Received *rec = g_ptr_array_index (recs, 0);
    g_autoptr(GBytes) tampered = g_bytes_new ("{}", 2);
    gint64 ts = g_ascii_strtoll (rec->timestamp, NULL, 10);

    g_assert_cmpint (verify_with (secret, rec->webhook_id, rec->timestamp, rec->signature, tampered, ts), ==, -1);
    g_assert_cmpint (verify_with (secret, "evt_000000000000000000000000", rec->timestamp, rec->signature, rec->body, ts), ==, -1);
    g_assert_cmpint (verify_with (secret, rec->webhook_id, rec->timestamp, rec->signature, rec->body, ts + 300), ==, 0);
    g_assert_cmpint (verify_with (secret, rec->webhook_id, rec->timestamp, rec->signature, rec->body, ts + 301), ==, -1);
    g_assert_cmpint (verify_with (secret, rec->webhook_id, rec->timestamp, rec->signature, rec->body, ts - 301), ==, -1);
    g_assert_cmpint (verify_with (secret, rec->webhook_id, rec->timestamp, "v1,AAAA", rec->body, ts), ==, -1);
  }

  /* One successful first attempt per event. */
  dl = wait_deliveries (shared, key, all, settled_count, GUINT_TO_POINTER (2), WAIT_S);
  data = list_data (dl);
  g_assert_cmpuint (json_array_get_length (data), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *d = json_array_get_object_element (data, i);
      Received *match = NULL;

      g_assert_cmpstr (str (d, "endpoint_id"), ==, str (all, "id"));
      g_assert_cmpstr (str (d, "status"), ==, "succeeded");
      g_assert_cmpint (json_object_get_int_member (d, "attempt"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (d, "response_status"), ==, 200);
      g_assert_true (is_null (d, "error"));
      g_assert_true (is_null (d, "next_retry_at"));
      g_assert_cmpint (json_object_get_int_member (d, "duration_ms"), >=, 0);
      g_assert_cmpint (json_object_get_int_member (d, "duration_ms"), <, 10000);
      for (guint j = 0; j < recs->len; j++)
        {
          if (g_str_equal (((Received *)recs->pdata[j])->webhook_id, str (d, "event_id")))
            match = recs->pdata[j];
        }
      g_assert_nonnull (match);
      {
        g_autoptr(JsonNode) sent = parse (match->body);

        g_assert_cmpstr (str (json_node_get_object (sent), "type"), ==, str (d, "event_type"));
      }
    }

  fresh = get_endpoint (shared, key, all);
  g_assert_false (is_null (fresh, "last_success_at"));
  g_assert_true (is_null (fresh, "last_failure_at"));
  g_assert_cmpint (json_object_get_int_member (fresh, "failure_count"), ==, 0);

  /* The account's events, newest first, exactly as delivered. */
  events = call_ok (shared, "GET", "/api/v1/webhook-events", key, NULL, 200);
  data = list_data (events);
  g_assert_cmpuint (json_array_get_length (data), ==, 2);
  g_assert_false (json_object_get_boolean_member (events, "has_more"));
  g_assert_cmpint (time_member (json_array_get_object_element (data, 0), "created_at"), >=,
                   time_member (json_array_get_object_element (data, 1), "created_at"));
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *listed = json_array_get_object_element (data, i);
      gboolean found = FALSE;

      for (guint j = 0; j < recs->len; j++)
        {
          g_autoptr(JsonNode) delivered = parse (((Received *)recs->pdata[j])->body);

          if (g_str_equal (str (json_node_get_object (delivered), "id"), str (listed, "id")))
            {
              g_assert_true (objects_equal (json_node_get_object (delivered), listed));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }

  /* The disabled endpoint got nothing and has no delivery. */
  g_usleep (300 * 1000);
  recs_off = receiver_get (receiver, "/events-off/ok");
  g_assert_cmpuint (recs_off->len, ==, 0);
  {
    g_autoptr(JsonObject) none = NULL;

    g_assert_cmpuint (json_array_get_length (deliveries (shared, key, off, &none)), ==, 0);
  }
}

static JsonObject *
post_test (SrvTestServer *srv,
           const char    *key,
           JsonObject    *w)
{
  g_autofree char *path = endpoint_path (w, "/test");
  JsonObject *d = call_ok (srv, "POST", path, key, NULL, 202);

  assert_delivery (d);
  g_assert_cmpstr (str (d, "endpoint_id"), ==, str (w, "id"));
  g_assert_cmpstr (str (d, "event_type"), ==, "webhook.test");
  g_assert_cmpstr (str (d, "status"), ==, "pending");
  g_assert_cmpint (json_object_get_int_member (d, "attempt"), ==, 1);
  g_assert_true (is_null (d, "response_status"));
  g_assert_true (is_null (d, "error"));
  g_assert_true (is_null (d, "duration_ms"));
  g_assert_true (is_null (d, "next_retry_at"));
  return d;
}

static JsonObject *
delivery_at (JsonArray *data,
             guint      index)
{
  g_assert_cmpuint (index, <, json_array_get_length (data));
  return json_array_get_object_element (data, index);
}

static void
test_retries (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "retries", 0, NULL);
  g_autofree char *flaky_url = receiver_url (receiver, "/retries/flaky");
  g_autofree char *fail_url = receiver_url (receiver, "/retries/fail");
  g_autofree char *nocontent_url = receiver_url (receiver, "/retries/nocontent");
  g_autoptr(JsonObject) flaky = create_endpoint (shared, key, flaky_url, NULL);
  g_autoptr(JsonObject) fail = create_endpoint (shared, key, fail_url, NULL);
  g_autoptr(JsonObject) nocontent = create_endpoint (shared, key, nocontent_url, NULL);
  g_autoptr(JsonObject) refused = create_endpoint (shared, key, "http://127.0.0.1:1/refused", NULL);
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) dl = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  /* 5 s, 5 min, 30 min at --webhook-retry-scale 0.001 */
  static const gint64 delays_ms[] = { 5, 300, 1800 };
  JsonArray *data;

  /* 500, then 200 on the retry: two records, one event. */
  first = post_test (shared, key, flaky);
  recs = receiver_wait (receiver, "/retries/flaky", 2, WAIT_S);
  g_assert_cmpuint (recs->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      Received *rec = g_ptr_array_index (recs, i);

      g_assert_cmpstr (rec->webhook_id, ==, str (first, "event_id"));
      g_assert_cmpint (verify (str (flaky, "signing_secret"), rec), ==, 0);
      g_assert_cmpuint (rec->answered, ==, i == 0 ? 500 : 200);
    }
  g_assert_true (g_bytes_equal (((Received *)recs->pdata[0])->body, ((Received *)recs->pdata[1])->body));
  g_assert_cmpint (((Received *)recs->pdata[1])->received_us - ((Received *)recs->pdata[0])->received_us,
                   >=, 5 * 1000);

  dl = wait_deliveries (shared, key, flaky, settled_count, GUINT_TO_POINTER (2), WAIT_S);
  data = list_data (dl);
  g_assert_cmpuint (json_array_get_length (data), ==, 2);
  {
    JsonObject *second = delivery_at (data, 0);
    JsonObject *failed = delivery_at (data, 1);

    g_assert_cmpstr (str (failed, "id"), ==, str (first, "id"));
    g_assert_cmpint (json_object_get_int_member (failed, "attempt"), ==, 1);
    g_assert_cmpstr (str (failed, "status"), ==, "failed");
    g_assert_cmpint (json_object_get_int_member (failed, "response_status"), ==, 500);
    g_assert_cmpstr (str (failed, "error"), ==, "HTTP 500");
    g_assert_cmpint (json_object_get_int_member (failed, "duration_ms"), >=, 0);

    g_assert_cmpint (json_object_get_int_member (second, "attempt"), ==, 2);
    g_assert_cmpstr (str (second, "status"), ==, "succeeded");
    g_assert_cmpint (json_object_get_int_member (second, "response_status"), ==, 200);
    g_assert_true (is_null (second, "error"));
    g_assert_true (is_null (second, "next_retry_at"));
    g_assert_cmpstr (str (second, "event_id"), ==, str (failed, "event_id"));
    g_assert_cmpstr (str (second, "event_type"), ==, "webhook.test");
    /* The retry was scheduled 5 s x 0.001 after the failure. */
    g_assert_cmpint (time_member (failed, "next_retry_at") - time_member (second, "created_at"), ==, 5);
  }
  {
    g_autoptr(JsonObject) fresh = get_endpoint (shared, key, flaky);

    g_assert_false (is_null (fresh, "last_success_at"));
    g_assert_false (is_null (fresh, "last_failure_at"));
    g_assert_cmpint (json_object_get_int_member (fresh, "failure_count"), ==, 0);
  }
  g_clear_pointer (&dl, json_object_unref);
  g_clear_pointer (&first, json_object_unref);

  /* Always 500: the schedule of B.12, scaled, one record per attempt. */
  first = post_test (shared, key, fail);
  dl = wait_deliveries (shared, key, fail, settled_count, GUINT_TO_POINTER (4), WAIT_S);
  data = list_data (dl);
  g_assert_cmpuint (json_array_get_length (data), ==, 5);
  for (guint attempt = 1; attempt <= 4; attempt++)
    {
      JsonObject *d = delivery_at (data, 5 - attempt);
      JsonObject *next = delivery_at (data, 4 - attempt);

      g_assert_cmpint (json_object_get_int_member (d, "attempt"), ==, attempt);
      g_assert_cmpstr (str (d, "status"), ==, "failed");
      g_assert_cmpint (json_object_get_int_member (d, "response_status"), ==, 500);
      g_assert_cmpstr (str (d, "event_id"), ==, str (first, "event_id"));
      g_assert_cmpint (json_object_get_int_member (next, "attempt"), ==, attempt + 1);
      if (attempt <= G_N_ELEMENTS (delays_ms))
        g_assert_cmpint (time_member (d, "next_retry_at") - time_member (next, "created_at"), ==,
                         delays_ms[attempt - 1]);
    }
  {
    /* The fifth waits 2 h x 0.001 = 7.2 s: pending, due then. */
    JsonObject *pending = delivery_at (data, 0);
    JsonObject *fourth = delivery_at (data, 1);

    g_assert_cmpstr (str (pending, "status"), ==, "pending");
    g_assert_cmpint (json_object_get_int_member (pending, "attempt"), ==, 5);
    g_assert_cmpint (time_member (pending, "next_retry_at"), ==, time_member (fourth, "next_retry_at"));
    g_assert_cmpint (time_member (pending, "next_retry_at") - time_member (pending, "created_at"), ==, 7200);
    g_assert_true (is_null (pending, "response_status"));
    g_assert_true (is_null (pending, "duration_ms"));
  }
  g_clear_pointer (&recs, g_ptr_array_unref);
  recs = receiver_get (receiver, "/retries/fail");
  g_assert_cmpuint (recs->len, ==, 4);
  for (guint i = 1; i < 4; i++)
    g_assert_cmpint (((Received *)recs->pdata[i])->received_us - ((Received *)recs->pdata[i - 1])->received_us,
                     >=, delays_ms[i - 1] * 1000);

  /* Revoking ends the pending attempt: no more deliveries. */
  revoke_endpoint (shared, key, fail);
  g_clear_pointer (&dl, json_object_unref);
  data = deliveries (shared, key, fail, &dl);
  g_assert_cmpuint (json_array_get_length (data), ==, 5);
  g_assert_cmpstr (str (delivery_at (data, 0), "status"), ==, "failed");
  g_assert_cmpstr (str (delivery_at (data, 0), "error"), ==, "The endpoint was revoked");
  g_assert_true (is_null (delivery_at (data, 0), "next_retry_at"));
  {
    g_autoptr(JsonObject) fresh = get_endpoint (shared, key, fail);

    /* The event did not fail: it was cut short. */
    g_assert_cmpint (json_object_get_int_member (fresh, "failure_count"), ==, 0);
    g_assert_false (is_null (fresh, "last_failure_at"));
    g_assert_true (is_null (fresh, "last_success_at"));
  }
  g_clear_pointer (&dl, json_object_unref);
  g_clear_pointer (&first, json_object_unref);

  /* Any 2xx is a success. */
  first = post_test (shared, key, nocontent);
  dl = wait_deliveries (shared, key, nocontent, settled_count, GUINT_TO_POINTER (1), WAIT_S);
  data = list_data (dl);
  g_assert_cmpuint (json_array_get_length (data), ==, 1);
  g_assert_cmpstr (str (delivery_at (data, 0), "status"), ==, "succeeded");
  g_assert_cmpint (json_object_get_int_member (delivery_at (data, 0), "response_status"), ==, 204);
  g_clear_pointer (&dl, json_object_unref);
  g_clear_pointer (&first, json_object_unref);

  /* No HTTP answer at all: a failure without a status, retried. */
  first = post_test (shared, key, refused);
  dl = wait_deliveries (shared, key, refused, settled_count, GUINT_TO_POINTER (1), WAIT_S);
  data = list_data (dl);
  {
    JsonObject *d = delivery_at (data, json_array_get_length (data) - 1);

    g_assert_cmpint (json_object_get_int_member (d, "attempt"), ==, 1);
    g_assert_cmpstr (str (d, "status"), ==, "failed");
    g_assert_true (is_null (d, "response_status"));
    g_assert_cmpuint (strlen (str (d, "error")), >, 5);
    g_assert_false (is_null (d, "next_retry_at"));
  }
  revoke_endpoint (shared, key, refused);
  revoke_endpoint (shared, key, flaky);
  revoke_endpoint (shared, key, nocontent);
}

static void
test_redirect (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "redirect", 0, NULL);
  g_autofree char *url = receiver_url (receiver, "/redirect/redirect");
  g_autoptr(JsonObject) w = create_endpoint (shared, key, url, NULL);
  g_autoptr(JsonObject) d = post_test (shared, key, w);
  g_autoptr(JsonObject) dl = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GPtrArray) followed = NULL;
  JsonObject *first;
  JsonArray *data;

  recs = receiver_wait (receiver, "/redirect/redirect", 1, WAIT_S);
  dl = wait_deliveries (shared, key, w, settled_count, GUINT_TO_POINTER (1), WAIT_S);
  data = list_data (dl);
  first = delivery_at (data, json_array_get_length (data) - 1);
  g_assert_cmpstr (str (first, "id"), ==, str (d, "id"));
  g_assert_cmpstr (str (first, "status"), ==, "failed");
  g_assert_cmpint (json_object_get_int_member (first, "response_status"), ==, 302);
  g_assert_nonnull (strstr (str (first, "error"), "redirect"));

  /* The Location was never visited, by this attempt or any retry. */
  revoke_endpoint (shared, key, w);
  g_usleep (200 * 1000);
  followed = receiver_get (receiver, "/redirect/target");
  g_assert_cmpuint (followed->len, ==, 0);
}

static void
test_rotation (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "rotation", 0, NULL);
  g_autofree char *url = receiver_url (receiver, "/rotation/ok");
  g_autoptr(JsonObject) w = create_endpoint (shared, key, url, NULL);
  g_autofree char *path = endpoint_path (w, "/rotate-secret");
  g_autofree char *s1 = g_strdup (str (w, "signing_secret"));
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;
  g_autofree char *unrelated = NULL;
  g_autoptr(JsonObject) rotated = NULL;
  g_autoptr(JsonObject) fresh = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  Received *rec;

  {
    g_autoptr(JsonObject) other = create_endpoint (shared, key, url, "[\"generation.failed\"]");

    unrelated = g_strdup (str (other, "signing_secret"));
    revoke_endpoint (shared, key, other);
  }

  /* Rotate: a new secret, shown once more; the old one still signs. */
  rotated = call_ok (shared, "POST", path, key, NULL, 200);
  assert_endpoint (rotated, TRUE);
  s2 = g_strdup (str (rotated, "signing_secret"));
  g_assert_cmpstr (s2, !=, s1);
  g_assert_cmpstr (str (rotated, "secret_preview"), !=, str (w, "secret_preview"));
  g_assert_cmpstr (str (rotated, "id"), ==, str (w, "id"));
  fresh = get_endpoint (shared, key, w);
  g_assert_cmpstr (str (fresh, "secret_preview"), ==, str (rotated, "secret_preview"));

  {
    g_autoptr(JsonObject) d = post_test (shared, key, w);
    g_auto(GStrv) parts = NULL;

    recs = receiver_wait (receiver, "/rotation/ok", 1, WAIT_S);
    rec = g_ptr_array_index (recs, 0);
    g_assert_cmpstr (rec->webhook_id, ==, str (d, "event_id"));
    parts = g_strsplit (rec->signature, " ", -1);
    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_cmpint (verify (s2, rec), ==, 0);
    g_assert_cmpint (verify (s1, rec), ==, 1);
    g_assert_cmpint (verify (unrelated, rec), ==, -1);
  }

  /* Again: only the latest previous secret keeps signing. */
  g_clear_pointer (&rotated, json_object_unref);
  rotated = call_ok (shared, "POST", path, key, "{}", 200);
  s3 = g_strdup (str (rotated, "signing_secret"));
  g_assert_cmpstr (s3, !=, s2);
  g_assert_cmpstr (s3, !=, s1);
  {
    g_autoptr(JsonObject) d = post_test (shared, key, w);
    g_auto(GStrv) parts = NULL;

    g_clear_pointer (&recs, g_ptr_array_unref);
    recs = receiver_wait (receiver, "/rotation/ok", 2, WAIT_S);
    rec = g_ptr_array_index (recs, 1);
    g_assert_cmpstr (rec->webhook_id, ==, str (d, "event_id"));
    parts = g_strsplit (rec->signature, " ", -1);
    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_cmpint (verify (s3, rec), ==, 0);
    g_assert_cmpint (verify (s2, rec), ==, 1);
    g_assert_cmpint (verify (s1, rec), ==, -1);
  }
  revoke_endpoint (shared, key, w);
}

static void
test_test_event (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "test-event", 0, NULL);
  g_autofree char *url = receiver_url (receiver, "/test-event/ok");
  g_autoptr(JsonObject) w = create_endpoint (shared, key, url, "[\"generation.failed\"]");
  g_autoptr(JsonObject) d = post_test (shared, key, w);
  g_autoptr(GPtrArray) recs = receiver_wait (receiver, "/test-event/ok", 1, WAIT_S);
  Received *rec = g_ptr_array_index (recs, 0);
  g_autoptr(JsonNode) body = parse (rec->body);
  JsonObject *event = json_node_get_object (body);
  JsonObject *data = json_object_get_object_member (event, "data");
  g_autoptr(JsonObject) events = NULL;
  g_autoptr(JsonObject) dl = NULL;

  assert_members (event, event_members);
  g_assert_cmpstr (str (event, "type"), ==, "webhook.test");
  g_assert_cmpstr (str (event, "id"), ==, str (d, "event_id"));
  g_assert_cmpstr (rec->webhook_id, ==, str (d, "event_id"));
  g_assert_cmpuint (json_object_get_size (data), ==, 1);
  g_assert_cmpstr (str (data, "endpoint_id"), ==, str (w, "id"));
  g_assert_cmpint (verify (str (w, "signing_secret"), rec), ==, 0);

  events = call_ok (shared, "GET", "/api/v1/webhook-events", key, NULL, 200);
  g_assert_cmpuint (json_array_get_length (list_data (events)), ==, 1);
  g_assert_true (objects_equal (json_array_get_object_element (list_data (events), 0), event));

  dl = wait_deliveries (shared, key, w, settled_count, GUINT_TO_POINTER (1), WAIT_S);
  g_assert_cmpuint (json_array_get_length (list_data (dl)), ==, 1);
  g_assert_cmpstr (str (delivery_at (list_data (dl), 0), "id"), ==, str (d, "id"));
  g_assert_cmpstr (str (delivery_at (list_data (dl), 0), "status"), ==, "succeeded");
  revoke_endpoint (shared, key, w);
}

/* Walks a list route with ?limit=, checking has_more and next_after. */
static GPtrArray *
walk (const char *key,
      const char *base,
      guint       limit)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *after = NULL;

  while (TRUE)
    {
      g_autofree char *path = after ? g_strdup_printf ("%s%climit=%u&after=%s", base,
                                                       strchr (base, '?') ? '&' : '?', limit, after)
                                    : g_strdup_printf ("%s%climit=%u", base,
                                                       strchr (base, '?') ? '&' : '?', limit);
      g_autoptr(JsonObject) page = call_ok (shared, "GET", path, key, NULL, 200);
      JsonArray *data = list_data (page);
      guint n = json_array_get_length (data);
      gboolean more = json_object_get_boolean_member (page, "has_more");

      g_assert_cmpuint (n, <=, limit);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (ids, g_strdup (str (json_array_get_object_element (data, i), "id")));
      if (!more)
        {
          g_assert_true (is_null (page, "next_after"));
          break;
        }
      g_assert_cmpuint (n, ==, limit);
      g_assert_cmpstr (str (page, "next_after"), ==, str (json_array_get_object_element (data, n - 1), "id"));
      g_free (after);
      after = g_strdup (str (page, "next_after"));
    }
  return ids;
}

static void
test_paging (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "pager", 0, NULL);
  g_autofree char *events_key = srv_test_new_account_key (shared, "pager-events", 0, NULL);
  g_autofree char *url = receiver_url (receiver, "/paging/ok");
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) w = NULL;
  g_autoptr(JsonObject) dl = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GPtrArray) sent = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dels = NULL;

  for (guint i = 0; i < 25; i++)
    {
      g_autofree char *target = g_strdup_printf ("https://93.184.216.34/p/%u", i);
      g_autoptr(JsonObject) e = create_endpoint (shared, key, target, NULL);

      g_ptr_array_add (created, g_strdup (str (e, "id")));
    }

  /* Default page: 20, newest first. */
  {
    g_autoptr(JsonObject) page = call_ok (shared, "GET", "/api/v1/webhooks", key, NULL, 200);
    g_autofree char *next = NULL;
    JsonArray *data = list_data (page);

    g_assert_cmpuint (json_array_get_length (data), ==, 20);
    g_assert_true (json_object_get_boolean_member (page, "has_more"));
    for (guint i = 0; i < 20; i++)
      g_assert_cmpstr (str (json_array_get_object_element (data, i), "id"), ==,
                       g_ptr_array_index (created, 24 - i));
    g_assert_cmpstr (str (page, "next_after"), ==, g_ptr_array_index (created, 5));
    next = g_strdup_printf ("/api/v1/webhooks?after=%s", str (page, "next_after"));
    g_clear_pointer (&page, json_object_unref);
    page = call_ok (shared, "GET", next, key, NULL, 200);
    data = list_data (page);
    g_assert_cmpuint (json_array_get_length (data), ==, 5);
    g_assert_false (json_object_get_boolean_member (page, "has_more"));
    for (guint i = 0; i < 5; i++)
      g_assert_cmpstr (str (json_array_get_object_element (data, i), "id"), ==,
                       g_ptr_array_index (created, 4 - i));
  }

  /* Any page size walks the same list, each item once. */
  {
    const guint limits[] = { 1, 7, 24, 25, 100 };

    for (guint l = 0; l < G_N_ELEMENTS (limits); l++)
      {
        g_autoptr(GPtrArray) ids = walk (key, "/api/v1/webhooks", limits[l]);

        g_assert_cmpuint (ids->len, ==, 25);
        for (guint i = 0; i < 25; i++)
          g_assert_cmpstr (g_ptr_array_index (ids, i), ==, g_ptr_array_index (created, 24 - i));
      }
  }

  /* Deliveries and events page the same way. */
  w = create_endpoint (shared, events_key, url, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(JsonObject) d = post_test (shared, events_key, w);

      g_ptr_array_add (sent, g_strdup (str (d, "event_id")));
    }
  recs = receiver_wait (receiver, "/paging/ok", 3, WAIT_S);
  dl = wait_deliveries (shared, events_key, w, settled_count, GUINT_TO_POINTER (3), WAIT_S);
  dels = endpoint_path (w, "/deliveries");
  {
    g_autoptr(GPtrArray) ids = walk (events_key, dels, 2);
    g_autoptr(GPtrArray) events = walk (events_key, "/api/v1/webhook-events", 2);

    g_assert_cmpuint (ids->len, ==, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpstr (g_ptr_array_index (ids, i), ==,
                       str (delivery_at (list_data (dl), i), "id"));
    g_assert_cmpuint (events->len, ==, 3);
    for (guint i = 0; i < 3; i++)
      g_assert_cmpstr (g_ptr_array_index (events, i), ==, g_ptr_array_index (sent, 2 - i));
  }
  revoke_endpoint (shared, events_key, w);
}

static JsonObject *
wait_endpoint (SrvTestServer *srv,
               const char    *key,
               JsonObject    *w,
               const char    *status,
               gint64         failure_count,
               guint          timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (TRUE)
    {
      g_autofree char *path = endpoint_path (w, "");
      JsonObject *fresh = call_ok (srv, "GET", path, key, NULL, 200);

      if (g_str_equal (str (fresh, "status"), status) &&
          json_object_get_int_member (fresh, "failure_count") == failure_count)
        return fresh;
      if (g_get_monotonic_time () > deadline)
        g_error ("%s did not reach %s with %" G_GINT64_FORMAT " failures (it is %s with %" G_GINT64_FORMAT ")",
                 str (w, "id"), status, failure_count, str (fresh, "status"),
                 json_object_get_int_member (fresh, "failure_count"));
      json_object_unref (fresh);
      g_usleep (50 * 1000);
    }
}

static void
test_disable (void)
{
  /* The whole schedule of eight attempts fits in about 2 s here. */
  const char * const args[] = {
    "--allow-insecure-webhooks", "--webhook-retry-scale", "0.00002", FAST_ARGS, NULL
  };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autofree char *fail_url = receiver_url (receiver, "/disable/fail");
  g_autofree char *ok_url = receiver_url (receiver, "/disable/ok");
  g_autoptr(JsonObject) w = create_endpoint (srv, srv->key, fail_url, NULL);
  g_autofree char *path = endpoint_path (w, "");
  g_autofree char *test_path = endpoint_path (w, "/test");
  g_autoptr(JsonObject) fresh = NULL;
  g_autoptr(JsonObject) enabled = NULL;
  g_autoptr(GPtrArray) recs = NULL;

  /* 19 events fail all their attempts: still active. */
  for (guint i = 0; i < 19; i++)
    {
      g_autoptr(JsonObject) d = post_test (srv, srv->key, w);
    }
  fresh = wait_endpoint (srv, srv->key, w, "active", 19, 60);
  g_assert_true (is_null (fresh, "disabled_at"));
  g_assert_false (is_null (fresh, "last_failure_at"));
  recs = receiver_get (receiver, "/disable/fail");
  g_assert_cmpuint (recs->len, ==, 19 * 8);

  /* The 20th in a row disables it. */
  {
    g_autoptr(JsonObject) d = post_test (srv, srv->key, w);
  }
  g_clear_pointer (&fresh, json_object_unref);
  fresh = wait_endpoint (srv, srv->key, w, "disabled", 20, 60);
  g_assert_cmpint (time_member (fresh, "disabled_at"), >=, time_member (fresh, "created_at"));
  g_assert_true (is_null (fresh, "last_success_at"));
  g_clear_pointer (&recs, g_ptr_array_unref);
  recs = receiver_get (receiver, "/disable/fail");
  g_assert_cmpuint (recs->len, ==, 20 * 8);
  {
    g_autoptr(SrvTestResponse) resp = call (srv, "POST", test_path, srv->key, NULL);

    srv_assert_error (resp, 400, "validation_failed");
  }

  /* PATCH re-enables it and forgets the failures. */
  {
    g_autofree char *body = g_strdup_printf ("{\"status\": \"active\", \"url\": \"%s\"}", ok_url);

    enabled = call_ok (srv, "PATCH", path, srv->key, body, 200);
  }
  g_assert_cmpstr (str (enabled, "status"), ==, "active");
  g_assert_true (is_null (enabled, "disabled_at"));
  g_assert_cmpint (json_object_get_int_member (enabled, "failure_count"), ==, 0);
  g_assert_cmpstr (str (enabled, "url"), ==, ok_url);

  {
    g_autoptr(JsonObject) d = post_test (srv, srv->key, w);
    g_autoptr(GPtrArray) ok = receiver_wait (receiver, "/disable/ok", 1, WAIT_S);
    g_autoptr(JsonObject) after = NULL;

    g_assert_cmpint (verify (str (w, "signing_secret"), ok->pdata[0]), ==, 0);
    g_assert_cmpstr (((Received *)ok->pdata[0])->webhook_id, ==, str (d, "event_id"));
    after = wait_endpoint (srv, srv->key, w, "active", 0, WAIT_S);
    while (is_null (after, "last_success_at"))
      {
        g_clear_pointer (&after, json_object_unref);
        g_usleep (20 * 1000);
        after = get_endpoint (srv, srv->key, w);
      }
  }
}

static void
test_restart (void)
{
  /* The real schedule (a retry 5 s after a first failure, time enough
   * to stop and start again before it); jobs wait 30 s in the queue. */
  const char * const args[] = {
    "--allow-insecure-webhooks", "--job-latency", "30000", FAST_ARGS, NULL
  };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autofree char *hold_url = receiver_url (receiver, "/restart/hold");
  g_autofree char *flaky_url = receiver_url (receiver, "/restart/flaky");
  g_autofree char *jobs_url = receiver_url (receiver, "/restart-jobs/ok");
  /* Not subscribed to failures: the job below fails. */
  g_autoptr(JsonObject) hold = create_endpoint (srv, srv->key, hold_url, "[\"generation.succeeded\"]");
  g_autoptr(JsonObject) flaky = create_endpoint (srv, srv->key, flaky_url, "[\"generation.succeeded\"]");
  g_autoptr(JsonObject) jobs = create_endpoint (srv, srv->key, jobs_url, "[\"generation.failed\"]");
  g_autoptr(JsonObject) held_delivery = NULL;
  g_autoptr(JsonObject) flaky_delivery = NULL;
  g_autoptr(JsonObject) dl = NULL;
  g_autoptr(GPtrArray) recs = NULL;
  g_autofree char *task = NULL;
  gint64 retry_at, stop_started;
  JsonArray *data;

  /* A failed first attempt, its retry pending for 5 s. */
  flaky_delivery = post_test (srv, srv->key, flaky);
  dl = wait_deliveries (srv, srv->key, flaky, settled_count, GUINT_TO_POINTER (1), WAIT_S);
  data = list_data (dl);
  g_assert_cmpuint (json_array_get_length (data), ==, 2);
  g_assert_cmpstr (str (delivery_at (data, 0), "status"), ==, "pending");
  retry_at = time_member (delivery_at (data, 1), "next_retry_at");
  g_assert_cmpint (retry_at - time_member (delivery_at (data, 0), "created_at"), ==, 5000);
  g_clear_pointer (&dl, json_object_unref);

  /* A delivery in flight: the receiver holds the request. */
  receiver_set_hold (receiver, TRUE);
  held_delivery = post_test (srv, srv->key, hold);
  g_clear_pointer (&recs, g_ptr_array_unref);
  recs = receiver_wait (receiver, "/restart/hold", 1, WAIT_S);

  /* A job that the stop will fail: its event is written then. */
  task = submit (srv, srv->key, "{\"model\": \"local-image\", \"prompt\": \"Interrupted\"}");

  stop_started = g_get_monotonic_time ();
  srv_test_server_stop (srv);
  g_assert_cmpint (g_get_monotonic_time () - stop_started, <, 5 * G_USEC_PER_SEC);
  receiver_set_hold (receiver, FALSE);
  g_assert_cmpint (g_get_real_time () / 1000, <, retry_at);
  srv_test_server_restart (srv);

  /* The request cut short goes again, the same event, and succeeds. */
  g_clear_pointer (&recs, g_ptr_array_unref);
  recs = receiver_wait (receiver, "/restart/hold", 2, WAIT_S);
  g_assert_cmpstr (((Received *)recs->pdata[1])->webhook_id, ==, str (held_delivery, "event_id"));
  g_assert_cmpint (verify (str (hold, "signing_secret"), recs->pdata[1]), ==, 0);
  dl = wait_deliveries (srv, srv->key, hold, settled_count, GUINT_TO_POINTER (1), WAIT_S);
  data = list_data (dl);
  g_assert_cmpuint (json_array_get_length (data), ==, 1);
  g_assert_cmpstr (str (delivery_at (data, 0), "id"), ==, str (held_delivery, "id"));
  g_assert_cmpstr (str (delivery_at (data, 0), "status"), ==, "succeeded");
  g_clear_pointer (&dl, json_object_unref);

  /* The pending retry went at its time, not before. */
  g_clear_pointer (&recs, g_ptr_array_unref);
  recs = receiver_wait (receiver, "/restart/flaky", 2, WAIT_S);
  g_assert_cmpuint (recs->len, ==, 2);
  g_assert_cmpstr (((Received *)recs->pdata[1])->webhook_id, ==, str (flaky_delivery, "event_id"));
  g_assert_cmpint (((Received *)recs->pdata[1])->received_us / 1000, >=, retry_at);
  g_assert_cmpint (verify (str (flaky, "signing_secret"), recs->pdata[1]), ==, 0);
  dl = wait_deliveries (srv, srv->key, flaky, settled_count, GUINT_TO_POINTER (2), WAIT_S);
  data = list_data (dl);
  g_assert_cmpuint (json_array_get_length (data), ==, 2);
  g_assert_cmpint (json_object_get_int_member (delivery_at (data, 0), "attempt"), ==, 2);
  g_assert_cmpstr (str (delivery_at (data, 0), "status"), ==, "succeeded");

  /* The job failed by the stop: its event was delivered after it. */
  g_clear_pointer (&recs, g_ptr_array_unref);
  recs = receiver_wait (receiver, "/restart-jobs/ok", 1, WAIT_S);
  {
    Received *rec = g_ptr_array_index (recs, 0);
    g_autoptr(JsonNode) body = parse (rec->body);
    JsonObject *event = json_node_get_object (body);
    JsonObject *generation = json_object_get_object_member (event, "data");
    g_autofree char *gen_path = g_strconcat ("/api/v1/generations/", task, NULL);
    g_autoptr(JsonObject) now = call_ok (srv, "GET", gen_path, srv->key, NULL, 200);

    g_assert_cmpstr (str (event, "type"), ==, "generation.failed");
    g_assert_cmpstr (str (generation, "id"), ==, task);
    g_assert_cmpstr (str (generation, "status"), ==, "failed");
    g_assert_true (objects_equal (generation, now));
    g_assert_cmpint (verify (str (jobs, "signing_secret"), rec), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/webhooks/crud", test_crud);
  g_test_add_func ("/webhooks/validation", test_validation);
  g_test_add_func ("/webhooks/access", test_access);
  g_test_add_func ("/webhooks/url-rules", test_url_rules);
  g_test_add_func ("/webhooks/generation-events", test_generation_events);
  g_test_add_func ("/webhooks/retries", test_retries);
  g_test_add_func ("/webhooks/redirect", test_redirect);
  g_test_add_func ("/webhooks/rotation", test_rotation);
  g_test_add_func ("/webhooks/test-event", test_test_event);
  g_test_add_func ("/webhooks/paging", test_paging);
  g_test_add_func ("/webhooks/disable", test_disable);
  g_test_add_func ("/webhooks/restart", test_restart);

  receiver = receiver_new ();
  shared = srv_test_server_start (shared_args);
  ret = g_test_run ();
  srv_test_server_free (shared);
  receiver_free (receiver);
  return ret;
}
