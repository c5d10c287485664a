/* rd-webhook-pane-deliveries.c
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

#define G_LOG_DOMAIN "rd-webhook-pane-deliveries"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-webhook-pane-private.h"

/* The selected endpoint's recent deliveries. They go out in the
 * background after an event, so a list with a pending one is read again
 * every DELIVERY_POLL_MS, a few times, until it settles. */

static gboolean
has_pending (RdWebhookPane *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->deliveries)); i++)
    {
      g_autoptr(RivyaWebhookDelivery) delivery = g_list_model_get_item (G_LIST_MODEL (self->deliveries), i);

      if (g_strcmp0 (rivya_webhook_delivery_get_status (delivery), "pending") == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
poll_cb (gpointer user_data)
{
  RdWebhookPane *self = user_data;

  self->poll_id = 0;
  _rd_webhook_pane_load_deliveries (self);
  return G_SOURCE_REMOVE;
}

static void
deliveries_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RdWebhookPane) self = user_data;
  g_autoptr(RivyaPage) page = NULL;
  g_autoptr(GError) error = NULL;
  const char *endpoint_id = g_object_get_data (G_OBJECT (result), "endpoint-id");
  guint n;

  page = rivya_client_list_webhook_deliveries_finish (RIVYA_CLIENT (object), result, &error);
  _rd_webhook_pane_set_loading (self, FALSE);
  if (_rd_webhook_pane_is_stale (self, object, error))
    return;
  if (page == NULL)
    {
      _rd_webhook_pane_show_error (self, _("Could not list the deliveries"), error);
      return;
    }
  /* Another endpoint was selected meanwhile. */
  if (g_strcmp0 (endpoint_id, self->selected_id) != 0)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (page));
  g_list_store_remove_all (self->deliveries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) delivery = g_list_model_get_item (G_LIST_MODEL (page), i);

      g_list_store_append (self->deliveries, delivery);
    }

  /* Deliveries go out in the background: look again while one is
   * pending, for a while. */
  if (has_pending (self) && self->polls_left > 0 && self->poll_id == 0)
    {
      self->polls_left--;
      self->poll_id = g_timeout_add (DELIVERY_POLL_MS, poll_cb, self);
    }
}

typedef struct
{
  RdWebhookPane *self;
  char          *endpoint_id;
} DeliveriesCall;

static void
deliveries_call_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DeliveriesCall *call = user_data;

  g_object_set_data_full (G_OBJECT (result), "endpoint-id", g_steal_pointer (&call->endpoint_id),
                          g_free);
  deliveries_cb (object, result, call->self);
  g_free (call);
}

void
_rd_webhook_pane_load_deliveries (RdWebhookPane *self)
{
  RivyaClient *client = _rd_webhook_pane_get_client (self);
  DeliveriesCall *call;

  if (client == NULL || self->selected_id == NULL)
    return;

  call = g_new0 (DeliveriesCall, 1);
  call->self = g_object_ref (self);
  call->endpoint_id = g_strdup (self->selected_id);
  _rd_webhook_pane_set_loading (self, TRUE);
  rivya_client_list_webhook_deliveries_async (client, self->selected_id, 20, NULL,
                                              self->cancellable, deliveries_call_cb, call);
}
