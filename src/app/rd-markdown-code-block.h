/* rd-markdown-code-block.h
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

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RD_TYPE_MARKDOWN_CODE_BLOCK (rd_markdown_code_block_get_type ())

G_DECLARE_FINAL_TYPE (RdMarkdownCodeBlock, rd_markdown_code_block, RD, MARKDOWN_CODE_BLOCK, GtkWidget)

GtkWidget  *rd_markdown_code_block_new          (void);
const char *rd_markdown_code_block_get_language (RdMarkdownCodeBlock *self);
const char *rd_markdown_code_block_get_code     (RdMarkdownCodeBlock *self);
void        rd_markdown_code_block_set_code     (RdMarkdownCodeBlock *self,
                                                 const char          *language,
                                                 const char          *code);

G_END_DECLS
