/* srv-server.c
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

#include <glib/gstdio.h>
#include <string.h>

#include "srv-ratelimit.h"
#include "srv-server-private.h"
#include "srv-store-chat.h"
#include "srv-upload.h"
#include "srv-util.h"
#include "srv-webhook-sender.h"

#define JSON_BODY_LIMIT   (1024 * 1024)
#define NO_BODY_LIMIT     (64 * 1024)
/* The largest file any kind or model accepts (video, 50 MB), plus room
 * for the multipart framing and the small fields. */
#define UPLOAD_FILE_LIMIT (50 * 1024 * 1024)
#define UPLOAD_BODY_LIMIT (UPLOAD_FILE_LIMIT + 64 * 1024)
#define PURGE_INTERVAL_S  3600

struct _SrvServer
{
  GObject           parent_instance;

  SrvStore         *store;
  SrvJobs          *jobs;
  SoupServer       *soup;
  SrvRateLimiter   *limiter;
  SrvServerOptions  options;
  guint             purge_source;
  SrvWebhookSender *webhooks;
};

G_DEFINE_FINAL_TYPE (SrvServer, srv_server, G_TYPE_OBJECT)

static const SrvRoute routes[] = {
  { "GET",  "/api/v1/models", NULL, srv_route_models_list, SRV_ROUTE_PUBLIC, NO_BODY_LIMIT },
  { "GET",  "/api/v1/openapi.json", NULL, srv_route_openapi, SRV_ROUTE_PUBLIC, NO_BODY_LIMIT },
  { "POST", "/api/v1/generations", "generations:create", srv_route_generations_create, 0, JSON_BODY_LIMIT },
  { "GET",  "/api/v1/generations/{taskId}", "generations:read", srv_route_generations_get, 0, NO_BODY_LIMIT },
  { "POST", "/api/v1/files", "files:create", srv_route_files_create, SRV_ROUTE_UPLOAD, UPLOAD_BODY_LIMIT },
  { "GET",  "/api/v1/files/{fileId}", "files:read", srv_route_files_get, 0, NO_BODY_LIMIT },
  { "GET",  "/api/v1/credits", "credits:read", srv_route_credits_get, 0, NO_BODY_LIMIT },
  { "GET",  "/media/{token}", NULL, srv_route_media_get, SRV_ROUTE_PUBLIC, NO_BODY_LIMIT },
  { "POST", "/api/v1/chat/completions", "chat:create", srv_route_chat_completions_create, 0, JSON_BODY_LIMIT },
  { "POST", "/api/v1/chat/completions/stream", "chat:create", srv_route_chat_completions_stream, 0, JSON_BODY_LIMIT },
  { "GET",  "/api/v1/chat/sessions", "chat:read", srv_route_chat_sessions_list, 0, NO_BODY_LIMIT },
  { "GET",  "/api/v1/chat/sessions/{sessionId}", "chat:read", srv_route_chat_sessions_get, 0, NO_BODY_LIMIT },
  { "POST", "/api/v1/webhooks", "webhooks:manage", srv_route_webhooks_create, 0, JSON_BODY_LIMIT },
  { "GET",  "/api/v1/webhooks", "webhooks:manage", srv_route_webhooks_list, 0, NO_BODY_LIMIT },
  { "GET",  "/api/v1/webhooks/{endpointId}", "webhooks:manage", srv_route_webhooks_get, 0, NO_BODY_LIMIT },
  { "PATCH", "/api/v1/webhooks/{endpointId}", "webhooks:manage", srv_route_webhooks_update, 0, JSON_BODY_LIMIT },
  { "DELETE", "/api/v1/webhooks/{endpointId}", "webhooks:manage", srv_route_webhooks_delete, 0, NO_BODY_LIMIT },
  { "POST", "/api/v1/webhooks/{endpointId}/rotate-secret", "webhooks:manage", srv_route_webhooks_rotate_secret, 0, NO_BODY_LIMIT },
  { "POST", "/api/v1/webhooks/{endpointId}/test", "webhooks:manage", srv_route_webhooks_test, 0, NO_BODY_LIMIT },
  { "GET",  "/api/v1/webhooks/{endpointId}/deliveries", "webhooks:manage", srv_route_webhooks_deliveries, 0, NO_BODY_LIMIT },
  { "GET",  "/api/v1/webhook-events", "webhooks:manage", srv_route_webhook_events_list, 0, NO_BODY_LIMIT },
};

