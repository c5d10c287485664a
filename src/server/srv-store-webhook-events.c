/* srv-store-webhook-events.c
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

#include "srv-store-webhooks-private.h"
#include "srv-util.h"

#define EVENT_COLUMNS "id, account_id, type, generation_id, data, created_at"

#define DELIVERY_COLUMNS \
  "d.id, d.endpoint_id, d.event_id, e.type, d.attempt, d.status," \
  " coalesce (d.response_status, 0), d.error, coalesce (d.duration_ms, -1), d.created_at," \
  " d.due_at, coalesce (d.next_retry_at, 0)"

#define DELIVERY_FROM \
  " FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id"

static SrvWebhookEvent *
event_from_row (SrvStmt *stmt)
{
  SrvWebhookEvent *e = g_new0 (SrvWebhookEvent, 1);

  e->id = srv_stmt_dup_text (stmt, 0);
  e->account_id = srv_stmt_get_int64 (stmt, 1);
  e->type = srv_stmt_dup_text (stmt, 2);
  e->generation_id = srv_stmt_dup_text (stmt, 3);
  e->data = srv_stmt_dup_text (stmt, 4);
  e->created_at = srv_stmt_get_int64 (stmt, 5);
  return e;
}

static SrvWebhookDelivery *
delivery_from_row (SrvStmt *stmt)
{
  SrvWebhookDelivery *d = g_new0 (SrvWebhookDelivery, 1);

  d->id = srv_stmt_dup_text (stmt, 0);
  d->endpoint_id = srv_stmt_dup_text (stmt, 1);
  d->event_id = srv_stmt_dup_text (stmt, 2);
  d->event_type = srv_stmt_dup_text (stmt, 3);
  d->attempt = srv_stmt_get_int64 (stmt, 4);
  d->status = srv_stmt_dup_text (stmt, 5);
  d->response_status = srv_stmt_get_int64 (stmt, 6);
  d->error = srv_stmt_dup_text (stmt, 7);
  d->duration_ms = srv_stmt_get_int64 (stmt, 8);
  d->created_at = srv_stmt_get_int64 (stmt, 9);
  d->due_at = srv_stmt_get_int64 (stmt, 10);
  d->next_retry_at = srv_stmt_get_int64 (stmt, 11);
  return d;
}

static gboolean
insert_event (SrvStore    *self,
              const char  *id,
              gint64       account_id,
              const char  *type,
              const char  *generation_id,
              const char  *data,
              gint64       now,
              GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "INSERT INTO webhook_events (id, account_id, type,"
                                            " generation_id, data, created_at)"
                                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                            error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_text (stmt, 1, id);
  srv_stmt_bind_int64 (stmt, 2, account_id);
  srv_stmt_bind_text (stmt, 3, type);
  srv_stmt_bind_text (stmt, 4, generation_id);
  srv_stmt_bind_text (stmt, 5, data);
  srv_stmt_bind_int64 (stmt, 6, now);
  return srv_stmt_run (stmt, error);
}

static gboolean
insert_delivery (SrvStore    *self,
                 const char  *id,
                 const char  *endpoint_id,
                 const char  *event_id,
                 gint64       attempt,
                 gint64       now,
                 gint64       due_at,
                 GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "INSERT INTO webhook_deliveries (id, endpoint_id, event_id,"
                                            " attempt, status, created_at, due_at, next_retry_at)"
                                            " VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6, ?7)",
                                            error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_text (stmt, 1, id);
  srv_stmt_bind_text (stmt, 2, endpoint_id);
  srv_stmt_bind_text (stmt, 3, event_id);
  srv_stmt_bind_int64 (stmt, 4, attempt);
  srv_stmt_bind_int64 (stmt, 5, now);
  srv_stmt_bind_int64 (stmt, 6, due_at);
  /* A retry says when it will go; a first attempt goes at once. */
  if (attempt > 1)
    srv_stmt_bind_int64 (stmt, 7, due_at);
  else
    srv_stmt_bind_null (stmt, 7);
  return srv_stmt_run (stmt, error);
}

