/* test-openapi.c
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

#include <string.h>

#include "srv-error.h"
#include "srv-server.h"
#include "srv-test-utils.h"

/* The OpenAPI document must describe exactly what the server serves: the
 * route table, the error codes and the JSON it really answers. These
 * tests hold the three together, so that none of them can drift alone. */

#define OPENAPI_RESOURCE "/io/github/rivyadesktop/RivyaServer/openapi.json"

/* GET paths also answer HEAD; the document spells HEAD out only where
 * clients rely on it, the media URLs that players probe. */
#define MEDIA_PATTERN "/media/{token}"

static const char * const http_methods[] = {
  "get", "put", "post", "delete", "options", "head", "patch", "trace", NULL
};

/* Small accessors that never warn: the document is under test, so a
 * missing or mistyped member must fail an assertion, not log a
 * critical. */

static JsonNode *
member (JsonObject *obj,
        const char *name)
{
  return obj != NULL ? json_object_get_member (obj, name) : NULL;
}

static JsonObject *
object_member (JsonObject *obj,
               const char *name)
{
  JsonNode *node = member (obj, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *obj,
              const char *name)
{
  JsonNode *node = member (obj, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static const char *
node_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
string_member (JsonObject *obj,
               const char *name)
{
  return node_string (member (obj, name));
}

static gboolean
node_is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
node_is_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static JsonNode *
parse_json (const char *text,
            gssize      len)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  return json_node_ref (json_parser_get_root (parser));
}

static GBytes *
load_resource (void)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resources_lookup_data (OPENAPI_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static JsonNode *
load_document (void)
{
  g_autoptr(GBytes) bytes = load_resource ();
  JsonNode *doc;

  doc = parse_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (doc));
  return doc;
}

/* A JSON Pointer (RFC 6901) inside the document, as "$ref" uses them. */
static JsonNode *
resolve_ref (JsonNode   *doc,
             const char *ref)
{
  g_auto(GStrv) tokens = NULL;
  JsonNode *node = doc;

  if (ref == NULL || !g_str_has_prefix (ref, "#/"))
    return NULL;

  tokens = g_strsplit (ref + 2, "/", -1);
  for (guint i = 0; tokens[i] != NULL && node != NULL; i++)
    {
      g_autoptr(GString) token = g_string_new (tokens[i]);

      g_string_replace (token, "~1", "/", 0);
      g_string_replace (token, "~0", "~", 0);

      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          node = json_object_get_member (json_node_get_object (node), token->str);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index;

          if (!g_ascii_string_to_unsigned (token->str, 10, 0, G_MAXUINT, &index, NULL) ||
              index >= json_array_get_length (array))
            return NULL;
          node = json_array_get_element (array, index);
        }
      else
        {
          return NULL;
        }
    }

  return node;
}

/* Follows a Reference Object ({"$ref": ...}) to what it names, or
 * returns the object itself. */
static JsonObject *
deref_object (JsonNode   *doc,
              JsonObject *obj)
{
  const char *ref = string_member (obj, "$ref");
  JsonNode *target;

  if (ref == NULL)
    return obj;
  target = resolve_ref (doc, ref);
  g_assert_nonnull (target);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (target));
  return json_node_get_object (target);
}

static JsonObject *
find_operation (JsonNode   *doc,
                const char *path,
                const char *method)
{
  JsonObject *paths = object_member (json_node_get_object (doc), "paths");
  g_autofree char *lower = g_ascii_strdown (method, -1);

  return object_member (object_member (paths, path), lower);
}

/* A JSON Schema checker, for the subset of JSON Schema 2020-12 the
 * document uses: $ref, anyOf, oneOf, allOf, type (with type arrays for
 * nullable values), enum, const, required, properties,
 * additionalProperties, items, minItems, pattern, minLength, maxLength,
 * format (date-time, uri), minimum and maximum. Other keywords are
 * annotations here. */

static gboolean schema_fail (char       **reason,
                             const char  *format,
                             ...) G_GNUC_PRINTF (2, 3);

static gboolean
schema_fail (char       **reason,
             const char  *format,
             ...)
{
  va_list args;

  /* The innermost failure is the useful one: keep the first. */
  if (*reason == NULL)
    {
      va_start (args, format);
      *reason = g_strdup_vprintf (format, args);
      va_end (args);
    }
  return FALSE;
}

static const char *
json_kind (JsonNode *value)
{
  switch (json_node_get_node_type (value))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (value) == G_TYPE_STRING)
        return "string";
      if (json_node_get_value_type (value) == G_TYPE_BOOLEAN)
        return "boolean";
      if (json_node_get_value_type (value) == G_TYPE_INT64)
        return "integer";
      return "number";
    default:
      return "unknown";
    }
}

static gboolean
type_matches (const char *type,
              JsonNode   *value)
{
  const char *kind = json_kind (value);

  if (type == NULL)
    return FALSE;
  if (g_str_equal (type, kind))
    return TRUE;
  if (g_str_equal (type, "number"))
    return g_str_equal (kind, "integer");
  /* 2020-12: an integer is any number with a zero fractional part. */
  if (g_str_equal (type, "integer") && g_str_equal (kind, "number"))
    {
      double d = json_node_get_double (value);
      return d == (double)(gint64)d;
    }
  return FALSE;
}

static gboolean schema_check (JsonNode    *doc,
                              JsonNode    *schema,
                              JsonNode    *value,
                              const char  *path,
                              char       **reason);

