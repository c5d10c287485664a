/* rivya-media.c
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

#include "rivya-media.h"

#include <string.h>

#include "rivya-error-private.h"
#include "rivya-model.h"

#define MIB (G_GINT64_CONSTANT (1024) * 1024)

/* A.6: the kinds, their default limits and the types they take. The
 * limits are read as MiB, like rivya-server: a stricter reading would
 * refuse files the service may accept, and the service has the last word
 * anyway. */
static const struct {
  const char *kind;
  gint64      max_bytes;
  const char *mime_types[7];
} kinds[] = {
  { "image", 10 * MIB, { "image/jpeg", "image/png", "image/webp", NULL } },
  { "video", 50 * MIB, { "video/mp4", "video/quicktime", "video/webm", NULL } },
  { "audio", 10 * MIB, { "audio/mpeg", "audio/mp4", "audio/wav", "audio/x-wav", "audio/aac",
                         "audio/ogg", NULL } },
};

static gboolean
has_magic (const guint8 *data,
           gsize         len,
           gsize         offset,
           const char   *magic,
           gsize         magic_len)
{
  return offset <= len &&
         len - offset >= magic_len &&
         memcmp (data + offset, magic, magic_len) == 0;
}

static gboolean
brand_in (const guint8       *brand,
          const char * const *brands)
{
  for (guint i = 0; brands[i] != NULL; i++)
    {
      if (memcmp (brand, brands[i], 4) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ISO base media files (MP4, QuickTime, M4A, and the HEIF and AVIF still
 * images, which must not pass for video). */
static const char *
sniff_iso_bmff (const guint8 *data,
                gsize         len)
{
  static const char * const audio[] = { "M4A ", "M4B ", "F4A ", "F4B ", NULL };
  static const char * const avif[] = { "avif", "avis", NULL };
  static const char * const heic[] = { "heic", "heix", "heim", "heis", "hevc", "hevx", NULL };
  static const char * const heif[] = { "mif1", "msf1", NULL };
  const guint8 *major;
  guint32 box_size;
  gsize end;

  if (len < 12 || !has_magic (data, len, 4, "ftyp", 4))
    return NULL;

  major = data + 8;
  box_size = ((guint32)data[0] << 24) | ((guint32)data[1] << 16) |
             ((guint32)data[2] << 8) | data[3];

  if (memcmp (major, "qt  ", 4) == 0)
    return "video/quicktime";
  if (brand_in (major, audio))
    return "audio/mp4";
  if (brand_in (major, avif))
    return "image/avif";
  if (brand_in (major, heic))
    return "image/heic";
  if (brand_in (major, heif))
    {
      /* AVIF encoders often write mif1 first and avif among the
       * compatible brands, which start at offset 16. */
      end = len;
      if (box_size >= 16 && box_size < end)
        end = box_size;
      for (gsize i = 16; i + 4 <= end; i += 4)
        {
          if (brand_in (data + i, avif))
            return "image/avif";
        }
      return "image/heif";
    }

  return "video/mp4";
}

static gboolean
read_vint (const guint8 *data,
           gsize         len,
           gsize        *pos,
           guint         max_bytes,
           gboolean      keep_marker,
           guint64      *value)
{
  guint n = 1;
  guint8 first;
  guint64 v;

  if (*pos >= len)
    return FALSE;

  first = data[*pos];
  while (n <= 8 && !(first & (0x80 >> (n - 1))))
    n++;
  if (n > max_bytes || len - *pos < n)
    return FALSE;

  v = keep_marker ? first : (first & (0xFF >> n));
  for (guint i = 1; i < n; i++)
    v = (v << 8) | data[*pos + i];

  *pos += n;
  *value = v;
  return TRUE;
}

/* EBML: WebM unless the DocType says Matroska. */
static const char *
sniff_ebml (const guint8 *data,
            gsize         len)
{
  gsize pos = 4;
  guint64 header_size;
  gsize end;

  if (!has_magic (data, len, 0, "\x1a\x45\xdf\xa3", 4))
    return NULL;
  if (!read_vint (data, len, &pos, 8, FALSE, &header_size))
    return "video/webm";

  end = len;
  if (header_size < end - pos)
    end = pos + header_size;

  while (pos < end)
    {
      guint64 id;
      guint64 size;

      if (!read_vint (data, end, &pos, 4, TRUE, &id) ||
          !read_vint (data, end, &pos, 8, FALSE, &size) ||
          size > end - pos)
        break;

      if (id == 0x4282)
        {
          gsize doctype_len = strnlen ((const char *)data + pos, size);

          if (doctype_len == 8 && memcmp (data + pos, "matroska", 8) == 0)
            return "video/x-matroska";
          break;
        }
      pos += size;
    }

  return "video/webm";
}

static gboolean
is_adts (const guint8 *data,
         gsize         len)
{
  guint frame_length;

  /* Sync bits and a layer of 00, which sets ADTS apart from MP3. */
  if (len < 7 || data[0] != 0xFF || (data[1] & 0xF6) != 0xF0)
    return FALSE;
  if (((data[2] >> 2) & 0x0F) > 12)
    return FALSE;
  frame_length = ((guint)(data[3] & 0x03) << 11) | ((guint)data[4] << 3) | (data[5] >> 5);
  return frame_length >= 7;
}

static gboolean
is_mpeg_audio (const guint8 *data,
               gsize         len)
{
  if (len < 4 || data[0] != 0xFF || (data[1] & 0xE0) != 0xE0)
    return FALSE;

  /* Reserved version or layer, free-format or bad bitrate, reserved
   * sampling rate, reserved emphasis: noise, not audio. */
  return ((data[1] >> 3) & 0x03) != 0x01 &&
         ((data[1] >> 1) & 0x03) != 0x00 &&
         (data[2] >> 4) != 0x00 && (data[2] >> 4) != 0x0F &&
         ((data[2] >> 2) & 0x03) != 0x03 &&
         (data[3] & 0x03) != 0x02;
}

/**
 * rivya_media_sniff_mime_type:
 * @data: (array length=len) (nullable): the first bytes of a file
 * @len: the length of @data; at least %RIVYA_MEDIA_SNIFF_BYTES when the
 *   file is that long
 *
 * Finds a file's content type from its signature (magic bytes), the way
 * the service does (A.6): never from its name. Some types are recognised
 * without being accepted (`image/gif`, `image/avif`, `image/heic`,
 * `image/heif`, `video/x-matroska`): rivya_media_kind_for_mime_type()
 * gives %NULL for them.
 *
 * Returns: (nullable): the MIME type, or %NULL when unrecognised
 */
const char *
rivya_media_sniff_mime_type (const guint8 *data,
                             gsize         len)
{
  const char *type;

  if (data == NULL)
    return NULL;

  len = MIN (len, RIVYA_MEDIA_SNIFF_BYTES);

  if (has_magic (data, len, 0, "\x89PNG\r\n\x1a\n", 8))
    return "image/png";
  if (has_magic (data, len, 0, "\xff\xd8\xff", 3))
    return "image/jpeg";
  if (has_magic (data, len, 0, "GIF87a", 6) || has_magic (data, len, 0, "GIF89a", 6))
    return "image/gif";
  if (has_magic (data, len, 0, "RIFF", 4))
    {
      if (has_magic (data, len, 8, "WEBP", 4))
        return "image/webp";
      if (has_magic (data, len, 8, "WAVE", 4))
        return "audio/wav";
      return NULL;
    }
  if ((type = sniff_iso_bmff (data, len)) || (type = sniff_ebml (data, len)))
    return type;
  if (has_magic (data, len, 0, "OggS", 4))
    return "audio/ogg";
  /* An ID3v2 tag: major version 2 to 4, and 0xFF never follows. */
  if (has_magic (data, len, 0, "ID3", 3) && len >= 5 && data[3] >= 2 && data[3] <= 4 &&
      data[4] != 0xFF)
    return "audio/mpeg";
  if (is_adts (data, len))
    return "audio/aac";
  if (is_mpeg_audio (data, len))
    return "audio/mpeg";

  return NULL;
}

static int
find_kind (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    {
      if (strcmp (kinds[i].kind, kind) == 0)
        return i;
    }
  return -1;
}

/**
 * rivya_media_kind_for_mime_type:
 * @mime_type: (nullable): a MIME type, such as `"image/png"`
 *
 * Gives the kind of file (A.6) that takes @mime_type.
 *
 * Returns: (nullable): `"image"`, `"video"` or `"audio"`, or %NULL when no
 *   kind accepts @mime_type
 */
const char *
rivya_media_kind_for_mime_type (const char *mime_type)
{
  if (mime_type == NULL)
    return NULL;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      if (g_strv_contains (kinds[k].mime_types, mime_type))
        return kinds[k].kind;
    }
  return NULL;
}

/**
 * rivya_media_get_default_max_bytes:
 * @kind: a kind: `"image"`, `"video"` or `"audio"`
 *
 * Gives the size limit of a kind when no model narrows it (A.6): 10 MiB
 * for images and audio, 50 MiB for video.
 *
 * Returns: the limit in bytes, or -1 for an unknown kind
 */
gint64
rivya_media_get_default_max_bytes (const char *kind)
{
  int k = find_kind (kind);

  return k < 0 ? -1 : kinds[k].max_bytes;
}

/**
 * rivya_media_get_default_mime_types:
 * @kind: a kind: `"image"`, `"video"` or `"audio"`
 *
 * Gives the content types a kind accepts when no model narrows them (A.6).
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the MIME
 *   types, or %NULL for an unknown kind
 */
const char * const *
rivya_media_get_default_mime_types (const char *kind)
{
  int k = find_kind (kind);

  return k < 0 ? NULL : kinds[k].mime_types;
}

static gboolean
refuse (GError     **error,
        RivyaError   code,
        const char  *param,
        const char  *format,
        ...) G_GNUC_PRINTF (4, 5);

static gboolean
refuse (GError     **error,
        RivyaError   code,
        const char  *param,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* HTTP status 0 and no request id: nothing was sent. */
  g_propagate_error (error, _rivya_error_new (code, NULL, 0, NULL, param, 0, "%s", message));
  return FALSE;
}

/**
 * rivya_media_check:
 * @model: (nullable): the model the file is for, or %NULL for the limits
 *   of the kind alone
 * @kind: the kind the file is uploaded as: `"image"`, `"video"` or `"audio"`
 * @mime_type: (nullable): the type found by rivya_media_sniff_mime_type(),
 *   or %NULL when it found none
 * @size_bytes: the size of the file, or -1 when unknown
 * @name: (nullable): the file's name, for the messages
 * @error: return location for a #GError
 *
 * Checks a file against what the service accepts before anything is sent:
 * the kind and its types and size (A.6) and, with @model, the model's own
 * kinds, types and limits (#RivyaModel:reference-media; chat models take
 * image attachments). The message names the file and the limit it broke.
 *
 * The errors are the ones the service would answer, with an HTTP status
 * of 0: %RIVYA_ERROR_VALIDATION_FAILED with param `"kind"`, `"file"` or
 * `"model"`, and %RIVYA_ERROR_PAYLOAD_TOO_LARGE with param `"file"`.
 *
 * Returns: %TRUE if the file may be uploaded
 */
gboolean
rivya_media_check (RivyaModel  *model,
                   const char  *kind,
                   const char  *mime_type,
                   gint64       size_bytes,
                   const char  *name,
                   GError     **error)
{
  RivyaReferenceMedia *media = NULL;
  const char * const *types;
  const char *model_id = NULL;
  gint64 max_bytes;
  int k;

  g_return_val_if_fail (model == NULL || RIVYA_IS_MODEL (model), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name == NULL)
    name = "the file";

  if ((k = find_kind (kind)) < 0)
    return refuse (error, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                   "“%s” is not a kind of file: image, video or audio", kind ? kind : "");

  if (mime_type == NULL || rivya_media_kind_for_mime_type (mime_type) == NULL)
    return refuse (error, RIVYA_ERROR_VALIDATION_FAILED, "file",
                   "“%s” is not a supported image, video or audio format%s%s", name,
                   mime_type ? ": it is " : "", mime_type ? mime_type : "");

  if (!g_strv_contains (kinds[k].mime_types, mime_type))
    return refuse (error, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                   "“%s” is %s, which is not of kind %s", name, mime_type, kind);

  max_bytes = kinds[k].max_bytes;
  types = kinds[k].mime_types;

  if (model != NULL)
    {
      model_id = rivya_model_get_id (model);
      media = rivya_model_get_reference_media (model);

      if (rivya_model_is_chat (model))
        {
          RivyaChatCapabilities *caps = rivya_model_get_chat_capabilities (model);
          const char * const *attachments = NULL;

          if (caps != NULL)
            attachments = rivya_chat_capabilities_get_attachments (caps);

          /* Chat attachments are images, unless the model says otherwise. */
          if (attachments != NULL && attachments[0] != NULL
              ? !g_strv_contains (attachments, kind)
              : strcmp (kind, "image") != 0)
            return refuse (error, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                           "%s does not take %s attachments (“%s”)", model_id, kind, name);
        }
      else if (media == NULL)
        return refuse (error, RIVYA_ERROR_VALIDATION_FAILED, "model",
                       "%s takes no reference files (“%s”)", model_id, name);
      else
        {
          const char * const *model_types = rivya_reference_media_get_mime_types (media, kind);
          gint64 model_max = rivya_reference_media_get_max_bytes (media, kind);

          if (!rivya_reference_media_accepts_kind (media, kind))
            return refuse (error, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                           "%s does not take %s references (“%s”)", model_id, kind, name);
          if (model_types != NULL)
            types = model_types;
          if (model_max >= 0)
            max_bytes = model_max;
        }

      if (!g_strv_contains (types, mime_type))
        return refuse (error, RIVYA_ERROR_VALIDATION_FAILED, "file",
                       "%s does not take %s files of type %s (“%s”)", model_id, kind, mime_type,
                       name);
    }

  if (size_bytes > max_bytes)
    {
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      if (media != NULL && rivya_reference_media_get_max_bytes (media, kind) >= 0)
        return refuse (error, RIVYA_ERROR_PAYLOAD_TOO_LARGE, "file",
                       "“%s” is %" G_GINT64_FORMAT " bytes; %s takes %s files of at most %"
                       G_GINT64_FORMAT " bytes (%s)", name, size_bytes, model_id, kind,
                       max_bytes, limit);
      return refuse (error, RIVYA_ERROR_PAYLOAD_TOO_LARGE, "file",
                     "“%s” is %" G_GINT64_FORMAT " bytes; %s files are limited to %"
                     G_GINT64_FORMAT " bytes (%s)", name, size_bytes, kind, max_bytes, limit);
    }

  return TRUE;
}