SrvStore *
_srv_server_get_store (SrvServer *self)
{
  return self->store;
}

SrvJobs *
_srv_server_get_jobs (SrvServer *self)
{
  return self->jobs;
}

const SrvServerOptions *
_srv_server_get_options (SrvServer *self)
{
  return &self->options;
}

/* The Allow header of a 405: every method of the routes that share this
 * route's path; GET also answers HEAD. */
char *
_srv_route_allow (const SrvRoute *route)
{
  g_autoptr(GString) allow = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!g_str_equal (routes[i].pattern, route->pattern))
        continue;
      if (allow->len > 0)
        g_string_append (allow, ", ");
      g_string_append (allow, routes[i].method);
      if (g_str_equal (routes[i].method, "GET"))
        g_string_append (allow, ", HEAD");
    }
  return g_string_free (g_steal_pointer (&allow), FALSE);
}

SrvRouteInfo *
srv_server_list_routes (guint *n_routes)
{
  SrvRouteInfo *info = g_new0 (SrvRouteInfo, G_N_ELEMENTS (routes));

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      info[i].method = routes[i].method;
      info[i].pattern = routes[i].pattern;
      info[i].scope = routes[i].scope;
    }
  *n_routes = G_N_ELEMENTS (routes);
  return info;
}

/* Segment by segment, without allocating: this runs for every route on
 * every request. "{x}" takes one non-empty segment. */
static gboolean
match_pattern (const char  *pattern,
               const char  *path,
               char       **args)
{
  guint n_args = 0;

  for (;;)
    {
      const char *pend = strchr (pattern, '/');
      const char *send = strchr (path, '/');
      gsize plen = pend ? (gsize)(pend - pattern) : strlen (pattern);
      gsize slen = send ? (gsize)(send - path) : strlen (path);

      if (plen > 0 && pattern[0] == '{')
        {
          if (slen == 0 || n_args >= SRV_MAX_PATH_ARGS)
            return FALSE;
          if (args != NULL)
            args[n_args] = g_strndup (path, slen);
          n_args++;
        }
      else if (plen != slen || memcmp (pattern, path, plen) != 0)
        return FALSE;

      if ((pend == NULL) != (send == NULL))
        return FALSE;
      if (pend == NULL)
        return TRUE;
      pattern = pend + 1;
      path = send + 1;
    }
}

static void
match_route (SrvContext *ctx,
             const char *method,
             const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!match_pattern (routes[i].pattern, path, NULL))
        continue;

      ctx->route = &routes[i];
      ctx->method_allowed = g_str_equal (method, routes[i].method) ||
                            (g_str_equal (method, "HEAD") && g_str_equal (routes[i].method, "GET"));
      if (ctx->method_allowed)
        {
          match_pattern (routes[i].pattern, path, ctx->args);
          return;
        }
    }
}

static gboolean
has_scope (SrvKeyInfo *key,
           const char *scope)
{
  return scope == NULL || g_strv_contains ((const char * const *)key->scopes, scope);
}

static void
set_rate_headers (SrvContext         *ctx,
                  const SrvRateState *state)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (ctx->msg);
  char buf[32];

  g_snprintf (buf, sizeof buf, "%u", state->limit);
  soup_message_headers_replace (headers, "X-RateLimit-Limit", buf);
  g_snprintf (buf, sizeof buf, "%u", state->remaining);
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", buf);
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, state->reset);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", buf);
  if (state->retry_after > 0)
    {
      g_snprintf (buf, sizeof buf, "%u", state->retry_after);
      soup_message_headers_replace (headers, "Retry-After", buf);
    }
}

/* Key, then rate, then scope: a throttled key learns nothing more, and
 * a denied scope still counts against the bucket. */
