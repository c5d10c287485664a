/* rivya-generation.h
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

/**
 * RivyaGenerationStatus:
 * @RIVYA_GENERATION_STATUS_QUEUED: `queued`: accepted, not started
 * @RIVYA_GENERATION_STATUS_PROCESSING: `processing`: running
 * @RIVYA_GENERATION_STATUS_SUCCEEDED: `succeeded`: done; the result's URLs are set
 * @RIVYA_GENERATION_STATUS_FAILED: `failed`: done; the error is set and
 *   nothing was charged
 * @RIVYA_GENERATION_STATUS_UNKNOWN: a status this version does not know;
 *   rivya_generation_get_status_string() gives it. Keep polling such jobs.
 *
 * The status of a generation (A.5).
 */
typedef enum
{
  RIVYA_GENERATION_STATUS_QUEUED,
  RIVYA_GENERATION_STATUS_PROCESSING,
  RIVYA_GENERATION_STATUS_SUCCEEDED,
  RIVYA_GENERATION_STATUS_FAILED,
  RIVYA_GENERATION_STATUS_UNKNOWN,
} RivyaGenerationStatus;

#define RIVYA_TYPE_GENERATION (rivya_generation_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaGeneration, rivya_generation, RIVYA, GENERATION, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaGeneration       *rivya_generation_new_from_json         (JsonObject       *object,
                                                               GError          **error);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_id                (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_model             (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
RivyaGenerationStatus  rivya_generation_get_status            (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_status_string     (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
gint64                 rivya_generation_get_reserved_credits  (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
gint64                 rivya_generation_get_final_credits     (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_created_at        (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_updated_at        (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_primary_url       (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char * const    *rivya_generation_get_urls              (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_error_code        (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_error_message     (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
const char            *rivya_generation_get_client_request_id (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
gboolean               rivya_generation_is_terminal           (RivyaGeneration  *self);
RIVYA_AVAILABLE_IN_ALL
GError                *rivya_generation_to_error              (RivyaGeneration  *self);

G_END_DECLS
