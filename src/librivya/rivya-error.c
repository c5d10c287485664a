/* rivya-error.c
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

#include "rivya-error.h"

#include <string.h>

#include "rivya-error-private.h"

typedef struct
{
  char  *code_string;
  char  *request_id;
  char  *param;
  guint  http_status;
  guint  retry_after;
} RivyaErrorPrivate;

static void
rivya_error_private_init (RivyaErrorPrivate *priv)
{
}

static void
rivya_error_private_copy (const RivyaErrorPrivate *src,
                          RivyaErrorPrivate       *dest)
{
  dest->code_string = g_strdup (src->code_string);
  dest->request_id = g_strdup (src->request_id);
  dest->param = g_strdup (src->param);
  dest->http_status = src->http_status;
  dest->retry_after = src->retry_after;
}

static void
rivya_error_private_clear (RivyaErrorPrivate *priv)
{
  g_clear_pointer (&priv->code_string, g_free);
  g_clear_pointer (&priv->request_id, g_free);
  g_clear_pointer (&priv->param, g_free);
}

/**
 * rivya_error_quark:
 *
 * Gives the quark of the %RIVYA_ERROR domain.
 *
 * Returns: the error domain
 */

/* An extended domain, so that what the server said besides the message
 * survives g_error_copy(), GTask and g_propagate_error(). */
G_DEFINE_EXTENDED_ERROR (RivyaError, rivya_error)

/* Indexed by RivyaError: the API's own codes, in the enum's order. */
static const char * const api_codes[] = {
  "public_api_disabled",
  "api_key_missing",
  "api_key_invalid",
  "api_key_revoked",
  "api_key_expired",
  "api_scope_denied",
  "rate_limited",
  "validation_failed",
  "not_found",
  "webhook_url_rejected",
  "chat_model_not_supported",
  "chat_session_conflict",
  "chat_attachment_not_supported",
  "idempotency_conflict",
  "insufficient_credits",
  "internal_error",
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
  "generation_failed",
};

G_STATIC_ASSERT (G_N_ELEMENTS (api_codes) == RIVYA_ERROR_UNKNOWN_CODE);

/**
 * rivya_error_code_from_string:
 * @code: an API error code, such as `"rate_limited"`
 *
 * Maps an API error code to its #RivyaError.
 *
 * Returns: the matching code, or %RIVYA_ERROR_UNKNOWN_CODE
 */
RivyaError
rivya_error_code_from_string (const char *code)
{
  if (code == NULL)
    return RIVYA_ERROR_UNKNOWN_CODE;

  for (guint i = 0; i < G_N_ELEMENTS (api_codes); i++)
    {
      if (strcmp (api_codes[i], code) == 0)
        return (RivyaError)i;
    }

  return RIVYA_ERROR_UNKNOWN_CODE;
}

/**
 * rivya_error_code_to_string:
 * @code: a #RivyaError
 *
 * Gives the API's name of @code.
 *
 * Returns: (nullable): the API error code, such as `"rate_limited"`, or
 *   %NULL for the client's own codes (%RIVYA_ERROR_TRANSPORT, ...)
 */
const char *
rivya_error_code_to_string (RivyaError code)
{
  if ((guint)code < G_N_ELEMENTS (api_codes))
    return api_codes[code];
  return NULL;
}

static const RivyaErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != RIVYA_ERROR)
    return NULL;
  return rivya_error_get_private (error);
}

/**
 * rivya_error_get_request_id:
 * @error: a #GError
 *
 * Gives the `requestId` the server gave this error (or its `X-Request-Id`
 * header), to show the user for support.
 *
 * Returns: (nullable): the request id, or %NULL when @error is not of
 *   %RIVYA_ERROR or no request reached the server
 */
const char *
rivya_error_get_request_id (const GError *error)
{
  const RivyaErrorPrivate *priv = get_private (error);

  return priv ? priv->request_id : NULL;
}

/**
 * rivya_error_get_http_status:
 * @error: a #GError
 *
 * Gives the HTTP status of the answer that produced @error.
 *
 * Returns: the status, or 0 when there was no HTTP answer (transport
 *   errors, checks made before sending) or @error is not of %RIVYA_ERROR
 */