static gboolean
authenticate (SrvServer  *self,
              SrvContext *ctx)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (ctx->msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");
  g_autoptr(SrvKeyInfo) key = NULL;
  g_autoptr(GError) error = NULL;
  SrvRateState state;
  const char *token;

  if (auth == NULL || *auth == '\0')
    {
      srv_context_reply_error (ctx, SRV_ERROR_API_KEY_MISSING, NULL,
                               "This route needs an API key: Authorization: Bearer rvya_sk_...");
      return FALSE;
    }

  if (g_ascii_strncasecmp (auth, "Bearer ", 7) != 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_API_KEY_INVALID, NULL,
                               "The Authorization header must be “Bearer” and an API key");
      return FALSE;
    }

  token = auth + 7;
  while (*token == ' ')
    token++;

  if (!srv_key_looks_valid (token))
    {
      srv_context_reply_error (ctx, SRV_ERROR_API_KEY_INVALID, NULL, "The API key is not valid");
      return FALSE;
    }

  key = srv_store_lookup_key (self->store, token, &error);
  if (key == NULL)
    {
      if (g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND))
        srv_context_reply_error (ctx, SRV_ERROR_API_KEY_INVALID, NULL, "The API key is not valid");
      else
        srv_context_reply_internal (ctx, error);
      return FALSE;
    }

  if (key->revoked_at > 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_API_KEY_REVOKED, NULL,
                               "The API key %s… was revoked", key->prefix);
      return FALSE;
    }

  if (key->expires_at > 0 && key->expires_at <= srv_now_ms ())
    {
      srv_context_reply_error (ctx, SRV_ERROR_API_KEY_EXPIRED, NULL,
                               "The API key %s… has expired", key->prefix);
      return FALSE;
    }

  if (!srv_rate_limiter_take (self->limiter, key->id, g_get_monotonic_time (), &state))
    {
      set_rate_headers (ctx, &state);
      srv_context_reply_error (ctx, SRV_ERROR_RATE_LIMITED, NULL,
                               "Too many requests with this key; retry after %u s",
                               state.retry_after);
      return FALSE;
    }
  set_rate_headers (ctx, &state);

  if (!has_scope (key, ctx->route->scope))
    {
      srv_context_reply_error (ctx, SRV_ERROR_API_SCOPE_DENIED, NULL,
                               "The API key lacks the scope %s", ctx->route->scope);
      return FALSE;
    }

  ctx->key = g_steal_pointer (&key);
  return TRUE;
}

static gboolean
idempotency_key_is_valid (const char *key)
{
  gsize len = strlen (key);

  if (len == 0 || len > 255)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (key[i] < 0x20 || key[i] > 0x7e)
        return FALSE;
    }
  return TRUE;
}

static gboolean
claim_idempotency (SrvServer  *self,
                   SrvContext *ctx)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (ctx->msg);
  const char *key = soup_message_headers_get_one (headers, "Idempotency-Key");
  g_autoptr(GError) error = NULL;

  if (key == NULL)
    return TRUE;

  if (!idempotency_key_is_valid (key))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "Idempotency-Key",
                               "An Idempotency-Key is 1 to 255 printable ASCII characters");
      return FALSE;
    }

  if (!srv_store_idempotency_claim (self->store, ctx->key->account_id, key, ctx->route->pattern,
                                    &ctx->idempotency_existing, &error))
    {
      srv_context_reply_internal (ctx, error);
      return FALSE;
    }

  ctx->idempotency_key = g_strdup (key);

  if (ctx->idempotency_existing == NULL)
    {
      ctx->idempotency_claimed = TRUE;
      return TRUE;
    }

  if (ctx->idempotency_existing->status == 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_IDEMPOTENCY_CONFLICT, "Idempotency-Key",
                               g_str_has_suffix (ctx->idempotency_existing->route, "/stream")
                               ? "A streamed chat turn is never replayed: use a new Idempotency-Key"
                               : "A request with this Idempotency-Key is still running");
      return FALSE;
    }

  if (!g_str_equal (ctx->idempotency_existing->route, ctx->route->pattern))
    {
      srv_context_reply_error (ctx, SRV_ERROR_IDEMPOTENCY_CONFLICT, "Idempotency-Key",
                               "This Idempotency-Key was used for another route");
      return FALSE;
    }

  /* Same route: whether it is a replay depends on the body, which has
   * not arrived yet; the handler decides. */
  return TRUE;
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              SrvContext        *ctx)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (chunk, &len);

  ctx->body_length += len;
  if (ctx->answered)
    return;

  g_checksum_update (ctx->body_hash, data, len);

  if (ctx->upload != NULL)
    {
      srv_upload_feed (ctx->upload, data, len);
      if (ctx->body_length > ctx->body_limit)
        ctx->body_too_large = TRUE;
      return;
    }

  if (ctx->body_too_large || ctx->body->len + len > ctx->body_limit)
    {
      ctx->body_too_large = TRUE;
      return;
    }

  g_byte_array_append (ctx->body, data, len);
}

