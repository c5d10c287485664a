/* rivya-multipart-stream.h
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

#include <gio/gio.h>

G_BEGIN_DECLS

#define RIVYA_TYPE_MULTIPART_STREAM (rivya_multipart_stream_get_type ())

G_DECLARE_FINAL_TYPE (RivyaMultipartStream, rivya_multipart_stream, RIVYA, MULTIPART_STREAM, GInputStream)

RivyaMultipartStream *_rivya_multipart_stream_new (GBytes       *preamble,
                                                   GBytes       *head,
                                                   GInputStream *body,
                                                   goffset       body_length,
                                                   GBytes       *epilogue);

G_END_DECLS
