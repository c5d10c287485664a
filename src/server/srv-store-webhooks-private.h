/* srv-store-webhooks-private.h
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

#include "srv-store-private.h"
#include "srv-store-webhooks.h"

G_BEGIN_DECLS

/* Shared by the two halves of the webhook store: endpoints
 * (srv-store-webhooks.c), events and deliveries
 * (srv-store-webhook-events.c). */

gboolean            _srv_webhooks_end_transaction (SrvStore         *self,
                                                   gboolean          ok,
                                                   GError          **error);
void                _srv_webhooks_notify_pending  (SrvStore         *self);
SrvWebhookEndpoint *_srv_webhooks_get_changeable  (SrvStore         *self,
                                                   const char       *id,
                                                   gint64            account_id,
                                                   GError          **error);

G_END_DECLS
