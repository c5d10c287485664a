/* rivya-chat-request.c
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

#include "rivya-chat-request.h"

#include "rivya-json-private.h"

/**
 * RivyaChatRequest:
 *
 * One chat turn to send (A.8): the chat model, the next user message and,
 * to continue a conversation, the session id. History lives on the
 * server: there is no list of messages to send.
 *
 * Like #RivyaGenerationRequest, a new request gets a random
 * `Idempotency-Key`: a retried whole completion is answered once. A
 * streamed turn cannot be replayed; its key, reused, is refused.
 */

struct _RivyaChatRequest
{
  GObject    parent_instance;

  char      *model;
  char      *message;
  char      *session_id;
  GPtrArray *attachments;
  char      *reasoning_effort;
  char      *client_request_id;
  char      *idempotency_key;
  gboolean   enable_web_search;
};

G_DEFINE_FINAL_TYPE (RivyaChatRequest, rivya_chat_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT_REQUEST_ID,
  PROP_ENABLE_WEB_SEARCH,
  PROP_IDEMPOTENCY_KEY,
  PROP_MESSAGE,
  PROP_MODEL,
  PROP_REASONING_EFFORT,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_chat_request_finalize (GObject *object)
{
  RivyaChatRequest *self = (RivyaChatRequest *)object;

  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->reasoning_effort, g_free);
  g_clear_pointer (&self->client_request_id, g_free);
  g_clear_pointer (&self->idempotency_key, g_free);

  G_OBJECT_CLASS (rivya_chat_request_parent_class)->finalize (object);
}

