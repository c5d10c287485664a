/* srv-store-webhooks.c
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

#include "srv-store-webhooks.h"

#include <string.h>

#include "srv-store-webhooks-private.h"
#include "srv-util.h"

#define NOTIFY_KEY "srv-store-webhooks-notify"

#define ENDPOINT_COLUMNS \
  "id, account_id, name, url, event_types, status, secret, old_secret," \
  " coalesce (old_secret_until, 0), coalesce (last_success_at, 0)," \
  " coalesce (last_failure_at, 0), failure_count, created_at, updated_at," \
  " coalesce (disabled_at, 0), coalesce (revoked_at, 0)"

typedef struct
{
  GSourceFunc func;
  gpointer    data;
  guint       idle_id;
} Notify;

static SrvWebhookEndpoint *
endpoint_from_row (SrvStmt *stmt)
{
  SrvWebhookEndpoint *w = g_new0 (SrvWebhookEndpoint, 1);

  w->id = srv_stmt_dup_text (stmt, 0);
  w->account_id = srv_stmt_get_int64 (stmt, 1);
  w->name = srv_stmt_dup_text (stmt, 2);
  w->url = srv_stmt_dup_text (stmt, 3);
  w->event_types = g_strsplit (srv_stmt_get_text (stmt, 4), " ", -1);
  w->status = srv_stmt_dup_text (stmt, 5);
  w->secret = srv_stmt_dup_text (stmt, 6);
  w->old_secret = srv_stmt_dup_text (stmt, 7);
  w->old_secret_until = srv_stmt_get_int64 (stmt, 8);
  w->last_success_at = srv_stmt_get_int64 (stmt, 9);
  w->last_failure_at = srv_stmt_get_int64 (stmt, 10);
  w->failure_count = srv_stmt_get_int64 (stmt, 11);
  w->created_at = srv_stmt_get_int64 (stmt, 12);
  w->updated_at = srv_stmt_get_int64 (stmt, 13);
  w->disabled_at = srv_stmt_get_int64 (stmt, 14);
  w->revoked_at = srv_stmt_get_int64 (stmt, 15);
  return w;
}

static gboolean
notify_idle_cb (gpointer user_data)
{
  Notify *n = user_data;

  n->idle_id = 0;
  if (n->func != NULL)
    n->func (n->data);
  return G_SOURCE_REMOVE;
}

static void
notify_free (Notify *n)
{
  g_clear_handle_id (&n->idle_id, g_source_remove);
  g_free (n);
}

/* From an idle: the caller's transaction has ended by then, so the
 * sender reads committed rows (or finds nothing after a rollback). */
void
_srv_webhooks_notify_pending (SrvStore *self)
{
  Notify *n = g_object_get_data (G_OBJECT (self), NOTIFY_KEY);

  if (n != NULL && n->func != NULL && n->idle_id == 0)
    n->idle_id = g_idle_add (notify_idle_cb, n);
}

void
srv_store_webhooks_set_notify (SrvStore    *self,
                               GSourceFunc  func,
                               gpointer     user_data)
{
  Notify *n = NULL;

  g_return_if_fail (SRV_IS_STORE (self));

  if (func != NULL)
    {
      n = g_new0 (Notify, 1);
      n->func = func;
      n->data = user_data;
    }
  g_object_set_data_full (G_OBJECT (self), NOTIFY_KEY, n, (GDestroyNotify)notify_free);
}

gboolean
_srv_webhooks_end_transaction (SrvStore  *self,
                               gboolean   ok,
                               GError   **error)
{
  if (ok && srv_db_commit (self->db, error))
    return TRUE;
  srv_db_rollback (self->db);
  return FALSE;
}

