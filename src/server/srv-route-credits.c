/* srv-route-credits.c
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

#include "srv-server-private.h"

void
srv_route_credits_get (SrvContext *ctx)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GError) error = NULL;
  gint64 balance = 0;

  if (!srv_store_get_balance (srv_context_get_store (ctx), ctx->key->account_id,
                              &balance, NULL, &error))
    {
      srv_context_reply_internal (ctx, error);
      return;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "credits");
  json_builder_set_member_name (b, "current_credits");
  json_builder_add_int_value (b, balance);
  json_builder_end_object (b);
  srv_context_reply_builder (ctx, 200, b);
}
