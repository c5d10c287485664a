/* rivya-generation-request.c
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

#include "rivya-generation-request.h"

#include "rivya-file.h"
#include "rivya-json-private.h"

/**
 * RivyaGenerationRequest:
 *
 * What to submit to `POST /api/v1/generations` (A.5): the model, the
 * prompt, the model's params and reference media, and the
 * `Idempotency-Key` of the submit.
 *
 * A new request gets a random idempotency key at once. Store it with the
 * job before submitting: submitting the same request again (after a
 * timeout, a crash, a network error) sends the same key and body, so the
 * service answers with the first job instead of charging twice.
 *
 * |[<!-- language="C" -->
 * g_autoptr(RivyaGenerationRequest) request = NULL;
 *
 * request = rivya_generation_request_new ("z-image", "a lighthouse");
 *
 * rivya_generation_request_set_param_string (request, "aspect_ratio", "16:9");
 * save_job_key (rivya_generation_request_get_idempotency_key (request));
 * rivya_client_create_generation_async (client, request, cancellable, created_cb, self);
 * ]|
 */

struct _RivyaGenerationRequest
{
  GObject     parent_instance;

  char       *model;
  char       *prompt;
  char       *client_request_id;
  char       *idempotency_key;
  JsonObject *params;
  JsonArray  *references;
};

G_DEFINE_FINAL_TYPE (RivyaGenerationRequest, rivya_generation_request, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT_REQUEST_ID,
  PROP_IDEMPOTENCY_KEY,
  PROP_MODEL,
  PROP_PROMPT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_generation_request_finalize (GObject *object)
{
  RivyaGenerationRequest *self = (RivyaGenerationRequest *)object;

  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->prompt, g_free);
  g_clear_pointer (&self->client_request_id, g_free);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_clear_pointer (&self->params, json_object_unref);
  g_clear_pointer (&self->references, json_array_unref);

  G_OBJECT_CLASS (rivya_generation_request_parent_class)->finalize (object);
}

static void
rivya_generation_request_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  RivyaGenerationRequest *self = RIVYA_GENERATION_REQUEST (object);

  switch (prop_id)
    {
    case PROP_CLIENT_REQUEST_ID:
      g_value_set_string (value, self->client_request_id);
      break;

    case PROP_IDEMPOTENCY_KEY:
      g_value_set_string (value, self->idempotency_key);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_PROMPT:
      g_value_set_string (value, self->prompt);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_generation_request_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  RivyaGenerationRequest *self = RIVYA_GENERATION_REQUEST (object);

  switch (prop_id)
    {
    case PROP_CLIENT_REQUEST_ID:
      rivya_generation_request_set_client_request_id (self, g_value_get_string (value));
      break;

    case PROP_IDEMPOTENCY_KEY:
      rivya_generation_request_set_idempotency_key (self, g_value_get_string (value));
      break;

    case PROP_MODEL:
      self->model = g_value_dup_string (value);
      break;

    case PROP_PROMPT:
      rivya_generation_request_set_prompt (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_generation_request_class_init (RivyaGenerationRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_generation_request_finalize;
  object_class->get_property = rivya_generation_request_get_property;
  object_class->set_property = rivya_generation_request_set_property;

  /**
   * RivyaGenerationRequest:client-request-id:
   *
   * The caller's trace id (at most 128 characters), or %NULL.
   */
  properties [PROP_CLIENT_REQUEST_ID] =
    g_param_spec_string ("client-request-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGenerationRequest:idempotency-key:
   *
   * The `Idempotency-Key` sent with the submit: a random UUID unless set.
   * Setting %NULL draws a new one.
   */
  properties [PROP_IDEMPOTENCY_KEY] =
    g_param_spec_string ("idempotency-key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGenerationRequest:model:
   *
   * The id of an available, non-chat model.
   */
  properties [PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGenerationRequest:prompt:
   *
   * The prompt, at most the model's #RivyaModel:max-prompt-length.
   */
  properties [PROP_PROMPT] =
    g_param_spec_string ("prompt", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_generation_request_init (RivyaGenerationRequest *self)
{
  self->idempotency_key = g_uuid_string_random ();
  self->params = json_object_new ();
}

/**
 * rivya_generation_request_new:
 * @model: a model id
 * @prompt: (nullable): the prompt
 *
 * Creates a request, with a fresh idempotency key.
 *
 * Returns: (transfer full): a new #RivyaGenerationRequest
 */
RivyaGenerationRequest *
rivya_generation_request_new (const char *model,
                              const char *prompt)
{
  g_return_val_if_fail (model != NULL, NULL);

  return g_object_new (RIVYA_TYPE_GENERATION_REQUEST,
                       "model", model,
                       "prompt", prompt,
                       NULL);
}

/**
 * rivya_generation_request_get_model:
 * @self: a #RivyaGenerationRequest
 *
 * Gets the model id.
 *
 * Returns: the model id
 */
const char *
rivya_generation_request_get_model (RivyaGenerationRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION_REQUEST (self), NULL);

  return self->model;
}

/**
 * rivya_generation_request_get_prompt:
 * @self: a #RivyaGenerationRequest
 *
 * Gets the prompt.
 *
 * Returns: (nullable): the prompt
 */
const char *
rivya_generation_request_get_prompt (RivyaGenerationRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION_REQUEST (self), NULL);

  return self->prompt;
}

/**
 * rivya_generation_request_set_prompt:
 * @self: a #RivyaGenerationRequest
 * @prompt: (nullable): the prompt
 *
 * Sets the prompt.
 */
void
rivya_generation_request_set_prompt (RivyaGenerationRequest *self,
                                     const char             *prompt)
{
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));

  if (_rivya_set_str (&self->prompt, prompt))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROMPT]);
}

/**
 * rivya_generation_request_get_client_request_id:
 * @self: a #RivyaGenerationRequest
 *
 * Gets the caller's trace id.
 *
 * Returns: (nullable): the trace id
 */
const char *
rivya_generation_request_get_client_request_id (RivyaGenerationRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION_REQUEST (self), NULL);

  return self->client_request_id;
}

/**
 * rivya_generation_request_set_client_request_id:
 * @self: a #RivyaGenerationRequest
 * @client_request_id: (nullable): a trace id, at most 128 characters
 *
 * Sets the caller's trace id, echoed in the generation.
 */
void
rivya_generation_request_set_client_request_id (RivyaGenerationRequest *self,
                                                const char             *client_request_id)
{
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));

  if (_rivya_set_str (&self->client_request_id, client_request_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT_REQUEST_ID]);
}

