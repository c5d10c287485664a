/* rd-util.h
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

#include <glib.h>

#include "rd-session.h"

G_BEGIN_DECLS

/* The settings schema has this id in every flavour of the app, so that
 * the .Devel build reads the same settings. */
#define RD_SETTINGS_SCHEMA_ID "io.github.rivyadesktop.RivyaDesktop"

gboolean  rd_util_running_uninstalled (void);
void      rd_util_init_i18n           (void);
gboolean  rd_util_follow_session      (RdSession **session_ptr,
                                       RdSession  *session,
                                       GCallback   client_changed,
                                       gpointer    instance);

G_END_DECLS
