/* srv-webhook-sender.c
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

#include "srv-webhook-sender.h"

#include <string.h>

#include "srv-store-webhooks.h"
#include "srv-util.h"
#include "srv-webhook-objects.h"
#include "srv-webhook-pinned.h"

#define MAX_IN_FLIGHT 32
#define MAX_TIMER_MS  60000
#define STOP_DRAIN_US (2 * G_USEC_PER_SEC)

/* B.12: after attempt n fails, attempt n + 1 follows retry_delays_s[n - 1]
 * later (times the --webhook-retry-scale); after the last, it failed. */
static const guint retry_delays_s[] = { 5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600 };
G_STATIC_ASSERT (G_N_ELEMENTS (retry_delays_s) == SRV_WEBHOOK_MAX_ATTEMPTS - 1);

struct _SrvWebhookSender
{
  GObject             parent_instance;

  SrvStore           *store;
  SoupServer         *server;       /* for the base URL of result links */
  SrvWebhookUrlFlags  flags;
  double              retry_scale;
  GHashTable         *in_flight;    /* delivery id -> Attempt */
  guint               timer_id;
  guint               pump_id;
  gboolean            stopped;
};

G_DEFINE_FINAL_TYPE (SrvWebhookSender, srv_webhook_sender, G_TYPE_OBJECT)

typedef struct
{
  SrvWebhookSender   *sender;
  SrvWebhookDelivery *delivery;
  char               *secret;
  char               *old_secret;   /* within its grace period, else NULL */
  GUri               *uri;
  GBytes             *body;
  GCancellable       *cancellable;
  GSocketConnectable *pinned;
  SoupSession        *session;
  SoupMessage        *message;
  gint64              started;
  guint               timeout_id;
  gboolean            timed_out;
  gboolean            wrong_peer;
} Attempt;

static void schedule_pump (SrvWebhookSender *self);

static void
wipe_free (char *secret)
{
  if (secret != NULL)
    memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
attempt_free (Attempt *a)
{
  g_clear_handle_id (&a->timeout_id, g_source_remove);
  g_clear_object (&a->message);
  g_clear_object (&a->session);
  g_clear_object (&a->pinned);
  g_clear_object (&a->cancellable);
  g_clear_pointer (&a->body, g_bytes_unref);
  g_clear_pointer (&a->uri, g_uri_unref);
  g_clear_pointer (&a->secret, wipe_free);
  g_clear_pointer (&a->old_secret, wipe_free);
  g_clear_pointer (&a->delivery, srv_webhook_delivery_free);
  g_clear_object (&a->sender);
  g_free (a);
}

/* The attempt leaves the in-flight table before it is freed: freeing
 * drops its reference on the sender, possibly the last one. */
static void
attempt_done (Attempt *a)
{
  SrvWebhookSender *self = a->sender;

  g_hash_table_steal (self->in_flight, a->delivery->id);
  if (!self->stopped)
    schedule_pump (self);
  attempt_free (a);
}

static void
attempt_finish (Attempt    *a,
                gboolean    success,
                guint       response_status,
                const char *message)
{
  SrvWebhookSender *self = a->sender;
  SrvWebhookOutcome outcome = { 0 };
  g_autoptr(GError) error = NULL;

  /* An attempt cut short by the stop is not an outcome: its row stays
   * pending and goes again at the next start. */
  if (self->stopped)
    {
      attempt_done (a);
      return;
    }

  outcome.success = success;
  outcome.response_status = response_status;
  outcome.error = message;
  outcome.duration_ms = (g_get_monotonic_time () - a->started) / 1000;
  outcome.retry_delay_ms = -1;
  if (!success && a->delivery->attempt < SRV_WEBHOOK_MAX_ATTEMPTS)
    outcome.retry_delay_ms = srv_webhook_sender_retry_delay_ms (self, a->delivery->attempt);

  if (success)
    g_debug ("Webhook delivery %s (attempt %" G_GINT64_FORMAT ") succeeded: HTTP %u",
             a->delivery->id, a->delivery->attempt, response_status);
  else
    g_debug ("Webhook delivery %s (attempt %" G_GINT64_FORMAT ") failed: %s",
             a->delivery->id, a->delivery->attempt, message);

  if (!srv_store_webhooks_record_attempt (self->store, a->delivery->id, &outcome, &error))
    g_warning ("Could not record webhook delivery %s: %s", a->delivery->id, error->message);

  attempt_done (a);
}

static void
attempt_fail (Attempt      *a,
              const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (a->timed_out)
        attempt_finish (a, FALSE, 0, "No answer within " G_STRINGIFY (SRV_WEBHOOK_TIMEOUT_S) " s");
      else if (a->wrong_peer)
        attempt_finish (a, FALSE, 0, "The connection reached an address that was not checked");
      else
        attempt_done (a);
      return;
    }
  attempt_finish (a, FALSE, 0, error->message);
}

