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

void
srv_route_models_list (SrvContext *ctx)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  JsonArray *models = srv_catalog_get_models ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "list");
  json_builder_set_member_name (b, "data");
  json_builder_begin_array (b);
  for (guint i = 0; i < json_array_get_length (models); i++)
    json_builder_add_value (b, json_node_copy (json_array_get_element (models, i)));
  json_builder_end_array (b);
  json_builder_end_object (b);

  soup_message_headers_replace (soup_server_message_get_response_headers (ctx->msg),
                                "Cache-Control", "public, max-age=300");
  srv_context_reply_builder (ctx, 200, b);
}
