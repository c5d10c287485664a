/* srv-sniff.h
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

#include <glib.h>

G_BEGIN_DECLS

/* What a file is, judged from its first bytes only: the type a client
 * claims is never trusted. Every string returned is static.
 */

/* srv_sniff_mime_type() never looks further than this */
#define SRV_SNIFF_BYTES 64

/* The MIME type recognised from the first bytes of a file, or NULL.
 * Reads at most MIN (len, SRV_SNIFF_BYTES) bytes; with fewer bytes than
 * a signature needs it returns NULL. Some types are recognised without
 * being accepted (image/gif, image/avif, image/heic, image/heif,
 * video/x-matroska): check srv_sniff_kind_for_mime().
 */
const char *srv_sniff_mime_type          (const guint8 *data,
                                          gsize         len);

/* "image", "video" or "audio" for a MIME type this server accepts, else
 * NULL. Case-insensitive; parameters (";codecs=...") are ignored.
 */
const char *srv_sniff_kind_for_mime      (const char   *mime_type);

/* A file extension without the dot ("png") for a MIME type, or "bin" */
const char *srv_sniff_extension_for_mime (const char   *mime_type);

G_END_DECLS
