/* srv-multipart.c
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

typedef enum
{
  STATE_PREAMBLE,
  STATE_BODY,
  STATE_AFTER_DELIMITER,   /* right after "--boundary" */
  STATE_AFTER_DASH,        /* "--boundary-" */
  STATE_PADDING,           /* transport padding before the line break */
  STATE_AFTER_CR,          /* the CR of that line break */
  STATE_HEADERS,
  STATE_EPILOGUE,
  STATE_FAILED,
} ParserState;

struct _SrvMultipartParser
{
  SrvMultipartCallbacks  callbacks;
  gpointer               user_data;

  char                  *delimiter;      /* "\n--" boundary */
  gsize                  delimiter_len;

  ParserState            state;

  /* The bytes held back because they may begin a delimiter: "\r" if
   * held_cr, then delimiter[virtual_lf, matched). Always rebuilt from
   * the delimiter, so nothing is ever copied to hold them.
   */
  gsize                  matched;
  guint                  held_cr : 1;
  /* The line break that starts the body (or follows a part's headers)
   * counts as the first byte of a delimiter, yet is no data.
   */
  guint                  virtual_lf : 1;

  guint                  in_part : 1;
  guint                  in_callback : 1;
  guint                  seen_disposition : 1;
  guint                  seen_content_type : 1;
  guint                  n_parts;

  GByteArray            *line;
  gsize                  header_bytes;
  char                  *name;
  char                  *filename;
  char                  *content_type;

  GError                *error;
};

G_DEFINE_QUARK (srv-multipart-error-quark, srv_multipart_error)

static gboolean
is_ows (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_tchar (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("!#$%&'*+-.^_`|~", c) != NULL);
}

/* RFC 2046 bchars */
static gboolean
is_bchar (char c)
{
  return g_ascii_isalnum (c) || (c != '\0' && strchr ("'()+_,-./:=? ", c) != NULL);
}

static const char *
skip_ows (const char *p)
{
  while (is_ows (*p))
    p++;
  return p;
}

/* Whether [start, end) with surrounding whitespace removed is, ignoring
 * case, word.
 */
static gboolean
span_equal (const char *start,
            const char *end,
            const char *word)
{
  gsize len;

  while (start < end && is_ows (*start))
    start++;
  while (end > start && is_ows (end[-1]))
    end--;
  len = end - start;

  return strlen (word) == len && g_ascii_strncasecmp (start, word, len) == 0;
}

/* The parameters after a media type or disposition type: p points at
 * the ";" of the first one, or at the end. Names are lowercased. Empty
 * parameters (";;" or a trailing ";") are skipped; a parameter given
 * twice, a missing "=" or an unterminated quoted string make the list
 * invalid, as such ambiguity is how parsers are told apart and fooled.
 *
 * In quoted strings only \" and \\ are escapes: browsers send Windows
 * paths with bare backslashes, and a backslash before anything else is
 * kept as it is.
 */
