/* rivya-client-catalog.c
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

/* The routes that describe the service and the account: the model
 * catalog, the OpenAPI document and the balance. */

static gpointer
parse_models (JsonObject  *root,
              GError     **error)
{
  if (!_rivya_json_require (root, "model list", "data", error))
    return NULL;
  return _rivya_json_get_list (root, "model list", "data", RIVYA_TYPE_MODEL,
                               (RivyaJsonObjectFunc)rivya_model_new_from_json, error);
}

/**
 * rivya_client_list_models_async:
 * @self: a #RivyaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the catalog has arrived
 * @user_data: (closure): data for @callback
 *
 * Reads the public model catalog, `GET /api/v1/models` (A.4), with
 * every public model, callable or not. No key is needed.
 */
void
rivya_client_list_models_async (RivyaClient         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _rivya_client_call (self, "GET", "/api/v1/models", FALSE, NULL, NULL, "model list",
                      parse_models, rivya_client_list_models_async,
                      cancellable, callback, user_data);
}

/**
 * rivya_client_list_models_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_list_models_async().
 *
 * Returns: (transfer full): a #GListModel of #RivyaModel, or %NULL with
 *   @error set
 */
GListModel *
rivya_client_list_models_finish (RivyaClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_list_models_async, error);
}

static gpointer
parse_openapi (JsonObject  *root,
               GError     **error)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, root);
  return node;
}

/**
 * rivya_client_get_openapi_async:
 * @self: a #RivyaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the document has arrived
 * @user_data: (closure): data for @callback
 *
 * Reads the service's OpenAPI document, `GET /api/v1/openapi.json`. No
 * key is needed.
 */
void
rivya_client_get_openapi_async (RivyaClient         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rivya_client_get_openapi_async);

  if (!(msg = _rivya_client_new_message (self, "GET", "/api/v1/openapi.json", FALSE, NULL, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _rivya_client_send (self, msg, "OpenAPI document", parse_openapi,
                      (GDestroyNotify)json_node_unref, g_steal_pointer (&task));
}

/**
 * rivya_client_get_openapi_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_get_openapi_async().
 *
 * Returns: (transfer full): the document, a JSON object, or %NULL with
 *   @error set
 */
JsonNode *
rivya_client_get_openapi_finish (RivyaClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_get_openapi_async, error);
}

/**
 * rivya_client_get_credits_async:
 * @self: a #RivyaClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the balance has arrived
 * @user_data: (closure): data for @callback
 *
 * Reads the account's balance, `GET /api/v1/credits` (A.7). This is also
 * the documented way to confirm a new key works.
 */
void
rivya_client_get_credits_async (RivyaClient         *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _rivya_client_call (self, "GET", "/api/v1/credits", TRUE, NULL, NULL, "credits",
                      (RivyaJsonObjectFunc)rivya_credits_new_from_json,
                      rivya_client_get_credits_async, cancellable, callback, user_data);
}

/**
 * rivya_client_get_credits_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_get_credits_async().
 *
 * Returns: (transfer full): the balance, or %NULL with @error set
 */
RivyaCredits *
rivya_client_get_credits_finish (RivyaClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_get_credits_async, error);
}
