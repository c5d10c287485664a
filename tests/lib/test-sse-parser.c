/* test-sse-parser.c
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

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rivya.h"
#include "srv-test-utils.h"

/* Every parse is summarised as one string, one line per callback in
 * order: "E:<event>|<data, escaped>|<id or ->" or "C:<comment>", so that
 * two parses compare with one g_assert_cmpstr. */

static void
collect_event (const char *event,
               const char *data,
               const char *id,
               gpointer    user_data)
{
  GString *out = user_data;
  g_autofree char *escaped = g_strescape (data, NULL);

  g_assert_true (g_utf8_validate (event, -1, NULL));
  g_assert_true (g_utf8_validate (data, -1, NULL));
  g_assert_true (id == NULL || g_utf8_validate (id, -1, NULL));
  g_string_append_printf (out, "E:%s|%s|%s\n", event, escaped, id ? id : "-");
}

static void
collect_comment (const char *comment,
                 gpointer    user_data)
{
  GString *out = user_data;
  g_autofree char *escaped = g_strescape (comment, NULL);

  g_assert_true (g_utf8_validate (comment, -1, NULL));
  g_string_append_printf (out, "C:%s\n", escaped);
}

static RivyaSseParser *
collector_new (GString *out)
{
  RivyaSseParser *parser = rivya_sse_parser_new (collect_event, out, NULL);

  rivya_sse_parser_set_comment_func (parser, collect_comment, out, NULL);
  return parser;
}

/* Parses @stream cut at the offsets in @splits (ascending). */
static char *
parse_split (const char  *stream,
             gsize        len,
             const gsize *splits,
             guint        n_splits)
{
  GString *out = g_string_new (NULL);
  g_autoptr(RivyaSseParser) parser = collector_new (out);
  g_autoptr(GError) error = NULL;
  gsize start = 0;

  for (guint i = 0; i <= n_splits; i++)
    {
      gsize end = i < n_splits ? splits[i] : len;

      g_assert_true (rivya_sse_parser_feed (parser, stream + start, end - start, &error));
      g_assert_no_error (error);
      start = end;
    }
  rivya_sse_parser_finish (parser);

  g_string_append_printf (out, "retry=%u\n", rivya_sse_parser_get_retry (parser));
  return g_string_free (out, FALSE);
}

static char *
parse_whole (const char *stream,
             gsize       len)
{
  return parse_split (stream, len, NULL, 0);
}

static char *
parse_chunks_of (const char *stream,
                 gsize       len,
                 gsize       chunk)
{
  g_autoptr(GArray) splits = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (gsize at = chunk; at < len; at += chunk)
    g_array_append_val (splits, at);
  return parse_split (stream, len, (const gsize *) (gpointer) splits->data, splits->len);
}

/* The heart of the suite: the result must not depend on the chunking. */
static void
assert_chunking_invariant (const char *stream,
                           gsize       len,
                           gboolean    all_pairs)
{
  g_autofree char *whole = parse_whole (stream, len);

  for (gsize chunk = 1; chunk <= len; chunk++)
    {
      g_autofree char *got = parse_chunks_of (stream, len, chunk);
      g_assert_cmpstr (got, ==, whole);
    }

  for (gsize i = 0; i <= len; i++)
    {
      gsize split[1] = { i };
      g_autofree char *got = parse_split (stream, len, split, 1);
      g_assert_cmpstr (got, ==, whole);
    }

  if (!all_pairs)
    return;

  for (gsize i = 0; i <= len; i++)
    for (gsize j = i; j <= len; j++)
      {
        gsize split[2] = { i, j };
        g_autofree char *got = parse_split (stream, len, split, 2);
        g_assert_cmpstr (got, ==, whole);
      }
}

