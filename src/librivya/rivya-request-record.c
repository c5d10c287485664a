/* rivya-request-record.c
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

#include "rivya-request-record.h"

#include <string.h>

#include "rivya-error.h"
#include "rivya-request-record-private.h"

/**
 * RivyaRequestRecord:
 *
 * What a request log keeps of one finished call: method, URL, status,
 * request id, API error code, duration, and the JSON body that was sent,
 * so that the call can be shown and replayed with
 * rivya_request_record_to_curl().
 *
 * A record never holds the API key: only whether the call was
 * authenticated. Nor does it hold answers, which may carry secrets (a
 * webhook's signing secret).
 *
 * Records come from #RivyaClient::request-recorded.
 */

struct _RivyaRequestRecord
{
  GObject    parent_instance;

  char      *method;
  char      *url;
  char      *path;
  char      *request_id;
  char      *error_code;
  char      *idempotency_key;
  char      *content_type;
  GBytes    *body;
  GDateTime *finished_at;
  gint64     duration_us;
  guint      status;
  guint      authenticated : 1;
};

G_DEFINE_FINAL_TYPE (RivyaRequestRecord, rivya_request_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_URL,
  PROP_PATH,
  PROP_STATUS,
  PROP_REQUEST_ID,
  PROP_ERROR_CODE,
  PROP_DURATION_US,
  PROP_FINISHED_AT,
  PROP_AUTHENTICATED,
  PROP_IDEMPOTENCY_KEY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_request_record_finalize (GObject *object)
{
  RivyaRequestRecord *self = (RivyaRequestRecord *)object;

  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->error_code, g_free);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->finished_at, g_date_time_unref);

  G_OBJECT_CLASS (rivya_request_record_parent_class)->finalize (object);
}

