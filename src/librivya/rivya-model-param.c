/* rivya-model-param.c
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

#include "rivya-model-param.h"

#include "rivya-enums.h"
#include "rivya-json-private.h"

/**
 * RivyaModelParam:
 *
 * One model-specific parameter (B.6), enough to build a form row: its key,
 * label, type, default and, by type, its options or range.
 */

struct _RivyaModelParam
{
  GObject               parent_instance;

  char                 *key;
  char                 *label;
  char                 *type_name;
  RivyaModelParamType   value_type;
  gboolean              required;
  JsonNode             *default_value;
  char                **options;
  double                min;
  gboolean              has_min;
  double                max;
  gboolean              has_max;
  double                step;
  gboolean              has_step;
  char                 *description;
};

G_DEFINE_FINAL_TYPE (RivyaModelParam, rivya_model_param, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_TYPE_NAME,
  PROP_VALUE_TYPE,
  PROP_REQUIRED,
  PROP_DEFAULT_VALUE,
  PROP_OPTIONS,
  PROP_MIN,
  PROP_HAS_MIN,
  PROP_MAX,
  PROP_HAS_MAX,
  PROP_STEP,
  PROP_HAS_STEP,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static RivyaModelParamType
param_type_from_string (const char *type)
{
  static const char * const names[] = { "select", "text", "number", "boolean" };

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (type, names[i]))
        return (RivyaModelParamType)i;
    }

  return RIVYA_MODEL_PARAM_TYPE_UNKNOWN;
}

static void
rivya_model_param_finalize (GObject *object)
{
  RivyaModelParam *self = (RivyaModelParam *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->type_name, g_free);
  g_clear_pointer (&self->default_value, json_node_unref);
  g_clear_pointer (&self->options, g_strfreev);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (rivya_model_param_parent_class)->finalize (object);
}

static void
rivya_model_param_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RivyaModelParam *self = RIVYA_MODEL_PARAM (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;

    case PROP_VALUE_TYPE:
      g_value_set_enum (value, self->value_type);
      break;

    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;

    case PROP_DEFAULT_VALUE:
      g_value_set_boxed (value, self->default_value);
      break;

    case PROP_OPTIONS:
      g_value_set_boxed (value, self->options);
      break;

    case PROP_MIN:
      g_value_set_double (value, self->min);
      break;

    case PROP_HAS_MIN:
      g_value_set_boolean (value, self->has_min);
      break;

    case PROP_MAX:
      g_value_set_double (value, self->max);
      break;

    case PROP_HAS_MAX:
      g_value_set_boolean (value, self->has_max);
      break;

    case PROP_STEP:
      g_value_set_double (value, self->step);
      break;

    case PROP_HAS_STEP:
      g_value_set_boolean (value, self->has_step);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_model_param_class_init (RivyaModelParamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_model_param_finalize;
  object_class->get_property = rivya_model_param_get_property;

  /**
   * RivyaModelParam:key:
   *
   * The key to set in the request's `params`, such as `"aspect_ratio"`.
   */
  properties [PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:label:
   *
   * A human-readable label.
   */
  properties [PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:type-name:
   *
   * The type as the service wrote it, such as `"select"`.
   */
  properties [PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:value-type:
   *
   * The type of the parameter; %RIVYA_MODEL_PARAM_TYPE_UNKNOWN for types this
   * version does not know.
   */
  properties [PROP_VALUE_TYPE] =
    g_param_spec_enum ("value-type", NULL, NULL,
                       RIVYA_TYPE_MODEL_PARAM_TYPE,
                       RIVYA_MODEL_PARAM_TYPE_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:required:
   *
   * Whether a request must set this parameter.
   */
  properties [PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:default-value:
   *
   * The default value, any JSON value, or %NULL when there is none.
   */
  properties [PROP_DEFAULT_VALUE] =
    g_param_spec_boxed ("default-value", NULL, NULL,
                        JSON_TYPE_NODE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:options:
   *
   * The choices of a select parameter, as strings; empty for other types.
   */
  properties [PROP_OPTIONS] =
    g_param_spec_boxed ("options", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:min:
   *
   * The smallest value of a number parameter, when #RivyaModelParam:has-min
   * is set.
   */
  properties [PROP_MIN] =
    g_param_spec_double ("min", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:has-min:
   *
   * Whether #RivyaModelParam:min was given.
   */
  properties [PROP_HAS_MIN] =
    g_param_spec_boolean ("has-min", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:max:
   *
   * The largest value of a number parameter, when #RivyaModelParam:has-max is
   * set.
   */
  properties [PROP_MAX] =
    g_param_spec_double ("max", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:has-max:
   *
   * Whether #RivyaModelParam:max was given.
   */
  properties [PROP_HAS_MAX] =
    g_param_spec_boolean ("has-max", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:step:
   *
   * The step of a number parameter, when #RivyaModelParam:has-step is set.
   */
  properties [PROP_STEP] =
    g_param_spec_double ("step", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:has-step:
   *
   * Whether #RivyaModelParam:step was given.
   */
  properties [PROP_HAS_STEP] =
    g_param_spec_boolean ("has-step", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelParam:description:
   *
   * A longer explanation, for a tooltip or subtitle.
   */
  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_model_param_init (RivyaModelParam *self)
{
  self->value_type = RIVYA_MODEL_PARAM_TYPE_UNKNOWN;
  self->options = g_new0 (char *, 1);
}

/**
 * rivya_model_param_new_from_json:
 * @object: one item of a model's `params`
 * @error: return location for a #GError
 *
 * Reads a model param. Unknown members are ignored and optional ones may be
 * missing or null; a member of the wrong type, or a missing required one, is
 * a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaModelParam, or %NULL with @error set
 */
RivyaModelParam *
rivya_model_param_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  g_autoptr(RivyaModelParam) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_MODEL_PARAM, NULL);

  if (!_rivya_json_get_string (object, "model param", "key", TRUE, &self->key, error) ||
      !_rivya_json_get_string (object, "model param", "label", FALSE, &self->label, error) ||
      !_rivya_json_get_string (object, "model param", "type", FALSE, &self->type_name, error) ||
      !_rivya_json_get_boolean (object, "model param", "required", FALSE, &self->required,
                                error) ||
      !_rivya_json_get_node (object, "model param", "default", &self->default_value, error) ||
      !_rivya_json_get_scalars (object, "model param", "options", &self->options, error) ||
      !_rivya_json_get_double (object, "model param", "min", 0, &self->min, error) ||
      !_rivya_json_get_double (object, "model param", "max", 0, &self->max, error) ||
      !_rivya_json_get_double (object, "model param", "step", 0, &self->step, error) ||
      !_rivya_json_get_string (object, "model param", "description", FALSE, &self->description,
                               error))
    return NULL;

  self->value_type = param_type_from_string (self->type_name);

  self->has_min = _rivya_json_has (object, "min");
  self->has_max = _rivya_json_has (object, "max");
  self->has_step = _rivya_json_has (object, "step");

  return g_steal_pointer (&self);
}

/**
 * rivya_model_param_get_key:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:key property.
 *
 * Returns: the value of #RivyaModelParam:key
 */
const char *
rivya_model_param_get_key (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), NULL);

  return self->key;
}

/**
 * rivya_model_param_get_label:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:label property.
 *
 * Returns: (nullable): the value of #RivyaModelParam:label
 */
const char *
rivya_model_param_get_label (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), NULL);

  return self->label;
}

/**
 * rivya_model_param_get_type_name:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:type-name property.
 *
 * Returns: (nullable): the value of #RivyaModelParam:type-name
 */
const char *
rivya_model_param_get_type_name (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), NULL);

  return self->type_name;
}

/**
 * rivya_model_param_get_value_type:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:value-type property.
 *
 * Returns: the value of #RivyaModelParam:value-type
 */
RivyaModelParamType
rivya_model_param_get_value_type (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), RIVYA_MODEL_PARAM_TYPE_UNKNOWN);

  return self->value_type;
}

/**
 * rivya_model_param_get_required:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:required property.
 *
 * Returns: the value of #RivyaModelParam:required
 */
gboolean
rivya_model_param_get_required (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), FALSE);

  return self->required;
}

/**
 * rivya_model_param_get_default_value:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:default-value property.
 *
 * Returns: (transfer none) (nullable): the value of #RivyaModelParam:default-
 * value
 */
JsonNode *
rivya_model_param_get_default_value (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), NULL);

  return self->default_value;
}

/**
 * rivya_model_param_get_options:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:options property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaModelParam:options
 */
const char * const *
rivya_model_param_get_options (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), NULL);

  return (const char * const *)self->options;
}

