/* test-webhooks.c
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

#include <gio/gio.h>
#include <string.h>

#include "lib-test-utils.h"

/* Every webhook route against the real rivya-server, and paging (B.5). */

static SrvTestServer *srv;

static RivyaWebhookEndpoint *
finish_endpoint (RivyaClient   *client,
                 GAsyncResult **result,
                 RivyaWebhookEndpoint *(*finish) (RivyaClient *, GAsyncResult *, GError **),
                 GError       **error)
{
  RivyaWebhookEndpoint *endpoint = finish (client, lib_test_await (result), error);

  g_clear_object (result);
  return endpoint;
}

static void
test_webhooks (void)
{
  static const char * const types[] = { "generation.succeeded", "generation.failed", NULL };
  static const char * const one_type[] = { "generation.failed", NULL };
  g_autofree char *key = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaWebhookEndpoint) created = NULL;
  g_autoptr(RivyaWebhookEndpoint) fetched = NULL;
  g_autoptr(RivyaWebhookEndpoint) updated = NULL;
  g_autoptr(RivyaWebhookEndpoint) rotated = NULL;
  g_autoptr(RivyaWebhookEndpoint) deleted = NULL;
  g_autoptr(RivyaWebhookEndpoint) rejected = NULL;
  g_autoptr(RivyaWebhookDelivery) delivery = NULL;
  g_autoptr(RivyaPage) endpoints = NULL;
  g_autoptr(RivyaPage) deliveries = NULL;
  g_autoptr(RivyaPage) events = NULL;
  g_autoptr(RivyaWebhookDelivery) listed = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  if (lib_test_route_missing (srv, "GET", "/api/v1/webhooks"))
    return;

  key = srv_test_new_account_key (srv, "hooks", 0, NULL);
  client = lib_test_client (srv, key);

  rivya_client_create_webhook_async (client, "CI", "https://example.com/rivya/webhook", types, NULL,
                                     lib_test_store_result, &result);
  created = finish_endpoint (client, &result, rivya_client_create_webhook_finish, &error);
  g_assert_no_error (error);
  id = rivya_webhook_endpoint_get_id (created);
  g_assert_true (g_str_has_prefix (id, "whend_"));
  g_assert_cmpstr (rivya_webhook_endpoint_get_name (created), ==, "CI");
  g_assert_cmpstr (rivya_webhook_endpoint_get_url (created), ==, "https://example.com/rivya/webhook");
  g_assert_cmpstr (rivya_webhook_endpoint_get_status (created), ==, "active");
  g_assert_cmpuint (g_strv_length ((char **)rivya_webhook_endpoint_get_event_types (created)), ==, 2);
  g_assert_true (g_str_has_prefix (rivya_webhook_endpoint_get_signing_secret (created), "whsec_"));

  /* The secret is shown once. */
  rivya_client_get_webhook_async (client, id, NULL, lib_test_store_result, &result);
  fetched = finish_endpoint (client, &result, rivya_client_get_webhook_finish, &error);
  g_assert_no_error (error);
  g_assert_null (rivya_webhook_endpoint_get_signing_secret (fetched));
  g_assert_nonnull (rivya_webhook_endpoint_get_secret_preview (fetched));

  rivya_client_update_webhook_async (client, id, "Renamed", NULL, one_type, NULL, NULL,
                                     lib_test_store_result, &result);
  updated = finish_endpoint (client, &result, rivya_client_update_webhook_finish, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_webhook_endpoint_get_name (updated), ==, "Renamed");
  g_assert_cmpstr (rivya_webhook_endpoint_get_url (updated), ==, "https://example.com/rivya/webhook");
  g_assert_cmpstr (rivya_webhook_endpoint_get_event_types (updated)[0], ==, "generation.failed");
  g_assert_null (rivya_webhook_endpoint_get_event_types (updated)[1]);

  rivya_client_rotate_webhook_secret_async (client, id, NULL, lib_test_store_result, &result);
  rotated = finish_endpoint (client, &result, rivya_client_rotate_webhook_secret_finish, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rivya_webhook_endpoint_get_signing_secret (rotated), "whsec_"));
  g_assert_cmpstr (rivya_webhook_endpoint_get_signing_secret (rotated), !=,
                   rivya_webhook_endpoint_get_signing_secret (created));

  rivya_client_test_webhook_async (client, id, NULL, lib_test_store_result, &result);
  delivery = rivya_client_test_webhook_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_webhook_delivery_get_endpoint_id (delivery), ==, id);
  g_assert_cmpstr (rivya_webhook_delivery_get_event_type (delivery), ==, "webhook.test");
  g_assert_true (g_str_has_prefix (rivya_webhook_delivery_get_event_id (delivery), "evt_"));

  rivya_client_list_webhook_deliveries_async (client, id, 0, NULL, NULL, lib_test_store_result, &result);
  deliveries = rivya_client_list_webhook_deliveries_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (deliveries)), >=, 1);
  listed = g_list_model_get_item (G_LIST_MODEL (deliveries), 0);
  g_assert_cmpstr (rivya_webhook_delivery_get_event_id (listed), ==, rivya_webhook_delivery_get_event_id (delivery));

  rivya_client_list_webhook_events_async (client, 0, NULL, NULL, lib_test_store_result, &result);
  events = rivya_client_list_webhook_events_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (events)) == RIVYA_TYPE_WEBHOOK_EVENT);

  rivya_client_list_webhooks_async (client, 0, NULL, NULL, lib_test_store_result, &result);
  endpoints = rivya_client_list_webhooks_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (endpoints)), ==, 1);

  rivya_client_delete_webhook_async (client, id, NULL, lib_test_store_result, &result);
  deleted = finish_endpoint (client, &result, rivya_client_delete_webhook_finish, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_webhook_endpoint_get_status (deleted), ==, "revoked");
  g_assert_nonnull (rivya_webhook_endpoint_get_revoked_at (deleted));

  /* Loopback targets are refused (A.9). */
  rivya_client_create_webhook_async (client, "local", "https://127.0.0.1/hook", types, NULL,
                                     lib_test_store_result, &result);
  rejected = finish_endpoint (client, &result, rivya_client_create_webhook_finish, &error);
  g_assert_null (rejected);
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_WEBHOOK_URL_REJECTED);
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, 400);
}

