/* rivya-upload.c
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

#include "rivya-upload.h"

#include "rivya-json-private.h"
#include "rivya-model.h"
#include "rivya-upload-private.h"

/**
 * RivyaUpload:
 *
 * One file to send to `POST /api/v1/files` (A.6), from a #GFile or a
 * #GInputStream, with its kind, the model whose limits apply, and the
 * `Idempotency-Key` of the upload.
 *
 * rivya_client_upload_async() streams the file as multipart/form-data
 * without reading it into memory. Before anything is sent it reads the
 * file's first bytes to find its type (#RivyaUpload:mime-type) and checks
 * type and size against the kind and the #RivyaUpload:model (see
 * rivya_media_check()). While the body is sent, #RivyaUpload::progress
 * reports the bytes written.
 *
 * A stream can only be read once: an upload from a stream cannot be
 * retried with the same object, one from a file can.
 */

struct _RivyaUpload
{
  GObject       parent_instance;

  GFile        *file;
  GInputStream *stream;
  RivyaModel   *model;
  char         *kind;
  char         *filename;
  char         *model_id;
  char         *client_request_id;
  char         *idempotency_key;
  char         *mime_type;
  gint64        size;
  guint64       bytes_sent;
  gint64        total_bytes;
};

G_DEFINE_FINAL_TYPE (RivyaUpload, rivya_upload, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT_REQUEST_ID,
  PROP_FILE,
  PROP_FILENAME,
  PROP_IDEMPOTENCY_KEY,
  PROP_KIND,
  PROP_MIME_TYPE,
  PROP_MODEL,
  PROP_MODEL_ID,
  PROP_SIZE,
  PROP_STREAM,
  N_PROPS
};

enum {
  PROGRESS,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
rivya_upload_constructed (GObject *object)
{
  RivyaUpload *self = (RivyaUpload *)object;

  G_OBJECT_CLASS (rivya_upload_parent_class)->constructed (object);

  if (self->filename == NULL && self->file != NULL)
    self->filename = g_file_get_basename (self->file);
}

static void
rivya_upload_finalize (GObject *object)
{
  RivyaUpload *self = (RivyaUpload *)object;

  g_clear_object (&self->file);
  g_clear_object (&self->stream);
  g_clear_object (&self->model);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->model_id, g_free);
  g_clear_pointer (&self->client_request_id, g_free);
  g_clear_pointer (&self->idempotency_key, g_free);
  g_clear_pointer (&self->mime_type, g_free);

  G_OBJECT_CLASS (rivya_upload_parent_class)->finalize (object);
}

