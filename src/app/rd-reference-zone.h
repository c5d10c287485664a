/* rd-reference-zone.h
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

#include <gtk/gtk.h>
#include <rivya.h>

#include "rd-job-store.h"
#include "rd-reference-item.h"

G_BEGIN_DECLS

#define RD_TYPE_REFERENCE_ZONE (rd_reference_zone_get_type ())

G_DECLARE_FINAL_TYPE (RdReferenceZone, rd_reference_zone, RD, REFERENCE_ZONE, GtkWidget)

GtkWidget     *rd_reference_zone_new                  (void);
gboolean       rd_reference_zone_model_takes_references (RivyaModel      *model);
gboolean       rd_reference_zone_model_needs_references (RivyaModel      *model);
RivyaModel    *rd_reference_zone_get_model            (RdReferenceZone *self);
void           rd_reference_zone_set_model            (RdReferenceZone *self,
                                                       RivyaModel      *model);
void           rd_reference_zone_set_client           (RdReferenceZone *self,
                                                       RivyaClient     *client);
void           rd_reference_zone_set_job_store        (RdReferenceZone *self,
                                                       RdJobStore      *store);
void           rd_reference_zone_add_file             (RdReferenceZone *self,
                                                       GFile           *file);
void           rd_reference_zone_add_files            (RdReferenceZone *self,
                                                       GSList          *files);
GListModel    *rd_reference_zone_get_items            (RdReferenceZone *self);
guint          rd_reference_zone_get_n_pending        (RdReferenceZone *self);
guint          rd_reference_zone_get_n_ready          (RdReferenceZone *self);
JsonArray     *rd_reference_zone_dup_reference_items  (RdReferenceZone *self);
void           rd_reference_zone_clear                (RdReferenceZone *self);
GtkDropTarget *rd_reference_zone_get_drop_target      (RdReferenceZone *self);

G_END_DECLS