static void
rivya_request_record_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RivyaRequestRecord *self = RIVYA_REQUEST_RECORD (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_REQUEST_ID:
      g_value_set_string (value, self->request_id);
      break;

    case PROP_ERROR_CODE:
      g_value_set_string (value, self->error_code);
      break;

    case PROP_DURATION_US:
      g_value_set_int64 (value, self->duration_us);
      break;

    case PROP_FINISHED_AT:
      g_value_set_boxed (value, self->finished_at);
      break;

    case PROP_AUTHENTICATED:
      g_value_set_boolean (value, self->authenticated);
      break;

    case PROP_IDEMPOTENCY_KEY:
      g_value_set_string (value, self->idempotency_key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_request_record_class_init (RivyaRequestRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_request_record_finalize;
  object_class->get_property = rivya_request_record_get_property;

  /**
   * RivyaRequestRecord:method:
   *
   * The HTTP method, such as `POST`.
   */
  properties [PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:url:
   *
   * The whole URL, without any user information.
   */
  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:path:
   *
   * The path and query, such as `/api/v1/webhooks?limit=20`.
   */
  properties [PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:status:
   *
   * The HTTP status, or 0 when no answer came.
   */
  properties [PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:request-id:
   *
   * The service's `X-Request-Id`, `req_...`, or %NULL.
   */
  properties [PROP_REQUEST_ID] =
    g_param_spec_string ("request-id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:error-code:
   *
   * The API's error code, such as `not_found`, when the call failed; for
   * failures without one, the client's own: `transport_error`,
   * `http_error`, `parse_error` or `cancelled`. %NULL on success.
   */
  properties [PROP_ERROR_CODE] =
    g_param_spec_string ("error-code", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:duration-us:
   *
   * How long the call took, in microseconds: for a stream, until its end.
   */
  properties [PROP_DURATION_US] =
    g_param_spec_int64 ("duration-us", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:finished-at:
   *
   * When the call ended, in local time.
   */
  properties [PROP_FINISHED_AT] =
    g_param_spec_boxed ("finished-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:authenticated:
   *
   * Whether the call carried the API key (the key itself is not kept).
   */
  properties [PROP_AUTHENTICATED] =
    g_param_spec_boolean ("authenticated", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaRequestRecord:idempotency-key:
   *
   * The `Idempotency-Key` sent, or %NULL.
   */
  properties [PROP_IDEMPOTENCY_KEY] =
    g_param_spec_string ("idempotency-key", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_request_record_init (RivyaRequestRecord *self)
{
}

static const char *
client_error_code (const GError *error)
{
  const char *code;

  if (error == NULL)
    return NULL;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return "cancelled";
  if ((code = rivya_error_get_code_string (error)) != NULL)
    return code;
  if (g_error_matches (error, RIVYA_ERROR, RIVYA_ERROR_HTTP))
    return "http_error";
  if (g_error_matches (error, RIVYA_ERROR, RIVYA_ERROR_PARSE))
    return "parse_error";
  return "transport_error";
}

/* The body goes with the message until the call is over: libsoup keeps
 * it only as a stream. */
void
_rivya_request_record_keep_body (SoupMessage *msg,
                                 GBytes      *body)
{
  if (g_bytes_get_size (body) > RIVYA_REQUEST_RECORD_BODY_MAX)
    return;

  g_object_set_data_full (G_OBJECT (msg), "rivya-request-body", g_bytes_ref (body),
                          (GDestroyNotify)g_bytes_unref);
}

RivyaRequestRecord *
_rivya_request_record_new_for_message (SoupMessage  *msg,
                                       gint64        started,
                                       const GError *error)
{
  RivyaRequestRecord *self = g_object_new (RIVYA_TYPE_REQUEST_RECORD, NULL);
  SoupMessageHeaders *request_headers = soup_message_get_request_headers (msg);
  SoupMessageHeaders *response_headers = soup_message_get_response_headers (msg);
  GUri *uri = soup_message_get_uri (msg);
  GBytes *body = g_object_get_data (G_OBJECT (msg), "rivya-request-body");

  self->method = g_strdup (soup_message_get_method (msg));
  /* User information could hold a password: never kept. */
  self->url = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO | G_URI_HIDE_PASSWORD |
                                            G_URI_HIDE_AUTH_PARAMS | G_URI_HIDE_FRAGMENT);
  self->path = g_uri_get_query (uri)
    ? g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL)
    : g_strdup (g_uri_get_path (uri));
  self->status = soup_message_get_status (msg);
  self->request_id = g_strdup (soup_message_headers_get_one (response_headers, "X-Request-Id"));
  if (self->request_id == NULL)
    self->request_id = g_strdup (rivya_error_get_request_id (error));
  self->error_code = g_strdup (client_error_code (error));
  self->duration_us = MAX (0, g_get_monotonic_time () - started);
  self->finished_at = g_date_time_new_now_local ();
  /* Only whether the key went; its value stays in the client. */
  self->authenticated = soup_message_headers_get_one (request_headers, "Authorization") != NULL;
  self->idempotency_key = g_strdup (soup_message_headers_get_one (request_headers,
                                                                  "Idempotency-Key"));
  self->content_type = g_strdup (soup_message_headers_get_one (request_headers, "Content-Type"));
  self->body = body ? g_bytes_ref (body) : NULL;

  return self;
}

/**
 * rivya_request_record_get_method:
 * @self: a #RivyaRequestRecord
 *
 * Returns: the HTTP method
 */
const char *
rivya_request_record_get_method (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->method;
}

/**
 * rivya_request_record_get_url:
 * @self: a #RivyaRequestRecord
 *
 * Returns: the whole URL, without user information
 */
const char *
rivya_request_record_get_url (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->url;
}

/**
 * rivya_request_record_get_path:
 * @self: a #RivyaRequestRecord
 *
 * Returns: the path and query
 */
const char *
rivya_request_record_get_path (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->path;
}

/**
 * rivya_request_record_get_status:
 * @self: a #RivyaRequestRecord
 *
 * Returns: the HTTP status, or 0 when no answer came
 */
guint
rivya_request_record_get_status (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), 0);
  return self->status;
}

/**
 * rivya_request_record_get_request_id:
 * @self: a #RivyaRequestRecord
 *
 * Returns: (nullable): the service's request id
 */
const char *
rivya_request_record_get_request_id (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->request_id;
}

/**
 * rivya_request_record_get_error_code:
 * @self: a #RivyaRequestRecord
 *
 * Returns: (nullable): the error code; see #RivyaRequestRecord:error-code
 */
const char *
rivya_request_record_get_error_code (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->error_code;
}

/**
 * rivya_request_record_get_duration_us:
 * @self: a #RivyaRequestRecord
 *
 * Returns: how long the call took, in microseconds
 */
gint64
rivya_request_record_get_duration_us (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), 0);
  return self->duration_us;
}

/**
 * rivya_request_record_get_finished_at:
 * @self: a #RivyaRequestRecord
 *
 * Returns: (transfer none): when the call ended
 */
GDateTime *
rivya_request_record_get_finished_at (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->finished_at;
}

/**
 * rivya_request_record_get_authenticated:
 * @self: a #RivyaRequestRecord
 *
 * Returns: whether the call carried the API key
 */
gboolean
rivya_request_record_get_authenticated (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), FALSE);
  return self->authenticated;
}

/**
 * rivya_request_record_get_idempotency_key:
 * @self: a #RivyaRequestRecord
 *
 * Returns: (nullable): the `Idempotency-Key` sent
 */
const char *
rivya_request_record_get_idempotency_key (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->idempotency_key;
}

/**
 * rivya_request_record_get_content_type:
 * @self: a #RivyaRequestRecord
 *
 * Returns: (nullable): the request's `Content-Type`
 */
const char *
rivya_request_record_get_content_type (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->content_type;
}

/**
 * rivya_request_record_get_body:
 * @self: a #RivyaRequestRecord
 *
 * Gets the JSON body sent, when there was one and it was small enough
 * to keep; multipart uploads are not kept.
 *
 * Returns: (nullable) (transfer none): the body
 */
GBytes *
rivya_request_record_get_body (RivyaRequestRecord *self)
{
  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);
  return self->body;
}

/**
 * rivya_request_record_to_curl:
 * @self: a #RivyaRequestRecord
 * @key_variable: (nullable): the shell variable the key is read from,
 *   such as `RIVYA_API_KEY` (the default)
 *
 * Writes the call as a curl command line, quoted for a POSIX shell. The
 * key appears only as `$RIVYA_API_KEY`, expanded by the shell that runs
 * the command, never as itself. A multipart upload's body is not kept,
 * so its command has a `--form` placeholder instead.
 *
 * Returns: (transfer full): the command line
 */
char *
rivya_request_record_to_curl (RivyaRequestRecord *self,
                              const char         *key_variable)
{
  GString *cmd;
  g_autofree char *url = NULL;

  g_return_val_if_fail (RIVYA_IS_REQUEST_RECORD (self), NULL);

  if (key_variable == NULL)
    key_variable = "RIVYA_API_KEY";

  cmd = g_string_new ("curl");
  if (g_strcmp0 (self->method, "GET") != 0)
    {
      gboolean token = TRUE;

      /* Methods are plain words; quote anything else. */
      for (const char *c = self->method; *c != '\0'; c++)
        token = token && g_ascii_isalpha (*c);

      if (token)
        g_string_append_printf (cmd, " -X %s", self->method);
      else
        {
          g_autofree char *method = g_shell_quote (self->method);

          g_string_append_printf (cmd, " -X %s", method);
        }
    }
  url = g_shell_quote (self->url);
  g_string_append_printf (cmd, " %s", url);

  /* Double quotes, so that the shell, not this string, holds the key. */
  if (self->authenticated)
    g_string_append_printf (cmd, " \\\n  -H \"Authorization: Bearer $%s\"", key_variable);

  if (self->idempotency_key != NULL)
    {
      g_autofree char *header = g_strconcat ("Idempotency-Key: ", self->idempotency_key, NULL);
      g_autofree char *quoted = g_shell_quote (header);

      g_string_append_printf (cmd, " \\\n  -H %s", quoted);
    }

  if (self->body != NULL)
    {
      g_autofree char *header = g_strconcat ("Content-Type: ",
                                             self->content_type ? self->content_type
                                                                : "application/json",
                                             NULL);
      g_autofree char *quoted_header = g_shell_quote (header);
      g_autofree char *text = g_strndup (g_bytes_get_data (self->body, NULL),
                                         g_bytes_get_size (self->body));
      g_autofree char *quoted_body = g_shell_quote (text);

      g_string_append_printf (cmd, " \\\n  -H %s \\\n  --data-raw %s", quoted_header, quoted_body);
    }
  else if (self->content_type != NULL && g_str_has_prefix (self->content_type, "multipart/"))
    {
      g_string_append (cmd, " \\\n  --form 'file=@FILE'");
    }

  return g_string_free (cmd, FALSE);
}
