/* test-errors.c
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

/* Every error code rivya-server can give, mapped to RivyaError with its
 * request id and HTTP status; answers no API server gives (HTML pages,
 * broken JSON), from a stand-in server; and the network failing. */

static SrvTestServer *srv;

/* The X-Request-Id of the last answer, to compare with the error's. */
static char *last_request_id;

static void
request_finished_cb (RivyaClient *client,
                     const char  *method,
                     const char  *path,
                     guint        status,
                     const char  *request_id,
                     gint64       duration_us,
                     gpointer     user_data)
{
  g_free (last_request_id);
  last_request_id = g_strdup (request_id);
}

static RivyaClient *
new_client (SrvTestServer *server,
            const char    *key)
{
  RivyaClient *client = lib_test_client (server, key);

  g_signal_connect (client, "request-finished", G_CALLBACK (request_finished_cb), NULL);
  return client;
}

static GError *
credits_error (RivyaClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaCredits) credits = NULL;
  GError *error = NULL;

  rivya_client_get_credits_async (client, NULL, lib_test_store_result, &result);
  credits = rivya_client_get_credits_finish (client, lib_test_await (&result), &error);
  g_assert_true ((credits == NULL) == (error != NULL));
  return error;
}

static GError *
submit_error (RivyaClient *client,
              const char  *model,
              const char  *prompt)
{
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new (model, prompt);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaGeneration) generation = NULL;
  GError *error = NULL;

  rivya_client_create_generation_async (client, request, NULL, lib_test_store_result, &result);
  generation = rivya_client_create_generation_finish (client, lib_test_await (&result), &error);
  g_assert_null (generation);
  return error;
}

/* The error an API server answered: code, status, the same request id as
 * the X-Request-Id header, and a message. */
static void
assert_api_error (const GError *error,
                  RivyaError    code,
                  guint         status,
                  const char   *param)
{
  g_assert_error ((GError *)error, RIVYA_ERROR, code);
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, status);
  g_assert_cmpstr (rivya_error_get_code_string (error), ==, rivya_error_code_to_string (code));
  g_assert_true (g_str_has_prefix (rivya_error_get_request_id (error), "req_"));
  g_assert_cmpstr (rivya_error_get_request_id (error), ==, last_request_id);
  g_assert_cmpstr (rivya_error_get_param (error), ==, param);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_assert_false (rivya_error_is_transport (error));
}

static void
test_api_keys (void)
{
  g_autoptr(RivyaClient) missing = new_client (srv, NULL);
  g_autoptr(RivyaClient) invalid = new_client (srv, "rvya_sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  g_autoptr(RivyaClient) garbage = new_client (srv, "not a key");
  g_autofree char *revoked_key = srv_test_new_account_key (srv, "revoked", 0, NULL);
  g_autofree char *prefix = g_strndup (revoked_key, 12);
  g_autofree char *revoked_out = srv_test_admin (srv, NULL, "keys", "revoke", prefix, NULL);
  g_autofree char *expired_key = srv_test_admin (srv, NULL, "keys", "create", "--account", "revoked",
                                                 "--expires", "2020-01-01T00:00:00Z", NULL);
  g_autoptr(RivyaClient) revoked = new_client (srv, revoked_key);
  g_autoptr(RivyaClient) expired = new_client (srv, expired_key);
  GError *error;

  error = credits_error (missing);
  assert_api_error (error, RIVYA_ERROR_API_KEY_MISSING, 401, NULL);
  g_error_free (error);

  error = credits_error (invalid);
  assert_api_error (error, RIVYA_ERROR_API_KEY_INVALID, 401, NULL);
  g_error_free (error);

  error = credits_error (garbage);
  assert_api_error (error, RIVYA_ERROR_API_KEY_INVALID, 401, NULL);
  g_error_free (error);

  error = credits_error (revoked);
  assert_api_error (error, RIVYA_ERROR_API_KEY_REVOKED, 401, NULL);
  g_error_free (error);

  error = credits_error (expired);
  assert_api_error (error, RIVYA_ERROR_API_KEY_EXPIRED, 401, NULL);
  g_error_free (error);

  /* Rotation (A.2): the new key works at once on the same client. */
  rivya_client_set_api_key (revoked, srv->key);
  g_assert_null (credits_error (revoked));
}

static void
test_scope_denied (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "scoped", 5, "models:read,generations:read");
  g_autoptr(RivyaClient) client = new_client (srv, key);
  GError *error;

  error = credits_error (client);
  assert_api_error (error, RIVYA_ERROR_API_SCOPE_DENIED, 403, NULL);
  g_error_free (error);

  error = submit_error (client, "local-image", "no scope");
  assert_api_error (error, RIVYA_ERROR_API_SCOPE_DENIED, 403, NULL);
  g_error_free (error);
}