static char *
load_fixture (const char *name,
              gsize      *len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "lib", "data", "sse", name, NULL);
  char *contents = NULL;

  /* G_TEST_SRCDIR is tests/ under meson; next to the binary otherwise. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      path = g_test_build_filename (G_TEST_DIST, "data", "sse", name, NULL);
    }
  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

#define CHAT_STARTED "{\"id\":\"chatcmpl_AAAAAAAAAAAAAAAAAAAAAAAA\"," \
  "\"session_id\":\"sess_AAAAAAAAAAAAAAAAAAAAAAAA\",\"model\":\"local-chat\"," \
  "\"message\":{\"id\":\"msg_AAAAAAAAAAAAAAAAAAAAAAAA\",\"role\":\"assistant\"}}"
#define CHAT_COMPLETED "{\"id\":\"chatcmpl_AAAAAAAAAAAAAAAAAAAAAAAA\"," \
  "\"object\":\"chat.completion\",\"session_id\":\"sess_AAAAAAAAAAAAAAAAAAAAAAAA\"," \
  "\"model\":\"local-chat\",\"created_at\":\"2026-05-11T00:00:00.000Z\"," \
  "\"message\":{\"id\":\"msg_AAAAAAAAAAAAAAAAAAAAAAAA\",\"role\":\"assistant\"," \
  "\"content\":\"Hello, w\303\266rld \342\234\223\"},\"usage\":{\"input_tokens\":3," \
  "\"output_tokens\":4,\"total_tokens\":7},\"credits\":{\"reserved\":1,\"final\":1}}"

static char *
expected_chat_stream (void)
{
  g_autofree char *started = g_strescape (CHAT_STARTED, NULL);
  g_autofree char *delta2 = g_strescape ("{\"content\":\"lo, w\303\266rld \342\234\223\"}", NULL);
  g_autofree char *completed = g_strescape (CHAT_COMPLETED, NULL);

  return g_strdup_printf ("C:ping\n"
                          "E:chat.started|%s|1\n"
                          "E:chat.delta|{\\\"content\\\":\\\"Hel\\\"}|2\n"
                          "E:chat.delta|%s|3\n"
                          "C:ping\n"
                          "E:chat.completed|%s|4\n"
                          "retry=0\n",
                          started, delta2, completed);
}

static void
test_chat_fixtures (void)
{
  const char *names[] = { "chat-stream.sse", "chat-stream-crlf-bom.sse", "chat-stream-cr.sse" };
  g_autofree char *expected = expected_chat_stream ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize len = 0;
      g_autofree char *stream = load_fixture (names[i], &len);
      g_autofree char *got = parse_whole (stream, len);

      g_test_message ("%s", names[i]);
      g_assert_cmpstr (got, ==, expected);
      assert_chunking_invariant (stream, len, FALSE);
    }
}

static void
test_chat_error_fixture (void)
{
  gsize len = 0;
  g_autofree char *stream = load_fixture ("chat-error.sse", &len);
  g_autofree char *got = parse_whole (stream, len);

  /* Unknown event names reach the caller, which ignores them. */
  g_assert_true (g_str_has_prefix (got, "E:chat.started|"));
  g_assert_nonnull (strstr (got, "\nE:chat.reasoning|{\\\"content\\\":\\\"an event this client "
                                 "does not know\\\"}|2\n"));
  g_assert_true (g_str_has_suffix (got,
                                   "\nE:error|{\\\"error\\\":{\\\"code\\\":\\\"internal_error\\\","
                                   "\\\"message\\\":\\\"The model stopped\\\",\\\"requestId\\\":"
                                   "\\\"req_BBBBBBBBBBBBBBBBBBBBBBBB\\\"}}|3\nretry=0\n"));
  assert_chunking_invariant (stream, len, FALSE);
}

