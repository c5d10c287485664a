/* rivya-sse-parser.c
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

#include "rivya-sse-parser.h"

#include <gio/gio.h>
#include <string.h>

/**
 * RivyaSseParser:
 *
 * An incremental parser of `text/event-stream` bodies, following the
 * parsing rules of the WHATWG EventSource specification,
 * <https://html.spec.whatwg.org/multipage/server-sent-events.html>.
 *
 * Feed it the bytes of a response as they arrive, in chunks of any size
 * (a line, a CRLF pair or a UTF-8 sequence may be split anywhere); it calls
 * its [callback@Rivya.SseEventFunc] once per complete event. Lines may end
 * in CRLF, LF or CR; a leading byte order mark is skipped; comment lines go
 * to the optional [callback@Rivya.SseCommentFunc]; an event without data is
 * not dispatched; `retry:` and the last event id are remembered for the
 * caller's reconnection logic.
 *
 * Memory is bounded: a line, or the data of one event, longer than
 * [method@Rivya.SseParser.get_max_size] makes rivya_sse_parser_feed() fail
 * with %G_IO_ERROR_MESSAGE_TOO_LARGE, after which the parser refuses more
 * input (%G_IO_ERROR_INVALID_DATA) until rivya_sse_parser_finish().
 *
 * Text that is not valid UTF-8, and NUL bytes, reach the callbacks as
 * U+FFFD, so the strings they get are always valid UTF-8 C strings.
 *
 * It is safe to drop the last reference to the parser from one of its
 * callbacks: the rest of the chunk being fed is then ignored.
 */

struct _RivyaSseParser
{
  gatomicrefcount      ref_count;

  RivyaSseEventFunc    func;
  gpointer             user_data;
  GDestroyNotify       notify;

  RivyaSseCommentFunc  comment_func;
  gpointer             comment_data;
  GDestroyNotify       comment_notify;

  GString             *line;        /* the incomplete line of the last chunk */
  GString             *data;        /* the data buffer of the current event */
  GString             *event_type;  /* the event type buffer */
  char                *id_buffer;   /* the last event id buffer */
  char                *last_event_id;

  gsize                max_size;
  guint                retry;
  guint64              n_events;
  guint64              n_comments;

  guint                bom_matched : 2;  /* bytes of a BOM seen at the start */
  guint                bom_done : 1;
  guint                after_cr : 1;     /* the last chunk ended in CR */
  guint                failed : 1;
};

G_DEFINE_BOXED_TYPE (RivyaSseParser, rivya_sse_parser, rivya_sse_parser_ref, rivya_sse_parser_unref)

static const guchar bom[] = { 0xEF, 0xBB, 0xBF };

/**
 * rivya_sse_parser_new:
 * @func: (scope notified) (closure user_data) (destroy notify): called for
 *   each event
 * @user_data: data for @func
 * @notify: (nullable): frees @user_data when the parser is freed
 *
 * Creates a parser for one event stream.
 *
 * Returns: (transfer full): a new #RivyaSseParser
 */
