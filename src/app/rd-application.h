/* rd-application.h
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

#include "rd-server-supervisor.h"
#include "rd-job-store.h"
#include "rd-session.h"

G_BEGIN_DECLS

#define RD_TYPE_APPLICATION (rd_application_get_type ())

G_DECLARE_FINAL_TYPE (RdApplication, rd_application, RD, APPLICATION, AdwApplication)

RdApplication      *rd_application_new            (const char        *application_id,
                                                   GApplicationFlags  flags);
RdServerSupervisor *rd_application_get_supervisor (RdApplication     *self);
GSettings          *rd_application_get_settings   (RdApplication     *self);
RdSession          *rd_application_get_session    (RdApplication     *self);
RdJobStore         *rd_application_get_job_store  (RdApplication     *self);

G_END_DECLS
