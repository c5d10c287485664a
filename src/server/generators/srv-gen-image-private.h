/* srv-gen-image-private.h
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

#include <cairo.h>

#include "srv-generator.h"

G_BEGIN_DECLS

/* The local-image renderer, also used by local-video for its stills. */

typedef struct
{
  const char *prompt;  /* seeds the picture; may be NULL or empty */
  gboolean    caption; /* also set the prompt in type over the picture */
  const char *style;   /* "vivid", "pastel", "mono", "blueprint" or "sunset" */
  guint32     seed;
  int         width;
  int         height;
  GPtrArray  *sources; /* of cairo_surface_t*: decoded references, may be NULL */
} SrvGenImageSpec;

guint32          _srv_gen_image_seed_for_prompt (const char             *prompt);
/* The prompt's caption alone, on a transparent surface of the given size;
 * NULL when there is nothing to write. */
cairo_surface_t *_srv_gen_image_caption         (const char             *style,
                                                 const char             *prompt,
                                                 int                     width,
                                                 int                     height);
cairo_surface_t *_srv_gen_image_render          (const SrvGenImageSpec  *spec,
                                                 GCancellable           *cancellable,
                                                 GError                **error);

G_END_DECLS
