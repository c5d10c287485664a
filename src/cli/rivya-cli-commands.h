/* rivya-cli-commands.h
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

#include "rivya-cli-context.h"

G_BEGIN_DECLS

/* Each command takes its own arguments, argv[0] being its name, and
 * returns the process's exit status. */
int         rivya_cli_models         (RivyaCli    *cli,
                                      int          argc,
                                      char       **argv);
int         rivya_cli_generate       (RivyaCli    *cli,
                                      int          argc,
                                      char       **argv);
int         rivya_cli_status         (RivyaCli    *cli,
                                      int          argc,
                                      char       **argv);
int         rivya_cli_credits        (RivyaCli    *cli,
                                      int          argc,
                                      char       **argv);
int         rivya_cli_files          (RivyaCli    *cli,
                                      int          argc,
                                      char       **argv);
int         rivya_cli_chat           (RivyaCli    *cli,
                                      int          argc,
                                      char       **argv);
int         rivya_cli_webhooks       (RivyaCli    *cli,
                                      int          argc,
                                      char       **argv);
int         rivya_cli_verify_webhook (RivyaCli    *cli,
                                      int          argc,
                                      char       **argv);

RivyaModel *rivya_cli_fetch_model    (RivyaCli    *cli,
                                      const char  *model_id,
                                      GError     **error);

G_END_DECLS
