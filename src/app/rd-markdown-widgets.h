/* rd-markdown-widgets.h
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

#include "rd-markdown-node.h"

G_BEGIN_DECLS

/* @activate_link is connected, swapped, to each label's
 * GtkLabel::activate-link, with @data (a GObject) as its instance. */
GtkWidget  *_rd_markdown_label_new        (const GString  *markup,
                                           GCallback       activate_link,
                                           gpointer        data);
void        _rd_markdown_label_set_markup (GtkLabel       *label,
                                           const GString  *markup);
const char *_rd_markdown_heading_class    (guint           level);
GtkWidget  *_rd_markdown_table_new        (RdMarkdownNode *node,
                                           GCallback       activate_link,
                                           gpointer        data);
gboolean    _rd_markdown_table_update     (GtkWidget      *table,
                                           RdMarkdownNode *node,
                                           GCallback       activate_link,
                                           gpointer        data);

G_END_DECLS
