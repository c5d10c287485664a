/* test-multipart.c
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

#include "config.h"

#include "srv-multipart.h"

#include <gio/gio.h>
#include <string.h>

#define BOUNDARY "----RivyaFormBoundary7MA4YWxkTrZu0gW"

/* Writes every callback into a log, the data of one part coalesced, so
 * that runs over differently split input can be compared as strings.
 */
typedef struct
{
  GString    *log;
  GByteArray *data;
  guint       n_data_calls;
  gboolean    in_part;

  /* Which callback fails: "begin", "data" or "end", at its nth call */
  const char *fail_callback;
  guint       fail_at;
  gboolean    fail_without_error;
  guint       n_calls;
} Recorder;

static void
append_escaped (GString      *string,
                const guint8 *data,
                gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '\\')
        g_string_append (string, "\\\\");
      else if (data[i] == '\r')
        g_string_append (string, "\\r");
      else if (data[i] == '\n')
        g_string_append (string, "\\n");
      else if (data[i] < 0x20 || data[i] >= 0x7f)
        g_string_append_printf (string, "\\x%02x", data[i]);
      else
        g_string_append_c (string, data[i]);
    }
}

static gboolean
maybe_fail (Recorder    *recorder,
            const char  *callback,
            GError     **error)
{
  if (g_strcmp0 (recorder->fail_callback, callback) != 0)
    return TRUE;
  if (recorder->n_calls++ != recorder->fail_at)
    return TRUE;

  g_string_append_printf (recorder->log, "fail %s\n", callback);
  if (!recorder->fail_without_error)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "No space left in %s", callback);

  return FALSE;
}

static gboolean
on_part_begin (const char  *name,
               const char  *filename,
               const char  *content_type,
               gpointer     user_data,
               GError     **error)
{
  Recorder *recorder = user_data;

  g_assert_false (recorder->in_part);
  recorder->in_part = TRUE;

  g_string_append_printf (recorder->log, "begin name=%s filename=%s type=%s\n",
                          name ? name : "(null)",
                          filename ? filename : "(null)",
                          content_type ? content_type : "(null)");

  return maybe_fail (recorder, "begin", error);
}

static gboolean
on_part_data (const guint8  *data,
              gsize          len,
              gpointer       user_data,
              GError       **error)
{
  Recorder *recorder = user_data;

  g_assert_true (recorder->in_part);
  g_assert_nonnull (data);
  g_assert_cmpuint (len, >, 0);

  g_byte_array_append (recorder->data, data, len);
  recorder->n_data_calls++;

  return maybe_fail (recorder, "data", error);
}

static gboolean
on_part_end (gpointer   user_data,
             GError   **error)
{
  Recorder *recorder = user_data;

  g_assert_true (recorder->in_part);
  recorder->in_part = FALSE;

  g_string_append (recorder->log, "data \"");
  append_escaped (recorder->log, recorder->data->data, recorder->data->len);
  g_string_append (recorder->log, "\"\nend\n");
  g_byte_array_set_size (recorder->data, 0);

  return maybe_fail (recorder, "end", error);
}

static const SrvMultipartCallbacks callbacks = {
  on_part_begin,
  on_part_data,
  on_part_end,
};

static void
recorder_init (Recorder *recorder)
{
  memset (recorder, 0, sizeof *recorder);
  recorder->log = g_string_new (NULL);
  recorder->data = g_byte_array_new ();
}

static char *
recorder_finish (Recorder *recorder)
{
  g_byte_array_unref (recorder->data);
  return g_string_free (recorder->log, FALSE);
}

static void
log_result (Recorder *recorder,
            gboolean  ret,
            GError   *error)
{
  if (ret)
    {
      g_assert_no_error (error);
      g_string_append (recorder->log, "ok\n");
      return;
    }

  g_assert_nonnull (error);

  /* Data of an unfinished part is logged too: it was handed on */
  if (recorder->data->len > 0)
    {
      g_string_append (recorder->log, "data \"");
      append_escaped (recorder->log, recorder->data->data, recorder->data->len);
      g_string_append (recorder->log, "\"\n");
    }
  g_string_append_printf (recorder->log, "error %s %d: %s\n",
                          g_quark_to_string (error->domain), error->code, error->message);
}

/* Feeds body in pieces ending at each of cuts (ascending), then the
 * rest, then finishes; returns the log.
 */
static char *
parse_cuts (const char   *boundary,
            const guint8 *body,
            gsize         len,
            const gsize  *cuts,
            guint         n_cuts,
            Recorder     *recorder)
{
  g_autoptr(SrvMultipartParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  Recorder local;
  gboolean ret = TRUE;
  gsize start = 0;

  if (recorder == NULL)
    {
      recorder_init (&local);
      recorder = &local;
    }

  parser = srv_multipart_parser_new (boundary, &callbacks, recorder);
  g_assert_nonnull (parser);

  for (guint i = 0; i <= n_cuts && ret; i++)
    {
      gsize end = i < n_cuts ? cuts[i] : len;

      g_assert_cmpuint (end, >=, start);
      g_assert_cmpuint (end, <=, len);
      ret = srv_multipart_parser_feed (parser, body + start, end - start, &error);
      start = end;
    }

  if (ret)
    ret = srv_multipart_parser_finish (parser, &error);

  log_result (recorder, ret, error);

  /* The error sticks, of the same kind */
  if (!ret)
    {
      g_autoptr(GError) again = NULL;
      GError *first = error;

      g_assert_false (srv_multipart_parser_feed (parser, (const guint8 *) "x", 1, &again));
      g_assert_error (again, first->domain, first->code);
      g_clear_error (&again);
      g_assert_false (srv_multipart_parser_finish (parser, &again));
      g_assert_error (again, first->domain, first->code);
    }

  return recorder == &local ? recorder_finish (&local) : NULL;
}

static char *
parse_whole (const char *boundary,
             const char *body,
             gsize       len)
{
  return parse_cuts (boundary, (const guint8 *) body, len, NULL, 0, NULL);
}

static char *
parse_in_chunks (const char   *boundary,
                 const guint8 *body,
                 gsize         len,
                 gsize         chunk_size)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (gsize cut = chunk_size; cut < len; cut += chunk_size)
    g_array_append_val (cuts, cut);

  return parse_cuts (boundary, body, len, (const gsize *) (gpointer) cuts->data, cuts->len, NULL);
}

