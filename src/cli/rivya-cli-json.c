/* rivya-cli-json.c
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rivya-cli-json.h"

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* librivya gives -1 for numbers the service sent as null. */
static void
add_int_or_null (JsonBuilder *b,
                 const char  *name,
                 gint64       value)
{
  json_builder_set_member_name (b, name);
  if (value >= 0)
    json_builder_add_int_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_boolean (JsonBuilder *b,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
add_strv (JsonBuilder        *b,
          const char         *name,
          const char * const *values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
add_reference_media (JsonBuilder         *b,
                     RivyaReferenceMedia *reference)
{
  const char * const *kinds = rivya_reference_media_get_kinds (reference);

  json_builder_begin_object (b);
  add_strv (b, "kinds", kinds);
  add_int (b, "max_files", rivya_reference_media_get_max_files (reference));

  json_builder_set_member_name (b, "max_bytes");
  json_builder_begin_object (b);
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      gint64 max_bytes = rivya_reference_media_get_max_bytes (reference, kinds[i]);

      if (max_bytes >= 0)
        add_int (b, kinds[i], max_bytes);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "mime_types");
  json_builder_begin_object (b);
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      const char * const *types = rivya_reference_media_get_mime_types (reference, kinds[i]);

      if (types != NULL)
        add_strv (b, kinds[i], types);
    }
  json_builder_end_object (b);

  add_strv (b, "required_for_modes", rivya_reference_media_get_required_for_modes (reference));
  json_builder_end_object (b);
}

static void
add_param (JsonBuilder     *b,
           RivyaModelParam *param)
{
  JsonNode *default_value = rivya_model_param_get_default_value (param);
  const char * const *options = rivya_model_param_get_options (param);

  json_builder_begin_object (b);
  add_string (b, "key", rivya_model_param_get_key (param));
  add_string (b, "label", rivya_model_param_get_label (param));
  add_string (b, "type", rivya_model_param_get_type_name (param));
  add_boolean (b, "required", rivya_model_param_get_required (param));
  json_builder_set_member_name (b, "default");
  if (default_value != NULL)
    json_builder_add_value (b, json_node_copy (default_value));
  else
    json_builder_add_null_value (b);
  if (options != NULL && options[0] != NULL)
    add_strv (b, "options", options);
  if (rivya_model_param_get_has_min (param))
    {
      json_builder_set_member_name (b, "min");
      json_builder_add_double_value (b, rivya_model_param_get_min (param));
    }
  if (rivya_model_param_get_has_max (param))
    {
      json_builder_set_member_name (b, "max");
      json_builder_add_double_value (b, rivya_model_param_get_max (param));
    }
  if (rivya_model_param_get_has_step (param))
    {
      json_builder_set_member_name (b, "step");
      json_builder_add_double_value (b, rivya_model_param_get_step (param));
    }
  add_string (b, "description", rivya_model_param_get_description (param));
  json_builder_end_object (b);
}

static void
add_chat_capabilities (JsonBuilder           *b,
                       RivyaChatCapabilities *chat)
{
  json_builder_begin_object (b);
  add_boolean (b, "streaming", rivya_chat_capabilities_get_streaming (chat));
  add_strv (b, "attachments", rivya_chat_capabilities_get_attachments (chat));
  add_boolean (b, "web_search", rivya_chat_capabilities_get_web_search (chat));
  add_strv (b, "reasoning_efforts", rivya_chat_capabilities_get_reasoning_efforts (chat));
  add_boolean (b, "thought_mode", rivya_chat_capabilities_get_thought_mode (chat));
  json_builder_end_object (b);
}

JsonNode *
rivya_cli_json_from_model (RivyaModel *model)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  RivyaReferenceMedia *reference = rivya_model_get_reference_media (model);
  RivyaChatCapabilities *chat = rivya_model_get_chat_capabilities (model);
  GListModel *params = rivya_model_get_params (model);
  GListModel *notices = rivya_model_get_notices (model);
  guint n_params = params ? g_list_model_get_n_items (params) : 0;
  guint n_notices = notices ? g_list_model_get_n_items (notices) : 0;

  json_builder_begin_object (b);
  add_string (b, "id", rivya_model_get_id (model));
  add_string (b, "display_name", rivya_model_get_display_name (model));
  add_string (b, "category", rivya_model_get_category (model));
  add_string (b, "runtime", rivya_model_get_runtime (model));
  add_int (b, "base_credits", rivya_model_get_base_credits (model));
  add_string (b, "billing_type", rivya_model_get_billing_type (model));
  add_strv (b, "supported_modes", rivya_model_get_supported_modes (model));
  add_int_or_null (b, "max_prompt_length", rivya_model_get_max_prompt_length (model));

  json_builder_set_member_name (b, "reference_media");
  if (reference != NULL)
    add_reference_media (b, reference);
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "params");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_params; i++)
    {
      g_autoptr(RivyaModelParam) param = g_list_model_get_item (params, i);

      add_param (b, param);
    }
  json_builder_end_array (b);

  add_string (b, "api_status", rivya_model_get_api_status (model));
  add_string (b, "api_input_status", rivya_model_get_api_input_status (model));
  add_strv (b, "supported_api_inputs", rivya_model_get_supported_api_inputs (model));
  add_boolean (b, "requires_files_api", rivya_model_get_requires_files_api (model));
  add_strv (b, "requires_upload_for_modes", rivya_model_get_requires_upload_for_modes (model));
  add_boolean (b, "url_input_supported", rivya_model_get_url_input_supported (model));
  add_strv (b, "file_kinds", rivya_model_get_file_kinds (model));

  json_builder_set_member_name (b, "chat_capabilities");
  if (chat != NULL)
    add_chat_capabilities (b, chat);
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "notices");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_notices; i++)
    {
      g_autoptr(RivyaModelNotice) notice = g_list_model_get_item (notices, i);

      json_builder_begin_object (b);
      add_string (b, "level", rivya_model_notice_get_level (notice));
      add_string (b, "text", rivya_model_notice_get_text (notice));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
rivya_cli_json_from_generation (RivyaGeneration *generation)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *primary_url = rivya_generation_get_primary_url (generation);
  const char *error_code = rivya_generation_get_error_code (generation);

  json_builder_begin_object (b);
  add_string (b, "id", rivya_generation_get_id (generation));
  add_string (b, "object", "generation");
  add_string (b, "status", rivya_generation_get_status_string (generation));
  add_string (b, "model", rivya_generation_get_model (generation));
  add_int_or_null (b, "reserved_credits", rivya_generation_get_reserved_credits (generation));
  add_int_or_null (b, "final_credits", rivya_generation_get_final_credits (generation));
  add_string (b, "created_at", rivya_generation_get_created_at (generation));
  add_string (b, "updated_at", rivya_generation_get_updated_at (generation));

  json_builder_set_member_name (b, "result");
  if (primary_url != NULL)
    {
      json_builder_begin_object (b);
      add_string (b, "primary_url", primary_url);
      add_strv (b, "urls", rivya_generation_get_urls (generation));
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "error");
  if (error_code != NULL)
    {
      json_builder_begin_object (b);
      add_string (b, "code", error_code);
      add_string (b, "message", rivya_generation_get_error_message (generation));
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  add_string (b, "client_request_id", rivya_generation_get_client_request_id (generation));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
rivya_cli_json_from_file (RivyaFile *file)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  double duration = rivya_file_get_duration_seconds (file);

  json_builder_begin_object (b);
  add_string (b, "id", rivya_file_get_id (file));
  add_string (b, "object", "file");
  add_string (b, "kind", rivya_file_get_kind (file));
  add_string (b, "name", rivya_file_get_name (file));
  add_string (b, "mime_type", rivya_file_get_mime_type (file));
  add_int (b, "size_bytes", rivya_file_get_size_bytes (file));
  add_string (b, "url", rivya_file_get_url (file));
  json_builder_set_member_name (b, "duration_seconds");
  if (duration >= 0)
    json_builder_add_double_value (b, duration);
  else
    json_builder_add_null_value (b);
  add_string (b, "duration_token", rivya_file_get_duration_token (file));
  add_string (b, "model", rivya_file_get_model (file));
  add_string (b, "client_request_id", rivya_file_get_client_request_id (file));
  add_string (b, "created_at", rivya_file_get_created_at (file));
  add_string (b, "expires_at", rivya_file_get_expires_at (file));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
rivya_cli_json_from_credits (RivyaCredits *credits)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "object", "credits");
  add_int (b, "current_credits", rivya_credits_get_current_credits (credits));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
rivya_cli_json_from_endpoint (RivyaWebhookEndpoint *endpoint)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *secret = rivya_webhook_endpoint_get_signing_secret (endpoint);

  json_builder_begin_object (b);
  add_string (b, "id", rivya_webhook_endpoint_get_id (endpoint));
  add_string (b, "object", "webhook_endpoint");
  add_string (b, "name", rivya_webhook_endpoint_get_name (endpoint));
  add_string (b, "url", rivya_webhook_endpoint_get_url (endpoint));
  add_strv (b, "event_types", rivya_webhook_endpoint_get_event_types (endpoint));
  add_string (b, "status", rivya_webhook_endpoint_get_status (endpoint));
  add_string (b, "secret_preview", rivya_webhook_endpoint_get_secret_preview (endpoint));
  /* Only the answers of create and rotate-secret carry it. */
  if (secret != NULL)
    add_string (b, "signing_secret", secret);
  add_string (b, "last_success_at", rivya_webhook_endpoint_get_last_success_at (endpoint));
  add_string (b, "last_failure_at", rivya_webhook_endpoint_get_last_failure_at (endpoint));
  add_int (b, "failure_count", rivya_webhook_endpoint_get_failure_count (endpoint));
  add_string (b, "created_at", rivya_webhook_endpoint_get_created_at (endpoint));
  add_string (b, "updated_at", rivya_webhook_endpoint_get_updated_at (endpoint));
  add_string (b, "disabled_at", rivya_webhook_endpoint_get_disabled_at (endpoint));
  add_string (b, "revoked_at", rivya_webhook_endpoint_get_revoked_at (endpoint));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
rivya_cli_json_from_delivery (RivyaWebhookDelivery *delivery)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "id", rivya_webhook_delivery_get_id (delivery));
  add_string (b, "object", "webhook_delivery");
  add_string (b, "endpoint_id", rivya_webhook_delivery_get_endpoint_id (delivery));
  add_string (b, "event_id", rivya_webhook_delivery_get_event_id (delivery));
  add_string (b, "event_type", rivya_webhook_delivery_get_event_type (delivery));
  add_int (b, "attempt", rivya_webhook_delivery_get_attempt (delivery));
  add_string (b, "status", rivya_webhook_delivery_get_status (delivery));
  add_int_or_null (b, "response_status", rivya_webhook_delivery_get_response_status (delivery));
  add_string (b, "error", rivya_webhook_delivery_get_error (delivery));
  add_int (b, "duration_ms", rivya_webhook_delivery_get_duration_ms (delivery));
  add_string (b, "created_at", rivya_webhook_delivery_get_created_at (delivery));
  add_string (b, "next_retry_at", rivya_webhook_delivery_get_next_retry_at (delivery));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
