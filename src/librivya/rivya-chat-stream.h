/* rivya-chat-stream.h
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

#include "rivya-chat-completion.h"
#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_CHAT_STREAM (rivya_chat_stream_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaChatStream, rivya_chat_stream, RIVYA, CHAT_STREAM, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaChatStream     *rivya_chat_stream_new               (RivyaClient          *client,
                                                          RivyaChatRequest     *request);
RIVYA_AVAILABLE_IN_ALL
RivyaClient         *rivya_chat_stream_get_client        (RivyaChatStream      *self);
RIVYA_AVAILABLE_IN_ALL
RivyaChatRequest    *rivya_chat_stream_get_request       (RivyaChatStream      *self);
RIVYA_AVAILABLE_IN_ALL
const char          *rivya_chat_stream_get_text          (RivyaChatStream      *self);
RIVYA_AVAILABLE_IN_ALL
const char          *rivya_chat_stream_get_session_id    (RivyaChatStream      *self);
RIVYA_AVAILABLE_IN_ALL
const char          *rivya_chat_stream_get_message_id    (RivyaChatStream      *self);
RIVYA_AVAILABLE_IN_ALL
guint                rivya_chat_stream_get_n_deltas      (RivyaChatStream      *self);
RIVYA_AVAILABLE_IN_ALL
RivyaChatCompletion *rivya_chat_stream_get_completion    (RivyaChatStream      *self);
RIVYA_AVAILABLE_IN_ALL
void                 rivya_chat_stream_run_async         (RivyaChatStream      *self,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
RIVYA_AVAILABLE_IN_ALL
RivyaChatCompletion *rivya_chat_stream_run_finish        (RivyaChatStream      *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);
RIVYA_AVAILABLE_IN_ALL
void                 rivya_chat_stream_cancel            (RivyaChatStream      *self);

G_END_DECLS
