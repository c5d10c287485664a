/* rivya-reference-media.c
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

#include "rivya-reference-media.h"

#include "rivya-json-private.h"

/**
 * RivyaReferenceMedia:
 *
 * What reference files a model takes (B.6): the kinds, how many, and per kind
 * the size limit and content types. librivya checks uploads against it before
 * sending (see rivya_media_check()).
 */

struct _RivyaReferenceMedia
{
  GObject      parent_instance;

  char       **kinds;
  gint64       max_files;
  char       **required_for_modes;
  GHashTable  *max_bytes;
  GHashTable  *mime_types;
};

G_DEFINE_FINAL_TYPE (RivyaReferenceMedia, rivya_reference_media, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KINDS,
  PROP_MAX_FILES,
  PROP_REQUIRED_FOR_MODES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
free_strv (gpointer data)
{
  g_strfreev (data);
}

static gint64 *
int64_dup (gint64 value)
{
  return g_memdup2 (&value, sizeof value);
}

static void
rivya_reference_media_finalize (GObject *object)
{
  RivyaReferenceMedia *self = (RivyaReferenceMedia *)object;

  g_clear_pointer (&self->kinds, g_strfreev);
  g_clear_pointer (&self->required_for_modes, g_strfreev);
  g_clear_pointer (&self->max_bytes, g_hash_table_unref);
  g_clear_pointer (&self->mime_types, g_hash_table_unref);

  G_OBJECT_CLASS (rivya_reference_media_parent_class)->finalize (object);
}

static void
rivya_reference_media_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RivyaReferenceMedia *self = RIVYA_REFERENCE_MEDIA (object);

  switch (prop_id)
    {
    case PROP_KINDS:
      g_value_set_boxed (value, self->kinds);
      break;

    case PROP_MAX_FILES:
      g_value_set_int64 (value, self->max_files);
      break;

    case PROP_REQUIRED_FOR_MODES:
      g_value_set_boxed (value, self->required_for_modes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_reference_media_class_init (RivyaReferenceMediaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_reference_media_finalize;
  object_class->get_property = rivya_reference_media_get_property;

  /**
   * RivyaReferenceMedia:kinds:
   *
   * The kinds of reference the model takes, such as `"image"`.
   */
  properties [PROP_KINDS] =
    g_param_spec_boxed ("kinds", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaReferenceMedia:max-files:
   *
   * How many reference files one request may carry; 0 when not given.
   */
  properties [PROP_MAX_FILES] =
    g_param_spec_int64 ("max-files", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaReferenceMedia:required-for-modes:
   *
   * The modes that need reference files, such as `"image-to-video"`.
   */
  properties [PROP_REQUIRED_FOR_MODES] =
    g_param_spec_boxed ("required-for-modes", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_reference_media_init (RivyaReferenceMedia *self)
{
  self->kinds = g_new0 (char *, 1);
  self->required_for_modes = g_new0 (char *, 1);
  self->max_bytes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->mime_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_strv);
}

/**
 * rivya_reference_media_new_from_json:
 * @object: a model's `reference_media` object
 * @error: return location for a #GError
 *
 * Reads a reference media. Unknown members are ignored and optional ones may
 * be missing or null; a member of the wrong type, or a missing required one,
 * is a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaReferenceMedia, or %NULL with @error set
 */
RivyaReferenceMedia *
rivya_reference_media_new_from_json (JsonObject  *object,
                                     GError     **error)
{
  g_autoptr(RivyaReferenceMedia) self = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *max_bytes = NULL;
  JsonObject *mime_types = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_REFERENCE_MEDIA, NULL);

  if (!_rivya_json_get_strv (object, "reference media", "kinds", &self->kinds, error) ||
      !_rivya_json_get_int (object, "reference media", "max_files", 0, &self->max_files, error) ||
      !_rivya_json_get_strv (object, "reference media", "required_for_modes",
                             &self->required_for_modes, error))
    return NULL;

  if (!_rivya_json_get_object (object, "reference media", "max_bytes", &max_bytes, error) ||
      !_rivya_json_get_object (object, "reference media", "mime_types", &mime_types, error))
    return NULL;

  /* Per-kind maps: {"image": 10485760}, {"image": ["image/png", ...]}. */
  members = max_bytes ? json_object_get_members (max_bytes) : NULL;
  for (const GList *l = members; l != NULL; l = l->next)
    {
      gint64 value = 0;

      if (!_rivya_json_get_int (max_bytes, "reference media max_bytes", l->data, -1, &value, error))
        return NULL;
      if (value >= 0)
        g_hash_table_insert (self->max_bytes, g_strdup (l->data), int64_dup (value));
    }
  g_clear_pointer (&members, g_list_free);

  members = mime_types ? json_object_get_members (mime_types) : NULL;
  for (const GList *l = members; l != NULL; l = l->next)
    {
      char **types = NULL;

      if (!_rivya_json_get_strv (mime_types, "reference media mime_types", l->data, &types, error))
        return NULL;
      g_hash_table_insert (self->mime_types, g_strdup (l->data), types);
    }

  return g_steal_pointer (&self);
}

/**
 * rivya_reference_media_get_kinds:
 * @self: a #RivyaReferenceMedia
 *
 * Gets the #RivyaReferenceMedia:kinds property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaReferenceMedia:kinds
 */
const char * const *
rivya_reference_media_get_kinds (RivyaReferenceMedia *self)
{
  g_return_val_if_fail (RIVYA_IS_REFERENCE_MEDIA (self), NULL);

  return (const char * const *)self->kinds;
}

/**
 * rivya_reference_media_get_max_files:
 * @self: a #RivyaReferenceMedia
 *
 * Gets the #RivyaReferenceMedia:max-files property.
 *
 * Returns: the value of #RivyaReferenceMedia:max-files
 */
gint64
rivya_reference_media_get_max_files (RivyaReferenceMedia *self)
{
  g_return_val_if_fail (RIVYA_IS_REFERENCE_MEDIA (self), 0);

  return self->max_files;
}

/**
 * rivya_reference_media_get_required_for_modes:
 * @self: a #RivyaReferenceMedia
 *
 * Gets the #RivyaReferenceMedia:required-for-modes property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaReferenceMedia:required-for-modes
 */
const char * const *
rivya_reference_media_get_required_for_modes (RivyaReferenceMedia *self)
{
  g_return_val_if_fail (RIVYA_IS_REFERENCE_MEDIA (self), NULL);

  return (const char * const *)self->required_for_modes;
}

/**
 * rivya_reference_media_get_max_bytes:
 * @self: a #RivyaReferenceMedia
 * @kind: a kind, such as `"image"`
 *
 * Gives the model's own size limit for files of @kind.
 *
 * Returns: the limit in bytes, or -1 when the model gives none (the
 *   default of the kind then applies, see rivya_media_get_default_max_bytes())
 */
gint64
rivya_reference_media_get_max_bytes (RivyaReferenceMedia *self,
                                     const char          *kind)
{
  const gint64 *value;

  g_return_val_if_fail (RIVYA_IS_REFERENCE_MEDIA (self), -1);
  g_return_val_if_fail (kind != NULL, -1);

  value = g_hash_table_lookup (self->max_bytes, kind);
  return value ? *value : -1;
}

/**
 * rivya_reference_media_get_mime_types:
 * @self: a #RivyaReferenceMedia
 * @kind: a kind, such as `"image"`
 *
 * Gives the content types the model takes for files of @kind.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the MIME
 *   types, or %NULL when the model names none for @kind (the types of the
 *   kind then apply)
 */
const char * const *
rivya_reference_media_get_mime_types (RivyaReferenceMedia *self,
                                      const char          *kind)
{
  g_return_val_if_fail (RIVYA_IS_REFERENCE_MEDIA (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return g_hash_table_lookup (self->mime_types, kind);
}

/**
 * rivya_reference_media_accepts_kind:
 * @self: a #RivyaReferenceMedia
 * @kind: a kind, such as `"image"`
 *
 * Tells whether @kind is among #RivyaReferenceMedia:kinds.
 *
 * Returns: %TRUE if the model takes references of @kind
 */
gboolean
rivya_reference_media_accepts_kind (RivyaReferenceMedia *self,
                                    const char          *kind)
{
  g_return_val_if_fail (RIVYA_IS_REFERENCE_MEDIA (self), FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  return g_strv_contains ((const char * const *)self->kinds, kind);
}
