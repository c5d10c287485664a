/* test-types.c
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

/* Every type read from the exact example payloads of the API reference
 * (Part A), from rivya-server's shapes (Part B), with members missing,
 * unknown and of the wrong type. */

/* A.4, exactly as documented. */
static const char *doc_model =
  "{ \"id\": \"z-image\", \"display_name\": \"Z-Image\", \"category\": \"image\","
  "  \"runtime\": \"async_task\", \"base_credits\": 1, \"billing_type\": \"FIXED\","
  "  \"supported_modes\": [\"text-to-image\"], \"max_prompt_length\": 1000,"
  "  \"reference_media\": null, \"params\": [], \"api_status\": \"available\","
  "  \"api_input_status\": \"available_text\", \"supported_api_inputs\": [\"text\"],"
  "  \"requires_files_api\": false, \"requires_upload_for_modes\": [],"
  "  \"url_input_supported\": false, \"file_kinds\": [], \"chat_capabilities\": null,"
  "  \"notices\": [] }";

static void
test_model_doc_example (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (doc_model);
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaModel) model = rivya_model_new_from_json (object, &error);
  g_autofree char *display_name = NULL;
  gint64 base_credits = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (rivya_model_get_id (model), ==, "z-image");
  g_assert_cmpstr (rivya_model_get_display_name (model), ==, "Z-Image");
  g_assert_cmpstr (rivya_model_get_category (model), ==, "image");
  g_assert_cmpstr (rivya_model_get_runtime (model), ==, "async_task");
  g_assert_cmpint (rivya_model_get_base_credits (model), ==, 1);
  g_assert_cmpstr (rivya_model_get_billing_type (model), ==, "FIXED");
  lib_test_assert_strv (rivya_model_get_supported_modes (model), "text-to-image");
  g_assert_cmpint (rivya_model_get_max_prompt_length (model), ==, 1000);
  g_assert_null (rivya_model_get_reference_media (model));
  g_assert_cmpuint (g_list_model_get_n_items (rivya_model_get_params (model)), ==, 0);
  g_assert_cmpstr (rivya_model_get_api_status (model), ==, "available");
  g_assert_cmpstr (rivya_model_get_api_input_status (model), ==, "available_text");
  lib_test_assert_strv (rivya_model_get_supported_api_inputs (model), "text");
  g_assert_false (rivya_model_get_requires_files_api (model));
  lib_test_assert_strv (rivya_model_get_requires_upload_for_modes (model), "");
  g_assert_false (rivya_model_get_url_input_supported (model));
  lib_test_assert_strv (rivya_model_get_file_kinds (model), "");
  g_assert_null (rivya_model_get_chat_capabilities (model));
  g_assert_cmpuint (g_list_model_get_n_items (rivya_model_get_notices (model)), ==, 0);
  g_assert_true (rivya_model_is_available (model));
  g_assert_false (rivya_model_is_chat (model));

  /* The same through the read-only properties. */
  g_object_get (model, "display-name", &display_name, "base-credits", &base_credits, NULL);
  g_assert_cmpstr (display_name, ==, "Z-Image");
  g_assert_cmpint (base_credits, ==, 1);
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (model), "id")->flags & G_PARAM_WRITABLE);
}

/* B.6: every param type, reference media, chat capabilities, notices;
 * and a select whose options a service wrote as numbers. */