static char *
parse_random_chunks (const char   *boundary,
                     const guint8 *body,
                     gsize         len,
                     GRand        *rand,
                     guint         max_chunk)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize cut = 0;

  for (;;)
    {
      /* Empty chunks too */
      cut += g_rand_int_range (rand, 0, max_chunk + 1);
      if (cut >= len)
        break;
      g_array_append_val (cuts, cut);
    }

  return parse_cuts (boundary, body, len, (const gsize *) (gpointer) cuts->data, cuts->len, NULL);
}

#define S(s) s, sizeof s - 1

/* The file data holds what looks like a delimiter without being one,
 * and ends in a CR that is data as well.
 */
#define FILE_DATA \
  "\x89PNG\r\n\x1a\n\x00\x00" \
  "--\r\n-\r\n--\r\n" \
  "x--" BOUNDARY "\r\n" \
  "\t--" BOUNDARY "--\n" \
  "-\n--\n" \
  "\r--" BOUNDARY "\r\n" \
  "\r\n--" "----RivyaFormBoundary7MA4YWxkTrZu0g" "\r\n" \
  "\n--" "----RivyaFormBoundary7MA4YWxkTrZu0g" "X" \
  "\r\n-" BOUNDARY \
  "\r\r"

static const char form_body[] =
  "--" BOUNDARY "\r\n"
  "Content-Disposition: form-data; name=\"prompt\"\r\n"
  "\r\n"
  "A cat\r\non a mat\r\n"
  "--" BOUNDARY "\r\n"
  "Content-Disposition: form-data; name=\"kind\"\r\n"
  "\r\n"
  "image\r\n"
  "--" BOUNDARY "\r\n"
  "Content-Disposition: form-data; name=\"file\"; filename=\"a b.png\"\r\n"
  "Content-Type: image/png\r\n"
  "\r\n"
  FILE_DATA "\r\n"
  "--" BOUNDARY "--\r\n";

static char *form_expected;

static void
build_form_expected (void)
{
  g_autoptr(GString) expected = g_string_new (NULL);

  g_string_append (expected,
                   "begin name=prompt filename=(null) type=(null)\n"
                   "data \"A cat\\r\\non a mat\"\n"
                   "end\n"
                   "begin name=kind filename=(null) type=(null)\n"
                   "data \"image\"\n"
                   "end\n"
                   "begin name=file filename=a b.png type=image/png\n"
                   "data \"");
  append_escaped (expected, (const guint8 *) FILE_DATA, sizeof FILE_DATA - 1);
  g_string_append (expected, "\"\nend\nok\n");

  /* The escaping itself is checked once, on the first bytes */
  g_assert_true (g_str_has_suffix (expected->str,
                                   "data \"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00"
                                   "--\\r\\n-\\r\\n--\\r\\nx--"
                                   BOUNDARY "\\r\\n\\x09--" BOUNDARY "--\\n-\\n--\\n\\r--"
                                   BOUNDARY "\\r\\n"
                                   "\\r\\n------RivyaFormBoundary7MA4YWxkTrZu0g\\r\\n"
                                   "\\n------RivyaFormBoundary7MA4YWxkTrZu0gX\\r\\n-" BOUNDARY
                                   "\\r\\r\"\nend\nok\n"));

  form_expected = g_string_free (g_steal_pointer (&expected), FALSE);
}

static void
test_multipart_whole (void)
{
  g_autofree char *log = NULL;
  Recorder recorder;

  recorder_init (&recorder);
  parse_cuts (BOUNDARY, (const guint8 *) form_body, sizeof form_body - 1, NULL, 0, &recorder);
  /* Fed at once, each part's data comes in a single slice */
  g_assert_cmpuint (recorder.n_data_calls, ==, 3);
  log = recorder_finish (&recorder);
  g_assert_cmpstr (log, ==, form_expected);
}

static void
test_multipart_byte_by_byte (void)
{
  g_autofree char *log = parse_in_chunks (BOUNDARY, (const guint8 *) form_body,
                                          sizeof form_body - 1, 1);

  g_assert_cmpstr (log, ==, form_expected);
}

static void
test_multipart_every_split (void)
{
  gsize len = sizeof form_body - 1;

  for (gsize cut = 0; cut <= len; cut++)
    {
      g_autofree char *log = parse_cuts (BOUNDARY, (const guint8 *) form_body, len, &cut, 1, NULL);

      g_test_message ("split at %" G_GSIZE_FORMAT, cut);
      g_assert_cmpstr (log, ==, form_expected);
    }

  /* Every pair of cuts around the file part's delimiter-like data */
  for (gsize a = 330; a < len; a += 3)
    {
      for (gsize b = a; b <= len; b++)
        {
          gsize cuts[] = { a, b };
          g_autofree char *log = NULL;

          log = parse_cuts (BOUNDARY, (const guint8 *) form_body, len, cuts, 2, NULL);

          g_assert_cmpstr (log, ==, form_expected);
        }
    }
}

static void
test_multipart_random_splits (void)
{
  static const guint32 seeds[] = { 1, 2, 3, 42, 1234, 99999 };
  static const guint max_chunks[] = { 2, 3, 7, 16, 41, 100 };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seeds[i]);

      for (guint j = 0; j < G_N_ELEMENTS (max_chunks); j++)
        {
          for (guint k = 0; k < 20; k++)
            {
              g_autofree char *log = NULL;

              log = parse_random_chunks (BOUNDARY, (const guint8 *) form_body,
                                         sizeof form_body - 1, rand, max_chunks[j]);

              g_assert_cmpstr (log, ==, form_expected);
            }
        }
    }
}

