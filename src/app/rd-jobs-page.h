/* rd-jobs-page.h
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

#include "rd-job-store.h"

G_BEGIN_DECLS

#define RD_TYPE_JOBS_PAGE (rd_jobs_page_get_type ())

G_DECLARE_FINAL_TYPE (RdJobsPage, rd_jobs_page, RD, JOBS_PAGE, AdwBin)

RdJobStore *rd_jobs_page_get_store        (RdJobsPage *self);
void        rd_jobs_page_set_store        (RdJobsPage *self,
                                           RdJobStore *store);
RdJob      *rd_jobs_page_get_selected_job (RdJobsPage *self);
void        rd_jobs_page_select           (RdJobsPage *self,
                                           guint       position);

G_END_DECLS
