/* rivya-chat-request.h
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

#define RIVYA_TYPE_CHAT_REQUEST (rivya_chat_request_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaChatRequest, rivya_chat_request, RIVYA, CHAT_REQUEST, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaChatRequest   *rivya_chat_request_new                   (const char       *model,
                                                              const char       *message);
RIVYA_AVAILABLE_IN_ALL
const char         *rivya_chat_request_get_model             (RivyaChatRequest *self);
RIVYA_AVAILABLE_IN_ALL
const char         *rivya_chat_request_get_message           (RivyaChatRequest *self);
RIVYA_AVAILABLE_IN_ALL
const char         *rivya_chat_request_get_session_id        (RivyaChatRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                rivya_chat_request_set_session_id        (RivyaChatRequest *self,
                                                              const char       *session_id);
RIVYA_AVAILABLE_IN_ALL
const char * const *rivya_chat_request_get_attachments       (RivyaChatRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                rivya_chat_request_add_attachment        (RivyaChatRequest *self,
                                                              const char       *file_id);
RIVYA_AVAILABLE_IN_ALL
gboolean            rivya_chat_request_get_enable_web_search (RivyaChatRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                rivya_chat_request_set_enable_web_search (RivyaChatRequest *self,
                                                              gboolean          enable_web_search);
RIVYA_AVAILABLE_IN_ALL
const char         *rivya_chat_request_get_reasoning_effort  (RivyaChatRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                rivya_chat_request_set_reasoning_effort  (RivyaChatRequest *self,
                                                              const char       *reasoning_effort);
RIVYA_AVAILABLE_IN_ALL
const char         *rivya_chat_request_get_client_request_id (RivyaChatRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                rivya_chat_request_set_client_request_id (RivyaChatRequest *self,
                                                              const char       *client_request_id);
RIVYA_AVAILABLE_IN_ALL
const char         *rivya_chat_request_get_idempotency_key   (RivyaChatRequest *self);
RIVYA_AVAILABLE_IN_ALL
void                rivya_chat_request_set_idempotency_key   (RivyaChatRequest *self,
                                                              const char       *idempotency_key);
RIVYA_AVAILABLE_IN_ALL
JsonNode           *rivya_chat_request_to_json               (RivyaChatRequest *self);

G_END_DECLS
