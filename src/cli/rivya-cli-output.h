/* rivya-cli-output.h
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

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _RivyaCliTable RivyaCliTable;

RivyaCliTable *rivya_cli_table_new          (guint          n_columns,
                                             ...);
void           rivya_cli_table_align_right  (RivyaCliTable *table,
                                             guint          column);
void           rivya_cli_table_add_row      (RivyaCliTable *table,
                                             ...);
void           rivya_cli_table_print        (RivyaCliTable *table);
void           rivya_cli_table_free         (RivyaCliTable *table);

void           rivya_cli_print_field        (const char    *label,
                                             const char    *format,
                                             ...) G_GNUC_PRINTF (2, 3);
void           rivya_cli_print_json         (JsonNode      *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RivyaCliTable, rivya_cli_table_free)

G_END_DECLS
