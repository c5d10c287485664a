/* srv-jobs.h
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

#include <gio/gio.h>

#include "srv-store.h"

G_BEGIN_DECLS

/* Runs generations on a small pool of worker threads, off the HTTP
 * thread. Workers only compute media into files; every database write
 * (processing, succeeded, failed, credits) happens back on the main
 * context, so the store has one writer in this process.
 */
typedef struct _SrvJobs SrvJobs;

SrvJobs  *srv_jobs_new       (SrvStore       *store,
                              guint           workers,
                              guint           latency_ms);
gboolean  srv_jobs_submit    (SrvJobs        *self,
                              SrvGeneration  *generation,
                              GError        **error);
guint     srv_jobs_get_active (SrvJobs       *self);
void      srv_jobs_shutdown  (SrvJobs        *self);
void      srv_jobs_free      (SrvJobs        *self);

G_END_DECLS
