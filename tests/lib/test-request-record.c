/* test-request-record.c
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

/* RivyaClient::request-recorded against the real rivya-server: one record
 * per call, with the API error code, the request id and the JSON body;
 * never the key. And the curl command a record makes. */

static SrvTestServer *srv;

static void
recorded_cb (RivyaClient        *client,
             RivyaRequestRecord *record,
             GPtrArray          *records)
{
  g_ptr_array_add (records, g_object_ref (record));
}

static char *
dump (RivyaRequestRecord *record)
{
  g_autofree char *curl = rivya_request_record_to_curl (record, NULL);
  GBytes *body = rivya_request_record_get_body (record);
  g_autofree char *text = body ? g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body))
                               : NULL;

  return g_strjoin ("\n", rivya_request_record_get_url (record),
                    rivya_request_record_get_request_id (record) ?: "",
                    rivya_request_record_get_idempotency_key (record) ?: "",
                    text ?: "", curl, NULL);
}

/* The value that follows @option in the command, as the shell reads it. */
static char *
curl_option (const char *curl,
             const char *option)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;

  /* The command is continued over lines with backslashes. */
  g_assert_true (g_shell_parse_argv (curl, NULL, &argv, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (argv[0], ==, "curl");
  for (guint i = 0; argv[i] != NULL; i++)
    if (g_str_equal (argv[i], option) && argv[i + 1] != NULL)
      return g_strdup (argv[i + 1]);
  return NULL;
}

static void
test_records (void)
{
  static const char * const types[] = { "generation.succeeded", NULL };
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = NULL;
  g_autofree char *first_key = NULL;
  g_autofree char *data = NULL;
  g_autofree char *method = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaWebhookEndpoint) created = NULL;
  g_autoptr(RivyaWebhookEndpoint) missing = NULL;
  g_autoptr(GListModel) models = NULL;
  g_autoptr(RivyaWebhookDelivery) delivery = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RivyaRequestRecord *record;
  g_autofree char *curl = NULL;
  guint finished = 0;
  const char *name = "Bob's \"hook\" $HOME `x`";

  if (lib_test_route_missing (srv, "GET", "/api/v1/webhooks"))
    return;

  key = srv_test_new_account_key (srv, "records", 0, NULL);
  client = lib_test_client (srv, key);
  g_signal_connect (client, "request-recorded", G_CALLBACK (recorded_cb), records);
  /* The older signal still comes, to its five-argument handlers. */
  g_signal_connect (client, "request-finished", G_CALLBACK (lib_test_count_request), &finished);

  /* A create: 201, its body kept, a fresh Idempotency-Key (B.3). */
  rivya_client_create_webhook_async (client, name, "https://example.com/rivya/webhook", types,
                                     NULL, lib_test_store_result, &result);
  created = rivya_client_create_webhook_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpuint (finished, ==, 1);
  record = records->pdata[0];
  g_assert_cmpstr (rivya_request_record_get_method (record), ==, "POST");
  g_assert_cmpstr (rivya_request_record_get_path (record), ==, "/api/v1/webhooks");
  g_assert_true (g_str_has_prefix (rivya_request_record_get_url (record), srv->url));
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, 201);
  g_assert_true (g_str_has_prefix (rivya_request_record_get_request_id (record), "req_"));
  g_assert_null (rivya_request_record_get_error_code (record));
  g_assert_true (rivya_request_record_get_authenticated (record));
  g_assert_cmpint (rivya_request_record_get_duration_us (record), >, 0);
  g_assert_nonnull (rivya_request_record_get_finished_at (record));
  g_assert_nonnull (rivya_request_record_get_body (record));
  first_key = g_strdup (rivya_request_record_get_idempotency_key (record));
  g_assert_nonnull (first_key);

  /* Its curl: the key as a variable, the body exactly as sent, quoted
   * so that the shell reads it back unchanged. */
  curl = rivya_request_record_to_curl (record, NULL);
  g_assert_nonnull (strstr (curl, "\"Authorization: Bearer $RIVYA_API_KEY\""));
  g_assert_null (strstr (curl, key));
  data = curl_option (curl, "--data-raw");
  g_assert_nonnull (data);
  g_assert_cmpmem (data, strlen (data),
                   g_bytes_get_data (rivya_request_record_get_body (record), NULL),
                   g_bytes_get_size (rivya_request_record_get_body (record)));
  g_assert_nonnull (strstr (data, "Bob's"));
  method = curl_option (curl, "-X");
  g_assert_cmpstr (method, ==, "POST");

  /* Rotate and test carry their own keys too. */
  rivya_client_rotate_webhook_secret_async (client, rivya_webhook_endpoint_get_id (created), NULL,
                                            lib_test_store_result, &result);
  g_clear_object (&created);
  created = rivya_client_rotate_webhook_secret_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  record = records->pdata[1];
  g_assert_nonnull (rivya_request_record_get_idempotency_key (record));
  g_assert_cmpstr (rivya_request_record_get_idempotency_key (record), !=, first_key);
  g_assert_null (rivya_request_record_get_body (record));
  /* The answer held the new secret; the record does not. */
  {
    g_autofree char *text = dump (record);

    g_assert_null (strstr (text, rivya_webhook_endpoint_get_signing_secret (created)));
  }

  rivya_client_test_webhook_async (client, rivya_webhook_endpoint_get_id (created), NULL,
                                   lib_test_store_result, &result);
  delivery = rivya_client_test_webhook_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  record = records->pdata[2];
  g_assert_true (g_str_has_suffix (rivya_request_record_get_path (record), "/test"));
  g_assert_nonnull (rivya_request_record_get_idempotency_key (record));

  /* A failure: the API's code and the request id of the error. */
  rivya_client_get_webhook_async (client, "whend_missing", NULL, lib_test_store_result, &result);
  missing = rivya_client_get_webhook_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_NOT_FOUND);
  record = records->pdata[3];
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, 404);
  g_assert_cmpstr (rivya_request_record_get_error_code (record), ==, "not_found");
  g_assert_cmpstr (rivya_request_record_get_request_id (record), ==, rivya_error_get_request_id (error));
  g_assert_null (rivya_request_record_get_idempotency_key (record));
  g_clear_error (&error);

  /* A public route goes without the key, and so does its curl. */
  rivya_client_list_models_async (client, NULL, lib_test_store_result, &result);
  models = rivya_client_list_models_finish (client, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  record = records->pdata[4];
  g_assert_false (rivya_request_record_get_authenticated (record));
  g_clear_pointer (&curl, g_free);
  curl = rivya_request_record_to_curl (record, "MY_KEY");
  g_assert_null (strstr (curl, "Authorization"));
  g_assert_true (g_str_has_prefix (curl, "curl '"));

  /* No record holds the key. */
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *text = dump (records->pdata[i]);

      g_assert_null (strstr (text, key));
    }
  g_assert_cmpuint (finished, ==, records->len);
}