static void
test_not_found (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "owner", 5, NULL);
  g_autofree char *other_key = srv_test_new_account_key (srv, "other", 5, NULL);
  g_autoptr(RivyaClient) client = new_client (srv, key);
  g_autoptr(RivyaClient) other = new_client (srv, other_key);
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("local-image", "mine");
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(RivyaGeneration) stolen = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rivya_client_get_generation_async (client, "task_000000000000000000000000", NULL,
                                     lib_test_store_result, &result);
  g_assert_null (rivya_client_get_generation_finish (client, lib_test_await (&result), &error));
  assert_api_error (error, RIVYA_ERROR_NOT_FOUND, 404, NULL);
  g_clear_error (&error);
  g_clear_object (&result);

  /* Another account's task answers like a missing one. */
  rivya_client_create_generation_async (client, request, NULL, lib_test_store_result, &result);
  generation = rivya_client_create_generation_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  rivya_client_get_generation_async (other, rivya_generation_get_id (generation), NULL,
                                     lib_test_store_result, &result);
  stolen = rivya_client_get_generation_finish (other, lib_test_await (&result), &error);
  g_assert_null (stolen);
  assert_api_error (error, RIVYA_ERROR_NOT_FOUND, 404, NULL);
}

static void
test_insufficient_credits (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "poor", 0, NULL);
  g_autoptr(RivyaClient) client = new_client (srv, key);
  g_autoptr(GError) error = submit_error (client, "local-image", "costs one credit");

  assert_api_error (error, RIVYA_ERROR_INSUFFICIENT_CREDITS, 402, NULL);
}

static void
test_validation (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "validation", 5, NULL);
  g_autoptr(RivyaClient) client = new_client (srv, key);
  g_autofree char *long_prompt = g_strnfill (1001, 'x');
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("local-image", "bad ratio");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaGeneration) generation = NULL;
  GError *error = NULL;

  error = submit_error (client, "local-image", long_prompt);
  assert_api_error (error, RIVYA_ERROR_VALIDATION_FAILED, 400, "prompt");
  g_clear_error (&error);

  error = submit_error (client, "no-such-model", "hello");
  assert_api_error (error, RIVYA_ERROR_VALIDATION_FAILED, 400, "model");
  g_clear_error (&error);

  /* Chat models never go to /generations (A.4). */
  error = submit_error (client, "local-chat", "hello");
  assert_api_error (error, RIVYA_ERROR_VALIDATION_FAILED, 400, "model");
  g_clear_error (&error);

  rivya_generation_request_set_param_string (request, "aspect_ratio", "2:1");
  rivya_client_create_generation_async (client, request, NULL, lib_test_store_result, &result);
  generation = rivya_client_create_generation_finish (client, lib_test_await (&result), &error);
  g_assert_null (generation);
  assert_api_error (error, RIVYA_ERROR_VALIDATION_FAILED, 400, "params.aspect_ratio");
  g_clear_error (&error);
}

