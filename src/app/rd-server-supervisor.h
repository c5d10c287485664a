/* rd-server-supervisor.h
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

G_BEGIN_DECLS

typedef enum
{
  RD_SERVER_STATE_STOPPED,
  RD_SERVER_STATE_STARTING,
  RD_SERVER_STATE_RUNNING,
  RD_SERVER_STATE_FAILED,
} RdServerState;

#define RD_TYPE_SERVER_SUPERVISOR (rd_server_supervisor_get_type ())

G_DECLARE_FINAL_TYPE (RdServerSupervisor, rd_server_supervisor, RD, SERVER_SUPERVISOR, GObject)

RdServerSupervisor *rd_server_supervisor_new               (const char          *data_dir);
void                rd_server_supervisor_start             (RdServerSupervisor  *self);
void                rd_server_supervisor_stop              (RdServerSupervisor  *self);
RdServerState       rd_server_supervisor_get_state         (RdServerSupervisor  *self);
const char         *rd_server_supervisor_get_url           (RdServerSupervisor  *self);
const char         *rd_server_supervisor_get_api_key       (RdServerSupervisor  *self);
const char         *rd_server_supervisor_get_data_dir      (RdServerSupervisor  *self);
const char         *rd_server_supervisor_get_program       (RdServerSupervisor  *self);
const char         *rd_server_supervisor_get_error_message (RdServerSupervisor  *self);
GPid                rd_server_supervisor_get_pid           (RdServerSupervisor  *self);
char               *rd_server_supervisor_find_program      (GError             **error);

G_END_DECLS
