/* srv-route-generations.c
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

#include <string.h>

#include "srv-catalog.h"
#include "srv-objects.h"
#include "srv-server-private.h"
#include "srv-util.h"

static const char *allowed_fields[] = { "model", "prompt", "params", "client_request_id", NULL };

static gboolean
check_string_member (SrvContext  *ctx,
                     JsonObject  *body,
                     const char  *name,
                     gboolean     required,
                     const char **out)
{
  JsonNode *node = json_object_get_member (body, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, name, "%s is required", name);
      return !required;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, name, "%s must be a string", name);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

/* A reference's url must be one of this account's own uploads on this
 * server: the local generators read the file from disk, never from the
 * network. Returns the resolved references as JSON for the job. */
static char *
resolve_references (SrvContext  *ctx,
                    JsonObject  *model,
                    JsonNode    *params,
                    const char **mode)
{
  JsonObject *ref_media = json_object_get_object_member (model, "reference_media");
  JsonArray *modes = json_object_get_array_member (model, "supported_modes");
  g_autoptr(JsonBuilder) out = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *base = srv_context_base_url (ctx);
  g_autofree char *prefix = g_strconcat (base, "/media/", NULL);
  JsonNode *items_node = NULL;
  JsonArray *items = NULL;
  guint n = 0;

  if (params != NULL && JSON_NODE_HOLDS_OBJECT (params))
    items_node = json_object_get_member (json_node_get_object (params), "referenceMediaItems");

  if (items_node != NULL && !JSON_NODE_HOLDS_NULL (items_node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (items_node))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "params.referenceMediaItems",
                                   "referenceMediaItems must be an array");
          return NULL;
        }
      items = json_node_get_array (items_node);
      n = json_array_get_length (items);
    }

  if (n > 0 && ref_media == NULL)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "params.referenceMediaItems",
                               "%s takes no reference media",
                               json_object_get_string_member (model, "id"));
      return NULL;
    }

  if (ref_media != NULL &&
      n > (guint)json_object_get_int_member_with_default (ref_media, "max_files", 0))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "params.referenceMediaItems",
                               "%s takes at most %" G_GINT64_FORMAT " reference files",
                               json_object_get_string_member (model, "id"),
                               json_object_get_int_member_with_default (ref_media, "max_files", 0));
      return NULL;
    }

  json_builder_begin_array (out);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item_node = json_array_get_element (items, i);
      g_autofree char *param = g_strdup_printf ("params.referenceMediaItems[%u]", i);
      g_autofree char *token = NULL;
      g_autoptr(SrvFileRecord) file = NULL;
      g_autoptr(SrvBlob) blob = NULL;
      JsonObject *item;
      const char *url, *kind, *dot;

      if (!JSON_NODE_HOLDS_OBJECT (item_node))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, param,
                                   "A reference item is an object with url and kind");
          return NULL;
        }
      item = json_node_get_object (item_node);
      url = json_object_get_string_member_with_default (item, "url", NULL);
      kind = json_object_get_string_member_with_default (item, "kind", NULL);
      if (url == NULL || kind == NULL)
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, param,
                                   "A reference item needs url and kind");
          return NULL;
        }

      if (g_str_has_prefix (url, prefix) && (dot = strchr (url + strlen (prefix), '.')) != NULL)
        token = g_strndup (url + strlen (prefix), dot - (url + strlen (prefix)));

      if (token == NULL || !srv_token_is_valid (token) ||
          !(file = srv_store_get_file_by_token (srv_context_get_store (ctx), token,
                                                ctx->key->account_id, NULL)) ||
          !(blob = srv_store_get_blob (srv_context_get_store (ctx), token, NULL)))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, param,
                                   "The url is not a file uploaded by this account through "
                                   "POST /api/v1/files, or it has expired");
          return NULL;
        }

      if (!g_str_equal (file->kind, kind) || !srv_catalog_accepts_mime (model, kind, file->mime_type))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, param,
                                   "%s does not take a reference of kind %s (%s)",
                                   json_object_get_string_member (model, "id"), kind,
                                   file->mime_type);
          return NULL;
        }

      json_builder_begin_object (out);
      json_builder_set_member_name (out, "file_id");
      json_builder_add_string_value (out, file->id);
      json_builder_set_member_name (out, "path");
      json_builder_add_string_value (out, blob->path);
      json_builder_set_member_name (out, "kind");
      json_builder_add_string_value (out, file->kind);
      json_builder_set_member_name (out, "mime_type");
      json_builder_add_string_value (out, file->mime_type);
      json_builder_end_object (out);
    }
  json_builder_end_array (out);

  /* The mode follows from the inputs: the first supported mode is the
   * text one, the second the one that takes references. */
  *mode = json_array_get_string_element (modes, 0);
  if (n > 0 && json_array_get_length (modes) > 1)
    *mode = json_array_get_string_element (modes, 1);

  root = json_builder_get_root (out);
  return srv_json_to_string (root, NULL);
}