rivya_cli_json_from_completion (RivyaChatCompletion *completion)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  RivyaChatMessage *message = rivya_chat_completion_get_message (completion);

  json_builder_begin_object (b);
  add_string (b, "id", rivya_chat_completion_get_id (completion));
  add_string (b, "object", "chat.completion");
  add_string (b, "session_id", rivya_chat_completion_get_session_id (completion));
  add_string (b, "model", rivya_chat_completion_get_model (completion));
  add_string (b, "created_at", rivya_chat_completion_get_created_at (completion));

  json_builder_set_member_name (b, "message");
  json_builder_begin_object (b);
  add_string (b, "id", message ? rivya_chat_message_get_id (message) : NULL);
  add_string (b, "role", message ? rivya_chat_message_get_role (message) : "assistant");
  add_string (b, "content", rivya_chat_completion_get_content (completion));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "usage");
  json_builder_begin_object (b);
  add_int (b, "input_tokens", rivya_chat_completion_get_input_tokens (completion));
  add_int (b, "output_tokens", rivya_chat_completion_get_output_tokens (completion));
  add_int (b, "total_tokens", rivya_chat_completion_get_total_tokens (completion));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "credits");
  json_builder_begin_object (b);
  add_int_or_null (b, "reserved", rivya_chat_completion_get_reserved_credits (completion));
  add_int_or_null (b, "final", rivya_chat_completion_get_final_credits (completion));
  json_builder_end_object (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* The list object of B.5, with has_more and next_after when @page is set. */
JsonNode *
rivya_cli_json_list (GListModel       *items,
                     RivyaCliJsonFunc  to_json,
                     RivyaPage        *page)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  guint n_items = g_list_model_get_n_items (items);

  json_builder_begin_object (b);
  add_string (b, "object", "list");
  json_builder_set_member_name (b, "data");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      json_builder_add_value (b, to_json (item));
    }
  json_builder_end_array (b);
  if (page != NULL)
    {
      add_boolean (b, "has_more", rivya_page_get_has_more (page));
      add_string (b, "next_after", rivya_page_get_next_after (page));
    }
  json_builder_end_object (b);

  return json_builder_get_root (b);
}