/* libsoup refuses some requests itself (a path that does not decode, or
 * that climbs with an encoded "/"), before any handler runs. Those get a
 * request id and the error envelope like every other answer. */
static void
got_headers_cb (SoupServerMessage *msg,
                SrvContext        *ctx)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *length = soup_message_headers_get_one (headers, "Content-Length");
  guint status = soup_server_message_get_status (msg);
  guint64 n;

  /* libsoup 3.2 takes a negative Content-Length at face value and then
   * builds its body reader with it, whatever the status: take the
   * connection over, answer 400 ourselves and close it. */
  if (length != NULL && !g_ascii_string_to_unsigned (length, 10, 0, G_MAXINT64, &n, NULL))
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
      g_autofree char *answer = NULL;

      answer = g_strdup_printf ("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n"
                                "X-Request-Id: %s\r\nContent-Length: 0\r\n\r\n", ctx->request_id);
      g_output_stream_write_all (g_io_stream_get_output_stream (stream), answer, strlen (answer),
                                 NULL, NULL, NULL);
      g_io_stream_close (stream, NULL, NULL);
      return;
    }

  if (status >= 400 && !ctx->answered)
    {
      if (status == SOUP_STATUS_BAD_REQUEST)
        srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "There is nothing at this path");
      else
        srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, NULL,
                                 "The request was refused by the HTTP layer (status %u)", status);
    }
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    SrvServer         *self)
{
  SrvContext *ctx = srv_context_new (self, msg);

  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), ctx);
}

static void
early_handler_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  SrvServer *self = user_data;
  SrvContext *ctx = srv_context_get (msg);
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), ctx);

  match_route (ctx, method, path);
  ctx->body_limit = ctx->route != NULL ? ctx->route->body_limit : NO_BODY_LIMIT;

  /* Unknown routes and methods are answered by the handler, after the
   * (small) body was read. */
  if (ctx->route == NULL || !ctx->method_allowed)
    return;

  if (!(ctx->route->flags & SRV_ROUTE_PUBLIC) && !authenticate (self, ctx))
    return;

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > (goffset)ctx->body_limit)
    {
      srv_context_reply_error (ctx, SRV_ERROR_PAYLOAD_TOO_LARGE, NULL,
                               "The request body is larger than this route accepts (%zu bytes)",
                               ctx->body_limit);
      return;
    }

  if (g_str_equal (method, "POST") && !claim_idempotency (self, ctx))
    return;

  if (ctx->route->flags & SRV_ROUTE_UPLOAD)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *tmp_dir = srv_store_build_path (self->store, "tmp", NULL);
      const char *content_type = soup_message_headers_get_one (headers, "Content-Type");

      ctx->upload = srv_upload_new (content_type, tmp_dir, UPLOAD_FILE_LIMIT, &error);
      if (ctx->upload == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
            srv_context_reply_error (ctx, SRV_ERROR_UNSUPPORTED_MEDIA_TYPE, NULL, "%s", error->message);
          else
            srv_context_reply_internal (ctx, error);
        }
    }
}

