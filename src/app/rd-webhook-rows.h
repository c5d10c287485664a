/* rd-webhook-rows.h
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

G_BEGIN_DECLS

char       *rd_webhook_format_time      (const char *iso8601);
const char *rd_webhook_status_label     (const char *status);
GtkWidget  *rd_webhook_endpoint_row_new (gpointer    item,
                                         gpointer    user_data);
GtkWidget  *rd_webhook_delivery_row_new (gpointer    item,
                                         gpointer    user_data);

G_END_DECLS