static void
test_model_b6_shapes (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (
      "{\"id\": \"veo3-1-lite\", \"category\": \"video\", \"base_credits\": 10,"
      " \"params\": ["
      "   {\"key\": \"aspectRatio\", \"label\": \"Aspect\", \"type\": \"select\", \"required\": true,"
      "    \"default\": \"16:9\", \"options\": [\"16:9\", \"9:16\"]},"
      "   {\"key\": \"watermark\", \"type\": \"text\", \"description\": \"Text in a corner\"},"
      "   {\"key\": \"seeds\", \"type\": \"number\", \"min\": 10000, \"max\": 99999, \"step\": 1,"
      "    \"default\": 12345},"
      "   {\"key\": \"duration\", \"type\": \"select\", \"options\": [\"5\", 10, true]},"
      "   {\"key\": \"enableTranslation\", \"type\": \"boolean\", \"default\": false},"
      "   {\"key\": \"curve\", \"type\": \"bezier\", \"future\": {\"x\": 1}}],"
      " \"reference_media\": {\"kinds\": [\"image\"], \"max_files\": 2,"
      "   \"max_bytes\": {\"image\": 5242880}, \"mime_types\": {\"image\": [\"image/png\"]},"
      "   \"required_for_modes\": [\"image-to-video\"]},"
      " \"notices\": [{\"level\": \"warning\", \"text\": \"Slow\"}, {\"level\": \"info\"}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaModel) model = rivya_model_new_from_json (object, &error);
  g_autoptr(RivyaModelParam) select = NULL;
  g_autoptr(RivyaModelParam) number = NULL;
  g_autoptr(RivyaModelNotice) notice = NULL;
  g_autofree char *default_string = NULL;
  RivyaModelParam *param;
  RivyaReferenceMedia *media;

  g_assert_no_error (error);
  /* No display name: the id stands in. */
  g_assert_cmpstr (rivya_model_get_display_name (model), ==, "veo3-1-lite");
  g_assert_cmpuint (g_list_model_get_n_items (rivya_model_get_params (model)), ==, 6);

  select = g_list_model_get_item (rivya_model_get_params (model), 0);
  g_assert_cmpstr (rivya_model_param_get_key (select), ==, "aspectRatio");
  g_assert_cmpstr (rivya_model_param_get_label (select), ==, "Aspect");
  g_assert_cmpint (rivya_model_param_get_value_type (select), ==, RIVYA_MODEL_PARAM_TYPE_SELECT);
  g_assert_true (rivya_model_param_get_required (select));
  lib_test_assert_strv (rivya_model_param_get_options (select), "16:9|9:16");
  default_string = rivya_model_param_dup_default_string (select);
  g_assert_cmpstr (default_string, ==, "16:9");
  g_clear_pointer (&default_string, g_free);

  number = g_list_model_get_item (rivya_model_get_params (model), 2);
  g_assert_cmpint (rivya_model_param_get_value_type (number), ==, RIVYA_MODEL_PARAM_TYPE_NUMBER);
  g_assert_true (rivya_model_param_get_has_min (number));
  g_assert_true (rivya_model_param_get_has_max (number));
  g_assert_true (rivya_model_param_get_has_step (number));
  g_assert_cmpfloat (rivya_model_param_get_min (number), ==, 10000);
  g_assert_cmpfloat (rivya_model_param_get_max (number), ==, 99999);
  g_assert_cmpfloat (rivya_model_param_get_step (number), ==, 1);
  default_string = rivya_model_param_dup_default_string (number);
  g_assert_cmpstr (default_string, ==, "12345");
  g_clear_pointer (&default_string, g_free);

  param = rivya_model_find_param (model, "watermark");
  g_assert_nonnull (param);
  g_assert_cmpint (rivya_model_param_get_value_type (param), ==, RIVYA_MODEL_PARAM_TYPE_TEXT);
  g_assert_false (rivya_model_param_get_has_min (param));
  g_assert_null (rivya_model_param_get_default_value (param));
  g_assert_cmpstr (rivya_model_param_get_description (param), ==, "Text in a corner");

  param = rivya_model_find_param (model, "duration");
  lib_test_assert_strv (rivya_model_param_get_options (param), "5|10|true");

  param = rivya_model_find_param (model, "enableTranslation");
  g_assert_cmpint (rivya_model_param_get_value_type (param), ==, RIVYA_MODEL_PARAM_TYPE_BOOLEAN);
  default_string = rivya_model_param_dup_default_string (param);
  g_assert_cmpstr (default_string, ==, "false");

  /* A type from the future is kept, not refused. */
  param = rivya_model_find_param (model, "curve");
  g_assert_cmpint (rivya_model_param_get_value_type (param), ==, RIVYA_MODEL_PARAM_TYPE_UNKNOWN);
  g_assert_cmpstr (rivya_model_param_get_type_name (param), ==, "bezier");
  g_assert_null (rivya_model_find_param (model, "nope"));

  media = rivya_model_get_reference_media (model);
  g_assert_nonnull (media);
  lib_test_assert_strv (rivya_reference_media_get_kinds (media), "image");
  g_assert_cmpint (rivya_reference_media_get_max_files (media), ==, 2);
  g_assert_cmpint (rivya_reference_media_get_max_bytes (media, "image"), ==, 5242880);
  g_assert_cmpint (rivya_reference_media_get_max_bytes (media, "video"), ==, -1);
  lib_test_assert_strv (rivya_reference_media_get_mime_types (media, "image"), "image/png");
  g_assert_null (rivya_reference_media_get_mime_types (media, "audio"));
  g_assert_true (rivya_reference_media_accepts_kind (media, "image"));
  g_assert_false (rivya_reference_media_accepts_kind (media, "audio"));
  lib_test_assert_strv (rivya_reference_media_get_required_for_modes (media), "image-to-video");

  g_assert_cmpuint (g_list_model_get_n_items (rivya_model_get_notices (model)), ==, 2);
  notice = g_list_model_get_item (rivya_model_get_notices (model), 0);
  g_assert_cmpstr (rivya_model_notice_get_level (notice), ==, "warning");
  g_assert_cmpstr (rivya_model_notice_get_text (notice), ==, "Slow");
}

static void
test_model_chat (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (
      "{\"id\": \"claude-sonnet-4-6-chat\", \"category\": \"chat\", \"runtime\": \"chat\","
      " \"billing_type\": \"TOKEN_BASED\", \"api_status\": \"coming_soon\","
      " \"chat_capabilities\": {\"streaming\": true, \"attachments\": [\"image\"],"
      "   \"web_search\": true, \"reasoning_efforts\": [\"default\", \"high\"],"
      "   \"thought_mode\": false, \"voice\": \"later\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaModel) model = rivya_model_new_from_json (object, &error);
  RivyaChatCapabilities *caps;

  g_assert_no_error (error);
  g_assert_true (rivya_model_is_chat (model));
  g_assert_false (rivya_model_is_available (model));
  caps = rivya_model_get_chat_capabilities (model);
  g_assert_true (rivya_chat_capabilities_get_streaming (caps));
  lib_test_assert_strv (rivya_chat_capabilities_get_attachments (caps), "image");
  g_assert_true (rivya_chat_capabilities_get_web_search (caps));
  lib_test_assert_strv (rivya_chat_capabilities_get_reasoning_efforts (caps), "default|high");
  g_assert_false (rivya_chat_capabilities_get_thought_mode (caps));
}

/* rivya-server's catalog, read from its source: every model must load. */
static void
test_model_server_catalog (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "server", "models.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint seen = 0;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >=, 4);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RivyaModel) model = rivya_model_new_from_json (json_array_get_object_element (array, i), &error);

      g_assert_no_error (error);
      if (g_str_equal (rivya_model_get_id (model), "local-image"))
        {
          RivyaReferenceMedia *media = rivya_model_get_reference_media (model);
          RivyaModelParam *seed = rivya_model_find_param (model, "seed");

          seen++;
          g_assert_cmpint (rivya_reference_media_get_max_files (media), ==, 4);
          g_assert_cmpint (rivya_reference_media_get_max_bytes (media, "image"), ==, 10485760);
          lib_test_assert_strv (rivya_reference_media_get_mime_types (media, "image"),
                                "image/png|image/jpeg|image/webp");
          g_assert_cmpuint (g_list_model_get_n_items (rivya_model_get_params (model)), ==, 4);
          /* "default": null is no default. */
          g_assert_null (rivya_model_param_get_default_value (seed));
          g_assert_cmpfloat (rivya_model_param_get_max (seed), ==, 2147483647);
          g_assert_cmpuint (g_list_model_get_n_items (rivya_model_get_notices (model)), ==, 1);
        }
      else if (g_str_equal (rivya_model_get_id (model), "local-chat"))
        {
          seen++;
          g_assert_true (rivya_model_is_chat (model));
          g_assert_true (rivya_chat_capabilities_get_streaming (rivya_model_get_chat_capabilities (model)));
        }
      else if (g_str_equal (rivya_model_get_id (model), "local-speech"))
        {
          seen++;
          g_assert_null (rivya_model_get_reference_media (model));
          g_assert_cmpfloat (rivya_model_param_get_min (rivya_model_find_param (model, "speed")), ==, 80);
        }
    }
  g_assert_cmpuint (seen, ==, 3);
}

static void
test_model_missing_and_unknown (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object ("{\"id\": \"m\", \"surprise\": [1, {\"a\": null}],"
                                                        " \"category\": \"hologram\", \"api_status\": \"beta\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaModel) model = rivya_model_new_from_json (object, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rivya_model_get_category (model), ==, "hologram");
  g_assert_cmpstr (rivya_model_get_api_status (model), ==, "beta");
  g_assert_false (rivya_model_is_available (model));
  g_assert_null (rivya_model_get_runtime (model));
  g_assert_cmpint (rivya_model_get_base_credits (model), ==, 0);
  g_assert_cmpint (rivya_model_get_max_prompt_length (model), ==, 0);
  lib_test_assert_strv (rivya_model_get_supported_modes (model), "");
  g_assert_cmpuint (g_list_model_get_n_items (rivya_model_get_params (model)), ==, 0);
  g_assert_true (g_list_model_get_item_type (rivya_model_get_params (model)) == RIVYA_TYPE_MODEL_PARAM);
}

static void
test_model_wrong_types (void)
{
  LibTestParseFunc func = (LibTestParseFunc)rivya_model_new_from_json;

  lib_test_assert_parse_error (func, "{}", "id");
  lib_test_assert_parse_error (func, "{\"id\": null}", "id");
  lib_test_assert_parse_error (func, "{\"id\": 5}", "id");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"base_credits\": \"1\"}", "base_credits");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"base_credits\": 1.5}", "base_credits");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"max_prompt_length\": true}", "max_prompt_length");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"supported_modes\": \"text-to-image\"}", "supported_modes");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"supported_modes\": [\"a\", 1]}", "supported_modes[1]");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"requires_files_api\": \"no\"}", "requires_files_api");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"params\": {}}", "params");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"params\": [3]}", "params[0]");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"params\": [{\"type\": \"text\"}]}", "key");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"params\": [{\"key\": \"k\", \"options\": [{}]}]}", "options[0]");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"params\": [{\"key\": \"k\", \"min\": \"0\"}]}", "min");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"reference_media\": []}", "reference_media");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"reference_media\": {\"max_bytes\": {\"image\": \"big\"}}}", "image");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"reference_media\": {\"mime_types\": {\"image\": \"image/png\"}}}", "image");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"reference_media\": {\"max_files\": []}}", "max_files");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"chat_capabilities\": {\"streaming\": 1}}", "streaming");
  lib_test_assert_parse_error (func, "{\"id\": \"m\", \"notices\": [{\"text\": 3}]}", "text");
}