/* Paging (B.5) through webhook endpoints, created for it. */
static void
test_paging (void)
{
  static const char * const types[] = { "generation.succeeded", NULL };
  g_autofree char *key = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *after = NULL;
  gboolean more = TRUE;
  guint pages = 0;

  if (lib_test_route_missing (srv, "GET", "/api/v1/webhooks"))
    return;

  key = srv_test_new_account_key (srv, "paging", 0, NULL);
  client = lib_test_client (srv, key);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("hook %u", i);

      rivya_client_create_webhook_async (client, name, "https://example.com/h", types, NULL,
                                         lib_test_store_result, &result);
      endpoint = rivya_client_create_webhook_finish (client, lib_test_await (&result), &error);
      g_assert_no_error (error);
    }

  while (more)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(RivyaPage) page = NULL;
      g_autoptr(GError) error = NULL;

      rivya_client_list_webhooks_async (client, 2, after, NULL, lib_test_store_result, &result);
      page = rivya_client_list_webhooks_finish (client, lib_test_await (&result), &error);
      g_assert_no_error (error);
      pages++;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (page)); i++)
        {
          g_autoptr(RivyaWebhookEndpoint) endpoint = g_list_model_get_item (G_LIST_MODEL (page), i);

          g_ptr_array_add (seen, g_strdup (rivya_webhook_endpoint_get_name (endpoint)));
        }
      more = rivya_page_get_has_more (page);
      g_free (after);
      after = g_strdup (rivya_page_get_next_after (page));
      g_assert_true (!more || after != NULL);
    }

  g_assert_cmpuint (pages, ==, 3);
  g_assert_cmpuint (seen->len, ==, 5);
  /* Newest first. */
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "hook 4");
  g_assert_cmpstr (g_ptr_array_index (seen, 4), ==, "hook 0");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/webhooks/routes", test_webhooks);
  g_test_add_func ("/webhooks/paging", test_paging);

  srv = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (srv);

  return ret;
}
