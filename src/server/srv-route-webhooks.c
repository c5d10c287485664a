/* srv-route-webhooks.c
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

#include <string.h>

#include "srv-server-private.h"
#include "srv-store-webhooks.h"
#include "srv-util.h"
#include "srv-webhook-objects.h"
#include "srv-webhook-url.h"

#define DEFAULT_PAGE       20
#define MAX_PAGE           100
#define NAME_MAX_CHARS     128
/* A name that does not answer quickly is taken as it is: every delivery
 * resolves and checks it again before connecting. */
#define RESOLVE_TIMEOUT_MS 3000

static const char * const event_types_known[] = { "generation.succeeded", "generation.failed", NULL };
static const char * const create_fields[] = { "name", "url", "event_types", NULL };
static const char * const update_fields[] = { "name", "url", "event_types", "status", NULL };
static const char * const no_fields[] = { NULL };

typedef void (*UrlCheckedFunc) (SrvContext *ctx,
                                gpointer    data);

typedef struct
{
  SrvContext     *ctx;
  UrlCheckedFunc  then;
  gpointer        data;
  GDestroyNotify  destroy;
} UrlCheck;

/* What PATCH changes; NULL members stay as they are. */
typedef struct
{
  char  *id;
  char  *name;
  char  *url;
  GStrv  event_types;
  char  *status;
} Update;

static void
update_free (Update *u)
{
  g_free (u->id);
  g_free (u->name);
  g_free (u->url);
  g_strfreev (u->event_types);
  g_free (u->status);
  g_free (u);
}

static SrvStore *
store_of (SrvContext *ctx)
{
  return srv_context_get_store (ctx);
}

static SrvWebhookUrlFlags
url_flags (SrvContext *ctx)
{
  return _srv_server_get_options (ctx->server)->allow_insecure_webhooks
         ? SRV_WEBHOOK_URL_ALLOW_INSECURE : SRV_WEBHOOK_URL_STRICT;
}

/* Takes the node. */
static void
reply_node (SrvContext *ctx,
            guint       status,
            JsonNode   *node)
{
  g_autoptr(JsonNode) owned = node;

  srv_context_reply_json (ctx, status, owned);
}

static void
reply_store_error (SrvContext   *ctx,
                   const GError *error)
{
  if (g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND))
    srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "There is no webhook endpoint %s",
                             ctx->args[0] ? ctx->args[0] : "");
  else if (g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_CONFLICT))
    srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, NULL,
                             "%s; a revoked endpoint cannot change", error->message);
  else
    srv_context_reply_internal (ctx, error);
}

/* Another account's endpoint is answered exactly like a missing one. */
static SrvWebhookEndpoint *
find_endpoint (SrvContext *ctx)
{
  g_autoptr(GError) error = NULL;
  SrvWebhookEndpoint *w = NULL;
  const char *id = ctx->args[0];

  if (srv_id_is_valid (id, "whend_"))
    w = srv_store_webhooks_get_endpoint (store_of (ctx), id, ctx->key->account_id, &error);
  if (w == NULL)
    {
      if (error != NULL && !g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND))
        srv_context_reply_internal (ctx, error);
      else
        srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "There is no webhook endpoint %s", id);
    }
  return w;
}

static gboolean
check_fields (SrvContext         *ctx,
              JsonObject         *body,
              const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (body);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, l->data,
                                   "Unknown field “%s”", (const char *)l->data);
          return FALSE;
        }
    }
  return TRUE;
}

/* rotate-secret and test take no fields; an empty body is fine. */
static gboolean
check_empty_body (SrvContext *ctx)
{
  g_autoptr(JsonNode) root = NULL;

  if (ctx->body->len == 0)
    return TRUE;
  if (!(root = srv_context_parse_json_body (ctx)))
    return FALSE;
  return check_fields (ctx, json_node_get_object (root), no_fields);
}

static const char *
string_member (SrvContext *ctx,
               JsonObject *body,
               const char *name,
               gboolean    required,
               gboolean   *ok)
{
  JsonNode *node = json_object_get_member (body, name);

  *ok = TRUE;
  if (node == NULL)
    {
      if (required)
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, name, "%s is required", name);
          *ok = FALSE;
        }
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, name, "%s must be a string", name);
      *ok = FALSE;
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
check_name (SrvContext *ctx,
            const char *name)
{
  glong len = g_utf8_strlen (name, -1);

  if (len < 1 || len > NAME_MAX_CHARS)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "name",
                               "name is 1 to %d characters", NAME_MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

/* A non-empty array of known event types, each once. */
static GStrv
read_event_types (SrvContext *ctx,
                  JsonNode   *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  JsonArray *array = NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    array = json_node_get_array (node);
  if (array == NULL || json_array_get_length (array) == 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "event_types",
                               "event_types is a non-empty array of generation.succeeded and "
                               "generation.failed");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *param = g_strdup_printf ("event_types[%u]", i);
      const char *type;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
          !g_strv_contains (event_types_known, (type = json_node_get_string (item))))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, param,
                                   "An event type is generation.succeeded or generation.failed");
          return NULL;
        }
      if (g_ptr_array_find_with_equal_func (seen, type, g_str_equal, NULL))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, param,
                                   "%s is listed twice", type);
          return NULL;
        }
      g_ptr_array_add (seen, (gpointer)type);
      g_strv_builder_add (builder, type);
    }

  return g_strv_builder_end (builder);
}