guint
rivya_error_get_http_status (const GError *error)
{
  const RivyaErrorPrivate *priv = get_private (error);

  return priv ? priv->http_status : 0;
}

/**
 * rivya_error_get_code_string:
 * @error: a #GError
 *
 * Gives the error code as the server wrote it. It is the only way to tell
 * apart codes newer than this library (%RIVYA_ERROR_UNKNOWN_CODE).
 *
 * Returns: (nullable): the code, such as `"rate_limited"`, or %NULL for
 *   the client's own errors
 */
const char *
rivya_error_get_code_string (const GError *error)
{
  const RivyaErrorPrivate *priv = get_private (error);

  return priv ? priv->code_string : NULL;
}

/**
 * rivya_error_get_param:
 * @error: a #GError
 *
 * Gives the field a `validation_failed` error names, such as `"prompt"`,
 * `"file"` or `"params.aspect_ratio"`.
 *
 * Returns: (nullable): the field, or %NULL
 */
const char *
rivya_error_get_param (const GError *error)
{
  const RivyaErrorPrivate *priv = get_private (error);

  return priv ? priv->param : NULL;
}

/**
 * rivya_error_get_retry_after:
 * @error: a #GError
 *
 * Gives the `Retry-After` of the answer, in seconds. Honour it whatever
 * the error: the server sets it on `rate_limited` and may set it on
 * `public_api_disabled` or 5xx answers.
 *
 * Returns: the delay in seconds, or 0 if the answer had none
 */
guint
rivya_error_get_retry_after (const GError *error)
{
  const RivyaErrorPrivate *priv = get_private (error);

  return priv ? priv->retry_after : 0;
}

/**
 * rivya_error_is_transport:
 * @error: (nullable): a #GError
 *
 * Tells whether @error is a network-level failure: no HTTP answer came
 * back (the connection was refused, cut, timed out, or the name did not
 * resolve), %RIVYA_ERROR_TRANSPORT. Such calls may be retried later. A
 * cancelled call is not a transport error, nor is a local file that
 * could not be read for an upload.
 *
 * Returns: %TRUE for a transport error
 */
gboolean
rivya_error_is_transport (const GError *error)
{
  return error != NULL && error->domain == RIVYA_ERROR && error->code == RIVYA_ERROR_TRANSPORT;
}

GError *
_rivya_error_new (RivyaError  code,
                  const char *code_string,
                  guint       http_status,
                  const char *request_id,
                  const char *param,
                  guint       retry_after,
                  const char *format,
                  ...)
{
  RivyaErrorPrivate *priv;
  g_autofree char *message = NULL;
  GError *error;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  error = g_error_new_literal (RIVYA_ERROR, code, message);
  priv = rivya_error_get_private (error);
  priv->code_string = g_strdup (code_string ? code_string : rivya_error_code_to_string (code));
  priv->request_id = g_strdup (request_id);
  priv->param = g_strdup (param);
  priv->http_status = http_status;
  priv->retry_after = retry_after;

  return error;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

GError *
_rivya_error_new_from_json (JsonObject *error_object,
                            guint       http_status,
                            const char *fallback_request_id,
                            guint       retry_after)
{
  const char *code_string = string_member (error_object, "code");
  const char *message = string_member (error_object, "message");
  const char *request_id = string_member (error_object, "requestId");
  RivyaError code = rivya_error_code_from_string (code_string);

  /* Some gateways spell it the JSON way; the header is the last resort. */
  if (request_id == NULL)
    request_id = string_member (error_object, "request_id");
  if (request_id == NULL)
    request_id = fallback_request_id;

  if (message == NULL || *message == '\0')
    message = code_string ? code_string : "The server reported an error";

  return _rivya_error_new (code, code_string, http_status, request_id,
                           string_member (error_object, "param"), retry_after, "%s", message);
}

guint
_rivya_parse_retry_after (const char *value)
{
  guint64 seconds;

  if (value == NULL)
    return 0;

  while (*value == ' ' || *value == '\t')
    value++;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &seconds, NULL))
    return (guint)seconds;

  /* RFC 9110 also allows an HTTP date. */
  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    GTimeSpan delta;

    if (when == NULL)
      return 0;
    delta = g_date_time_difference (when, now);
    if (delta <= 0)
      return 0;
    return (guint)MIN ((delta + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC, G_MAXUINT);
  }
}