static gboolean
attempt_timeout_cb (gpointer user_data)
{
  Attempt *a = user_data;

  a->timeout_id = 0;
  a->timed_out = TRUE;
  g_cancellable_cancel (a->cancellable);
  return G_SOURCE_REMOVE;
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Attempt *a = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GInputStream *stream;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    {
      attempt_fail (a, error);
      return;
    }
  /* The receiver's body is of no interest, however long it is. */
  g_object_unref (stream);

  status = soup_message_get_status (a->message);
  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      attempt_finish (a, TRUE, status, NULL);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    message = g_strdup_printf ("HTTP %u: redirects are not followed", status);
  else
    message = g_strdup_printf ("HTTP %u", status);
  attempt_finish (a, FALSE, status, message);
}

/* Belt and braces over the pinned connectable: the peer of the TCP
 * connection must be one of the addresses that were checked. */
static void
network_event_cb (SoupMessage        *msg,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  Attempt            *a)
{
  g_autoptr(GSocketAddress) remote = NULL;

  if (event != G_SOCKET_CLIENT_CONNECTED || !G_IS_SOCKET_CONNECTION (connection))
    return;

  remote = g_socket_connection_get_remote_address (G_SOCKET_CONNECTION (connection), NULL);
  if (remote == NULL || !G_IS_INET_SOCKET_ADDRESS (remote) ||
      !srv_pinned_address_contains (SRV_PINNED_ADDRESS (a->pinned),
                                    g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote))))
    {
      a->wrong_peer = TRUE;
      g_cancellable_cancel (a->cancellable);
    }
}

static void
attempt_send (Attempt *a,
              GList   *addresses)
{
  SoupMessageHeaders *headers;
  g_autofree char *timestamp = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *old_signature = NULL;
  const char *scheme = g_uri_get_scheme (a->uri);
  const char *event_id = a->delivery->event_id;
  int port = g_uri_get_port (a->uri);
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;
  gsize len = 0;
  const char *body = g_bytes_get_data (a->body, &len);

  if (port < 0)
    port = g_str_equal (scheme, "https") ? 443 : 80;

  a->pinned = srv_pinned_address_new (g_uri_get_host (a->uri), port, scheme, addresses);
  a->session = soup_session_new_with_options ("remote-connectable", a->pinned,
                                              "timeout", SRV_WEBHOOK_TIMEOUT_S,
                                              "idle-timeout", SRV_WEBHOOK_TIMEOUT_S,
                                              "user-agent", SRV_WEBHOOK_USER_AGENT,
                                              NULL);
  /* No proxy (it would resolve the name itself) and no automatic
   * answers to 401: the receiver gets exactly one signed POST. */
  soup_session_set_proxy_resolver (a->session, NULL);
  soup_session_remove_feature_by_type (a->session, SOUP_TYPE_AUTH_MANAGER);

  a->message = soup_message_new_from_uri (SOUP_METHOD_POST, a->uri);
  soup_message_add_flags (a->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_set_request_body_from_bytes (a->message, "application/json", a->body);

  timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, now_s);
  signature = srv_webhook_sign (a->secret, event_id, now_s, body, len);
  if (a->old_secret != NULL)
    {
      old_signature = srv_webhook_sign (a->old_secret, event_id, now_s, body, len);
      if (old_signature != NULL)
        {
          char *both = g_strconcat (signature, " ", old_signature, NULL);
          g_free (signature);
          signature = both;
        }
    }

  headers = soup_message_get_request_headers (a->message);
  soup_message_headers_replace (headers, "webhook-id", event_id);
  soup_message_headers_replace (headers, "webhook-timestamp", timestamp);
  soup_message_headers_replace (headers, "webhook-signature", signature);

  g_signal_connect (a->message, "network-event", G_CALLBACK (network_event_cb), a);
  soup_session_send_async (a->session, a->message, G_PRIORITY_DEFAULT, a->cancellable,
                           sent_cb, a);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Attempt *a = user_data;
  g_autoptr(GError) error = NULL;
  GList *addresses;

  addresses = srv_webhook_url_resolve_finish (result, &error);
  if (addresses == NULL)
    {
      attempt_fail (a, error);
      return;
    }
  attempt_send (a, addresses);
  g_resolver_free_addresses (addresses);
}

