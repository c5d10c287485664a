/* test-types-chat-webhooks.c
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
#include <json-glib/json-glib.h>
#include <string.h>

#include "lib-test-utils.h"

/* The chat and webhook types read from the exact examples of Part A and
 * from the shapes of Part B, with wrong types refused. */

/* A.5, exactly as documented: the payload of generation events. */
static const char *doc_generation =
  "{ \"id\": \"task_...\", \"status\": \"succeeded\", \"model\": \"z-image\","
  "  \"reserved_credits\": 1, \"final_credits\": 1,"
  "  \"created_at\": \"2026-05-10T00:00:00.000Z\","
  "  \"updated_at\": \"2026-05-10T00:01:00.000Z\","
  "  \"result\": { \"primary_url\": \"https://media.example/result.png\","
  "              \"urls\": [\"https://media.example/result.png\"] },"
  "  \"error\": null }";

/* A.8, exactly as documented. */
static void
test_chat_completion_doc_example (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (
      "{ \"id\": \"chatcmpl_...\", \"object\": \"chat.completion\", \"session_id\": \"...\","
      "  \"model\": \"gpt-5-2-chat\", \"created_at\": \"2026-05-11T00:00:00.000Z\","
      "  \"message\": { \"id\": \"...\", \"role\": \"assistant\", \"content\": \"...\" },"
      "  \"usage\": { \"input_tokens\": 1200, \"output_tokens\": 320, \"total_tokens\": 1520 },"
      "  \"credits\": { \"reserved\": 3, \"final\": 2 } }");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaChatCompletion) completion = rivya_chat_completion_new_from_json (object, &error);
  RivyaChatMessage *message;

  g_assert_no_error (error);
  g_assert_cmpstr (rivya_chat_completion_get_id (completion), ==, "chatcmpl_...");
  g_assert_cmpstr (rivya_chat_completion_get_session_id (completion), ==, "...");
  g_assert_cmpstr (rivya_chat_completion_get_model (completion), ==, "gpt-5-2-chat");
  g_assert_cmpstr (rivya_chat_completion_get_created_at (completion), ==, "2026-05-11T00:00:00.000Z");
  message = rivya_chat_completion_get_message (completion);
  g_assert_cmpstr (rivya_chat_message_get_id (message), ==, "...");
  g_assert_cmpstr (rivya_chat_message_get_role (message), ==, "assistant");
  g_assert_cmpstr (rivya_chat_completion_get_content (completion), ==, "...");
  g_assert_cmpint (rivya_chat_completion_get_input_tokens (completion), ==, 1200);
  g_assert_cmpint (rivya_chat_completion_get_output_tokens (completion), ==, 320);
  g_assert_cmpint (rivya_chat_completion_get_total_tokens (completion), ==, 1520);
  g_assert_cmpint (rivya_chat_completion_get_reserved_credits (completion), ==, 3);
  g_assert_cmpint (rivya_chat_completion_get_final_credits (completion), ==, 2);

  lib_test_assert_parse_error ((LibTestParseFunc)rivya_chat_completion_new_from_json, "{\"id\": \"c\", \"usage\": []}", "usage");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_chat_completion_new_from_json,
                               "{\"id\": \"c\", \"usage\": {\"input_tokens\": \"9\"}}", "input_tokens");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_chat_completion_new_from_json,
                               "{\"id\": \"c\", \"message\": {\"content\": 5}}", "content");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_chat_completion_new_from_json,
                               "{\"id\": \"c\", \"credits\": {\"final\": \"2\"}}", "final");
}