static void
rivya_upload_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RivyaUpload *self = RIVYA_UPLOAD (object);

  switch (prop_id)
    {
    case PROP_CLIENT_REQUEST_ID:
      g_value_set_string (value, self->client_request_id);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;

    case PROP_IDEMPOTENCY_KEY:
      g_value_set_string (value, self->idempotency_key);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_MODEL_ID:
      g_value_set_string (value, self->model_id);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    case PROP_STREAM:
      g_value_set_object (value, self->stream);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_upload_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RivyaUpload *self = RIVYA_UPLOAD (object);

  switch (prop_id)
    {
    case PROP_CLIENT_REQUEST_ID:
      rivya_upload_set_client_request_id (self, g_value_get_string (value));
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_FILENAME:
      rivya_upload_set_filename (self, g_value_get_string (value));
      break;

    case PROP_IDEMPOTENCY_KEY:
      rivya_upload_set_idempotency_key (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_MODEL:
      rivya_upload_set_model (self, g_value_get_object (value));
      break;

    case PROP_MODEL_ID:
      rivya_upload_set_model_id (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      self->size = g_value_get_int64 (value);
      break;

    case PROP_STREAM:
      self->stream = g_value_dup_object (value);
      break;

    case PROP_MIME_TYPE:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_upload_class_init (RivyaUploadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rivya_upload_constructed;
  object_class->finalize = rivya_upload_finalize;
  object_class->get_property = rivya_upload_get_property;
  object_class->set_property = rivya_upload_set_property;

  /**
   * RivyaUpload:client-request-id:
   *
   * The caller's trace id (at most 128 characters), or %NULL.
   */
  properties [PROP_CLIENT_REQUEST_ID] =
    g_param_spec_string ("client-request-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:file:
   *
   * The file to upload, or %NULL when uploading from #RivyaUpload:stream.
   */
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:filename:
   *
   * The name sent with the file; the file's base name by default.
   */
  properties [PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:idempotency-key:
   *
   * The `Idempotency-Key` of the upload: a random UUID unless set.
   * Setting %NULL draws a new one.
   */
  properties [PROP_IDEMPOTENCY_KEY] =
    g_param_spec_string ("idempotency-key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:kind:
   *
   * The kind of the file: `"image"`, `"video"` or `"audio"`.
   */
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:mime-type:
   *
   * The content type found in the file's first bytes, once the upload
   * has started; %NULL before, or when no type was recognised.
   */
  properties [PROP_MIME_TYPE] =
    g_param_spec_string ("mime-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:model:
   *
   * The model the file is for: its limits are checked before sending,
   * and its id is sent as `model` so the service applies them too.
   */
  properties [PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         RIVYA_TYPE_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:model-id:
   *
   * The model id sent as `model`, or %NULL. Setting #RivyaUpload:model
   * sets it too.
   */
  properties [PROP_MODEL_ID] =
    g_param_spec_string ("model-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:size:
   *
   * The size of the file in bytes, or -1 while unknown (a file's size is
   * read when the upload starts).
   */
  properties [PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaUpload:stream:
   *
   * The stream to upload, or %NULL when uploading #RivyaUpload:file.
   */
  properties [PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL,
                         G_TYPE_INPUT_STREAM,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RivyaUpload::progress:
   * @self: a #RivyaUpload
   * @bytes_sent: the bytes of the request body written so far
   * @total_bytes: the size of the whole request body, or -1 when unknown
   *
   * Emitted on the main context as the body is written. The body is the
   * file plus a few hundred bytes of multipart framing.
   */
  signals [PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_INT64);
}

static void
rivya_upload_init (RivyaUpload *self)
{
  self->size = -1;
  self->total_bytes = -1;
  self->idempotency_key = g_uuid_string_random ();
}

/**
 * rivya_upload_new_for_file:
 * @file: the file to upload
 * @kind: its kind: `"image"`, `"video"` or `"audio"`
 *
 * Creates an upload of @file. Its size and type are read when the
 * upload starts.
 *
 * Returns: (transfer full): a new #RivyaUpload
 */
RivyaUpload *
rivya_upload_new_for_file (GFile      *file,
                           const char *kind)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (RIVYA_TYPE_UPLOAD,
                       "file", file,
                       "kind", kind,
                       NULL);
}

/**
 * rivya_upload_new_for_stream:
 * @stream: the stream to upload, read from its current position
 * @size: the number of bytes to send, or -1 to send until the end of the
 *   stream (chunked, with no size check before sending)
 * @filename: (nullable): the name to send with the file
 * @kind: its kind: `"image"`, `"video"` or `"audio"`
 *
 * Creates an upload that reads @stream. Nothing is read before the
 * upload starts.
 *
 * Returns: (transfer full): a new #RivyaUpload
 */
RivyaUpload *
rivya_upload_new_for_stream (GInputStream *stream,
                             gint64        size,
                             const char   *filename,
                             const char   *kind)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (size >= -1, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (RIVYA_TYPE_UPLOAD,
                       "stream", stream,
                       "size", size,
                       "filename", filename,
                       "kind", kind,
                       NULL);
}

/**
 * rivya_upload_get_file:
 * @self: a #RivyaUpload
 *
 * Gets the file to upload.
 *
 * Returns: (transfer none) (nullable): the file
 */
GFile *
rivya_upload_get_file (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->file;
}

/**
 * rivya_upload_get_stream:
 * @self: a #RivyaUpload
 *
 * Gets the stream to upload.
 *
 * Returns: (transfer none) (nullable): the stream
 */
GInputStream *
rivya_upload_get_stream (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->stream;
}

/**
 * rivya_upload_get_size:
 * @self: a #RivyaUpload
 *
 * Gets the size of the file.
 *
 * Returns: the size in bytes, or -1 while unknown
 */
gint64
rivya_upload_get_size (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), -1);

  return self->size;
}

/**
 * rivya_upload_get_kind:
 * @self: a #RivyaUpload
 *
 * Gets the kind the file is uploaded as.
 *
 * Returns: the kind
 */
const char *
rivya_upload_get_kind (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->kind;
}

/**
 * rivya_upload_get_filename:
 * @self: a #RivyaUpload
 *
 * Gets the name sent with the file.
 *
 * Returns: (nullable): the name
 */
const char *
rivya_upload_get_filename (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->filename;
}

/**
 * rivya_upload_set_filename:
 * @self: a #RivyaUpload
 * @filename: (nullable): the name to send with the file
 *
 * Sets the name sent with the file.
 */
void
rivya_upload_set_filename (RivyaUpload *self,
                           const char  *filename)
{
  g_return_if_fail (RIVYA_IS_UPLOAD (self));

  if (_rivya_set_str (&self->filename, filename))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILENAME]);
}

/**
 * rivya_upload_get_model:
 * @self: a #RivyaUpload
 *
 * Gets the model whose limits apply.
 *
 * Returns: (transfer none) (nullable): the model
 */
RivyaModel *
rivya_upload_get_model (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->model;
}

/**
 * rivya_upload_set_model:
 * @self: a #RivyaUpload
 * @model: (nullable): the model the file is for
 *
 * Sets the model whose limits apply, before sending and on the service,
 * and sets #RivyaUpload:model-id to its id.
 */
void
rivya_upload_set_model (RivyaUpload *self,
                        RivyaModel  *model)
{
  g_return_if_fail (RIVYA_IS_UPLOAD (self));
  g_return_if_fail (model == NULL || RIVYA_IS_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
  if (model != NULL)
    rivya_upload_set_model_id (self, rivya_model_get_id (model));
}

/**
 * rivya_upload_get_model_id:
 * @self: a #RivyaUpload
 *
 * Gets the model id sent as `model`.
 *
 * Returns: (nullable): the model id
 */
const char *
rivya_upload_get_model_id (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->model_id;
}

/**
 * rivya_upload_set_model_id:
 * @self: a #RivyaUpload
 * @model_id: (nullable): a model id
 *
 * Sets the model id sent as `model`, when the #RivyaModel is not at hand:
 * then only the kind's limits are checked before sending.
 */
void
rivya_upload_set_model_id (RivyaUpload *self,
                           const char  *model_id)
{
  g_return_if_fail (RIVYA_IS_UPLOAD (self));

  if (_rivya_set_str (&self->model_id, model_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL_ID]);

  /* A model of another id no longer describes this upload. */
  if (self->model != NULL && g_strcmp0 (rivya_model_get_id (self->model), model_id) != 0)
    {
      g_clear_object (&self->model);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODEL]);
    }
}

/**
 * rivya_upload_get_client_request_id:
 * @self: a #RivyaUpload
 *
 * Gets the caller's trace id.
 *
 * Returns: (nullable): the trace id
 */
const char *
rivya_upload_get_client_request_id (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->client_request_id;
}

/**
 * rivya_upload_set_client_request_id:
 * @self: a #RivyaUpload
 * @client_request_id: (nullable): a trace id, at most 128 characters
 *
 * Sets the caller's trace id.
 */
void
rivya_upload_set_client_request_id (RivyaUpload *self,
                                    const char  *client_request_id)
{
  g_return_if_fail (RIVYA_IS_UPLOAD (self));

  if (_rivya_set_str (&self->client_request_id, client_request_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLIENT_REQUEST_ID]);
}

/**
 * rivya_upload_get_idempotency_key:
 * @self: a #RivyaUpload
 *
 * Gets the `Idempotency-Key` the upload sends.
 *
 * Returns: the idempotency key
 */
const char *
rivya_upload_get_idempotency_key (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->idempotency_key;
}

/**
 * rivya_upload_set_idempotency_key:
 * @self: a #RivyaUpload
 * @idempotency_key: (nullable): a key, or %NULL for a new random one
 *
 * Sets the `Idempotency-Key` of the upload.
 */
void
rivya_upload_set_idempotency_key (RivyaUpload *self,
                                  const char  *idempotency_key)
{
  g_autofree char *fresh = NULL;

  g_return_if_fail (RIVYA_IS_UPLOAD (self));

  if (idempotency_key == NULL)
    idempotency_key = fresh = g_uuid_string_random ();

  if (_rivya_set_str (&self->idempotency_key, idempotency_key))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_IDEMPOTENCY_KEY]);
}

/**
 * rivya_upload_get_mime_type:
 * @self: a #RivyaUpload
 *
 * Gets the content type found in the file's first bytes.
 *
 * Returns: (nullable): the MIME type, or %NULL
 */
const char *
rivya_upload_get_mime_type (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), NULL);

  return self->mime_type;
}

/**
 * rivya_upload_get_bytes_sent:
 * @self: a #RivyaUpload
 *
 * Gets how much of the request body was written, as last reported by
 * #RivyaUpload::progress.
 *
 * Returns: the bytes written
 */
guint64
rivya_upload_get_bytes_sent (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), 0);

  return self->bytes_sent;
}