static void
test_multipart_lf_only (void)
{
  static const char body[] =
    "--" BOUNDARY "\n"
    "Content-Disposition: form-data; name=\"prompt\"\n"
    "\n"
    "one\ntwo\n"
    "--" BOUNDARY "\n"
    "content-disposition: form-data; name=\"file\"; filename=\"x.wav\"\n"
    "Content-Type: audio/wav\n"
    "\n"
    "RIFF\n-- " BOUNDARY "\n-" BOUNDARY "\n"
    "--" BOUNDARY "--";
  static const char expected[] =
    "begin name=prompt filename=(null) type=(null)\n"
    "data \"one\\ntwo\"\n"
    "end\n"
    "begin name=file filename=x.wav type=audio/wav\n"
    "data \"RIFF\\n-- " BOUNDARY "\\n-" BOUNDARY "\"\n"
    "end\n"
    "ok\n";
  gsize len = sizeof body - 1;

  for (gsize chunk = 1; chunk <= len; chunk++)
    {
      g_autofree char *log = parse_in_chunks (BOUNDARY, (const guint8 *) body, len, chunk);

      g_assert_cmpstr (log, ==, expected);
    }
}

static void
test_multipart_preamble_epilogue (void)
{
  static const char body[] =
    "This is the preamble. --" BOUNDARY "\r\n"
    "It is --" BOUNDARY " ignored\r\n"
    "\r\n"
    "--" BOUNDARY " \t \r\n"
    "Content-Disposition: form-data; name=\"a\"\r\n"
    "\r\n"
    "1\r\n"
    "--" BOUNDARY "--  \r\n"
    "This is the epilogue.\r\n"
    "--" BOUNDARY "\r\n"
    "Content-Disposition: form-data; name=\"b\"\r\n"
    "\r\n"
    "2\r\n"
    "--" BOUNDARY "--\r\n"
    "\x00\xff garbage";
  static const char expected[] =
    "begin name=a filename=(null) type=(null)\n"
    "data \"1\"\n"
    "end\n"
    "ok\n";
  gsize len = sizeof body - 1;

  for (gsize chunk = 1; chunk <= len; chunk++)
    {
      g_autofree char *log = parse_in_chunks (BOUNDARY, (const guint8 *) body, len, chunk);

      g_assert_cmpstr (log, ==, expected);
    }
}

static void
test_multipart_headers (void)
{
  static const struct {
    const char *headers;
    const char *expected;
  } cases[] = {
    { "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"quoted\\\" \\\\name.png\"",
      "begin name=file filename=a \"quoted\" \\name.png type=(null)" },
    /* Browsers send Windows paths with bare backslashes */
    { "Content-Disposition: form-data; name=\"file\"; filename=\"C:\\Users\\me\\photo.png\"",
      "begin name=file filename=C:\\Users\\me\\photo.png type=(null)" },
    { "Content-Disposition: form-data; name=\"file\"; filename=\"a;b=c.png\"",
      "begin name=file filename=a;b=c.png type=(null)" },
    { "CONTENT-DISPOSITION:FORM-DATA;NAME=file;FILENAME=x.png",
      "begin name=file filename=x.png type=(null)" },
    { "Content-Disposition: form-data ; name = \"file\" ; filename = plain name.png ;",
      "begin name=file filename=plain name.png type=(null)" },
    { "Content-Disposition: form-data; name=\"\"; filename=\"\"",
      "begin name= filename= type=(null)" },
    { "Content-Disposition: form-data; name=\"file\"; filename=\"ete.png\"; "
      "filename*=UTF-8''%C3%A9t%C3%A9.png",
      "begin name=file filename=\xc3\xa9t\xc3\xa9.png type=(null)" },
    { "Content-Disposition: form-data; name=\"file\"; filename*=utf-8'fr'%C3%A9t%C3%A9.png; "
      "filename=\"ete.png\"",
      "begin name=file filename=\xc3\xa9t\xc3\xa9.png type=(null)" },
    /* Other charsets and broken encodings fall back to filename */
    { "Content-Disposition: form-data; name=\"file\"; filename=\"ete.png\"; "
      "filename*=ISO-8859-1''%E9t%E9.png",
      "begin name=file filename=ete.png type=(null)" },
    { "Content-Disposition: form-data; name=\"file\"; filename=\"ete.png\"; "
      "filename*=UTF-8''%E9t%E9.png",
      "begin name=file filename=ete.png type=(null)" },
    { "Content-Disposition: form-data; name=\"file\"; filename=\"ete.png\"; "
      "filename*=UTF-8''%00.png",
      "begin name=file filename=ete.png type=(null)" },
    { "Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''%C3%A9t%C3%A9.png%",
      "begin name=file filename=(null) type=(null)" },
    /* Invalid UTF-8 is replaced */
    { "Content-Disposition: form-data; name=\"f\xffi\"; filename=\"\xe9t\xe9.png\"",
      "begin name=f\xef\xbf\xbdi filename=\xef\xbf\xbdt\xef\xbf\xbd.png type=(null)" },
    { "Content-Type: Image/PNG; charset=binary\r\n"
      "X-Other: whatever\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"; size=3",
      "begin name=file filename=a.png type=image/png" },
    { "Content-Type:",
      "begin name=(null) filename=(null) type=(null)" },
    { "X-Only: another header",
      "begin name=(null) filename=(null) type=(null)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *body = g_strconcat ("--" BOUNDARY "\r\n", cases[i].headers,
                                           "\r\n\r\nxyz\r\n--" BOUNDARY "--\r\n", NULL);
      g_autofree char *expected = g_strconcat (cases[i].expected,
                                               "\ndata \"xyz\"\nend\nok\n", NULL);
      g_autofree char *whole = parse_whole (BOUNDARY, body, strlen (body));
      g_autofree char *bytes = parse_in_chunks (BOUNDARY, (const guint8 *) body, strlen (body), 1);
      g_autofree char *escaped = g_strescape (cases[i].headers, NULL);

      g_test_message ("%s", escaped);
      g_assert_cmpstr (whole, ==, expected);
      g_assert_cmpstr (bytes, ==, expected);
    }
}