static gboolean
is_json_content_type (SoupMessageHeaders *headers)
{
  const char *type = soup_message_headers_get_content_type (headers, NULL);

  /* application/json, application/problem+json, ... */
  return type != NULL &&
         g_str_has_prefix (type, "application/") &&
         (g_str_has_suffix (type, "/json") || g_str_has_suffix (type, "+json"));
}

/**
 * rivya_error_new_from_response:
 * @http_status: the HTTP status of an error answer (4xx, 5xx)
 * @headers: the answer's headers
 * @body: (nullable): the answer's body
 *
 * Turns an HTTP error answer into a #GError of %RIVYA_ERROR, as every
 * call of #RivyaClient does: the API's error body (A.10) gives the code,
 * message, request id and param; the headers give `X-Request-Id` and
 * `Retry-After`. An answer without an API error body (an HTML page from
 * a proxy) gives %RIVYA_ERROR_HTTP with the status, or
 * %RIVYA_ERROR_RATE_LIMITED for a 429.
 *
 * For requests made without the client, such as downloads of results.
 *
 * Returns: (transfer full): a new #GError
 */
GError *
rivya_error_new_from_response (guint               http_status,
                               SoupMessageHeaders *headers,
                               GBytes             *body)
{
  const char *header_request_id;
  const char *content_type;
  const char *reason;
  guint retry_after;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;

  g_return_val_if_fail (headers != NULL, NULL);

  header_request_id = soup_message_headers_get_one (headers, "X-Request-Id");
  content_type = soup_message_headers_get_content_type (headers, NULL);
  retry_after = _rivya_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

  if (data != NULL && len > 0 && is_json_content_type (headers))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;
      JsonNode *error_node;

      if (json_parser_load_from_data (parser, data, len, NULL) &&
          (root = json_parser_get_root (parser)) != NULL &&
          JSON_NODE_HOLDS_OBJECT (root) &&
          (error_node = json_object_get_member (json_node_get_object (root), "error")) != NULL &&
          JSON_NODE_HOLDS_OBJECT (error_node))
        return _rivya_error_new_from_json (json_node_get_object (error_node), http_status,
                                           header_request_id, retry_after);
    }

  reason = soup_status_get_phrase (http_status);

  /* Proxies and gateways answer throttling in their own words: it is
   * still throttling, and Retry-After still counts. */
  if (http_status == 429)
    return _rivya_error_new (RIVYA_ERROR_RATE_LIMITED, NULL, http_status, header_request_id,
                             NULL, retry_after, "HTTP %u %s", http_status, reason ? reason : "");

  return _rivya_error_new (RIVYA_ERROR_HTTP, NULL, http_status, header_request_id, NULL,
                           retry_after, "The server answered HTTP %u %s%s%s%s",
                           http_status, reason ? reason : "",
                           content_type ? " (" : "", content_type ? content_type : "",
                           content_type ? " body)" : "");
}

GError *
_rivya_error_new_transport (const GError *cause)
{
  return _rivya_error_new (RIVYA_ERROR_TRANSPORT, NULL, 0, NULL, NULL, 0,
                           "Could not reach the server: %s", cause->message);
}

/* A PARSE error found while reading an answer: it still belongs to that
 * answer, whose request id the user may need. */
void
_rivya_error_set_response (GError     *error,
                           guint       http_status,
                           const char *request_id)
{
  RivyaErrorPrivate *priv;

  if (error == NULL || error->domain != RIVYA_ERROR)
    return;

  priv = rivya_error_get_private (error);
  if (priv->http_status == 0)
    priv->http_status = http_status;
  if (priv->request_id == NULL)
    priv->request_id = g_strdup (request_id);
}
