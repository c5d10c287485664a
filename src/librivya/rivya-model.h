/* rivya-model.h
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

#pragma once

#if !defined(RIVYA_INSIDE) && !defined(RIVYA_COMPILATION)
# error "Only <rivya.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rivya-chat-capabilities.h"
#include "rivya-model-param.h"
#include "rivya-reference-media.h"
#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_MODEL (rivya_model_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaModel, rivya_model, RIVYA, MODEL, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaModel            *rivya_model_new_from_json                 (JsonObject  *object,
                                                                  GError     **error);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_model_get_id                        (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_model_get_display_name              (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_model_get_category                  (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_model_get_runtime                   (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
gint64                 rivya_model_get_base_credits              (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_model_get_billing_type              (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char * const    *rivya_model_get_supported_modes           (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
gint64                 rivya_model_get_max_prompt_length         (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
RivyaReferenceMedia   *rivya_model_get_reference_media           (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
GListModel            *rivya_model_get_params                    (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_model_get_api_status                (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_model_get_api_input_status          (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char * const    *rivya_model_get_supported_api_inputs      (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean               rivya_model_get_requires_files_api        (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char * const    *rivya_model_get_requires_upload_for_modes (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean               rivya_model_get_url_input_supported       (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
const char * const    *rivya_model_get_file_kinds                (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
RivyaChatCapabilities *rivya_model_get_chat_capabilities         (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
GListModel            *rivya_model_get_notices                   (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean               rivya_model_is_available                  (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean               rivya_model_is_chat                       (RivyaModel  *self);
RIVYA_AVAILABLE_IN_ALL
RivyaModelParam       *rivya_model_find_param                    (RivyaModel  *self,
                                                                  const char  *key);

G_END_DECLS