/* B.10: a session from the list, and one with its messages. */
static void
test_chat_session (void)
{
  g_autoptr(JsonObject) listed = lib_test_parse_object (
      "{\"id\": \"sess_1\", \"object\": \"chat.session\", \"model\": \"local-chat\","
      " \"title\": \"Hello there\", \"message_count\": 2,"
      " \"created_at\": \"2026-05-11T00:00:00.000Z\", \"updated_at\": \"2026-05-11T00:00:01.000Z\"}");
  g_autoptr(JsonObject) full = lib_test_parse_object (
      "{\"id\": \"sess_1\", \"model\": \"local-chat\", \"message_count\": 2, \"messages\": ["
      "  {\"id\": \"msg_1\", \"role\": \"user\", \"content\": \"Hello there\","
      "   \"attachments\": [{\"file_id\": \"file_a\"}, {\"file_id\": \"file_b\"}],"
      "   \"created_at\": \"2026-05-11T00:00:00.000Z\"},"
      "  {\"id\": \"msg_2\", \"role\": \"assistant\", \"content\": \"Hi!\", \"attachments\": []}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaChatSession) session = rivya_chat_session_new_from_json (listed, &error);
  g_autoptr(RivyaChatMessage) first = NULL;
  g_autoptr(RivyaChatMessage) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rivya_chat_session_get_id (session), ==, "sess_1");
  g_assert_cmpstr (rivya_chat_session_get_model (session), ==, "local-chat");
  g_assert_cmpstr (rivya_chat_session_get_title (session), ==, "Hello there");
  g_assert_cmpint (rivya_chat_session_get_message_count (session), ==, 2);
  g_assert_cmpstr (rivya_chat_session_get_updated_at (session), ==, "2026-05-11T00:00:01.000Z");
  g_assert_cmpuint (g_list_model_get_n_items (rivya_chat_session_get_messages (session)), ==, 0);
  g_clear_object (&session);

  session = rivya_chat_session_new_from_json (full, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rivya_chat_session_get_messages (session)), ==, 2);
  first = g_list_model_get_item (rivya_chat_session_get_messages (session), 0);
  second = g_list_model_get_item (rivya_chat_session_get_messages (session), 1);
  g_assert_cmpstr (rivya_chat_message_get_role (first), ==, "user");
  lib_test_assert_strv (rivya_chat_message_get_attachments (first), "file_a|file_b");
  g_assert_cmpstr (rivya_chat_message_get_created_at (first), ==, "2026-05-11T00:00:00.000Z");
  g_assert_cmpstr (rivya_chat_message_get_content (second), ==, "Hi!");
  lib_test_assert_strv (rivya_chat_message_get_attachments (second), "");

  lib_test_assert_parse_error ((LibTestParseFunc)rivya_chat_session_new_from_json, "{\"id\": \"s\", \"messages\": {}}", "messages");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_chat_session_new_from_json,
                               "{\"id\": \"s\", \"messages\": [{\"attachments\": [\"file_a\"]}]}", "attachments");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_chat_session_new_from_json,
                               "{\"id\": \"s\", \"messages\": [{\"attachments\": [{}]}]}", "file_id");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_chat_session_new_from_json, "{\"id\": \"s\", \"message_count\": \"2\"}", "message_count");
}

/* A.9, exactly as documented. */
static void
test_webhook_endpoint_doc_example (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (
      "{ \"id\": \"whend_...\", \"object\": \"webhook_endpoint\", \"name\": \"...\","
      "  \"url\": \"https://example.com/rivya/webhook\","
      "  \"event_types\": [\"generation.succeeded\", \"generation.failed\"],"
      "  \"status\": \"active\", \"secret_preview\": \"whsec_12...abc123\","
      "  \"signing_secret\": \"whsec_...\", \"last_success_at\": null,"
      "  \"last_failure_at\": null, \"failure_count\": 0,"
      "  \"created_at\": \"...\", \"updated_at\": \"...\","
      "  \"disabled_at\": null, \"revoked_at\": null }");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaWebhookEndpoint) endpoint = rivya_webhook_endpoint_new_from_json (object, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rivya_webhook_endpoint_get_id (endpoint), ==, "whend_...");
  g_assert_cmpstr (rivya_webhook_endpoint_get_name (endpoint), ==, "...");
  g_assert_cmpstr (rivya_webhook_endpoint_get_url (endpoint), ==, "https://example.com/rivya/webhook");
  lib_test_assert_strv (rivya_webhook_endpoint_get_event_types (endpoint), "generation.succeeded|generation.failed");
  g_assert_cmpstr (rivya_webhook_endpoint_get_status (endpoint), ==, "active");
  g_assert_cmpstr (rivya_webhook_endpoint_get_secret_preview (endpoint), ==, "whsec_12...abc123");
  g_assert_cmpstr (rivya_webhook_endpoint_get_signing_secret (endpoint), ==, "whsec_...");
  g_assert_null (rivya_webhook_endpoint_get_last_success_at (endpoint));
  g_assert_null (rivya_webhook_endpoint_get_last_failure_at (endpoint));
  g_assert_cmpint (rivya_webhook_endpoint_get_failure_count (endpoint), ==, 0);
  g_assert_cmpstr (rivya_webhook_endpoint_get_created_at (endpoint), ==, "...");
  g_assert_null (rivya_webhook_endpoint_get_disabled_at (endpoint));
  g_assert_null (rivya_webhook_endpoint_get_revoked_at (endpoint));

  lib_test_assert_parse_error ((LibTestParseFunc)rivya_webhook_endpoint_new_from_json,
                               "{\"id\": \"w\", \"event_types\": \"generation.failed\"}", "event_types");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_webhook_endpoint_new_from_json,
                               "{\"id\": \"w\", \"failure_count\": null, \"url\": {}}", "url");
}