static void
test_multipart_bad_headers (void)
{
  static const struct {
    const char *headers;
    gsize       len;
    const char *message;
  } cases[] = {
    { S ("no colon here"),
      "Invalid header line in a multipart part" },
    { S (": no name"),
      "Invalid header line in a multipart part" },
    { S ("Content-Disposition : form-data; name=\"a\""),
      "Invalid header line in a multipart part" },
    { S ("Content-Disposition: form-data; name=\"a\"\r\n folded"),
      "Folded header line in a multipart part" },
    { S ("Content-Disposition: form-data; name=\"a\"\r\n"
         "Content-Disposition: form-data; name=\"b\""),
      "Duplicate Content-Disposition in a multipart part" },
    { S ("Content-Disposition: form-data; name=\"a\"; name=\"b\""),
      "Invalid Content-Disposition parameters in a multipart part" },
    { S ("Content-Disposition: form-data; name=\"a\"; NAME=\"b\""),
      "Invalid Content-Disposition parameters in a multipart part" },
    { S ("Content-Disposition: form-data; name=\"a"),
      "Invalid Content-Disposition parameters in a multipart part" },
    { S ("Content-Disposition: form-data; name=\"a\\\""),
      "Invalid Content-Disposition parameters in a multipart part" },
    { S ("Content-Disposition: form-data; name=\"a\"b"),
      "Invalid Content-Disposition parameters in a multipart part" },
    { S ("Content-Disposition: form-data; name"),
      "Invalid Content-Disposition parameters in a multipart part" },
    { S ("Content-Disposition: form-data; =a"),
      "Invalid Content-Disposition parameters in a multipart part" },
    { S ("Content-Disposition: form-data name=\"a\""),
      "A multipart part is not form-data" },
    { S ("Content-Disposition: attachment; name=\"a\""),
      "A multipart part is not form-data" },
    { S ("Content-Disposition: ; name=\"a\""),
      "A multipart part is not form-data" },
    { S ("Content-Disposition: form-data; name=a\"b"),
      "Invalid Content-Disposition parameters in a multipart part" },
    { S ("Content-Type: image"),
      "Invalid Content-Type in a multipart part" },
    { S ("Content-Type: image/"),
      "Invalid Content-Type in a multipart part" },
    { S ("Content-Type: /png"),
      "Invalid Content-Type in a multipart part" },
    { S ("Content-Type: image/png/x"),
      "Invalid Content-Type in a multipart part" },
    { S ("Content-Type: image png"),
      "Invalid Content-Type in a multipart part" },
    { S ("Content-Type: image/png\r\nContent-Type: image/png"),
      "Duplicate Content-Type in a multipart part" },
    { S ("Content-Type: image/png\rx"),
      "Invalid byte in the headers of a multipart part" },
    { S ("Content-Disposition: form-data; name=\"a\x00\""),
      "Invalid byte in the headers of a multipart part" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) body = g_string_new ("--" BOUNDARY "\r\n");
      g_autofree char *log = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *expected = NULL;

      g_string_append_len (body, cases[i].headers, cases[i].len);
      g_string_append (body, "\r\n\r\nxyz\r\n--" BOUNDARY "--\r\n");

      log = parse_in_chunks (BOUNDARY, (const guint8 *) body->str, body->len, 1);
      escaped = g_strescape (cases[i].headers, NULL);
      g_test_message ("%s", escaped);
      expected = g_strdup_printf ("error srv-multipart-error-quark 0: %s\n", cases[i].message);
      g_assert_cmpstr (log, ==, expected);
    }
}

static void
test_multipart_boundary_in_data (void)
{
  /* A delimiter needs its line break; a prefix of one is data; a
   * delimiter followed by anything but padding, a line break or "--"
   * is malformed, as RFC 2046 forbids the boundary inside a part.
   */
  static const char ok_body[] =
    "--" BOUNDARY "\r\n\r\n"
    "--" BOUNDARY "--\r\n";
  static const char bad_body[] =
    "--" BOUNDARY "\r\n\r\n"
    "data\r\n--" BOUNDARY "data\r\n"
    "--" BOUNDARY "--\r\n";
  static const char dash_body[] =
    "--" BOUNDARY "\r\n\r\n"
    "data\r\n--" BOUNDARY "-x\r\n"
    "--" BOUNDARY "--\r\n";
  static const char cr_body[] =
    "--" BOUNDARY "\r\n\r\n"
    "data\r\n--" BOUNDARY "\rx\r\n"
    "--" BOUNDARY "--\r\n";
  g_autofree char *ok = parse_whole (BOUNDARY, S (ok_body));
  g_autofree char *bad = parse_whole (BOUNDARY, S (bad_body));
  g_autofree char *dash = parse_whole (BOUNDARY, S (dash_body));
  g_autofree char *cr = parse_whole (BOUNDARY, S (cr_body));

  /* A body right after the headers may start with the delimiter */
  g_assert_cmpstr (ok, ==,
                   "begin name=(null) filename=(null) type=(null)\n"
                   "data \"\"\n"
                   "end\n"
                   "ok\n");
  g_assert_cmpstr (bad, ==,
                   "begin name=(null) filename=(null) type=(null)\n"
                   "data \"data\"\n"
                   "error srv-multipart-error-quark 0: "
                   "Unexpected data after a multipart boundary\n");
  g_assert_cmpstr (dash, ==, bad);
  g_assert_cmpstr (cr, ==, bad);
}

static void
test_multipart_empty_parts (void)
{
  static const char body[] =
    "--" BOUNDARY "\r\n"
    "\r\n"
    "\r\n"
    "--" BOUNDARY "\r\n"
    "Content-Disposition: form-data; name=\"empty\"\r\n"
    "\r\n"
    "\r\n"
    "--" BOUNDARY "\r\n"
    "Content-Disposition: form-data; name=\"crlf\"\r\n"
    "\r\n"
    "\r\n\r\n"
    "--" BOUNDARY "\r\n"
    "\r\n"
    "--" BOUNDARY "--";
  static const char expected[] =
    "begin name=(null) filename=(null) type=(null)\n"
    "data \"\"\n"
    "end\n"
    "begin name=empty filename=(null) type=(null)\n"
    "data \"\"\n"
    "end\n"
    "begin name=crlf filename=(null) type=(null)\n"
    "data \"\\r\\n\"\n"
    "end\n"
    "begin name=(null) filename=(null) type=(null)\n"
    "data \"\"\n"
    "end\n"
    "ok\n";
  gsize len = sizeof body - 1;

  for (gsize chunk = 1; chunk <= len; chunk++)
    {
      g_autofree char *log = parse_in_chunks (BOUNDARY, (const guint8 *) body, len, chunk);

      g_assert_cmpstr (log, ==, expected);
    }
}

