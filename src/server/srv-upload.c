/* srv-upload.c
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

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "srv-multipart.h"
#include "srv-sniff.h"
#include "srv-upload.h"

#define FIELD_LIMIT 4096

struct _SrvUpload
{
  SrvMultipartParser *parser;
  GHashTable         *fields;     /* name -> value */
  guint64             limit;

  /* The part being read */
  char               *part_name;
  GString            *part_value;
  gboolean            in_file;

  /* The file part */
  gboolean            has_file;
  char               *filename;
  char               *path;
  int                 fd;
  guint64             file_size;
  guint8              head[SRV_SNIFF_BYTES];
  gsize               head_len;
  gboolean            keep;

  gboolean            too_large;
  GError             *error;
};

static gboolean
part_begin_cb (const char  *name,
               const char  *filename,
               const char  *content_type,
               gpointer     user_data,
               GError     **error)
{
  SrvUpload *self = user_data;

  g_free (self->part_name);
  self->part_name = g_strdup (name ? name : "");
  self->in_file = g_strcmp0 (name, "file") == 0;

  if (self->in_file)
    {
      if (self->has_file)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The upload has more than one file part");
          return FALSE;
        }
      self->has_file = TRUE;
      self->filename = g_strdup (filename);
      return TRUE;
    }

  if (self->part_value != NULL)
    g_string_truncate (self->part_value, 0);
  else
    self->part_value = g_string_new (NULL);
  return TRUE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len,
           GError      **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          int errsv = errno;

          if (errsv == EINTR)
            continue;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       "Could not store the upload: %s", g_strerror (errsv));
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

static gboolean
part_data_cb (const guint8  *data,
              gsize          len,
              gpointer       user_data,
              GError       **error)
{
  SrvUpload *self = user_data;

  if (!self->in_file)
    {
      if (self->part_value->len + len > FIELD_LIMIT)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "The form field “%s” is longer than %d bytes", self->part_name, FIELD_LIMIT);
          return FALSE;
        }
      g_string_append_len (self->part_value, (const char *)data, len);
      return TRUE;
    }

  if (self->head_len < sizeof self->head)
    {
      gsize n = MIN (len, sizeof self->head - self->head_len);

      memcpy (self->head + self->head_len, data, n);
      self->head_len += n;
    }

  self->file_size += len;
  /* Past the ceiling nothing more is stored; the answer will be 413. */
  if (self->file_size > self->limit)
    {
      self->too_large = TRUE;
      return TRUE;
    }

  return write_all (self->fd, data, len, error);
}

static gboolean
part_end_cb (gpointer   user_data,
             GError   **error)
{
  SrvUpload *self = user_data;

  if (!self->in_file)
    g_hash_table_replace (self->fields, g_strdup (self->part_name),
                          g_strdup (self->part_value->str));
  self->in_file = FALSE;
  return TRUE;
}

static const SrvMultipartCallbacks callbacks = {
  part_begin_cb,
  part_data_cb,
  part_end_cb,
};

SrvUpload *
srv_upload_new (const char  *content_type,
                const char  *tmp_dir,
                guint64      limit,
                GError     **error)
{
  g_autofree char *boundary = NULL;
  SrvUpload *self;

  boundary = srv_multipart_boundary_from_content_type (content_type);
  if (boundary == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "An upload is multipart/form-data with a boundary");
      return NULL;
    }

  self = g_new0 (SrvUpload, 1);
  self->fd = -1;
  self->limit = limit;
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->path = g_build_filename (tmp_dir, "upload-XXXXXX", NULL);
  self->fd = g_mkstemp_full (self->path, O_RDWR | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "Could not create a temporary file: %s", g_strerror (errsv));
      g_clear_pointer (&self->path, g_free);
      srv_upload_free (self);
      return NULL;
    }
  self->parser = srv_multipart_parser_new (boundary, &callbacks, self);
  return self;
}

void
srv_upload_feed (SrvUpload    *self,
                 const guint8 *data,
                 gsize         len)
{
  if (self->error != NULL)
    return;
  srv_multipart_parser_feed (self->parser, data, len, &self->error);
}

gboolean
srv_upload_finish (SrvUpload  *self,
                   GError    **error)
{
  if (self->error == NULL)
    srv_multipart_parser_finish (self->parser, &self->error);

  if (self->fd >= 0)
    {
      if (self->error == NULL && fsync (self->fd) != 0)
        {
          int errsv = errno;
          g_set_error (&self->error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       "Could not store the upload: %s", g_strerror (errsv));
        }
      close (self->fd);
      self->fd = -1;
    }

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }
  return TRUE;
}

gboolean
srv_upload_too_large (SrvUpload *self)
{
  return self->too_large;
}

const char *
srv_upload_get_field (SrvUpload  *self,
                      const char *name)
{
  return g_hash_table_lookup (self->fields, name);
}

gboolean
srv_upload_has_file (SrvUpload *self)
{
  return self->has_file;
}

const char *
srv_upload_get_filename (SrvUpload *self)
{
  return self->filename;
}

const char *
srv_upload_get_file_path (SrvUpload *self)
{
  return self->path;
}

guint64
srv_upload_get_file_size (SrvUpload *self)
{
  return self->file_size;
}

const guint8 *
srv_upload_get_head (SrvUpload *self,
                     gsize     *len)
{
  *len = self->head_len;
  return self->head;
}

void
srv_upload_keep_file (SrvUpload *self)
{
  self->keep = TRUE;
}

void
srv_upload_free (SrvUpload *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->path != NULL && !self->keep)
    g_unlink (self->path);
  g_clear_pointer (&self->parser, srv_multipart_parser_free);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  if (self->part_value != NULL)
    g_string_free (self->part_value, TRUE);
  g_clear_error (&self->error);
  g_free (self->part_name);
  g_free (self->filename);
  g_free (self->path);
  g_free (self);
}