void
srv_route_generations_create (SrvContext *ctx)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(JsonNode) params_node = NULL;
  g_autoptr(SrvGeneration) g = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *bad_param = NULL;
  g_autofree char *message = NULL;
  g_autofree char *refs = NULL;
  g_autofree char *base = NULL;
  const char *model_id, *prompt, *client_request_id, *mode = NULL;
  JsonObject *body, *model;
  gint64 max_prompt;

  if (!(root = srv_context_parse_json_body (ctx)))
    return;
  body = json_node_get_object (root);

  members = json_object_get_members (body);
  for (const GList *l = members; l; l = l->next)
    {
      if (!g_strv_contains (allowed_fields, l->data))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, l->data,
                                   "Unknown field “%s”", (const char *)l->data);
          return;
        }
    }

  if (!check_string_member (ctx, body, "model", TRUE, &model_id) ||
      !check_string_member (ctx, body, "prompt", TRUE, &prompt) ||
      !check_string_member (ctx, body, "client_request_id", FALSE, &client_request_id))
    return;

  if (!(model = srv_catalog_find (model_id)))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "model",
                               "There is no model “%s”; GET /api/v1/models lists them", model_id);
      return;
    }

  if (g_str_equal (json_object_get_string_member (model, "category"), "chat"))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "model",
                               "%s is a chat model: use POST /api/v1/chat/completions", model_id);
      return;
    }

  if (!g_str_equal (json_object_get_string_member (model, "api_status"), "available"))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "model",
                               "%s cannot be called through the API (%s)", model_id,
                               json_object_get_string_member (model, "api_status"));
      return;
    }

  max_prompt = json_object_get_int_member_with_default (model, "max_prompt_length", 0);
  if (*prompt == '\0' || g_utf8_strlen (prompt, -1) > max_prompt)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "prompt",
                               "The prompt must be 1 to %" G_GINT64_FORMAT " characters", max_prompt);
      return;
    }

  if (client_request_id != NULL && strlen (client_request_id) > 128)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "client_request_id",
                               "client_request_id is at most 128 characters");
      return;
    }

  params = srv_catalog_validate_params (model, json_object_get_member (body, "params"),
                                        &bad_param, &message);
  if (params == NULL)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, bad_param, "%s", message);
      return;
    }

  if (!(refs = resolve_references (ctx, model, json_object_get_member (body, "params"), &mode)))
    return;

  params_node = json_node_init_object (json_node_alloc (), params);

  g = g_new0 (SrvGeneration, 1);
  g->id = srv_id_new ("task_");
  g->account_id = ctx->key->account_id;
  g->model = g_strdup (model_id);
  g->mode = g_strdup (mode);
  g->prompt = g_strdup (prompt);
  g->params = srv_json_to_string (params_node, NULL);
  g->references = g_steal_pointer (&refs);
  g->reserved_credits = json_object_get_int_member (model, "base_credits");
  g->client_request_id = g_strdup (client_request_id);

  if (!srv_store_insert_generation (srv_context_get_store (ctx), g, &error))
    {
      if (g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INSUFFICIENT_CREDITS))
        srv_context_reply_error (ctx, SRV_ERROR_INSUFFICIENT_CREDITS, NULL,
                                 "%s costs %" G_GINT64_FORMAT " credits, more than the balance",
                                 model_id, g->reserved_credits);
      else
        srv_context_reply_internal (ctx, error);
      return;
    }

  if (!srv_jobs_submit (_srv_server_get_jobs (ctx->server), g, &error))
    {
      /* Recorded and reserved but not runnable: fail it now so the
       * credits come back and the client sees why. */
      g_autofree char *id = g_strdup (g->id);

      srv_store_finish_failure (srv_context_get_store (ctx), id, error->message, NULL);
      g_clear_pointer (&g, srv_generation_free);
      g_clear_error (&error);
      if (!(g = srv_store_get_generation (srv_context_get_store (ctx), id, 0, &error)))
        {
          srv_context_reply_internal (ctx, error);
          return;
        }
    }

  base = srv_context_base_url (ctx);
  answer = srv_generation_to_json (g, base);
  srv_context_reply_json (ctx, 201, answer);
}

void
srv_route_generations_get (SrvContext *ctx)
{
  g_autoptr(SrvGeneration) g = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *base = NULL;
  const char *id = ctx->args[0];

  /* Another account's task answers exactly like a missing one. */
  if (!srv_id_is_valid (id, "task_") ||
      !(g = srv_store_get_generation (srv_context_get_store (ctx), id, ctx->key->account_id, &error)))
    {
      if (error != NULL && !g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND))
        srv_context_reply_internal (ctx, error);
      else
        srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "There is no generation %s", id);
      return;
    }

  base = srv_context_base_url (ctx);
  answer = srv_generation_to_json (g, base);
  srv_context_reply_json (ctx, 200, answer);
}
