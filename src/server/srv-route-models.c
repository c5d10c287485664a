/* srv-route-models.c
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

#include "srv-catalog.h"
#include "srv-server-private.h"
#include "srv-util.h"

/* The catalog is compiled in and never changes while the server runs:
 * serialize the answer once. */
static GBytes *
catalog_answer (void)
{
  static GBytes *answer;

  if (g_once_init_enter (&answer))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      JsonArray *models = srv_catalog_get_models ();
      gsize len = 0;
      char *text;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "object");
      json_builder_add_string_value (b, "list");
      json_builder_set_member_name (b, "data");
      json_builder_begin_array (b);
      for (guint i = 0; i < json_array_get_length (models); i++)
        json_builder_add_value (b, json_node_copy (json_array_get_element (models, i)));
      json_builder_end_array (b);
      json_builder_end_object (b);

      root = json_builder_get_root (b);
      text = srv_json_to_string (root, &len);
      g_once_init_leave (&answer, g_bytes_new_take (text, len));
    }

  return answer;
}

void
srv_route_models_list (SrvContext *ctx)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (ctx->msg),
                                "Cache-Control", "public, max-age=300");
  srv_context_reply_raw (ctx, 200, "application/json", catalog_answer ());
}