RivyaSseParser *
rivya_sse_parser_new (RivyaSseEventFunc func,
                      gpointer          user_data,
                      GDestroyNotify    notify)
{
  RivyaSseParser *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (RivyaSseParser, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->func = func;
  self->user_data = user_data;
  self->notify = notify;
  self->line = g_string_new (NULL);
  self->data = g_string_new (NULL);
  self->event_type = g_string_new (NULL);
  self->max_size = RIVYA_SSE_PARSER_DEFAULT_MAX_SIZE;

  return self;
}

/**
 * rivya_sse_parser_ref:
 * @self: a #RivyaSseParser
 *
 * Returns: (transfer full): @self, with one more reference
 */
RivyaSseParser *
rivya_sse_parser_ref (RivyaSseParser *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * rivya_sse_parser_unref:
 * @self: (transfer full): a #RivyaSseParser
 *
 * Drops a reference; the last one frees the parser and calls the destroy
 * notifies of its callbacks' data.
 */
void
rivya_sse_parser_unref (RivyaSseParser *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  if (self->comment_notify != NULL)
    self->comment_notify (self->comment_data);
  if (self->notify != NULL)
    self->notify (self->user_data);

  g_string_free (self->line, TRUE);
  g_string_free (self->data, TRUE);
  g_string_free (self->event_type, TRUE);
  g_free (self->id_buffer);
  g_free (self->last_event_id);
  g_free (self);
}

/**
 * rivya_sse_parser_free:
 * @self: (transfer full): a #RivyaSseParser
 *
 * The same as rivya_sse_parser_unref(), for callers that never take a
 * second reference.
 */
void
rivya_sse_parser_free (RivyaSseParser *self)
{
  rivya_sse_parser_unref (self);
}

/**
 * rivya_sse_parser_set_comment_func:
 * @self: a #RivyaSseParser
 * @func: (nullable) (scope notified) (closure user_data) (destroy notify):
 *   called for each comment line, or %NULL
 * @user_data: data for @func
 * @notify: (nullable): frees @user_data
 *
 * Sets a callback for comment lines, such as the `: ping` keep-alives of
 * the chat stream. Comments are counted whether or not one is set (see
 * rivya_sse_parser_get_n_comments()).
 */
void
rivya_sse_parser_set_comment_func (RivyaSseParser      *self,
                                   RivyaSseCommentFunc  func,
                                   gpointer             user_data,
                                   GDestroyNotify       notify)
{
  GDestroyNotify old_notify;
  gpointer old_data;

  g_return_if_fail (self != NULL);

  old_notify = self->comment_notify;
  old_data = self->comment_data;

  self->comment_func = func;
  self->comment_data = user_data;
  self->comment_notify = notify;

  if (old_notify != NULL)
    old_notify (old_data);
}

static gboolean
is_last_reference (RivyaSseParser *self)
{
  return g_atomic_ref_count_compare (&self->ref_count, 1);
}

/* The callbacks get C strings, so NUL bytes and invalid sequences become
 * U+FFFD, as a browser decoding the stream would show them. */
static const char *
valid_utf8 (const char  *str,
            gsize        len,
            char       **to_free)
{
  if (g_utf8_validate_len (str, len, NULL))
    return str;
  return (*to_free = g_utf8_make_valid (str, len));
}

static void
dispatch (RivyaSseParser *self)
{
  g_autofree char *event_copy = NULL;
  g_autofree char *data_copy = NULL;
  g_autofree char *id_copy = NULL;
  const char *event;
  const char *data;
  const char *id = NULL;

  if (g_strcmp0 (self->last_event_id, self->id_buffer) != 0)
    {
      g_free (self->last_event_id);
      self->last_event_id = g_strdup (self->id_buffer);
    }

  if (self->data->len == 0)
    {
      g_string_truncate (self->event_type, 0);
      return;
    }

  /* Every data line appended a LF; the last one is not part of the data. */
  g_string_truncate (self->data, self->data->len - 1);

  if (self->event_type->len > 0)
    event = valid_utf8 (self->event_type->str, self->event_type->len, &event_copy);
  else
    event = "message";
  data = valid_utf8 (self->data->str, self->data->len, &data_copy);
  if (self->last_event_id != NULL)
    id = valid_utf8 (self->last_event_id, strlen (self->last_event_id), &id_copy);

  self->n_events++;
  self->func (event, data, id, self->user_data);

  g_string_truncate (self->data, 0);
  g_string_truncate (self->event_type, 0);
}

static gboolean
field_is (const char *field,
          gsize       field_len,
          const char *name)
{
  gsize name_len = strlen (name);

  return field_len == name_len && memcmp (field, name, name_len) == 0;
}

static void
parse_retry (RivyaSseParser *self,
             const char     *value,
             gsize           len)
{
  guint64 retry = 0;

  if (len == 0)
    return;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        return;
      /* Saturate rather than wrap: a huge value still means "wait long". */
      retry = MIN (retry * 10 + (value[i] - '0'), (guint64) G_MAXUINT);
    }

  self->retry = (guint) retry;
}

static gboolean
process_line (RivyaSseParser  *self,
              const char      *line,
              gsize            len,
              GError         **error)
{
  const char *colon;
  const char *value;
  gsize field_len;
  gsize value_len;

  if (len == 0)
    {
      dispatch (self);
      return TRUE;
    }

  colon = memchr (line, ':', len);

  if (colon == line)
    {
      g_autofree char *text = NULL;

      self->n_comments++;
      if (self->comment_func == NULL)
        return TRUE;

      value = line + 1;
      value_len = len - 1;
      if (value_len > 0 && value[0] == ' ')
        value++, value_len--;
      text = g_utf8_make_valid (value, value_len);
      self->comment_func (text, self->comment_data);
      return TRUE;
    }

  if (colon != NULL)
    {
      field_len = colon - line;
      value = colon + 1;
      value_len = len - field_len - 1;
      if (value_len > 0 && value[0] == ' ')
        value++, value_len--;
    }
  else
    {
      field_len = len;
      value = line + len;
      value_len = 0;
    }

  if (field_is (line, field_len, "data"))
    {
      if (self->data->len + value_len + 1 > self->max_size)
        {
          self->failed = TRUE;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       "Event data over the limit of %" G_GSIZE_FORMAT " bytes",
                       self->max_size);
          return FALSE;
        }
      g_string_append_len (self->data, value, value_len);
      g_string_append_c (self->data, '\n');
    }
  else if (field_is (line, field_len, "event"))
    {
      g_string_truncate (self->event_type, 0);
      g_string_append_len (self->event_type, value, value_len);
    }
  else if (field_is (line, field_len, "id"))
    {
      if (memchr (value, '\0', value_len) == NULL)
        {
          /* An empty id resets it: callers see "no id" as NULL. */
          g_free (self->id_buffer);
          self->id_buffer = value_len > 0 ? g_strndup (value, value_len) : NULL;
        }
    }
  else if (field_is (line, field_len, "retry"))
    {
      parse_retry (self, value, value_len);
    }

  /* Any other field is ignored, as the spec says. */
  return TRUE;
}