static void
test_whatwg_fixture (void)
{
  gsize len = 0;
  g_autofree char *stream = load_fixture ("whatwg.sse", &len);
  g_autofree char *got = parse_whole (stream, len);

  g_assert_cmpstr (got, ==,
                   "E:message|YHOO\\n+2\\n10|-\n"
                   "C:test stream\n"
                   "E:message|first event|1\n"
                   "E:message|second event|-\n"
                   "E:message| third event|-\n"
                   "E:message||-\n"
                   "E:message|\\n|-\n"
                   "E:message|test|-\n"
                   "E:message|test|-\n"
                   "E:add|73857293|-\n"
                   "E:remove|2153|-\n"
                   "E:add|113411|-\n"
                   "retry=2500\n");
  assert_chunking_invariant (stream, len, FALSE);
}

/* The grammar exactly as B.9 prints it, every pair of split points. */
static const char b9_example[] =
  "event: chat.started\n"
  "data: {\"id\":\"chatcmpl_...\",\"session_id\":\"sess_...\",\"model\":\"...\",\"message\":"
  "{\"id\":\"msg_...\",\"role\":\"assistant\"}}\n"
  "\n"
  "event: chat.delta\n"
  "data: {\"content\":\"Hel\"}\n"
  "\n"
  "event: chat.completed\n"
  "data: <the whole non-streaming chat.completion object>\n"
  "\n"
  "event: error\n"
  "data: {\"error\":{\"code\":\"...\",\"message\":\"...\",\"requestId\":\"req_...\"}}\n";

static void
test_b9_example (void)
{
  g_autofree char *got = parse_whole (b9_example, strlen (b9_example));

  /* The example's last event has no blank line after it: at EOF it is
   * incomplete and discarded. */
  g_assert_cmpstr (got, ==,
                   "E:chat.started|{\\\"id\\\":\\\"chatcmpl_...\\\","
                   "\\\"session_id\\\":\\\"sess_...\\\","
                   "\\\"model\\\":\\\"...\\\",\\\"message\\\":{\\\"id\\\":\\\"msg_...\\\","
                   "\\\"role\\\":\\\"assistant\\\"}}|-\n"
                   "E:chat.delta|{\\\"content\\\":\\\"Hel\\\"}|-\n"
                   "E:chat.completed|<the whole non-streaming chat.completion object>|-\n"
                   "retry=0\n");
  assert_chunking_invariant (b9_example, strlen (b9_example), TRUE);
}

static void
test_line_endings (void)
{
  static const char *lf = "event: a\ndata: 1\ndata: 2\n\n: c\ndata: 3\n\n";
  static const char *crlf = "event: a\r\ndata: 1\r\ndata: 2\r\n\r\n: c\r\ndata: 3\r\n\r\n";
  static const char *cr = "event: a\rdata: 1\rdata: 2\r\r: c\rdata: 3\r\r";
  static const char *mixed = "event: a\r\ndata: 1\rdata: 2\n\r\n: c\rdata: 3\n\r";
  static const char *expected = "E:a|1\\n2|-\nC:c\nE:message|3|-\nretry=0\n";
  const char *streams[] = { lf, crlf, cr, mixed };

  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    {
      g_autofree char *got = parse_whole (streams[i], strlen (streams[i]));

      g_assert_cmpstr (got, ==, expected);
      assert_chunking_invariant (streams[i], strlen (streams[i]), TRUE);
    }

  /* CR then LF in the next chunk is one line end, not two: with two,
   * "data: x" would be dispatched before "data: y" is added. */
  {
    static const gsize split[] = { 8 };
    static const char stream[] = "data: x\r\ndata: y\r\n\r\n";
    g_autofree char *got = parse_split (stream, sizeof stream - 1, split, 1);

    g_assert_cmpstr (got, ==, "E:message|x\\ny|-\nretry=0\n");
  }
}