/* A.5, exactly as documented, and its failed variant. */
static const char *doc_generation =
  "{ \"id\": \"task_...\", \"status\": \"succeeded\", \"model\": \"z-image\","
  "  \"reserved_credits\": 1, \"final_credits\": 1,"
  "  \"created_at\": \"2026-05-10T00:00:00.000Z\","
  "  \"updated_at\": \"2026-05-10T00:01:00.000Z\","
  "  \"result\": { \"primary_url\": \"https://media.example/result.png\","
  "              \"urls\": [\"https://media.example/result.png\"] },"
  "  \"error\": null }";

static void
test_generation_doc_example (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (doc_generation);
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaGeneration) generation = rivya_generation_new_from_json (object, &error);
  RivyaGenerationStatus status;

  g_assert_no_error (error);
  g_assert_cmpstr (rivya_generation_get_id (generation), ==, "task_...");
  g_assert_cmpint (rivya_generation_get_status (generation), ==, RIVYA_GENERATION_STATUS_SUCCEEDED);
  g_assert_cmpstr (rivya_generation_get_status_string (generation), ==, "succeeded");
  g_assert_cmpstr (rivya_generation_get_model (generation), ==, "z-image");
  g_assert_cmpint (rivya_generation_get_reserved_credits (generation), ==, 1);
  g_assert_cmpint (rivya_generation_get_final_credits (generation), ==, 1);
  g_assert_cmpstr (rivya_generation_get_created_at (generation), ==, "2026-05-10T00:00:00.000Z");
  g_assert_cmpstr (rivya_generation_get_updated_at (generation), ==, "2026-05-10T00:01:00.000Z");
  g_assert_cmpstr (rivya_generation_get_primary_url (generation), ==, "https://media.example/result.png");
  lib_test_assert_strv (rivya_generation_get_urls (generation), "https://media.example/result.png");
  g_assert_null (rivya_generation_get_error_code (generation));
  g_assert_null (rivya_generation_get_error_message (generation));
  g_assert_true (rivya_generation_is_terminal (generation));
  g_assert_null (rivya_generation_to_error (generation));

  g_object_get (generation, "status", &status, NULL);
  g_assert_cmpint (status, ==, RIVYA_GENERATION_STATUS_SUCCEEDED);
}

