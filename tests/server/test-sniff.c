/* test-sniff.c
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

/* The first bytes of files GStreamer and ImageMagick wrote */
static const guint8 png_header[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
  0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10,
  0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0xf3, 0xff
};
static const guint8 jpeg_header[] = {
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
  0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43,
  0x00, 0x05, 0x03, 0x04, 0x04, 0x04, 0x03, 0x05
};
static const guint8 webp_header[] = {
  0x52, 0x49, 0x46, 0x46, 0x18, 0x01, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50,
  0x56, 0x50, 0x38, 0x20, 0x0c, 0x01, 0x00, 0x00, 0x10, 0x06, 0x00, 0x9d,
  0x01, 0x2a, 0x10, 0x00, 0x10, 0x00, 0x00, 0x18
};
static const guint8 gif_header[] = {
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x04, 0x00, 0x04, 0x00, 0xf0, 0x00,
  0x00, 0xff, 0x00, 0x00, 0x00, 0x00, 0x00, 0x21, 0xf9, 0x04, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00
};
static const guint8 gif87_header[] = {
  'G', 'I', 'F', '8', '7', 'a', 0x04, 0x00, 0x04, 0x00, 0x80, 0x00
};
static const guint8 mp4_header[] = {
  0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32,
  0x00, 0x00, 0x00, 0x00, 0x6d, 0x70, 0x34, 0x32, 0x6d, 0x70, 0x34, 0x31,
  0x69, 0x73, 0x6f, 0x6d, 0x69, 0x73, 0x6f, 0x32
};
static const guint8 mov_header[] = {
  0x00, 0x00, 0x00, 0x14, 0x66, 0x74, 0x79, 0x70, 0x71, 0x74, 0x20, 0x20,
  0x20, 0x05, 0x03, 0x00, 0x71, 0x74, 0x20, 0x20, 0x00, 0x00, 0x00, 0x08,
  0x66, 0x72, 0x65, 0x65, 0x00, 0x00, 0x23, 0x0a
};
static const guint8 m4a_header[] = {
  0x00, 0x00, 0x00, 0x1c, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ',
  0x00, 0x00, 0x00, 0x00, 'M', '4', 'A', ' ', 'm', 'p', '4', '2',
  'i', 's', 'o', 'm', 0x00, 0x00, 0x00, 0x08
};
static const guint8 webm_header[] = {
  0x1a, 0x45, 0xdf, 0xa3, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10,
  0x42, 0x82, 0x85, 0x77, 0x65, 0x62, 0x6d, 0x00, 0x42, 0x87, 0x81, 0x02,
  0x42, 0x85, 0x81, 0x02, 0x18, 0x53, 0x80, 0x67
};
static const guint8 mkv_header[] = {
  0x1a, 0x45, 0xdf, 0xa3, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x14,
  0x42, 0x82, 0x89, 0x6d, 0x61, 0x74, 0x72, 0x6f, 0x73, 0x6b, 0x61, 0x00,
  0x42, 0x87, 0x81, 0x02, 0x42, 0x85, 0x81, 0x02
};
static const guint8 ogg_header[] = {
  0x4f, 0x67, 0x67, 0x53, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x91, 0xb9, 0x56, 0x20, 0x00, 0x00, 0x00, 0x00, 0xd6, 0xfc,
  0x26, 0x3f, 0x01, 0x1e, 0x01, 0x76, 0x6f, 0x72
};
static const guint8 wav_header[] = {
  0x52, 0x49, 0x46, 0x46, 0x30, 0x50, 0x00, 0x00, 0x57, 0x41, 0x56, 0x45,
  0x66, 0x6d, 0x74, 0x20, 0x10, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
  0x44, 0xac, 0x00, 0x00, 0x88, 0x58, 0x01, 0x00
};
/* MPEG-1 layer III, 44.1 kHz */
static const guint8 mp3_header[] = {
  0xff, 0xfb, 0xc0, 0xc4, 0x00, 0x00, 0x0d, 0xa0, 0x25, 0x56, 0x74, 0xf0,
  0x00, 0x2a, 0x49, 0x21, 0x2b, 0x3f, 0x3d, 0x10, 0x80, 0x05, 0x35, 0x25,
  0xdc, 0x1c, 0xe1, 0x23, 0x10, 0xf3, 0x8c, 0xdc
};
/* MPEG-2 layer III, 16 kHz */
static const guint8 mp3_mpeg2_header[] = {
  0xff, 0xf3, 0x98, 0xc4, 0x00, 0x24, 0x98, 0x8e, 0xac, 0x1f, 0x4f, 0x18,
  0x01, 0x05, 0x39, 0x76, 0xfd, 0x0f, 0x43, 0xd0, 0xf4, 0x3d, 0x0f, 0x43
};
static const guint8 id3_header[] = {
  0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
};
/* MPEG-4 ADTS, AAC LC, 44.1 kHz */
static const guint8 aac_header[] = {
  0xff, 0xf1, 0x52, 0x70, 0x2f, 0x5f, 0xfc, 0x01, 0x48, 0x40, 0x06, 0xff,
  0xf0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
};
/* MPEG-2 ADTS, AAC LC, 44.1 kHz */
static const guint8 aac_mpeg2_header[] = {
  0xff, 0xf9, 0x50, 0x80, 0x2e, 0x7f, 0xfc, 0x21, 0x00, 0x03, 0x40, 0x68
};