static void
test_idempotency_conflict (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "conflict", 5, NULL);
  g_autoptr(RivyaClient) client = new_client (srv, key);
  g_autoptr(RivyaGenerationRequest) first = rivya_generation_request_new ("local-image", "one");
  g_autoptr(RivyaGenerationRequest) second = rivya_generation_request_new ("local-image", "two");
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  rivya_client_create_generation_async (client, first, NULL, lib_test_store_result, &result);
  generation = rivya_client_create_generation_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_clear_object (&generation);

  rivya_generation_request_set_idempotency_key (second, rivya_generation_request_get_idempotency_key (first));
  rivya_client_create_generation_async (client, second, NULL, lib_test_store_result, &result);
  generation = rivya_client_create_generation_finish (client, lib_test_await (&result), &error);
  g_assert_null (generation);
  assert_api_error (error, RIVYA_ERROR_IDEMPOTENCY_CONFLICT, 409, "Idempotency-Key");
}

/* 413 from the server itself: a stream of unknown size, so the client
 * cannot check its size before sending. */
static void
test_payload_too_large (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "large", 0, NULL);
  g_autoptr(RivyaClient) client = new_client (srv, key);
  gsize size = 11 * 1024 * 1024;
  guint8 *data = g_malloc0 (size);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RivyaUpload) upload = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (data, "\x89PNG\r\n\x1a\n", 8);
  stream = g_memory_input_stream_new_from_data (data, size, g_free);
  upload = rivya_upload_new_for_stream (stream, -1, "big.png", "image");

  rivya_client_upload_async (client, upload, NULL, lib_test_store_result, &result);
  file = rivya_client_upload_finish (client, lib_test_await (&result), &error);
  g_assert_null (file);
  assert_api_error (error, RIVYA_ERROR_PAYLOAD_TOO_LARGE, 413, "file");
}

/* Codes the client's own requests never provoke, read from raw answers
 * of the server with rivya_error_new_from_response(). */
