/* rd-job-store.h
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

#include "rd-job.h"
#include "rd-upload-record.h"

G_BEGIN_DECLS

#define RD_TYPE_JOB_STORE (rd_job_store_get_type ())

G_DECLARE_FINAL_TYPE (RdJobStore, rd_job_store, RD, JOB_STORE, GObject)

RdJobStore  *rd_job_store_new                 (const char              *path);
char        *rd_job_store_get_default_path    (void);
const char  *rd_job_store_get_path            (RdJobStore              *self);
gboolean     rd_job_store_get_loaded          (RdJobStore              *self);
guint        rd_job_store_get_n_running       (RdJobStore              *self);
gboolean     rd_job_store_get_offline         (RdJobStore              *self);
void         rd_job_store_retry_download      (RdJobStore              *self,
                                               RdJob                   *job);
RivyaClient *rd_job_store_get_client          (RdJobStore              *self);
void         rd_job_store_set_client          (RdJobStore              *self,
                                               RivyaClient             *client);
RivyaPoller *rd_job_store_get_poller          (RdJobStore              *self);
RdJob       *rd_job_store_lookup              (RdJobStore              *self,
                                               const char              *task_id);
void         rd_job_store_add_submission      (RdJobStore              *self,
                                               const char              *base_url,
                                               RivyaModel              *model,
                                               RivyaGenerationRequest  *request,
                                               RivyaGeneration         *generation);
RdJob       *rd_job_store_add_generation      (RdJobStore              *self,
                                               const char              *base_url,
                                               const char              *model_name,
                                               const char              *category,
                                               RivyaGenerationRequest  *request,
                                               RivyaGeneration         *generation);
void         rd_job_store_remove              (RdJobStore              *self,
                                               RdJob                   *job);
void         rd_job_store_submit_again_async  (RdJobStore              *self,
                                               RdJob                   *job,
                                               GCancellable            *cancellable,
                                               GAsyncReadyCallback      callback,
                                               gpointer                 user_data);
RdJob       *rd_job_store_submit_again_finish (RdJobStore              *self,
                                               GAsyncResult            *result,
                                               GError                 **error);

RdUploadRecord *rd_job_store_find_upload        (RdJobStore           *self,
                                                 const char           *base_url,
                                                 const char           *model_id,
                                                 const char           *local_path);
RdUploadRecord *rd_job_store_find_upload_by_url (RdJobStore           *self,
                                                 const char           *base_url,
                                                 const char           *url);
void            rd_job_store_remember_upload    (RdJobStore           *self,
                                                 const RdUploadRecord *record);

G_END_DECLS
