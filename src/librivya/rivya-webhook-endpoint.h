/* rivya-webhook-endpoint.h
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

#pragma once

#if !defined(RIVYA_INSIDE) && !defined(RIVYA_COMPILATION)
# error "Only <rivya.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_WEBHOOK_ENDPOINT (rivya_webhook_endpoint_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaWebhookEndpoint, rivya_webhook_endpoint, RIVYA, WEBHOOK_ENDPOINT, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaWebhookEndpoint *rivya_webhook_endpoint_new_from_json       (JsonObject            *object,
                                                                  GError               **error);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_id              (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_name            (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_url             (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char * const   *rivya_webhook_endpoint_get_event_types     (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_status          (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_secret_preview  (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_signing_secret  (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_last_success_at (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_last_failure_at (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
gint64                rivya_webhook_endpoint_get_failure_count   (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_created_at      (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_updated_at      (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_disabled_at     (RivyaWebhookEndpoint  *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_webhook_endpoint_get_revoked_at      (RivyaWebhookEndpoint  *self);

G_END_DECLS