static GHashTable *
parse_parameters (const char *p)
{
  g_autoptr(GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (;;)
    {
      const char *name_start;
      g_autofree char *param_name = NULL;
      g_autoptr(GString) value = NULL;

      p = skip_ows (p);
      if (*p == '\0')
        break;
      if (*p != ';')
        return NULL;
      p = skip_ows (p + 1);
      if (*p == ';' || *p == '\0')
        continue;

      name_start = p;
      while (is_tchar (*p))
        p++;
      if (p == name_start)
        return NULL;
      param_name = g_ascii_strdown (name_start, p - name_start);

      p = skip_ows (p);
      if (*p != '=')
        return NULL;
      p = skip_ows (p + 1);

      value = g_string_new (NULL);
      if (*p == '"')
        {
          p++;
          while (*p != '"')
            {
              if (*p == '\0')
                return NULL;
              if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
                p++;
              g_string_append_c (value, *p);
              p++;
            }
          p++;
        }
      else
        {
          const char *value_start = p;
          const char *value_end;

          while (*p != ';' && *p != '\0')
            {
              if (*p == '"')
                return NULL;
              p++;
            }
          value_end = p;
          while (value_end > value_start && is_ows (value_end[-1]))
            value_end--;
          g_string_append_len (value, value_start, value_end - value_start);
        }

      if (g_hash_table_contains (params, param_name))
        return NULL;
      g_hash_table_insert (params,
                           g_steal_pointer (&param_name),
                           g_string_free (g_steal_pointer (&value), FALSE));
    }

  return g_steal_pointer (&params);
}

char *
srv_multipart_boundary_from_content_type (const char *content_type)
{
  g_autoptr(GHashTable) params = NULL;
  const char *type_end;
  const char *boundary;
  gsize len;

  if (content_type == NULL)
    return NULL;

  type_end = strchr (content_type, ';');
  if (type_end == NULL)
    type_end = content_type + strlen (content_type);
  if (!span_equal (content_type, type_end, "multipart/form-data"))
    return NULL;

  if (!(params = parse_parameters (type_end)))
    return NULL;

  boundary = g_hash_table_lookup (params, "boundary");
  if (boundary == NULL)
    return NULL;

  len = strlen (boundary);
  if (len == 0 || len > SRV_MULTIPART_MAX_BOUNDARY || boundary[len - 1] == ' ')
    return NULL;
  for (gsize i = 0; i < len; i++)
    {
      if (!is_bchar (boundary[i]))
        return NULL;
    }

  return g_strdup (boundary);
}

SrvMultipartParser *
srv_multipart_parser_new (const char                  *boundary,
                          const SrvMultipartCallbacks *callbacks,
                          gpointer                     user_data)
{
  SrvMultipartParser *self;
  gsize boundary_len;

  g_return_val_if_fail (boundary != NULL, NULL);
  g_return_val_if_fail (callbacks != NULL, NULL);

  /* Matching relies on the delimiter holding no line break past its
   * first byte.
   */
  boundary_len = strlen (boundary);
  g_return_val_if_fail (boundary_len > 0 && boundary_len <= SRV_MULTIPART_MAX_BOUNDARY, NULL);
  g_return_val_if_fail (strpbrk (boundary, "\r\n") == NULL, NULL);

  self = g_new0 (SrvMultipartParser, 1);
  self->callbacks = *callbacks;
  self->user_data = user_data;
  self->delimiter = g_strconcat ("\n--", boundary, NULL);
  self->delimiter_len = boundary_len + 3;
  self->line = g_byte_array_new ();

  /* The first delimiter may open the body without a line break */
  self->state = STATE_PREAMBLE;
  self->matched = 1;
  self->virtual_lf = TRUE;

  return self;
}

void
srv_multipart_parser_free (SrvMultipartParser *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->delimiter, g_free);
  g_clear_pointer (&self->line, g_byte_array_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_error (&self->error);
  g_free (self);
}

static gboolean
check_callback (gboolean   ret,
                GError   **error)
{
  if (*error != NULL)
    return FALSE;

  if (!ret)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "A multipart callback stopped the parser");
      return FALSE;
    }

  return TRUE;
}

static gboolean
emit_data (SrvMultipartParser  *self,
           const guint8        *data,
           gsize                len,
           GError             **error)
{
  gboolean ret;

  /* The preamble is dropped */
  if (len == 0 || self->state != STATE_BODY || self->callbacks.part_data == NULL)
    return TRUE;

  self->in_callback = TRUE;
  ret = self->callbacks.part_data (data, len, self->user_data, error);
  self->in_callback = FALSE;

  return check_callback (ret, error);
}

static gboolean
end_part (SrvMultipartParser  *self,
          GError             **error)
{
  gboolean ret;

  if (!self->in_part)
    return TRUE;

  self->in_part = FALSE;
  if (self->callbacks.part_end == NULL)
    return TRUE;

  self->in_callback = TRUE;
  ret = self->callbacks.part_end (self->user_data, error);
  self->in_callback = FALSE;

  return check_callback (ret, error);
}

static void
reset_match (SrvMultipartParser *self)
{
  self->matched = 0;
  self->held_cr = FALSE;
  self->virtual_lf = FALSE;
}

