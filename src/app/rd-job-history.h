/* rd-job-history.h
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

#include <sqlite3.h>

#include "rd-job.h"
#include "rd-upload-record.h"

G_BEGIN_DECLS

sqlite3 *rd_job_history_open   (const char  *path,
                                GPtrArray   *jobs,
                                GError     **error);
void     rd_job_history_save   (sqlite3     *db,
                                RdJob       *job);
void     rd_job_history_delete (sqlite3     *db,
                                const char  *task_id);

RdUploadRecord *rd_job_history_find_upload        (sqlite3              *db,
                                                   const char           *base_url,
                                                   const char           *model_id,
                                                   const char           *local_path);
RdUploadRecord *rd_job_history_find_upload_by_url (sqlite3              *db,
                                                   const char           *base_url,
                                                   const char           *url);
void            rd_job_history_save_upload        (sqlite3              *db,
                                                   const RdUploadRecord *record);

G_END_DECLS
