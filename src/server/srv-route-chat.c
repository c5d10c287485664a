/* srv-route-chat.c
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
#include "srv-chat.h"
#include "srv-server-private.h"
#include "srv-util.h"

#define DEFAULT_PAGE 20
#define MAX_PAGE     100

static const char *allowed_fields[] = {
  "model", "session_id", "message", "attachments", "enable_web_search", "reasoning_effort",
  "client_request_id", NULL
};

static gboolean
optional_member (SrvContext  *ctx,
                 JsonObject  *body,
                 const char  *name,
                 GType        type,
                 JsonNode   **out)
{
  JsonNode *node = json_object_get_member (body, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, name, "%s must be a %s", name,
                               type == G_TYPE_STRING ? "string" : "boolean");
      return FALSE;
    }
  *out = node;
  return TRUE;
}

static const char *
string_or_null (JsonNode *node)
{
  return node != NULL ? json_node_get_string (node) : NULL;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING &&
          g_str_equal (json_node_get_string (e), value))
        return TRUE;
    }
  return FALSE;
}

/* Attachments are this account's images uploaded through the Files API,
 * named by id; anything else (a URL, another shape, another account's
 * file, another kind) is chat_attachment_not_supported. Returns the
 * images to read and, in stored_json, the attachments to record. */
static GPtrArray *
resolve_attachments (SrvContext  *ctx,
                     JsonObject  *model,
                     JsonNode    *node,
                     char       **stored_json)
{
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify)srv_chat_image_free);
  g_autoptr(JsonBuilder) stored = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *caps = json_object_get_object_member (model, "chat_capabilities");
  JsonArray *kinds = caps ? json_object_get_array_member (caps, "attachments") : NULL;
  JsonArray *items = NULL;
  guint n = 0;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "attachments",
                                   "attachments must be an array of {\"file_id\": \"file_...\"}");
          return NULL;
        }
      items = json_node_get_array (node);
      n = json_array_get_length (items);
    }

  if (n > SRV_CHAT_MAX_ATTACHMENTS)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "attachments",
                               "A message takes at most %d attachments", SRV_CHAT_MAX_ATTACHMENTS);
      return NULL;
    }

  json_builder_begin_array (stored);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_autofree char *param = g_strdup_printf ("attachments[%u]", i);
      g_autoptr(SrvFileRecord) file = NULL;
      g_autoptr(SrvBlob) blob = NULL;
      SrvChatImage *image;
      JsonNode *id_node = NULL;
      const char *file_id = NULL;

      if (JSON_NODE_HOLDS_OBJECT (item) && json_object_get_size (json_node_get_object (item)) == 1)
        id_node = json_object_get_member (json_node_get_object (item), "file_id");
      if (id_node != NULL && JSON_NODE_HOLDS_VALUE (id_node) &&
          json_node_get_value_type (id_node) == G_TYPE_STRING)
        file_id = json_node_get_string (id_node);

      if (file_id == NULL)
        {
          srv_context_reply_error (ctx, SRV_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED, param,
                                   "An attachment is {\"file_id\": \"file_...\"}, an image uploaded "
                                   "with POST /api/v1/files; URLs are not accepted");
          return NULL;
        }

      if (!srv_id_is_valid (file_id, "file_") ||
          !(file = srv_store_get_file (srv_context_get_store (ctx), file_id, ctx->key->account_id, NULL)) ||
          !(blob = srv_store_get_blob (srv_context_get_store (ctx), file->token, NULL)))
        {
          srv_context_reply_error (ctx, SRV_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED, param,
                                   "%s is not a file uploaded by this account, or it has expired",
                                   file_id);
          return NULL;
        }

      if (!array_has_string (kinds, file->kind))
        {
          srv_context_reply_error (ctx, SRV_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED, param,
                                   "%s takes no %s attachments (%s is %s)",
                                   json_object_get_string_member (model, "id"), file->kind,
                                   file_id, file->mime_type);
          return NULL;
        }

      image = g_new0 (SrvChatImage, 1);
      image->file_id = g_strdup (file->id);
      image->name = g_strdup (file->name);
      image->mime_type = g_strdup (file->mime_type);
      image->path = g_strdup (blob->path);
      g_ptr_array_add (images, image);

      json_builder_begin_object (stored);
      json_builder_set_member_name (stored, "file_id");
      json_builder_add_string_value (stored, file->id);
      json_builder_end_object (stored);
    }
  json_builder_end_array (stored);

  root = json_builder_get_root (stored);
  *stored_json = srv_json_to_string (root, NULL);
  return g_steal_pointer (&images);
}

static gboolean
check_options (SrvContext *ctx,
               JsonObject *model,
               JsonNode   *web_search,
               JsonNode   *effort)
{
  JsonObject *caps = json_object_get_object_member (model, "chat_capabilities");

  if (web_search != NULL && json_node_get_boolean (web_search) &&
      !json_object_get_boolean_member_with_default (caps, "web_search", FALSE))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "enable_web_search",
                               "%s cannot search the web", json_object_get_string_member (model, "id"));
      return FALSE;
    }

  if (effort != NULL &&
      !array_has_string (json_object_get_array_member (caps, "reasoning_efforts"),
                         json_node_get_string (effort)))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "reasoning_effort",
                               "%s does not take the reasoning effort “%s”",
                               json_object_get_string_member (model, "id"), json_node_get_string (effort));
      return FALSE;
    }
  return TRUE;
}