/**
 * rivya_upload_get_total_bytes:
 * @self: a #RivyaUpload
 *
 * Gets the size of the whole request body.
 *
 * Returns: the size in bytes, or -1 while unknown
 */
gint64
rivya_upload_get_total_bytes (RivyaUpload *self)
{
  g_return_val_if_fail (RIVYA_IS_UPLOAD (self), -1);

  return self->total_bytes;
}

void
_rivya_upload_set_size (RivyaUpload *self,
                        gint64       size)
{
  g_return_if_fail (RIVYA_IS_UPLOAD (self));

  if (self->size == size)
    return;

  self->size = size;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SIZE]);
}

void
_rivya_upload_set_mime_type (RivyaUpload *self,
                             const char  *mime_type)
{
  g_return_if_fail (RIVYA_IS_UPLOAD (self));

  if (_rivya_set_str (&self->mime_type, mime_type))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MIME_TYPE]);
}

void
_rivya_upload_set_progress (RivyaUpload *self,
                            guint64      bytes_sent,
                            gint64       total_bytes)
{
  g_return_if_fail (RIVYA_IS_UPLOAD (self));

  self->bytes_sent = bytes_sent;
  self->total_bytes = total_bytes;
  g_signal_emit (self, signals [PROGRESS], 0, bytes_sent, total_bytes);
}