/* Part of the transaction that finishes a job (srv-store-jobs.c): the
 * event and its deliveries exist exactly when the job has ended. */
gboolean
srv_store_webhooks_add_generation_event (SrvStore    *self,
                                         gint64       account_id,
                                         const char  *generation_id,
                                         gboolean     succeeded,
                                         GError     **error)
{
  const char *type = succeeded ? "generation.succeeded" : "generation.failed";
  g_autofree char *event_id = srv_id_new ("evt_");
  g_autofree char *needle = g_strdup_printf (" %s ", type);
  g_autoptr(GPtrArray) endpoints = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  gint64 now = srv_now_ms ();

  if (!insert_event (self, event_id, account_id, type, generation_id, NULL, now, error))
    return FALSE;

  /* event_types is stored space-separated. */
  stmt = srv_db_prepare (self->db,
                         "SELECT id FROM webhook_endpoints WHERE account_id = ?1"
                         " AND status = 'active' AND instr (' ' || event_types || ' ', ?2) > 0",
                         error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_int64 (stmt, 1, account_id);
  srv_stmt_bind_text (stmt, 2, needle);
  endpoints = srv_stmt_collect (stmt, srv_stmt_dup_first_text, g_free, error);
  g_clear_pointer (&stmt, srv_stmt_free);
  if (endpoints == NULL)
    return FALSE;

  for (guint i = 0; i < endpoints->len; i++)
    {
      g_autofree char *delivery_id = srv_id_new ("whdel_");

      if (!insert_delivery (self, delivery_id, g_ptr_array_index (endpoints, i), event_id,
                            1, now, now, error))
        return FALSE;
    }

  if (endpoints->len > 0)
    _srv_webhooks_notify_pending (self);
  return TRUE;
}

SrvWebhookDelivery *
srv_store_webhooks_add_test_event (SrvStore    *self,
                                   const char  *endpoint_id,
                                   GError     **error)
{
  g_autoptr(SrvWebhookEndpoint) w = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *event_id = srv_id_new ("evt_");
  g_autofree char *delivery_id = srv_id_new ("whdel_");
  gint64 now = srv_now_ms ();
  gboolean ok;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "endpoint_id");
  json_builder_add_string_value (b, endpoint_id);
  json_builder_end_object (b);
  data = json_builder_get_root (b);
  text = srv_json_to_string (data, NULL);

  if (!srv_db_begin (self->db, error))
    return NULL;
  if (!(w = _srv_webhooks_get_changeable (self, endpoint_id, 0, error)))
    {
      _srv_webhooks_end_transaction (self, FALSE, NULL);
      return NULL;
    }
  ok = insert_event (self, event_id, w->account_id, "webhook.test", NULL, text, now, error) &&
       insert_delivery (self, delivery_id, endpoint_id, event_id, 1, now, now, error);
  if (!_srv_webhooks_end_transaction (self, ok, error))
    return NULL;

  _srv_webhooks_notify_pending (self);
  return srv_store_webhooks_get_delivery (self, delivery_id, error);
}

SrvWebhookEvent *
srv_store_webhooks_get_event (SrvStore    *self,
                              const char  *id,
                              GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT " EVENT_COLUMNS " FROM webhook_events WHERE id = ?1",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, id);
  if (srv_stmt_next (stmt, error))
    return event_from_row (stmt);
  if (error != NULL && *error == NULL)
    g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "No such event");
  return NULL;
}

GPtrArray *
srv_store_webhooks_list_events (SrvStore    *self,
                                gint64       account_id,
                                const char  *after,
                                guint        limit,
                                gboolean    *has_more,
                                GError     **error)
{
  return _srv_store_page (self,
                          "SELECT seq FROM webhook_events WHERE id = ?1 AND account_id = ?2",
                          "SELECT " EVENT_COLUMNS " FROM webhook_events"
                          " WHERE account_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3",
                          NULL, account_id, after, limit, (SrvRowFunc)event_from_row,
                          (GDestroyNotify)srv_webhook_event_free, has_more, error);
}

