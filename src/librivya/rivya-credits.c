/* rivya-credits.c
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

#include "rivya-credits.h"

#include "rivya-json-private.h"

/**
 * RivyaCredits:
 *
 * The balance of the account's wallet (A.7).
 */

struct _RivyaCredits
{
  GObject parent_instance;

  gint64  current_credits;
};

G_DEFINE_FINAL_TYPE (RivyaCredits, rivya_credits, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT_CREDITS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_credits_finalize (GObject *object)
{
  G_OBJECT_CLASS (rivya_credits_parent_class)->finalize (object);
}

static void
rivya_credits_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RivyaCredits *self = RIVYA_CREDITS (object);

  switch (prop_id)
    {
    case PROP_CURRENT_CREDITS:
      g_value_set_int64 (value, self->current_credits);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_credits_class_init (RivyaCreditsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_credits_finalize;
  object_class->get_property = rivya_credits_get_property;

  /**
   * RivyaCredits:current-credits:
   *
   * The balance, in credits.
   */
  properties [PROP_CURRENT_CREDITS] =
    g_param_spec_int64 ("current-credits", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_credits_init (RivyaCredits *self)
{
}

/**
 * rivya_credits_new_from_json:
 * @object: the answer of `GET /api/v1/credits`
 * @error: return location for a #GError
 *
 * Reads the credits. Unknown members are ignored and optional ones may be
 * missing or null; a member of the wrong type, or a missing required one, is
 * a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaCredits, or %NULL with @error set
 */
RivyaCredits *
rivya_credits_new_from_json (JsonObject  *object,
                             GError     **error)
{
  g_autoptr(RivyaCredits) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_CREDITS, NULL);

  if (!_rivya_json_require (object, "credits", "current_credits", error) ||
      !_rivya_json_get_int (object, "credits", "current_credits", 0, &self->current_credits,
                            error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_credits_get_current_credits:
 * @self: a #RivyaCredits
 *
 * Gets the #RivyaCredits:current-credits property.
 *
 * Returns: the value of #RivyaCredits:current-credits
 */
gint64
rivya_credits_get_current_credits (RivyaCredits *self)
{
  g_return_val_if_fail (RIVYA_IS_CREDITS (self), 0);

  return self->current_credits;
}
