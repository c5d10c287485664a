/* rd-session.h
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

#include "rd-account-store.h"
#include "rd-server-supervisor.h"

G_BEGIN_DECLS

#define RD_TYPE_SESSION (rd_session_get_type ())

G_DECLARE_FINAL_TYPE (RdSession, rd_session, RD, SESSION, GObject)

RdSession      *rd_session_new              (void);
void            rd_session_use_local        (RdSession           *self,
                                             RdServerSupervisor  *supervisor);
RivyaClient    *rd_session_get_client       (RdSession           *self);
const char     *rd_session_get_base_url     (RdSession           *self);
const char     *rd_session_get_account_name (RdSession           *self);
gint64          rd_session_get_balance      (RdSession           *self);
gboolean        rd_session_get_ready        (RdSession           *self);
void            rd_session_refresh_balance  (RdSession           *self);
RdAccountStore *rd_session_get_accounts     (RdSession           *self);
RdAccount      *rd_session_get_account      (RdSession           *self);
void            rd_session_switch_async     (RdSession           *self,
                                             RdAccount           *account,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        rd_session_switch_finish    (RdSession           *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void            rd_session_restore          (RdSession           *self);

G_END_DECLS