gboolean
srv_store_webhooks_create_endpoint (SrvStore            *self,
                                    SrvWebhookEndpoint  *w,
                                    GError             **error)
{
  g_autoptr(SrvStmt) stmt = NULL;
  g_autofree char *types = g_strjoinv (" ", w->event_types);

  if (w->id == NULL)
    w->id = srv_id_new ("whend_");
  w->created_at = w->updated_at = srv_now_ms ();
  g_free (w->status);
  w->status = g_strdup ("active");

  stmt = srv_db_prepare (self->db,
                         "INSERT INTO webhook_endpoints (id, account_id, name, url, event_types, status,"
                         " secret, failure_count, created_at, updated_at)"
                         " VALUES (?1, ?2, ?3, ?4, ?5, 'active', ?6, 0, ?7, ?7)",
                         error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_text (stmt, 1, w->id);
  srv_stmt_bind_int64 (stmt, 2, w->account_id);
  srv_stmt_bind_text (stmt, 3, w->name);
  srv_stmt_bind_text (stmt, 4, w->url);
  srv_stmt_bind_text (stmt, 5, types);
  srv_stmt_bind_text (stmt, 6, w->secret);
  srv_stmt_bind_int64 (stmt, 7, w->created_at);
  return srv_stmt_run (stmt, error);
}

SrvWebhookEndpoint *
srv_store_webhooks_get_endpoint (SrvStore    *self,
                                 const char  *id,
                                 gint64       account_id,
                                 GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT " ENDPOINT_COLUMNS " FROM webhook_endpoints"
                                            " WHERE id = ?1 AND (?2 = 0 OR account_id = ?2)",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, id);
  srv_stmt_bind_int64 (stmt, 2, account_id);
  if (srv_stmt_next (stmt, error))
    return endpoint_from_row (stmt);
  if (error != NULL && *error == NULL)
    g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "No such webhook endpoint");
  return NULL;
}

GPtrArray *
srv_store_webhooks_list_endpoints (SrvStore    *self,
                                   gint64       account_id,
                                   const char  *after,
                                   guint        limit,
                                   gboolean    *has_more,
                                   GError     **error)
{
  return _srv_store_page (self,
                          "SELECT seq FROM webhook_endpoints WHERE id = ?1 AND account_id = ?2",
                          "SELECT " ENDPOINT_COLUMNS " FROM webhook_endpoints"
                          " WHERE account_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3",
                          NULL, account_id, after, limit, (SrvRowFunc)endpoint_from_row,
                          (GDestroyNotify)srv_webhook_endpoint_free, has_more, error);
}

/* A revoked endpoint is kept for its history but never changes again. */
SrvWebhookEndpoint *
_srv_webhooks_get_changeable (SrvStore    *self,
                              const char  *id,
                              gint64       account_id,
                              GError     **error)
{
  g_autoptr(SrvWebhookEndpoint) w = srv_store_webhooks_get_endpoint (self, id, account_id, error);

  if (w != NULL && g_str_equal (w->status, "revoked"))
    {
      g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_CONFLICT,
                   "The webhook endpoint %s was revoked", id);
      return NULL;
    }
  return g_steal_pointer (&w);
}

gboolean
srv_store_webhooks_update_endpoint (SrvStore            *self,
                                    const char          *id,
                                    gint64               account_id,
                                    const char          *name,
                                    const char          *url,
                                    const char * const  *event_types,
                                    const char          *status,
                                    GError             **error)
{
  g_autoptr(SrvWebhookEndpoint) w = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  g_autofree char *types = event_types ? g_strjoinv (" ", (char **)event_types) : NULL;
  gboolean ok;

  if (!srv_db_begin (self->db, error))
    return FALSE;
  if (!(w = _srv_webhooks_get_changeable (self, id, account_id, error)))
    return _srv_webhooks_end_transaction (self, FALSE, error);

  /* Re-enabling forgets the failures that disabled the endpoint. */
  stmt = srv_db_prepare (self->db,
                         "UPDATE webhook_endpoints SET name = coalesce (?2, name),"
                         " url = coalesce (?3, url), event_types = coalesce (?4, event_types),"
                         " status = coalesce (?5, status),"
                         " disabled_at = CASE ?5 WHEN 'active' THEN NULL"
                         "   WHEN 'disabled' THEN coalesce (disabled_at, ?6) ELSE disabled_at END,"
                         " failure_count = CASE ?5 WHEN 'active' THEN 0 ELSE failure_count END,"
                         " updated_at = ?6 WHERE id = ?1",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      srv_stmt_bind_text (stmt, 1, id);
      srv_stmt_bind_text (stmt, 2, name);
      srv_stmt_bind_text (stmt, 3, url);
      srv_stmt_bind_text (stmt, 4, types);
      srv_stmt_bind_text (stmt, 5, status);
      srv_stmt_bind_int64 (stmt, 6, srv_now_ms ());
      ok = srv_stmt_run (stmt, error);
      g_clear_pointer (&stmt, srv_stmt_free);
    }
  if (!_srv_webhooks_end_transaction (self, ok, error))
    return FALSE;

  /* Deliveries held back while it was disabled may go now. */
  if (g_strcmp0 (status, "active") == 0)
    _srv_webhooks_notify_pending (self);
  return TRUE;
}

