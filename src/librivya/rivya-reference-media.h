/* rivya-reference-media.h
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
#include <json-glib/json-glib.h>

#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_REFERENCE_MEDIA (rivya_reference_media_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaReferenceMedia, rivya_reference_media, RIVYA, REFERENCE_MEDIA, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaReferenceMedia *rivya_reference_media_new_from_json          (JsonObject           *object,
                                                                   GError              **error);
RIVYA_AVAILABLE_IN_ALL
const char * const  *rivya_reference_media_get_kinds              (RivyaReferenceMedia  *self);
RIVYA_AVAILABLE_IN_ALL
gint64               rivya_reference_media_get_max_files          (RivyaReferenceMedia  *self);
RIVYA_AVAILABLE_IN_ALL
const char * const  *rivya_reference_media_get_required_for_modes (RivyaReferenceMedia  *self);
RIVYA_AVAILABLE_IN_ALL
gint64               rivya_reference_media_get_max_bytes          (RivyaReferenceMedia  *self,
                                                                   const char           *kind);
RIVYA_AVAILABLE_IN_ALL
const char * const  *rivya_reference_media_get_mime_types         (RivyaReferenceMedia  *self,
                                                                   const char           *kind);
RIVYA_AVAILABLE_IN_ALL
gboolean             rivya_reference_media_accepts_kind           (RivyaReferenceMedia  *self,
                                                                   const char           *kind);

G_END_DECLS