static void
rivya_chat_request_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RivyaChatRequest *self = RIVYA_CHAT_REQUEST (object);

  switch (prop_id)
    {
    case PROP_CLIENT_REQUEST_ID:
      g_value_set_string (value, self->client_request_id);
      break;

    case PROP_ENABLE_WEB_SEARCH:
      g_value_set_boolean (value, self->enable_web_search);
      break;

    case PROP_IDEMPOTENCY_KEY:
      g_value_set_string (value, self->idempotency_key);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_REASONING_EFFORT:
      g_value_set_string (value, self->reasoning_effort);
      break;

    case PROP_SESSION_ID:
      g_value_set_string (value, self->session_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_chat_request_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RivyaChatRequest *self = RIVYA_CHAT_REQUEST (object);

  switch (prop_id)
    {
    case PROP_CLIENT_REQUEST_ID:
      rivya_chat_request_set_client_request_id (self, g_value_get_string (value));
      break;

    case PROP_ENABLE_WEB_SEARCH:
      rivya_chat_request_set_enable_web_search (self, g_value_get_boolean (value));
      break;

    case PROP_IDEMPOTENCY_KEY:
      rivya_chat_request_set_idempotency_key (self, g_value_get_string (value));
      break;

    case PROP_MESSAGE:
      self->message = g_value_dup_string (value);
      break;

    case PROP_MODEL:
      self->model = g_value_dup_string (value);
      break;

    case PROP_REASONING_EFFORT:
      rivya_chat_request_set_reasoning_effort (self, g_value_get_string (value));
      break;

    case PROP_SESSION_ID:
      rivya_chat_request_set_session_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_chat_request_class_init (RivyaChatRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_chat_request_finalize;
  object_class->get_property = rivya_chat_request_get_property;
  object_class->set_property = rivya_chat_request_set_property;

  /**
   * RivyaChatRequest:client-request-id:
   *
   * The caller's trace id, or %NULL.
   */
  properties [PROP_CLIENT_REQUEST_ID] =
    g_param_spec_string ("client-request-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatRequest:enable-web-search:
   *
   * Whether the model may search the web; only where
   * #RivyaChatCapabilities:web-search says so. Sent only when set.
   */
  properties [PROP_ENABLE_WEB_SEARCH] =
    g_param_spec_boolean ("enable-web-search", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatRequest:idempotency-key:
   *
   * The `Idempotency-Key` of the turn: a random UUID unless set. Setting
   * %NULL draws a new one.
   */
  properties [PROP_IDEMPOTENCY_KEY] =
    g_param_spec_string ("idempotency-key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatRequest:message:
   *
   * The user's message.
   */
  properties [PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatRequest:model:
   *
   * The chat model's id.
   */
  properties [PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatRequest:reasoning-effort:
   *
   * One of #RivyaChatCapabilities:reasoning-efforts, or %NULL.
   */
  properties [PROP_REASONING_EFFORT] =
    g_param_spec_string ("reasoning-effort", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatRequest:session-id:
   *
   * The session to continue, or %NULL to start one.
   */
  properties [PROP_SESSION_ID] =
    g_param_spec_string ("session-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_chat_request_init (RivyaChatRequest *self)
{
  self->attachments = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->idempotency_key = g_uuid_string_random ();
}

/**
 * rivya_chat_request_new:
 * @model: a chat model id
 * @message: the user's message
 *
 * Creates a chat turn that starts a new session; set
 * #RivyaChatRequest:session-id to continue one.
 *
 * Returns: (transfer full): a new #RivyaChatRequest
 */
RivyaChatRequest *
rivya_chat_request_new (const char *model,
                        const char *message)
{
  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  return g_object_new (RIVYA_TYPE_CHAT_REQUEST,
                       "model", model,
                       "message", message,
                       NULL);
}

/**
 * rivya_chat_request_get_model:
 * @self: a #RivyaChatRequest
 *
 * Gets the chat model's id.
 *
 * Returns: the model id
 */
const char *
rivya_chat_request_get_model (RivyaChatRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), NULL);

  return self->model;
}

/**
 * rivya_chat_request_get_message:
 * @self: a #RivyaChatRequest
 *
 * Gets the user's message.
 *
 * Returns: the message
 */
const char *
rivya_chat_request_get_message (RivyaChatRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), NULL);

  return self->message;
}

/**
 * rivya_chat_request_get_session_id:
 * @self: a #RivyaChatRequest
 *
 * Gets the session the turn continues.
 *
 * Returns: (nullable): the session id, or %NULL for a new session
 */
const char *
rivya_chat_request_get_session_id (RivyaChatRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), NULL);

  return self->session_id;
}

/**
 * rivya_chat_request_set_session_id:
 * @self: a #RivyaChatRequest
 * @session_id: (nullable): a session id, from #RivyaChatCompletion:session-id
 *
 * Continues a session of the same model, or starts a new one with %NULL.
 */
void
rivya_chat_request_set_session_id (RivyaChatRequest *self,
                                   const char       *session_id)
{
  g_return_if_fail (RIVYA_IS_CHAT_REQUEST (self));

  if (_rivya_set_str (&self->session_id, session_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION_ID]);
}

/**
 * rivya_chat_request_get_attachments:
 * @self: a #RivyaChatRequest
 *
 * Gets the ids of the attached files.
 *
 * Returns: (transfer none) (array zero-terminated=1): the file ids
 */
const char * const *
rivya_chat_request_get_attachments (RivyaChatRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), NULL);

  return (const char * const *)self->attachments->pdata;
}

/**
 * rivya_chat_request_add_attachment:
 * @self: a #RivyaChatRequest
 * @file_id: the id of an image uploaded through the Files API
 *
 * Attaches an uploaded image. URLs are not accepted as attachments.
 */
void
rivya_chat_request_add_attachment (RivyaChatRequest *self,
                                   const char       *file_id)
{
  g_return_if_fail (RIVYA_IS_CHAT_REQUEST (self));
  g_return_if_fail (file_id != NULL);

  g_ptr_array_add (self->attachments, g_strdup (file_id));
}

/**
 * rivya_chat_request_get_enable_web_search:
 * @self: a #RivyaChatRequest
 *
 * Gets whether web search is asked for.
 *
 * Returns: %TRUE if web search is enabled
 */
gboolean
rivya_chat_request_get_enable_web_search (RivyaChatRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), FALSE);

  return self->enable_web_search;
}

/**
 * rivya_chat_request_set_enable_web_search:
 * @self: a #RivyaChatRequest
 * @enable_web_search: whether the model may search the web
 *
 * Asks for web search, where the model supports it.
 */
void
rivya_chat_request_set_enable_web_search (RivyaChatRequest *self,
                                          gboolean          enable_web_search)
{
  g_return_if_fail (RIVYA_IS_CHAT_REQUEST (self));

  enable_web_search = !!enable_web_search;
  if (self->enable_web_search == enable_web_search)
    return;

  self->enable_web_search = enable_web_search;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENABLE_WEB_SEARCH]);
}

/**
 * rivya_chat_request_get_reasoning_effort:
 * @self: a #RivyaChatRequest
 *
 * Gets the reasoning effort asked for.
 *
 * Returns: (nullable): the reasoning effort
 */
