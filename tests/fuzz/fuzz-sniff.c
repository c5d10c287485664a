/* fuzz-sniff.c
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

/* Content sniffing looks at the first bytes of files people upload (the
 * server) and of files picked as references (librivya). Both read the
 * same input; what they find must be one of the types they know (with
 * an extension, for the server).
 */

#include "config.h"

#include <string.h>

#include "rivya.h"
#include "srv-sniff.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* A copy of exactly size bytes: reading past it is an ASan report. */
  g_autofree guint8 *copy = g_memdup2 (data, size);
  const char *mime;

  mime = srv_sniff_mime_type (copy, size);
  if (mime != NULL)
    {
      /* Some types are recognised only to be refused: no kind for them. */
      (void)srv_sniff_kind_for_mime (mime);
      g_assert (srv_sniff_extension_for_mime (mime) != NULL);
    }

  mime = rivya_media_sniff_mime_type (copy, size);
  if (mime != NULL)
    g_assert (g_str_has_prefix (mime, "image/") || g_str_has_prefix (mime, "video/") ||
              g_str_has_prefix (mime, "audio/"));
  (void)rivya_media_kind_for_mime_type (mime);
  return 0;
}