static void
test_generation_failed (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (
      "{\"id\": \"task_1\", \"status\": \"failed\", \"model\": \"z-image\", \"reserved_credits\": 1,"
      " \"final_credits\": 0, \"result\": null,"
      " \"error\": {\"code\": \"generation_failed\", \"message\": \"The model refused\"}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaGeneration) generation = rivya_generation_new_from_json (object, &error);
  g_autoptr(GError) failure = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rivya_generation_get_status (generation), ==, RIVYA_GENERATION_STATUS_FAILED);
  g_assert_cmpint (rivya_generation_get_final_credits (generation), ==, 0);
  g_assert_null (rivya_generation_get_primary_url (generation));
  lib_test_assert_strv (rivya_generation_get_urls (generation), "");
  g_assert_cmpstr (rivya_generation_get_error_code (generation), ==, "generation_failed");
  g_assert_cmpstr (rivya_generation_get_error_message (generation), ==, "The model refused");
  g_assert_true (rivya_generation_is_terminal (generation));

  failure = rivya_generation_to_error (generation);
  g_assert_error (failure, RIVYA_ERROR, RIVYA_ERROR_GENERATION_FAILED);
  g_assert_cmpstr (failure->message, ==, "The model refused");
  g_assert_cmpstr (rivya_error_get_code_string (failure), ==, "generation_failed");
}

