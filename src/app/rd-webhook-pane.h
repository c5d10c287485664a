/* rd-webhook-pane.h
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

#include <adwaita.h>
#include <rivya.h>

#include "rd-session.h"

G_BEGIN_DECLS

#define RD_TYPE_WEBHOOK_PANE (rd_webhook_pane_get_type ())

G_DECLARE_FINAL_TYPE (RdWebhookPane, rd_webhook_pane, RD, WEBHOOK_PANE, AdwBin)

RdSession            *rd_webhook_pane_get_session    (RdWebhookPane *self);
void                  rd_webhook_pane_set_session    (RdWebhookPane *self,
                                                      RdSession     *session);
void                  rd_webhook_pane_reload         (RdWebhookPane *self);
gboolean              rd_webhook_pane_get_loading    (RdWebhookPane *self);
GListModel           *rd_webhook_pane_get_endpoints  (RdWebhookPane *self);
GListModel           *rd_webhook_pane_get_deliveries (RdWebhookPane *self);
RivyaWebhookEndpoint *rd_webhook_pane_get_selected   (RdWebhookPane *self);
void                  rd_webhook_pane_select         (RdWebhookPane *self,
                                                      const char    *endpoint_id);

G_END_DECLS
