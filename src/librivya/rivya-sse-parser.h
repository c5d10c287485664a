/* rivya-sse-parser.h
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

#include <glib-object.h>

#include "rivya-types.h"

G_BEGIN_DECLS

/**
 * RIVYA_SSE_PARSER_DEFAULT_MAX_SIZE:
 *
 * The default limit, in bytes, of one line and of the data of one event
 * (1 MiB). See rivya_sse_parser_set_max_size().
 */
#define RIVYA_SSE_PARSER_DEFAULT_MAX_SIZE (1024 * 1024)

#define RIVYA_TYPE_SSE_PARSER (rivya_sse_parser_get_type ())

/**
 * RivyaSseEventFunc:
 * @event: the event type, `"message"` when the event had no `event:` field
 * @data: the event's data, its `data:` lines joined with `\n`
 * @id: (nullable): the last event id seen on the stream, or %NULL
 * @user_data: (closure): the data given to rivya_sse_parser_new()
 *
 * Called once per dispatched event. The strings are valid UTF-8 and only
 * valid during the call.
 */
typedef void (*RivyaSseEventFunc)   (const char *event,
                                     const char *data,
                                     const char *id,
                                     gpointer    user_data);

/**
 * RivyaSseCommentFunc:
 * @comment: the comment's text, after the `:` and one optional space
 *   (`"ping"` for the line `: ping`)
 * @user_data: (closure): the data given to rivya_sse_parser_set_comment_func()
 *
 * Called once per comment line, such as the server's keep-alive pings.
 */
typedef void (*RivyaSseCommentFunc) (const char *comment,
                                     gpointer    user_data);

RIVYA_AVAILABLE_IN_ALL
GType           rivya_sse_parser_get_type          (void) G_GNUC_CONST;
RIVYA_AVAILABLE_IN_ALL
RivyaSseParser *rivya_sse_parser_new               (RivyaSseEventFunc    func,
                                                    gpointer             user_data,
                                                    GDestroyNotify       notify);
RIVYA_AVAILABLE_IN_ALL
RivyaSseParser *rivya_sse_parser_ref               (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
void            rivya_sse_parser_unref             (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
void            rivya_sse_parser_free              (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
void            rivya_sse_parser_set_comment_func  (RivyaSseParser      *self,
                                                    RivyaSseCommentFunc  func,
                                                    gpointer             user_data,
                                                    GDestroyNotify       notify);
RIVYA_AVAILABLE_IN_ALL
gboolean        rivya_sse_parser_feed              (RivyaSseParser      *self,
                                                    const char          *data,
                                                    gsize                len,
                                                    GError             **error);
RIVYA_AVAILABLE_IN_ALL
void            rivya_sse_parser_finish            (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
guint           rivya_sse_parser_get_retry         (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
const char     *rivya_sse_parser_get_last_event_id (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
guint64         rivya_sse_parser_get_n_events      (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
guint64         rivya_sse_parser_get_n_comments    (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
gsize           rivya_sse_parser_get_max_size      (RivyaSseParser      *self);
RIVYA_AVAILABLE_IN_ALL
void            rivya_sse_parser_set_max_size      (RivyaSseParser      *self,
                                                    gsize                max_size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RivyaSseParser, rivya_sse_parser_unref)

G_END_DECLS
