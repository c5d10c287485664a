/* rd-param-field.h
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

/* One param of a model's schema (B.6) and the row that edits it. */
typedef struct
{
  RivyaModelParam *param;
  GtkWidget       *row;
  GtkWidget       *control;
} RdParamField;

RdParamField *rd_param_field_new        (RivyaModelParam *param,
                                         GCallback        changed,
                                         gpointer         instance);
void          rd_param_field_free       (RdParamField    *self);
gboolean      rd_param_field_is_empty   (RdParamField    *self);
void          rd_param_field_add_to     (RdParamField    *self,
                                         JsonObject      *params);
GtkWidget    *rd_param_field_get_widget (RdParamField    *self);

G_END_DECLS