/* rivya-server's shape while running: object, null final_credits and
 * client_request_id; and statuses from the future. */
static void
test_generation_server_and_unknown (void)
{
  g_autoptr(JsonObject) queued = lib_test_parse_object (
      "{\"id\": \"task_abc\", \"object\": \"generation\", \"status\": \"queued\","
      " \"model\": \"local-image\", \"reserved_credits\": 1, \"final_credits\": null,"
      " \"created_at\": \"2026-05-11T00:00:00.000Z\", \"updated_at\": \"2026-05-11T00:00:00.000Z\","
      " \"result\": null, \"error\": null, \"client_request_id\": null}");
  g_autoptr(JsonObject) future = lib_test_parse_object ("{\"id\": \"task_x\", \"status\": \"cancelled\","
                                                        " \"result\": {\"urls\": [\"https://m/a\", \"https://m/b\"]}}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaGeneration) g1 = rivya_generation_new_from_json (queued, &error);
  g_autoptr(RivyaGeneration) g2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rivya_generation_get_status (g1), ==, RIVYA_GENERATION_STATUS_QUEUED);
  g_assert_cmpint (rivya_generation_get_final_credits (g1), ==, -1);
  g_assert_null (rivya_generation_get_client_request_id (g1));
  g_assert_false (rivya_generation_is_terminal (g1));

  g2 = rivya_generation_new_from_json (future, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rivya_generation_get_status (g2), ==, RIVYA_GENERATION_STATUS_UNKNOWN);
  g_assert_cmpstr (rivya_generation_get_status_string (g2), ==, "cancelled");
  g_assert_false (rivya_generation_is_terminal (g2));
  /* Only urls: the first one is the primary one. */
  g_assert_cmpstr (rivya_generation_get_primary_url (g2), ==, "https://m/a");
  g_assert_null (rivya_generation_get_updated_at (g2));
}

static void
test_generation_wrong_types (void)
{
  LibTestParseFunc func = (LibTestParseFunc)rivya_generation_new_from_json;

  lib_test_assert_parse_error (func, "{\"status\": \"queued\"}", "id");
  lib_test_assert_parse_error (func, "{\"id\": \"t\", \"status\": 1}", "status");
  lib_test_assert_parse_error (func, "{\"id\": \"t\", \"reserved_credits\": \"1\"}", "reserved_credits");
  lib_test_assert_parse_error (func, "{\"id\": \"t\", \"result\": \"https://x\"}", "result");
  lib_test_assert_parse_error (func, "{\"id\": \"t\", \"result\": {\"urls\": \"https://x\"}}", "urls");
  lib_test_assert_parse_error (func, "{\"id\": \"t\", \"result\": {\"primary_url\": 3}}", "primary_url");
  lib_test_assert_parse_error (func, "{\"id\": \"t\", \"error\": \"boom\"}", "error");
  lib_test_assert_parse_error (func, "{\"id\": \"t\", \"error\": {\"code\": 500}}", "code");
  lib_test_assert_parse_error (func, "{\"id\": \"t\", \"updated_at\": 1715000000}", "updated_at");
}