static void
test_fields (void)
{
#define CASE(stream, expected) { stream, sizeof (stream) - 1, expected }
  static const struct {
    const char *stream;
    gsize       len;
    const char *expected;
  } cases[] = {
    /* One leading space is stripped, not two, and not other blanks. */
    CASE ("data:  two\n\n", "E:message| two|-\n"),
    CASE ("data:\tx\n\n", "E:message|\\tx|-\n"),
    CASE ("data:x:y: z\n\n", "E:message|x:y: z|-\n"),
    /* Fields without a colon have an empty value. */
    CASE ("data\n\n", "E:message||-\n"),
    CASE ("event\ndata: x\n\n", "E:message|x|-\n"),
    /* Field names are case-sensitive and exact. */
    CASE ("Data: x\n\ndata : y\n\n", ""),
    /* Without data, nothing is dispatched, and the type does not leak. */
    CASE ("event: lonely\n\ndata: next\n\n", "E:message|next|-\n"),
    CASE ("event: a\nevent: b\ndata: x\n\n", "E:b|x|-\n"),
    /* Ids persist across events until reset; ids with NUL are ignored. */
    CASE ("id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\n",
          "E:message|a|7\nE:message|b|7\nE:message|c|-\n"),
    CASE ("id: 1\n\nid: 2\0x\ndata: a\n\n", "E:message|a|1\n"),
    /* An id without data still becomes the last event id. */
    CASE ("id: 5\n\ndata: a\n\n", "E:message|a|5\n"),
    /* Comments: the colon and one space go. */
    CASE (": ping\n:\n:  two\n:x\n", "C:ping\nC:\nC: two\nC:x\n"),
    /* Unknown fields are ignored. */
    CASE ("foo: bar\ndata: x\nbaz\n\n", "E:message|x|-\n"),
    /* Blank lines alone dispatch nothing. */
    CASE ("\n\n\r\n\r\r", ""),
  };

#undef CASE

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = parse_whole (cases[i].stream, cases[i].len);
      g_autofree char *expected = g_strconcat (cases[i].expected, "retry=0\n", NULL);

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, expected);
      assert_chunking_invariant (cases[i].stream, cases[i].len, cases[i].len < 64);
    }
}