static char *
base_url (SrvWebhookSender *self)
{
  GSList *uris = soup_server_get_uris (self->server);
  char *url;

  if (uris == NULL)
    return g_strdup ("http://127.0.0.1");

  {
    GUri *uri = uris->data;
    const char *host = g_uri_get_host (uri);

    if (strchr (host, ':') != NULL)
      url = g_strdup_printf ("http://[%s]:%d", host, g_uri_get_port (uri));
    else
      url = g_strdup_printf ("http://%s:%d", host, g_uri_get_port (uri));
  }
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return url;
}

/* Takes the delivery. Everything is read again from the store: the
 * endpoint's URL and secrets may have changed since the event. */
static void
attempt_start (SrvWebhookSender   *self,
               SrvWebhookDelivery *delivery)
{
  Attempt *a = g_new0 (Attempt, 1);
  g_autoptr(SrvWebhookEndpoint) endpoint = NULL;
  g_autoptr(SrvWebhookEvent) event = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  char *text;
  gsize len = 0;

  a->sender = g_object_ref (self);
  a->delivery = delivery;
  a->cancellable = g_cancellable_new ();
  a->started = g_get_monotonic_time ();
  g_hash_table_insert (self->in_flight, a->delivery->id, a);
  /* One deadline for all of it: resolution, connection and answer. */
  a->timeout_id = g_timeout_add (SRV_WEBHOOK_TIMEOUT_S * 1000, attempt_timeout_cb, a);

  base = base_url (self);
  if (!(endpoint = srv_store_webhooks_get_endpoint (self->store, delivery->endpoint_id, 0, &error)) ||
      !(event = srv_store_webhooks_get_event (self->store, delivery->event_id, &error)) ||
      !(node = srv_webhook_event_to_json (self->store, event, base, &error)))
    {
      g_warning ("Webhook delivery %s cannot be built: %s", delivery->id, error->message);
      attempt_finish (a, FALSE, 0, "The server could not build this event");
      return;
    }

  text = srv_json_to_string (node, &len);
  a->body = g_bytes_new_take (text, len);
  a->secret = g_strdup (endpoint->secret);
  if (endpoint->old_secret != NULL && endpoint->old_secret_until > srv_now_ms ())
    a->old_secret = g_strdup (endpoint->old_secret);

  a->uri = srv_webhook_url_check (endpoint->url, self->flags, NULL, &error);
  if (a->uri == NULL)
    {
      attempt_finish (a, FALSE, 0, error->message);
      return;
    }

  srv_webhook_url_resolve_async (a->uri, self->flags, SRV_WEBHOOK_TIMEOUT_S * 1000, a->cancellable,
                                 resolved_cb, a);
}

static gboolean
pump_cb (gpointer user_data)
{
  SrvWebhookSender *self = user_data;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = srv_now_ms ();
  gint64 next;
  guint busy = g_hash_table_size (self->in_flight);

  self->pump_id = 0;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->stopped)
    return G_SOURCE_REMOVE;

  if (busy < MAX_IN_FLIGHT)
    {
      due = srv_store_webhooks_due_deliveries (self->store, now, MAX_IN_FLIGHT + busy, &error);
      if (due == NULL)
        g_warning ("Could not read pending webhook deliveries: %s", error->message);
    }

  for (guint i = 0; due != NULL && i < due->len; i++)
    {
      SrvWebhookDelivery *d = g_ptr_array_index (due, i);

      if (g_hash_table_size (self->in_flight) >= MAX_IN_FLIGHT)
        break;
      if (g_hash_table_contains (self->in_flight, d->id))
        continue;
      due->pdata[i] = NULL;
      attempt_start (self, d);
    }

  /* Rows due now but over the limit go when a slot frees up; the timer
   * is for the first one due later. */
  next = srv_store_webhooks_next_due (self->store, NULL);
  if (next > 0)
    self->timer_id = g_timeout_add (CLAMP (next - now, 1, MAX_TIMER_MS), pump_cb, self);

  return G_SOURCE_REMOVE;
}

