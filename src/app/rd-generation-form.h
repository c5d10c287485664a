/* rd-generation-form.h
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

#include "rd-reference-zone.h"

G_BEGIN_DECLS

#define RD_TYPE_GENERATION_FORM (rd_generation_form_get_type ())

G_DECLARE_FINAL_TYPE (RdGenerationForm, rd_generation_form, RD, GENERATION_FORM, GtkWidget)

GtkWidget              *rd_generation_form_new               (void);
RivyaModel             *rd_generation_form_get_model         (RdGenerationForm *self);
void                    rd_generation_form_set_model         (RdGenerationForm *self,
                                                              RivyaModel       *model);
gint64                  rd_generation_form_get_balance       (RdGenerationForm *self);
void                    rd_generation_form_set_balance       (RdGenerationForm *self,
                                                              gint64            balance);
gboolean                rd_generation_form_get_busy          (RdGenerationForm *self);
void                    rd_generation_form_set_busy          (RdGenerationForm *self,
                                                              gboolean          busy);
char                   *rd_generation_form_dup_prompt        (RdGenerationForm *self);
void                    rd_generation_form_set_prompt        (RdGenerationForm *self,
                                                              const char       *prompt);
gboolean                rd_generation_form_get_can_generate  (RdGenerationForm *self);
const char             *rd_generation_form_get_reason        (RdGenerationForm *self);
JsonObject             *rd_generation_form_dup_params        (RdGenerationForm *self);
RivyaGenerationRequest *rd_generation_form_build_request     (RdGenerationForm *self);
GtkWidget              *rd_generation_form_get_param_widget  (RdGenerationForm *self,
                                                              const char       *key);
RdReferenceZone        *rd_generation_form_get_reference_zone (RdGenerationForm *self);

G_END_DECLS
