/* srv-context.c
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

#include "srv-context.h"
#include "srv-server-private.h"
#include "srv-upload.h"
#include "srv-util.h"

#define CONTEXT_KEY "srv-context"

static void
srv_context_free (SrvContext *ctx)
{
  if (ctx->idempotency_claimed && ctx->key != NULL)
    {
      /* The request ended (client gone, server error) before an answer
       * worth replaying was stored: free the key for a retry. */
      srv_store_idempotency_release (srv_context_get_store (ctx), ctx->key->account_id,
                                     ctx->idempotency_key);
    }

  for (guint i = 0; i < SRV_MAX_PATH_ARGS; i++)
    g_free (ctx->args[i]);
  g_clear_pointer (&ctx->upload, srv_upload_free);
  g_clear_pointer (&ctx->body, g_byte_array_unref);
  g_clear_pointer (&ctx->body_hash, g_checksum_free);
  g_clear_pointer (&ctx->key, srv_key_info_free);
  g_clear_pointer (&ctx->idempotency_existing, srv_idempotency_record_free);
  g_free (ctx->idempotency_key);
  g_free (ctx->request_id);
  g_free (ctx);
}

SrvContext *
srv_context_new (SrvServer         *server,
                 SoupServerMessage *msg)
{
  SrvContext *ctx = g_new0 (SrvContext, 1);

  ctx->server = server;
  ctx->msg = msg;
  ctx->request_id = srv_id_new ("req_");
  ctx->body = g_byte_array_new ();
  ctx->body_hash = g_checksum_new (G_CHECKSUM_SHA256);
  g_object_set_data_full (G_OBJECT (msg), CONTEXT_KEY, ctx, (GDestroyNotify)srv_context_free);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-Request-Id", ctx->request_id);
  return ctx;
}

SrvContext *
srv_context_get (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), CONTEXT_KEY);
}

SrvStore *
srv_context_get_store (SrvContext *ctx)
{
  return _srv_server_get_store (ctx->server);
}

char *
srv_context_base_url (SrvContext *ctx)
{
  GUri *uri = soup_server_message_get_uri (ctx->msg);
  const char *host = g_uri_get_host (uri);
  int port = g_uri_get_port (uri);

  /* Capability URLs are built from the address the client used, so they
   * work whether it said 127.0.0.1, [::1] or localhost. */
  if (host != NULL && strchr (host, ':') != NULL)
    return g_strdup_printf ("%s://[%s]:%d", g_uri_get_scheme (uri), host, port);
  return g_strdup_printf ("%s://%s:%d", g_uri_get_scheme (uri), host ? host : "127.0.0.1", port);
}

JsonNode *
srv_context_parse_json_body (SrvContext *ctx)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (ctx->msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (content_type, "application/json") != 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_UNSUPPORTED_MEDIA_TYPE, NULL,
                               "The request body must be JSON (Content-Type: application/json)");
      return NULL;
    }

  if (ctx->body->len == 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "body",
                               "The request body is empty; it must be a JSON object");
      return NULL;
    }

  if (!g_utf8_validate ((const char *)ctx->body->data, ctx->body->len, NULL))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "body",
                               "The request body is not valid UTF-8");
      return NULL;
    }

  if (!srv_json_depth_ok ((const char *)ctx->body->data, ctx->body->len, 32))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "body",
                               "The request body nests deeper than 32 levels");
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *)ctx->body->data, ctx->body->len, &error))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "body",
                               "The request body is not valid JSON: %s", error->message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "body",
                               "The request body must be a JSON object");
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

void
srv_context_reply_raw (SrvContext *ctx,
                       guint       status,
                       const char *content_type,
                       GBytes     *body)
{
  gsize len = 0;
  gconstpointer data = g_bytes_get_data (body, &len);

  soup_server_message_set_status (ctx->msg, status, NULL);
  soup_server_message_set_response (ctx->msg, content_type, SOUP_MEMORY_COPY, data, len);
  ctx->answered = TRUE;

  /* Remember the answer for a retry with the same Idempotency-Key (B.3).
   * Server errors and throttling say nothing about the request itself,
   * so they are not replayed. */
  if (ctx->idempotency_claimed && status < 500 && status != 429)
    {
      const char *hash = g_checksum_get_string (ctx->body_hash);
      g_autoptr(GError) error = NULL;

      if (srv_store_idempotency_complete (srv_context_get_store (ctx), ctx->key->account_id,
                                          ctx->idempotency_key, hash, status, content_type,
                                          body, &error))
        ctx->idempotency_claimed = FALSE;
      else
        g_warning ("Could not store an idempotent answer: %s", error->message);
    }
}

void
srv_context_reply_json (SrvContext *ctx,
                        guint       status,
                        JsonNode   *node)
{
  gsize len = 0;
  char *text = srv_json_to_string (node, &len);
  g_autoptr(GBytes) bytes = g_bytes_new_take (text, len);

  srv_context_reply_raw (ctx, status, "application/json", bytes);
}

void
srv_context_reply_builder (SrvContext  *ctx,
                           guint        status,
                           JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  srv_context_reply_json (ctx, status, root);
}

void
srv_context_reply_error (SrvContext *ctx,
                         SrvErrorCode code,
                         const char *param,
                         const char *format,
                         ...)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "error");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "code");
  json_builder_add_string_value (b, srv_error_code_to_string (code));
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_set_member_name (b, "requestId");
  json_builder_add_string_value (b, ctx->request_id);
  if (param != NULL)
    {
      json_builder_set_member_name (b, "param");
      json_builder_add_string_value (b, param);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  if (code == SRV_ERROR_METHOD_NOT_ALLOWED && ctx->route != NULL)
    {
      g_autofree char *allow = _srv_route_allow (ctx->route);

      soup_message_headers_replace (soup_server_message_get_response_headers (ctx->msg),
                                    "Allow", allow);
    }

  srv_context_reply_builder (ctx, srv_error_code_to_status (code), b);
}

void
srv_context_reply_internal (SrvContext   *ctx,
                            const GError *error)
{
  /* The details go to the server's log, not to the client. A message,
   * not a warning: it is an event to look into, not a broken invariant. */
  g_message ("internal error in %s: %s", ctx->request_id, error ? error->message : "unknown error");
  srv_context_reply_error (ctx, SRV_ERROR_INTERNAL_ERROR, NULL,
                           "Something went wrong on the server; the request id helps find it in the log");
}

void
srv_context_pause (SrvContext *ctx)
{
  g_assert (!ctx->paused);
  ctx->paused = TRUE;
  g_object_ref (ctx->msg);
  soup_server_message_pause (ctx->msg);
}

void
srv_context_unpause (SrvContext *ctx)
{
  SoupServerMessage *msg = ctx->msg;

  g_assert (ctx->paused);
  ctx->paused = FALSE;
  soup_server_message_unpause (msg);
  g_object_unref (msg);
}
