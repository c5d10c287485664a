/* rd-reference-zone-private.h
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

#include "rd-reference-zone.h"

G_BEGIN_DECLS

struct _RdReferenceZone
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkWidget     *box;
  GtkLabel      *title_label;
  GtkLabel      *count_label;
  GtkLabel      *limits_label;
  GtkStack      *content_stack;
  GtkFlowBox    *flow_box;

  /* Owned references */
  GListStore    *items;
  RivyaModel    *model;
  RivyaClient   *client;
  RdJobStore    *store;
  GtkDropTarget *drop_target;
  GCancellable  *cancellable;
  guint          n_pending;
  guint          n_ready;
};

void _rd_reference_zone_add_action   (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param);
void _rd_reference_zone_paste_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param);

G_END_DECLS