gboolean
srv_store_webhooks_revoke_endpoint (SrvStore    *self,
                                    const char  *id,
                                    gint64       account_id,
                                    GError     **error)
{
  g_autoptr(SrvWebhookEndpoint) w = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  g_autoptr(SrvStmt) pending = NULL;
  gint64 now = srv_now_ms ();
  gboolean ok;

  if (!srv_db_begin (self->db, error))
    return FALSE;
  if (!(w = srv_store_webhooks_get_endpoint (self, id, account_id, error)))
    return _srv_webhooks_end_transaction (self, FALSE, error);
  if (g_str_equal (w->status, "revoked"))
    return _srv_webhooks_end_transaction (self, TRUE, error);

  stmt = srv_db_prepare (self->db,
                         "UPDATE webhook_endpoints SET status = 'revoked', revoked_at = ?2,"
                         " updated_at = ?2 WHERE id = ?1",
                         error);
  pending = srv_db_prepare (self->db,
                            "UPDATE webhook_deliveries SET status = 'failed',"
                            " error = 'The endpoint was revoked', next_retry_at = NULL"
                            " WHERE endpoint_id = ?1 AND status = 'pending'",
                            error);
  ok = stmt != NULL && pending != NULL;
  if (ok)
    {
      srv_stmt_bind_text (stmt, 1, id);
      srv_stmt_bind_int64 (stmt, 2, now);
      srv_stmt_bind_text (pending, 1, id);
      ok = srv_stmt_run (stmt, error) && srv_stmt_run (pending, error);
    }
  g_clear_pointer (&stmt, srv_stmt_free);
  g_clear_pointer (&pending, srv_stmt_free);
  return _srv_webhooks_end_transaction (self, ok, error);
}

/* The previous secret keeps signing for a day beside the new one, so
 * receivers can switch without losing a delivery (B.11). */
gboolean
srv_store_webhooks_rotate_secret (SrvStore    *self,
                                  const char  *id,
                                  gint64       account_id,
                                  const char  *secret,
                                  GError     **error)
{
  g_autoptr(SrvWebhookEndpoint) w = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  gint64 now = srv_now_ms ();
  gboolean ok;

  if (!srv_db_begin (self->db, error))
    return FALSE;
  if (!(w = _srv_webhooks_get_changeable (self, id, account_id, error)))
    return _srv_webhooks_end_transaction (self, FALSE, error);

  stmt = srv_db_prepare (self->db,
                         "UPDATE webhook_endpoints SET old_secret = secret, old_secret_until = ?3,"
                         " secret = ?2, updated_at = ?4 WHERE id = ?1",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      srv_stmt_bind_text (stmt, 1, id);
      srv_stmt_bind_text (stmt, 2, secret);
      srv_stmt_bind_int64 (stmt, 3, now + SRV_WEBHOOK_SECRET_GRACE_MS);
      srv_stmt_bind_int64 (stmt, 4, now);
      ok = srv_stmt_run (stmt, error);
      g_clear_pointer (&stmt, srv_stmt_free);
    }
  return _srv_webhooks_end_transaction (self, ok, error);
}

void
srv_webhook_endpoint_free (SrvWebhookEndpoint *w)
{
  if (w == NULL)
    return;
  g_free (w->id);
  g_free (w->name);
  g_free (w->url);
  g_strfreev (w->event_types);
  g_free (w->status);
  /* Secrets are not left behind in freed memory. */
  if (w->secret != NULL)
    memset (w->secret, 0, strlen (w->secret));
  if (w->old_secret != NULL)
    memset (w->old_secret, 0, strlen (w->old_secret));
  g_free (w->secret);
  g_free (w->old_secret);
  g_free (w);
}

