/* rd-create-page.h
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

#include "rd-generation-form.h"
#include "rd-session.h"

G_BEGIN_DECLS

#define RD_TYPE_CREATE_PAGE (rd_create_page_get_type ())

G_DECLARE_FINAL_TYPE (RdCreatePage, rd_create_page, RD, CREATE_PAGE, GtkWidget)

GtkWidget        *rd_create_page_new               (void);
RdSession        *rd_create_page_get_session       (RdCreatePage *self);
void              rd_create_page_set_session       (RdCreatePage *self,
                                                    RdSession    *session);
GListModel       *rd_create_page_get_models        (RdCreatePage *self);
GListModel       *rd_create_page_get_catalog       (RdCreatePage *self);
const char       *rd_create_page_get_catalog_source (RdCreatePage *self);
const char       *rd_create_page_get_search_text   (RdCreatePage *self);
void              rd_create_page_set_search_text   (RdCreatePage *self,
                                                    const char   *text);
const char       *rd_create_page_get_category      (RdCreatePage *self);
void              rd_create_page_set_category      (RdCreatePage *self,
                                                    const char   *category);
gboolean          rd_create_page_select_model      (RdCreatePage *self,
                                                    const char   *model_id);
RdGenerationForm *rd_create_page_get_form          (RdCreatePage *self);
void              rd_create_page_focus_search      (RdCreatePage *self);
void              rd_create_page_reload            (RdCreatePage *self);

G_END_DECLS