/* B.7, as rivya-server writes it. */
static void
test_file_server_shape (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (
      "{\"id\": \"file_0123456789abcdefghijklmn\", \"object\": \"file\", \"kind\": \"audio\","
      " \"name\": \"voice.ogg\", \"mime_type\": \"audio/ogg\", \"size_bytes\": 48213,"
      " \"url\": \"http://127.0.0.1:1/media/tok.ogg\", \"duration_seconds\": 2.5,"
      " \"duration_token\": \"abc\", \"model\": null, \"client_request_id\": \"trace-1\","
      " \"created_at\": \"2026-05-11T00:00:00.000Z\", \"expires_at\": \"2026-05-18T00:00:00.000Z\"}");
  g_autoptr(JsonObject) image = lib_test_parse_object ("{\"id\": \"file_1\", \"kind\": \"image\", \"url\": \"https://x/y.png\","
                                                       " \"duration_seconds\": null, \"duration_token\": null}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaFile) file = rivya_file_new_from_json (object, &error);
  g_autoptr(RivyaFile) file2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rivya_file_get_id (file), ==, "file_0123456789abcdefghijklmn");
  g_assert_cmpstr (rivya_file_get_kind (file), ==, "audio");
  g_assert_cmpstr (rivya_file_get_name (file), ==, "voice.ogg");
  g_assert_cmpstr (rivya_file_get_mime_type (file), ==, "audio/ogg");
  g_assert_cmpint (rivya_file_get_size_bytes (file), ==, 48213);
  g_assert_cmpstr (rivya_file_get_url (file), ==, "http://127.0.0.1:1/media/tok.ogg");
  g_assert_cmpfloat (rivya_file_get_duration_seconds (file), ==, 2.5);
  g_assert_cmpstr (rivya_file_get_duration_token (file), ==, "abc");
  g_assert_null (rivya_file_get_model (file));
  g_assert_cmpstr (rivya_file_get_client_request_id (file), ==, "trace-1");
  g_assert_cmpstr (rivya_file_get_created_at (file), ==, "2026-05-11T00:00:00.000Z");
  g_assert_cmpstr (rivya_file_get_expires_at (file), ==, "2026-05-18T00:00:00.000Z");

  file2 = rivya_file_new_from_json (image, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (rivya_file_get_duration_seconds (file2), ==, -1);
  g_assert_null (rivya_file_get_duration_token (file2));
  g_assert_cmpint (rivya_file_get_size_bytes (file2), ==, 0);

  lib_test_assert_parse_error ((LibTestParseFunc)rivya_file_new_from_json, "{\"kind\": \"image\"}", "id");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_file_new_from_json, "{\"id\": \"f\", \"size_bytes\": \"12\"}", "size_bytes");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_file_new_from_json, "{\"id\": \"f\", \"duration_seconds\": \"2\"}", "duration_seconds");
}

/* A.7, exactly as documented. */
static void
test_credits (void)
{
  g_autoptr(JsonObject) object = lib_test_parse_object ("{\"current_credits\": 123}");
  g_autoptr(JsonObject) object2 = lib_test_parse_object ("{\"current_credits\": 40.0, \"currency\": \"credits\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaCredits) credits = rivya_credits_new_from_json (object, &error);
  g_autoptr(RivyaCredits) credits2 = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rivya_credits_get_current_credits (credits), ==, 123);

  /* An integer written as a float is still an integer. */
  credits2 = rivya_credits_new_from_json (object2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rivya_credits_get_current_credits (credits2), ==, 40);

  lib_test_assert_parse_error ((LibTestParseFunc)rivya_credits_new_from_json, "{}", "current_credits");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_credits_new_from_json, "{\"current_credits\": null}", "current_credits");
  lib_test_assert_parse_error ((LibTestParseFunc)rivya_credits_new_from_json, "{\"current_credits\": \"123\"}", "current_credits");
}