/* Always from an idle, so that an attempt ending inside pump_cb never
 * runs pump_cb again underneath it. */
static void
schedule_pump (SrvWebhookSender *self)
{
  if (self->pump_id == 0 && !self->stopped)
    self->pump_id = g_idle_add (pump_cb, self);
}

static gboolean
notify_cb (gpointer user_data)
{
  schedule_pump (user_data);
  return G_SOURCE_REMOVE;
}

static void
srv_webhook_sender_dispose (GObject *object)
{
  SrvWebhookSender *self = (SrvWebhookSender *)object;

  srv_webhook_sender_stop (self);
  g_clear_object (&self->server);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (srv_webhook_sender_parent_class)->dispose (object);
}

static void
srv_webhook_sender_finalize (GObject *object)
{
  SrvWebhookSender *self = (SrvWebhookSender *)object;

  g_clear_pointer (&self->in_flight, g_hash_table_unref);

  G_OBJECT_CLASS (srv_webhook_sender_parent_class)->finalize (object);
}

static void
srv_webhook_sender_class_init (SrvWebhookSenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = srv_webhook_sender_dispose;
  object_class->finalize = srv_webhook_sender_finalize;
}

static void
srv_webhook_sender_init (SrvWebhookSender *self)
{
  self->in_flight = g_hash_table_new (g_str_hash, g_str_equal);
  self->retry_scale = 1.0;
}

SrvWebhookSender *
srv_webhook_sender_new (SrvStore           *store,
                        SoupServer         *server,
                        SrvWebhookUrlFlags  flags,
                        double              retry_scale)
{
  SrvWebhookSender *self;

  g_return_val_if_fail (SRV_IS_STORE (store), NULL);
  g_return_val_if_fail (SOUP_IS_SERVER (server), NULL);
  g_return_val_if_fail (retry_scale >= 0, NULL);

  self = g_object_new (SRV_TYPE_WEBHOOK_SENDER, NULL);
  self->store = g_object_ref (store);
  self->server = g_object_ref (server);
  self->flags = flags;
  self->retry_scale = retry_scale;

  srv_store_webhooks_set_notify (store, notify_cb, self);
  /* What was pending when the server last stopped goes first, once the
   * main loop runs (the server is listening by then). */
  schedule_pump (self);
  return self;
}

gint64
srv_webhook_sender_retry_delay_ms (SrvWebhookSender *self,
                                   guint             attempt)
{
  g_return_val_if_fail (SRV_IS_WEBHOOK_SENDER (self), 0);
  g_return_val_if_fail (attempt >= 1 && attempt < SRV_WEBHOOK_MAX_ATTEMPTS, 0);

  return (gint64)(retry_delays_s[attempt - 1] * 1000.0 * self->retry_scale + 0.5);
}

/* Cancels what is in flight and waits (briefly) for it to unwind. Rows
 * stay pending: nothing is lost, at worst sent twice (at-least-once). */
void
srv_webhook_sender_stop (SrvWebhookSender *self)
{
  g_autoptr(GList) attempts = NULL;
  gint64 deadline;

  g_return_if_fail (SRV_IS_WEBHOOK_SENDER (self));

  if (self->stopped)
    return;
  self->stopped = TRUE;

  if (self->store != NULL)
    srv_store_webhooks_set_notify (self->store, NULL, NULL);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->pump_id, g_source_remove);

  /* Cancelling may finish an attempt at once: not while iterating. */
  attempts = g_hash_table_get_values (self->in_flight);
  for (const GList *l = attempts; l != NULL; l = l->next)
    g_cancellable_cancel (((Attempt *)l->data)->cancellable);

  deadline = g_get_monotonic_time () + STOP_DRAIN_US;
  while (g_hash_table_size (self->in_flight) > 0 && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}
