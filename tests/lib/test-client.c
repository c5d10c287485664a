/* test-client.c
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

/* RivyaClient against the real rivya-server: every route of Part A. */

static SrvTestServer *srv;

static void
test_models (void)
{
  /* A public route: no key at all. */
  g_autoptr(RivyaClient) client = lib_test_client (srv, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) models = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_image = FALSE;
  gboolean found_chat = FALSE;

  rivya_client_list_models_async (client, NULL, lib_test_store_result, &result);
  models = rivya_client_list_models_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (models) == RIVYA_TYPE_MODEL);
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 4);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (g_str_equal (rivya_model_get_id (model), "local-image"))
        {
          found_image = TRUE;
          g_assert_cmpstr (rivya_model_get_category (model), ==, "image");
          g_assert_true (rivya_model_is_available (model));
          g_assert_cmpint (rivya_model_get_base_credits (model), ==, 1);
          g_assert_cmpint (rivya_reference_media_get_max_bytes (rivya_model_get_reference_media (model), "image"),
                           ==, 10485760);
          g_assert_nonnull (rivya_model_find_param (model, "aspect_ratio"));
        }
      else if (g_str_equal (rivya_model_get_id (model), "local-chat"))
        {
          found_chat = TRUE;
          g_assert_true (rivya_model_is_chat (model));
        }
    }
  g_assert_true (found_image);
  g_assert_true (found_chat);
}

static void
test_openapi (void)
{
  g_autoptr(RivyaClient) client = lib_test_client (srv, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  rivya_client_get_openapi_async (client, NULL, lib_test_store_result, &result);
  document = rivya_client_get_openapi_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  root = json_node_get_object (document);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (root, "openapi"), "3."));
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "paths"), "/api/v1/models"));
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "paths"),
                                         "/api/v1/generations/{taskId}"));
}

static gint64
get_credits (RivyaClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaCredits) credits = NULL;
  g_autoptr(GError) error = NULL;

  rivya_client_get_credits_async (client, NULL, lib_test_store_result, &result);
  credits = rivya_client_get_credits_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  return rivya_credits_get_current_credits (credits);
}

static void
test_credits (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "credits", 57, NULL);
  g_autoptr(RivyaClient) client = lib_test_client (srv, key);

  g_assert_cmpint (get_credits (client), ==, 57);
}

static RivyaGeneration *
create_generation (RivyaClient             *client,
                   RivyaGenerationRequest  *request,
                   GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rivya_client_create_generation_async (client, request, NULL, lib_test_store_result, &result);
  return rivya_client_create_generation_finish (client, lib_test_await (&result), error);
}

static RivyaGeneration *
get_generation (RivyaClient  *client,
                const char   *task_id,
                GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rivya_client_get_generation_async (client, task_id, NULL, lib_test_store_result, &result);
  return rivya_client_get_generation_finish (client, lib_test_await (&result), error);
}

static void
test_generation_create_and_poll (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "gen", 10, NULL);
  g_autoptr(RivyaClient) client = lib_test_client (srv, key);
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("local-image", "a red lighthouse");
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(SrvTestResponse) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *task_id = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  rivya_generation_request_set_param_string (request, "aspect_ratio", "16:9");
  rivya_generation_request_set_param_int (request, "seed", 7);
  rivya_generation_request_set_client_request_id (request, "lib-test-1");

  generation = create_generation (client, request, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (rivya_generation_get_id (generation), "task_"));
  g_assert_cmpstr (rivya_generation_get_model (generation), ==, "local-image");
  g_assert_cmpint (rivya_generation_get_reserved_credits (generation), ==, 1);
  g_assert_cmpstr (rivya_generation_get_client_request_id (generation), ==, "lib-test-1");
  g_assert_nonnull (rivya_generation_get_created_at (generation));
  task_id = g_strdup (rivya_generation_get_id (generation));

  while (!rivya_generation_is_terminal (generation))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_assert_true (rivya_generation_get_status (generation) == RIVYA_GENERATION_STATUS_QUEUED ||
                     rivya_generation_get_status (generation) == RIVYA_GENERATION_STATUS_PROCESSING);
      g_usleep (100 * 1000);
      g_clear_object (&generation);
      generation = get_generation (client, task_id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (rivya_generation_get_id (generation), ==, task_id);
    }

  g_assert_cmpint (rivya_generation_get_status (generation), ==, RIVYA_GENERATION_STATUS_SUCCEEDED);
  g_assert_cmpint (rivya_generation_get_final_credits (generation), ==, 1);
  g_assert_null (rivya_generation_get_error_code (generation));
  g_assert_cmpuint (g_strv_length ((char **)rivya_generation_get_urls (generation)), ==, 1);
  g_assert_cmpstr (rivya_generation_get_primary_url (generation), ==, rivya_generation_get_urls (generation)[0]);
  g_assert_cmpint (get_credits (client), ==, 9);

  /* The result is served, and is the picture asked for. */
  media = srv_test_get_url (srv, rivya_generation_get_primary_url (generation), NULL);
  srv_assert_status (media, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (media->headers, NULL), ==, "image/png");
  g_assert_cmpmem (g_bytes_get_data (media->body, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
}

static void
test_generation_idempotent (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "idem", 10, NULL);
  g_autoptr(RivyaClient) client = lib_test_client (srv, key);
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("local-image", "twice");
  g_autoptr(RivyaGenerationRequest) restored = NULL;
  g_autoptr(RivyaGeneration) first = NULL;
  g_autoptr(RivyaGeneration) second = NULL;
  g_autoptr(RivyaGeneration) third = NULL;
  g_autoptr(RivyaGeneration) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_key = NULL;

  first = create_generation (client, request, &error);
  g_assert_no_error (error);
  stored_key = g_strdup (rivya_generation_request_get_idempotency_key (request));

  /* A retry of the same request: the same task, charged once. */
  second = create_generation (client, request, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_generation_get_id (second), ==, rivya_generation_get_id (first));

  /* After a restart: a new request object with the stored key. */
  restored = rivya_generation_request_new ("local-image", "twice");
  rivya_generation_request_set_idempotency_key (restored, stored_key);
  third = create_generation (client, restored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_generation_get_id (third), ==, rivya_generation_get_id (first));
  g_assert_cmpint (get_credits (client), ==, 9);

  /* The key with another body is a conflict, never a second job. */
  rivya_generation_request_set_prompt (restored, "something else");
  other = create_generation (client, restored, &error);
  g_assert_null (other);
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_IDEMPOTENCY_CONFLICT);
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, 409);
  g_assert_true (g_str_has_prefix (rivya_error_get_request_id (error), "req_"));
  g_clear_error (&error);

  /* A fresh key is a fresh job. */
  rivya_generation_request_set_idempotency_key (restored, NULL);
  other = create_generation (client, restored, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_generation_get_id (other), !=, rivya_generation_get_id (first));
  g_assert_cmpint (get_credits (client), ==, 8);
}

