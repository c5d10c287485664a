/* rivya-client.c
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

#include "rivya-client.h"

#include <string.h>

#include "rivya-client-private.h"
#include "rivya-error-private.h"
#include "rivya-request-record-private.h"

/**
 * RivyaClient:
 *
 * A connection to a Rivya API v1 service: the real one at
 * %RIVYA_DEFAULT_BASE_URL, or a local rivya-server.
 *
 * A client holds a base URL, an API key, a user agent and a
 * #SoupSession. Every route is a pair of `_async` and `_finish`
 * functions that take a #GCancellable. Calls fail with a #GError of
 * %RIVYA_ERROR that carries the service's request id, HTTP status, code
 * and `Retry-After`; cancelled calls fail with %G_IO_ERROR_CANCELLED.
 *
 * The API key is sent as `Authorization: Bearer` to every route but the
 * public ones (models, openapi.json), and never logged.
 *
 * |[<!-- language="C" -->
 * g_autoptr(RivyaClient) client = rivya_client_new (RIVYA_DEFAULT_BASE_URL, api_key);
 *
 * rivya_client_list_models_async (client, cancellable, models_cb, self);
 * ]|
 */

struct _RivyaClient
{
  GObject      parent_instance;

  SoupSession *session;
  char        *base_url;
  char        *api_key;
  char        *user_agent;
};

G_DEFINE_FINAL_TYPE (RivyaClient, rivya_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_API_KEY,
  PROP_BASE_URL,
  PROP_SESSION,
  PROP_USER_AGENT,
  N_PROPS
};

enum {
  REQUEST_FINISHED,
  REQUEST_RECORDED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  SoupMessage         *msg;
  const char          *what;
  RivyaJsonObjectFunc  parse;
  GDestroyNotify       result_free;
  gint64               started;
} Call;

static void
call_free (Call *call)
{
  g_clear_object (&call->msg);
  g_free (call);
}

static void
rivya_client_constructed (GObject *object)
{
  RivyaClient *self = (RivyaClient *)object;

  G_OBJECT_CLASS (rivya_client_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = soup_session_new ();
  if (self->base_url == NULL)
    self->base_url = g_strdup (RIVYA_DEFAULT_BASE_URL);
}

static void
rivya_client_finalize (GObject *object)
{
  RivyaClient *self = (RivyaClient *)object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->user_agent, g_free);

  G_OBJECT_CLASS (rivya_client_parent_class)->finalize (object);
}