static void
replayed_request_id (SoupServerMessage *msg,
                     GBytes            *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *error;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  if (!json_parser_load_from_data (parser, data, len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!(error = json_object_get_object_member (root, "error")) ||
      !json_object_has_member (error, "requestId"))
    return;
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "X-Request-Id",
                                json_object_get_string_member (error, "requestId"));
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  SrvContext *ctx = srv_context_get (msg);

  if (ctx == NULL || ctx->answered)
    return;

  if (ctx->route == NULL)
    {
      srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "There is nothing at %s", path);
      return;
    }

  if (!ctx->method_allowed)
    {
      srv_context_reply_error (ctx, SRV_ERROR_METHOD_NOT_ALLOWED, NULL,
                               "%s does not answer %s", path, soup_server_message_get_method (msg));
      return;
    }

  if (ctx->body_too_large)
    {
      srv_context_reply_error (ctx, SRV_ERROR_PAYLOAD_TOO_LARGE, NULL,
                               "The request body is larger than this route accepts (%zu bytes)",
                               ctx->body_limit);
      return;
    }

  if (ctx->idempotency_existing != NULL)
    {
      SrvIdempotencyRecord *rec = ctx->idempotency_existing;

      if (g_strcmp0 (rec->body_hash, g_checksum_get_string (ctx->body_hash)) != 0)
        {
          srv_context_reply_error (ctx, SRV_ERROR_IDEMPOTENCY_CONFLICT, "Idempotency-Key",
                                   "This Idempotency-Key was used with a different body");
          return;
        }

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Idempotent-Replayed", "true");
      /* A replayed error names the request that produced it; the header
       * must agree with its requestId (B.2). */
      if (rec->status >= 400)
        replayed_request_id (msg, rec->body);
      srv_context_reply_raw (ctx, rec->status, rec->content_type, rec->body);
      return;
    }

  ctx->route->handler (ctx);
}

/* What a crash leaves behind: uploads that were still arriving, and
 * generator outputs not yet renamed into place. Nothing refers to them. */
static void
remove_leftovers (SrvStore *store)
{
  g_autofree char *tmp = srv_store_build_path (store, "tmp", NULL);
  g_autofree char *results = srv_store_build_path (store, "results", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if ((dir = g_dir_open (tmp, 0, NULL)))
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *path = g_build_filename (tmp, name, NULL);
          g_unlink (path);
        }
      g_clear_pointer (&dir, g_dir_close);
    }

  if ((dir = g_dir_open (results, 0, NULL)))
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *sub = g_build_filename (results, name, NULL);
          g_autoptr(GDir) job = g_dir_open (sub, 0, NULL);
          const char *file;

          while (job != NULL && (file = g_dir_read_name (job)))
            {
              if (g_str_has_prefix (file, ".srv-gen-"))
                {
                  g_autofree char *path = g_build_filename (sub, file, NULL);
                  g_unlink (path);
                }
            }
        }
    }
}

