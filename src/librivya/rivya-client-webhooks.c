/* rivya-client-webhooks.c
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

#include "rivya-client.h"

#include "rivya-client-private.h"
#include "rivya-page-private.h"

static JsonNode *
endpoint_body (const char         *name,
               const char         *url,
               const char * const *event_types,
               const char         *status)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonNode *root;

  if (name != NULL)
    json_object_set_string_member (body, "name", name);
  if (url != NULL)
    json_object_set_string_member (body, "url", url);
  if (event_types != NULL)
    {
      g_autoptr(JsonArray) types = json_array_new ();

      for (guint i = 0; event_types[i] != NULL; i++)
        json_array_add_string_element (types, event_types[i]);
      json_object_set_array_member (body, "event_types", g_steal_pointer (&types));
    }
  if (status != NULL)
    json_object_set_string_member (body, "status", status);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (root, body);
  return root;
}

static gpointer
parse_endpoint_page (JsonObject  *root,
                     GError     **error)
{
  return _rivya_page_new_from_json (root, "webhook endpoint list", RIVYA_TYPE_WEBHOOK_ENDPOINT,
                                    (RivyaJsonObjectFunc)rivya_webhook_endpoint_new_from_json,
                                    error);
}

static gpointer
parse_delivery_page (JsonObject  *root,
                     GError     **error)
{
  return _rivya_page_new_from_json (root, "webhook delivery list", RIVYA_TYPE_WEBHOOK_DELIVERY,
                                    (RivyaJsonObjectFunc)rivya_webhook_delivery_new_from_json,
                                    error);
}

static gpointer
parse_event_page (JsonObject  *root,
                  GError     **error)
{
  return _rivya_page_new_from_json (root, "webhook event list", RIVYA_TYPE_WEBHOOK_EVENT,
                                    (RivyaJsonObjectFunc)rivya_webhook_event_new_from_json, error);
}

/**
 * rivya_client_create_webhook_async:
 * @self: a #RivyaClient
 * @name: a name for people
 * @url: the HTTPS URL to deliver to
 * @event_types: (array zero-terminated=1): the event types to deliver, such as
 *   `"generation.succeeded"`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Creates a webhook endpoint, `POST /api/v1/webhooks` (A.9). The answer
 * is the only one, with rivya_client_rotate_webhook_secret_finish(), that
 * holds the #RivyaWebhookEndpoint:signing-secret: store it at once.
 * URLs that are not HTTPS, or point at private or loopback addresses, are
 * refused with %RIVYA_ERROR_WEBHOOK_URL_REJECTED.
 *
 * Like rotate and test, the call carries a fresh `Idempotency-Key` (B.3),
 * so that a request the network replays creates one endpoint only.
 */
void
rivya_client_create_webhook_async (RivyaClient         *self,
                                   const char          *name,
                                   const char          *url,
                                   const char * const  *event_types,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (url != NULL);
  g_return_if_fail (event_types != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  body = endpoint_body (name, url, event_types, NULL);
  key = g_uuid_string_random ();
  _rivya_client_call (self, "POST", "/api/v1/webhooks", TRUE, body, key, "webhook endpoint",
                      (RivyaJsonObjectFunc)rivya_webhook_endpoint_new_from_json,
                      rivya_client_create_webhook_async, cancellable, callback, user_data);
}

/**
 * rivya_client_create_webhook_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_create_webhook_async().
 *
 * Returns: (transfer full): the new endpoint, with its signing secret, or %NULL with @error set
 */
RivyaWebhookEndpoint *
rivya_client_create_webhook_finish (RivyaClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_create_webhook_async, error);
}

/**
 * rivya_client_list_webhooks_async:
 * @self: a #RivyaClient
 * @limit: how many items, 1 to 100, or 0 for the service's default
 * @after: (nullable): #RivyaPage:next-after of the previous page, or %NULL
 *   for the first page
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Lists the account's webhook endpoints, newest first,
 * `GET /api/v1/webhooks` (B.5).
 */
void
rivya_client_list_webhooks_async (RivyaClient         *self,
                                  guint                limit,
                                  const char          *after,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/webhooks", NULL, NULL, limit, after);
  _rivya_client_call (self, "GET", path, TRUE, NULL, NULL, "webhook endpoint list",
                      parse_endpoint_page,
                      rivya_client_list_webhooks_async, cancellable, callback, user_data);
}