/**
 * rivya_generation_request_get_idempotency_key:
 * @self: a #RivyaGenerationRequest
 *
 * Gets the `Idempotency-Key` the submit sends. Keep it with the job so a
 * retried submit can reuse it.
 *
 * Returns: the idempotency key
 */
const char *
rivya_generation_request_get_idempotency_key (RivyaGenerationRequest *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION_REQUEST (self), NULL);

  return self->idempotency_key;
}

/**
 * rivya_generation_request_set_idempotency_key:
 * @self: a #RivyaGenerationRequest
 * @idempotency_key: (nullable): a stored key (1 to 255 printable ASCII
 *   characters), or %NULL for a new random one
 *
 * Sets the `Idempotency-Key`, for example the one stored with a job whose
 * submit must be retried after a restart.
 */
void
rivya_generation_request_set_idempotency_key (RivyaGenerationRequest *self,
                                              const char             *idempotency_key)
{
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));

  if (idempotency_key != NULL && g_strcmp0 (self->idempotency_key, idempotency_key) == 0)
    return;

  g_free (self->idempotency_key);
  self->idempotency_key = idempotency_key ? g_strdup (idempotency_key) : g_uuid_string_random ();
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IDEMPOTENCY_KEY]);
}

/**
 * rivya_generation_request_set_param:
 * @self: a #RivyaGenerationRequest
 * @key: a parameter key, such as `"aspect_ratio"`
 * @value: (nullable): the value, or %NULL to remove the parameter
 *
 * Sets a model parameter to any JSON value, such as the array of
 * `elevenlabs-dialogue-v3`'s `dialogue`. Select parameters take strings,
 * even when they look like numbers (A.4).
 */
void
rivya_generation_request_set_param (RivyaGenerationRequest *self,
                                    const char             *key,
                                    JsonNode               *value)
{
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));
  g_return_if_fail (key != NULL);

  if (value == NULL)
    json_object_remove_member (self->params, key);
  else
    json_object_set_member (self->params, key, json_node_copy (value));
}

/**
 * rivya_generation_request_set_param_string:
 * @self: a #RivyaGenerationRequest
 * @key: a parameter key
 * @value: the value; select parameters always take strings
 *
 * Sets a text or select parameter.
 */
void
rivya_generation_request_set_param_string (RivyaGenerationRequest *self,
                                           const char             *key,
                                           const char             *value)
{
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));
  g_return_if_fail (key != NULL);
  g_return_if_fail (value != NULL);

  json_object_set_string_member (self->params, key, value);
}

/**
 * rivya_generation_request_set_param_int:
 * @self: a #RivyaGenerationRequest
 * @key: a parameter key
 * @value: the value
 *
 * Sets a number parameter to an integer.
 */
void
rivya_generation_request_set_param_int (RivyaGenerationRequest *self,
                                        const char             *key,
                                        gint64                  value)
{
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));
  g_return_if_fail (key != NULL);

  json_object_set_int_member (self->params, key, value);
}

