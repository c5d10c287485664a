/* rd-credits.c
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

#define G_LOG_DOMAIN "rd-credits"

#include "config.h"

#include "rd-credits.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

/* The balance, read with a plain GET /api/v1/credits.
 *
 * TODO: replace with RivyaClient once librivya lands; this is the only
 * request the app makes by itself. */

static char *
error_from_body (guint   status,
                 GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *error;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;

  if (data != NULL &&
      json_parser_load_from_data (parser, data, len, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) &&
      (root = json_node_get_object (json_parser_get_root (parser))) != NULL &&
      json_object_has_member (root, "error") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "error")) &&
      (error = json_object_get_object_member (root, "error")) != NULL &&
      json_object_has_member (error, "message"))
    return g_strdup_printf ("%s (HTTP %u)", json_object_get_string_member (error, "message"), status);

  return g_strdup_printf (_("The server answered HTTP %u"), status);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = NULL;
  SoupMessage *msg = g_task_get_task_data (task);
  JsonNode *root;
  JsonObject *object_;
  guint status;

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  status = soup_message_get_status (msg);
  if (status != SOUP_STATUS_OK)
    {
      g_autofree char *message = error_from_body (status, body);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message);
      return;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                   &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(object_ = json_node_get_object (root)) ||
      !json_object_has_member (object_, "current_credits") ||
      json_node_get_value_type (json_object_get_member (object_, "current_credits")) != G_TYPE_INT64)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The server’s answer has no balance"));
      return;
    }

  g_task_return_int (task, json_object_get_int_member (object_, "current_credits"));
}

void
rd_credits_fetch_async (SoupSession         *session,
                        const char          *base_url,
                        const char          *api_key,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *authorization = NULL;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (base_url != NULL);
  g_return_if_fail (api_key != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_credits_fetch_async);

  uri = g_strconcat (base_url, g_str_has_suffix (base_url, "/") ? "" : "/", "api/v1/credits", NULL);
  if (!(msg = soup_message_new (SOUP_METHOD_GET, uri)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Not a valid server address: %s"), base_url);
      return;
    }

  authorization = g_strconcat ("Bearer ", api_key, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                authorization);
  g_task_set_task_data (task, g_object_ref (msg), g_object_unref);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, cancellable, send_cb,
                                    g_steal_pointer (&task));
}

gint64
rd_credits_fetch_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
