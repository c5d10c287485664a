/* rivya-model-notice.c
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

#include "rivya-model-notice.h"

#include "rivya-json-private.h"

/**
 * RivyaModelNotice:
 *
 * A notice of a model (B.6): a short text the service wants shown beside the
 * model, such as what a local model really does.
 */

struct _RivyaModelNotice
{
  GObject  parent_instance;

  char    *level;
  char    *text;
};

G_DEFINE_FINAL_TYPE (RivyaModelNotice, rivya_model_notice, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_model_notice_finalize (GObject *object)
{
  RivyaModelNotice *self = (RivyaModelNotice *)object;

  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (rivya_model_notice_parent_class)->finalize (object);
}

static void
rivya_model_notice_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RivyaModelNotice *self = RIVYA_MODEL_NOTICE (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_model_notice_class_init (RivyaModelNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_model_notice_finalize;
  object_class->get_property = rivya_model_notice_get_property;

  /**
   * RivyaModelNotice:level:
   *
   * How prominent the notice is: `"info"` or `"warning"`; other values may
   * appear.
   */
  properties [PROP_LEVEL] =
    g_param_spec_string ("level", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaModelNotice:text:
   *
   * The text of the notice.
   */
  properties [PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_model_notice_init (RivyaModelNotice *self)
{
}

/**
 * rivya_model_notice_new_from_json:
 * @object: one item of a model's `notices`
 * @error: return location for a #GError
 *
 * Reads a model notice. Unknown members are ignored and optional ones may be
 * missing or null; a member of the wrong type, or a missing required one, is
 * a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaModelNotice, or %NULL with @error set
 */
RivyaModelNotice *
rivya_model_notice_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  g_autoptr(RivyaModelNotice) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_MODEL_NOTICE, NULL);

  if (!_rivya_json_get_string (object, "model notice", "level", FALSE, &self->level, error) ||
      !_rivya_json_get_string (object, "model notice", "text", FALSE, &self->text, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_model_notice_get_level:
 * @self: a #RivyaModelNotice
 *
 * Gets the #RivyaModelNotice:level property.
 *
 * Returns: (nullable): the value of #RivyaModelNotice:level
 */
const char *
rivya_model_notice_get_level (RivyaModelNotice *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_NOTICE (self), NULL);

  return self->level;
}

/**
 * rivya_model_notice_get_text:
 * @self: a #RivyaModelNotice
 *
 * Gets the #RivyaModelNotice:text property.
 *
 * Returns: (nullable): the value of #RivyaModelNotice:text
 */
const char *
rivya_model_notice_get_text (RivyaModelNotice *self)
{
  g_return_val_if_fail (RIVYA_IS_MODEL_NOTICE (self), NULL);

  return self->text;
}
