/* srv-catalog.c
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#include "config.h"

#include <math.h>

#include "srv-catalog.h"

static JsonArray *
load (void)
{
  static JsonArray *models;

  if (g_once_init_enter (&models))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *arr;

      bytes = g_resources_lookup_data ("/io/github/rivyadesktop/RivyaServer/models.json",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      /* The catalog is compiled in: failing here is a build error. */
      if (bytes == NULL ||
          !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                       g_bytes_get_size (bytes), NULL))
        g_error ("The built-in model catalog is missing or broken");

      arr = json_array_ref (json_node_get_array (json_parser_get_root (parser)));
      g_once_init_leave (&models, arr);
    }

  return models;
}

JsonArray *
srv_catalog_get_models (void)
{
  return load ();
}

JsonObject *
srv_catalog_find (const char *model_id)
{
  JsonArray *models = load ();

  if (model_id == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject *m = json_array_get_object_element (models, i);

      if (g_strcmp0 (json_object_get_string_member (m, "id"), model_id) == 0)
        return m;
    }
  return NULL;
}

static JsonObject *
find_param (JsonObject *model,
            const char *key)
{
  JsonArray *params = json_object_get_array_member (model, "params");

  for (guint i = 0; i < json_array_get_length (params); i++)
    {
      JsonObject *p = json_array_get_object_element (params, i);

      if (g_str_equal (json_object_get_string_member (p, "key"), key))
        return p;
    }
  return NULL;
}

static char *
join_options (JsonArray *options)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (options); i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, json_array_get_string_element (options, i));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
is_number (JsonNode *node)
{
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

/* Checks one value against its schema entry; returns the value to store
 * (booleans sent as "true"/"false" strings are normalised) or NULL. */
static JsonNode *
check_value (JsonObject  *spec,
             JsonNode    *value,
             char       **message)
{
  const char *key = json_object_get_string_member (spec, "key");
  const char *type = json_object_get_string_member (spec, "type");

  if (g_str_equal (type, "select"))
    {
      JsonArray *options = json_object_get_array_member (spec, "options");
      const char *s;

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        {
          s = json_node_get_string (value);
          for (guint i = 0; i < json_array_get_length (options); i++)
            {
              if (g_str_equal (s, json_array_get_string_element (options, i)))
                return json_node_copy (value);
            }
        }
      {
        g_autofree char *list = join_options (options);
        *message = g_strdup_printf ("%s must be one of: %s (as a string)", key, list);
      }
      return NULL;
    }

  if (g_str_equal (type, "number"))
    {
      double v, min, max, step;

      if (!is_number (value))
        {
          *message = g_strdup_printf ("%s must be a number", key);
          return NULL;
        }
      v = json_node_get_double (value);
      min = json_object_get_double_member_with_default (spec, "min", -G_MAXDOUBLE);
      max = json_object_get_double_member_with_default (spec, "max", G_MAXDOUBLE);
      step = json_object_get_double_member_with_default (spec, "step", 0);
      if (!isfinite (v) || v < min || v > max)
        {
          *message = g_strdup_printf ("%s must be between %g and %g", key, min, max);
          return NULL;
        }
      if (step > 0)
        {
          double n = (v - min) / step;

          if (fabs (n - round (n)) > 1e-9)
            {
              *message = g_strdup_printf ("%s must be a multiple of %g from %g", key, step, min);
              return NULL;
            }
        }
      return json_node_copy (value);
    }

  if (g_str_equal (type, "boolean"))
    {
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
        return json_node_copy (value);
      /* The documented API sends some flags as strings: accept those. */
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
          (g_str_equal (json_node_get_string (value), "true") ||
           g_str_equal (json_node_get_string (value), "false")))
        {
          JsonNode *b = json_node_new (JSON_NODE_VALUE);
          json_node_set_boolean (b, g_str_equal (json_node_get_string (value), "true"));
          return b;
        }
      *message = g_strdup_printf ("%s must be true or false", key);
      return NULL;
    }

  if (g_str_equal (type, "text"))
    {
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING &&
          g_utf8_strlen (json_node_get_string (value), -1) <= 4000)
        return json_node_copy (value);
      *message = g_strdup_printf ("%s must be a string of at most 4000 characters", key);
      return NULL;
    }

  *message = g_strdup_printf ("%s has an unknown type", key);
  return NULL;
}

JsonObject *
srv_catalog_validate_params (JsonObject  *model,
                             JsonNode    *params,
                             char       **bad_param,
                             char       **message)
{
  g_autoptr(JsonObject) filled = json_object_new ();
  JsonArray *specs = json_object_get_array_member (model, "params");
  JsonObject *given = NULL;

  *bad_param = NULL;
  *message = NULL;

  if (params != NULL && !JSON_NODE_HOLDS_NULL (params))
    {
      if (!JSON_NODE_HOLDS_OBJECT (params))
        {
          *bad_param = g_strdup ("params");
          *message = g_strdup ("params must be an object");
          return NULL;
        }
      given = json_node_get_object (params);
    }

  if (given != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (given);

      for (const GList *l = members; l; l = l->next)
        {
          const char *key = l->data;
          JsonObject *spec;
          JsonNode *ok;

          if (g_str_equal (key, "referenceMediaItems"))
            continue;

          if (!(spec = find_param (model, key)))
            {
              *bad_param = g_strdup_printf ("params.%s", key);
              *message = g_strdup_printf ("%s has no parameter “%s”",
                                          json_object_get_string_member (model, "id"), key);
              return NULL;
            }

          if (!(ok = check_value (spec, json_object_get_member (given, key), message)))
            {
              *bad_param = g_strdup_printf ("params.%s", key);
              return NULL;
            }
          json_object_set_member (filled, key, ok);
        }
    }

  for (guint i = 0; i < json_array_get_length (specs); i++)
    {
      JsonObject *spec = json_array_get_object_element (specs, i);
      const char *key = json_object_get_string_member (spec, "key");
      JsonNode *def;

      if (json_object_has_member (filled, key))
        continue;

      if (json_object_get_boolean_member_with_default (spec, "required", FALSE))
        {
          *bad_param = g_strdup_printf ("params.%s", key);
          *message = g_strdup_printf ("%s is required", key);
          return NULL;
        }

      def = json_object_get_member (spec, "default");
      if (def != NULL && !JSON_NODE_HOLDS_NULL (def))
        json_object_set_member (filled, key, json_node_copy (def));
    }

  return g_steal_pointer (&filled);
}

gint64
srv_catalog_max_reference_bytes (JsonObject *model,
                                 const char *kind)
{
  JsonObject *ref = json_object_get_object_member (model, "reference_media");
  JsonObject *max;

  if (ref == NULL || !(max = json_object_get_object_member (ref, "max_bytes")))
    return -1;
  return json_object_get_int_member_with_default (max, kind, -1);
}

gboolean
srv_catalog_accepts_mime (JsonObject *model,
                          const char *kind,
                          const char *mime_type)
{
  JsonObject *ref = json_object_get_object_member (model, "reference_media");
  JsonObject *types;
  JsonArray *list;

  if (ref == NULL || !(types = json_object_get_object_member (ref, "mime_types")))
    return FALSE;
  if (!(list = json_object_get_array_member (types, kind)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      if (g_strcmp0 (json_array_get_string_element (list, i), mime_type) == 0)
        return TRUE;
    }
  return FALSE;
}