static void
rivya_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RivyaClient *self = RIVYA_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API_KEY:
      g_value_set_string (value, self->api_key);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_client_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RivyaClient *self = RIVYA_CLIENT (object);

  switch (prop_id)
    {
    case PROP_API_KEY:
      rivya_client_set_api_key (self, g_value_get_string (value));
      break;

    case PROP_BASE_URL:
      {
        const char *base_url = g_value_get_string (value);
        gsize len = base_url ? strlen (base_url) : 0;

        /* Paths start with a slash: keep one. */
        while (len > 0 && base_url[len - 1] == '/')
          len--;
        self->base_url = base_url ? g_strndup (base_url, len) : NULL;
      }
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_USER_AGENT:
      rivya_client_set_user_agent (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_client_class_init (RivyaClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rivya_client_constructed;
  object_class->finalize = rivya_client_finalize;
  object_class->get_property = rivya_client_get_property;
  object_class->set_property = rivya_client_set_property;

  /**
   * RivyaClient:api-key:
   *
   * The API key, `rvya_sk_...`, or %NULL for the public routes only. It
   * may change at any time, for a key rotation.
   */
  properties [PROP_API_KEY] =
    g_param_spec_string ("api-key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaClient:base-url:
   *
   * The service's base URL, such as %RIVYA_DEFAULT_BASE_URL or
   * `http://127.0.0.1:8080`; every route is under `/api/v1/`.
   */
  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaClient:session:
   *
   * The #SoupSession requests go through: the caller's, or one of the
   * client's own.
   */
  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaClient:user-agent:
   *
   * The `User-Agent` of every request; `librivya/VERSION` by default.
   */
  properties [PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RivyaClient::request-finished:
   * @self: a #RivyaClient
   * @method: the HTTP method
   * @path: the path and query, such as `/api/v1/models`
   * @status: the HTTP status, or 0 when no answer came
   * @request_id: (nullable): the service's `X-Request-Id`
   * @duration_us: how long the request took, in microseconds
   *
   * Emitted when a request is over, for a request log. It never carries
   * the API key.
   */
  signals [REQUEST_FINISHED] =
    g_signal_new ("request-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 5,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_INT64);

  /**
   * RivyaClient::request-recorded:
   * @self: a #RivyaClient
   * @record: what the call was and how it ended
   *
   * Emitted when a call is over, after #RivyaClient::request-finished,
   * once its outcome is known: with the API's error code for a failure,
   * and for a chat stream when the stream has ended. Made for a request
   * log; the record never holds the API key.
   */
  signals [REQUEST_RECORDED] =
    g_signal_new ("request-recorded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1,
                  RIVYA_TYPE_REQUEST_RECORD);
}

static void
rivya_client_init (RivyaClient *self)
{
  self->user_agent = g_strdup ("librivya/" PACKAGE_VERSION);
}

/**
 * rivya_client_new:
 * @base_url: (nullable): the service's base URL, or %NULL for
 *   %RIVYA_DEFAULT_BASE_URL
 * @api_key: (nullable): the API key, or %NULL for the public routes only
 *
 * Creates a client with its own #SoupSession, which uses the system's
 * proxy settings; see rivya_client_set_proxy_resolver() to change that.
 *
 * Returns: (transfer full): a new #RivyaClient
 */
RivyaClient *
rivya_client_new (const char *base_url,
                  const char *api_key)
{
  return g_object_new (RIVYA_TYPE_CLIENT,
                       "base-url", base_url,
                       "api-key", api_key,
                       NULL);
}

/**
 * rivya_client_new_for_session:
 * @base_url: (nullable): the service's base URL, or %NULL for
 *   %RIVYA_DEFAULT_BASE_URL
 * @api_key: (nullable): the API key
 * @session: the #SoupSession to send requests through
 *
 * Creates a client that shares @session, with its connections, proxy
 * and TLS settings.
 *
 * Returns: (transfer full): a new #RivyaClient
 */
RivyaClient *
rivya_client_new_for_session (const char  *base_url,
                              const char  *api_key,
                              SoupSession *session)
{
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);

  return g_object_new (RIVYA_TYPE_CLIENT,
                       "base-url", base_url,
                       "api-key", api_key,
                       "session", session,
                       NULL);
}

/**
 * rivya_client_get_base_url:
 * @self: a #RivyaClient
 *
 * Gets the service's base URL, without a trailing slash.
 *
 * Returns: the base URL
 */
const char *
rivya_client_get_base_url (RivyaClient *self)
{
  g_return_val_if_fail (RIVYA_IS_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * rivya_client_get_api_key:
 * @self: a #RivyaClient
 *
 * Gets the API key. Never log it.
 *
 * Returns: (nullable): the API key
 */
const char *
rivya_client_get_api_key (RivyaClient *self)
{
  g_return_val_if_fail (RIVYA_IS_CLIENT (self), NULL);

  return self->api_key;
}

/**
 * rivya_client_set_api_key:
 * @self: a #RivyaClient
 * @api_key: (nullable): the API key
 *
 * Changes the API key, for example after a rotation; requests already
 * sent keep the old one.
 */
void
rivya_client_set_api_key (RivyaClient *self,
                          const char  *api_key)
{
  g_return_if_fail (RIVYA_IS_CLIENT (self));

  if (g_strcmp0 (self->api_key, api_key) == 0)
    return;

  g_free (self->api_key);
  self->api_key = g_strdup (api_key);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_API_KEY]);
}

/**
 * rivya_client_get_user_agent:
 * @self: a #RivyaClient
 *
 * Gets the `User-Agent` of requests.
 *
 * Returns: (nullable): the user agent
 */
const char *
rivya_client_get_user_agent (RivyaClient *self)
{
  g_return_val_if_fail (RIVYA_IS_CLIENT (self), NULL);

  return self->user_agent;
}

/**
 * rivya_client_set_user_agent:
 * @self: a #RivyaClient
 * @user_agent: (nullable): a user agent, such as `rivya-desktop/1.0`
 *
 * Sets the `User-Agent` of requests; %NULL sends none.
 */
void
rivya_client_set_user_agent (RivyaClient *self,
                             const char  *user_agent)
{
  g_return_if_fail (RIVYA_IS_CLIENT (self));

  if (g_strcmp0 (self->user_agent, user_agent) == 0)
    return;

  g_free (self->user_agent);
  self->user_agent = g_strdup (user_agent);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USER_AGENT]);
}

/**
 * rivya_client_get_session:
 * @self: a #RivyaClient
 *
 * Gets the #SoupSession requests go through, to tune it (timeouts, TLS).
 *
 * Returns: (transfer none): the session
 */
SoupSession *
rivya_client_get_session (RivyaClient *self)
{
  g_return_val_if_fail (RIVYA_IS_CLIENT (self), NULL);

  return self->session;
}

/**
 * rivya_client_set_proxy_resolver:
 * @self: a #RivyaClient
 * @proxy_resolver: (nullable): a #GProxyResolver, or %NULL for direct
 *   connections
 *
 * Sets how the session finds proxies. %NULL connects directly, without
 * looking up the system's proxy settings: right for a loopback server
 * and for tests, which run without a settings backend.
 */
void
rivya_client_set_proxy_resolver (RivyaClient    *self,
                                 GProxyResolver *proxy_resolver)
{
  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (proxy_resolver == NULL || G_IS_PROXY_RESOLVER (proxy_resolver));

  soup_session_set_proxy_resolver (self->session, proxy_resolver);
}

char *
_rivya_client_build_path (const char *prefix,
                          const char *id,
                          const char *suffix,
                          guint       limit,
                          const char *after)
{
  GString *path = g_string_new (prefix);
  char sep = '?';

  /* Ids are opaque: whatever they hold stays one path segment. */
  if (id != NULL)
    g_string_append_uri_escaped (path, id, NULL, TRUE);
  if (suffix != NULL)
    g_string_append (path, suffix);
  if (limit > 0)
    {
      g_string_append_printf (path, "%climit=%u", sep, limit);
      sep = '&';
    }
  if (after != NULL)
    {
      g_string_append_printf (path, "%cafter=", sep);
      g_string_append_uri_escaped (path, after, NULL, TRUE);
    }

  return g_string_free (path, FALSE);
}

SoupMessage *
_rivya_client_new_message (RivyaClient  *self,
                           const char   *method,
                           const char   *path,
                           gboolean      authenticated,
                           const char   *idempotency_key,
                           GError      **error)
{
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  g_autoptr(SoupMessage) msg = NULL;
  SoupMessageHeaders *headers;

  if (!(msg = soup_message_new (method, url)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a valid base URL for the Rivya API", self->base_url);
      return NULL;
    }

  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (self->user_agent != NULL)
    soup_message_headers_replace (headers, "User-Agent", self->user_agent);
  if (authenticated && self->api_key != NULL)
    {
      g_autofree char *authorization = g_strconcat ("Bearer ", self->api_key, NULL);

      soup_message_headers_replace (headers, "Authorization", authorization);
    }
  if (idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", idempotency_key);

  return g_steal_pointer (&msg);
}

void
_rivya_client_set_json_body (SoupMessage *msg,
                             JsonNode    *body)
{
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len;

  text = _rivya_json_to_string (body);
  len = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  _rivya_request_record_keep_body (msg, bytes);
}

void
_rivya_client_request_finished (RivyaClient *self,
                                SoupMessage *msg,
                                gint64       started)
{
  g_autofree char *path = NULL;
  GUri *uri = soup_message_get_uri (msg);
  const char *request_id;
  gint64 duration = g_get_monotonic_time () - started;
  guint status = soup_message_get_status (msg);

  request_id = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                             "X-Request-Id");
  path = g_uri_get_query (uri)
    ? g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL)
    : g_strdup (g_uri_get_path (uri));

  /* Method, path, status, request id: never a header, so never the key. */
  g_debug ("%s %s: %u %s (%" G_GINT64_FORMAT " ms)", soup_message_get_method (msg), path,
           status, request_id ? request_id : "-", duration / 1000);

  g_signal_emit (self, signals [REQUEST_FINISHED], 0,
                 soup_message_get_method (msg), path, status, request_id, duration);
}

void
_rivya_client_request_recorded (RivyaClient  *self,
                                SoupMessage  *msg,
                                gint64        started,
                                const GError *error)
{
  g_autoptr(RivyaRequestRecord) record = NULL;

  /* Records are built only for someone who listens. */
  if (!g_signal_has_handler_pending (self, signals [REQUEST_RECORDED], 0, FALSE))
    return;

  record = _rivya_request_record_new_for_message (msg, started, error);
  g_signal_emit (self, signals [REQUEST_RECORDED], 0, record);
}

GError *
_rivya_client_error_from_send (GError *error)
{
  /* Cancelling is the caller's decision, not a failure of the network. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;

  {
    GError *transport = _rivya_error_new_transport (error);

    g_error_free (error);
    return transport;
  }
}

/* Takes @error; records the call, then ends the task with it. */
static void
return_error (GTask  *task,
              GError *error)
{
  RivyaClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);

  _rivya_client_request_recorded (self, call->msg, call->started, error);
  g_task_return_error (task, error);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RivyaClient *self = g_task_get_source_object (task);
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  gpointer value;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  _rivya_client_request_finished (self, call->msg, call->started);

  if (body == NULL)
    {
      return_error (task, _rivya_client_error_from_send (g_steal_pointer (&error)));
      return;
    }

  status = soup_message_get_status (call->msg);
  headers = soup_message_get_response_headers (call->msg);

  /* Any 2xx is success (B.2 says 200 and 201; others may answer 202). */
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_error (task, rivya_error_new_from_response (status, headers, body));
      return;
    }

  if (!(root = _rivya_json_parse_object (body, call->what, &error)) ||
      !(value = call->parse (root, &error)))
    {
      _rivya_error_set_response (error, status,
                                 soup_message_headers_get_one (headers, "X-Request-Id"));
      return_error (task, g_steal_pointer (&error));
      return;
    }

  _rivya_client_request_recorded (self, call->msg, call->started, NULL);
  g_task_return_pointer (task, value, call->result_free);
}

void
_rivya_client_send (RivyaClient         *self,
                    SoupMessage         *msg,
                    const char          *what,
                    RivyaJsonObjectFunc  parse,
                    GDestroyNotify       result_free,
                    GTask               *task)
{
  Call *call = g_new0 (Call, 1);

  call->msg = g_object_ref (msg);
  call->what = what;
  call->parse = parse;
  call->result_free = result_free;
  call->started = g_get_monotonic_time ();
  g_task_set_task_data (task, call, (GDestroyNotify)call_free);

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), send_cb, task);
}

void
_rivya_client_call (RivyaClient         *self,
                    const char          *method,
                    const char          *path,
                    gboolean             authenticated,
                    JsonNode            *body,
                    const char          *idempotency_key,
                    const char          *what,
                    RivyaJsonObjectFunc  parse,
                    gpointer             source_tag,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  msg = _rivya_client_new_message (self, method, path, authenticated, idempotency_key, &error);
  if (msg == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (body != NULL)
    _rivya_client_set_json_body (msg, body);

  _rivya_client_send (self, msg, what, parse, g_object_unref, g_steal_pointer (&task));
}

gpointer
_rivya_client_call_finish (RivyaClient   *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (RIVYA_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