static void
test_retry (void)
{
  static const struct {
    const char *stream;
    guint       retry;
  } cases[] = {
    { "retry: 3000\n", 3000 },
    { "retry:15000\n", 15000 },
    { "retry: 3000\nretry: 30x\n", 3000 },
    { "retry: -5\n", 0 },
    { "retry:\n", 0 },
    { "retry\n", 0 },
    { "retry: 1.5\n", 0 },
    { "retry:  100\n", 0 },
    { "retry: 99999999999999999999\n", G_MAXUINT },
    { "retry: 0\n", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(RivyaSseParser) parser = collector_new (out);
      const char *stream = cases[i].stream;

      g_assert_true (rivya_sse_parser_feed (parser, stream, strlen (stream), NULL));
      g_assert_cmpuint (rivya_sse_parser_get_retry (parser), ==, cases[i].retry);
      g_assert_cmpstr (out->str, ==, "");
    }
}

static void
test_bom (void)
{
  static const char with_bom[] = "\xEF\xBB\xBF" "data: x\n\n";
  static const char two_boms[] = "\xEF\xBB\xBF\xEF\xBB\xBF" "data: x\n\ndata: y\n\n";
  static const char half_bom[] = "\xEF\xBB" "data: x\n\ndata: y\n\n";
  g_autofree char *got1 = parse_whole (with_bom, sizeof with_bom - 1);
  g_autofree char *got2 = parse_whole (two_boms, sizeof two_boms - 1);
  g_autofree char *got3 = parse_whole (half_bom, sizeof half_bom - 1);

  g_assert_cmpstr (got1, ==, "E:message|x|-\nretry=0\n");
  /* Only the first BOM is skipped: the second makes the field unknown. */
  g_assert_cmpstr (got2, ==, "E:message|y|-\nretry=0\n");
  g_assert_cmpstr (got3, ==, "E:message|y|-\nretry=0\n");
  assert_chunking_invariant (with_bom, sizeof with_bom - 1, TRUE);
  assert_chunking_invariant (two_boms, sizeof two_boms - 1, TRUE);
  assert_chunking_invariant (half_bom, sizeof half_bom - 1, TRUE);
}

static void
test_finish (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(RivyaSseParser) parser = collector_new (out);

  /* An incomplete event is dropped at EOF, even with its data line
   * complete, and nothing of it leaks into the next stream. */
  g_assert_true (rivya_sse_parser_feed (parser, "id: 9\nevent: x\ndata: lost\n", 26, NULL));
  rivya_sse_parser_finish (parser);
  g_assert_cmpstr (out->str, ==, "");
  g_assert_null (rivya_sse_parser_get_last_event_id (parser));

  g_assert_true (rivya_sse_parser_feed (parser, "data: kept", 10, NULL));
  rivya_sse_parser_finish (parser);
  g_assert_cmpstr (out->str, ==, "");

  /* After finish() the parser starts a new stream: a BOM is allowed
   * again, and the last event id survives for the reconnection. */
  g_assert_true (rivya_sse_parser_feed (parser, "id: 3\ndata: a\n\n", 15, NULL));
  rivya_sse_parser_finish (parser);
  g_assert_true (rivya_sse_parser_feed (parser, "\xEF\xBB\xBF" "data: b\r", 11, NULL));
  rivya_sse_parser_finish (parser);
  g_assert_true (rivya_sse_parser_feed (parser, "\ndata: c\n\n", 10, NULL));
  g_assert_cmpstr (out->str, ==, "E:message|a|3\nE:message|c|3\n");
  g_assert_cmpstr (rivya_sse_parser_get_last_event_id (parser), ==, "3");
  g_assert_cmpuint (rivya_sse_parser_get_n_events (parser), ==, 2);
}

static void
test_invalid_utf8 (void)
{
  static const char stream[] = "event: \xff\ndata: a\xc3\x28z\ndata: \xe2\x9c\x93\nid: \x80\n\n";
  g_autofree char *got = parse_whole (stream, sizeof stream - 1);

  /* Every bad byte is one U+FFFD (\357\277\275); good text is kept. */
  g_assert_cmpstr (got, ==,
                   "E:\357\277\275|a\\357\\277\\275(z\\n\\342\\234\\223|\357\277\275\n"
                   "retry=0\n");
  assert_chunking_invariant (stream, sizeof stream - 1, TRUE);
}

static void
test_nul_in_data (void)
{
  static const char stream[] = "data: a\0b\n\n";
  g_autofree char *got = parse_whole (stream, sizeof stream - 1);

  g_assert_cmpstr (got, ==, "E:message|a\\357\\277\\275b|-\nretry=0\n");
}

static void
assert_too_large (RivyaSseParser *parser,
                  const char     *stream,
                  gsize           len,
                  gsize           chunk)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  for (gsize at = 0; at < len && ok; at += chunk)
    ok = rivya_sse_parser_feed (parser, stream + at, MIN (chunk, len - at), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_false (ok);
  g_clear_error (&error);

  /* The parser refuses more input until finish(). */
  g_assert_false (rivya_sse_parser_feed (parser, "data: x\n\n", 9, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  rivya_sse_parser_finish (parser);
  g_assert_true (rivya_sse_parser_feed (parser, "data: x\n\n", 9, &error));
  g_assert_no_error (error);
}

static void
test_limits (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(RivyaSseParser) parser = collector_new (out);
  g_autoptr(GString) long_line = g_string_new ("data: ");
  g_autoptr(GString) many_lines = g_string_new (NULL);
  g_autoptr(GString) exact = g_string_new ("data: ");
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (rivya_sse_parser_get_max_size (parser), ==, 1024 * 1024);
  rivya_sse_parser_set_max_size (parser, 64);
  g_assert_cmpuint (rivya_sse_parser_get_max_size (parser), ==, 64);

  /* A line of exactly the limit is fine. */
  for (guint i = 0; i < 58; i++)
    g_string_append_c (exact, 'x');
  g_string_append (exact, "\n\n");
  g_assert_true (rivya_sse_parser_feed (parser, exact->str, exact->len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rivya_sse_parser_get_n_events (parser), ==, 1);

  /* A long line, whole or a byte at a time, and a line that never ends:
   * the parser must not buffer it without bound. */
  for (guint i = 0; i < 100; i++)
    g_string_append_c (long_line, 'x');
  assert_too_large (parser, long_line->str, long_line->len, long_line->len);
  assert_too_large (parser, long_line->str, long_line->len, 1);
  assert_too_large (parser, long_line->str, long_line->len, 7);

  /* Short lines adding up to an event over the limit. */
  for (guint i = 0; i < 10; i++)
    g_string_append (many_lines, "data: 0123456789\n");
  assert_too_large (parser, many_lines->str, many_lines->len, many_lines->len);
  assert_too_large (parser, many_lines->str, many_lines->len, 3);

  /* Comments and unknown fields count as lines too. */
  g_string_overwrite (long_line, 0, ": ping");
  assert_too_large (parser, long_line->str, long_line->len, 5);

  g_assert_cmpuint (rivya_sse_parser_get_n_events (parser), ==, 7);
}

static void
test_default_limit (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(RivyaSseParser) parser = collector_new (out);
  g_autoptr(GError) error = NULL;
  g_autofree char *chunk = g_malloc (64 * 1024);
  gboolean ok = TRUE;
  guint n = 0;

  memset (chunk, 'x', 64 * 1024);
  g_assert_true (rivya_sse_parser_feed (parser, "data: ", 6, NULL));
  while (ok && n < 100)
    {
      ok = rivya_sse_parser_feed (parser, chunk, 64 * 1024, &error);
      n++;
    }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  /* 1 MiB is 16 chunks of 64 KiB, plus "data: ". */
  g_assert_cmpuint (n, ==, 16);
}

typedef struct
{
  RivyaSseParser *parser;
  guint           n_events;
  guint           n_notified;
} DropState;

static void
drop_on_first_event (const char *event,
                     const char *data,
                     const char *id,
                     gpointer    user_data)
{
  DropState *state = user_data;

  state->n_events++;
  g_clear_pointer (&state->parser, rivya_sse_parser_unref);
}

static void
drop_notify (gpointer user_data)
{
  DropState *state = user_data;

  state->n_notified++;
}

static void
test_unref_in_callback (void)
{
  DropState state = { NULL, 0, 0 };
  static const char stream[] = "data: 1\n\ndata: 2\n\ndata: 3\n\n";

  state.parser = rivya_sse_parser_new (drop_on_first_event, &state, drop_notify);
  g_assert_true (rivya_sse_parser_feed (state.parser, stream, sizeof stream - 1, NULL));
  g_assert_null (state.parser);
  g_assert_cmpuint (state.n_events, ==, 1);
  g_assert_cmpuint (state.n_notified, ==, 1);
}

static void
test_boxed (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  RivyaSseParser *parser = collector_new (out);
  RivyaSseParser *copy;

  g_assert_true (G_TYPE_IS_BOXED (RIVYA_TYPE_SSE_PARSER));
  copy = g_boxed_copy (RIVYA_TYPE_SSE_PARSER, parser);
  g_assert_true (copy == parser);
  g_boxed_free (RIVYA_TYPE_SSE_PARSER, copy);
  g_assert_true (rivya_sse_parser_feed (parser, ": hi\n", 5, NULL));
  g_assert_cmpuint (rivya_sse_parser_get_n_comments (parser), ==, 1);
  rivya_sse_parser_free (parser);
  g_assert_cmpstr (out->str, ==, "C:hi\n");
}

/* Random streams made of the grammar's own pieces and random bytes:
 * whatever comes in, no crash, valid UTF-8 out, and the same events
 * however it is cut. */
static void
test_garbage (void)
{
  static const char *pieces[] = {
    "data", "data:", "data: ", "event: ", "id: ", "id", "retry: ", "retry: 12", ":", ": ping",
    "\n", "\r", "\r\n", "\n\n", "x", " ", "\xEF\xBB\xBF", "\xc3", "\x80", "\0", "\xff",
    "chat.delta", "{\"content\":\"hi\"}",
  };

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) stream = g_string_new (NULL);
      g_autofree char *whole = NULL;
      g_autoptr(GArray) splits = g_array_new (FALSE, FALSE, sizeof (gsize));
      guint n_pieces = g_test_rand_int_range (1, 80);

      for (guint i = 0; i < n_pieces; i++)
        {
          if (g_test_rand_int_range (0, 5) == 0)
            {
              g_string_append_c (stream, (char) g_test_rand_int_range (0, 256));
            }
          else
            {
              const char *piece = pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))];
              g_string_append_len (stream, piece, MAX (strlen (piece), 1));
            }
        }

      whole = parse_whole (stream->str, stream->len);
      for (gsize at = 0; at < stream->len; at += g_test_rand_int_range (1, 9))
        if (at > 0)
          g_array_append_val (splits, at);

      {
        g_autofree char *cut = parse_split (stream->str, stream->len,
                                            (const gsize *) (gpointer) splits->data, splits->len);
        g_autofree char *bytes = parse_chunks_of (stream->str, stream->len, 1);

        g_assert_cmpstr (cut, ==, whole);
        g_assert_cmpstr (bytes, ==, whole);
      }
    }
}