/* B.12: a delivery, a test event and a generation event. */
static void
test_webhook_delivery_and_events (void)
{
  g_autoptr(JsonObject) delivery_object = lib_test_parse_object (
      "{\"id\": \"whdel_1\", \"object\": \"webhook_delivery\", \"endpoint_id\": \"whend_1\","
      " \"event_id\": \"evt_1\", \"event_type\": \"webhook.test\", \"attempt\": 1,"
      " \"status\": \"failed\", \"response_status\": null, \"error\": \"connection refused\","
      " \"duration_ms\": 12, \"created_at\": \"2026-05-11T00:00:00.000Z\","
      " \"next_retry_at\": \"2026-05-11T00:00:05.000Z\"}");
  g_autoptr(JsonObject) test_object = lib_test_parse_object (
      "{\"id\": \"evt_2\", \"object\": \"event\", \"type\": \"webhook.test\","
      " \"api_version\": \"2026-05-11\", \"data\": {\"endpoint_id\": \"whend_1\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaWebhookDelivery) delivery = NULL;
  g_autoptr(RivyaWebhookEvent) event = NULL;
  g_autoptr(RivyaWebhookEvent) test_event = NULL;
  g_autofree char *event_json = NULL;
  g_autoptr(JsonObject) generation_event = NULL;
  JsonNode *data;

  delivery = rivya_webhook_delivery_new_from_json (delivery_object, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_webhook_delivery_get_endpoint_id (delivery), ==, "whend_1");
  g_assert_cmpstr (rivya_webhook_delivery_get_event_id (delivery), ==, "evt_1");
  g_assert_cmpstr (rivya_webhook_delivery_get_event_type (delivery), ==, "webhook.test");
  g_assert_cmpint (rivya_webhook_delivery_get_attempt (delivery), ==, 1);
  g_assert_cmpstr (rivya_webhook_delivery_get_status (delivery), ==, "failed");
  g_assert_cmpint (rivya_webhook_delivery_get_response_status (delivery), ==, -1);
  g_assert_cmpstr (rivya_webhook_delivery_get_error (delivery), ==, "connection refused");
  g_assert_cmpint (rivya_webhook_delivery_get_duration_ms (delivery), ==, 12);
  g_assert_cmpstr (rivya_webhook_delivery_get_next_retry_at (delivery), ==, "2026-05-11T00:00:05.000Z");

  /* The documented start of an envelope (A.9), completed as B.12 says
   * with the generation of A.5. */
  event_json = g_strdup_printf ("{\"id\": \"evt_...\", \"type\": \"generation.succeeded\","
                                " \"api_version\": \"2026-05-11\", \"created_at\": \"...\","
                                " \"object\": \"event\", \"data\": %s}", doc_generation);
  generation_event = lib_test_parse_object (event_json);
  event = rivya_webhook_event_new_from_json (generation_event, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rivya_webhook_event_get_id (event), ==, "evt_...");
  g_assert_cmpstr (rivya_webhook_event_get_event_type (event), ==, "generation.succeeded");
  g_assert_cmpstr (rivya_webhook_event_get_api_version (event), ==, "2026-05-11");
  g_assert_cmpstr (rivya_webhook_event_get_created_at (event), ==, "...");
  g_assert_nonnull (rivya_webhook_event_get_generation (event));
  g_assert_cmpint (rivya_generation_get_status (rivya_webhook_event_get_generation (event)), ==,
                   RIVYA_GENERATION_STATUS_SUCCEEDED);

  test_event = rivya_webhook_event_new_from_json (test_object, &error);
  g_assert_no_error (error);
  g_assert_null (rivya_webhook_event_get_generation (test_event));
  data = rivya_webhook_event_get_data (test_event);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (data), "endpoint_id"), ==, "whend_1");

  lib_test_assert_parse_error ((LibTestParseFunc)rivya_webhook_event_new_from_json,
                               "{\"id\": \"e\", \"type\": \"generation.failed\", \"data\": {\"status\": \"failed\"}}", "id");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_webhook_event_new_from_json,
                               "{\"id\": \"e\", \"type\": \"generation.failed\", \"data\": [1]}", "data");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_webhook_delivery_new_from_json,
                               "{\"id\": \"d\", \"response_status\": \"200\"}", "response_status");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/types/chat/completion-doc-example", test_chat_completion_doc_example);
  g_test_add_func ("/types/chat/session", test_chat_session);
  g_test_add_func ("/types/webhook/endpoint-doc-example", test_webhook_endpoint_doc_example);
  g_test_add_func ("/types/webhook/delivery-and-events", test_webhook_delivery_and_events);

  return g_test_run ();
}