typedef struct
{
  const char   *what;
  const guint8 *data;
  gsize         len;
  const char   *mime_type;
  gsize         min_len;   /* shorter prefixes must give NULL */
} Sample;

#define SAMPLE(what, array, mime, min) { what, array, sizeof array, mime, min }

static const Sample samples[] = {
  SAMPLE ("png", png_header, "image/png", 8),
  SAMPLE ("jpeg", jpeg_header, "image/jpeg", 3),
  SAMPLE ("webp", webp_header, "image/webp", 12),
  SAMPLE ("gif89a", gif_header, "image/gif", 6),
  SAMPLE ("gif87a", gif87_header, "image/gif", 6),
  SAMPLE ("mp4", mp4_header, "video/mp4", 12),
  SAMPLE ("quicktime", mov_header, "video/quicktime", 12),
  SAMPLE ("m4a", m4a_header, "audio/mp4", 12),
  SAMPLE ("webm", webm_header, "video/webm", 4),
  SAMPLE ("ogg", ogg_header, "audio/ogg", 4),
  SAMPLE ("wav", wav_header, "audio/wav", 12),
  SAMPLE ("mp3", mp3_header, "audio/mpeg", 4),
  SAMPLE ("mp3-mpeg2", mp3_mpeg2_header, "audio/mpeg", 4),
  SAMPLE ("id3", id3_header, "audio/mpeg", 5),
  SAMPLE ("aac", aac_header, "audio/aac", 7),
  SAMPLE ("aac-mpeg2", aac_mpeg2_header, "audio/aac", 7),
};

/* Sniffs a heap copy of exactly len bytes, so that a sanitizer or
 * valgrind catches any read past the end.
 */
static const char *
sniff (const guint8 *data,
       gsize         len)
{
  g_autofree guint8 *copy = g_memdup2 (data, len);

  return srv_sniff_mime_type (copy, len);
}

static void
test_sniff_samples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];

      g_test_message ("%s", sample->what);
      g_assert_cmpstr (sniff (sample->data, sample->len), ==, sample->mime_type);
    }
}

static void
test_sniff_short (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      const Sample *sample = &samples[i];

      for (gsize len = 0; len <= sample->len; len++)
        {
          const char *expected = len < sample->min_len ? NULL : sample->mime_type;

          g_test_message ("%s, %" G_GSIZE_FORMAT " bytes", sample->what, len);
          g_assert_cmpstr (sniff (sample->data, len), ==, expected);
        }
    }

  g_assert_null (srv_sniff_mime_type (NULL, 0));
  g_assert_null (srv_sniff_mime_type (png_header, 0));
}

static void
test_sniff_matroska (void)
{
  /* Past the EBML magic a file is WebM until its DocType says otherwise;
   * the DocType "matroska\0" ends at byte 24.
   */
  for (gsize len = 4; len < 24; len++)
    g_assert_cmpstr (sniff (mkv_header, len), ==, "video/webm");
  for (gsize len = 24; len <= sizeof mkv_header; len++)
    g_assert_cmpstr (sniff (mkv_header, len), ==, "video/x-matroska");

  g_assert_null (srv_sniff_kind_for_mime ("video/x-matroska"));
  g_assert_cmpstr (srv_sniff_extension_for_mime ("video/x-matroska"), ==, "mkv");
}