/**
 * rivya_model_param_get_min:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:min property.
 *
 * Returns: the value of #RivyaModelParam:min
 */
double
rivya_model_param_get_min (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), 0);

  return self->min;
}

/**
 * rivya_model_param_get_has_min:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:has-min property.
 *
 * Returns: the value of #RivyaModelParam:has-min
 */
gboolean
rivya_model_param_get_has_min (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), FALSE);

  return self->has_min;
}

/**
 * rivya_model_param_get_max:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:max property.
 *
 * Returns: the value of #RivyaModelParam:max
 */
double
rivya_model_param_get_max (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), 0);

  return self->max;
}

/**
 * rivya_model_param_get_has_max:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:has-max property.
 *
 * Returns: the value of #RivyaModelParam:has-max
 */
gboolean
rivya_model_param_get_has_max (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), FALSE);

  return self->has_max;
}

/**
 * rivya_model_param_get_step:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:step property.
 *
 * Returns: the value of #RivyaModelParam:step
 */
double
rivya_model_param_get_step (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), 0);

  return self->step;
}

/**
 * rivya_model_param_get_has_step:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:has-step property.
 *
 * Returns: the value of #RivyaModelParam:has-step
 */
gboolean
rivya_model_param_get_has_step (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), FALSE);

  return self->has_step;
}

/**
 * rivya_model_param_get_description:
 * @self: a #RivyaModelParam
 *
 * Gets the #RivyaModelParam:description property.
 *
 * Returns: (nullable): the value of #RivyaModelParam:description
 */
const char *
rivya_model_param_get_description (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), NULL);

  return self->description;
}

/**
 * rivya_model_param_dup_default_string:
 * @self: a #RivyaModelParam
 *
 * Gives the default value as text, the way select values travel: a
 * string as it is, a number or boolean as JSON writes it.
 *
 * Returns: (transfer full) (nullable): the default as a string, or %NULL
 *   when there is none or it is not a scalar
 */
char *
rivya_model_param_dup_default_string (RivyaModelParam *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_PARAM (self), NULL);

  if (self->default_value == NULL || !JSON_NODE_HOLDS_VALUE (self->default_value))
    return NULL;
  if (json_node_get_value_type (self->default_value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (self->default_value));
  return _rivya_json_to_string (self->default_value);
}
