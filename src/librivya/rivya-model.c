/* rivya-model.c
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

#include "rivya-model.h"

#include "rivya-json-private.h"
#include "rivya-model-private.h"
#include "rivya-model-notice.h"

/**
 * RivyaModel:
 *
 * A model of the public catalog (A.4, B.6), callable or not: what it makes,
 * what it costs, its parameters, the reference media it takes and, for chat
 * models, their capabilities.
 *
 * Never hard-code models: the catalog changes; list it with
 * rivya_client_list_models_async().
 */

G_DEFINE_FINAL_TYPE (RivyaModel, rivya_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_CATEGORY,
  PROP_RUNTIME,
  PROP_BASE_CREDITS,
  PROP_BILLING_TYPE,
  PROP_SUPPORTED_MODES,
  PROP_MAX_PROMPT_LENGTH,
  PROP_REFERENCE_MEDIA,
  PROP_PARAMS,
  PROP_API_STATUS,
  PROP_API_INPUT_STATUS,
  PROP_SUPPORTED_API_INPUTS,
  PROP_REQUIRES_FILES_API,
  PROP_REQUIRES_UPLOAD_FOR_MODES,
  PROP_URL_INPUT_SUPPORTED,
  PROP_FILE_KINDS,
  PROP_CHAT_CAPABILITIES,
  PROP_NOTICES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_model_finalize (GObject *object)
{
  RivyaModel *self = (RivyaModel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->runtime, g_free);
  g_clear_pointer (&self->billing_type, g_free);
  g_clear_pointer (&self->supported_modes, g_strfreev);
  g_clear_object (&self->reference_media);
  g_clear_object (&self->params);
  g_clear_pointer (&self->api_status, g_free);
  g_clear_pointer (&self->api_input_status, g_free);
  g_clear_pointer (&self->supported_api_inputs, g_strfreev);
  g_clear_pointer (&self->requires_upload_for_modes, g_strfreev);
  g_clear_pointer (&self->file_kinds, g_strfreev);
  g_clear_object (&self->chat_capabilities);
  g_clear_object (&self->notices);

  G_OBJECT_CLASS (rivya_model_parent_class)->finalize (object);
}

static void
rivya_model_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RivyaModel *self = RIVYA_MODEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_RUNTIME:
      g_value_set_string (value, self->runtime);
      break;

    case PROP_BASE_CREDITS:
      g_value_set_int64 (value, self->base_credits);
      break;

    case PROP_BILLING_TYPE:
      g_value_set_string (value, self->billing_type);
      break;

    case PROP_SUPPORTED_MODES:
      g_value_set_boxed (value, self->supported_modes);
      break;

    case PROP_MAX_PROMPT_LENGTH:
      g_value_set_int64 (value, self->max_prompt_length);
      break;

    case PROP_REFERENCE_MEDIA:
      g_value_set_object (value, self->reference_media);
      break;

    case PROP_PARAMS:
      g_value_set_object (value, self->params);
      break;

    case PROP_API_STATUS:
      g_value_set_string (value, self->api_status);
      break;

    case PROP_API_INPUT_STATUS:
      g_value_set_string (value, self->api_input_status);
      break;

    case PROP_SUPPORTED_API_INPUTS:
      g_value_set_boxed (value, self->supported_api_inputs);
      break;

    case PROP_REQUIRES_FILES_API:
      g_value_set_boolean (value, self->requires_files_api);
      break;

    case PROP_REQUIRES_UPLOAD_FOR_MODES:
      g_value_set_boxed (value, self->requires_upload_for_modes);
      break;

    case PROP_URL_INPUT_SUPPORTED:
      g_value_set_boolean (value, self->url_input_supported);
      break;

    case PROP_FILE_KINDS:
      g_value_set_boxed (value, self->file_kinds);
      break;

    case PROP_CHAT_CAPABILITIES:
      g_value_set_object (value, self->chat_capabilities);
      break;

    case PROP_NOTICES:
      g_value_set_object (value, self->notices);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_model_class_init (RivyaModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_model_finalize;
  object_class->get_property = rivya_model_get_property;

  /**
   * RivyaModel:id:
   *
   * The model id to submit, such as `"z-image"`.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:display-name:
   *
   * The name to show; the id when the service gives none.
   */
  properties [PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:category:
   *
   * What the model makes: `"image"`, `"video"`, `"audio"` or `"chat"`; other
   * values may appear.
   */
  properties [PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:runtime:
   *
   * How it runs, such as `"async_task"` or `"chat"`.
   */
  properties [PROP_RUNTIME] =
    g_param_spec_string ("runtime", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:base-credits:
   *
   * The price in credits of one job (or what a chat turn reserves).
   */
  properties [PROP_BASE_CREDITS] =
    g_param_spec_int64 ("base-credits", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:billing-type:
   *
   * How it is billed: `"FIXED"`, `"TOKEN_BASED"` or `"METERED"`.
   */
  properties [PROP_BILLING_TYPE] =
    g_param_spec_string ("billing-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:supported-modes:
   *
   * The modes, such as `"text-to-image"` or `"image-to-video"`.
   */
  properties [PROP_SUPPORTED_MODES] =
    g_param_spec_boxed ("supported-modes", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:max-prompt-length:
   *
   * The longest prompt, in characters; 0 when not given.
   */
  properties [PROP_MAX_PROMPT_LENGTH] =
    g_param_spec_int64 ("max-prompt-length", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:reference-media:
   *
   * The reference media the model takes, or %NULL when it takes none.
   */
  properties [PROP_REFERENCE_MEDIA] =
    g_param_spec_object ("reference-media", NULL, NULL,
                         RIVYA_TYPE_REFERENCE_MEDIA,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:params:
   *
   * The model-specific parameters, a #GListModel of #RivyaModelParam.
   */
  properties [PROP_PARAMS] =
    g_param_spec_object ("params", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:api-status:
   *
   * Whether it can be called: `"available"`, `"coming_soon"` or
   * `"studio_only"`. See rivya_model_is_available().
   */
  properties [PROP_API_STATUS] =
    g_param_spec_string ("api-status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:api-input-status:
   *
   * What inputs work through the API: `"available_text"`,
   * `"available_url_input"`, `"partial_requires_files"` or
   * `"requires_files_api"`.
   */
  properties [PROP_API_INPUT_STATUS] =
    g_param_spec_string ("api-input-status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:supported-api-inputs:
   *
   * The kinds of input the API takes for this model, such as `"text"`.
   */
  properties [PROP_SUPPORTED_API_INPUTS] =
    g_param_spec_boxed ("supported-api-inputs", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:requires-files-api:
   *
   * Whether the model needs files uploaded through the Files API.
   */
  properties [PROP_REQUIRES_FILES_API] =
    g_param_spec_boolean ("requires-files-api", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:requires-upload-for-modes:
   *
   * The modes that need uploads.
   */
  properties [PROP_REQUIRES_UPLOAD_FOR_MODES] =
    g_param_spec_boxed ("requires-upload-for-modes", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:url-input-supported:
   *
   * Whether public URLs are accepted as inputs.
   */
  properties [PROP_URL_INPUT_SUPPORTED] =
    g_param_spec_boolean ("url-input-supported", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:file-kinds:
   *
   * The kinds of file the model takes.
   */
  properties [PROP_FILE_KINDS] =
    g_param_spec_boxed ("file-kinds", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:chat-capabilities:
   *
   * The capabilities of a chat model, or %NULL for other models.
   */
  properties [PROP_CHAT_CAPABILITIES] =
    g_param_spec_object ("chat-capabilities", NULL, NULL,
                         RIVYA_TYPE_CHAT_CAPABILITIES,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModel:notices:
   *
   * Notices to show beside the model, a #GListModel of #RivyaModelNotice.
   */
  properties [PROP_NOTICES] =
    g_param_spec_object ("notices", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_model_init (RivyaModel *self)
{
  self->supported_modes = g_new0 (char *, 1);
  self->params = g_list_store_new (RIVYA_TYPE_MODEL_PARAM);
  self->supported_api_inputs = g_new0 (char *, 1);
  self->requires_upload_for_modes = g_new0 (char *, 1);
  self->file_kinds = g_new0 (char *, 1);
  self->notices = g_list_store_new (RIVYA_TYPE_MODEL_NOTICE);
}

/**
 * rivya_model_new_from_json:
 * @object: one item of the `data` of `GET /api/v1/models`
 * @error: return location for a #GError
 *
 * Reads a model. Unknown members are ignored and optional ones may be missing
 * or null; a member of the wrong type, or a missing required one, is a
 * %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaModel, or %NULL with @error set
 */
RivyaModel *
rivya_model_new_from_json (JsonObject  *object,
                           GError     **error)
{
  g_autoptr(RivyaModel) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_MODEL, NULL);

  if (!_rivya_json_get_string (object, "model", "id", TRUE, &self->id, error) ||
      !_rivya_json_get_string (object, "model", "display_name", FALSE, &self->display_name,
                               error) ||
      !_rivya_json_get_string (object, "model", "category", FALSE, &self->category, error) ||
      !_rivya_json_get_string (object, "model", "runtime", FALSE, &self->runtime, error) ||
      !_rivya_json_get_int (object, "model", "base_credits", 0, &self->base_credits, error) ||
      !_rivya_json_get_string (object, "model", "billing_type", FALSE, &self->billing_type,
                               error) ||
      !_rivya_json_get_strv (object, "model", "supported_modes", &self->supported_modes, error) ||
      !_rivya_json_get_int (object, "model", "max_prompt_length", 0, &self->max_prompt_length,
                            error) ||
      !_rivya_json_get_child (object, "model", "reference_media",
                              (RivyaJsonObjectFunc)rivya_reference_media_new_from_json,
                              (gpointer *)&self->reference_media, error) ||
      !_rivya_json_get_string (object, "model", "api_status", FALSE, &self->api_status, error) ||
      !_rivya_json_get_string (object, "model", "api_input_status", FALSE,
                               &self->api_input_status, error) ||
      !_rivya_json_get_strv (object, "model", "supported_api_inputs",
                             &self->supported_api_inputs, error) ||
      !_rivya_json_get_boolean (object, "model", "requires_files_api", FALSE,
                                &self->requires_files_api, error) ||
      !_rivya_json_get_strv (object, "model", "requires_upload_for_modes",
                             &self->requires_upload_for_modes, error) ||
      !_rivya_json_get_boolean (object, "model", "url_input_supported", FALSE,
                                &self->url_input_supported, error) ||
      !_rivya_json_get_strv (object, "model", "file_kinds", &self->file_kinds, error) ||
      !_rivya_json_get_child (object, "model", "chat_capabilities",
                              (RivyaJsonObjectFunc)rivya_chat_capabilities_new_from_json,
                              (gpointer *)&self->chat_capabilities, error))
    return NULL;

  g_clear_object (&self->params);
  self->params = _rivya_json_get_list (object, "model", "params",
                                       RIVYA_TYPE_MODEL_PARAM,
                                       (RivyaJsonObjectFunc)rivya_model_param_new_from_json,
                                       error);
  if (self->params == NULL)
    return NULL;

  g_clear_object (&self->notices);
  self->notices = _rivya_json_get_list (object, "model", "notices",
                                        RIVYA_TYPE_MODEL_NOTICE,
                                        (RivyaJsonObjectFunc)rivya_model_notice_new_from_json,
                                        error);
  if (self->notices == NULL)
    return NULL;

  if (self->display_name == NULL)
    self->display_name = g_strdup (self->id);

  return g_steal_pointer (&self);
}

/**
 * rivya_model_is_available:
 * @self: a #RivyaModel
 *
 * Tells whether the model may be called through the API: only models
 * whose #RivyaModel:api-status is `"available"` may be submitted; the
 * others are shown, not offered.
 *
 * Returns: %TRUE if the model is available
 */
gboolean
rivya_model_is_available (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), FALSE);

  return g_strcmp0 (self->api_status, "available") == 0;
}

/**
 * rivya_model_is_chat:
 * @self: a #RivyaModel
 *
 * Tells whether the model is a chat model, which goes to the Chat API and
 * never to `/generations`.
 *
 * Returns: %TRUE for a chat model
 */
gboolean
rivya_model_is_chat (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), FALSE);

  return g_strcmp0 (self->category, "chat") == 0 || self->chat_capabilities != NULL;
}

/**
 * rivya_model_find_param:
 * @self: a #RivyaModel
 * @key: a parameter key, such as `"aspect_ratio"`
 *
 * Looks a parameter up by its key.
 *
 * Returns: (transfer none) (nullable): the parameter, or %NULL
 */
RivyaModelParam *
rivya_model_find_param (RivyaModel *self,
                        const char *key)
{
  guint n;

  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->params));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RivyaModelParam) param = g_list_model_get_item (G_LIST_MODEL (self->params), i);

      if (g_strcmp0 (rivya_model_param_get_key (param), key) == 0)
        return param;
    }

  return NULL;
}