static void
test_sniff_ebml_limits (void)
{
  guint8 data[100] = { 0x1a, 0x45, 0xdf, 0xa3, 0x80 | 0x70, 0xec, 0x80 | 20, 0 };
  static const guint8 doctype[] = { 0x42, 0x82, 0x88, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a' };
  static const guint8 short_header[] = {
    0x1a, 0x45, 0xdf, 0xa3, 0x83, 0xec, 0x81, 0x00,
    0x42, 0x82, 0x88, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a'
  };
  static const guint8 long_id[] = {
    0x1a, 0x45, 0xdf, 0xa3, 0x94, 0x08, 0x01, 0x02, 0x03, 0x04, 0x81, 0x00,
    0x42, 0x82, 0x88, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a'
  };
  static const guint8 other_doctype[] = {
    0x1a, 0x45, 0xdf, 0xa3, 0x8c, 0x42, 0x82, 0x89, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a', '2'
  };
  static const guint8 bad_vint[] = { 0x1a, 0x45, 0xdf, 0xa3, 0x00, 0x42, 0x82 };
  static const guint8 huge_size[] = {
    0x1a, 0x45, 0xdf, 0xa3, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x42, 0x82, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 'm', 'a'
  };

  /* A DocType behind a 20-byte Void element is found... */
  memcpy (data + 7 + 20, doctype, sizeof doctype);
  g_assert_cmpstr (sniff (data, sizeof data), ==, "video/x-matroska");

  /* ...but not once it lies past SRV_SNIFF_BYTES */
  memset (data, 0, sizeof data);
  memcpy (data, (guint8[]) { 0x1a, 0x45, 0xdf, 0xa3, 0x80 | 0x70, 0xec, 0x80 | 60 }, 7);
  memcpy (data + 7 + 60, doctype, sizeof doctype);
  g_assert_cmpuint (7 + 60, >, SRV_SNIFF_BYTES);
  g_assert_cmpstr (sniff (data, sizeof data), ==, "video/webm");

  /* A DocType outside the one-byte EBML header does not count */
  g_assert_cmpstr (sniff (short_header, sizeof short_header), ==, "video/webm");
  /* Element IDs are at most four bytes long */
  g_assert_cmpstr (sniff (long_id, sizeof long_id), ==, "video/webm");
  /* Only the exact DocType counts */
  g_assert_cmpstr (sniff (other_doctype, sizeof other_doctype), ==, "video/webm");
  g_assert_cmpstr (sniff (other_doctype, sizeof other_doctype - 1), ==, "video/webm");
  g_assert_cmpstr (sniff (bad_vint, sizeof bad_vint), ==, "video/webm");
  g_assert_cmpstr (sniff (huge_size, sizeof huge_size), ==, "video/webm");
}

static void
test_sniff_iso_brands (void)
{
  static const struct {
    const char *brand;
    const char *mime_type;
  } brands[] = {
    { "isom", "video/mp4" },
    { "mp41", "video/mp4" },
    { "3gp4", "video/mp4" },
    { "qt  ", "video/quicktime" },
    { "M4A ", "audio/mp4" },
    { "M4B ", "audio/mp4" },
    { "F4A ", "audio/mp4" },
    { "avif", "image/avif" },
    { "heic", "image/heic" },
    { "mif1", "image/heif" },
  };
  guint8 data[24] = { 0x00, 0x00, 0x00, 0x18, 'f', 't', 'y', 'p' };

  for (guint i = 0; i < G_N_ELEMENTS (brands); i++)
    {
      memcpy (data + 8, brands[i].brand, 4);
      memcpy (data + 16, "isomiso2", 8);
      g_assert_cmpstr (sniff (data, sizeof data), ==, brands[i].mime_type);
    }

  /* AVIF often hides behind the generic HEIF brand */
  memcpy (data + 8, "mif1", 4);
  memcpy (data + 16, "miafavif", 8);
  g_assert_cmpstr (sniff (data, sizeof data), ==, "image/avif");
  /* but not when the box ends before it */
  data[3] = 0x14;
  g_assert_cmpstr (sniff (data, sizeof data), ==, "image/heif");

  g_assert_null (srv_sniff_kind_for_mime ("image/avif"));
  g_assert_null (srv_sniff_kind_for_mime ("image/heic"));
  g_assert_null (srv_sniff_kind_for_mime ("image/heif"));
}

static void
test_sniff_mpeg_audio (void)
{
  static const struct {
    guint8      bytes[7];
    const char *mime_type;
  } frames[] = {
    /* ADTS: 12 sync bits and layer 00, with and without CRC */
    { { 0xff, 0xf1, 0x50, 0x80, 0x2e, 0x7f, 0xfc }, "audio/aac" },
    { { 0xff, 0xf9, 0x50, 0x80, 0x2e, 0x7f, 0xfc }, "audio/aac" },
    { { 0xff, 0xf0, 0x50, 0x80, 0x2e, 0x7f, 0xfc }, "audio/aac" },
    { { 0xff, 0xf8, 0x50, 0x80, 0x2e, 0x7f, 0xfc }, "audio/aac" },
    /* ADTS with a reserved sampling rate, or a frame shorter than its header */
    { { 0xff, 0xf1, 0x74, 0x80, 0x2e, 0x7f, 0xfc }, NULL },
    { { 0xff, 0xf1, 0x7c, 0x80, 0x2e, 0x7f, 0xfc }, NULL },
    { { 0xff, 0xf1, 0x50, 0x80, 0x00, 0x1f, 0xfc }, NULL },
    { { 0xff, 0xf1, 0x50, 0x80, 0x00, 0xdf, 0xfc }, NULL },
    { { 0xff, 0xf1, 0x50, 0x80, 0x00, 0xff, 0xfc }, "audio/aac" },
    /* MPEG audio: layers III, II and I of MPEG-1, layer III of MPEG-2.5 */
    { { 0xff, 0xfb, 0x90, 0x64, 0x00, 0x00, 0x00 }, "audio/mpeg" },
    { { 0xff, 0xfd, 0x90, 0x64, 0x00, 0x00, 0x00 }, "audio/mpeg" },
    { { 0xff, 0xff, 0x90, 0x64, 0x00, 0x00, 0x00 }, "audio/mpeg" },
    { { 0xff, 0xe3, 0x40, 0xc4, 0x00, 0x00, 0x00 }, "audio/mpeg" },
    /* reserved version, free and bad bitrates, reserved rate and emphasis */
    { { 0xff, 0xeb, 0x90, 0x64, 0x00, 0x00, 0x00 }, NULL },
    { { 0xff, 0xfb, 0x00, 0x64, 0x00, 0x00, 0x00 }, NULL },
    { { 0xff, 0xfb, 0xf0, 0x64, 0x00, 0x00, 0x00 }, NULL },
    { { 0xff, 0xfb, 0x9c, 0x64, 0x00, 0x00, 0x00 }, NULL },
    { { 0xff, 0xfb, 0x90, 0x66, 0x00, 0x00, 0x00 }, NULL },
    /* eleven sync bits are not enough for ADTS, nor ten for anything */
    { { 0xff, 0xe1, 0x50, 0x80, 0x2e, 0x7f, 0xfc }, NULL },
    { { 0xff, 0xdb, 0x90, 0x64, 0x00, 0x00, 0x00 }, NULL },
  };
  static const guint8 bad_id3[][5] = {
    { 'I', 'D', '3', 0x05, 0x00 },
    { 'I', 'D', '3', 0x01, 0x00 },
    { 'I', 'D', '3', 0x03, 0xff },
  };

  for (guint i = 0; i < G_N_ELEMENTS (frames); i++)
    {
      g_test_message ("frame %u", i);
      g_assert_cmpstr (sniff (frames[i].bytes, 7), ==, frames[i].mime_type);
    }

  /* An ADTS header needs its seven bytes; a shorter one is no MP3 either */
  g_assert_null (sniff (frames[0].bytes, 6));
  g_assert_null (sniff (frames[0].bytes, 4));

  for (guint i = 0; i < G_N_ELEMENTS (bad_id3); i++)
    g_assert_null (sniff (bad_id3[i], 5));
  g_assert_cmpstr (sniff ((const guint8 *) "ID3\x03\x00", 5), ==, "audio/mpeg");
  g_assert_cmpstr (sniff ((const guint8 *) "ID3\x02\x00", 5), ==, "audio/mpeg");
}

#define TEXT(s) { s, sizeof s - 1 }

static void
test_sniff_not_media (void)
{
  static const struct {
    const char *data;
    gsize       len;
  } texts[] = {
    TEXT ("<!DOCTYPE html><html><body>"),
    TEXT ("<svg xmlns=\"http://www.w3.org/2000/svg\">"),
    TEXT ("%PDF-1.7\n"),
    TEXT ("PK\x03\x04\x14\x00\x00\x00"),
    TEXT ("#!/bin/sh\nrm -rf /\n"),
    TEXT ("{\"prompt\": \"a cat\"}"),
    TEXT ("RIFF\x24\x00\x00\x00" "AVI LIST"),
    TEXT ("RIFF\x24\x00\x00\x00" "WEB"),
    TEXT ("OggT"),
    TEXT ("GIF88a"),
    TEXT ("\x89PNG\r\n\x1a\r"),
    TEXT ("\xff\xd8\xfe\xe0"),
    TEXT ("\x1a\x45\xdf\xa2"),
    TEXT ("\x00\x00\x00\x18" "ftip" "isom"),
    TEXT ("\x00\x00\x00\x18" "ftyp" "is"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_test_message ("%u", i);
      g_assert_null (sniff ((const guint8 *) texts[i].data, texts[i].len));
    }
}

static gboolean
may_start_media (const guint8 *data)
{
  return data[0] == 0x89 || data[0] == 0xff || data[0] == 0x1a ||
         data[0] == 'G' || data[0] == 'R' || data[0] == 'O' || data[0] == 'I' ||
         memcmp (data + 4, "ftyp", 4) == 0;
}

static void
test_sniff_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint8 data[SRV_SNIFF_BYTES * 2];
  guint n_checked = 0;

  for (guint i = 0; i < 20000; i++)
    {
      gsize len = g_rand_int_range (rand, 0, sizeof data + 1);
      const char *mime_type;

      for (gsize j = 0; j < sizeof data; j++)
        data[j] = (guint8) g_rand_int_range (rand, 0, 256);

      mime_type = sniff (data, len);
      if (len >= 8 && !may_start_media (data))
        {
          g_assert_null (mime_type);
          n_checked++;
        }
      else if (mime_type != NULL)
        {
          /* Whatever matched must be a type the tables know */
          g_assert_cmpstr (srv_sniff_extension_for_mime (mime_type), !=, "bin");
        }
    }

  g_assert_cmpuint (n_checked, >, 10000);
}

static void
test_sniff_kind (void)
{
  static const struct {
    const char *mime_type;
    const char *kind;
    const char *extension;
  } types[] = {
    { "image/jpeg", "image", "jpg" },
    { "image/png", "image", "png" },
    { "image/webp", "image", "webp" },
    { "video/mp4", "video", "mp4" },
    { "video/quicktime", "video", "mov" },
    { "video/webm", "video", "webm" },
    { "audio/mpeg", "audio", "mp3" },
    { "audio/mp4", "audio", "m4a" },
    { "audio/wav", "audio", "wav" },
    { "audio/x-wav", "audio", "wav" },
    { "audio/aac", "audio", "aac" },
    { "audio/ogg", "audio", "ogg" },
    { "image/gif", NULL, "gif" },
    { "IMAGE/PNG", "image", "png" },
    { " audio/ogg ; codecs=opus", "audio", "ogg" },
    { "text/html", NULL, "bin" },
    { "image/svg+xml", NULL, "bin" },
    { "image/pn", NULL, "bin" },
    { "image/pngx", NULL, "bin" },
    { "image/png/", NULL, "bin" },
    { "", NULL, "bin" },
    { NULL, NULL, "bin" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_test_message ("%s", types[i].mime_type);
      g_assert_cmpstr (srv_sniff_kind_for_mime (types[i].mime_type), ==, types[i].kind);
      g_assert_cmpstr (srv_sniff_extension_for_mime (types[i].mime_type), ==, types[i].extension);
    }

  /* Every sniffed type has an extension of its own */
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_assert_cmpstr (srv_sniff_extension_for_mime (samples[i].mime_type), !=, "bin");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sniff/samples", test_sniff_samples);
  g_test_add_func ("/sniff/short", test_sniff_short);
  g_test_add_func ("/sniff/matroska", test_sniff_matroska);
  g_test_add_func ("/sniff/ebml-limits", test_sniff_ebml_limits);
  g_test_add_func ("/sniff/iso-brands", test_sniff_iso_brands);
  g_test_add_func ("/sniff/mpeg-audio", test_sniff_mpeg_audio);
  g_test_add_func ("/sniff/not-media", test_sniff_not_media);
  g_test_add_func ("/sniff/random", test_sniff_random);
  g_test_add_func ("/sniff/kind", test_sniff_kind);

  return g_test_run ();
}
