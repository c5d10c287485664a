/* srv-sniff.c
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

#include "srv-sniff.h"

#include <string.h>

typedef struct
{
  const char *mime_type;
  const char *kind;       /* NULL: recognised but not accepted */
  const char *extension;
} SniffType;

static const SniffType sniff_types[] = {
  { "image/jpeg",       "image", "jpg"  },
  { "image/png",        "image", "png"  },
  { "image/webp",       "image", "webp" },
  { "image/gif",        NULL,    "gif"  },
  { "image/avif",       NULL,    "avif" },
  { "image/heic",       NULL,    "heic" },
  { "image/heif",       NULL,    "heif" },
  { "video/mp4",        "video", "mp4"  },
  { "video/quicktime",  "video", "mov"  },
  { "video/webm",       "video", "webm" },
  { "video/x-matroska", NULL,    "mkv"  },
  { "audio/mpeg",       "audio", "mp3"  },
  { "audio/mp4",        "audio", "m4a"  },
  { "audio/wav",        "audio", "wav"  },
  { "audio/x-wav",      "audio", "wav"  },
  { "audio/aac",        "audio", "aac"  },
  { "audio/ogg",        "audio", "ogg"  },
};

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            gsize         offset,
            const char   *magic,
            gsize         magic_len)
{
  return offset <= len &&
         len - offset >= magic_len &&
         memcmp (data + offset, magic, magic_len) == 0;
}

