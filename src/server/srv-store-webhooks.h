/* srv-store-webhooks.h
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


#pragma once

#include "srv-store.h"

G_BEGIN_DECLS

/* Webhook endpoints, events and delivery attempts (A.9, B.12), in the
 * server's SQLite store. A generation's event and its pending deliveries
 * are written in the transaction that finishes the job; every attempt
 * is a row, so what was tried, when and how it ended survives restarts.
 */

#define SRV_WEBHOOK_API_VERSION     "2026-05-11"
#define SRV_WEBHOOK_MAX_ATTEMPTS    8
#define SRV_WEBHOOK_DISABLE_AFTER   20
#define SRV_WEBHOOK_SECRET_GRACE_MS (G_GINT64_CONSTANT (86400000))

typedef struct
{
  char    *id;
  gint64   account_id;
  char    *name;
  char    *url;
  char   **event_types;
  char    *status;          /* active, disabled, revoked */
  char    *secret;
  char    *old_secret;      /* still signing until old_secret_until, or NULL */
  gint64   old_secret_until;
  gint64   last_success_at; /* 0: never */
  gint64   last_failure_at;
  gint64   failure_count;   /* events that failed in a row */
  gint64   created_at;
  gint64   updated_at;
  gint64   disabled_at;
  gint64   revoked_at;
} SrvWebhookEndpoint;

typedef struct
{
  char    *id;
  gint64   account_id;
  char    *type;
  char    *generation_id;   /* generation events: data is that generation */
  char    *data;            /* other events: the data as JSON text */
  gint64   created_at;
} SrvWebhookEvent;

typedef struct
{
  char    *id;
  char    *endpoint_id;
  char    *event_id;
  char    *event_type;
  gint64   attempt;
  char    *status;          /* pending, succeeded, failed */
  gint64   response_status; /* 0: no HTTP answer */
  char    *error;
  gint64   duration_ms;     /* -1: not sent yet */
  gint64   created_at;
  gint64   due_at;          /* when a pending attempt is to be sent */
  gint64   next_retry_at;   /* 0: none */
} SrvWebhookDelivery;

/* What one attempt came to. */
typedef struct
{
  gboolean     success;
  guint        response_status;
  const char  *error;
  gint64       duration_ms;
  gint64       retry_delay_ms; /* failure: try again this much later; < 0: give up */
} SrvWebhookOutcome;

gboolean            srv_store_webhooks_create_endpoint   (SrvStore            *self,
                                                          SrvWebhookEndpoint  *endpoint,
                                                          GError             **error);
SrvWebhookEndpoint *srv_store_webhooks_get_endpoint      (SrvStore            *self,
                                                          const char          *id,
                                                          gint64               account_id,
                                                          GError             **error);
GPtrArray          *srv_store_webhooks_list_endpoints    (SrvStore            *self,
                                                          gint64               account_id,
                                                          const char          *after,
                                                          guint                limit,
                                                          gboolean            *has_more,
                                                          GError             **error);
gboolean            srv_store_webhooks_update_endpoint   (SrvStore            *self,
                                                          const char          *id,
                                                          gint64               account_id,
                                                          const char          *name,
                                                          const char          *url,
                                                          const char * const  *event_types,
                                                          const char          *status,
                                                          GError             **error);
gboolean            srv_store_webhooks_revoke_endpoint   (SrvStore            *self,
                                                          const char          *id,
                                                          gint64               account_id,
                                                          GError             **error);
gboolean            srv_store_webhooks_rotate_secret     (SrvStore            *self,
                                                          const char          *id,
                                                          gint64               account_id,
                                                          const char          *secret,
                                                          GError             **error);

gboolean            srv_store_webhooks_add_generation_event (SrvStore         *self,
                                                          gint64               account_id,
                                                          const char          *generation_id,
                                                          gboolean             succeeded,
                                                          GError             **error);
SrvWebhookDelivery *srv_store_webhooks_add_test_event    (SrvStore            *self,
                                                          const char          *endpoint_id,
                                                          GError             **error);
SrvWebhookEvent    *srv_store_webhooks_get_event         (SrvStore            *self,
                                                          const char          *id,
                                                          GError             **error);
GPtrArray          *srv_store_webhooks_list_events       (SrvStore            *self,
                                                          gint64               account_id,
                                                          const char          *after,
                                                          guint                limit,
                                                          gboolean            *has_more,
                                                          GError             **error);

SrvWebhookDelivery *srv_store_webhooks_get_delivery      (SrvStore            *self,
                                                          const char          *id,
                                                          GError             **error);
GPtrArray          *srv_store_webhooks_list_deliveries   (SrvStore            *self,
                                                          const char          *endpoint_id,
                                                          const char          *after,
                                                          guint                limit,
                                                          gboolean            *has_more,
                                                          GError             **error);
GPtrArray          *srv_store_webhooks_due_deliveries    (SrvStore            *self,
                                                          gint64               now,
                                                          guint                limit,
                                                          GError             **error);
gint64              srv_store_webhooks_next_due          (SrvStore            *self,
                                                          GError             **error);
gboolean            srv_store_webhooks_record_attempt    (SrvStore            *self,
                                                          const char          *delivery_id,
                                                          const SrvWebhookOutcome *outcome,
                                                          GError             **error);

/* Called (from an idle, after the writing transaction) whenever new
 * deliveries become pending. */
void                srv_store_webhooks_set_notify        (SrvStore            *self,
                                                          GSourceFunc          func,
                                                          gpointer             user_data);

void                srv_webhook_endpoint_free            (SrvWebhookEndpoint  *endpoint);
void                srv_webhook_event_free               (SrvWebhookEvent     *event);
void                srv_webhook_delivery_free            (SrvWebhookDelivery  *delivery);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvWebhookEndpoint, srv_webhook_endpoint_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvWebhookEvent, srv_webhook_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvWebhookDelivery, srv_webhook_delivery_free)

G_END_DECLS