SrvWebhookDelivery *
srv_store_webhooks_get_delivery (SrvStore    *self,
                                 const char  *id,
                                 GError     **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT " DELIVERY_COLUMNS DELIVERY_FROM " WHERE d.id = ?1",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_text (stmt, 1, id);
  if (srv_stmt_next (stmt, error))
    return delivery_from_row (stmt);
  if (error != NULL && *error == NULL)
    g_set_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND, "No such delivery");
  return NULL;
}

GPtrArray *
srv_store_webhooks_list_deliveries (SrvStore    *self,
                                    const char  *endpoint_id,
                                    const char  *after,
                                    guint        limit,
                                    gboolean    *has_more,
                                    GError     **error)
{
  return _srv_store_page (self,
                          "SELECT seq FROM webhook_deliveries WHERE id = ?1 AND endpoint_id = ?2",
                          "SELECT " DELIVERY_COLUMNS DELIVERY_FROM
                          " WHERE d.endpoint_id = ?1 AND d.seq < ?2 ORDER BY d.seq DESC LIMIT ?3",
                          endpoint_id, 0, after, limit, (SrvRowFunc)delivery_from_row,
                          (GDestroyNotify)srv_webhook_delivery_free, has_more, error);
}

/* Pending attempts whose time has come, for endpoints that take
 * deliveries now: a disabled endpoint's wait until it is re-enabled. */
GPtrArray *
srv_store_webhooks_due_deliveries (SrvStore  *self,
                                   gint64     now,
                                   guint      limit,
                                   GError   **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT " DELIVERY_COLUMNS DELIVERY_FROM
                                            " JOIN webhook_endpoints w ON w.id = d.endpoint_id"
                                            " WHERE d.status = 'pending' AND d.due_at <= ?1"
                                            " AND w.status = 'active'"
                                            " ORDER BY d.due_at, d.seq LIMIT ?2",
                                            error);
  if (stmt == NULL)
    return NULL;
  srv_stmt_bind_int64 (stmt, 1, now);
  srv_stmt_bind_int64 (stmt, 2, limit);
  return srv_stmt_collect (stmt, (SrvRowFunc)delivery_from_row,
                           (GDestroyNotify)srv_webhook_delivery_free, error);
}

/* When the next pending attempt after now is due, or 0. */
gint64
srv_store_webhooks_next_due (SrvStore  *self,
                             GError   **error)
{
  g_autoptr(SrvStmt) stmt = srv_db_prepare (self->db,
                                            "SELECT coalesce (min (d.due_at), 0) FROM webhook_deliveries d"
                                            " JOIN webhook_endpoints w ON w.id = d.endpoint_id"
                                            " WHERE d.status = 'pending' AND d.due_at > ?1"
                                            " AND w.status = 'active'",
                                            error);
  if (stmt == NULL)
    return 0;
  srv_stmt_bind_int64 (stmt, 1, srv_now_ms ());
  if (!srv_stmt_next (stmt, error))
    return 0;
  return srv_stmt_get_int64 (stmt, 0);
}

static gboolean
update_endpoint_after (SrvStore                *self,
                       const char              *endpoint_id,
                       const SrvWebhookOutcome *outcome,
                       gboolean                 final,
                       gint64                   now,
                       GError                 **error)
{
  static const char *success_sql =
    "UPDATE webhook_endpoints SET last_success_at = ?2, failure_count = 0 WHERE id = ?1";
  static const char *failure_sql =
    "UPDATE webhook_endpoints SET last_failure_at = ?2,"
    " failure_count = failure_count + ?3 WHERE id = ?1";
  static const char *disable_sql =
    "UPDATE webhook_endpoints SET status = 'disabled', disabled_at = ?2"
    " WHERE id = ?1 AND status = 'active' AND failure_count >= ?3";
  g_autoptr(SrvStmt) stmt = NULL;
  g_autoptr(SrvStmt) disable = NULL;

  stmt = srv_db_prepare (self->db, outcome->success ? success_sql : failure_sql, error);
  if (stmt == NULL)
    return FALSE;
  srv_stmt_bind_text (stmt, 1, endpoint_id);
  srv_stmt_bind_int64 (stmt, 2, now);
  if (!outcome->success)
    srv_stmt_bind_int64 (stmt, 3, final ? 1 : 0);
  if (!srv_stmt_run (stmt, error))
    return FALSE;
  if (outcome->success || !final)
    return TRUE;

  disable = srv_db_prepare (self->db, disable_sql, error);
  if (disable == NULL)
    return FALSE;
  srv_stmt_bind_text (disable, 1, endpoint_id);
  srv_stmt_bind_int64 (disable, 2, now);
  srv_stmt_bind_int64 (disable, 3, SRV_WEBHOOK_DISABLE_AFTER);
  return srv_stmt_run (disable, error);
}