static void
count_event (const char *event,
             const char *data,
             const char *id,
             gpointer    user_data)
{
  (*(guint64 *) user_data) += strlen (data);
}

static void
test_throughput (void)
{
  g_autoptr(GString) stream = g_string_new (NULL);
  g_autoptr(RivyaSseParser) parser = NULL;
  guint64 n_bytes = 0;
  guint n = 200000;
  gsize tenth = 0;
  gint64 start, elapsed;

  for (guint i = 0; i < n; i++)
    {
      if (i == n / 10)
        tenth = stream->len;
      g_string_append_printf (stream,
                              "id: %u\nevent: chat.delta\ndata: {\"content\":\"word%u \"}\n\n",
                              i + 1, i);
    }

  parser = rivya_sse_parser_new (count_event, &n_bytes, NULL);
  start = g_get_monotonic_time ();
  for (gsize at = 0; at < stream->len; at += 4096)
    g_assert_true (rivya_sse_parser_feed (parser, stream->str + at, MIN (4096, stream->len - at),
                                          NULL));
  elapsed = MAX (g_get_monotonic_time () - start, 1);

  g_assert_cmpuint (rivya_sse_parser_get_n_events (parser), ==, n);
  g_test_message ("SSE parser: %.1f MB/s, %.0f events/s (%u events, %" G_GSIZE_FORMAT
                  " bytes in 4 KiB chunks)",
                  stream->len / (double) elapsed, n * (double) G_USEC_PER_SEC / elapsed,
                  n, stream->len);

  /* The worst case: the network hands over one byte at a time. */
  g_string_truncate (stream, tenth);
  start = g_get_monotonic_time ();
  for (gsize at = 0; at < stream->len; at++)
    g_assert_true (rivya_sse_parser_feed (parser, stream->str + at, 1, NULL));
  elapsed = MAX (g_get_monotonic_time () - start, 1);
  g_assert_cmpuint (rivya_sse_parser_get_n_events (parser), ==, n + n / 10);
  g_test_message ("SSE parser, 1-byte chunks: %.1f MB/s", stream->len / (double) elapsed);
}