/**
 * rivya_client_list_webhooks_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_list_webhooks_async().
 *
 * Returns: (transfer full): a page of #RivyaWebhookEndpoint, or %NULL with @error set
 */
RivyaPage *
rivya_client_list_webhooks_finish (RivyaClient   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_list_webhooks_async, error);
}

/**
 * rivya_client_get_webhook_async:
 * @self: a #RivyaClient
 * @endpoint_id: the endpoint's id, `whend_...`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Reads a webhook endpoint, `GET /api/v1/webhooks/{endpointId}`.
 */
void
rivya_client_get_webhook_async (RivyaClient         *self,
                                const char          *endpoint_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (endpoint_id != NULL && *endpoint_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/webhooks/", endpoint_id, NULL, 0, NULL);
  _rivya_client_call (self, "GET", path, TRUE, NULL, NULL, "webhook endpoint",
                      (RivyaJsonObjectFunc)rivya_webhook_endpoint_new_from_json,
                      rivya_client_get_webhook_async, cancellable, callback, user_data);
}

/**
 * rivya_client_get_webhook_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_get_webhook_async().
 *
 * Returns: (transfer full): the endpoint, or %NULL with @error set
 */
RivyaWebhookEndpoint *
rivya_client_get_webhook_finish (RivyaClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_get_webhook_async, error);
}

/**
 * rivya_client_update_webhook_async:
 * @self: a #RivyaClient
 * @endpoint_id: the endpoint's id, `whend_...`
 * @name: (nullable): a new name, or %NULL to keep it
 * @url: (nullable): a new URL, or %NULL to keep it
 * @event_types: (nullable) (array zero-terminated=1): new event types, or
 *   %NULL to keep them
 * @status: (nullable): `"active"` to re-enable a disabled endpoint, or
 *   %NULL to keep the status
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Changes a webhook endpoint, `PATCH /api/v1/webhooks/{endpointId}`
 * (B.12). Only the arguments that are not %NULL are sent.
 */
void
rivya_client_update_webhook_async (RivyaClient         *self,
                                   const char          *endpoint_id,
                                   const char          *name,
                                   const char          *url,
                                   const char * const  *event_types,
                                   const char          *status,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (endpoint_id != NULL && *endpoint_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/webhooks/", endpoint_id, NULL, 0, NULL);
  body = endpoint_body (name, url, event_types, status);
  _rivya_client_call (self, "PATCH", path, TRUE, body, NULL, "webhook endpoint",
                      (RivyaJsonObjectFunc)rivya_webhook_endpoint_new_from_json,
                      rivya_client_update_webhook_async, cancellable, callback, user_data);
}

/**
 * rivya_client_update_webhook_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_update_webhook_async().
 *
 * Returns: (transfer full): the endpoint as changed, or %NULL with @error set
 */
RivyaWebhookEndpoint *
rivya_client_update_webhook_finish (RivyaClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_update_webhook_async, error);
}

/**
 * rivya_client_delete_webhook_async:
 * @self: a #RivyaClient
 * @endpoint_id: the endpoint's id, `whend_...`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Deletes (revokes) a webhook endpoint,
 * `DELETE /api/v1/webhooks/{endpointId}`: no more deliveries.
 */
void
rivya_client_delete_webhook_async (RivyaClient         *self,
                                   const char          *endpoint_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (endpoint_id != NULL && *endpoint_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/webhooks/", endpoint_id, NULL, 0, NULL);
  _rivya_client_call (self, "DELETE", path, TRUE, NULL, NULL, "webhook endpoint",
                      (RivyaJsonObjectFunc)rivya_webhook_endpoint_new_from_json,
                      rivya_client_delete_webhook_async, cancellable, callback, user_data);
}

/**
 * rivya_client_delete_webhook_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_delete_webhook_async().
 *
 * Returns: (transfer full): the endpoint, revoked, or %NULL with @error set
 */
RivyaWebhookEndpoint *
rivya_client_delete_webhook_finish (RivyaClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_delete_webhook_async, error);
}

/**
 * rivya_client_rotate_webhook_secret_async:
 * @self: a #RivyaClient
 * @endpoint_id: the endpoint's id, `whend_...`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Gives a webhook endpoint a new signing secret,
 * `POST /api/v1/webhooks/{endpointId}/rotate-secret`. For 24 hours both
 * secrets sign deliveries (B.11).
 */
