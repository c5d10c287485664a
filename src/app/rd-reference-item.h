/* rd-reference-item.h
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <rivya.h>

#include "rd-job-store.h"
#include "rd-upload-record.h"

G_BEGIN_DECLS

typedef enum
{
  RD_REFERENCE_CHECKING,
  RD_REFERENCE_UPLOADING,
  RD_REFERENCE_READY,
  RD_REFERENCE_REFUSED,
  RD_REFERENCE_FAILED,
  RD_REFERENCE_CANCELLED,
} RdReferenceState;

#define RD_TYPE_REFERENCE_ITEM (rd_reference_item_get_type ())

G_DECLARE_FINAL_TYPE (RdReferenceItem, rd_reference_item, RD, REFERENCE_ITEM, GObject)

RdReferenceItem      *rd_reference_item_new          (GFile           *file);
GFile                *rd_reference_item_get_file     (RdReferenceItem *self);
const char           *rd_reference_item_get_name     (RdReferenceItem *self);
const char           *rd_reference_item_get_kind     (RdReferenceItem *self);
const char           *rd_reference_item_get_mime_type (RdReferenceItem *self);
gint64                rd_reference_item_get_size     (RdReferenceItem *self);
RdReferenceState      rd_reference_item_get_state    (RdReferenceItem *self);
gboolean              rd_reference_item_is_pending   (RdReferenceItem *self);
double                rd_reference_item_get_progress (RdReferenceItem *self);
const char           *rd_reference_item_get_message  (RdReferenceItem *self);
gboolean              rd_reference_item_get_reused   (RdReferenceItem *self);
const RdUploadRecord *rd_reference_item_get_record   (RdReferenceItem *self);
void                  rd_reference_item_start        (RdReferenceItem *self,
                                                      RivyaClient     *client,
                                                      RivyaModel      *model,
                                                      RdJobStore      *store);
void                  rd_reference_item_cancel       (RdReferenceItem *self);
void                  rd_reference_item_refuse       (RdReferenceItem *self,
                                                      const char      *message);

G_END_DECLS
