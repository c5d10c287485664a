/* fuzz-sse.c
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

/* RivyaSseParser reads chat streams from a server. The input is a
 * stream; its length decides how it is cut into the chunks that
 * rivya_sse_parser_feed() gets (the network cuts anywhere), and whether
 * a small size limit applies.
 */

#include "config.h"

#include <string.h>

#include "rivya.h"

#include "fuzz-common.h"

typedef struct
{
  guint64 n_events;
  guint64 n_comments;
} Counts;

static void
on_event (const char *event,
          const char *data,
          const char *id,
          gpointer    user_data)
{
  Counts *counts = user_data;

  /* Every field reaches callers as UTF-8 they can hand to GTK. */
  g_assert (event != NULL && g_utf8_validate (event, -1, NULL));
  g_assert (data != NULL && g_utf8_validate (data, -1, NULL));
  g_assert (id == NULL || g_utf8_validate (id, -1, NULL));
  counts->n_events++;
}

static void
on_comment (const char *comment,
            gpointer    user_data)
{
  Counts *counts = user_data;

  g_assert (comment != NULL);
  counts->n_comments++;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RivyaSseParser) parser = NULL;
  Counts counts = { 0, };
  gsize chunk;
  gboolean ok = TRUE;

  /* From the length, so that the corpus is plain SSE streams. */
  chunk = size % 64 + 1;

  parser = rivya_sse_parser_new (on_event, &counts, NULL);
  rivya_sse_parser_set_comment_func (parser, on_comment, &counts, NULL);
  if (size % 5 == 0)
    rivya_sse_parser_set_max_size (parser, 64);

  while (size > 0 && ok)
    {
      g_autoptr(GError) error = NULL;
      gsize n = MIN (chunk, size);

      ok = rivya_sse_parser_feed (parser, (const char *)data, n, &error);
      g_assert (ok == (error == NULL));
      data += n, size -= n;
    }
  if (ok)
    rivya_sse_parser_finish (parser);

  g_assert_cmpuint (rivya_sse_parser_get_n_events (parser), ==, counts.n_events);
  g_assert_cmpuint (rivya_sse_parser_get_n_comments (parser), ==, counts.n_comments);
  (void)rivya_sse_parser_get_retry (parser);
  (void)rivya_sse_parser_get_last_event_id (parser);
  return 0;
}
