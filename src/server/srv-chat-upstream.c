/* srv-chat-upstream.c
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

#include <libsoup/soup.h>
#include <string.h>

#include "srv-chat.h"
#include "srv-util.h"

/* The optional upstream of local-chat: any server that speaks OpenAI's
 * chat completions with "stream": true (Ollama, llama.cpp, vLLM...).
 * Its answer is server-sent events whose data lines are JSON chunks
 * with choices[0].delta.content, ended by "data: [DONE]". */

/* A local model may take a long while to load before its first token;
 * this bounds a silent upstream, not a slow one. */
#define UPSTREAM_IO_TIMEOUT_S  300
#define ERROR_EXCERPT_BYTES    512
#define MAX_LINE_BYTES         (1024 * 1024)

typedef struct
{
  SoupSession       *session;
  SoupMessage       *msg;
  GDataInputStream  *lines;
  SrvChatDeltaFunc   on_delta;
  gpointer           delta_data;
  gboolean           finish_reason_seen;
} Upstream;

static void
upstream_free (Upstream *up)
{
  g_clear_object (&up->lines);
  g_clear_object (&up->msg);
  g_clear_object (&up->session);
  g_free (up);
}

static void read_next_line (GTask *task);

/* Returns FALSE when the task was completed (done or failed). */
static gboolean
handle_data (GTask      *task,
             const char *data)
{
  Upstream *up = g_task_get_task_data (task);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *choice, *delta;
  JsonArray *choices;
  JsonNode *node;

  if (g_str_equal (data, "[DONE]"))
    {
      g_task_return_boolean (task, TRUE);
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The chat upstream sent a chunk that is not a JSON object");
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if ((node = json_object_get_member (root, "error")) != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      const char *message = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        message = json_object_get_string_member_with_default (json_node_get_object (node),
                                                              "message", NULL);
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        message = json_node_get_string (node);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               "The chat upstream failed: %s", message ? message : "no reason given");
      return FALSE;
    }

  node = json_object_get_member (root, "choices");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;
  choices = json_node_get_array (node);
  if (json_array_get_length (choices) == 0 ||
      !JSON_NODE_HOLDS_OBJECT (json_array_get_element (choices, 0)))
    return TRUE;
  choice = json_array_get_object_element (choices, 0);

  node = json_object_get_member (choice, "delta");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      delta = json_node_get_object (node);
      node = json_object_get_member (delta, "content");
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING && *json_node_get_string (node) != '\0')
        up->on_delta (json_node_get_string (node), up->delta_data);
    }

  node = json_object_get_member (choice, "finish_reason");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    up->finish_reason_seen = TRUE;
  return TRUE;
}

static void
line_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upstream *up = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gsize len = 0;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, &len, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (line == NULL)
    {
      /* Some servers end with the last chunk's finish_reason and close
       * without "[DONE]"; closing before either is a broken answer. */
      if (up->finish_reason_seen)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                 "The chat upstream closed its stream before the answer ended");
      return;
    }

  if (len > MAX_LINE_BYTES)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "The chat upstream sent an over-long line");
      return;
    }

  if (len > 0 && line[len - 1] == '\r')
    line[--len] = '\0';

  /* Only data lines matter; event names, ids and comments do not. */
  if (g_str_has_prefix (line, "data:"))
    {
      const char *data = line + 5;

      if (*data == ' ')
        data++;
      if (!handle_data (task, data))
        return;
    }

  read_next_line (g_steal_pointer (&task));
}

static void
read_next_line (GTask *task)
{
  Upstream *up = g_task_get_task_data (task);

  g_data_input_stream_read_line_async (up->lines, G_PRIORITY_DEFAULT, g_task_get_cancellable (task),
                                       line_cb, task);
}

static void
error_body_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upstream *up = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);
  g_autofree char *excerpt = NULL;

  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    {
      excerpt = g_utf8_make_valid (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_strdelimit (excerpt, "\r\n", ' ');
    }
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The chat upstream answered HTTP %u%s%s",
                           soup_message_get_status (up->msg),
                           excerpt ? ": " : "", excerpt ? g_strstrip (excerpt) : "");
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Upstream *up = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    {
      g_task_return_new_error (task, error->domain, error->code,
                               "The chat upstream could not be reached: %s", error->message);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (up->msg)))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      g_input_stream_read_bytes_async (stream, ERROR_EXCERPT_BYTES, G_PRIORITY_DEFAULT,
                                       cancellable, error_body_cb, g_steal_pointer (&task));
      return;
    }

  up->lines = g_data_input_stream_new (stream);
  g_data_input_stream_set_newline_type (up->lines, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  read_next_line (g_steal_pointer (&task));
}

static gboolean
host_is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) address = NULL;

  if (g_strcmp0 (host, "localhost") == 0)
    return TRUE;
  address = host ? g_inet_address_new_from_string (host) : NULL;
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Sends messages (an array of {"role", "content"}) to base_url's
 * /chat/completions and calls on_delta for each piece of the answer. */
void
srv_chat_upstream_stream_async (const char          *base_url,
                                const char          *model,
                                JsonArray           *messages,
                                SrvChatDeltaFunc     on_delta,
                                gpointer             delta_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *base = g_strdup (base_url);
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  Upstream *up;
  gsize len = 0;

  g_return_if_fail (base_url != NULL);
  g_return_if_fail (messages != NULL);
  g_return_if_fail (on_delta != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, srv_chat_upstream_stream_async);

  while (g_str_has_suffix (base, "/"))
    base[strlen (base) - 1] = '\0';
  url = g_strconcat (base, "/chat/completions", NULL);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL || (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
                      g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "The chat upstream URL “%s” is not an http(s) URL", base_url);
      return;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, model ? model : "default");
  json_builder_set_member_name (b, "stream");
  json_builder_add_boolean_value (b, TRUE);
  json_builder_set_member_name (b, "messages");
  json_builder_add_value (b, json_node_init_array (json_node_alloc (), messages));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = srv_json_to_string (root, &len);
  body = g_bytes_new_take (g_steal_pointer (&text), len);

  up = g_new0 (Upstream, 1);
  up->on_delta = on_delta;
  up->delta_data = delta_data;
  up->session = soup_session_new_with_options ("timeout", UPSTREAM_IO_TIMEOUT_S,
                                               "user-agent", "rivya-server/" PACKAGE_VERSION " ",
                                               NULL);
  /* No proxy between this server and a model on the same machine (and
   * no proxy lookup, which may need a desktop session). */
  if (host_is_loopback (uri))
    soup_session_set_proxy_resolver (up->session, NULL);
  up->msg = soup_message_new_from_uri ("POST", uri);
  soup_message_headers_replace (soup_message_get_request_headers (up->msg), "Accept",
                                "text/event-stream");
  soup_message_set_request_body_from_bytes (up->msg, "application/json", body);
  g_task_set_task_data (task, up, (GDestroyNotify)upstream_free);

  soup_session_send_async (up->session, up->msg, G_PRIORITY_DEFAULT, cancellable, send_cb,
                           g_steal_pointer (&task));
}

gboolean
srv_chat_upstream_stream_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == srv_chat_upstream_stream_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