static gboolean
line_too_long (RivyaSseParser  *self,
               gsize            len,
               GError         **error)
{
  if (len <= self->max_size)
    return FALSE;

  self->failed = TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
               "Line over the limit of %" G_GSIZE_FORMAT " bytes", self->max_size);
  return TRUE;
}

/* Eats the bytes of a BOM at the start of the stream, which may arrive
 * one at a time. Returns how many bytes of @data were consumed. */
static gsize
skip_bom (RivyaSseParser *self,
          const char     *data,
          gsize           len)
{
  gsize i = 0;

  while (!self->bom_done && i < len)
    {
      if ((guchar) data[i] == bom[self->bom_matched])
        {
          i++;
          if (++self->bom_matched == G_N_ELEMENTS (bom))
            self->bom_done = TRUE;
        }
      else
        {
          /* Not a BOM after all: the bytes held back are ordinary text,
           * and cannot be line ends. */
          g_string_append_len (self->line, (const char *) bom, self->bom_matched);
          self->bom_done = TRUE;
        }
    }

  return i;
}

/**
 * rivya_sse_parser_feed:
 * @self: a #RivyaSseParser
 * @data: (array length=len) (element-type guint8): the next bytes of the stream
 * @len: the length of @data
 * @error: return location for a #GError
 *
 * Parses the next chunk of the stream, calling the event callback for each
 * event it completes. The chunk may end anywhere, even inside a CRLF pair.
 *
 * Returns: %FALSE with @error set if a line or an event is over the size
 *   limit (%G_IO_ERROR_MESSAGE_TOO_LARGE), or if the parser failed before
 *   (%G_IO_ERROR_INVALID_DATA)
 */