static gboolean
check_combinators (JsonNode    *doc,
                   JsonObject  *schema,
                   JsonNode    *value,
                   const char  *path,
                   char       **reason)
{
  JsonArray *list;

  if ((list = array_member (schema, "allOf")) != NULL)
    {
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          if (!schema_check (doc, json_array_get_element (list, i), value, path, reason))
            return FALSE;
        }
    }

  if ((list = array_member (schema, "anyOf")) != NULL)
    {
      g_autofree char *last = NULL;
      gboolean matched = FALSE;

      for (guint i = 0; i < json_array_get_length (list) && !matched; i++)
        {
          g_clear_pointer (&last, g_free);
          matched = schema_check (doc, json_array_get_element (list, i), value, path, &last);
        }
      if (!matched)
        return schema_fail (reason, "%s: matches no anyOf alternative (last: %s)", path,
                            last ? last : "empty anyOf");
    }

  if ((list = array_member (schema, "oneOf")) != NULL)
    {
      guint matches = 0;

      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          g_autofree char *ignored = NULL;

          if (schema_check (doc, json_array_get_element (list, i), value, path, &ignored))
            matches++;
        }
      if (matches != 1)
        return schema_fail (reason, "%s: matches %u oneOf alternatives, not exactly one",
                            path, matches);
    }

  return TRUE;
}

static gboolean
check_type_and_values (JsonObject  *schema,
                       JsonNode    *value,
                       const char  *path,
                       char       **reason)
{
  JsonNode *node;
  JsonArray *list;

  if ((node = member (schema, "type")) != NULL)
    {
      gboolean matched = FALSE;

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          list = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (list) && !matched; i++)
            matched = type_matches (node_string (json_array_get_element (list, i)), value);
        }
      else
        {
          matched = type_matches (node_string (node), value);
        }

      if (!matched)
        {
          g_autofree char *wanted = json_to_string (node, FALSE);
          return schema_fail (reason, "%s: is %s, not of type %s", path, json_kind (value), wanted);
        }
    }

  if ((list = array_member (schema, "enum")) != NULL)
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < json_array_get_length (list) && !matched; i++)
        matched = json_node_equal (json_array_get_element (list, i), value);
      if (!matched)
        {
          g_autofree char *got = json_to_string (value, FALSE);
          return schema_fail (reason, "%s: %s is not one of the enum values", path, got);
        }
    }

  if ((node = member (schema, "const")) != NULL && !json_node_equal (node, value))
    {
      g_autofree char *got = json_to_string (value, FALSE);
      return schema_fail (reason, "%s: %s is not the const value", path, got);
    }

  return TRUE;
}

static gboolean
check_string (JsonObject  *schema,
              const char  *str,
              const char  *path,
              char       **reason)
{
  const char *pattern = string_member (schema, "pattern");
  const char *format = string_member (schema, "format");
  glong len = g_utf8_strlen (str, -1);
  JsonNode *node;

  if (pattern != NULL)
    {
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GError) error = NULL;

      regex = g_regex_new (pattern, 0, 0, &error);
      if (regex == NULL)
        return schema_fail (reason, "%s: the schema's pattern %s is invalid: %s", path, pattern,
                            error->message);
      /* Patterns are not anchored implicitly, as in ECMA-262. */
      if (!g_regex_match (regex, str, 0, NULL))
        return schema_fail (reason, "%s: “%s” does not match %s", path, str, pattern);
    }

  if ((node = member (schema, "minLength")) != NULL && len < json_node_get_int (node))
    return schema_fail (reason, "%s: “%s” is shorter than %" G_GINT64_FORMAT, path, str,
                        json_node_get_int (node));

  if ((node = member (schema, "maxLength")) != NULL && len > json_node_get_int (node))
    return schema_fail (reason, "%s: “%s” is longer than %" G_GINT64_FORMAT, path, str,
                        json_node_get_int (node));

  if (g_strcmp0 (format, "date-time") == 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (str, NULL);

      if (dt == NULL)
        return schema_fail (reason, "%s: “%s” is not a date-time", path, str);
    }

  if (g_strcmp0 (format, "uri") == 0 && !g_uri_is_valid (str, G_URI_FLAGS_NONE, NULL))
    return schema_fail (reason, "%s: “%s” is not an absolute URI", path, str);

  return TRUE;
}

static gboolean
check_number (JsonObject  *schema,
              double       number,
              const char  *path,
              char       **reason)
{
  JsonNode *node;

  if ((node = member (schema, "minimum")) != NULL && node_is_number (node) &&
      number < json_node_get_double (node))
    return schema_fail (reason, "%s: %.15g is below the minimum %.15g", path, number,
                        json_node_get_double (node));

  if ((node = member (schema, "maximum")) != NULL && node_is_number (node) &&
      number > json_node_get_double (node))
    return schema_fail (reason, "%s: %.15g is above the maximum %.15g", path, number,
                        json_node_get_double (node));

  return TRUE;
}

