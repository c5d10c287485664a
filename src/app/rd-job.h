/* rd-job.h
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

G_BEGIN_DECLS

#define RD_TYPE_JOB (rd_job_get_type ())

G_DECLARE_FINAL_TYPE (RdJob, rd_job, RD, JOB, GObject)

/* For the store: @strings are the 13 string properties in the order
 * task-id, base-url, model-id, model-name, category, prompt, params,
 * idempotency-key, error-code, error-message, request-id, result-url,
 * local-path (taken); @ints reserved-credits, final-credits, created-at,
 * updated-at, finished-at. No notifications: nobody watches it yet. */
RdJob                 *rd_job_new_take            (char                 **strings,
                                                   RivyaGenerationStatus  status,
                                                   const gint64          *ints);
const char            *rd_job_get_task_id         (RdJob                 *self);
const char            *rd_job_get_base_url        (RdJob                 *self);
const char            *rd_job_get_model_id        (RdJob                 *self);
const char            *rd_job_get_model_name      (RdJob                 *self);
const char            *rd_job_get_category        (RdJob                 *self);
const char            *rd_job_get_prompt          (RdJob                 *self);
const char            *rd_job_get_params          (RdJob                 *self);
const char            *rd_job_get_idempotency_key (RdJob                 *self);
RivyaGenerationStatus  rd_job_get_status          (RdJob                 *self);
gint64                 rd_job_get_reserved_credits (RdJob                *self);
gint64                 rd_job_get_final_credits   (RdJob                 *self);
const char            *rd_job_get_error_code      (RdJob                 *self);
const char            *rd_job_get_error_message   (RdJob                 *self);
const char            *rd_job_get_request_id      (RdJob                 *self);
const char            *rd_job_get_result_url      (RdJob                 *self);
const char            *rd_job_get_local_path      (RdJob                 *self);
const char            *rd_job_get_download_error  (RdJob                 *self);
gint64                 rd_job_get_created_at      (RdJob                 *self);
gint64                 rd_job_get_updated_at      (RdJob                 *self);
gint64                 rd_job_get_finished_at     (RdJob                 *self);
gint64                 rd_job_get_elapsed         (RdJob                 *self);
gboolean               rd_job_is_finished         (RdJob                 *self);
const char            *rd_job_status_to_string    (RivyaGenerationStatus  status);
RivyaGenerationStatus  rd_job_status_from_string  (const char            *status);

G_END_DECLS
