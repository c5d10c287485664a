/* rd-markdown-node.h
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

G_BEGIN_DECLS

/* The blocks of a Markdown document as md4c sees them, reduced to what
 * RdMarkdownView draws: inline content is already Pango markup, with
 * every piece of text escaped. */

typedef enum
{
  RD_MARKDOWN_ROOT,
  RD_MARKDOWN_PARAGRAPH,
  RD_MARKDOWN_HEADING,
  RD_MARKDOWN_LIST,
  RD_MARKDOWN_ITEM,
  RD_MARKDOWN_QUOTE,
  RD_MARKDOWN_CODE,
  RD_MARKDOWN_RULE,
  RD_MARKDOWN_TABLE,
  RD_MARKDOWN_ROW,
  RD_MARKDOWN_CELL,
} RdMarkdownKind;

typedef struct _RdMarkdownNode RdMarkdownNode;

struct _RdMarkdownNode
{
  RdMarkdownKind  kind;
  /* Heading level; for a cell its alignment (0 default, 1 left,
   * 2 centre, 3 right); for a row or a cell whether it is the header. */
  guint           level;
  guint           header : 1;
  guint           truncated : 1;
  /* Paragraph, heading and cell: Pango markup. Code: the code as is. */
  GString        *text;
  /* Code: the fence's language (may be empty). Item: its marker. */
  char           *attr;
  GPtrArray      *children;
  /* Of the whole subtree, to tell unchanged blocks apart cheaply. */
  guint64         hash;
};

RdMarkdownNode *rd_markdown_node_parse (const char     *markdown,
                                        gsize           length);
void            rd_markdown_node_free  (RdMarkdownNode *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdMarkdownNode, rd_markdown_node_free)

G_END_DECLS