static gboolean
check_object (JsonNode    *doc,
              JsonObject  *schema,
              JsonObject  *obj,
              const char  *path,
              char       **reason)
{
  JsonObject *properties = object_member (schema, "properties");
  JsonNode *additional = member (schema, "additionalProperties");
  JsonArray *required = array_member (schema, "required");
  g_autoptr(GList) names = json_object_get_members (obj);

  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    {
      const char *name = node_string (json_array_get_element (required, i));

      if (name == NULL || !json_object_has_member (obj, name))
        return schema_fail (reason, "%s: the required member “%s” is missing", path,
                            name ? name : "(not a string)");
    }

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *child = g_strdup_printf ("%s.%s", path, name);
      JsonNode *sub = member (properties, name);

      if (sub != NULL)
        {
          if (!schema_check (doc, sub, json_object_get_member (obj, name), child, reason))
            return FALSE;
        }
      else if (additional != NULL &&
               !schema_check (doc, additional, json_object_get_member (obj, name), child, reason))
        {
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_array (JsonNode    *doc,
             JsonObject  *schema,
             JsonArray   *array,
             const char  *path,
             char       **reason)
{
  JsonNode *items = member (schema, "items");
  JsonNode *min_items = member (schema, "minItems");
  guint len = json_array_get_length (array);

  if (min_items != NULL && len < json_node_get_int (min_items))
    return schema_fail (reason, "%s: has %u items, fewer than %" G_GINT64_FORMAT, path, len,
                        json_node_get_int (min_items));

  for (guint i = 0; items != NULL && i < len; i++)
    {
      g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

      if (!schema_check (doc, items, json_array_get_element (array, i), child, reason))
        return FALSE;
    }

  return TRUE;
}

static gboolean
schema_check (JsonNode    *doc,
              JsonNode    *schema,
              JsonNode    *value,
              const char  *path,
              char       **reason)
{
  JsonObject *s;
  const char *ref;

  if (schema == NULL)
    return schema_fail (reason, "%s: no schema", path);

  /* Boolean schemas: true accepts anything, false nothing. */
  if (JSON_NODE_HOLDS_VALUE (schema) && json_node_get_value_type (schema) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (schema) ? TRUE
                                          : schema_fail (reason, "%s: not allowed here", path);

  if (!JSON_NODE_HOLDS_OBJECT (schema))
    return schema_fail (reason, "%s: the schema is neither an object nor a boolean", path);
  s = json_node_get_object (schema);

  /* In 2020-12, $ref applies alongside its sibling keywords. */
  if ((ref = string_member (s, "$ref")) != NULL)
    {
      JsonNode *target = resolve_ref (doc, ref);

      if (target == NULL)
        return schema_fail (reason, "%s: the $ref %s does not resolve", path, ref);
      if (!schema_check (doc, target, value, path, reason))
        return FALSE;
    }

  if (!check_combinators (doc, s, value, path, reason) ||
      !check_type_and_values (s, value, path, reason))
    return FALSE;

  if (JSON_NODE_HOLDS_OBJECT (value))
    return check_object (doc, s, json_node_get_object (value), path, reason);
  if (JSON_NODE_HOLDS_ARRAY (value))
    return check_array (doc, s, json_node_get_array (value), path, reason);
  if (node_string (value) != NULL)
    return check_string (s, node_string (value), path, reason);
  if (node_is_number (value))
    return check_number (s, json_node_get_double (value), path, reason);

  return TRUE;
}

/* Checks a header's text against its schema: integers are compared as
 * numbers, everything else as a string. */
static gboolean
check_header_value (JsonNode    *doc,
                    JsonNode    *schema,
                    const char  *name,
                    const char  *text,
                    char       **reason)
{
  g_autoptr(JsonNode) value = json_node_new (JSON_NODE_VALUE);
  JsonNode *type = JSON_NODE_HOLDS_OBJECT (schema)
                   ? member (json_node_get_object (schema), "type") : NULL;
  gint64 n;

  if (g_strcmp0 (node_string (type), "integer") == 0)
    {
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &n, NULL))
        return schema_fail (reason, "header %s: “%s” is not an integer", name, text);
      json_node_set_int (value, n);
    }
  else
    {
      json_node_set_string (value, text);
    }

  return schema_check (doc, schema, value, name, reason);
}

/* Asserts that a live answer is one the document promises for this
 * operation: a documented status, every required header (each valid),
 * and a JSON body that fits the documented schema. */
static void
assert_conforms (JsonNode        *doc,
                 const char      *path,
                 const char      *method,
                 SrvTestResponse *resp)
{
  JsonObject *operation = find_operation (doc, path, method);
  g_autofree char *status = g_strdup_printf ("%u", resp->status);
  g_autofree char *where = g_strdup_printf ("%s %s → %u", method, path, resp->status);
  JsonObject *response, *headers, *content;
  g_autoptr(GList) names = NULL;

  if (operation == NULL)
    g_error ("%s: the operation is not documented", where);

  response = object_member (object_member (operation, "responses"), status);
  if (response == NULL)
    g_error ("%s: the status is not documented", where);
  response = deref_object (doc, response);

  headers = object_member (response, "headers");
  names = headers ? json_object_get_members (headers) : NULL;
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *header = deref_object (doc, object_member (headers, l->data));
      const char *text = soup_message_headers_get_one (resp->headers, l->data);
      g_autofree char *reason = NULL;

      if (text == NULL)
        {
          if (node_is_true (member (header, "required")))
            g_error ("%s: the required header %s is missing", where, (const char *)l->data);
          continue;
        }
      if (!check_header_value (doc, member (header, "schema"), l->data, text, &reason))
        g_error ("%s: %s", where, reason);
    }

  content = object_member (response, "content");
  if (content == NULL || g_str_equal (method, "HEAD"))
    {
      g_assert_cmpuint (g_bytes_get_size (resp->body), ==, 0);
      return;
    }

  if (json_object_has_member (content, "application/json"))
    {
      JsonNode *schema = member (object_member (content, "application/json"), "schema");
      g_autofree char *reason = NULL;

      if (resp->json == NULL)
        g_error ("%s: the body is not application/json", where);
      if (!schema_check (doc, schema, resp->json, "$", &reason))
        g_error ("%s: the body does not fit its schema: %s", where, reason);
    }
}

static SrvTestResponse *
send_head (SrvTestServer *srv,
           const char    *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("HEAD", url);

  g_assert_nonnull (msg);
  return srv_test_send (srv, msg);
}

/* Tests of the document itself */

static void
test_document_parses (void)
{
  g_autoptr(JsonNode) doc = load_document ();
  JsonObject *root = json_node_get_object (doc);
  JsonObject *info = object_member (root, "info");
  JsonObject *scheme;

  g_assert_cmpstr (string_member (root, "openapi"), ==, "3.1.0");
  g_assert_nonnull (string_member (info, "title"));
  g_assert_nonnull (string_member (info, "version"));
  g_assert_nonnull (string_member (info, "description"));

  /* The bearer scheme every authenticated operation names. */
  scheme = object_member (object_member (object_member (root, "components"), "securitySchemes"),
                          "apiKey");
  g_assert_nonnull (scheme);
  g_assert_cmpstr (string_member (scheme, "type"), ==, "http");
  g_assert_cmpstr (string_member (scheme, "scheme"), ==, "bearer");
}

