/* rd-media-preview.h
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

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  RD_MEDIA_KIND_NONE,
  RD_MEDIA_KIND_IMAGE,
  RD_MEDIA_KIND_VIDEO,
  RD_MEDIA_KIND_AUDIO,
} RdMediaKind;

#define RD_TYPE_MEDIA_PREVIEW (rd_media_preview_get_type ())

G_DECLARE_FINAL_TYPE (RdMediaPreview, rd_media_preview, RD, MEDIA_PREVIEW, GtkWidget)

GtkWidget      *rd_media_preview_new              (void);
void            rd_media_preview_set_file         (RdMediaPreview *self,
                                                   GFile          *file,
                                                   const char     *mime_type);
void            rd_media_preview_clear            (RdMediaPreview *self);
GFile          *rd_media_preview_get_file         (RdMediaPreview *self);
RdMediaKind     rd_media_preview_get_kind         (RdMediaPreview *self);
GdkTexture     *rd_media_preview_get_texture      (RdMediaPreview *self);
GtkMediaStream *rd_media_preview_get_media_stream (RdMediaPreview *self);
const char     *rd_media_preview_get_error        (RdMediaPreview *self);
double          rd_media_preview_get_zoom         (RdMediaPreview *self);
void            rd_media_preview_set_zoom         (RdMediaPreview *self,
                                                   double          zoom);

G_END_DECLS