const char *
rivya_chat_request_get_reasoning_effort (RivyaChatRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), NULL);

  return self->reasoning_effort;
}

/**
 * rivya_chat_request_set_reasoning_effort:
 * @self: a #RivyaChatRequest
 * @reasoning_effort: (nullable): `"default"`, `"minimal"`, `"low"`,
 *   `"medium"`, `"high"` or `"xhigh"`, where the model supports it
 *
 * Sets the reasoning effort.
 */
void
rivya_chat_request_set_reasoning_effort (RivyaChatRequest *self,
                                         const char       *reasoning_effort)
{
  g_return_if_fail (RIVYA_IS_CHAT_REQUEST (self));

  if (_rivya_set_str (&self->reasoning_effort, reasoning_effort))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REASONING_EFFORT]);
}

/**
 * rivya_chat_request_get_client_request_id:
 * @self: a #RivyaChatRequest
 *
 * Gets the caller's trace id.
 *
 * Returns: (nullable): the trace id
 */
const char *
rivya_chat_request_get_client_request_id (RivyaChatRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), NULL);

  return self->client_request_id;
}

/**
 * rivya_chat_request_set_client_request_id:
 * @self: a #RivyaChatRequest
 * @client_request_id: (nullable): a trace id, at most 128 characters
 *
 * Sets the caller's trace id.
 */
void
rivya_chat_request_set_client_request_id (RivyaChatRequest *self,
                                          const char       *client_request_id)
{
  g_return_if_fail (RIVYA_IS_CHAT_REQUEST (self));

  if (_rivya_set_str (&self->client_request_id, client_request_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT_REQUEST_ID]);
}

/**
 * rivya_chat_request_get_idempotency_key:
 * @self: a #RivyaChatRequest
 *
 * Gets the `Idempotency-Key` the turn sends.
 *
 * Returns: the idempotency key
 */
const char *
rivya_chat_request_get_idempotency_key (RivyaChatRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), NULL);

  return self->idempotency_key;
}

/**
 * rivya_chat_request_set_idempotency_key:
 * @self: a #RivyaChatRequest
 * @idempotency_key: (nullable): a key, or %NULL for a new random one
 *
 * Sets the `Idempotency-Key` of the turn.
 */
void
rivya_chat_request_set_idempotency_key (RivyaChatRequest *self,
                                        const char       *idempotency_key)
{
  g_autofree char *fresh = NULL;

  g_return_if_fail (RIVYA_IS_CHAT_REQUEST (self));

  if (idempotency_key == NULL)
    idempotency_key = fresh = g_uuid_string_random ();

  if (_rivya_set_str (&self->idempotency_key, idempotency_key))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IDEMPOTENCY_KEY]);
}

/**
 * rivya_chat_request_to_json:
 * @self: a #RivyaChatRequest
 *
 * Builds the body of both chat routes.
 *
 * Returns: (transfer full): the body, a JSON object
 */
JsonNode *
rivya_chat_request_to_json (RivyaChatRequest *self)
{
  g_autoptr(JsonObject) body = json_object_new ();
  JsonNode *root;

  g_return_val_if_fail (RIVYA_IS_CHAT_REQUEST (self), NULL);

  json_object_set_string_member (body, "model", self->model);
  if (self->session_id != NULL)
    json_object_set_string_member (body, "session_id", self->session_id);
  json_object_set_string_member (body, "message", self->message);

  if (self->attachments->len > 0)
    {
      g_autoptr(JsonArray) attachments = json_array_new ();

      for (guint i = 0; i < self->attachments->len; i++)
        {
          g_autoptr(JsonObject) item = json_object_new ();

          json_object_set_string_member (item, "file_id", g_ptr_array_index (self->attachments, i));
          json_array_add_object_element (attachments, g_steal_pointer (&item));
        }
      json_object_set_array_member (body, "attachments", g_steal_pointer (&attachments));
    }

  if (self->enable_web_search)
    json_object_set_boolean_member (body, "enable_web_search", TRUE);
  if (self->reasoning_effort != NULL)
    json_object_set_string_member (body, "reasoning_effort", self->reasoning_effort);
  if (self->client_request_id != NULL)
    json_object_set_string_member (body, "client_request_id", self->client_request_id);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (root, body);
  return root;
}