static void
test_multipart_no_parts (void)
{
  g_autofree char *closed = parse_whole (BOUNDARY, S ("--" BOUNDARY "--"));
  g_autofree char *empty = parse_whole (BOUNDARY, S (""));
  g_autofree char *preamble = parse_whole (BOUNDARY, S ("just a preamble\r\n"));

  g_assert_cmpstr (closed, ==, "ok\n");
  g_assert_cmpstr (empty, ==,
                   "error srv-multipart-error-quark 0: "
                   "The multipart body ended before its closing boundary\n");
  g_assert_cmpstr (preamble, ==, empty);
}

static void
test_multipart_truncated (void)
{
  static const char * const bodies[] = {
    "--" BOUNDARY,
    "--" BOUNDARY "-",
    "--" BOUNDARY " ",
    "--" BOUNDARY "\r",
    "--" BOUNDARY "\r\n",
    "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"a\"",
    "--" BOUNDARY "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r",
  };
  static const char error_line[] =
    "error srv-multipart-error-quark 0: The multipart body ended before its closing boundary\n";
  static const char body[] =
    "--" BOUNDARY "\r\n"
    "Content-Disposition: form-data; name=\"a\"\r\n"
    "\r\n"
    "abc\r\n--" BOUNDARY "\r\n";
  gsize len = sizeof body - 1;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *log = parse_whole (BOUNDARY, bodies[i], strlen (bodies[i]));

      g_assert_cmpstr (log, ==, error_line);
    }

  /* Cut anywhere in the data, what may be a delimiter is held back */
  for (gsize cut = 0; cut <= len; cut++)
    {
      g_autofree char *log = parse_whole (BOUNDARY, body, cut);
      const char *data = strstr (body, "\r\n\r\n") + 4;
      gsize data_start = data - body;
      g_autofree char *expected = NULL;

      if (cut < data_start)
        expected = g_strdup (error_line);
      else if (cut <= data_start + 3)
        expected = g_strdup_printf ("begin name=a filename=(null) type=(null)\n%s%.*s%s%s",
                                    cut > data_start ? "data \"" : "",
                                    (int) (cut - data_start), data,
                                    cut > data_start ? "\"\n" : "",
                                    error_line);
      else if (cut < len)
        expected = g_strdup_printf ("begin name=a filename=(null) type=(null)\n"
                                    "data \"abc\"\n%s", error_line);
      else
        expected = g_strdup_printf ("begin name=a filename=(null) type=(null)\n"
                                    "data \"abc\"\nend\n%s", error_line);

      g_test_message ("cut at %" G_GSIZE_FORMAT, cut);
      g_assert_cmpstr (log, ==, expected);
    }
}

static void
test_multipart_header_limit (void)
{
  for (int extra = -2; extra <= 2; extra++)
    {
      g_autoptr(GString) body = g_string_new ("--" BOUNDARY "\r\n");
      g_autoptr(GString) headers = g_string_new ("Content-Disposition: form-data; name=\"a\"\r\n");
      gsize target = SRV_MULTIPART_MAX_HEADER_SIZE + extra;
      g_autofree char *log = NULL;
      g_autofree char *bytes = NULL;

      /* Fill with a long header so the block, blank line included, has
       * exactly target bytes.
       */
      g_string_append (headers, "X-Padding: ");
      while (headers->len < target - 4)
        g_string_append_c (headers, 'p');
      g_string_append (headers, "\r\n\r\n");
      g_assert_cmpuint (headers->len, ==, target);

      g_string_append (body, headers->str);
      g_string_append (body, "xyz\r\n--" BOUNDARY "--\r\n");

      log = parse_whole (BOUNDARY, body->str, body->len);
      bytes = parse_in_chunks (BOUNDARY, (const guint8 *) body->str, body->len, 1);
      g_assert_cmpstr (log, ==, bytes);

      if (extra <= 0)
        g_assert_cmpstr (log, ==,
                         "begin name=a filename=(null) type=(null)\n"
                         "data \"xyz\"\nend\nok\n");
      else
        g_assert_cmpstr (log, ==,
                         "error srv-multipart-error-quark 1: "
                         "The headers of a multipart part are larger than 8192 bytes\n");
    }

  /* Many short lines count as much as one long one */
  {
    g_autoptr(GString) body = g_string_new ("--" BOUNDARY "\r\n");
    g_autofree char *log = NULL;

    for (guint i = 0; i < 2000; i++)
      g_string_append (body, "X-A: b\r\n");
    g_string_append (body, "\r\nxyz\r\n--" BOUNDARY "--\r\n");

    log = parse_whole (BOUNDARY, body->str, body->len);
    g_assert_cmpstr (log, ==,
                     "error srv-multipart-error-quark 1: "
                     "The headers of a multipart part are larger than 8192 bytes\n");
  }
}

static void
test_multipart_part_limit (void)
{
  for (guint n_parts = SRV_MULTIPART_MAX_PARTS - 1;
       n_parts <= SRV_MULTIPART_MAX_PARTS + 1;
       n_parts++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *log = NULL;

      for (guint i = 0; i < n_parts; i++)
        {
          g_string_append_printf (body,
                                  "--" BOUNDARY "\r\n"
                                  "Content-Disposition: form-data; name=\"f%u\"\r\n"
                                  "\r\n"
                                  "%u\r\n", i, i);
          if (i < SRV_MULTIPART_MAX_PARTS)
            g_string_append_printf (expected,
                                    "begin name=f%u filename=(null) type=(null)\n"
                                    "data \"%u\"\nend\n", i, i);
        }
      g_string_append (body, "--" BOUNDARY "--\r\n");

      if (n_parts <= SRV_MULTIPART_MAX_PARTS)
        g_string_append (expected, "ok\n");
      else
        g_string_append (expected,
                         "error srv-multipart-error-quark 1: "
                         "The multipart body has more than 16 parts\n");

      log = parse_whole (BOUNDARY, body->str, body->len);
      g_assert_cmpstr (log, ==, expected->str);
    }
}

