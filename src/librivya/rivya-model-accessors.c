/* rivya-model-accessors.c
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

#include "rivya-model-private.h"

/**
 * rivya_model_get_id:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:id property.
 *
 * Returns: the value of #RivyaModel:id
 */
const char *
rivya_model_get_id (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->id;
}

/**
 * rivya_model_get_display_name:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:display-name property.
 *
 * Returns: (nullable): the value of #RivyaModel:display-name
 */
const char *
rivya_model_get_display_name (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->display_name;
}

/**
 * rivya_model_get_category:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:category property.
 *
 * Returns: (nullable): the value of #RivyaModel:category
 */
const char *
rivya_model_get_category (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->category;
}

/**
 * rivya_model_get_runtime:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:runtime property.
 *
 * Returns: (nullable): the value of #RivyaModel:runtime
 */
const char *
rivya_model_get_runtime (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->runtime;
}

/**
 * rivya_model_get_base_credits:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:base-credits property.
 *
 * Returns: the value of #RivyaModel:base-credits
 */
gint64
rivya_model_get_base_credits (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), 0);

  return self->base_credits;
}

/**
 * rivya_model_get_billing_type:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:billing-type property.
 *
 * Returns: (nullable): the value of #RivyaModel:billing-type
 */
const char *
rivya_model_get_billing_type (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->billing_type;
}

/**
 * rivya_model_get_supported_modes:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:supported-modes property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaModel:supported-modes
 */
const char * const *
rivya_model_get_supported_modes (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return (const char * const *)self->supported_modes;
}

/**
 * rivya_model_get_max_prompt_length:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:max-prompt-length property.
 *
 * Returns: the value of #RivyaModel:max-prompt-length
 */
gint64
rivya_model_get_max_prompt_length (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), 0);

  return self->max_prompt_length;
}

/**
 * rivya_model_get_reference_media:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:reference-media property.
 *
 * Returns: (transfer none) (nullable): the value of #RivyaModel:reference-
 * media
 */
RivyaReferenceMedia *
rivya_model_get_reference_media (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->reference_media;
}

/**
 * rivya_model_get_params:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:params property.
 *
 * Returns: (transfer none): the value of #RivyaModel:params
 */
GListModel *
rivya_model_get_params (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return G_LIST_MODEL (self->params);
}

/**
 * rivya_model_get_api_status:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:api-status property.
 *
 * Returns: (nullable): the value of #RivyaModel:api-status
 */
const char *
rivya_model_get_api_status (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->api_status;
}

/**
 * rivya_model_get_api_input_status:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:api-input-status property.
 *
 * Returns: (nullable): the value of #RivyaModel:api-input-status
 */
const char *
rivya_model_get_api_input_status (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->api_input_status;
}

/**
 * rivya_model_get_supported_api_inputs:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:supported-api-inputs property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaModel:supported-api-inputs
 */
const char * const *
rivya_model_get_supported_api_inputs (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return (const char * const *)self->supported_api_inputs;
}

/**
 * rivya_model_get_requires_files_api:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:requires-files-api property.
 *
 * Returns: the value of #RivyaModel:requires-files-api
 */
gboolean
rivya_model_get_requires_files_api (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), FALSE);

  return self->requires_files_api;
}

/**
 * rivya_model_get_requires_upload_for_modes:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:requires-upload-for-modes property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaModel:requires-upload-for-modes
 */
const char * const *
rivya_model_get_requires_upload_for_modes (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return (const char * const *)self->requires_upload_for_modes;
}

/**
 * rivya_model_get_url_input_supported:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:url-input-supported property.
 *
 * Returns: the value of #RivyaModel:url-input-supported
 */
gboolean
rivya_model_get_url_input_supported (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), FALSE);

  return self->url_input_supported;
}

/**
 * rivya_model_get_file_kinds:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:file-kinds property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaModel:file-kinds
 */
const char * const *
rivya_model_get_file_kinds (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return (const char * const *)self->file_kinds;
}

/**
 * rivya_model_get_chat_capabilities:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:chat-capabilities property.
 *
 * Returns: (transfer none) (nullable): the value of #RivyaModel:chat-
 * capabilities
 */
RivyaChatCapabilities *
rivya_model_get_chat_capabilities (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return self->chat_capabilities;
}

/**
 * rivya_model_get_notices:
 * @self: a #RivyaModel
 *
 * Gets the #RivyaModel:notices property.
 *
 * Returns: (transfer none): the value of #RivyaModel:notices
 */
GListModel *
rivya_model_get_notices (RivyaModel *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL (self), NULL);

  return G_LIST_MODEL (self->notices);
}
