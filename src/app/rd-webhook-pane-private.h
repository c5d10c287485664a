/* rd-webhook-pane-private.h
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

#pragma once

#include "rd-webhook-pane.h"

G_BEGIN_DECLS

#define DELIVERY_POLL_MS     1000
#define DELIVERY_POLL_TRIES  20

struct _RdWebhookPane
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *detail;
  GtkListBox          *endpoint_list;
  AdwPreferencesGroup *endpoint_group;
  AdwActionRow        *url_row;
  AdwActionRow        *status_row;
  AdwActionRow        *events_row;
  AdwActionRow        *secret_row;
  AdwActionRow        *health_row;
  GtkButton           *toggle_button;
  GtkListBox          *delivery_list;

  /* Owned references */
  RdSession           *session;
  GListStore          *endpoints;
  GListStore          *deliveries;
  GCancellable        *cancellable;
  char                *selected_id;
  guint                poll_id;
  guint                polls_left;
  guint                n_loading;
  guint                selecting : 1;
  guint                loaded : 1;
};

RivyaClient *_rd_webhook_pane_get_client        (RdWebhookPane  *self);
void         _rd_webhook_pane_show_error        (RdWebhookPane  *self,
                                                 const char     *what,
                                                 const GError   *error);
void         _rd_webhook_pane_show_toast        (RdWebhookPane  *self,
                                                 const char     *text);
gboolean     _rd_webhook_pane_is_stale          (RdWebhookPane  *self,
                                                 GObject        *client,
                                                 const GError   *error);
void         _rd_webhook_pane_set_loading       (RdWebhookPane  *self,
                                                 gboolean        loading);
void         _rd_webhook_pane_load_deliveries   (RdWebhookPane  *self);
void         _rd_webhook_pane_class_actions_init (GtkWidgetClass *widget_class);

G_END_DECLS