/**
 * rivya_generation_request_set_param_double:
 * @self: a #RivyaGenerationRequest
 * @key: a parameter key
 * @value: the value
 *
 * Sets a number parameter, such as `duration_seconds`.
 */
void
rivya_generation_request_set_param_double (RivyaGenerationRequest *self,
                                           const char             *key,
                                           double                  value)
{
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));
  g_return_if_fail (key != NULL);

  json_object_set_double_member (self->params, key, value);
}

/**
 * rivya_generation_request_set_param_boolean:
 * @self: a #RivyaGenerationRequest
 * @key: a parameter key
 * @value: the value
 *
 * Sets a boolean parameter.
 */
void
rivya_generation_request_set_param_boolean (RivyaGenerationRequest *self,
                                            const char             *key,
                                            gboolean                value)
{
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));
  g_return_if_fail (key != NULL);

  json_object_set_boolean_member (self->params, key, value);
}

/**
 * rivya_generation_request_add_reference:
 * @self: a #RivyaGenerationRequest
 * @url: the reference's URL, usually a #RivyaFile:url
 * @kind: its kind: `"image"`, `"video"` or `"audio"`
 * @name: (nullable): its name
 * @mime_type: (nullable): its content type
 * @duration_seconds: its duration, or a negative number when not given
 * @duration_token: (nullable): the #RivyaFile:duration-token that vouches
 *   for @duration_seconds
 *
 * Adds an item to `params.referenceMediaItems`.
 */
void
rivya_generation_request_add_reference (RivyaGenerationRequest *self,
                                        const char             *url,
                                        const char             *kind,
                                        const char             *name,
                                        const char             *mime_type,
                                        double                  duration_seconds,
                                        const char             *duration_token)
{
  g_autoptr(JsonObject) item = NULL;

  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (kind != NULL);

  item = json_object_new ();
  json_object_set_string_member (item, "url", url);
  json_object_set_string_member (item, "kind", kind);
  if (name != NULL)
    json_object_set_string_member (item, "name", name);
  if (mime_type != NULL)
    json_object_set_string_member (item, "mimeType", mime_type);
  if (duration_seconds >= 0)
    json_object_set_double_member (item, "durationSeconds", duration_seconds);
  if (duration_token != NULL)
    json_object_set_string_member (item, "durationToken", duration_token);

  if (self->references == NULL)
    self->references = json_array_new ();
  json_array_add_object_element (self->references, g_steal_pointer (&item));
}

/**
 * rivya_generation_request_add_reference_file:
 * @self: a #RivyaGenerationRequest
 * @file: an uploaded #RivyaFile
 *
 * Adds an uploaded file as a reference, with its URL, kind, name, type
 * and, for audio and video, its duration and duration token.
 */
void
rivya_generation_request_add_reference_file (RivyaGenerationRequest *self,
                                             RivyaFile              *file)
{
  const char *kind;
  double duration = -1;

  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (self));
  g_return_if_fail (RIVYA_IS_FILE (file));
  g_return_if_fail (rivya_file_get_url (file) != NULL);

  kind = rivya_file_get_kind (file);

  /* A duration counts only with the token that vouches for it. */
  if (rivya_file_get_duration_token (file) != NULL)
    duration = rivya_file_get_duration_seconds (file);

  rivya_generation_request_add_reference (self,
                                          rivya_file_get_url (file),
                                          kind ? kind : "image",
                                          rivya_file_get_name (file),
                                          rivya_file_get_mime_type (file),
                                          duration,
                                          rivya_file_get_duration_token (file));
}

/**
 * rivya_generation_request_to_json:
 * @self: a #RivyaGenerationRequest
 *
 * Builds the body of `POST /api/v1/generations`. The same request always
 * gives the same bytes, which idempotent retries need.
 *
 * Returns: (transfer full): the body, a JSON object
 */
JsonNode *
rivya_generation_request_to_json (RivyaGenerationRequest *self)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonObject) params = NULL;
  g_autoptr(GList) members = NULL;
  JsonNode *root;

  g_return_val_if_fail (RIVYA_IS_GENERATION_REQUEST (self), NULL);

  json_object_set_string_member (body, "model", self->model);
  if (self->prompt != NULL)
    json_object_set_string_member (body, "prompt", self->prompt);

  /* A copy, so that the references join the params only in the body. */
  params = json_object_new ();
  members = json_object_get_members (self->params);
  for (const GList *l = members; l != NULL; l = l->next)
    json_object_set_member (params, l->data,
                            json_node_copy (json_object_get_member (self->params, l->data)));
  if (self->references != NULL)
    json_object_set_array_member (params, "referenceMediaItems", json_array_ref (self->references));
  if (json_object_get_size (params) > 0)
    json_object_set_object_member (body, "params", g_steal_pointer (&params));

  if (self->client_request_id != NULL)
    json_object_set_string_member (body, "client_request_id", self->client_request_id);

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (root, body);
  return root;
}