/* The order of checks, as documented: the body (400), the session
 * (404, then 409 when it belongs to another model), the model (400
 * chat_model_not_supported), the options and the message's length
 * (400), the attachments (400), then the price (402). */
static void
handle_turn (SrvContext *ctx,
             gboolean    streaming)
{
  SrvStore *store = srv_context_get_store (ctx);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(SrvChatSession) session = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(SrvChatTurnRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *attachments = NULL;
  g_autofree char *blank = NULL;
  JsonNode *model_node, *message_node, *session_node, *crid_node, *web_node, *effort_node;
  const char *model_id, *message, *session_id, *client_request_id;
  JsonObject *body, *model;
  gint64 max_chars;


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

  if (!optional_member (ctx, body, "model", G_TYPE_STRING, &model_node) ||
      !optional_member (ctx, body, "message", G_TYPE_STRING, &message_node) ||
      !optional_member (ctx, body, "session_id", G_TYPE_STRING, &session_node) ||
      !optional_member (ctx, body, "client_request_id", G_TYPE_STRING, &crid_node) ||
      !optional_member (ctx, body, "enable_web_search", G_TYPE_BOOLEAN, &web_node) ||
      !optional_member (ctx, body, "reasoning_effort", G_TYPE_STRING, &effort_node))
    return;

  if (model_node == NULL || message_node == NULL)
    {
      const char *missing = model_node == NULL ? "model" : "message";
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, missing, "%s is required", missing);
      return;
    }
  model_id = json_node_get_string (model_node);
  message = json_node_get_string (message_node);
  session_id = string_or_null (session_node);
  client_request_id = string_or_null (crid_node);

  blank = g_strstrip (g_strdup (message));
  if (*blank == '\0' ||
      g_utf8_strlen (message, -1) > SRV_CHAT_MAX_MESSAGE_CHARS)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "message",
                               "The message must be 1 to %d characters, not only white space",
                               SRV_CHAT_MAX_MESSAGE_CHARS);
      return;
    }

  if (client_request_id != NULL && strlen (client_request_id) > 128)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "client_request_id",
                               "client_request_id is at most 128 characters");
      return;
    }

  if (session_id != NULL)
    {
      /* Another account's session answers exactly like a missing one. */
      if (!srv_id_is_valid (session_id, "sess_") ||
          !(session = srv_store_chat_get_session (store, session_id, ctx->key->account_id, &error)))
        {
          if (error != NULL && !g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND))
            srv_context_reply_internal (ctx, error);
          else
            srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, "session_id",
                                     "There is no chat session %s", session_id);
          return;
        }
      if (!g_str_equal (session->model, model_id))
        {
          srv_context_reply_error (ctx, SRV_ERROR_CHAT_SESSION_CONFLICT, "model",
                                   "The session %s belongs to %s; it cannot be continued with %s",
                                   session_id, session->model, model_id);
          return;
        }
    }

  model = srv_catalog_find (model_id);
  if (model == NULL ||
      !g_str_equal (json_object_get_string_member (model, "category"), "chat") ||
      !g_str_equal (json_object_get_string_member (model, "api_status"), "available"))
    {
      srv_context_reply_error (ctx, SRV_ERROR_CHAT_MODEL_NOT_SUPPORTED, "model",
                               "“%s” is not a chat model this server runs; GET /api/v1/models lists "
                               "the models with category chat", model_id);
      return;
    }

  if (!check_options (ctx, model, web_node, effort_node))
    return;

  max_chars = json_object_get_int_member_with_default (model, "max_prompt_length",
                                                       SRV_CHAT_MAX_MESSAGE_CHARS);
  if (g_utf8_strlen (message, -1) > max_chars)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "message",
                               "%s takes messages of at most %" G_GINT64_FORMAT " characters",
                               model_id, max_chars);
      return;
    }

  if (!(images = resolve_attachments (ctx, model, json_object_get_member (body, "attachments"),
                                      &attachments)))
    return;

  if (session != NULL)
    history = srv_store_chat_get_messages (store, session->id, &error);
  else
    history = g_ptr_array_new_with_free_func ((GDestroyNotify)srv_chat_message_free);
  if (history == NULL)
    {
      srv_context_reply_internal (ctx, error);
      return;
    }

  record = g_new0 (SrvChatTurnRecord, 1);
  record->id = srv_id_new ("chatcmpl_");
  record->account_id = ctx->key->account_id;
  record->new_session = session == NULL;
  record->session_id = session != NULL ? g_strdup (session->id) : srv_id_new ("sess_");
  record->model = g_strdup (model_id);
  record->user_message_id = srv_id_new ("msg_");
  record->assistant_message_id = srv_id_new ("msg_");
  record->message = g_strdup (message);
  record->attachments = g_steal_pointer (&attachments);
  record->reserved_credits = json_object_get_int_member (model, "base_credits");
  record->client_request_id = g_strdup (client_request_id);

  if (!srv_store_chat_begin_turn (store, record, &error))
    {
      if (g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INSUFFICIENT_CREDITS))
        srv_context_reply_error (ctx, SRV_ERROR_INSUFFICIENT_CREDITS, NULL,
                                 "A turn of %s reserves %" G_GINT64_FORMAT " credits, more than the balance",
                                 model_id, record->reserved_credits);
      else if (g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_CONFLICT))
        srv_context_reply_error (ctx, SRV_ERROR_CHAT_SESSION_CONFLICT, "session_id",
                                 "The session %s is still answering its previous message",
                                 record->session_id);
      else
        srv_context_reply_internal (ctx, error);
      return;
    }

  srv_chat_turn_run (ctx, g_steal_pointer (&record), g_steal_pointer (&history),
                     g_steal_pointer (&images), streaming);
}