static void
test_raw_answers (void)
{
  g_autofree char *url = g_strconcat (srv->url, "/api/v1/generations", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", srv->key, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new_static ("model=x", 7);
  g_autoptr(SrvTestResponse) wrong_type = NULL;
  g_autoptr(SrvTestResponse) wrong_method = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", body);
  wrong_type = srv_test_send (srv, msg);
  error = rivya_error_new_from_response (wrong_type->status, wrong_type->headers, wrong_type->body);
  g_free (last_request_id);
  last_request_id = g_strdup (soup_message_headers_get_one (wrong_type->headers, "X-Request-Id"));
  assert_api_error (error, RIVYA_ERROR_UNSUPPORTED_MEDIA_TYPE, 415, NULL);
  g_clear_error (&error);

  wrong_method = srv_test_call (srv, "DELETE", "/api/v1/models", NULL, NULL, NULL);
  error = rivya_error_new_from_response (wrong_method->status, wrong_method->headers, wrong_method->body);
  g_free (last_request_id);
  last_request_id = g_strdup (soup_message_headers_get_one (wrong_method->headers, "X-Request-Id"));
  assert_api_error (error, RIVYA_ERROR_METHOD_NOT_ALLOWED, 405, NULL);
}

static void
test_rate_limited (void)
{
  const char * const args[] = { "--rate-limit", "60", "--rate-burst", "2", NULL };
  g_autoptr(SrvTestServer) limited = srv_test_server_start (args);
  g_autoptr(RivyaClient) client = new_client (limited, limited->key);
  g_autoptr(GError) error = NULL;

  g_assert_null (credits_error (client));
  g_assert_null (credits_error (client));
  error = credits_error (client);
  assert_api_error (error, RIVYA_ERROR_RATE_LIMITED, 429, NULL);
  /* 60 a minute: the next token comes within a second or two. */
  g_assert_cmpuint (rivya_error_get_retry_after (error), >=, 1);
  g_assert_cmpuint (rivya_error_get_retry_after (error), <=, 2);

  /* Honouring it works. */
  g_usleep ((rivya_error_get_retry_after (error) + 0.2) * G_USEC_PER_SEC);
  g_assert_null (credits_error (client));
}

static void
test_chat_errors (void)
{
  g_autofree char *key = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaChatRequest) start = NULL;
  g_autoptr(RivyaChatRequest) wrong_model = NULL;
  g_autoptr(RivyaChatRequest) conflict = NULL;
  g_autoptr(RivyaChatRequest) url_attachment = NULL;
  g_autoptr(RivyaChatCompletion) completion = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    RivyaChatRequest *request;
    RivyaError        code;
    guint             status;
    const char       *param;
  } cases[3];

  if (lib_test_route_missing (srv, "GET", "/api/v1/chat/sessions"))
    return;

  key = srv_test_new_account_key (srv, "chat-errors", 20, NULL);
  client = new_client (srv, key);

  start = rivya_chat_request_new ("local-chat", "Hello");
  {
    g_autoptr(GAsyncResult) result = NULL;

    rivya_client_create_chat_completion_async (client, start, NULL, lib_test_store_result, &result);
    completion = rivya_client_create_chat_completion_finish (client, lib_test_await (&result), &error);
    g_assert_no_error (error);
  }

  wrong_model = rivya_chat_request_new ("local-image", "Hello");
  conflict = rivya_chat_request_new ("no-such-chat", "Hello");
  rivya_chat_request_set_session_id (conflict, rivya_chat_completion_get_session_id (completion));
  url_attachment = rivya_chat_request_new ("local-chat", "Look");
  rivya_chat_request_add_attachment (url_attachment, "https://example.com/a.png");

  cases[0].request = wrong_model;
  cases[0].code = RIVYA_ERROR_CHAT_MODEL_NOT_SUPPORTED;
  cases[0].status = 400;
  cases[0].param = "model";
  cases[1].request = conflict;
  cases[1].code = RIVYA_ERROR_CHAT_SESSION_CONFLICT;
  cases[1].status = 409;
  cases[1].param = "model";
  cases[2].request = url_attachment;
  cases[2].code = RIVYA_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED;
  cases[2].status = 400;
  cases[2].param = "attachments[0]";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(RivyaChatCompletion) failed = NULL;
      g_autoptr(GError) case_error = NULL;

      rivya_client_create_chat_completion_async (client, cases[i].request, NULL, lib_test_store_result, &result);
      failed = rivya_client_create_chat_completion_finish (client, lib_test_await (&result), &case_error);
      g_assert_null (failed);
      assert_api_error (case_error, cases[i].code, cases[i].status, cases[i].param);
    }
}

static void
test_webhook_url_rejected (void)
{
  static const char * const types[] = { "generation.succeeded", NULL };
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  if (lib_test_route_missing (srv, "GET", "/api/v1/webhooks"))
    return;

  client = new_client (srv, srv->key);
  rivya_client_create_webhook_async (client, "plain", "http://example.com/hook", types, NULL,
                                     lib_test_store_result, &result);
  endpoint = rivya_client_create_webhook_finish (client, lib_test_await (&result), &error);
  g_assert_null (endpoint);
  assert_api_error (error, RIVYA_ERROR_WEBHOOK_URL_REJECTED, 400, "url");
}

