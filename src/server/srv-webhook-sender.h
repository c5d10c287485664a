/* srv-webhook-sender.h
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

#include <libsoup/soup.h>

#include "srv-store.h"
#include "srv-webhook-url.h"

G_BEGIN_DECLS

/* Sends pending webhook deliveries from the main context, without ever
 * blocking it: resolution, connection and the request are asynchronous.
 * Each attempt re-checks the URL, resolves and checks its host, and
 * connects only to the addresses checked. Every outcome and the next
 * retry are written to the store, so the work survives restarts; an
 * attempt cut short by a stop stays pending and goes again next time.
 */

#define SRV_TYPE_WEBHOOK_SENDER (srv_webhook_sender_get_type ())
G_DECLARE_FINAL_TYPE (SrvWebhookSender, srv_webhook_sender, SRV, WEBHOOK_SENDER, GObject)

#define SRV_WEBHOOK_TIMEOUT_S   10
#define SRV_WEBHOOK_USER_AGENT  "rivya-webhooks/1"

SrvWebhookSender   *srv_webhook_sender_new            (SrvStore          *store,
                                                       SoupServer        *server,
                                                       SrvWebhookUrlFlags flags,
                                                       double             retry_scale);
gint64              srv_webhook_sender_retry_delay_ms (SrvWebhookSender  *self,
                                                       guint              attempt);
void                srv_webhook_sender_stop           (SrvWebhookSender  *self);

G_END_DECLS