static guint32
read_be32 (const guint8 *data)
{
  return ((guint32) data[0] << 24) |
         ((guint32) data[1] << 16) |
         ((guint32) data[2] << 8) |
         (guint32) data[3];
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

static const char *
sniff_iso_bmff (const guint8 *data,
                gsize         len)
{
  static const char * const audio_brands[] = { "M4A ", "M4B ", "F4A ", "F4B ", NULL };
  static const char * const avif_brands[] = { "avif", "avis", NULL };
  static const char * const heic_brands[] = {
    "heic", "heix", "heim", "heis", "hevc", "hevx", NULL
  };
  static const char * const heif_brands[] = { "mif1", "msf1", NULL };
  const guint8 *major;
  guint32 box_size;
  gsize end;

  if (!has_prefix (data, len, 4, "ftyp", 4) || len < 12)
    return NULL;

  major = data + 8;
  box_size = read_be32 (data);

  if (memcmp (major, "qt  ", 4) == 0)
    return "video/quicktime";
  if (brand_in (major, audio_brands))
    return "audio/mp4";

  /* HEIF and AVIF are ISO-BMFF too; calling them video/mp4 would let a
   * still image in as a video no player can open.
   */
  if (brand_in (major, avif_brands))
    return "image/avif";
  if (brand_in (major, heic_brands))
    return "image/heic";
  if (brand_in (major, heif_brands))
    {
      /* Many AVIF encoders write the generic mif1 major brand and name
       * avif only among the compatible brands, which follow the minor
       * version at offset 16.
       */
      end = len;
      if (box_size >= 16 && box_size < end)
        end = box_size;
      for (gsize i = 16; i + 4 <= end; i += 4)
        {
          if (brand_in (data + i, avif_brands))
            return "image/avif";
        }
      return "image/heif";
    }

  return "video/mp4";
}

/* An EBML variable-length integer: the count of leading zero bits of the
 * first byte says how many bytes follow. IDs keep their marker bit,
 * sizes lose it.
 */
static gboolean
read_ebml_vint (const guint8 *data,
                gsize         len,
                gsize        *pos,
                guint         max_bytes,
                gboolean      keep_marker,
                guint64      *value)
{
  guint8 first;
  guint n_bytes = 1;
  guint64 result;

  if (*pos >= len)
    return FALSE;

  first = data[*pos];
  while (n_bytes <= 8 && !(first & (0x80 >> (n_bytes - 1))))
    n_bytes++;
  if (n_bytes > max_bytes || len - *pos < n_bytes)
    return FALSE;

  result = keep_marker ? first : (first & (0xFF >> n_bytes));
  for (guint i = 1; i < n_bytes; i++)
    result = (result << 8) | data[*pos + i];

  *pos += n_bytes;
  *value = result;

  return TRUE;
}

static const char *
sniff_ebml (const guint8 *data,
            gsize         len)
{
  gsize pos = 4;
  guint64 header_size;
  gsize end;

  if (!has_prefix (data, len, 0, "\x1a\x45\xdf\xa3", 4))
    return NULL;

  /* The DocType may lie past the bytes we have, or be absent (it then
   * defaults to matroska, but writers always set it): only an explicit
   * Matroska DocType sets the file apart from WebM.
   */
  if (!read_ebml_vint (data, len, &pos, 8, FALSE, &header_size))
    return "video/webm";

  end = len;
  if (header_size < end - pos)
    end = pos + header_size;

  while (pos < end)
    {
      guint64 id;
      guint64 size;

      if (!read_ebml_vint (data, end, &pos, 4, TRUE, &id) ||
          !read_ebml_vint (data, end, &pos, 8, FALSE, &size))
        break;

      if (size > end - pos)
        break;

      if (id == 0x4282)
        {
          /* The string may be padded with NUL bytes */
          gsize doctype_len = strnlen ((const char *) data + pos, size);

          if (doctype_len == 8 && memcmp (data + pos, "matroska", 8) == 0)
            return "video/x-matroska";
          break;
        }

      pos += size;
    }

  return "video/webm";
}

static gboolean
is_adts_header (const guint8 *data,
                gsize         len)
{
  guint sampling_index;
  guint frame_length;

  /* 12 sync bits, then the MPEG version, then a layer of 00: the layer
   * is what tells ADTS from an MPEG audio frame.
   */
  if (len < 7 || data[0] != 0xFF || (data[1] & 0xF6) != 0xF0)
    return FALSE;

  sampling_index = (data[2] >> 2) & 0x0F;
  if (sampling_index > 12)
    return FALSE;

  frame_length = ((guint) (data[3] & 0x03) << 11) | ((guint) data[4] << 3) | (data[5] >> 5);
  if (frame_length < 7)
    return FALSE;

  return TRUE;
}

static gboolean
is_mpeg_audio_frame (const guint8 *data,
                     gsize         len)
{
  guint version;
  guint layer;
  guint bitrate_index;
  guint sampling_index;

  if (len < 4 || data[0] != 0xFF || (data[1] & 0xE0) != 0xE0)
    return FALSE;

  version = (data[1] >> 3) & 0x03;
  layer = (data[1] >> 1) & 0x03;
  bitrate_index = data[2] >> 4;
  sampling_index = (data[2] >> 2) & 0x03;

  /* Each of these is a reserved or "bad" value; free-format bitrate is
   * legal but so rare that accepting it mostly admits noise.
   */
  if (version == 0x01 || layer == 0x00)
    return FALSE;
  if (bitrate_index == 0x00 || bitrate_index == 0x0F)
    return FALSE;
  if (sampling_index == 0x03)
    return FALSE;
  if ((data[3] & 0x03) == 0x02)
    return FALSE;

  return TRUE;
}

const char *
srv_sniff_mime_type (const guint8 *data,
                     gsize         len)
{
  const char *mime_type;

  if (data == NULL)
    return NULL;

  len = MIN (len, SRV_SNIFF_BYTES);

  if (has_prefix (data, len, 0, "\x89PNG\r\n\x1a\n", 8))
    return "image/png";
  if (has_prefix (data, len, 0, "\xff\xd8\xff", 3))
    return "image/jpeg";
  if (has_prefix (data, len, 0, "GIF87a", 6) ||
      has_prefix (data, len, 0, "GIF89a", 6))
    return "image/gif";

  if (has_prefix (data, len, 0, "RIFF", 4))
    {
      if (has_prefix (data, len, 8, "WEBP", 4))
        return "image/webp";
      if (has_prefix (data, len, 8, "WAVE", 4))
        return "audio/wav";
      return NULL;
    }

  if ((mime_type = sniff_iso_bmff (data, len)))
    return mime_type;
  if ((mime_type = sniff_ebml (data, len)))
    return mime_type;

  if (has_prefix (data, len, 0, "OggS", 4))
    return "audio/ogg";

  /* An ID3v2 tag: major versions 2 to 4 exist, 0xFF never appears there */
  if (has_prefix (data, len, 0, "ID3", 3) &&
      len >= 5 &&
      data[3] >= 2 && data[3] <= 4 &&
      data[4] != 0xFF)
    return "audio/mpeg";

  if (is_adts_header (data, len))
    return "audio/aac";
  if (is_mpeg_audio_frame (data, len))
    return "audio/mpeg";

  return NULL;
}

static const SniffType *
lookup_type (const char *mime_type)
{
  const char *end;
  gsize len;

  if (mime_type == NULL)
    return NULL;

  while (*mime_type == ' ' || *mime_type == '\t')
    mime_type++;

  end = strchr (mime_type, ';');
  if (end == NULL)
    end = mime_type + strlen (mime_type);
  while (end > mime_type && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  len = end - mime_type;

  for (guint i = 0; i < G_N_ELEMENTS (sniff_types); i++)
    {
      if (strlen (sniff_types[i].mime_type) == len &&
          g_ascii_strncasecmp (sniff_types[i].mime_type, mime_type, len) == 0)
        return &sniff_types[i];
    }

  return NULL;
}

const char *
srv_sniff_kind_for_mime (const char *mime_type)
{
  const SniffType *type = lookup_type (mime_type);

  return type != NULL ? type->kind : NULL;
}

const char *
srv_sniff_extension_for_mime (const char *mime_type)
{
  const SniffType *type = lookup_type (mime_type);

  return type != NULL ? type->extension : "bin";
}
