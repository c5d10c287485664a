/* fuzz-server-request.c
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

/* What rivya-server does with a request before a route handler needs the
 * store: match the path against the routes, split /media/<token>.<ext>,
 * read the Range header, check the JSON body's depth and parse it, and
 * the validators route handlers apply to what the body holds (ids,
 * times, webhook URLs, the local chat's arithmetic).
 *
 * Input lines: "METHOD /path", the Range header (empty for none); the
 * rest is the body. The body also stands for the media file that the
 * Range applies to.
 *
 * Route matching is static in srv-server.c: the file is included here so
 * that the fuzzer runs the real table and the real matcher. The program
 * then defines every symbol of srv-server.o, so the linker never takes
 * that member from libsrv-core.a.
 */

#include "../../src/server/srv-server.c"

#include "srv-chat.h"
#include "srv-webhook-url.h"

#include "fuzz-common.h"

static const char * const id_prefixes[] = { "gen_", "file_", "sess_", "we_", "wd_", "evt_" };

static guint
node_depth (JsonNode *node)
{
  guint max = 0;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, NULL, &member))
        {
          guint depth = node_depth (member);

          max = MAX (max, depth);
        }
      return max + 1;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          guint depth = node_depth (json_array_get_element (array, i));

          max = MAX (max, depth);
        }
      return max + 1;
    }
  return 0;
}

static void
check_path (const char *method,
            const char *path)
{
  SrvContext ctx = { 0, };

  match_route (&ctx, method, path);
  if (ctx.route != NULL && ctx.method_allowed)
    {
      guint n_params = 0;

      for (const char *p = ctx.route->pattern; (p = strchr (p, '{')); p++)
        n_params++;
      for (guint i = 0; i < SRV_MAX_PATH_ARGS; i++)
        {
          /* One non-empty segment per "{x}", nothing more. */
          g_assert ((ctx.args[i] != NULL) == (i < n_params));
          g_assert (ctx.args[i] == NULL || (ctx.args[i][0] != '\0' && strchr (ctx.args[i], '/') == NULL));
        }

      if (ctx.route->handler == srv_route_media_get)
        {
          /* As srv_route_media_get() splits its capability name. */
          const char *name = ctx.args[0];
          const char *dot = strchr (name, '.');
          g_autofree char *token = dot ? g_strndup (name, dot - name) : g_strdup (name);

          if (srv_token_is_valid (token))
            g_assert_cmpuint (strlen (token), ==, SRV_TOKEN_LEN);
        }
      else if (ctx.args[0] != NULL)
        {
          for (guint i = 0; i < G_N_ELEMENTS (id_prefixes); i++)
            (void)srv_id_is_valid (ctx.args[0], id_prefixes[i]);
        }
    }
  if (ctx.route != NULL)
    g_free (_srv_route_allow (ctx.route));
  for (guint i = 0; i < SRV_MAX_PATH_ARGS; i++)
    g_free (ctx.args[i]);
}

/* The bounds srv_route_media_get() computes from libsoup's ranges (the
 * same lines: keep them in step). */
static void
check_range (const char *range,
             gsize       size)
{
  g_autoptr(SoupMessageHeaders) req = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  SoupRange *ranges = NULL;
  int n_ranges = 0;

  /* libsoup's header parser never hands over a value with a CR. */
  if (!g_str_has_prefix (range, "bytes=") || strchr (range, '\r') != NULL)
    return;
  soup_message_headers_append (req, "Range", range);

  if (size > 0 && soup_message_headers_get_ranges (req, size, &ranges, &n_ranges) &&
      ranges[0].start < (goffset)size && ranges[0].start <= ranges[0].end)
    {
      goffset start = MAX (ranges[0].start, 0);
      goffset end = MIN (ranges[0].end, (goffset)size - 1);

      g_assert_cmpint (n_ranges, >, 0);
      g_assert_cmpint (start, >=, 0);
      g_assert_cmpint (start, <=, end);
      g_assert_cmpint (end, <, (goffset)size);
    }
  if (ranges != NULL)
    soup_message_headers_free_ranges (req, ranges);
}

static void
check_members (JsonObject *object)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, &node))
    {
      const char *value;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      value = json_node_get_string (node);

      if (g_str_equal (member, "url"))
        {
          g_autoptr(GInetAddress) literal = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(GUri) uri = srv_webhook_url_check (value, SRV_WEBHOOK_URL_STRICT, &literal, &error);

          g_assert ((uri == NULL) != (error == NULL));
          g_clear_error (&error);
          g_clear_object (&literal);
          g_clear_pointer (&uri, g_uri_unref);
          uri = srv_webhook_url_check (value, SRV_WEBHOOK_URL_ALLOW_INSECURE, &literal, &error);
          g_assert ((uri == NULL) != (error == NULL));
          if (literal != NULL)
            (void)srv_webhook_address_check (literal, SRV_WEBHOOK_URL_STRICT, NULL);
        }
      else if (g_str_has_suffix (member, "At") || g_str_has_suffix (member, "After") ||
               g_str_has_suffix (member, "Before"))
        {
          gint64 ms;

          (void)srv_time_parse (value, &ms);
        }
      else if (g_str_equal (member, "content") || g_str_equal (member, "message"))
        {
          g_free (srv_chat_arithmetic (value, FALSE));
          g_free (srv_chat_arithmetic (value, TRUE));
        }
      else
        {
          for (guint i = 0; i < G_N_ELEMENTS (id_prefixes); i++)
            (void)srv_id_is_valid (value, id_prefixes[i]);
          (void)srv_token_is_valid (value);
          (void)srv_key_looks_valid (value);
          (void)srv_scope_is_known (value);
        }
    }
}

static void
check_body (const char *body,
            gsize       len)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  /* srv_context_parse_json_body()'s order. */
  if (len == 0 || !g_utf8_validate (body, len, NULL) || !srv_json_depth_ok (body, len, 32))
    return;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, body, len, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return;

  /* The depth check exists so that json-glib's recursion stays shallow:
   * whatever it let through must really be shallow. */
  g_assert_cmpuint (node_depth (root), <=, 32);

  if (JSON_NODE_HOLDS_OBJECT (root))
    check_members (json_node_get_object (root));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *request_line = fuzz_take_line (&data, &size);
  g_autofree char *range = fuzz_take_line (&data, &size);
  char *space = strchr (request_line, ' ');

  if (space != NULL && space[1] == '/')
    {
      *space = '\0';
      check_path (request_line, space + 1);
    }
  check_range (range, size);
  /* The body as received, embedded NULs included. */
  check_body ((const char *)data, size);
  return 0;
}
