/* fuzz-multipart.c
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

/* rivya-server's multipart/form-data parser reads uploads from any
 * client. The first line is the request's Content-Type, the rest its
 * body (the format of corpus/multipart/). The body is fed in chunks whose
 * size comes from the Content-Type's length, so that the corpus exercises
 * delimiters cut across chunks without changing its format.
 */

#include "config.h"

#include <string.h>

#include "srv-multipart.h"

#include "fuzz-common.h"

typedef struct
{
  gboolean in_part;
  guint    n_parts;
} State;

static gboolean
on_part_begin (const char  *name,
               const char  *filename,
               const char  *content_type,
               gpointer     user_data,
               GError     **error)
{
  State *state = user_data;

  g_assert (!state->in_part);
  g_assert (name == NULL || g_utf8_validate (name, -1, NULL));
  g_assert (filename == NULL || g_utf8_validate (filename, -1, NULL));
  g_assert (content_type == NULL || g_utf8_validate (content_type, -1, NULL));
  state->in_part = TRUE;
  state->n_parts++;
  g_assert_cmpuint (state->n_parts, <=, SRV_MULTIPART_MAX_PARTS);
  return TRUE;
}

static gboolean
on_part_data (const guint8  *data,
              gsize          len,
              gpointer       user_data,
              GError       **error)
{
  State *state = user_data;
  volatile guint8 sink = 0;

  g_assert (state->in_part);
  g_assert (len > 0);
  /* Touch every byte: ASan tells if any is outside the buffer. */
  for (gsize i = 0; i < len; i++)
    sink ^= data[i];
  (void)sink;
  return TRUE;
}

static gboolean
on_part_end (gpointer   user_data,
             GError   **error)
{
  State *state = user_data;

  g_assert (state->in_part);
  state->in_part = FALSE;
  return TRUE;
}

static const SrvMultipartCallbacks callbacks = {
  on_part_begin,
  on_part_data,
  on_part_end,
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *content_type = fuzz_take_line (&data, &size);
  g_autofree char *boundary = srv_multipart_boundary_from_content_type (content_type);
  g_autoptr(SrvMultipartParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  State state = { FALSE, 0 };
  gsize chunk = strlen (content_type) % 13 + 1;
  gboolean ok = TRUE;

  if (boundary == NULL)
    return 0;
  g_assert_cmpuint (strlen (boundary), >, 0);
  g_assert_cmpuint (strlen (boundary), <=, SRV_MULTIPART_MAX_BOUNDARY);

  parser = srv_multipart_parser_new (boundary, &callbacks, &state);
  while (size > 0 && ok)
    {
      gsize n = MIN (chunk, size);

      ok = srv_multipart_parser_feed (parser, data, n, &error);
      data += n, size -= n;
    }
  if (ok)
    ok = srv_multipart_parser_finish (parser, &error);
  g_assert (ok == (error == NULL));
  /* A body that was accepted whole ended its last part. */
  if (ok)
    g_assert (!state.in_part);
  return 0;
}
