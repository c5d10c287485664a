/* rivya-media.h
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

#include <glib.h>

#include "rivya-types.h"

G_BEGIN_DECLS

/**
 * RIVYA_MEDIA_SNIFF_BYTES:
 *
 * How many bytes from the start of a file rivya_media_sniff_mime_type()
 * looks at: give it at least this many when the file has them.
 */
#define RIVYA_MEDIA_SNIFF_BYTES 64

RIVYA_AVAILABLE_IN_ALL
const char         *rivya_media_sniff_mime_type        (const guint8 *data,
                                                        gsize         len);
RIVYA_AVAILABLE_IN_ALL
const char         *rivya_media_kind_for_mime_type     (const char   *mime_type);
RIVYA_AVAILABLE_IN_ALL
gint64              rivya_media_get_default_max_bytes  (const char   *kind);
RIVYA_AVAILABLE_IN_ALL
const char * const *rivya_media_get_default_mime_types (const char   *kind);
RIVYA_AVAILABLE_IN_ALL
gboolean            rivya_media_check                  (RivyaModel   *model,
                                                        const char   *kind,
                                                        const char   *mime_type,
                                                        gint64        size_bytes,
                                                        const char   *name,
                                                        GError      **error);

G_END_DECLS
