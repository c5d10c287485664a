/* rd-server-process.h
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

/* The process side of RdServerSupervisor: how rivya-server is started
 * and stopped. */

GSubprocess *rd_server_process_spawn     (const char    *program,
                                          const char    *data_dir,
                                          guint16        port,
                                          GInputStream **ready_stream,
                                          GError       **error);
void         rd_server_process_terminate (GSubprocess   *process);

G_END_DECLS
