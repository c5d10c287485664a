/* rivya-generation-request.h
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

#include <json-glib/json-glib.h>

#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_GENERATION_REQUEST (rivya_generation_request_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaGenerationRequest, rivya_generation_request, RIVYA, GENERATION_REQUEST, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaGenerationRequest *rivya_generation_request_new                   (const char             *model,
                                                                        const char             *prompt);
RIVYA_AVAILABLE_IN_ALL
const char             *rivya_generation_request_get_model             (RivyaGenerationRequest *self);
RIVYA_AVAILABLE_IN_ALL
const char             *rivya_generation_request_get_prompt            (RivyaGenerationRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_set_prompt            (RivyaGenerationRequest *self,
                                                                        const char             *prompt);
RIVYA_AVAILABLE_IN_ALL
const char             *rivya_generation_request_get_client_request_id (RivyaGenerationRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_set_client_request_id (RivyaGenerationRequest *self,
                                                                        const char             *client_request_id);
RIVYA_AVAILABLE_IN_ALL
const char             *rivya_generation_request_get_idempotency_key   (RivyaGenerationRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_set_idempotency_key   (RivyaGenerationRequest *self,
                                                                        const char             *idempotency_key);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_set_param             (RivyaGenerationRequest *self,
                                                                        const char             *key,
                                                                        JsonNode               *value);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_set_param_string      (RivyaGenerationRequest *self,
                                                                        const char             *key,
                                                                        const char             *value);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_set_param_int         (RivyaGenerationRequest *self,
                                                                        const char             *key,
                                                                        gint64                  value);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_set_param_double      (RivyaGenerationRequest *self,
                                                                        const char             *key,
                                                                        double                  value);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_set_param_boolean     (RivyaGenerationRequest *self,
                                                                        const char             *key,
                                                                        gboolean                value);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_add_reference         (RivyaGenerationRequest *self,
                                                                        const char             *url,
                                                                        const char             *kind,
                                                                        const char             *name,
                                                                        const char             *mime_type,
                                                                        double                  duration_seconds,
                                                                        const char             *duration_token);
RIVYA_AVAILABLE_IN_ALL
void                    rivya_generation_request_add_reference_file    (RivyaGenerationRequest *self,
                                                                        RivyaFile              *file);
RIVYA_AVAILABLE_IN_ALL
JsonNode               *rivya_generation_request_to_json               (RivyaGenerationRequest *self);

G_END_DECLS
