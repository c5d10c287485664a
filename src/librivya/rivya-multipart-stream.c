/* rivya-multipart-stream.c
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

#include "rivya-multipart-stream.h"

#include <string.h>

/* A multipart/form-data body read straight from the file: the preamble
 * (the text fields and the file part's headers), the bytes already read
 * to sniff the type, the rest of the file, and the closing boundary. The
 * file is never held in memory: at most one buffer of it. */

#define BUFFER_SIZE (256 * 1024)

typedef enum
{
  PART_PREAMBLE,
  PART_HEAD,
  PART_BODY,
  PART_EPILOGUE,
  PART_DONE,
} Part;

struct _RivyaMultipartStream
{
  GInputStream  parent_instance;

  GBytes       *preamble;
  GBytes       *head;
  GInputStream *body;
  GBytes       *epilogue;

  /* Bytes of the current GBytes part already handed out. */
  gsize         offset;
  Part          part;

  /* Body bytes still to come; -1 reads until the end of the stream. */
  goffset       body_left;

  guint8       *buffer;
  gsize         buffer_pos;
  gsize         buffer_len;
};

G_DEFINE_FINAL_TYPE (RivyaMultipartStream, rivya_multipart_stream, G_TYPE_INPUT_STREAM)

static GBytes *
current_bytes (RivyaMultipartStream *self)
{
  switch (self->part)
    {
    case PART_PREAMBLE:
      return self->preamble;
    case PART_HEAD:
      return self->head;
    case PART_EPILOGUE:
      return self->epilogue;
    case PART_BODY:
    case PART_DONE:
    default:
      return NULL;
    }
}

/* Copies from the GBytes parts and from what is buffered of the body;
 * returns -1 when the body buffer must be refilled first. */
static gssize
copy_available (RivyaMultipartStream *self,
                guint8               *buffer,
                gsize                 count)
{
  while (self->part != PART_DONE)
    {
      GBytes *bytes;

      if (self->part == PART_BODY)
        {
          gsize n;

          if (self->buffer_pos < self->buffer_len)
            {
              n = MIN (count, self->buffer_len - self->buffer_pos);
              memcpy (buffer, self->buffer + self->buffer_pos, n);
              self->buffer_pos += n;
              return n;
            }
          if (self->body_left == 0)
            {
              self->part++;
              continue;
            }
          return -1;
        }

      bytes = current_bytes (self);
      if (bytes != NULL && self->offset < g_bytes_get_size (bytes))
        {
          gsize size;
          const guint8 *data = g_bytes_get_data (bytes, &size);
          gsize n = MIN (count, size - self->offset);

          memcpy (buffer, data + self->offset, n);
          self->offset += n;
          return n;
        }

      self->offset = 0;
      self->part++;
    }

  return 0;
}

static gsize
refill_size (RivyaMultipartStream *self)
{
  if (self->body_left < 0)
    return BUFFER_SIZE;
  return MIN (BUFFER_SIZE, (gsize)self->body_left);
}

/* What a read of the body gave: 0 is the end of the file, an error when
 * the file is shorter than the size announced in Content-Length. */
static gboolean
refilled (RivyaMultipartStream  *self,
          gssize                 n,
          GError               **error)
{
  if (n < 0)
    return FALSE;

  if (n == 0)
    {
      if (self->body_left > 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                       "The file ended %" G_GOFFSET_FORMAT " bytes before its announced size",
                       self->body_left);
          return FALSE;
        }
      self->body_left = 0;
      return TRUE;
    }

  self->buffer_pos = 0;
  self->buffer_len = n;
  if (self->body_left > 0)
    self->body_left -= n;
  return TRUE;
}

static gssize
rivya_multipart_stream_read (GInputStream  *stream,
                             void          *buffer,
                             gsize          count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  RivyaMultipartStream *self = RIVYA_MULTIPART_STREAM (stream);

  for (;;)
    {
      gssize n = copy_available (self, buffer, count);

      if (n >= 0)
        return n;

      n = g_input_stream_read (self->body, self->buffer, refill_size (self), cancellable, error);
      if (!refilled (self, n, error))
        return -1;
    }
}

typedef struct
{
  guint8 *buffer;
  gsize   count;
} ReadData;

static void
body_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RivyaMultipartStream *self = g_task_get_source_object (task);
  ReadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (!refilled (self, n, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n = copy_available (self, data->buffer, data->count);
  g_assert (n >= 0);
  g_task_return_int (task, n);
}

static void
rivya_multipart_stream_read_async (GInputStream        *stream,
                                   void                *buffer,
                                   gsize                count,
                                   int                  io_priority,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  RivyaMultipartStream *self = RIVYA_MULTIPART_STREAM (stream);
  g_autoptr(GTask) task = NULL;
  ReadData *data;
  gssize n;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rivya_multipart_stream_read_async);
  g_task_set_priority (task, io_priority);

  /* Most reads are served from memory; only an empty buffer waits for
   * the file, one large read for many small ones of the caller. */
  if ((n = copy_available (self, buffer, count)) >= 0)
    {
      g_task_return_int (task, n);
      return;
    }

  data = g_new0 (ReadData, 1);
  data->buffer = buffer;
  data->count = count;
  g_task_set_task_data (task, data, g_free);

  g_input_stream_read_async (self->body, self->buffer, refill_size (self), io_priority,
                             cancellable, body_read_cb, g_steal_pointer (&task));
}

static gssize
rivya_multipart_stream_read_finish (GInputStream  *stream,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return g_task_propagate_int (G_TASK (result), error);
}

static gboolean
rivya_multipart_stream_close (GInputStream  *stream,
                              GCancellable  *cancellable,
                              GError       **error)
{
  RivyaMultipartStream *self = RIVYA_MULTIPART_STREAM (stream);

  return g_input_stream_close (self->body, cancellable, error);
}

static void
rivya_multipart_stream_finalize (GObject *object)
{
  RivyaMultipartStream *self = (RivyaMultipartStream *)object;

  g_clear_pointer (&self->preamble, g_bytes_unref);
  g_clear_pointer (&self->head, g_bytes_unref);
  g_clear_pointer (&self->epilogue, g_bytes_unref);
  g_clear_object (&self->body);
  g_clear_pointer (&self->buffer, g_free);

  G_OBJECT_CLASS (rivya_multipart_stream_parent_class)->finalize (object);
}

static void
rivya_multipart_stream_class_init (RivyaMultipartStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = rivya_multipart_stream_finalize;

  stream_class->read_fn = rivya_multipart_stream_read;
  stream_class->read_async = rivya_multipart_stream_read_async;
  stream_class->read_finish = rivya_multipart_stream_read_finish;
  stream_class->close_fn = rivya_multipart_stream_close;
}

static void
rivya_multipart_stream_init (RivyaMultipartStream *self)
{
}

RivyaMultipartStream *
_rivya_multipart_stream_new (GBytes       *preamble,
                             GBytes       *head,
                             GInputStream *body,
                             goffset       body_length,
                             GBytes       *epilogue)
{
  RivyaMultipartStream *self;

  g_return_val_if_fail (preamble != NULL, NULL);
  g_return_val_if_fail (head != NULL, NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (body), NULL);
  g_return_val_if_fail (epilogue != NULL, NULL);

  self = g_object_new (RIVYA_TYPE_MULTIPART_STREAM, NULL);
  self->preamble = g_bytes_ref (preamble);
  self->head = g_bytes_ref (head);
  self->body = g_object_ref (body);
  self->body_left = body_length;
  self->epilogue = g_bytes_ref (epilogue);
  self->buffer = g_malloc (BUFFER_SIZE);

  return self;
}