static void
test_multipart_callback_fails (void)
{
  static const struct {
    const char *callback;
    guint       at;
    gboolean    without_error;
    const char *expected;
  } cases[] = {
    { "begin", 0, FALSE,
      "begin name=prompt filename=(null) type=(null)\n"
      "fail begin\n"
      "error g-file-error-quark 12: No space left in begin\n" },
    { "begin", 2, FALSE,
      "begin name=prompt filename=(null) type=(null)\n"
      "data \"A cat\\r\\non a mat\"\nend\n"
      "begin name=kind filename=(null) type=(null)\n"
      "data \"image\"\nend\n"
      "begin name=file filename=a b.png type=image/png\n"
      "fail begin\n"
      "error g-file-error-quark 12: No space left in begin\n" },
    { "data", 0, FALSE,
      "begin name=prompt filename=(null) type=(null)\n"
      "fail data\n"
      "data \"A cat\\r\\non a mat\"\n"
      "error g-file-error-quark 12: No space left in data\n" },
    { "end", 1, FALSE,
      "begin name=prompt filename=(null) type=(null)\n"
      "data \"A cat\\r\\non a mat\"\nend\n"
      "begin name=kind filename=(null) type=(null)\n"
      "data \"image\"\nend\n"
      "fail end\n"
      "error g-file-error-quark 12: No space left in end\n" },
    { "end", 0, TRUE,
      "begin name=prompt filename=(null) type=(null)\n"
      "data \"A cat\\r\\non a mat\"\nend\n"
      "fail end\n"
      "error g-io-error-quark 19: A multipart callback stopped the parser\n" },
  };

  g_assert_cmpint (G_IO_ERROR_CANCELLED, ==, 19);
  g_assert_cmpint (G_FILE_ERROR_NOSPC, ==, 12);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (gsize chunk = 1; chunk <= sizeof form_body; chunk *= 7)
        {
          Recorder recorder;
          g_autofree char *log = NULL;
          g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));

          for (gsize cut = chunk; cut < sizeof form_body - 1; cut += chunk)
            g_array_append_val (cuts, cut);

          recorder_init (&recorder);
          recorder.fail_callback = cases[i].callback;
          recorder.fail_at = cases[i].at;
          recorder.fail_without_error = cases[i].without_error;
          parse_cuts (BOUNDARY, (const guint8 *) form_body, sizeof form_body - 1,
                      (const gsize *) (gpointer) cuts->data, cuts->len, &recorder);
          log = recorder_finish (&recorder);

          /* Split input hands data on sooner: the first slice fails */
          if (g_str_equal (cases[i].callback, "data") && chunk < 60)
            continue;

          g_test_message ("%s at %u, chunks of %" G_GSIZE_FORMAT,
                          cases[i].callback, cases[i].at, chunk);
          g_assert_cmpstr (log, ==, cases[i].expected);
        }
    }
}

static void
test_multipart_garbage (void)
{
  static const char * const bodies[] = {
    "--" BOUNDARY "x\r\n",
    "--" BOUNDARY "\r\r\n",
    "--" BOUNDARY "-x",
    "--" BOUNDARY " x\r\n",
    "--" BOUNDARY "\r\n--" BOUNDARY "--\r\n",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autofree char *log = parse_whole (BOUNDARY, bodies[i], strlen (bodies[i]));
      g_autofree char *escaped = g_strescape (bodies[i], NULL);

      g_test_message ("%s", escaped);
      g_assert_true (g_str_has_prefix (log, "error srv-multipart-error-quark 0: "));
    }

  /* Random bytes never hold the closing delimiter */
  for (guint i = 0; i < 200; i++)
    {
      guint8 body[1024];
      gsize len = g_rand_int_range (rand, 0, sizeof body);
      g_autofree char *log = NULL;

      for (gsize j = 0; j < len; j++)
        body[j] = (guint8) g_rand_int_range (rand, 0, 256);

      log = parse_cuts (BOUNDARY, body, len, NULL, 0, NULL);
      g_assert_cmpstr (log, ==,
                       "error srv-multipart-error-quark 0: "
                       "The multipart body ended before its closing boundary\n");
    }
}

/* Bodies made of pieces that look like multipart syntax: whatever the
 * parser makes of one, it must make of it under any split.
 */
static void
test_multipart_split_invariance (void)
{
  static const char * const pieces[] = {
    "--", "-", BOUNDARY, "----RivyaForm", "\r\n", "\n", "\r", " ", "x", "\r\n\r\n",
    "--" BOUNDARY, "\r\n--" BOUNDARY "\r\n", "\n--" BOUNDARY "--",
    "Content-Disposition: form-data; name=\"f\"; filename=\"a.png\"",
    "Content-Type: image/png", ":", "\"", "\\", "\r\n--" BOUNDARY,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260301);
  guint n_ok = 0;

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      guint n_pieces = g_rand_int_range (rand, 1, 40);
      g_autofree char *whole = NULL;
      g_autofree char *bytes = NULL;
      g_autofree char *random = NULL;

      if (g_rand_boolean (rand))
        g_string_append (body, "--" BOUNDARY "\r\n");
      for (guint j = 0; j < n_pieces; j++)
        g_string_append (body, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      if (g_rand_boolean (rand))
        g_string_append (body, "\r\n--" BOUNDARY "--");

      whole = parse_cuts (BOUNDARY, (const guint8 *) body->str, body->len, NULL, 0, NULL);
      bytes = parse_in_chunks (BOUNDARY, (const guint8 *) body->str, body->len, 1);
      random = parse_random_chunks (BOUNDARY, (const guint8 *) body->str, body->len, rand, 50);

      g_assert_cmpstr (bytes, ==, whole);
      g_assert_cmpstr (random, ==, whole);
      if (g_str_has_suffix (whole, "ok\n"))
        n_ok++;
    }

  /* The soup must exercise the success path as well */
  g_assert_cmpuint (n_ok, >, 500);
}