/* What was held back turned out not to be a delimiter: it is data */
static gboolean
flush_held (SrvMultipartParser  *self,
            GError             **error)
{
  guint8 buf[1 + 3 + SRV_MULTIPART_MAX_BOUNDARY];
  gsize start = self->virtual_lf ? 1 : 0;
  gsize len = 0;

  if (self->held_cr)
    buf[len++] = '\r';
  if (self->matched > start)
    {
      memcpy (buf + len, self->delimiter + start, self->matched - start);
      len += self->matched - start;
    }

  reset_match (self);

  return emit_data (self, buf, len, error);
}

static gsize
common_prefix (const guint8 *a,
               const char   *b,
               gsize         max)
{
  gsize i = 0;

  while (i < max && a[i] == (guint8) b[i])
    i++;

  return i;
}

/* Hands on the data before the next delimiter in as few slices as
 * possible, and holds back only what may begin a delimiter. Stops right
 * after a whole delimiter (*found), or consumes everything.
 */
static gboolean
scan_for_delimiter (SrvMultipartParser  *self,
                    const guint8        *data,
                    gsize                len,
                    gsize               *consumed,
                    gboolean            *found,
                    GError             **error)
{
  const char *delimiter = self->delimiter;
  gsize delimiter_len = self->delimiter_len;
  gsize pos = 0;
  gsize run_start;

  *found = FALSE;
  *consumed = len;

  /* Settle first what earlier chunks left held back */
  if (self->held_cr && self->matched == 0)
    {
      if (data[0] == '\n')
        {
          self->matched = 1;
          pos = 1;
        }
      else if (!flush_held (self, error))
        return FALSE;
    }

  if (self->matched > 0)
    {
      gsize n = MIN (delimiter_len - self->matched, len - pos);
      gsize k = common_prefix (data + pos, delimiter + self->matched, n);

      self->matched += k;
      pos += k;

      if (self->matched == delimiter_len)
        {
          reset_match (self);
          *consumed = pos;
          *found = TRUE;
          return TRUE;
        }

      if (k == n)
        return TRUE;

      if (!flush_held (self, error))
        return FALSE;
    }

  run_start = pos;

  while (pos < len)
    {
      const guint8 *lf = memchr (data + pos, '\n', len - pos);
      gsize lf_pos;
      gsize candidate;
      gsize n;
      gsize k;
      gboolean cr;

      if (lf == NULL)
        {
          gsize end = len;

          if (data[len - 1] == '\r')
            {
              self->held_cr = TRUE;
              end--;
            }

          return emit_data (self, data + run_start, end - run_start, error);
        }

      lf_pos = lf - data;
      cr = lf_pos > run_start && data[lf_pos - 1] == '\r';
      candidate = cr ? lf_pos - 1 : lf_pos;

      n = MIN (delimiter_len, len - lf_pos);
      k = common_prefix (lf, delimiter, n);

      if (k == delimiter_len)
        {
          *consumed = lf_pos + k;
          *found = TRUE;
          return emit_data (self, data + run_start, candidate - run_start, error);
        }

      if (k == n)
        {
          self->matched = k;
          self->held_cr = cr;
          return emit_data (self, data + run_start, candidate - run_start, error);
        }

      /* The byte that broke the match may start the next candidate */
      pos = lf_pos + k;
    }

  return emit_data (self, data + run_start, len - run_start, error);
}

static gboolean
start_part (SrvMultipartParser  *self,
            GError             **error)
{
  if (!end_part (self, error))
    return FALSE;

  if (self->n_parts >= SRV_MULTIPART_MAX_PARTS)
    {
      g_set_error (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_TOO_LARGE,
                   "The multipart body has more than %u parts",
                   (guint) SRV_MULTIPART_MAX_PARTS);
      return FALSE;
    }
  self->n_parts++;

  g_byte_array_set_size (self->line, 0);
  self->header_bytes = 0;
  self->seen_disposition = FALSE;
  self->seen_content_type = FALSE;
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->content_type, g_free);
  self->state = STATE_HEADERS;

  return TRUE;
}

static gboolean
begin_body (SrvMultipartParser  *self,
            GError             **error)
{
  gboolean ret;

  self->in_part = TRUE;
  self->state = STATE_BODY;
  reset_match (self);
  self->matched = 1;
  self->virtual_lf = TRUE;

  if (self->callbacks.part_begin == NULL)
    return TRUE;

  self->in_callback = TRUE;
  ret = self->callbacks.part_begin (self->name, self->filename, self->content_type,
                                    self->user_data, error);
  self->in_callback = FALSE;

  return check_callback (ret, error);
}

