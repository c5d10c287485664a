/* rivya-client-private.h
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

#include "rivya-client.h"
#include "rivya-json-private.h"

G_BEGIN_DECLS

/* Every route goes through these: build the message (headers, key, body),
 * send it, turn the answer into an object or a RIVYA_ERROR. */
SoupMessage *_rivya_client_new_message      (RivyaClient          *self,
                                             const char           *method,
                                             const char           *path,
                                             gboolean              authenticated,
                                             const char           *idempotency_key,
                                             GError              **error);
void         _rivya_client_set_json_body    (SoupMessage          *msg,
                                             JsonNode             *body);
void         _rivya_client_send             (RivyaClient          *self,
                                             SoupMessage          *msg,
                                             const char           *what,
                                             RivyaJsonObjectFunc   parse,
                                             GDestroyNotify        result_free,
                                             GTask                *task);
void         _rivya_client_call             (RivyaClient          *self,
                                             const char           *method,
                                             const char           *path,
                                             gboolean              authenticated,
                                             JsonNode             *body,
                                             const char           *idempotency_key,
                                             const char           *what,
                                             RivyaJsonObjectFunc   parse,
                                             gpointer              source_tag,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gpointer     _rivya_client_call_finish      (RivyaClient          *self,
                                             GAsyncResult         *result,
                                             gpointer              source_tag,
                                             GError              **error);
char        *_rivya_client_build_path       (const char           *prefix,
                                             const char           *id,
                                             const char           *suffix,
                                             guint                 limit,
                                             const char           *after);
void         _rivya_client_request_finished (RivyaClient          *self,
                                             SoupMessage          *msg,
                                             gint64                started);
GError      *_rivya_client_error_from_send  (GError               *error);

G_END_DECLS