typedef struct
{
  GPtrArray *names;
  GPtrArray *ids;
  GString   *deltas;
  char      *completed;
} ChatCollect;

static void
collect_chat (const char *event,
              const char *data,
              const char *id,
              gpointer    user_data)
{
  ChatCollect *chat = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_ptr_array_add (chat->names, g_strdup (event));
  g_ptr_array_add (chat->ids, g_strdup (id));

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));

  if (g_str_equal (event, "chat.delta"))
    g_string_append (chat->deltas, json_object_get_string_member (object, "content"));
  else if (g_str_equal (event, "chat.completed"))
    {
      JsonObject *message = json_object_get_object_member (object, "message");

      g_assert_cmpstr (json_object_get_string_member (object, "object"), ==, "chat.completion");
      chat->completed = g_strdup (json_object_get_string_member (message, "content"));
    }
}

static void
test_real_server (void)
{
  g_autoptr(SrvTestServer) srv = NULL;
  g_autoptr(SrvTestResponse) resp = NULL;
  g_autoptr(RivyaSseParser) parser = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) deltas = g_string_new (NULL);
  g_autofree char *whole = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *sevens = NULL;
  ChatCollect chat = { names, ids, deltas, NULL };
  const char *server = g_getenv ("RIVYA_SERVER");
  const char *body;
  gsize len;

  if (server == NULL || !g_file_test (server, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("rivya-server is not built");
      return;
    }

  srv = srv_test_server_start (NULL);
  resp = srv_test_call (srv, "POST", "/api/v1/chat/completions/stream", srv->key,
                        "{\"model\":\"local-chat\",\"message\":\"Hello there, how are you?\"}",
                        NULL);
  if (resp->status == 404)
    {
      g_test_skip ("rivya-server has no chat stream route yet");
      return;
    }
  srv_assert_status (resp, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (resp->headers, NULL), ==,
                   "text/event-stream");

  body = g_bytes_get_data (resp->body, &len);
  whole = parse_whole (body, len);
  bytes = parse_chunks_of (body, len, 1);
  sevens = parse_chunks_of (body, len, 7);
  g_assert_cmpstr (bytes, ==, whole);
  g_assert_cmpstr (sevens, ==, whole);

  /* chat.started, chat.delta..., chat.completed, with counter ids, and
   * the deltas add up to the completed message. */
  parser = rivya_sse_parser_new (collect_chat, &chat, NULL);
  g_assert_true (rivya_sse_parser_feed (parser, body, len, NULL));
  rivya_sse_parser_finish (parser);

  g_assert_cmpuint (names->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "chat.started");
  for (guint i = 1; i + 1 < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==, "chat.delta");
  g_assert_cmpstr (g_ptr_array_index (names, names->len - 1), ==, "chat.completed");
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u", i + 1);

      g_assert_cmpstr (g_ptr_array_index (ids, i), ==, expected);
    }
  g_assert_cmpuint (deltas->len, >, 0);
  g_assert_cmpstr (chat.completed, ==, deltas->str);
  g_free (chat.completed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sse/fixtures/chat", test_chat_fixtures);
  g_test_add_func ("/sse/fixtures/chat-error", test_chat_error_fixture);
  g_test_add_func ("/sse/fixtures/whatwg", test_whatwg_fixture);
  g_test_add_func ("/sse/b9-example", test_b9_example);
  g_test_add_func ("/sse/line-endings", test_line_endings);
  g_test_add_func ("/sse/fields", test_fields);
  g_test_add_func ("/sse/retry", test_retry);
  g_test_add_func ("/sse/bom", test_bom);
  g_test_add_func ("/sse/finish", test_finish);
  g_test_add_func ("/sse/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/sse/nul-in-data", test_nul_in_data);
  g_test_add_func ("/sse/limits", test_limits);
  g_test_add_func ("/sse/default-limit", test_default_limit);
  g_test_add_func ("/sse/unref-in-callback", test_unref_in_callback);
  g_test_add_func ("/sse/boxed", test_boxed);
  g_test_add_func ("/sse/garbage", test_garbage);
  g_test_add_func ("/sse/throughput", test_throughput);
  g_test_add_func ("/sse/real-server", test_real_server);

  return g_test_run ();
}
