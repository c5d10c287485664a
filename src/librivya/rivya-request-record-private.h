/* rivya-request-record-private.h
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

#include "rivya-client.h"
#include "rivya-request-record.h"

G_BEGIN_DECLS

/* Request bodies up to this size are kept for the request log ("copy as
 * curl"); bigger ones (and multipart uploads) are left out. */
#define RIVYA_REQUEST_RECORD_BODY_MAX (64 * 1024)

RivyaRequestRecord *_rivya_request_record_new_for_message (SoupMessage        *msg,
                                                           gint64              started,
                                                           const GError       *error);
void                _rivya_request_record_keep_body       (SoupMessage        *msg,
                                                           GBytes             *body);
void                _rivya_client_request_recorded        (RivyaClient        *self,
                                                           SoupMessage        *msg,
                                                           gint64              started,
                                                           const GError       *error);

G_END_DECLS
