/* srv-multipart.h
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

/* An incremental multipart/form-data parser (RFC 7578, RFC 2046) for
 * request bodies that arrive chunk by chunk: part bodies are handed on
 * as they come and never held in memory. Any split of the input gives
 * the same callbacks with the same data, though not necessarily in the
 * same slices.
 *
 * Lines may end in CRLF or in a bare LF. A delimiter is a line break
 * followed by "--" and the boundary; the line break before a part's
 * delimiter belongs to the delimiter, not to the part.
 */

/* The most bytes of headers, blank line included, one part may have */
#define SRV_MULTIPART_MAX_HEADER_SIZE 8192
/* The most parts one body may have */
#define SRV_MULTIPART_MAX_PARTS       16
/* The longest boundary RFC 2046 allows */
#define SRV_MULTIPART_MAX_BOUNDARY    70

typedef struct _SrvMultipartParser SrvMultipartParser;

/* Each callback may be NULL. One that returns FALSE should set error;
 * the parser then stops and reports that error (G_IO_ERROR_CANCELLED if
 * it set none). Callbacks must neither feed nor free the parser.
 */
typedef struct
{
  /* A part's headers were read. Strings are valid UTF-8 (invalid bytes
   * are replaced) and NULL when absent. filename is what the client sent,
   * directories included: never use it as a path. content_type is the
   * media type alone, lowercase, without parameters.
   */
  gboolean (*part_begin) (const char    *name,
                          const char    *filename,
                          const char    *content_type,
                          gpointer       user_data,
                          GError       **error);
  /* Some of the current part's body, never empty, never part of a
   * delimiter.
   */
  gboolean (*part_data)  (const guint8  *data,
                          gsize          len,
                          gpointer       user_data,
                          GError       **error);
  /* The current part ended at a well-formed delimiter */
  gboolean (*part_end)   (gpointer       user_data,
                          GError       **error);
} SrvMultipartCallbacks;

#define SRV_MULTIPART_ERROR (srv_multipart_error_quark ())

typedef enum
{
  SRV_MULTIPART_ERROR_MALFORMED,
  SRV_MULTIPART_ERROR_TOO_LARGE,
} SrvMultipartError;

GQuark              srv_multipart_error_quark                (void);

/* The boundary parameter of a multipart/form-data Content-Type, or NULL
 * when the type is another, or the boundary is missing, given twice,
 * empty, longer than SRV_MULTIPART_MAX_BOUNDARY or not made of the
 * characters RFC 2046 allows.
 */
char               *srv_multipart_boundary_from_content_type (const char                  *content_type);

/* boundary must be one srv_multipart_boundary_from_content_type()
 * returned.
 */
SrvMultipartParser *srv_multipart_parser_new                 (const char                  *boundary,
                                                              const SrvMultipartCallbacks *callbacks,
                                                              gpointer                     user_data);
/* After an error, every later call fails with a copy of that error */
gboolean            srv_multipart_parser_feed                (SrvMultipartParser          *self,
                                                              const guint8                *data,
                                                              gsize                        len,
                                                              GError                     **error);
/* TRUE only if the closing delimiter was seen */
gboolean            srv_multipart_parser_finish              (SrvMultipartParser          *self,
                                                              GError                     **error);
void                srv_multipart_parser_free                (SrvMultipartParser          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvMultipartParser, srv_multipart_parser_free)

G_END_DECLS
