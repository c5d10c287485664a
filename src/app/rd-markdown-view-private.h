/* rd-markdown-view-private.h
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

#include "rd-markdown-view.h"

G_BEGIN_DECLS

/* For tests and benchmarks: whether a render waits for the next frame,
 * how many renders there were, and how long the last one took. */
gboolean _rd_markdown_view_is_pending           (RdMarkdownView *self);
guint    _rd_markdown_view_get_n_renders        (RdMarkdownView *self);
gint64   _rd_markdown_view_get_last_render_usec (RdMarkdownView *self);

G_END_DECLS