void
rivya_client_rotate_webhook_secret_async (RivyaClient         *self,
                                          const char          *endpoint_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (endpoint_id != NULL && *endpoint_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/webhooks/", endpoint_id, "/rotate-secret", 0, NULL);
  key = g_uuid_string_random ();
  _rivya_client_call (self, "POST", path, TRUE, NULL, key, "webhook endpoint",
                      (RivyaJsonObjectFunc)rivya_webhook_endpoint_new_from_json,
                      rivya_client_rotate_webhook_secret_async, cancellable, callback, user_data);
}

/**
 * rivya_client_rotate_webhook_secret_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_rotate_webhook_secret_async().
 *
 * Returns: (transfer full): the endpoint, with its new signing secret, or %NULL with @error set
 */
RivyaWebhookEndpoint *
rivya_client_rotate_webhook_secret_finish (RivyaClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_rotate_webhook_secret_async, error);
}

/**
 * rivya_client_test_webhook_async:
 * @self: a #RivyaClient
 * @endpoint_id: the endpoint's id, `whend_...`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Sends a safe `webhook.test` event to an endpoint,
 * `POST /api/v1/webhooks/{endpointId}/test` (B.12).
 */
void
rivya_client_test_webhook_async (RivyaClient         *self,
                                 const char          *endpoint_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (endpoint_id != NULL && *endpoint_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/webhooks/", endpoint_id, "/test", 0, NULL);
  key = g_uuid_string_random ();
  _rivya_client_call (self, "POST", path, TRUE, NULL, key, "webhook delivery",
                      (RivyaJsonObjectFunc)rivya_webhook_delivery_new_from_json,
                      rivya_client_test_webhook_async, cancellable, callback, user_data);
}

/**
 * rivya_client_test_webhook_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_test_webhook_async().
 *
 * Returns: (transfer full): the delivery of the test event, or %NULL with @error set
 */
RivyaWebhookDelivery *
rivya_client_test_webhook_finish (RivyaClient   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_test_webhook_async, error);
}

/**
 * rivya_client_list_webhook_deliveries_async:
 * @self: a #RivyaClient
 * @endpoint_id: the endpoint's id, `whend_...`
 * @limit: how many items, 1 to 100, or 0 for the service's default
 * @after: (nullable): #RivyaPage:next-after of the previous page, or %NULL
 *   for the first page
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Lists the delivery attempts to an endpoint, newest first,
 * `GET /api/v1/webhooks/{endpointId}/deliveries` (B.5).
 */
void
rivya_client_list_webhook_deliveries_async (RivyaClient         *self,
                                            const char          *endpoint_id,
                                            guint                limit,
                                            const char          *after,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (endpoint_id != NULL && *endpoint_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/webhooks/", endpoint_id, "/deliveries", limit, after);
  _rivya_client_call (self, "GET", path, TRUE, NULL, NULL, "webhook delivery list",
                      parse_delivery_page,
                      rivya_client_list_webhook_deliveries_async, cancellable, callback, user_data);
}

/**
 * rivya_client_list_webhook_deliveries_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_list_webhook_deliveries_async().
 *
 * Returns: (transfer full): a page of #RivyaWebhookDelivery, or %NULL with @error set
 */
RivyaPage *
rivya_client_list_webhook_deliveries_finish (RivyaClient   *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_list_webhook_deliveries_async,
                                    error);
}

/**
 * rivya_client_list_webhook_events_async:
 * @self: a #RivyaClient
 * @limit: how many items, 1 to 100, or 0 for the service's default
 * @after: (nullable): #RivyaPage:next-after of the previous page, or %NULL
 *   for the first page
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Lists the account's events, newest first, `GET /api/v1/webhook-events`
 * (B.5).
 */
void
rivya_client_list_webhook_events_async (RivyaClient         *self,
                                        guint                limit,
                                        const char          *after,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/webhook-events", NULL, NULL, limit, after);
  _rivya_client_call (self, "GET", path, TRUE, NULL, NULL, "webhook event list",
                      parse_event_page,
                      rivya_client_list_webhook_events_async, cancellable, callback, user_data);
}

/**
 * rivya_client_list_webhook_events_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_list_webhook_events_async().
 *
 * Returns: (transfer full): a page of #RivyaWebhookEvent, or %NULL with @error set
 */
RivyaPage *
rivya_client_list_webhook_events_finish (RivyaClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_list_webhook_events_async, error);
}