/* Parts built from random data that holds no delimiter, with CRLF or
 * bare LF line breaks, come back exactly as they went in.
 */
static void
test_multipart_roundtrip (void)
{
  static const char alphabet[] = "\r\n-x" "----RivyaFormBoundary7MA4YWxkTrZu0gW";
  g_autoptr(GRand) rand = g_rand_new_with_seed (31337);

  for (guint i = 0; i < 500; i++)
    {
      gboolean lf_only = g_rand_boolean (rand);
      const char *eol = lf_only ? "\n" : "\r\n";
      guint n_parts = g_rand_int_range (rand, 1, SRV_MULTIPART_MAX_PARTS + 1);
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *log = NULL;

      if (g_rand_boolean (rand))
        g_string_append_printf (body, "preamble -- -%s", eol);

      for (guint p = 0; p < n_parts; p++)
        {
          g_autoptr(GString) data = g_string_new (NULL);
          gsize len = g_rand_int_range (rand, 0, 300);

          for (;;)
            {
              g_string_truncate (data, 0);
              for (gsize j = 0; j < len; j++)
                g_string_append_c (data, alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)]);
              if (g_rand_int_range (rand, 0, 4) == 0)
                g_string_append (data, "--" BOUNDARY);

              /* Data may hold no delimiter, nor begin with one; with
               * bare LF a trailing CR would join the delimiter.
               */
              if (strstr (data->str, "\n--" BOUNDARY) != NULL ||
                  g_str_has_prefix (data->str, "--" BOUNDARY) ||
                  (lf_only && g_str_has_suffix (data->str, "\r")))
                continue;
              break;
            }

          g_string_append_printf (body, "--" BOUNDARY "%s"
                                  "Content-Disposition: form-data; name=\"p%u\"%s"
                                  "%s",
                                  eol, p, eol, eol);
          g_string_append_len (body, data->str, data->len);
          g_string_append (body, eol);

          g_string_append_printf (expected,
                                  "begin name=p%u filename=(null) type=(null)\ndata \"", p);
          append_escaped (expected, (const guint8 *) data->str, data->len);
          g_string_append (expected, "\"\nend\n");
        }
      g_string_append (body, "--" BOUNDARY "--");
      g_string_append (expected, "ok\n");

      log = parse_random_chunks (BOUNDARY, (const guint8 *) body->str, body->len, rand,
                                 g_rand_int_range (rand, 1, 200));
      g_assert_cmpstr (log, ==, expected->str);
    }
}

typedef struct
{
  GChecksum *checksum;
  guint      n_calls;
  gsize      total;
} BigSink;

static gboolean
big_data (const guint8  *data,
          gsize          len,
          gpointer       user_data,
          GError       **error)
{
  BigSink *sink = user_data;

  g_checksum_update (sink->checksum, data, len);
  sink->n_calls++;
  sink->total += len;

  return TRUE;
}