static void
url_check_free (UrlCheck *check)
{
  if (check->destroy != NULL)
    check->destroy (check->data);
  g_free (check);
}

static void
url_resolved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  UrlCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  GList *addresses;

  addresses = srv_webhook_url_resolve_finish (result, &error);
  if (addresses == NULL &&
      g_error_matches (error, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_REJECTED))
    srv_context_reply_error (check->ctx, SRV_ERROR_WEBHOOK_URL_REJECTED, "url", "%s", error->message);
  else
    check->then (check->ctx, check->data);

  g_resolver_free_addresses (addresses);
  srv_context_unpause (check->ctx);
  url_check_free (check);
}

/* Answers webhook_url_rejected, or calls then (): at once for an IP
 * address, after a lookup for a name (a name that resolves to a
 * forbidden address is refused now, not at the first delivery). */
static void
check_url (SrvContext     *ctx,
           const char     *url,
           UrlCheckedFunc  then,
           gpointer        data,
           GDestroyNotify  destroy)
{
  UrlCheck *check = g_new0 (UrlCheck, 1);
  g_autoptr(GInetAddress) literal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;

  check->ctx = ctx;
  check->then = then;
  check->data = data;
  check->destroy = destroy;

  uri = srv_webhook_url_check (url, url_flags (ctx), &literal, &error);
  if (uri == NULL)
    {
      srv_context_reply_error (ctx, SRV_ERROR_WEBHOOK_URL_REJECTED, "url", "%s", error->message);
      url_check_free (check);
      return;
    }
  if (literal != NULL)
    {
      then (ctx, data);
      url_check_free (check);
      return;
    }

  srv_context_pause (ctx);
  srv_webhook_url_resolve_async (uri, url_flags (ctx), RESOLVE_TIMEOUT_MS, NULL, url_resolved_cb,
                                 check);
}

static void
create_checked (SrvContext *ctx,
                gpointer    data)
{
  SrvWebhookEndpoint *w = data;
  g_autoptr(GError) error = NULL;

  if (!srv_store_webhooks_create_endpoint (store_of (ctx), w, &error))
    {
      srv_context_reply_internal (ctx, error);
      return;
    }
  reply_node (ctx, 201, srv_webhook_endpoint_to_json (w, TRUE));
}

void
srv_route_webhooks_create (SrvContext *ctx)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SrvWebhookEndpoint) w = NULL;
  g_auto(GStrv) types = NULL;
  const char *name, *url;
  JsonObject *body;
  gboolean ok;

  if (!(root = srv_context_parse_json_body (ctx)))
    return;
  body = json_node_get_object (root);
  if (!check_fields (ctx, body, create_fields))
    return;

  name = string_member (ctx, body, "name", TRUE, &ok);
  if (!ok || !check_name (ctx, name))
    return;
  url = string_member (ctx, body, "url", TRUE, &ok);
  if (!ok)
    return;
  if (!(types = read_event_types (ctx, json_object_get_member (body, "event_types"))))
    return;

  w = g_new0 (SrvWebhookEndpoint, 1);
  w->account_id = ctx->key->account_id;
  w->name = g_strdup (name);
  w->url = g_strdup (url);
  w->event_types = g_steal_pointer (&types);
  w->secret = srv_webhook_secret_new ();

  check_url (ctx, url, create_checked, g_steal_pointer (&w),
             (GDestroyNotify)srv_webhook_endpoint_free);
}

void
srv_route_webhooks_get (SrvContext *ctx)
{
  g_autoptr(SrvWebhookEndpoint) w = find_endpoint (ctx);

  if (w != NULL)
    reply_node (ctx, 200, srv_webhook_endpoint_to_json (w, FALSE));
}

static void
reply_fresh_endpoint (SrvContext *ctx,
                      const char *id,
                      gboolean    with_secret)
{
  g_autoptr(SrvWebhookEndpoint) w = NULL;
  g_autoptr(GError) error = NULL;

  if (!(w = srv_store_webhooks_get_endpoint (store_of (ctx), id, ctx->key->account_id, &error)))
    {
      reply_store_error (ctx, error);
      return;
    }
  reply_node (ctx, 200, srv_webhook_endpoint_to_json (w, with_secret));
}

