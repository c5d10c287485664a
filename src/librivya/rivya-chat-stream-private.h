/* rivya-chat-stream-private.h
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

#include <libsoup/soup.h>

#include "rivya-chat-stream.h"
#include "rivya-sse-parser.h"

G_BEGIN_DECLS

/* Shared by rivya-chat-stream.c (the type, its signals and properties)
 * and rivya-chat-stream-io.c (the request and the reading of events). */

struct _RivyaChatStream
{
  GObject              parent_instance;

  RivyaClient         *client;
  RivyaChatRequest    *request;

  GCancellable        *cancellable;
  GCancellable        *caller_cancellable;
  gulong               caller_cancelled_id;
  SoupMessage         *msg;
  GInputStream        *input;
  RivyaSseParser      *parser;
  GByteArray          *whole_body;

  GString             *text;
  char                *session_id;
  char                *message_id;
  RivyaChatCompletion *completion;
  GError              *stream_error;
  gint64               started;
  guint                n_deltas;

  guint                running : 1;
  guint                ended : 1;
};

void _rivya_chat_stream_set_ids         (RivyaChatStream *self,
                                        const char      *session_id,
                                        const char      *message_id);
void _rivya_chat_stream_emit_started    (RivyaChatStream *self);
void _rivya_chat_stream_emit_delta      (RivyaChatStream *self,
                                        const char      *content);
void _rivya_chat_stream_emit_completed  (RivyaChatStream *self);
void _rivya_chat_stream_emit_error      (RivyaChatStream *self,
                                        const GError    *error);
void _rivya_chat_stream_event_cb        (const char      *event,
                                        const char      *data,
                                        const char      *id,
                                        gpointer         user_data);

G_END_DECLS