void
srv_route_chat_completions_create (SrvContext *ctx)
{
  handle_turn (ctx, FALSE);
}

void
srv_route_chat_completions_stream (SrvContext *ctx)
{
  handle_turn (ctx, TRUE);
}

/* Sessions (B.10) */

static void
add_session_members (JsonBuilder    *b,
                     SrvChatSession *s)
{
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, s->id);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "chat.session");
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, s->model);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, s->title);
  json_builder_set_member_name (b, "message_count");
  json_builder_add_int_value (b, s->message_count);
  srv_json_add_time (b, "created_at", s->created_at);
  srv_json_add_time (b, "updated_at", s->updated_at);
}

void
srv_route_chat_sessions_list (SrvContext *ctx)
{
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *query = g_uri_get_query (soup_server_message_get_uri (ctx->msg));
  const char *limit_text = NULL, *after = NULL;
  guint64 limit = DEFAULT_PAGE;
  gboolean has_more = FALSE;

  if (query != NULL)
    {
      params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
      if (params == NULL)
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "query",
                                   "The query string is not valid");
          return;
        }
      limit_text = g_hash_table_lookup (params, "limit");
      after = g_hash_table_lookup (params, "after");
    }

  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_PAGE, &limit, NULL))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "limit",
                               "limit is a whole number from 1 to %d", MAX_PAGE);
      return;
    }

  if (after != NULL)
    {
      if (!srv_id_is_valid (after, "sess_"))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "after",
                                   "after is the id of one of this account's chat sessions");
          return;
        }
    }

  sessions = srv_store_chat_list_sessions (srv_context_get_store (ctx), ctx->key->account_id, after,
                                           (guint)limit, &has_more, &error);
  if (sessions == NULL)
    {
      if (g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INVALID))
        srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "after",
                                 "after is the id of one of this account's chat sessions");
      else
        srv_context_reply_internal (ctx, error);
      return;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "list");
  json_builder_set_member_name (b, "data");
  json_builder_begin_array (b);
  for (guint i = 0; i < sessions->len; i++)
    {
      json_builder_begin_object (b);
      add_session_members (b, g_ptr_array_index (sessions, i));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "has_more");
  json_builder_add_boolean_value (b, has_more);
  json_builder_set_member_name (b, "next_after");
  if (has_more && sessions->len > 0)
    json_builder_add_string_value (b, ((SrvChatSession *)g_ptr_array_index (sessions,
                                                                            sessions->len - 1))->id);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  srv_context_reply_builder (ctx, 200, b);
}

void
srv_route_chat_sessions_get (SrvContext *ctx)
{
  SrvStore *store = srv_context_get_store (ctx);
  g_autoptr(SrvChatSession) session = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GError) error = NULL;
  const char *id = ctx->args[0];


  if (!srv_id_is_valid (id, "sess_") ||
      !(session = srv_store_chat_get_session (store, id, ctx->key->account_id, &error)))
    {
      if (error != NULL && !g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND))
        srv_context_reply_internal (ctx, error);
      else
        srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "There is no chat session %s", id);
      return;
    }

  if (!(messages = srv_store_chat_get_messages (store, session->id, &error)))
    {
      srv_context_reply_internal (ctx, error);
      return;
    }

  json_builder_begin_object (b);
  add_session_members (b, session);
  json_builder_set_member_name (b, "messages");
  json_builder_begin_array (b);
  for (guint i = 0; i < messages->len; i++)
    {
      SrvChatMessage *m = g_ptr_array_index (messages, i);
      g_autoptr(JsonNode) attachments = json_from_string (m->attachments, NULL);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, m->id);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, m->role);
      json_builder_set_member_name (b, "content");
      json_builder_add_string_value (b, m->content);
      json_builder_set_member_name (b, "attachments");
      if (attachments != NULL && JSON_NODE_HOLDS_ARRAY (attachments))
        json_builder_add_value (b, g_steal_pointer (&attachments));
      else
        {
          json_builder_begin_array (b);
          json_builder_end_array (b);
        }
      srv_json_add_time (b, "created_at", m->created_at);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  srv_context_reply_builder (ctx, 200, b);
}
