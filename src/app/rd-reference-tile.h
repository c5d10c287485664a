/* rd-reference-tile.h
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

#include "rd-reference-item.h"

G_BEGIN_DECLS

#define RD_TYPE_REFERENCE_TILE (rd_reference_tile_get_type ())

G_DECLARE_FINAL_TYPE (RdReferenceTile, rd_reference_tile, RD, REFERENCE_TILE, GtkWidget)

GtkWidget       *rd_reference_tile_new            (RdReferenceItem *item);
RdReferenceItem *rd_reference_tile_get_item       (RdReferenceTile *self);
gboolean         rd_reference_tile_has_thumbnail  (RdReferenceTile *self);

G_END_DECLS