/* A transport failure is recorded too, with status 0. */
static void
test_transport (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(RivyaClient) client = rivya_client_new ("http://127.0.0.1:1", "rvya_sk_unused");
  g_autoptr(RivyaCredits) credits = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RivyaRequestRecord *record;

  rivya_client_set_proxy_resolver (client, NULL);
  g_signal_connect (client, "request-recorded", G_CALLBACK (recorded_cb), records);
  rivya_client_get_credits_async (client, NULL, lib_test_store_result, &result);
  credits = rivya_client_get_credits_finish (client, lib_test_await (&result), &error);
  g_assert_true (rivya_error_is_transport (error));
  g_assert_cmpuint (records->len, ==, 1);
  record = records->pdata[0];
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, 0);
  g_assert_cmpstr (rivya_request_record_get_error_code (record), ==, "transport_error");
  g_assert_null (rivya_request_record_get_request_id (record));
}

/* A chat stream is recorded once, when it has ended: with its whole
 * duration, and with the code of an error answered before it started. */
static void
test_stream (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaChatRequest) request = NULL;
  g_autoptr(RivyaChatRequest) wrong = NULL;
  g_autoptr(RivyaChatStream) stream = NULL;
  g_autoptr(RivyaChatStream) refused = NULL;
  g_autoptr(RivyaChatCompletion) completion = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RivyaRequestRecord *record;
  gint64 started;

  if (lib_test_route_missing (srv, "GET", "/api/v1/chat/sessions"))
    return;

  key = srv_test_new_account_key (srv, "stream-records", 50, NULL);
  client = lib_test_client (srv, key);
  g_signal_connect (client, "request-recorded", G_CALLBACK (recorded_cb), records);

  request = rivya_chat_request_new ("local-chat", "Tell me about lighthouses and the sea");
  stream = rivya_chat_stream_new (client, request);
  started = g_get_monotonic_time ();
  rivya_chat_stream_run_async (stream, NULL, lib_test_store_result, &result);
  completion = rivya_chat_stream_run_finish (stream, lib_test_await (&result), &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  record = records->pdata[0];
  g_assert_cmpstr (rivya_request_record_get_path (record), ==, "/api/v1/chat/completions/stream");
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, 200);
  g_assert_null (rivya_request_record_get_error_code (record));
  g_assert_true (g_str_has_prefix (rivya_request_record_get_request_id (record), "req_"));
  g_assert_nonnull (rivya_request_record_get_body (record));
  g_assert_nonnull (rivya_request_record_get_idempotency_key (record));
  /* Up to the end of the stream, not the headers. */
  g_assert_cmpint (rivya_request_record_get_duration_us (record), <=, g_get_monotonic_time () - started);
  g_assert_cmpint (rivya_request_record_get_duration_us (record), >,
                   (g_get_monotonic_time () - started) / 2);

  wrong = rivya_chat_request_new ("local-image", "not a chat model");
  refused = rivya_chat_stream_new (client, wrong);
  rivya_chat_stream_run_async (refused, NULL, lib_test_store_result, &result);
  g_clear_object (&completion);
  completion = rivya_chat_stream_run_finish (refused, lib_test_await (&result), &error);
  g_assert_nonnull (error);
  g_assert_cmpuint (records->len, ==, 2);
  record = records->pdata[1];
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, rivya_error_get_http_status (error));
  g_assert_cmpstr (rivya_request_record_get_error_code (record), ==, rivya_error_get_code_string (error));
  g_assert_nonnull (rivya_request_record_get_error_code (record));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/request-record/calls", test_records);
  g_test_add_func ("/request-record/transport", test_transport);
  g_test_add_func ("/request-record/stream", test_stream);

  srv = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (srv);

  return ret;
}
