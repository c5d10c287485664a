/* srv-generator-process.h
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

#include "srv-generator.h"

G_BEGIN_DECLS

/* Runs a generator in a child process (`rivya-server generate-job`), so
 * that a crash in a codec, a font renderer or eSpeak fails only its job
 * and never the server. The request and the result travel as JSON over
 * the child's stdin and stdout. */
gboolean srv_generator_run_isolated (const SrvGenRequest  *request,
                                     SrvGenOutput         *output,
                                     GError              **error);
int      srv_generator_child_main   (void);

G_END_DECLS