static void
test_document_routes (void)
{
  g_autoptr(JsonNode) doc = load_document ();
  g_autoptr(GHashTable) documented = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) served = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) operation_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree SrvRouteInfo *routes = NULL;
  JsonObject *paths = object_member (json_node_get_object (doc), "paths");
  g_autoptr(GList) path_names = NULL;
  GHashTableIter iter;
  const char *key;
  guint n_routes = 0;

  g_assert_nonnull (paths);

  routes = srv_server_list_routes (&n_routes);
  g_assert_cmpuint (n_routes, >, 0);
  for (guint i = 0; i < n_routes; i++)
    {
      g_autofree char *method = g_ascii_strdown (routes[i].method, -1);

      g_hash_table_add (served, g_strdup_printf ("%s %s", method, routes[i].pattern));
      if (g_str_equal (routes[i].pattern, MEDIA_PATTERN) && g_str_equal (method, "get"))
        g_hash_table_add (served, g_strdup_printf ("head %s", routes[i].pattern));
    }

  path_names = json_object_get_members (paths);
  for (const GList *l = path_names; l != NULL; l = l->next)
    {
      JsonObject *item = object_member (paths, l->data);

      g_assert_nonnull (item);
      for (guint m = 0; http_methods[m] != NULL; m++)
        {
          JsonObject *operation = object_member (item, http_methods[m]);
          const char *operation_id = string_member (operation, "operationId");

          if (operation == NULL)
            continue;

          g_hash_table_add (documented, g_strdup_printf ("%s %s", http_methods[m],
                                                         (const char *)l->data));

          /* Every operation is complete and uniquely named. */
          g_assert_nonnull (operation_id);
          g_assert_false (g_hash_table_contains (operation_ids, operation_id));
          g_hash_table_add (operation_ids, (gpointer)operation_id);
          g_assert_nonnull (string_member (operation, "summary"));
          g_assert_nonnull (string_member (operation, "description"));
          g_assert_cmpuint (json_object_get_size (object_member (operation, "responses")), >, 0);
        }
    }

  g_hash_table_iter_init (&iter, served);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, NULL))
    {
      if (!g_hash_table_contains (documented, key))
        g_error ("The server serves %s, which the document does not describe", key);
    }

  g_hash_table_iter_init (&iter, documented);
  while (g_hash_table_iter_next (&iter, (gpointer *)&key, NULL))
    {
      if (!g_hash_table_contains (served, key))
        g_error ("The document describes %s, which the server does not serve", key);
    }

  g_assert_cmpuint (g_hash_table_size (documented), ==, g_hash_table_size (served));
}

static gboolean
has_parameter (JsonNode   *doc,
               JsonObject *operation,
               const char *in,
               const char *name)
{
  JsonArray *parameters = array_member (operation, "parameters");

  for (guint i = 0; parameters != NULL && i < json_array_get_length (parameters); i++)
    {
      JsonNode *node = json_array_get_element (parameters, i);
      JsonObject *parameter;

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      parameter = deref_object (doc, json_node_get_object (node));
      if (g_strcmp0 (string_member (parameter, "in"), in) == 0 &&
          g_ascii_strcasecmp (string_member (parameter, "name"), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_operation_access (JsonNode   *doc,
                         const char *pattern,
                         const char *method,
                         const char *scope)
{
  JsonObject *operation = find_operation (doc, pattern, method);
  JsonArray *security = array_member (operation, "security");
  const char *description = string_member (operation, "description");

  g_assert_nonnull (operation);
  g_assert_nonnull (security);
  g_assert_nonnull (description);

  if (scope == NULL)
    {
      /* Public: an explicit empty requirement, and the description says so. */
      g_assert_cmpuint (json_array_get_length (security), ==, 0);
      g_assert_nonnull (strstr (description, "Public"));
    }
  else
    {
      JsonNode *requirement;
      JsonArray *scopes;

      g_assert_cmpuint (json_array_get_length (security), ==, 1);
      requirement = json_array_get_element (security, 0);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (requirement));
      g_assert_cmpuint (json_object_get_size (json_node_get_object (requirement)), ==, 1);
      scopes = array_member (json_node_get_object (requirement), "apiKey");
      g_assert_nonnull (scopes);
      g_assert_cmpuint (json_array_get_length (scopes), ==, 1);
      g_assert_cmpstr (node_string (json_array_get_element (scopes, 0)), ==, scope);
      g_assert_nonnull (strstr (description, scope));
    }
}

static void
test_document_access (void)
{
  g_autoptr(JsonNode) doc = load_document ();
  g_autofree SrvRouteInfo *routes = NULL;
  guint n_routes = 0;

  routes = srv_server_list_routes (&n_routes);
  for (guint i = 0; i < n_routes; i++)
    {
      JsonObject *operation = find_operation (doc, routes[i].pattern, routes[i].method);
      g_auto(GStrv) segments = g_strsplit (routes[i].pattern, "/", -1);

      assert_operation_access (doc, routes[i].pattern, routes[i].method, routes[i].scope);

      /* Every path parameter of the pattern is declared... */
      for (guint s = 0; segments[s] != NULL; s++)
        {
          g_autofree char *name = NULL;

          if (segments[s][0] != '{')
            continue;
          name = g_strndup (segments[s] + 1, strlen (segments[s]) - 2);
          g_assert_true (has_parameter (doc, operation, "path", name));
        }

      /* ...and so is Idempotency-Key, which every POST honours (B.3). */
      if (g_str_equal (routes[i].method, "POST"))
        g_assert_true (has_parameter (doc, operation, "header", "Idempotency-Key"));
    }

  assert_operation_access (doc, MEDIA_PATTERN, "HEAD", NULL);
  g_assert_true (has_parameter (doc, find_operation (doc, MEDIA_PATTERN, "GET"),
                                "header", "Range"));
  g_assert_true (has_parameter (doc, find_operation (doc, MEDIA_PATTERN, "HEAD"),
                                "header", "Range"));
}

static void
collect_refs (JsonNode  *node,
              GPtrArray *refs)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (obj);

      for (const GList *l = names; l != NULL; l = l->next)
        {
          JsonNode *child = json_object_get_member (obj, l->data);

          if (g_str_equal (l->data, "$ref"))
            {
              g_assert_nonnull (node_string (child));
              g_ptr_array_add (refs, (gpointer)node_string (child));
            }
          else
            {
              collect_refs (child, refs);
            }
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_refs (json_array_get_element (array, i), refs);
    }
}

static void
test_document_refs (void)
{
  g_autoptr(JsonNode) doc = load_document ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();

  collect_refs (doc, refs);
  g_assert_cmpuint (refs->len, >, 0);

  for (guint i = 0; i < refs->len; i++)
    {
      const char *ref = g_ptr_array_index (refs, i);

      if (!g_str_has_prefix (ref, "#/components/"))
        g_error ("%s does not point into components", ref);
      if (resolve_ref (doc, ref) == NULL)
        g_error ("%s does not resolve", ref);
    }
}

static JsonNode *
error_code_schema (JsonNode *doc)
{
  JsonNode *code = resolve_ref (doc, "#/components/schemas/Error/properties/error/properties/code");

  g_assert_nonnull (code);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (code));
  return code;
}

static void
test_document_error_codes (void)
{
  g_autoptr(JsonNode) doc = load_document ();
  JsonArray *codes = array_member (json_node_get_object (error_code_schema (doc)), "enum");
  g_autoptr(GHashTable) documented = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_nonnull (codes);
  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      const char *code = node_string (json_array_get_element (codes, i));

      g_assert_nonnull (code);
      g_assert_false (g_hash_table_contains (documented, code));
      g_hash_table_add (documented, (gpointer)code);
    }

  g_assert_cmpuint (g_hash_table_size (documented), ==, SRV_ERROR_LAST);
  for (guint i = 0; i < SRV_ERROR_LAST; i++)
    {
      const char *code = srv_error_code_to_string (i);

      if (!g_hash_table_contains (documented, code))
        g_error ("The error code %s is missing from the Error schema", code);
    }
}