/* No HTTP answer at all: the server is gone. */
static void
test_transport (void)
{
  g_autoptr(SrvTestServer) gone = srv_test_server_start (NULL);
  g_autoptr(RivyaClient) client = new_client (gone, gone->key);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaCredits) credits = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (credits_error (client));
  srv_test_server_stop (gone);

  error = credits_error (client);
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_TRANSPORT);
  g_assert_true (rivya_error_is_transport (error));
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, 0);
  g_assert_null (rivya_error_get_request_id (error));
  g_assert_null (rivya_error_get_code_string (error));
  g_assert_true (g_str_has_prefix (error->message, "Could not reach the server: "));
  g_clear_error (&error);

  /* Cancelling is not a network failure. */
  g_cancellable_cancel (cancellable);
  rivya_client_get_credits_async (client, cancellable, lib_test_store_result, &result);
  credits = rivya_client_get_credits_finish (client, lib_test_await (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (rivya_error_is_transport (error));
}

/* A stand-in server that answers whatever the test sets: what a proxy,
 * a gateway or a newer service may answer. */
typedef struct
{
  guint       status;
  const char *content_type;
  const char *body;
  const char *request_id;
  const char *retry_after;
} Canned;

static Canned canned;

static void
canned_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (canned.request_id != NULL)
    soup_message_headers_replace (headers, "X-Request-Id", canned.request_id);
  if (canned.retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", canned.retry_after);
  soup_server_message_set_status (msg, canned.status, NULL);
  if (canned.body != NULL)
    soup_server_message_set_response (msg, canned.content_type, SOUP_MEMORY_STATIC,
                                      canned.body, strlen (canned.body));
}

static GError *
canned_error (RivyaClient  *client,
              const Canned *answer)
{
  canned = *answer;
  return credits_error (client);
}

static void
test_unusual_answers (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) later = NULL;
  g_autofree char *http_date = NULL;
  g_autofree char *url = NULL;
  g_autoptr(RivyaClient) client = NULL;
  GSList *uris;
  GError *e;

  soup_server_add_handler (server, NULL, canned_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  client = rivya_client_new (url, "rvya_sk_test");
  rivya_client_set_proxy_resolver (client, NULL);

  /* An HTML 500 from a proxy: a clear error with the status. */
  e = canned_error (client, &(Canned) { 500, "text/html", "<html><body>Bad gateway</body></html>", NULL, NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_HTTP);
  g_assert_cmpuint (rivya_error_get_http_status (e), ==, 500);
  g_assert_cmpstr (e->message, ==, "The server answered HTTP 500 Internal Server Error (text/html body)");
  g_assert_null (rivya_error_get_code_string (e));
  g_clear_error (&e);

  e = canned_error (client, &(Canned) { 502, NULL, NULL, "req_gw", NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_HTTP);
  g_assert_cmpuint (rivya_error_get_http_status (e), ==, 502);
  g_assert_cmpstr (rivya_error_get_request_id (e), ==, "req_gw");
  g_clear_error (&e);

  /* A throttling proxy: still rate_limited, and Retry-After counts. */
  e = canned_error (client, &(Canned) { 429, "text/plain", "slow down", NULL, "7" });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_RATE_LIMITED);
  g_assert_cmpuint (rivya_error_get_retry_after (e), ==, 7);
  g_clear_error (&e);

  /* public_api_disabled, with Retry-After as an HTTP date. */
  now = g_date_time_new_now_utc ();
  later = g_date_time_add_seconds (now, 120);
  http_date = g_date_time_format (later, "%a, %d %b %Y %H:%M:%S GMT");
  e = canned_error (client, &(Canned) { 503, "application/json",
                    "{\"error\": {\"code\": \"public_api_disabled\", \"message\": \"Maintenance\","
                    " \"requestId\": \"req_503\"}}", "req_503", http_date });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_PUBLIC_API_DISABLED);
  g_assert_cmpstr (e->message, ==, "Maintenance");
  g_assert_cmpuint (rivya_error_get_http_status (e), ==, 503);
  g_assert_cmpuint (rivya_error_get_retry_after (e), >=, 118);
  g_assert_cmpuint (rivya_error_get_retry_after (e), <=, 121);
  g_clear_error (&e);

  e = canned_error (client, &(Canned) { 500, "application/json",
                    "{\"error\": {\"code\": \"internal_error\", \"message\": \"Oops\", \"requestId\": \"req_500\"}}",
                    "req_500", NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_INTERNAL_ERROR);
  g_assert_cmpstr (rivya_error_get_request_id (e), ==, "req_500");
  g_clear_error (&e);

  /* A code from the future: kept, with its param; the body's request id. */
  e = canned_error (client, &(Canned) { 418, "application/json; charset=utf-8",
                    "{\"error\": {\"code\": \"teapot_overflow\", \"message\": \"Short and stout\","
                    " \"requestId\": \"req_body\", \"param\": \"spout\", \"extra\": [1]}}", "req_header", NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_UNKNOWN_CODE);
  g_assert_cmpstr (rivya_error_get_code_string (e), ==, "teapot_overflow");
  g_assert_cmpstr (rivya_error_get_param (e), ==, "spout");
  g_assert_cmpstr (rivya_error_get_request_id (e), ==, "req_body");
  g_assert_cmpstr (e->message, ==, "Short and stout");
  g_assert_cmpuint (rivya_error_get_http_status (e), ==, 418);
  g_clear_error (&e);

  /* No requestId in the body: the header's. Wrong types in the error
   * body: still an error, never a crash. */
  e = canned_error (client, &(Canned) { 404, "application/json",
                    "{\"error\": {\"code\": \"not_found\", \"message\": 42, \"requestId\": false}}",
                    "req_hdr", NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_NOT_FOUND);
  g_assert_cmpstr (rivya_error_get_request_id (e), ==, "req_hdr");
  g_assert_cmpstr (e->message, ==, "not_found");
  g_clear_error (&e);

  /* A 4xx whose JSON is not an error envelope. */
  e = canned_error (client, &(Canned) { 400, "application/json", "[\"bad\"]", NULL, NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_HTTP);
  g_assert_cmpuint (rivya_error_get_http_status (e), ==, 400);
  g_clear_error (&e);

  /* 2xx that does not parse: PARSE, with the answer's request id. */
  e = canned_error (client, &(Canned) { 200, "application/json", "{\"current_credits\": ", "req_cut", NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_PARSE);
  g_assert_cmpuint (rivya_error_get_http_status (e), ==, 200);
  g_assert_cmpstr (rivya_error_get_request_id (e), ==, "req_cut");
  g_clear_error (&e);

  e = canned_error (client, &(Canned) { 200, "application/json", "[1, 2]", NULL, NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_PARSE);
  g_clear_error (&e);

  e = canned_error (client, &(Canned) { 200, "application/json", "", NULL, NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_PARSE);
  g_clear_error (&e);

  e = canned_error (client, &(Canned) { 200, "text/html", "<html>login page</html>", NULL, NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_PARSE);
  g_clear_error (&e);

  e = canned_error (client, &(Canned) { 200, "application/json", "{\"current_credits\": \"12\"}", "req_t", NULL });
  g_assert_error (e, RIVYA_ERROR, RIVYA_ERROR_PARSE);
  g_assert_cmpstr (rivya_error_get_param (e), ==, "current_credits");
  g_assert_cmpstr (rivya_error_get_request_id (e), ==, "req_t");
  g_clear_error (&e);

  /* Any 2xx is success, unknown members ignored. */
  e = canned_error (client, &(Canned) { 202, "application/json",
                    "{\"current_credits\": 9, \"wallet\": {\"currency\": \"credits\"}}", NULL, NULL });
  g_assert_no_error (e);

  soup_server_disconnect (server);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/errors/api-keys", test_api_keys);
  g_test_add_func ("/errors/scope-denied", test_scope_denied);
  g_test_add_func ("/errors/not-found", test_not_found);
  g_test_add_func ("/errors/insufficient-credits", test_insufficient_credits);
  g_test_add_func ("/errors/validation", test_validation);
  g_test_add_func ("/errors/idempotency-conflict", test_idempotency_conflict);
  g_test_add_func ("/errors/payload-too-large", test_payload_too_large);
  g_test_add_func ("/errors/raw-answers", test_raw_answers);
  g_test_add_func ("/errors/rate-limited", test_rate_limited);
  g_test_add_func ("/errors/chat", test_chat_errors);
  g_test_add_func ("/errors/webhook-url-rejected", test_webhook_url_rejected);
  g_test_add_func ("/errors/transport", test_transport);
  g_test_add_func ("/errors/unusual-answers", test_unusual_answers);

  srv = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (srv);
  g_free (last_request_id);

  return ret;
}