static void
test_get_file (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "getfile", 0, NULL);
  g_autoptr(RivyaClient) client = lib_test_client (srv, key);
  g_autoptr(GBytes) png = srv_test_make_png (32, 24);
  g_autoptr(SrvTestResponse) uploaded = srv_test_upload (srv, key, "image", NULL, "pic.png", png);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  srv_assert_status (uploaded, 201);
  id = json_object_get_string_member (srv_test_response_object (uploaded), "id");

  rivya_client_get_file_async (client, id, NULL, lib_test_store_result, &result);
  file = rivya_client_get_file_finish (client, lib_test_await (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_file_get_id (file), ==, id);
  g_assert_cmpstr (rivya_file_get_kind (file), ==, "image");
  g_assert_cmpstr (rivya_file_get_name (file), ==, "pic.png");
  g_assert_cmpstr (rivya_file_get_mime_type (file), ==, "image/png");
  g_assert_cmpint (rivya_file_get_size_bytes (file), ==, g_bytes_get_size (png));
  g_assert_cmpstr (rivya_file_get_url (file), ==,
                   json_object_get_string_member (srv_test_response_object (uploaded), "url"));
  g_assert_cmpfloat (rivya_file_get_duration_seconds (file), ==, -1);
  g_clear_object (&result);
  g_clear_object (&file);

  /* An id with a slash stays one path segment, and is not found. */
  rivya_client_get_file_async (client, "file_a/../b", NULL, lib_test_store_result, &result);
  file = rivya_client_get_file_finish (client, lib_test_await (&result), &error);
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_NOT_FOUND);
}

typedef struct
{
  guint  count;
  char  *method;
  char  *path;
  guint  status;
  char  *request_id;
} Finished;

static void
request_finished_cb (RivyaClient *client,
                     const char  *method,
                     const char  *path,
                     guint        status,
                     const char  *request_id,
                     gint64       duration_us,
                     Finished    *finished)
{
  finished->count++;
  g_free (finished->method);
  g_free (finished->path);
  g_free (finished->request_id);
  finished->method = g_strdup (method);
  finished->path = g_strdup (path);
  finished->status = status;
  finished->request_id = g_strdup (request_id);
  g_assert_cmpint (duration_us, >=, 0);
}

static GString *log_text;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        g_string_append_printf (log_text, "%s\n", (const char *)fields[i].value);
    }
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

/* The request log: method, path, status, request id; and the key never
 * appears in what the library logs. */
static void
test_request_log (void)
{
  g_autofree char *key = srv_test_new_account_key (srv, "log", 3, NULL);
  g_autoptr(RivyaClient) client = lib_test_client (srv, key);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaPage) page = NULL;
  g_autoptr(GError) error = NULL;
  Finished finished = { 0 };

  g_signal_connect (client, "request-finished", G_CALLBACK (request_finished_cb), &finished);
  g_assert_cmpint (get_credits (client), ==, 3);
  g_assert_cmpuint (finished.count, ==, 1);
  g_assert_cmpstr (finished.method, ==, "GET");
  g_assert_cmpstr (finished.path, ==, "/api/v1/credits");
  g_assert_cmpuint (finished.status, ==, 200);
  g_assert_true (g_str_has_prefix (finished.request_id, "req_"));

  /* A path with a query. */
  rivya_client_list_webhook_events_async (client, 5, "evt_x y", NULL, lib_test_store_result, &result);
  page = rivya_client_list_webhook_events_finish (client, lib_test_await (&result), &error);
  g_clear_error (&error);
  g_assert_cmpstr (finished.path, ==, "/api/v1/webhook-events?limit=5&after=evt_x%20y");

  g_assert_nonnull (strstr (log_text->str, "GET /api/v1/credits: 200 req_"));
  g_assert_null (strstr (log_text->str, key));
  g_assert_null (strstr (log_text->str, "Bearer"));

  g_free (finished.method);
  g_free (finished.path);
  g_free (finished.request_id);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  log_text = g_string_new (NULL);
  g_setenv ("G_MESSAGES_DEBUG", "Rivya", TRUE);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/client/models", test_models);
  g_test_add_func ("/client/openapi", test_openapi);
  g_test_add_func ("/client/credits", test_credits);
  g_test_add_func ("/client/generation/create-and-poll", test_generation_create_and_poll);
  g_test_add_func ("/client/generation/idempotent", test_generation_idempotent);
  g_test_add_func ("/client/files/get", test_get_file);
  g_test_add_func ("/client/request-log", test_request_log);

  srv = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (srv);
  g_string_free (log_text, TRUE);

  return ret;
}