static gboolean
lookup_error_status (const char *code,
                     guint      *status)
{
  for (guint i = 0; i < SRV_ERROR_LAST; i++)
    {
      if (g_str_equal (srv_error_code_to_string (i), code))
        {
          *status = srv_error_code_to_status (i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Each error example sits under the HTTP status its code really has. */
static void
check_error_example (JsonNode   *doc,
                     const char *status,
                     JsonObject *response)
{
  JsonObject *media = object_member (object_member (deref_object (doc, response), "content"),
                                     "application/json");
  JsonObject *example = object_member (object_member (media, "example"), "error");
  const char *code = string_member (example, "code");
  g_autofree char *reason = NULL;
  guint expected = 0;

  if (example == NULL)
    return;

  g_assert_nonnull (code);
  g_assert_true (lookup_error_status (code, &expected));
  g_assert_cmpuint (expected, ==, g_ascii_strtoull (status, NULL, 10));
  if (!schema_check (doc, member (media, "schema"), member (media, "example"), "example", &reason))
    g_error ("The example of a %s answer does not fit its schema: %s", status, reason);
}

static void
test_document_error_examples (void)
{
  g_autoptr(JsonNode) doc = load_document ();
  JsonObject *paths = object_member (json_node_get_object (doc), "paths");
  g_autoptr(GList) path_names = json_object_get_members (paths);
  guint n_checked = 0;

  for (const GList *l = path_names; l != NULL; l = l->next)
    {
      for (guint m = 0; http_methods[m] != NULL; m++)
        {
          JsonObject *responses = object_member (object_member (object_member (paths, l->data),
                                                                http_methods[m]),
                                                 "responses");
          g_autoptr(GList) statuses = responses ? json_object_get_members (responses) : NULL;

          for (const GList *s = statuses; s != NULL; s = s->next)
            {
              if (((const char *)s->data)[0] < '4')
                continue;
              check_error_example (doc, s->data, object_member (responses, s->data));
              n_checked++;
            }
        }
    }
  g_assert_cmpuint (n_checked, >, 0);
}

/* The checker itself: it must accept what fits and reject what does not,
 * or the live tests below prove nothing. */

typedef struct
{
  const char *schema;
  const char *json;
  gboolean    valid;
} CheckerCase;

#define GOOD_TASK "\"id\":\"task_0123456789ABCDEFGHIJabcd\",\"object\":\"generation\""
#define GOOD_TIMES \
  "\"created_at\":\"2026-05-10T00:00:00.000Z\",\"updated_at\":\"2026-05-10T00:01:00.000Z\""
#define GOOD_RESULT \
  "\"result\":{\"primary_url\":\"http://127.0.0.1:1/media/a.png\"," \
  "\"urls\":[\"http://127.0.0.1:1/media/a.png\"]}"

static const CheckerCase checker_cases[] = {
  { "Credits", "{\"object\":\"credits\",\"current_credits\":5}", TRUE },
  { "Credits", "{\"object\":\"credits\",\"current_credits\":5,\"extra\":true}", TRUE },
  { "Credits", "{\"object\":\"credits\"}", FALSE },
  { "Credits", "{\"object\":\"credits\",\"current_credits\":\"5\"}", FALSE },
  { "Credits", "{\"object\":\"credits\",\"current_credits\":1.5}", FALSE },
  { "Credits", "{\"object\":\"wallet\",\"current_credits\":5}", FALSE },
  { "Credits", "{\"object\":\"credits\",\"current_credits\":-1}", FALSE },
  { "Credits", "[]", FALSE },
  { "Generation", "{" GOOD_TASK ",\"status\":\"succeeded\",\"model\":\"local-image\","
    "\"reserved_credits\":1,\"final_credits\":1," GOOD_TIMES "," GOOD_RESULT ","
    "\"error\":null,\"client_request_id\":null}", TRUE },
  { "Generation", "{" GOOD_TASK ",\"status\":\"queued\",\"model\":\"local-image\","
    "\"reserved_credits\":1,\"final_credits\":null," GOOD_TIMES ",\"result\":null,"
    "\"error\":null,\"client_request_id\":\"trace\"}", TRUE },
  { "Generation", "{" GOOD_TASK ",\"status\":\"done\",\"model\":\"local-image\","
    "\"reserved_credits\":1,\"final_credits\":1," GOOD_TIMES "," GOOD_RESULT ","
    "\"error\":null,\"client_request_id\":null}", FALSE },
  { "Generation", "{" GOOD_TASK ",\"status\":\"queued\",\"model\":\"local-image\","
    "\"reserved_credits\":1,\"final_credits\":\"1\"," GOOD_TIMES ",\"result\":null,"
    "\"error\":null,\"client_request_id\":null}", FALSE },
  { "Generation", "{" GOOD_TASK ",\"status\":\"queued\",\"model\":\"local-image\","
    "\"reserved_credits\":1,\"final_credits\":null," GOOD_TIMES ",\"result\":42,"
    "\"error\":null,\"client_request_id\":null}", FALSE },
  { "Generation", "{" GOOD_TASK ",\"status\":\"succeeded\",\"model\":\"local-image\","
    "\"reserved_credits\":1,\"final_credits\":1," GOOD_TIMES ","
    "\"result\":{\"primary_url\":\"http://127.0.0.1:1/media/a.png\",\"urls\":[1]},"
    "\"error\":null,\"client_request_id\":null}", FALSE },
  { "Generation", "{\"id\":\"task_short\",\"object\":\"generation\",\"status\":\"queued\","
    "\"model\":\"local-image\",\"reserved_credits\":1,\"final_credits\":null," GOOD_TIMES ","
    "\"result\":null,\"error\":null,\"client_request_id\":null}", FALSE },
  { "Generation", "{" GOOD_TASK ",\"status\":\"queued\",\"model\":\"local-image\","
    "\"reserved_credits\":1,\"final_credits\":null,\"created_at\":\"yesterday\","
    "\"updated_at\":\"2026-05-10T00:01:00.000Z\",\"result\":null,\"error\":null,"
    "\"client_request_id\":null}", FALSE },
  { "Generation", "{" GOOD_TASK ",\"status\":\"failed\",\"model\":\"local-image\","
    "\"reserved_credits\":1,\"final_credits\":0," GOOD_TIMES ",\"result\":null,"
    "\"error\":{\"code\":\"generation_failed\"},\"client_request_id\":null}", FALSE },
  { "ModelList", "{\"object\":\"list\",\"data\":[]}", TRUE },
  { "ModelList", "{\"object\":\"list\",\"data\":[{}]}", FALSE },
  { "ModelList", "{\"object\":\"list\"}", FALSE },
  { "GenerationCreate", "{\"model\":\"local-image\",\"prompt\":\"x\",\"params\":"
    "{\"referenceMediaItems\":[{\"url\":\"http://127.0.0.1:1/media/a.png\",\"kind\":\"image\"}]}}",
    TRUE },
  { "GenerationCreate", "{\"model\":\"local-image\",\"prompt\":\"x\",\"files\":[]}", FALSE },
  { "GenerationCreate", "{\"model\":\"local-image\",\"prompt\":\"x\",\"params\":"
    "{\"referenceMediaItems\":[{\"url\":\"http://127.0.0.1:1/media/a.png\",\"kind\":\"text\"}]}}",
    FALSE },
  { "Error", "{\"error\":{\"code\":\"not_found\",\"message\":\"m\","
    "\"requestId\":\"req_0123456789ABCDEFGHIJabcd\"}}", TRUE },
  { "Error", "{\"error\":{\"code\":\"teapot\",\"message\":\"m\","
    "\"requestId\":\"req_0123456789ABCDEFGHIJabcd\"}}", FALSE },
  { "Error", "{\"error\":{\"code\":\"not_found\",\"message\":\"m\"}}", FALSE },
};

static void
test_checker (void)
{
  g_autoptr(JsonNode) doc = load_document ();

  for (guint i = 0; i < G_N_ELEMENTS (checker_cases); i++)
    {
      g_autofree char *ref = g_strconcat ("#/components/schemas/", checker_cases[i].schema, NULL);
      g_autoptr(JsonNode) value = parse_json (checker_cases[i].json, -1);
      g_autofree char *reason = NULL;
      gboolean valid;

      g_assert_nonnull (resolve_ref (doc, ref));
      valid = schema_check (doc, resolve_ref (doc, ref), value, "$", &reason);
      if (valid != checker_cases[i].valid)
        g_error ("Case %u (%s) was %s: %s", i, checker_cases[i].schema,
                 valid ? "accepted" : "rejected", reason ? reason : checker_cases[i].json);
      g_assert_true (valid == (reason == NULL));
    }
}

/* Tests against the real server */

static void
test_served (void)
{
  g_autoptr(SrvTestServer) srv = srv_test_server_start (NULL);
  g_autoptr(SrvTestResponse) resp = NULL;
  g_autoptr(GBytes) resource = load_resource ();
  g_autoptr(JsonNode) doc = load_document ();

  resp = srv_test_call (srv, "GET", "/api/v1/openapi.json", NULL, NULL, NULL);
  srv_assert_status (resp, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (resp->headers, NULL), ==,
                   "application/json");
  g_assert_true (g_bytes_equal (resp->body, resource));
  assert_conforms (doc, "/api/v1/openapi.json", "GET", resp);
}

static void
test_live_models_and_credits (void)
{
  g_autoptr(SrvTestServer) srv = srv_test_server_start (NULL);
  g_autoptr(JsonNode) doc = load_document ();
  g_autoptr(SrvTestResponse) models = NULL;
  g_autoptr(SrvTestResponse) credits = NULL;

  models = srv_test_call (srv, "GET", "/api/v1/models", NULL, NULL, NULL);
  srv_assert_status (models, 200);
  assert_conforms (doc, "/api/v1/models", "GET", models);

  credits = srv_test_call (srv, "GET", "/api/v1/credits", srv->key, NULL, NULL);
  srv_assert_status (credits, 200);
  assert_conforms (doc, "/api/v1/credits", "GET", credits);
}

static void
test_live_errors (void)
{
  g_autoptr(SrvTestServer) srv = srv_test_server_start (NULL);
  g_autoptr(JsonNode) doc = load_document ();
  g_autofree char *reader = srv_test_new_account_key (srv, "reader", 10, "credits:read");
  g_autofree char *broke = srv_test_new_account_key (srv, "broke", 0, NULL);
  g_autoptr(SrvTestResponse) resp = NULL;

  resp = srv_test_call (srv, "GET", "/api/v1/credits", NULL, NULL, NULL);
  srv_assert_error (resp, 401, "api_key_missing");
  assert_conforms (doc, "/api/v1/credits", "GET", resp);
  g_clear_pointer (&resp, srv_test_response_free);

  resp = srv_test_call (srv, "GET", "/api/v1/credits", "rvya_sk_nope", NULL, NULL);
  srv_assert_error (resp, 401, "api_key_invalid");
  assert_conforms (doc, "/api/v1/credits", "GET", resp);
  g_clear_pointer (&resp, srv_test_response_free);

  resp = srv_test_call (srv, "GET", "/api/v1/generations/task_000000000000000000000000",
                        reader, NULL, NULL);
  srv_assert_error (resp, 403, "api_scope_denied");
  assert_conforms (doc, "/api/v1/generations/{taskId}", "GET", resp);
  g_clear_pointer (&resp, srv_test_response_free);

  resp = srv_test_call (srv, "GET", "/api/v1/generations/task_000000000000000000000000",
                        srv->key, NULL, NULL);
  srv_assert_error (resp, 404, "not_found");
  assert_conforms (doc, "/api/v1/generations/{taskId}", "GET", resp);
  g_clear_pointer (&resp, srv_test_response_free);

  resp = srv_test_call (srv, "GET", "/api/v1/files/file_000000000000000000000000",
                        srv->key, NULL, NULL);
  srv_assert_error (resp, 404, "not_found");
  assert_conforms (doc, "/api/v1/files/{fileId}", "GET", resp);
  g_clear_pointer (&resp, srv_test_response_free);

  /* 405 is answered on the path, for a method the document does not list. */
  resp = srv_test_call (srv, "POST", "/api/v1/credits", srv->key, "{}", NULL);
  srv_assert_error (resp, 405, "method_not_allowed");
  assert_conforms (doc, "/api/v1/credits", "GET", resp);
  g_clear_pointer (&resp, srv_test_response_free);

  resp = srv_test_call (srv, "POST", "/api/v1/generations", srv->key,
                        "{\"model\":\"local-image\",\"prompt\":\"\"}", NULL);
  srv_assert_error (resp, 400, "validation_failed");
  g_assert_cmpstr (srv_test_error_param (resp), ==, "prompt");
  assert_conforms (doc, "/api/v1/generations", "POST", resp);
  g_clear_pointer (&resp, srv_test_response_free);

  resp = srv_test_call (srv, "POST", "/api/v1/generations", broke,
                        "{\"model\":\"local-image\",\"prompt\":\"x\"}", NULL);
  srv_assert_error (resp, 402, "insufficient_credits");
  assert_conforms (doc, "/api/v1/generations", "POST", resp);
  g_clear_pointer (&resp, srv_test_response_free);

  {
    g_autofree char *uri = g_strconcat (srv->url, "/api/v1/generations", NULL);
    g_autofree char *auth = g_strconcat ("Bearer ", srv->key, NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
    g_autoptr(GBytes) body = g_bytes_new_static ("model=local-image", 17);

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    soup_message_set_request_body_from_bytes (msg, "text/plain", body);
    resp = srv_test_send (srv, msg);
    srv_assert_error (resp, 415, "unsupported_media_type");
    assert_conforms (doc, "/api/v1/generations", "POST", resp);
    g_clear_pointer (&resp, srv_test_response_free);
  }

  resp = srv_test_call (srv, "GET", "/media/00000000000000000000000000000000.png",
                        NULL, NULL, NULL);
  srv_assert_error (resp, 404, "not_found");
  assert_conforms (doc, MEDIA_PATTERN, "GET", resp);
  g_clear_pointer (&resp, srv_test_response_free);
}

static void
test_live_idempotency (void)
{
  g_autoptr(SrvTestServer) srv = srv_test_server_start (NULL);
  g_autoptr(JsonNode) doc = load_document ();
  g_autoptr(SrvTestResponse) first = NULL;
  g_autoptr(SrvTestResponse) replay = NULL;
  g_autoptr(SrvTestResponse) conflict = NULL;
  const char *body = "{\"model\":\"local-image\",\"prompt\":\"idempotent\"}";

  first = srv_test_call (srv, "POST", "/api/v1/generations", srv->key, body,
                         "Idempotency-Key", "openapi-1", NULL);
  srv_assert_status (first, 201);
  assert_conforms (doc, "/api/v1/generations", "POST", first);
  g_assert_null (soup_message_headers_get_one (first->headers, "Idempotent-Replayed"));

  replay = srv_test_call (srv, "POST", "/api/v1/generations", srv->key, body,
                          "Idempotency-Key", "openapi-1", NULL);
  srv_assert_status (replay, 201);
  assert_conforms (doc, "/api/v1/generations", "POST", replay);
  g_assert_cmpstr (soup_message_headers_get_one (replay->headers, "Idempotent-Replayed"),
                   ==, "true");
  g_assert_true (g_bytes_equal (first->body, replay->body));

  conflict = srv_test_call (srv, "POST", "/api/v1/generations", srv->key,
                            "{\"model\":\"local-image\",\"prompt\":\"another\"}",
                            "Idempotency-Key", "openapi-1", NULL);
  srv_assert_error (conflict, 409, "idempotency_conflict");
  assert_conforms (doc, "/api/v1/generations", "POST", conflict);
}

static void
test_live_rate_limited (void)
{
  const char * const args[] = { "--rate-limit", "1", "--rate-burst", "1", NULL };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autoptr(JsonNode) doc = load_document ();
  g_autoptr(SrvTestResponse) allowed = NULL;
  g_autoptr(SrvTestResponse) limited = NULL;

  allowed = srv_test_call (srv, "GET", "/api/v1/credits", srv->key, NULL, NULL);
  srv_assert_status (allowed, 200);
  assert_conforms (doc, "/api/v1/credits", "GET", allowed);

  limited = srv_test_call (srv, "GET", "/api/v1/credits", srv->key, NULL, NULL);
  srv_assert_error (limited, 429, "rate_limited");
  assert_conforms (doc, "/api/v1/credits", "GET", limited);
}

static void
test_live_generation (void)
{
  g_autoptr(SrvTestServer) srv = srv_test_server_start (NULL);
  g_autoptr(JsonNode) doc = load_document ();
  g_autoptr(SrvTestResponse) created = NULL;
  g_autoptr(SrvTestResponse) status = NULL;
  g_autoptr(SrvTestResponse) media = NULL;
  g_autoptr(SrvTestResponse) partial = NULL;
  g_autoptr(SrvTestResponse) head = NULL;
  g_autoptr(JsonObject) finished = NULL;
  g_autofree char *path = NULL;
  const char *task_id;
  const char *url;

  created = srv_test_call (srv, "POST", "/api/v1/generations", srv->key,
                           "{\"model\":\"local-image\",\"prompt\":\"x\"}", NULL);
  srv_assert_status (created, 201);
  assert_conforms (doc, "/api/v1/generations", "POST", created);

  task_id = string_member (srv_test_response_object (created), "id");
  g_assert_nonnull (task_id);
  finished = srv_test_wait_generation (srv, srv->key, task_id, 120);
  g_assert_cmpstr (string_member (finished, "status"), ==, "succeeded");

  /* The finished job, fetched once more for its headers too. */
  path = g_strconcat ("/api/v1/generations/", task_id, NULL);
  status = srv_test_call (srv, "GET", path, srv->key, NULL, NULL);
  srv_assert_status (status, 200);
  assert_conforms (doc, "/api/v1/generations/{taskId}", "GET", status);

  url = string_member (object_member (srv_test_response_object (status), "result"), "primary_url");
  g_assert_nonnull (url);

  media = srv_test_get_url (srv, url, NULL);
  srv_assert_status (media, 200);
  assert_conforms (doc, MEDIA_PATTERN, "GET", media);

  partial = srv_test_get_url (srv, url, "bytes=0-99");
  srv_assert_status (partial, 206);
  assert_conforms (doc, MEDIA_PATTERN, "GET", partial);
  g_assert_cmpuint (g_bytes_get_size (partial->body), ==, 100);

  head = send_head (srv, url);
  srv_assert_status (head, 200);
  assert_conforms (doc, MEDIA_PATTERN, "HEAD", head);
}

static void
test_live_file (void)
{
  g_autoptr(SrvTestServer) srv = srv_test_server_start (NULL);
  g_autoptr(JsonNode) doc = load_document ();
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(SrvTestResponse) uploaded = NULL;
  g_autoptr(SrvTestResponse) fetched = NULL;
  g_autoptr(SrvTestResponse) rejected = NULL;
  g_autofree char *path = NULL;
  const char *file_id;

  uploaded = srv_test_upload (srv, srv->key, "image", "local-image", "picture.png", png);
  srv_assert_status (uploaded, 201);
  assert_conforms (doc, "/api/v1/files", "POST", uploaded);

  file_id = string_member (srv_test_response_object (uploaded), "id");
  g_assert_nonnull (file_id);
  path = g_strconcat ("/api/v1/files/", file_id, NULL);
  fetched = srv_test_call (srv, "GET", path, srv->key, NULL, NULL);
  srv_assert_status (fetched, 200);
  assert_conforms (doc, "/api/v1/files/{fileId}", "GET", fetched);

  rejected = srv_test_upload (srv, srv->key, "audio", NULL, "picture.png", png);
  srv_assert_error (rejected, 400, "validation_failed");
  assert_conforms (doc, "/api/v1/files", "POST", rejected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/openapi/document/parses", test_document_parses);
  g_test_add_func ("/openapi/document/routes", test_document_routes);
  g_test_add_func ("/openapi/document/access", test_document_access);
  g_test_add_func ("/openapi/document/refs", test_document_refs);
  g_test_add_func ("/openapi/document/error-codes", test_document_error_codes);
  g_test_add_func ("/openapi/document/error-examples", test_document_error_examples);
  g_test_add_func ("/openapi/checker", test_checker);
  g_test_add_func ("/openapi/live/served", test_served);
  g_test_add_func ("/openapi/live/models-and-credits", test_live_models_and_credits);
  g_test_add_func ("/openapi/live/errors", test_live_errors);
  g_test_add_func ("/openapi/live/idempotency", test_live_idempotency);
  g_test_add_func ("/openapi/live/rate-limited", test_live_rate_limited);
  g_test_add_func ("/openapi/live/generation", test_live_generation);
  g_test_add_func ("/openapi/live/file", test_live_file);

  return g_test_run ();
}
