/* rd-developer-page.h
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

#include "rd-developer-log.h"
#include "rd-request-log.h"
#include "rd-session.h"
#include "rd-webhook-pane.h"

G_BEGIN_DECLS

#define RD_TYPE_DEVELOPER_PAGE (rd_developer_page_get_type ())

G_DECLARE_FINAL_TYPE (RdDeveloperPage, rd_developer_page, RD, DEVELOPER_PAGE, AdwBin)

RdSession      *rd_developer_page_get_session      (RdDeveloperPage *self);
void            rd_developer_page_set_session      (RdDeveloperPage *self,
                                                    RdSession       *session);
RdRequestLog   *rd_developer_page_get_request_log  (RdDeveloperPage *self);
RdWebhookPane  *rd_developer_page_get_webhook_pane (RdDeveloperPage *self);
RdDeveloperLog *rd_developer_page_get_log_view     (RdDeveloperPage *self);
GListModel     *rd_developer_page_get_events       (RdDeveloperPage *self);
void            rd_developer_page_show             (RdDeveloperPage *self,
                                                    const char      *section);

G_END_DECLS