gboolean
rivya_sse_parser_feed (RivyaSseParser  *self,
                       const char      *data,
                       gsize            len,
                       GError         **error)
{
  g_autoptr(RivyaSseParser) hold = NULL;
  const char *p;
  const char *end;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (self->failed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The event stream failed earlier");
      return FALSE;
    }

  if (len == 0)
    return TRUE;

  hold = rivya_sse_parser_ref (self);
  p = data;
  end = data + len;

  if (!self->bom_done)
    p += skip_bom (self, p, len);

  /* A CR ended the previous chunk: it was a line end, and a LF right
   * after it belongs to the same line end. */
  if (self->after_cr && p < end)
    {
      self->after_cr = FALSE;
      if (*p == '\n')
        p++;
    }

  while (p < end)
    {
      const char *q = p;
      const char *line;
      gsize line_len;

      while (q < end && *q != '\n' && *q != '\r')
        q++;

      if (q == end)
        {
          if (line_too_long (self, self->line->len + (q - p), error))
            return FALSE;
          g_string_append_len (self->line, p, q - p);
          break;
        }

      /* Most lines are whole in one chunk: parse them in place. */
      if (self->line->len == 0)
        {
          line = p;
          line_len = q - p;
        }
      else
        {
          g_string_append_len (self->line, p, q - p);
          line = self->line->str;
          line_len = self->line->len;
        }

      if (line_too_long (self, line_len, error) ||
          !process_line (self, line, line_len, error))
        return FALSE;
      g_string_truncate (self->line, 0);

      if (*q == '\r')
        {
          if (q + 1 == end)
            self->after_cr = TRUE;
          else if (q[1] == '\n')
            q++;
        }
      p = q + 1;

      /* The callback dropped the caller's reference: stop, as its
       * user data may be gone. */
      if (is_last_reference (self))
        break;
    }

  return TRUE;
}

/**
 * rivya_sse_parser_finish:
 * @self: a #RivyaSseParser
 *
 * Ends the stream: an incomplete last event (without its blank line) is
 * discarded, as the spec says. The parser is then ready for a new stream,
 * for example after a reconnection; the last event id and the retry delay
 * are kept.
 */
void
rivya_sse_parser_finish (RivyaSseParser *self)
{
  g_return_if_fail (self != NULL);

  g_string_truncate (self->line, 0);
  g_string_truncate (self->data, 0);
  g_string_truncate (self->event_type, 0);
  g_free (self->id_buffer);
  self->id_buffer = g_strdup (self->last_event_id);
  self->bom_matched = 0;
  self->bom_done = FALSE;
  self->after_cr = FALSE;
  self->failed = FALSE;
}

/**
 * rivya_sse_parser_get_retry:
 * @self: a #RivyaSseParser
 *
 * Gets the reconnection delay the server asked for with a `retry:` field.
 *
 * Returns: the delay in milliseconds, or 0 if the server sent none
 */
guint
rivya_sse_parser_get_retry (RivyaSseParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->retry;
}

/**
 * rivya_sse_parser_get_last_event_id:
 * @self: a #RivyaSseParser
 *
 * Gets the last event id, to send as `Last-Event-ID` when reconnecting.
 *
 * Returns: (nullable): the last event id, or %NULL if none was seen
 */
const char *
rivya_sse_parser_get_last_event_id (RivyaSseParser *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->last_event_id;
}

/**
 * rivya_sse_parser_get_n_events:
 * @self: a #RivyaSseParser
 *
 * Returns: how many events were dispatched so far
 */
guint64
rivya_sse_parser_get_n_events (RivyaSseParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_events;
}

/**
 * rivya_sse_parser_get_n_comments:
 * @self: a #RivyaSseParser
 *
 * Returns: how many comment lines (keep-alives) were seen so far
 */
guint64
rivya_sse_parser_get_n_comments (RivyaSseParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_comments;
}

/**
 * rivya_sse_parser_get_max_size:
 * @self: a #RivyaSseParser
 *
 * Returns: the limit, in bytes, of one line and of the data of one event
 */
gsize
rivya_sse_parser_get_max_size (RivyaSseParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->max_size;
}

/**
 * rivya_sse_parser_set_max_size:
 * @self: a #RivyaSseParser
 * @max_size: the limit in bytes, at least 16
 *
 * Sets the limit of one line and of the data of one event, which bounds
 * the parser's memory whatever the server sends. The default is
 * %RIVYA_SSE_PARSER_DEFAULT_MAX_SIZE.
 */
void
rivya_sse_parser_set_max_size (RivyaSseParser *self,
                               gsize           max_size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (max_size >= 16);

  self->max_size = max_size;
}