static void
update_checked (SrvContext *ctx,
                gpointer    data)
{
  Update *u = data;
  g_autoptr(GError) error = NULL;

  if (!srv_store_webhooks_update_endpoint (store_of (ctx), u->id, ctx->key->account_id, u->name,
                                           u->url, (const char * const *)u->event_types, u->status,
                                           &error))
    {
      reply_store_error (ctx, error);
      return;
    }
  reply_fresh_endpoint (ctx, u->id, FALSE);
}

void
srv_route_webhooks_update (SrvContext *ctx)
{
  g_autoptr(SrvWebhookEndpoint) w = NULL;
  g_autoptr(JsonNode) root = NULL;
  Update *u;
  const char *name, *url, *status;
  JsonObject *body;
  gboolean ok;

  if (!(w = find_endpoint (ctx)) || !(root = srv_context_parse_json_body (ctx)))
    return;
  body = json_node_get_object (root);
  if (!check_fields (ctx, body, update_fields))
    return;
  if (json_object_get_size (body) == 0)
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "body",
                               "Send at least one of name, url, event_types and status");
      return;
    }
  if (g_str_equal (w->status, "revoked"))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, NULL,
                               "The webhook endpoint %s was revoked; a revoked endpoint cannot change",
                               w->id);
      return;
    }

  name = string_member (ctx, body, "name", FALSE, &ok);
  if (!ok || (name != NULL && !check_name (ctx, name)))
    return;
  url = string_member (ctx, body, "url", FALSE, &ok);
  if (!ok)
    return;
  status = string_member (ctx, body, "status", FALSE, &ok);
  if (!ok)
    return;
  if (status != NULL && !g_str_equal (status, "active") && !g_str_equal (status, "disabled"))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "status",
                               "status is active or disabled (DELETE revokes an endpoint)");
      return;
    }

  u = g_new0 (Update, 1);
  u->id = g_strdup (w->id);
  u->name = g_strdup (name);
  u->url = g_strdup (url);
  u->status = g_strdup (status);
  if (json_object_has_member (body, "event_types") &&
      !(u->event_types = read_event_types (ctx, json_object_get_member (body, "event_types"))))
    {
      update_free (u);
      return;
    }

  if (url != NULL)
    check_url (ctx, url, update_checked, u, (GDestroyNotify)update_free);
  else
    {
      update_checked (ctx, u);
      update_free (u);
    }
}

void
srv_route_webhooks_delete (SrvContext *ctx)
{
  g_autoptr(SrvWebhookEndpoint) w = find_endpoint (ctx);
  g_autoptr(GError) error = NULL;

  if (w == NULL)
    return;
  if (!srv_store_webhooks_revoke_endpoint (store_of (ctx), w->id, ctx->key->account_id, &error))
    {
      reply_store_error (ctx, error);
      return;
    }
  reply_fresh_endpoint (ctx, w->id, FALSE);
}

void
srv_route_webhooks_rotate_secret (SrvContext *ctx)
{
  g_autoptr(SrvWebhookEndpoint) w = find_endpoint (ctx);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  if (w == NULL || !check_empty_body (ctx))
    return;

  secret = srv_webhook_secret_new ();
  if (!srv_store_webhooks_rotate_secret (store_of (ctx), w->id, ctx->key->account_id, secret, &error))
    {
      reply_store_error (ctx, error);
      return;
    }
  memset (secret, 0, strlen (secret));
  reply_fresh_endpoint (ctx, w->id, TRUE);
}

void
srv_route_webhooks_test (SrvContext *ctx)
{
  g_autoptr(SrvWebhookEndpoint) w = find_endpoint (ctx);
  g_autoptr(SrvWebhookDelivery) d = NULL;
  g_autoptr(GError) error = NULL;

  if (w == NULL || !check_empty_body (ctx))
    return;

  if (!g_str_equal (w->status, "active"))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, NULL,
                               "The webhook endpoint %s is %s; only an active endpoint gets test events",
                               w->id, w->status);
      return;
    }

  if (!(d = srv_store_webhooks_add_test_event (store_of (ctx), w->id, &error)))
    {
      reply_store_error (ctx, error);
      return;
    }
  reply_node (ctx, 202, srv_webhook_delivery_to_json (d));
}