static void
test_multipart_large (void)
{
  static const SrvMultipartCallbacks big_callbacks = { NULL, big_data, NULL };
  const gsize data_len = 4 * 1024 * 1024;
  const gsize chunk = 64 * 1024;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(GChecksum) expected = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(SrvMultipartParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = g_malloc (data_len);
  BigSink sink = { g_checksum_new (G_CHECKSUM_SHA256), 0, 0 };
  static const char head[] =
    "--" BOUNDARY "\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
    "\r\n";
  static const char tail[] = "\r\n--" BOUNDARY "--\r\n";
  gsize n_chunks = 0;

  /* Random bytes, with line breaks and dashes dense enough to hit chunk
   * edges now and then.
   */
  for (gsize i = 0; i < data_len; i++)
    {
      guint32 r = g_rand_int (rand);

      data[i] = (r & 0x700) == 0 ? "\r\n-"[r % 3] : (guint8) r;
    }

  g_byte_array_append (body, (const guint8 *) head, sizeof head - 1);
  g_byte_array_append (body, data, data_len);
  g_byte_array_append (body, (const guint8 *) tail, sizeof tail - 1);
  g_checksum_update (expected, data, data_len);

  parser = srv_multipart_parser_new (BOUNDARY, &big_callbacks, &sink);
  for (gsize pos = 0; pos < body->len; pos += chunk, n_chunks++)
    g_assert_true (srv_multipart_parser_feed (parser, body->data + pos,
                                              MIN (chunk, body->len - pos), &error));
  g_assert_true (srv_multipart_parser_finish (parser, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sink.total, ==, data_len);
  g_assert_cmpstr (g_checksum_get_string (sink.checksum), ==, g_checksum_get_string (expected));
  /* Big slices: at most one per chunk plus what a chunk edge held back */
  g_assert_cmpuint (sink.n_calls, <=, 2 * n_chunks);

  g_checksum_free (sink.checksum);
}

static void
test_multipart_boundary_from_content_type (void)
{
  static const struct {
    const char *content_type;
    const char *boundary;
  } cases[] = {
    { "multipart/form-data; boundary=abc", "abc" },
    { "multipart/form-data; boundary=" BOUNDARY, BOUNDARY },
    { "Multipart/Form-Data;BOUNDARY=abc", "abc" },
    { "  multipart/form-data  ;  boundary = \"a b:c\"  ", "a b:c" },
    { "multipart/form-data; charset=utf-8; boundary=\"xyz\"; other=1", "xyz" },
    { "multipart/form-data; boundary=\"8f7d-0c1e\"", "8f7d-0c1e" },
    { "multipart/form-data; boundary=abc;", "abc" },
    { "multipart/form-data; boundary=----=_Part_0_1.2", "----=_Part_0_1.2" },
    { "multipart/form-data; boundary=\"'()+_,-./:=?\"", "'()+_,-./:=?" },
    { "multipart/form-data; boundary=\"1234567890123456789012345678901234567890"
      "123456789012345678901234567890\"",
      "1234567890123456789012345678901234567890123456789012345678901234567890" },
    { "multipart/form-data; boundary=\"1234567890123456789012345678901234567890"
      "1234567890123456789012345678901\"",
      NULL },
    { "multipart/form-data", NULL },
    { "multipart/form-data;", NULL },
    { "multipart/form-data; boundary=", NULL },
    { "multipart/form-data; boundary=\"\"", NULL },
    { "multipart/form-data; boundary=\"abc ", NULL },
    { "multipart/form-data; boundary=\"abc \"", NULL },
    { "multipart/form-data; boundary=\"a\\\"b\"", NULL },
    { "multipart/form-data; boundary=\"a\rb\"", NULL },
    { "multipart/form-data; boundary=\"a\nb\"", NULL },
    { "multipart/form-data; boundary=\"a\xc3\xa9\"", NULL },
    { "multipart/form-data; boundary=a; boundary=b", NULL },
    { "multipart/form-data; boundary=\"abc\"x", NULL },
    { "multipart/form-data; boundary", NULL },
    { "multipart/form-data boundary=abc", NULL },
    { "multipart/mixed; boundary=abc", NULL },
    { "multipart/form-datax; boundary=abc", NULL },
    { "application/x-www-form-urlencoded", NULL },
    { "text/plain; boundary=abc", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *boundary = srv_multipart_boundary_from_content_type (cases[i].content_type);
      g_autofree char *escaped = NULL;

      if (cases[i].content_type != NULL)
        escaped = g_strescape (cases[i].content_type, NULL);
      g_test_message ("%s", escaped ? escaped : "(null)");
      g_assert_cmpstr (boundary, ==, cases[i].boundary);
    }
}

static void
test_multipart_boundary_chars (void)
{
  /* Boundaries full of characters that matter elsewhere in the syntax */
  static const char * const boundaries[] = { "-", "--", "a", "'()+_,-./:=?", "x y" };

  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    {
      const char *b = boundaries[i];
      g_autofree char *body = g_strdup_printf ("--%s\r\n"
                                               "Content-Disposition: form-data; name=\"a\"\r\n"
                                               "\r\n"
                                               "-%s\r\nx--%s--\n\r--%s\r\n"
                                               "--%s--\r\n", b, b, b, b, b);
      g_autofree char *data = g_strdup_printf ("-%s\\r\\nx--%s--\\n\\r--%s", b, b, b);
      g_autofree char *expected = g_strdup_printf ("begin name=a filename=(null) type=(null)\n"
                                                   "data \"%s\"\nend\nok\n", data);

      for (gsize chunk = 1; chunk <= strlen (body); chunk++)
        {
          g_autofree char *log = parse_in_chunks (b, (const guint8 *) body, strlen (body), chunk);

          g_test_message ("boundary \"%s\", chunks of %" G_GSIZE_FORMAT, b, chunk);
          g_assert_cmpstr (log, ==, expected);
        }
    }
}

static void
test_multipart_finish_twice (void)
{
  g_autoptr(SrvMultipartParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;
  g_autofree char *log = NULL;

  recorder_init (&recorder);
  parser = srv_multipart_parser_new (BOUNDARY, &callbacks, &recorder);
  g_assert_true (srv_multipart_parser_feed (parser, (const guint8 *) form_body,
                                            sizeof form_body - 1, &error));
  g_assert_true (srv_multipart_parser_feed (parser, NULL, 0, &error));
  g_assert_true (srv_multipart_parser_finish (parser, &error));
  g_assert_true (srv_multipart_parser_finish (parser, &error));
  /* More epilogue, and still done */
  g_assert_true (srv_multipart_parser_feed (parser, (const guint8 *) "--" BOUNDARY "\r\n",
                                            sizeof "--" BOUNDARY "\r\n" - 1, &error));
  g_assert_true (srv_multipart_parser_finish (parser, &error));
  g_assert_no_error (error);

  log = recorder_finish (&recorder);
  g_assert_true (g_str_has_suffix (form_expected, "ok\n"));
  g_assert_true (g_str_has_prefix (form_expected, log));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  build_form_expected ();

  g_test_add_func ("/multipart/whole", test_multipart_whole);
  g_test_add_func ("/multipart/byte-by-byte", test_multipart_byte_by_byte);
  g_test_add_func ("/multipart/every-split", test_multipart_every_split);
  g_test_add_func ("/multipart/random-splits", test_multipart_random_splits);
  g_test_add_func ("/multipart/lf-only", test_multipart_lf_only);
  g_test_add_func ("/multipart/preamble-epilogue", test_multipart_preamble_epilogue);
  g_test_add_func ("/multipart/headers", test_multipart_headers);
  g_test_add_func ("/multipart/bad-headers", test_multipart_bad_headers);
  g_test_add_func ("/multipart/boundary-in-data", test_multipart_boundary_in_data);
  g_test_add_func ("/multipart/empty-parts", test_multipart_empty_parts);
  g_test_add_func ("/multipart/no-parts", test_multipart_no_parts);
  g_test_add_func ("/multipart/truncated", test_multipart_truncated);
  g_test_add_func ("/multipart/header-limit", test_multipart_header_limit);
  g_test_add_func ("/multipart/part-limit", test_multipart_part_limit);
  g_test_add_func ("/multipart/callback-fails", test_multipart_callback_fails);
  g_test_add_func ("/multipart/garbage", test_multipart_garbage);
  g_test_add_func ("/multipart/split-invariance", test_multipart_split_invariance);
  g_test_add_func ("/multipart/roundtrip", test_multipart_roundtrip);
  g_test_add_func ("/multipart/large", test_multipart_large);
  g_test_add_func ("/multipart/boundary-from-content-type",
                   test_multipart_boundary_from_content_type);
  g_test_add_func ("/multipart/boundary-chars", test_multipart_boundary_chars);
  g_test_add_func ("/multipart/finish-twice", test_multipart_finish_twice);

  ret = g_test_run ();
  g_free (form_expected);

  return ret;
}
