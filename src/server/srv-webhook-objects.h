/* srv-webhook-objects.h
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

#include <json-glib/json-glib.h>

#include "srv-store-webhooks.h"

G_BEGIN_DECLS

/* Webhook secrets and signatures (B.11, the Standard Webhooks scheme)
 * and the webhook objects of A.9 and B.12 as JSON. */

#define SRV_WEBHOOK_SECRET_PREFIX "whsec_"
#define SRV_WEBHOOK_SECRET_BYTES  32

char     *srv_webhook_secret_new        (void);
char     *srv_webhook_secret_preview    (const char          *secret);
char     *srv_webhook_sign              (const char          *secret,
                                         const char          *webhook_id,
                                         gint64               timestamp,
                                         const char          *body,
                                         gsize                length);

JsonNode *srv_webhook_endpoint_to_json  (SrvWebhookEndpoint  *endpoint,
                                         gboolean             with_secret);
JsonNode *srv_webhook_delivery_to_json  (SrvWebhookDelivery  *delivery);
JsonNode *srv_webhook_event_to_json     (SrvStore            *store,
                                         SrvWebhookEvent     *event,
                                         const char          *base_url,
                                         GError             **error);

G_END_DECLS
