/* rd-request-log.h
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

#include <rivya.h>

#include "rd-session.h"

G_BEGIN_DECLS

/* How many calls the log keeps: the last ones of this run. */
#define RD_REQUEST_LOG_MAX 500

#define RD_TYPE_REQUEST_LOG (rd_request_log_get_type ())

G_DECLARE_FINAL_TYPE (RdRequestLog, rd_request_log, RD, REQUEST_LOG, GObject)

RdRequestLog *rd_request_log_new         (void);
RdSession    *rd_request_log_get_session (RdRequestLog       *self);
void          rd_request_log_set_session (RdRequestLog       *self,
                                          RdSession          *session);
void          rd_request_log_add         (RdRequestLog       *self,
                                          RivyaRequestRecord *record);
void          rd_request_log_clear       (RdRequestLog       *self);

G_END_DECLS
