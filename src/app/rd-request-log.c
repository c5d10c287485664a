/* rd-request-log.c
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

#define G_LOG_DOMAIN "rd-request-log"

#include "config.h"

#include "rd-request-log.h"

#include "rd-util.h"

/* RdRequestLog: the last RD_REQUEST_LOG_MAX calls of this run, newest
 * first, as a GListModel of RivyaRequestRecord.
 *
 * It follows whatever client the session has now: the session replaces
 * its client (a restarted server, another account), so the log never
 * keeps one and retargets a GSignalGroup on notify::client. Records
 * already logged stay. Records hold no key (RivyaRequestRecord says why).
 */

struct _RdRequestLog
{
  GObject       parent_instance;

  /* Owned references */
  RdSession    *session;
  GSignalGroup *client_signals;
  GPtrArray    *records;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RdRequestLog, rd_request_log, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
rd_request_log_get_item_type (GListModel *model)
{
  return RIVYA_TYPE_REQUEST_RECORD;
}

static guint
rd_request_log_get_n_items (GListModel *model)
{
  return RD_REQUEST_LOG (model)->records->len;
}

static gpointer
rd_request_log_get_item (GListModel *model,
                         guint       position)
{
  RdRequestLog *self = RD_REQUEST_LOG (model);

  if (position >= self->records->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->records, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rd_request_log_get_item_type;
  iface->get_n_items = rd_request_log_get_n_items;
  iface->get_item = rd_request_log_get_item;
}

static void
request_recorded_cb (RdRequestLog       *self,
                     RivyaRequestRecord *record)
{
  g_assert (RD_IS_REQUEST_LOG (self));
  g_assert (RIVYA_IS_REQUEST_RECORD (record));

  rd_request_log_add (self, record);
}

static void
session_client_cb (RdRequestLog *self)
{
  g_assert (RD_IS_REQUEST_LOG (self));

  g_signal_group_set_target (self->client_signals,
                             self->session ? rd_session_get_client (self->session) : NULL);
}

static void
rd_request_log_dispose (GObject *object)
{
  RdRequestLog *self = RD_REQUEST_LOG (object);

  rd_request_log_set_session (self, NULL);

  G_OBJECT_CLASS (rd_request_log_parent_class)->dispose (object);
}

static void
rd_request_log_finalize (GObject *object)
{
  RdRequestLog *self = RD_REQUEST_LOG (object);

  g_clear_object (&self->client_signals);
  g_clear_pointer (&self->records, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_request_log_parent_class)->finalize (object);
}

static void
rd_request_log_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RdRequestLog *self = RD_REQUEST_LOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->records->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_request_log_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RdRequestLog *self = RD_REQUEST_LOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rd_request_log_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_request_log_class_init (RdRequestLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_request_log_dispose;
  object_class->finalize = rd_request_log_finalize;
  object_class->get_property = rd_request_log_get_property;
  object_class->set_property = rd_request_log_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_request_log_init (RdRequestLog *self)
{
  self->records = g_ptr_array_new_with_free_func (g_object_unref);
  self->client_signals = g_signal_group_new (RIVYA_TYPE_CLIENT);
  g_signal_group_connect_object (self->client_signals, "request-recorded",
                                 G_CALLBACK (request_recorded_cb), self, G_CONNECT_SWAPPED);
}

RdRequestLog *
rd_request_log_new (void)
{
  return g_object_new (RD_TYPE_REQUEST_LOG, NULL);
}

RdSession *
rd_request_log_get_session (RdRequestLog *self)
{
  g_return_val_if_fail (RD_IS_REQUEST_LOG (self), NULL);

  return self->session;
}

void
rd_request_log_set_session (RdRequestLog *self,
                            RdSession    *session)
{
  g_return_if_fail (RD_IS_REQUEST_LOG (self));
  g_return_if_fail (session == NULL || RD_IS_SESSION (session));

  if (!rd_util_follow_session (&self->session, session, G_CALLBACK (session_client_cb), self))
    return;
  session_client_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Newest first; the oldest goes once the log is full. */
void
rd_request_log_add (RdRequestLog       *self,
                    RivyaRequestRecord *record)
{
  gboolean full;

  g_return_if_fail (RD_IS_REQUEST_LOG (self));
  g_return_if_fail (RIVYA_IS_REQUEST_RECORD (record));

  full = self->records->len >= RD_REQUEST_LOG_MAX;

  /* One row out, one row in: exact changes, so that views keep the
   * widgets of the other rows. */
  if (full)
    {
      g_ptr_array_remove_index (self->records, self->records->len - 1);
      g_list_model_items_changed (G_LIST_MODEL (self), self->records->len, 1, 0);
    }

  g_ptr_array_insert (self->records, 0, g_object_ref (record));
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);
  if (!full)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
rd_request_log_clear (RdRequestLog *self)
{
  guint n;

  g_return_if_fail (RD_IS_REQUEST_LOG (self));

  if ((n = self->records->len) == 0)
    return;

  g_ptr_array_set_size (self->records, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}
