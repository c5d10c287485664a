/* rivya-json.c
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

#include "rivya-json-private.h"

#include <math.h>

#include "rivya-error-private.h"

static const char *
node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

static gboolean
wrong_type (JsonNode    *node,
            const char  *what,
            const char  *member,
            const char  *expected,
            GError     **error)
{
  g_propagate_error (error,
                     _rivya_error_new (RIVYA_ERROR_PARSE, NULL, 0, NULL, member, 0,
                                       "Could not read the %s: “%s” is %s, not %s",
                                       what, member, node_type_name (node), expected));
  return FALSE;
}

/* Missing and null mean the same: "not given". */
static JsonNode *
get_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
holds (JsonNode *node,
       GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

gboolean
_rivya_json_get_string (JsonObject  *object,
                        const char  *what,
                        const char  *member,
                        gboolean     required,
                        char       **out,
                        GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    {
      if (required)
        {
          g_propagate_error (error,
                             _rivya_error_new (RIVYA_ERROR_PARSE, NULL, 0, NULL, member, 0,
                                               "Could not read the %s: “%s” is missing",
                                               what, member));
          return FALSE;
        }
      g_clear_pointer (out, g_free);
      return TRUE;
    }

  if (!holds (node, G_TYPE_STRING))
    return wrong_type (node, what, member, "a string", error);

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
_rivya_json_get_int (JsonObject  *object,
                     const char  *what,
                     const char  *member,
                     gint64       default_value,
                     gint64      *out,
                     GError     **error)
{
  JsonNode *node = get_member (object, member);
  double d;

  if (node == NULL)
    {
      *out = default_value;
      return TRUE;
    }

  if (holds (node, G_TYPE_INT64))
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  /* 3.0 is an integer written by a language without integers. */
  if (holds (node, G_TYPE_DOUBLE) &&
      isfinite (d = json_node_get_double (node)) && d == floor (d) &&
      d >= -9.0e15 && d <= 9.0e15)
    {
      *out = (gint64)d;
      return TRUE;
    }

  return wrong_type (node, what, member, "an integer", error);
}

gboolean
_rivya_json_get_double (JsonObject  *object,
                        const char  *what,
                        const char  *member,
                        double       default_value,
                        double      *out,
                        GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    {
      *out = default_value;
      return TRUE;
    }

  if (holds (node, G_TYPE_INT64))
    *out = (double)json_node_get_int (node);
  else if (holds (node, G_TYPE_DOUBLE))
    *out = json_node_get_double (node);
  else
    return wrong_type (node, what, member, "a number", error);

  return TRUE;
}

gboolean
_rivya_json_get_boolean (JsonObject  *object,
                         const char  *what,
                         const char  *member,
                         gboolean     default_value,
                         gboolean    *out,
                         GError     **error)
{
  JsonNode *node = get_member (object, member);

  if (node == NULL)
    {
      *out = default_value;
      return TRUE;
    }

  if (!holds (node, G_TYPE_BOOLEAN))
    return wrong_type (node, what, member, "a boolean", error);

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_rivya_json_get_strv (JsonObject   *object,
                      const char   *what,
                      const char   *member,
                      char       ***out,
                      GError      **error)
{
  JsonNode *node = get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (node, what, member, "an array of strings", error);

  array = node ? json_node_get_array (node) : NULL;
  n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!holds (element, G_TYPE_STRING))
        {
          g_autofree char *name = g_strdup_printf ("%s[%u]", member, i);
          return wrong_type (element, what, name, "a string", error);
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Like _rivya_json_get_strv(), but numbers and booleans are taken as
 * their text: select options travel as strings, yet a service may well
 * write ["5", 10] (A.4). */
gboolean
_rivya_json_get_scalars (JsonObject   *object,
                         const char   *what,
                         const char   *member,
                         char       ***out,
                         GError      **error)
{
  JsonNode *node = get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (node, what, member, "an array", error);

  array = node ? json_node_get_array (node) : NULL;
  n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (holds (element, G_TYPE_STRING))
        g_strv_builder_add (builder, json_node_get_string (element));
      else if (holds (element, G_TYPE_INT64) || holds (element, G_TYPE_DOUBLE) ||
               holds (element, G_TYPE_BOOLEAN))
        {
          g_autofree char *text = _rivya_json_to_string (element);
          g_strv_builder_add (builder, text);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("%s[%u]", member, i);
          return wrong_type (element, what, name, "a string", error);
        }
    }

  g_strfreev (*out);
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_rivya_json_has (JsonObject *object,
                 const char *member)
{
  return get_member (object, member) != NULL;
}

gboolean
_rivya_json_require (JsonObject  *object,
                     const char  *what,
                     const char  *member,
                     GError     **error)
{
  if (get_member (object, member) != NULL)
    return TRUE;

  g_propagate_error (error,
                     _rivya_error_new (RIVYA_ERROR_PARSE, NULL, 0, NULL, member, 0,
                                       "Could not read the %s: “%s” is missing", what, member));
  return FALSE;
}

gboolean
_rivya_json_get_object (JsonObject  *object,
                        const char  *what,
                        const char  *member,
                        JsonObject **out,
                        GError     **error)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return wrong_type (node, what, member, "an object", error);
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_rivya_json_get_array (JsonObject  *object,
                       const char  *what,
                       const char  *member,
                       JsonArray  **out,
                       GError     **error)
{
  JsonNode *node = get_member (object, member);

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (node, what, member, "an array", error);
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_rivya_json_get_node (JsonObject  *object,
                      const char  *what,
                      const char  *member,
                      JsonNode   **out,
                      GError     **error)
{
  JsonNode *node = get_member (object, member);

  g_clear_pointer (out, json_node_unref);
  if (node != NULL)
    *out = json_node_copy (node);
  return TRUE;
}

GListStore *
_rivya_json_get_list (JsonObject           *object,
                      const char           *what,
                      const char           *member,
                      GType                 item_type,
                      RivyaJsonObjectFunc   item_func,
                      GError              **error)
{
  g_autoptr(GListStore) store = g_list_store_new (item_type);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array = NULL;
  guint n;

  if (!_rivya_json_get_array (object, what, member, &array, error))
    return NULL;

  n = array ? json_array_get_length (array) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      gpointer item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *name = g_strdup_printf ("%s[%u]", member, i);
          wrong_type (element, what, name, "an object", error);
          return NULL;
        }

      if (!(item = item_func (json_node_get_object (element), &local_error)))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "In “%s[%u]”: ", member, i);
          return NULL;
        }
      g_ptr_array_add (items, item);
    }

  /* One splice, so that a view sees a single items-changed. */
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return g_steal_pointer (&store);
}

gboolean
_rivya_json_get_child (JsonObject           *object,
                       const char           *what,
                       const char           *member,
                       RivyaJsonObjectFunc   func,
                       gpointer             *out,
                       GError              **error)
{
  JsonObject *child = NULL;
  g_autoptr(GError) local_error = NULL;

  g_clear_object (out);
  if (!_rivya_json_get_object (object, what, member, &child, error))
    return FALSE;
  if (child == NULL)
    return TRUE;

  if (!(*out = func (child, &local_error)))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "In “%s”: ", member);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
_rivya_json_parse_object (GBytes      *bytes,
                          const char  *what,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gsize len = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;

  if (data == NULL || len == 0)
    {
      g_propagate_error (error,
                         _rivya_error_new (RIVYA_ERROR_PARSE, NULL, 0, NULL, NULL, 0,
                                           "Could not read the %s: the answer is empty", what));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_propagate_error (error,
                         _rivya_error_new (RIVYA_ERROR_PARSE, NULL, 0, NULL, NULL, 0,
                                           "Could not read the %s: the answer is not JSON (%s)",
                                           what, local_error->message));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error,
                         _rivya_error_new (RIVYA_ERROR_PARSE, NULL, 0, NULL, NULL, 0,
                                           "Could not read the %s: the answer is not a JSON object",
                                           what));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

char *
_rivya_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* g_set_str() of GLib 2.76: replaces *field with a copy of value and
 * says whether it changed, so setters notify only on a change. */
gboolean
_rivya_set_str (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