/* RFC 5987 ext-value: charset'language'percent-encoded. Only UTF-8 is
 * worth decoding; NULL means fall back to the plain filename.
 */
static char *
decode_ext_value (const char *value)
{
  const char *quote;
  const char *encoded;
  g_autofree char *decoded = NULL;

  quote = strchr (value, '\'');
  if (quote == NULL || !span_equal (value, quote, "utf-8"))
    return NULL;

  encoded = strchr (quote + 1, '\'');
  if (encoded == NULL)
    return NULL;

  decoded = g_uri_unescape_string (encoded + 1, NULL);
  if (decoded == NULL || !g_utf8_validate (decoded, -1, NULL))
    return NULL;

  return g_steal_pointer (&decoded);
}

static gboolean
parse_content_disposition (SrvMultipartParser  *self,
                           const char          *value,
                           GError             **error)
{
  g_autoptr(GHashTable) params = NULL;
  const char *type_end;
  const char *name;
  const char *filename;
  const char *filename_ext;
  g_autofree char *decoded = NULL;

  type_end = strchr (value, ';');
  if (type_end == NULL)
    type_end = value + strlen (value);

  if (!span_equal (value, type_end, "form-data"))
    {
      g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                           "A multipart part is not form-data");
      return FALSE;
    }

  if (!(params = parse_parameters (type_end)))
    {
      g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                           "Invalid Content-Disposition parameters in a multipart part");
      return FALSE;
    }

  name = g_hash_table_lookup (params, "name");
  filename = g_hash_table_lookup (params, "filename");
  filename_ext = g_hash_table_lookup (params, "filename*");

  if (filename_ext != NULL && (decoded = decode_ext_value (filename_ext)))
    filename = decoded;

  if (name != NULL)
    self->name = g_utf8_make_valid (name, -1);
  if (filename != NULL)
    self->filename = g_utf8_make_valid (filename, -1);

  return TRUE;
}

static gboolean
parse_content_type (SrvMultipartParser  *self,
                    const char          *value,
                    GError             **error)
{
  const char *end;
  const char *p;
  const char *slash = NULL;

  end = strchr (value, ';');
  if (end == NULL)
    end = value + strlen (value);
  while (end > value && is_ows (end[-1]))
    end--;

  if (end == value)
    return TRUE;

  for (p = value; p < end; p++)
    {
      if (*p == '/' && slash == NULL)
        slash = p;
      else if (!is_tchar (*p))
        break;
    }

  if (p != end || slash == NULL || slash == value || slash + 1 == end)
    {
      g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                           "Invalid Content-Type in a multipart part");
      return FALSE;
    }

  self->content_type = g_ascii_strdown (value, end - value);

  return TRUE;
}

/* One header line, its line break removed and NUL-terminated */
static gboolean
parse_header_line (SrvMultipartParser  *self,
                   const char          *line,
                   gsize                len,
                   GError             **error)
{
  const char *colon;
  const char *value;

  if (memchr (line, '\0', len) != NULL || memchr (line, '\r', len) != NULL)
    {
      g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                           "Invalid byte in the headers of a multipart part");
      return FALSE;
    }

  /* Folding is obsolete (RFC 7230), and no form client sends it */
  if (is_ows (line[0]))
    {
      g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                           "Folded header line in a multipart part");
      return FALSE;
    }

  for (colon = line; is_tchar (*colon); colon++)
    ;
  if (colon == line || *colon != ':')
    {
      g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                           "Invalid header line in a multipart part");
      return FALSE;
    }

  value = skip_ows (colon + 1);

  if (span_equal (line, colon, "content-disposition"))
    {
      if (self->seen_disposition)
        {
          g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                               "Duplicate Content-Disposition in a multipart part");
          return FALSE;
        }
      self->seen_disposition = TRUE;
      return parse_content_disposition (self, value, error);
    }

  if (span_equal (line, colon, "content-type"))
    {
      if (self->seen_content_type)
        {
          g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                               "Duplicate Content-Type in a multipart part");
          return FALSE;
        }
      self->seen_content_type = TRUE;
      return parse_content_type (self, value, error);
    }

  return TRUE;
}

