/* rivya-model-param.h
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

#include "rivya-types.h"

G_BEGIN_DECLS

/**
 * RivyaModelParamType:
 * @RIVYA_MODEL_PARAM_TYPE_SELECT: one of #RivyaModelParam:options, sent as a string
 * @RIVYA_MODEL_PARAM_TYPE_TEXT: free text
 * @RIVYA_MODEL_PARAM_TYPE_NUMBER: a JSON number, within #RivyaModelParam:min
 *   and #RivyaModelParam:max when they are given
 * @RIVYA_MODEL_PARAM_TYPE_BOOLEAN: true or false
 * @RIVYA_MODEL_PARAM_TYPE_UNKNOWN: a type this version does not know;
 *   rivya_model_param_get_type_name() gives it
 *
 * The type of a model parameter (B.6).
 */
typedef enum
{
  RIVYA_MODEL_PARAM_TYPE_SELECT,
  RIVYA_MODEL_PARAM_TYPE_TEXT,
  RIVYA_MODEL_PARAM_TYPE_NUMBER,
  RIVYA_MODEL_PARAM_TYPE_BOOLEAN,
  RIVYA_MODEL_PARAM_TYPE_UNKNOWN,
} RivyaModelParamType;

#define RIVYA_TYPE_MODEL_PARAM (rivya_model_param_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaModelParam, rivya_model_param, RIVYA, MODEL_PARAM, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaModelParam     *rivya_model_param_new_from_json      (JsonObject       *object,
                                                           GError          **error);
RIVYA_AVAILABLE_IN_ALL
const char          *rivya_model_param_get_key            (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
const char          *rivya_model_param_get_label          (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
const char          *rivya_model_param_get_type_name      (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
RivyaModelParamType  rivya_model_param_get_value_type     (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean             rivya_model_param_get_required       (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
JsonNode            *rivya_model_param_get_default_value  (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
const char * const  *rivya_model_param_get_options        (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
double               rivya_model_param_get_min            (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean             rivya_model_param_get_has_min        (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
double               rivya_model_param_get_max            (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean             rivya_model_param_get_has_max        (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
double               rivya_model_param_get_step           (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean             rivya_model_param_get_has_step       (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
const char          *rivya_model_param_get_description    (RivyaModelParam  *self);
RIVYA_AVAILABLE_IN_ALL
char                *rivya_model_param_dup_default_string (RivyaModelParam  *self);

G_END_DECLS