/* A.10 and B.2: every documented code maps to its enum and back. */
static void
test_error_codes (void)
{
  static const struct { const char *code; RivyaError value; } codes[] = {
    { "public_api_disabled", RIVYA_ERROR_PUBLIC_API_DISABLED },
    { "api_key_missing", RIVYA_ERROR_API_KEY_MISSING },
    { "api_key_invalid", RIVYA_ERROR_API_KEY_INVALID },
    { "api_key_revoked", RIVYA_ERROR_API_KEY_REVOKED },
    { "api_key_expired", RIVYA_ERROR_API_KEY_EXPIRED },
    { "api_scope_denied", RIVYA_ERROR_API_SCOPE_DENIED },
    { "rate_limited", RIVYA_ERROR_RATE_LIMITED },
    { "validation_failed", RIVYA_ERROR_VALIDATION_FAILED },
    { "not_found", RIVYA_ERROR_NOT_FOUND },
    { "webhook_url_rejected", RIVYA_ERROR_WEBHOOK_URL_REJECTED },
    { "chat_model_not_supported", RIVYA_ERROR_CHAT_MODEL_NOT_SUPPORTED },
    { "chat_session_conflict", RIVYA_ERROR_CHAT_SESSION_CONFLICT },
    { "chat_attachment_not_supported", RIVYA_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED },
    { "idempotency_conflict", RIVYA_ERROR_IDEMPOTENCY_CONFLICT },
    { "insufficient_credits", RIVYA_ERROR_INSUFFICIENT_CREDITS },
    { "internal_error", RIVYA_ERROR_INTERNAL_ERROR },
    { "method_not_allowed", RIVYA_ERROR_METHOD_NOT_ALLOWED },
    { "payload_too_large", RIVYA_ERROR_PAYLOAD_TOO_LARGE },
    { "unsupported_media_type", RIVYA_ERROR_UNSUPPORTED_MEDIA_TYPE },
    { "generation_failed", RIVYA_ERROR_GENERATION_FAILED },
  };
  GEnumClass *enum_class = g_type_class_ref (RIVYA_TYPE_ERROR);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_cmpint (rivya_error_code_from_string (codes[i].code), ==, codes[i].value);
      g_assert_cmpstr (rivya_error_code_to_string (codes[i].value), ==, codes[i].code);
    }
  g_assert_cmpint (rivya_error_code_from_string ("teapot_overflow"), ==, RIVYA_ERROR_UNKNOWN_CODE);
  g_assert_cmpint (rivya_error_code_from_string (NULL), ==, RIVYA_ERROR_UNKNOWN_CODE);
  g_assert_null (rivya_error_code_to_string (RIVYA_ERROR_TRANSPORT));
  g_assert_null (rivya_error_code_to_string (RIVYA_ERROR_PARSE));
  g_assert_nonnull (g_enum_get_value (enum_class, RIVYA_ERROR_TRANSPORT));
  g_type_class_unref (enum_class);

  /* Getters on errors of other domains are safe. */
  {
    g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

    g_assert_null (rivya_error_get_request_id (other));
    g_assert_cmpuint (rivya_error_get_http_status (other), ==, 0);
    g_assert_cmpuint (rivya_error_get_retry_after (other), ==, 0);
    g_assert_false (rivya_error_is_transport (other));
    g_assert_false (rivya_error_is_transport (NULL));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/types/model/doc-example", test_model_doc_example);
  g_test_add_func ("/types/model/b6-shapes", test_model_b6_shapes);
  g_test_add_func ("/types/model/chat", test_model_chat);
  g_test_add_func ("/types/model/server-catalog", test_model_server_catalog);
  g_test_add_func ("/types/model/missing-and-unknown", test_model_missing_and_unknown);
  g_test_add_func ("/types/model/wrong-types", test_model_wrong_types);
  g_test_add_func ("/types/generation/doc-example", test_generation_doc_example);
  g_test_add_func ("/types/generation/failed", test_generation_failed);
  g_test_add_func ("/types/generation/server-and-unknown", test_generation_server_and_unknown);
  g_test_add_func ("/types/generation/wrong-types", test_generation_wrong_types);
  g_test_add_func ("/types/file/server-shape", test_file_server_shape);
  g_test_add_func ("/types/credits", test_credits);
  g_test_add_func ("/types/error/codes", test_error_codes);

  return g_test_run ();
}