/* Collects header lines, at most one per call: *consumed says how far
 * it got.
 */
static gboolean
feed_headers (SrvMultipartParser  *self,
              const guint8        *data,
              gsize                len,
              gsize               *consumed,
              GError             **error)
{
  const guint8 *lf = memchr (data, '\n', len);
  gsize segment = lf != NULL ? (gsize) (lf - data) + 1 : len;
  gsize line_len;

  *consumed = segment;

  if (segment > SRV_MULTIPART_MAX_HEADER_SIZE - self->header_bytes)
    {
      g_set_error (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_TOO_LARGE,
                   "The headers of a multipart part are larger than %u bytes",
                   (guint) SRV_MULTIPART_MAX_HEADER_SIZE);
      return FALSE;
    }
  self->header_bytes += segment;
  g_byte_array_append (self->line, data, segment);

  if (lf == NULL)
    return TRUE;

  line_len = self->line->len - 1;
  if (line_len > 0 && self->line->data[line_len - 1] == '\r')
    line_len--;

  if (line_len == 0)
    return begin_body (self, error);

  /* The line break just stripped leaves room for the NUL */
  self->line->data[line_len] = '\0';
  if (!parse_header_line (self, (const char *) self->line->data, line_len, error))
    return FALSE;
  g_byte_array_set_size (self->line, 0);

  return TRUE;
}

static gboolean
feed_internal (SrvMultipartParser  *self,
               const guint8        *data,
               gsize                len,
               GError             **error)
{
  gsize pos = 0;

  while (pos < len)
    {
      guint8 c = data[pos];
      gsize consumed;
      gboolean found;

      switch (self->state)
        {
        case STATE_PREAMBLE:
        case STATE_BODY:
          if (!scan_for_delimiter (self, data + pos, len - pos, &consumed, &found, error))
            return FALSE;
          pos += consumed;
          if (found)
            self->state = STATE_AFTER_DELIMITER;
          break;

        case STATE_AFTER_DELIMITER:
          if (c == '-')
            {
              self->state = STATE_AFTER_DASH;
              pos++;
            }
          else
            {
              self->state = STATE_PADDING;
            }
          break;

        case STATE_AFTER_DASH:
          if (c != '-')
            goto malformed;
          pos++;
          if (!end_part (self, error))
            return FALSE;
          self->state = STATE_EPILOGUE;
          break;

        case STATE_PADDING:
          pos++;
          if (c == '\r')
            self->state = STATE_AFTER_CR;
          else if (c == '\n')
            {
              if (!start_part (self, error))
                return FALSE;
            }
          else if (!is_ows (c))
            goto malformed;
          break;

        case STATE_AFTER_CR:
          if (c != '\n')
            goto malformed;
          pos++;
          if (!start_part (self, error))
            return FALSE;
          break;

        case STATE_HEADERS:
          if (!feed_headers (self, data + pos, len - pos, &consumed, error))
            return FALSE;
          pos += consumed;
          break;

        case STATE_EPILOGUE:
          pos = len;
          break;

        case STATE_FAILED:
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;

malformed:
  g_set_error_literal (error, SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                       "Unexpected data after a multipart boundary");
  return FALSE;
}

gboolean
srv_multipart_parser_feed (SrvMultipartParser  *self,
                           const guint8        *data,
                           gsize                len,
                           GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (!self->in_callback, FALSE);

  if (self->state == STATE_FAILED)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  if (!feed_internal (self, data, len, &local_error))
    {
      self->state = STATE_FAILED;
      self->error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gboolean
srv_multipart_parser_finish (SrvMultipartParser  *self,
                             GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->in_callback, FALSE);

  if (self->state == STATE_EPILOGUE)
    return TRUE;

  if (self->state != STATE_FAILED)
    {
      self->state = STATE_FAILED;
      self->error = g_error_new_literal (SRV_MULTIPART_ERROR, SRV_MULTIPART_ERROR_MALFORMED,
                                         "The multipart body ended before its closing boundary");
    }

  g_propagate_error (error, g_error_copy (self->error));
  return FALSE;
}
