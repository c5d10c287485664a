/* rivya-client.h
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
#include <libsoup/soup.h>

#include "rivya-chat-completion.h"
#include "rivya-chat-request.h"
#include "rivya-chat-session.h"
#include "rivya-credits.h"
#include "rivya-file.h"
#include "rivya-generation.h"
#include "rivya-generation-request.h"
#include "rivya-model.h"
#include "rivya-page.h"
#include "rivya-types.h"
#include "rivya-upload.h"
#include "rivya-webhook-delivery.h"
#include "rivya-webhook-endpoint.h"
#include "rivya-webhook-event.h"

G_BEGIN_DECLS

/**
 * RIVYA_DEFAULT_BASE_URL:
 *
 * The base URL of the Rivya service.
 */
#define RIVYA_DEFAULT_BASE_URL "https://rivya.ai"

#define RIVYA_TYPE_CLIENT (rivya_client_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaClient, rivya_client, RIVYA, CLIENT, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaClient          *rivya_client_new                            (const char              *base_url,
                                                                   const char              *api_key);
RIVYA_AVAILABLE_IN_ALL
RivyaClient          *rivya_client_new_for_session                (const char              *base_url,
                                                                   const char              *api_key,
                                                                   SoupSession             *session);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_client_get_base_url                   (RivyaClient             *self);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_client_get_api_key                    (RivyaClient             *self);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_set_api_key                    (RivyaClient             *self,
                                                                   const char              *api_key);
RIVYA_AVAILABLE_IN_ALL
const char           *rivya_client_get_user_agent                 (RivyaClient             *self);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_set_user_agent                 (RivyaClient             *self,
                                                                   const char              *user_agent);
RIVYA_AVAILABLE_IN_ALL
SoupSession          *rivya_client_get_session                    (RivyaClient             *self);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_set_proxy_resolver             (RivyaClient             *self,
                                                                   GProxyResolver          *proxy_resolver);

RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_list_models_async              (RivyaClient             *self,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
GListModel           *rivya_client_list_models_finish             (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_get_openapi_async              (RivyaClient             *self,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
JsonNode             *rivya_client_get_openapi_finish             (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_get_credits_async              (RivyaClient             *self,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaCredits         *rivya_client_get_credits_finish             (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);

RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_create_generation_async        (RivyaClient             *self,
                                                                   RivyaGenerationRequest  *request,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaGeneration      *rivya_client_create_generation_finish       (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_get_generation_async           (RivyaClient             *self,
                                                                   const char              *task_id,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaGeneration      *rivya_client_get_generation_finish          (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);

RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_upload_async                   (RivyaClient             *self,
                                                                   RivyaUpload             *upload,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaFile            *rivya_client_upload_finish                  (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_get_file_async                 (RivyaClient             *self,
                                                                   const char              *file_id,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaFile            *rivya_client_get_file_finish                (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);

RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_create_chat_completion_async   (RivyaClient             *self,
                                                                   RivyaChatRequest        *request,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaChatCompletion  *rivya_client_create_chat_completion_finish  (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_list_chat_sessions_async       (RivyaClient             *self,
                                                                   guint                    limit,
                                                                   const char              *after,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaPage            *rivya_client_list_chat_sessions_finish      (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_get_chat_session_async         (RivyaClient             *self,
                                                                   const char              *session_id,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaChatSession     *rivya_client_get_chat_session_finish        (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);

RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_create_webhook_async           (RivyaClient             *self,
                                                                   const char              *name,
                                                                   const char              *url,
                                                                   const char * const      *event_types,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaWebhookEndpoint *rivya_client_create_webhook_finish          (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_list_webhooks_async            (RivyaClient             *self,
                                                                   guint                    limit,
                                                                   const char              *after,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaPage            *rivya_client_list_webhooks_finish           (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_get_webhook_async              (RivyaClient             *self,
                                                                   const char              *endpoint_id,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaWebhookEndpoint *rivya_client_get_webhook_finish             (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_update_webhook_async           (RivyaClient             *self,
                                                                   const char              *endpoint_id,
                                                                   const char              *name,
                                                                   const char              *url,
                                                                   const char * const      *event_types,
                                                                   const char              *status,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaWebhookEndpoint *rivya_client_update_webhook_finish          (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_delete_webhook_async           (RivyaClient             *self,
                                                                   const char              *endpoint_id,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaWebhookEndpoint *rivya_client_delete_webhook_finish          (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_rotate_webhook_secret_async    (RivyaClient             *self,
                                                                   const char              *endpoint_id,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaWebhookEndpoint *rivya_client_rotate_webhook_secret_finish   (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_test_webhook_async             (RivyaClient             *self,
                                                                   const char              *endpoint_id,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaWebhookDelivery *rivya_client_test_webhook_finish            (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_list_webhook_deliveries_async  (RivyaClient             *self,
                                                                   const char              *endpoint_id,
                                                                   guint                    limit,
                                                                   const char              *after,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaPage            *rivya_client_list_webhook_deliveries_finish (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
RIVYA_AVAILABLE_IN_ALL
void                  rivya_client_list_webhook_events_async      (RivyaClient             *self,
                                                                   guint                    limit,
                                                                   const char              *after,
                                                                   GCancellable            *cancellable,
                                                                   GAsyncReadyCallback      callback,
                                                                   gpointer                 user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaPage            *rivya_client_list_webhook_events_finish     (RivyaClient             *self,
                                                                   GAsyncResult            *result,
                                                                   GError                 **error);
G_END_DECLS