/* Ends one attempt and, after a failure with tries left, schedules the
 * next one, in one transaction. An attempt that is no longer pending
 * (its endpoint was revoked meanwhile) is left as it is. */
gboolean
srv_store_webhooks_record_attempt (SrvStore                *self,
                                   const char              *delivery_id,
                                   const SrvWebhookOutcome *outcome,
                                   GError                 **error)
{
  g_autoptr(SrvWebhookDelivery) d = NULL;
  g_autoptr(SrvStmt) stmt = NULL;
  gint64 now = srv_now_ms ();
  gboolean retry, ok;

  if (!srv_db_begin (self->db, error))
    return FALSE;
  if (!(d = srv_store_webhooks_get_delivery (self, delivery_id, error)))
    return _srv_webhooks_end_transaction (self, FALSE, error);
  if (!g_str_equal (d->status, "pending"))
    return _srv_webhooks_end_transaction (self, TRUE, error);

  retry = !outcome->success && outcome->retry_delay_ms >= 0 && d->attempt < SRV_WEBHOOK_MAX_ATTEMPTS;

  stmt = srv_db_prepare (self->db,
                         "UPDATE webhook_deliveries SET status = ?2, response_status = ?3, error = ?4,"
                         " duration_ms = ?5, next_retry_at = ?6 WHERE id = ?1",
                         error);
  ok = stmt != NULL;
  if (ok)
    {
      srv_stmt_bind_text (stmt, 1, delivery_id);
      srv_stmt_bind_text (stmt, 2, outcome->success ? "succeeded" : "failed");
      if (outcome->response_status > 0)
        srv_stmt_bind_int64 (stmt, 3, outcome->response_status);
      else
        srv_stmt_bind_null (stmt, 3);
      srv_stmt_bind_text (stmt, 4, outcome->success ? NULL : outcome->error);
      srv_stmt_bind_int64 (stmt, 5, MAX (outcome->duration_ms, 0));
      if (retry)
        srv_stmt_bind_int64 (stmt, 6, now + outcome->retry_delay_ms);
      else
        srv_stmt_bind_null (stmt, 6);
      ok = srv_stmt_run (stmt, error);
      g_clear_pointer (&stmt, srv_stmt_free);
    }

  if (ok && retry)
    {
      g_autofree char *next_id = srv_id_new ("whdel_");

      ok = insert_delivery (self, next_id, d->endpoint_id, d->event_id, d->attempt + 1, now,
                            now + outcome->retry_delay_ms, error);
    }

  ok = ok && update_endpoint_after (self, d->endpoint_id, outcome, !outcome->success && !retry,
                                    now, error);
  return _srv_webhooks_end_transaction (self, ok, error);
}

void
srv_webhook_event_free (SrvWebhookEvent *e)
{
  if (e == NULL)
    return;
  g_free (e->id);
  g_free (e->type);
  g_free (e->generation_id);
  g_free (e->data);
  g_free (e);
}

void
srv_webhook_delivery_free (SrvWebhookDelivery *d)
{
  if (d == NULL)
    return;
  g_free (d->id);
  g_free (d->endpoint_id);
  g_free (d->event_id);
  g_free (d->event_type);
  g_free (d->status);
  g_free (d->error);
  g_free (d);
}
