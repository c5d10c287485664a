/* rivya-page.h
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(RIVYA_INSIDE) && !defined(RIVYA_COMPILATION)
# error "Only <rivya.h> can be included directly."
#endif

#include <gio/gio.h>

#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_PAGE (rivya_page_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaPage, rivya_page, RIVYA, PAGE, GObject)

RIVYA_AVAILABLE_IN_ALL
gboolean    rivya_page_get_has_more   (RivyaPage *self);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_page_get_next_after (RivyaPage *self);

G_END_DECLS
