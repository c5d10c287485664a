/* rivya-file.c
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

#include "rivya-file.h"

#include "rivya-json-private.h"

/**
 * RivyaFile:
 *
 * An uploaded reference file (A.6, B.7). Its #RivyaFile:url (and
 * #RivyaFile:duration-token) go into a generation's reference items, its id
 * into chat attachments.
 */

struct _RivyaFile
{
  GObject  parent_instance;

  char    *id;
  char    *kind;
  char    *name;
  char    *mime_type;
  gint64   size_bytes;
  char    *url;
  double   duration_seconds;
  char    *duration_token;
  char    *model;
  char    *client_request_id;
  char    *created_at;
  char    *expires_at;
};

G_DEFINE_FINAL_TYPE (RivyaFile, rivya_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_MIME_TYPE,
  PROP_SIZE_BYTES,
  PROP_URL,
  PROP_DURATION_SECONDS,
  PROP_DURATION_TOKEN,
  PROP_MODEL,
  PROP_CLIENT_REQUEST_ID,
  PROP_CREATED_AT,
  PROP_EXPIRES_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_file_finalize (GObject *object)
{
  RivyaFile *self = (RivyaFile *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->mime_type, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->duration_token, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->client_request_id, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->expires_at, g_free);

  G_OBJECT_CLASS (rivya_file_parent_class)->finalize (object);
}

static void
rivya_file_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RivyaFile *self = RIVYA_FILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;

    case PROP_SIZE_BYTES:
      g_value_set_int64 (value, self->size_bytes);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_DURATION_SECONDS:
      g_value_set_double (value, self->duration_seconds);
      break;

    case PROP_DURATION_TOKEN:
      g_value_set_string (value, self->duration_token);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_CLIENT_REQUEST_ID:
      g_value_set_string (value, self->client_request_id);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_EXPIRES_AT:
      g_value_set_string (value, self->expires_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_file_class_init (RivyaFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_file_finalize;
  object_class->get_property = rivya_file_get_property;

  /**
   * RivyaFile:id:
   *
   * The file id, `file_...`.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:kind:
   *
   * The kind: `"image"`, `"video"` or `"audio"`.
   */
  properties [PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:name:
   *
   * The file name as stored.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:mime-type:
   *
   * The content type the service found in the bytes.
   */
  properties [PROP_MIME_TYPE] =
    g_param_spec_string ("mime-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:size-bytes:
   *
   * The size in bytes.
   */
  properties [PROP_SIZE_BYTES] =
    g_param_spec_int64 ("size-bytes", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:url:
   *
   * The capability URL of the file, readable without a key.
   */
  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:duration-seconds:
   *
   * The duration of audio and video, or -1 when unknown or not applicable.
   */
  properties [PROP_DURATION_SECONDS] =
    g_param_spec_double ("duration-seconds", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, -1,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:duration-token:
   *
   * The token that vouches for #RivyaFile:duration-seconds, to send back as
   * `durationToken`.
   */
  properties [PROP_DURATION_TOKEN] =
    g_param_spec_string ("duration-token", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:model:
   *
   * The model the upload was checked against, or %NULL.
   */
  properties [PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:client-request-id:
   *
   * The caller's trace id, or %NULL.
   */
  properties [PROP_CLIENT_REQUEST_ID] =
    g_param_spec_string ("client-request-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:created-at:
   *
   * When the file was uploaded, ISO-8601.
   */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaFile:expires-at:
   *
   * When the file expires, ISO-8601.
   */
  properties [PROP_EXPIRES_AT] =
    g_param_spec_string ("expires-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_file_init (RivyaFile *self)
{
  self->duration_seconds = -1;
}

/**
 * rivya_file_new_from_json:
 * @object: a file object, as `POST /api/v1/files` answers it
 * @error: return location for a #GError
 *
 * Reads a file. Unknown members are ignored and optional ones may be missing
 * or null; a member of the wrong type, or a missing required one, is a
 * %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaFile, or %NULL with @error set
 */
RivyaFile *
rivya_file_new_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(RivyaFile) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_FILE, NULL);

  if (!_rivya_json_get_string (object, "file", "id", TRUE, &self->id, error) ||
      !_rivya_json_get_string (object, "file", "kind", FALSE, &self->kind, error) ||
      !_rivya_json_get_string (object, "file", "name", FALSE, &self->name, error) ||
      !_rivya_json_get_string (object, "file", "mime_type", FALSE, &self->mime_type, error) ||
      !_rivya_json_get_int (object, "file", "size_bytes", 0, &self->size_bytes, error) ||
      !_rivya_json_get_string (object, "file", "url", FALSE, &self->url, error) ||
      !_rivya_json_get_double (object, "file", "duration_seconds", -1, &self->duration_seconds,
                               error) ||
      !_rivya_json_get_string (object, "file", "duration_token", FALSE, &self->duration_token,
                               error) ||
      !_rivya_json_get_string (object, "file", "model", FALSE, &self->model, error) ||
      !_rivya_json_get_string (object, "file", "client_request_id", FALSE,
                               &self->client_request_id, error) ||
      !_rivya_json_get_string (object, "file", "created_at", FALSE, &self->created_at, error) ||
      !_rivya_json_get_string (object, "file", "expires_at", FALSE, &self->expires_at, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_file_get_id:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:id property.
 *
 * Returns: the value of #RivyaFile:id
 */
const char *
rivya_file_get_id (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->id;
}

/**
 * rivya_file_get_kind:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:kind property.
 *
 * Returns: (nullable): the value of #RivyaFile:kind
 */
const char *
rivya_file_get_kind (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->kind;
}

/**
 * rivya_file_get_name:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:name property.
 *
 * Returns: (nullable): the value of #RivyaFile:name
 */
const char *
rivya_file_get_name (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->name;
}

/**
 * rivya_file_get_mime_type:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:mime-type property.
 *
 * Returns: (nullable): the value of #RivyaFile:mime-type
 */
const char *
rivya_file_get_mime_type (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->mime_type;
}

/**
 * rivya_file_get_size_bytes:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:size-bytes property.
 *
 * Returns: the value of #RivyaFile:size-bytes
 */
gint64
rivya_file_get_size_bytes (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), 0);

  return self->size_bytes;
}

/**
 * rivya_file_get_url:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:url property.
 *
 * Returns: (nullable): the value of #RivyaFile:url
 */
const char *
rivya_file_get_url (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->url;
}

/**
 * rivya_file_get_duration_seconds:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:duration-seconds property.
 *
 * Returns: the value of #RivyaFile:duration-seconds
 */
double
rivya_file_get_duration_seconds (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), 0);

  return self->duration_seconds;
}

/**
 * rivya_file_get_duration_token:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:duration-token property.
 *
 * Returns: (nullable): the value of #RivyaFile:duration-token
 */
const char *
rivya_file_get_duration_token (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->duration_token;
}

/**
 * rivya_file_get_model:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:model property.
 *
 * Returns: (nullable): the value of #RivyaFile:model
 */
const char *
rivya_file_get_model (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->model;
}

/**
 * rivya_file_get_client_request_id:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:client-request-id property.
 *
 * Returns: (nullable): the value of #RivyaFile:client-request-id
 */
const char *
rivya_file_get_client_request_id (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->client_request_id;
}

/**
 * rivya_file_get_created_at:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:created-at property.
 *
 * Returns: (nullable): the value of #RivyaFile:created-at
 */
const char *
rivya_file_get_created_at (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->created_at;
}

/**
 * rivya_file_get_expires_at:
 * @self: a #RivyaFile
 *
 * Gets the #RivyaFile:expires-at property.
 *
 * Returns: (nullable): the value of #RivyaFile:expires-at
 */
const char *
rivya_file_get_expires_at (RivyaFile *self)
{
  g_return_val_if_fail (RIVYA_IS_FILE (self), NULL);

  return self->expires_at;
}
