/* rivya-upload-private.h
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

#include "rivya-upload.h"

G_BEGIN_DECLS

void _rivya_upload_set_size      (RivyaUpload *self,
                                  gint64       size);
void _rivya_upload_set_mime_type (RivyaUpload *self,
                                  const char  *mime_type);
void _rivya_upload_set_progress  (RivyaUpload *self,
                                  guint64      bytes_sent,
                                  gint64       total_bytes);

G_END_DECLS