/* B.5 paging: ?limit= 1 to 100 (20 by default), ?after=<id>. */
static gboolean
read_paging (SrvContext  *ctx,
             const char  *prefix,
             guint       *limit,
             char       **after)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (ctx->msg));
  g_autoptr(GHashTable) params = NULL;
  const char *limit_text = NULL, *after_text = NULL;
  guint64 value = DEFAULT_PAGE;

  if (query != NULL)
    {
      if (!(params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL)))
        {
          srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "query",
                                   "The query string is not valid");
          return FALSE;
        }
      limit_text = g_hash_table_lookup (params, "limit");
      after_text = g_hash_table_lookup (params, "after");
    }

  if (limit_text != NULL && !g_ascii_string_to_unsigned (limit_text, 10, 1, MAX_PAGE, &value, NULL))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "limit",
                               "limit is a whole number from 1 to %d", MAX_PAGE);
      return FALSE;
    }
  if (after_text != NULL && !srv_id_is_valid (after_text, prefix))
    {
      srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "after",
                               "after is the id (%s...) of an item of this list", prefix);
      return FALSE;
    }

  *limit = (guint)value;
  *after = g_strdup (after_text);
  return TRUE;
}

static void
reply_page (SrvContext   *ctx,
            GPtrArray    *nodes,
            gboolean      has_more,
            const char   *last_id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "list");
  json_builder_set_member_name (b, "data");
  json_builder_begin_array (b);
  for (guint i = 0; i < nodes->len; i++)
    json_builder_add_value (b, json_node_ref (g_ptr_array_index (nodes, i)));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "has_more");
  json_builder_add_boolean_value (b, has_more);
  srv_json_add_string_or_null (b, "next_after", has_more ? last_id : NULL);
  json_builder_end_object (b);
  srv_context_reply_builder (ctx, 200, b);
}

static gboolean
reply_page_error (SrvContext   *ctx,
                  const GError *error)
{
  if (g_error_matches (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INVALID))
    srv_context_reply_error (ctx, SRV_ERROR_VALIDATION_FAILED, "after",
                             "after is the id of an item of this list");
  else
    srv_context_reply_internal (ctx, error);
  return FALSE;
}

void
srv_route_webhooks_list (SrvContext *ctx)
{
  g_autoptr(GPtrArray) endpoints = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gboolean has_more = FALSE;
  const char *last = NULL;
  guint limit;

  if (!read_paging (ctx, "whend_", &limit, &after))
    return;
  if (!(endpoints = srv_store_webhooks_list_endpoints (store_of (ctx), ctx->key->account_id, after,
                                                       limit, &has_more, &error)))
    {
      reply_page_error (ctx, error);
      return;
    }

  for (guint i = 0; i < endpoints->len; i++)
    {
      SrvWebhookEndpoint *w = g_ptr_array_index (endpoints, i);

      g_ptr_array_add (nodes, srv_webhook_endpoint_to_json (w, FALSE));
      last = w->id;
    }
  reply_page (ctx, nodes, has_more, last);
}

void
srv_route_webhooks_deliveries (SrvContext *ctx)
{
  g_autoptr(SrvWebhookEndpoint) w = NULL;
  g_autoptr(GPtrArray) deliveries = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  gboolean has_more = FALSE;
  const char *last = NULL;
  guint limit;

  if (!(w = find_endpoint (ctx)) || !read_paging (ctx, "whdel_", &limit, &after))
    return;
  if (!(deliveries = srv_store_webhooks_list_deliveries (store_of (ctx), w->id, after, limit,
                                                         &has_more, &error)))
    {
      reply_page_error (ctx, error);
      return;
    }

  for (guint i = 0; i < deliveries->len; i++)
    {
      SrvWebhookDelivery *d = g_ptr_array_index (deliveries, i);

      g_ptr_array_add (nodes, srv_webhook_delivery_to_json (d));
      last = d->id;
    }
  reply_page (ctx, nodes, has_more, last);
}

void
srv_route_webhook_events_list (SrvContext *ctx)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *base = srv_context_base_url (ctx);
  gboolean has_more = FALSE;
  const char *last = NULL;
  guint limit;

  if (!read_paging (ctx, "evt_", &limit, &after))
    return;
  if (!(events = srv_store_webhooks_list_events (store_of (ctx), ctx->key->account_id, after, limit,
                                                 &has_more, &error)))
    {
      reply_page_error (ctx, error);
      return;
    }

  for (guint i = 0; i < events->len; i++)
    {
      SrvWebhookEvent *e = g_ptr_array_index (events, i);
      JsonNode *node = srv_webhook_event_to_json (store_of (ctx), e, base, &error);

      if (node == NULL)
        {
          srv_context_reply_internal (ctx, error);
          return;
        }
      g_ptr_array_add (nodes, node);
      last = e->id;
    }
  reply_page (ctx, nodes, has_more, last);
}