static gboolean
purge_cb (gpointer user_data)
{
  SrvServer *self = user_data;
  g_autoptr(GError) error = NULL;

  if (srv_store_purge_expired (self->store, &error) == 0 && error != NULL)
    g_warning ("Could not remove expired media: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
srv_server_dispose (GObject *object)
{
  SrvServer *self = (SrvServer *)object;

  g_clear_handle_id (&self->purge_source, g_source_remove);
  if (self->webhooks != NULL)
    srv_webhook_sender_stop (self->webhooks);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->jobs, srv_jobs_free);
  g_clear_pointer (&self->limiter, srv_rate_limiter_free);
  g_clear_object (&self->webhooks);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (srv_server_parent_class)->dispose (object);
}

static void
srv_server_class_init (SrvServerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = srv_server_dispose;
}

static void
srv_server_init (SrvServer *self)
{
}

void
srv_server_options_init (SrvServerOptions *options)
{
  options->workers = 2;
  options->rate_per_minute = 600;
  options->rate_burst = 120;
  options->job_latency_ms = 0;
  options->chat_word_delay_ms = 30;
  options->chat_ping_interval_ms = 15000;
  options->chat_upstream = NULL;
  options->chat_upstream_model = NULL;
  options->allow_insecure_webhooks = FALSE;
  options->webhook_retry_scale = 1.0;
}

SrvServer *
srv_server_new (SrvStore                *store,
                const SrvServerOptions  *options,
                GError                 **error)
{
  g_autoptr(SrvServer) self = g_object_new (SRV_TYPE_SERVER, NULL);
  g_autoptr(GError) local_error = NULL;
  guint failed;

  self->store = g_object_ref (store);
  self->options = *options;

  /* Jobs that were running when the server last stopped will never
   * finish: fail and refund them before anything else runs. */
  failed = srv_store_fail_unfinished (store, "The server stopped before this job finished",
                                      &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (failed > 0)
    g_message ("Failed and refunded %u job(s) interrupted by the last shutdown", failed);

  failed = srv_store_chat_fail_stale_turns (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (failed > 0)
    g_message ("Refunded %u chat turn(s) interrupted by the last shutdown", failed);

  srv_store_purge_expired (store, NULL);
  remove_leftovers (store);

  self->limiter = srv_rate_limiter_new (options->rate_per_minute, options->rate_burst);
  self->jobs = srv_jobs_new (store, options->workers, options->job_latency_ms);
  self->soup = soup_server_new ("server-header", "rivya-server/" PACKAGE_VERSION " ", NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  soup_server_add_early_handler (self->soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);
  self->purge_source = g_timeout_add_seconds (PURGE_INTERVAL_S, purge_cb, self);
  self->webhooks = srv_webhook_sender_new (store, self->soup,
                                           options->allow_insecure_webhooks
                                           ? SRV_WEBHOOK_URL_ALLOW_INSECURE
                                           : SRV_WEBHOOK_URL_STRICT,
                                           options->webhook_retry_scale);

  return g_steal_pointer (&self);
}

static gboolean
parse_listen (const char      *address,
              char           **host,
              guint16         *port,
              GError         **error)
{
  const char *colon = strrchr (address, ':');
  guint64 p;

  if (colon == NULL || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &p, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "--listen takes HOST:PORT, for example 127.0.0.1:0 (got “%s”)", address);
      return FALSE;
    }

  if (colon == address)
    *host = g_strdup ("127.0.0.1");
  else if (address[0] == '[' && colon[-1] == ']')
    *host = g_strndup (address + 1, colon - address - 2);
  else
    *host = g_strndup (address, colon - address);
  *port = (guint16)p;
  return TRUE;
}

char *
srv_server_listen (SrvServer   *self,
                   const char  *address,
                   GError     **error)
{
  g_autofree char *host = NULL;
  g_autoptr(GSocketAddress) sockaddr = NULL;
  g_autoptr(GInetAddress) inet = NULL;
  GSList *uris;
  char *url;
  guint16 port;

  if (!parse_listen (address, &host, &port, error))
    return NULL;

  if (g_str_equal (host, "localhost"))
    {
      g_free (host);
      host = g_strdup ("127.0.0.1");
    }

  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", host);
      return NULL;
    }
  if (!g_inet_address_get_is_loopback (inet))
    g_warning ("Listening on %s, which is not a loopback address: other machines can reach this "
               "server. SoupServer is not meant to face untrusted networks.", host);

  sockaddr = g_inet_socket_address_new (inet, port);
  if (!soup_server_listen (self->soup, sockaddr, 0, error))
    return NULL;

  uris = soup_server_get_uris (self->soup);
  if (uris == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The server has no listening address");
      return NULL;
    }
  {
    GUri *uri = uris->data;
    const char *h = g_uri_get_host (uri);

    if (strchr (h, ':') != NULL)
      url = g_strdup_printf ("http://[%s]:%d", h, g_uri_get_port (uri));
    else
      url = g_strdup_printf ("http://%s:%d", h, g_uri_get_port (uri));
  }
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return url;
}

void
srv_server_shutdown (SrvServer *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SRV_IS_SERVER (self));

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  /* Deliveries in flight stay pending and go again at the next start;
   * so do the events of the jobs failed below. */
  if (self->webhooks != NULL)
    srv_webhook_sender_stop (self->webhooks);
  if (self->jobs != NULL)
    srv_jobs_shutdown (self->jobs);

  /* Whatever the workers did not finish is failed and refunded now, so
   * the next start finds nothing half done. */
  srv_store_fail_unfinished (self->store, "The server stopped before this job finished", &error);
  if (error != NULL)
    g_warning ("Could not fail unfinished jobs: %s", error->message);
}
