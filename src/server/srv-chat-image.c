/* srv-chat-image.c
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

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <string.h>

#include "srv-chat.h"

/* Colours are counted on a copy at most this wide or high: enough for
 * shares to the percent, and cheap for a 10 MB photo. */
#define ANALYSIS_SIDE     160
#define LEVELS_PER_CHANNEL 4
#define N_BUCKETS         (LEVELS_PER_CHANNEL * LEVELS_PER_CHANNEL * LEVELS_PER_CHANNEL)
/* A colour under this share of the picture is not "dominant". */
#define MIN_SHARE         0.03

typedef struct
{
  int  width;
  int  height;
} Prepared;

typedef struct
{
  const char *name;
  guint64     count;
  double      r, g, b;  /* sums */
} Bucket;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Prepared *prepared = user_data;
  double scale;

  prepared->width = width;
  prepared->height = height;

  scale = MIN (1.0, (double)ANALYSIS_SIDE / MAX (width, height));
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int)(width * scale)), MAX (1, (int)(height * scale)));
}

/* A name a person would use, from hue, saturation and lightness. The
 * hue ranges follow the usual colour wheel; dark oranges read as brown
 * and dark yellows as olive. */
static const char *
colour_name (double r,
             double g,
             double b)
{
  double max = MAX (r, MAX (g, b));
  double min = MIN (r, MIN (g, b));
  double l = (max + min) / 2.0;
  double chroma = max - min;
  double s, h;

  if (chroma < 1e-6)
    s = 0.0;
  else
    s = chroma / (1.0 - fabs (2.0 * l - 1.0));

  if (s < 0.18 || chroma < 0.08)
    {
      if (l < 0.12)
        return "black";
      if (l < 0.35)
        return "dark grey";
      if (l < 0.65)
        return "grey";
      if (l < 0.9)
        return "light grey";
      return "white";
    }

  if (max == r)
    h = 60.0 * fmod ((g - b) / chroma, 6.0);
  else if (max == g)
    h = 60.0 * ((b - r) / chroma + 2.0);
  else
    h = 60.0 * ((r - g) / chroma + 4.0);
  if (h < 0)
    h += 360.0;

  if (h < 11 || h >= 345)
    return l < 0.25 ? "dark red" : (l > 0.75 ? "pink" : "red");
  if (h < 40)
    return l < 0.35 ? "brown" : (l > 0.8 ? "peach" : "orange");
  if (h < 66)
    return l < 0.3 ? "olive" : (l > 0.85 ? "cream" : "yellow");
  if (h < 160)
    return l < 0.25 ? "dark green" : (l > 0.75 ? "light green" : "green");
  if (h < 195)
    return l < 0.35 ? "teal" : "cyan";
  if (h < 255)
    return l < 0.25 ? "navy" : (l > 0.75 ? "light blue" : "blue");
  if (h < 290)
    return l > 0.75 ? "lavender" : "purple";
  return l > 0.7 ? "pink" : "magenta";
}

static int
compare_buckets (gconstpointer a,
                 gconstpointer b)
{
  const Bucket *ba = a;
  const Bucket *bb = b;

  if (ba->count != bb->count)
    return ba->count < bb->count ? 1 : -1;
  /* Ties in a stable, deterministic order. */
  return g_strcmp0 (ba->name, bb->name);
}

static GdkPixbuf *
decode (SrvChatImage  *image,
        Prepared      *prepared,
        GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (image->path);
  g_autoptr(GFileInputStream) in = NULL;
  guint8 chunk[64 * 1024];
  gssize n_read;

  /* By type: the MIME database gdk-pixbuf would sniff with may be
   * missing, and the Files API already read the type from the bytes. */
  loader = gdk_pixbuf_loader_new_with_mime_type (image->mime_type, error);
  if (loader == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), prepared);

  if (!(in = g_file_read (file, NULL, error)))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }

  while ((n_read = g_input_stream_read (G_INPUT_STREAM (in), chunk, sizeof chunk, NULL, error)) > 0)
    {
      if (!gdk_pixbuf_loader_write (loader, chunk, n_read, error))
        {
          gdk_pixbuf_loader_close (loader, NULL);
          return NULL;
        }
    }
  if (n_read < 0)
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }

  if (!gdk_pixbuf_loader_close (loader, error))
    return NULL;
  if (gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE,
                           "the file holds no picture");
      return NULL;
    }
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

/* Decodes the image and finds its dominant colours: every opaque pixel
 * of a reduced copy falls into one of 64 boxes (4 levels per channel);
 * each box is named by its mean colour; boxes with the same name are
 * merged; the three largest shares are kept. Runs in a worker thread. */
void
srv_chat_image_analyse (SrvChatImage *image)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  Bucket buckets[N_BUCKETS] = { { 0 } };
  GArray *named;
  Prepared prepared = { 0 };
  const guint8 *pixels;
  int w, h, stride, channels;
  guint64 opaque = 0;
  double luma = 0.0;

  g_return_if_fail (image != NULL);

  if (!(pixbuf = decode (image, &prepared, &error)))
    {
      image->error = g_strdup (error->message);
      return;
    }

  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  stride = gdk_pixbuf_get_rowstride (pixbuf);
  channels = gdk_pixbuf_get_n_channels (pixbuf);
  pixels = gdk_pixbuf_read_pixels (pixbuf);

  image->decoded = TRUE;
  image->width = prepared.width > 0 ? prepared.width : w;
  image->height = prepared.height > 0 ? prepared.height : h;
  image->has_alpha = gdk_pixbuf_get_has_alpha (pixbuf);

  for (int y = 0; y < h; y++)
    {
      const guint8 *row = pixels + (gsize)y * stride;

      for (int x = 0; x < w; x++)
        {
          const guint8 *p = row + x * channels;
          guint index;

          if (channels == 4 && p[3] < 128)
            continue;
          index = (p[0] * LEVELS_PER_CHANNEL / 256) * LEVELS_PER_CHANNEL * LEVELS_PER_CHANNEL +
                  (p[1] * LEVELS_PER_CHANNEL / 256) * LEVELS_PER_CHANNEL +
                  (p[2] * LEVELS_PER_CHANNEL / 256);
          buckets[index].count++;
          buckets[index].r += p[0];
          buckets[index].g += p[1];
          buckets[index].b += p[2];
          luma += 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
          opaque++;
        }
    }

  if (opaque == 0)
    return;
  image->brightness = luma / opaque / 255.0;

  named = g_array_new (FALSE, TRUE, sizeof (Bucket));
  for (guint i = 0; i < N_BUCKETS; i++)
    {
      Bucket *b = &buckets[i];
      const char *name;
      guint j;

      if (b->count == 0)
        continue;
      name = colour_name (b->r / b->count / 255.0, b->g / b->count / 255.0, b->b / b->count / 255.0);
      for (j = 0; j < named->len; j++)
        {
          Bucket *n = &g_array_index (named, Bucket, j);

          if (g_str_equal (n->name, name))
            {
              n->count += b->count;
              n->r += b->r;
              n->g += b->g;
              n->b += b->b;
              break;
            }
        }
      if (j == named->len)
        {
          Bucket copy = *b;

          copy.name = name;
          g_array_append_val (named, copy);
        }
    }
  g_array_sort (named, compare_buckets);

  for (guint i = 0; i < named->len && image->n_colours < G_N_ELEMENTS (image->colours); i++)
    {
      Bucket *b = &g_array_index (named, Bucket, i);
      double share = (double)b->count / opaque;

      if (share < MIN_SHARE && image->n_colours > 0)
        break;
      g_strlcpy (image->colours[image->n_colours].name, b->name,
                 sizeof image->colours[image->n_colours].name);
      image->colours[image->n_colours].r = (guint8)lround (b->r / b->count);
      image->colours[image->n_colours].g = (guint8)lround (b->g / b->count);
      image->colours[image->n_colours].b = (guint8)lround (b->b / b->count);
      image->colours[image->n_colours].share = share;
      image->n_colours++;
    }
  g_array_unref (named);
}

/* One line of plain text, for a model that cannot see the pixels. */
char *
srv_chat_image_summary (SrvChatImage *image)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "[Attached image “%s”", image->name);
  if (!image->decoded)
    {
      g_string_append_printf (s, ", which could not be decoded: %s]", image->error);
      return g_string_free (s, FALSE);
    }
  g_string_append_printf (s, ": %d×%d pixels, %s", image->width, image->height, image->mime_type);
  for (guint i = 0; i < image->n_colours; i++)
    g_string_append_printf (s, "%s%s (%d%%)", i == 0 ? "; dominant colours " : ", ",
                            image->colours[i].name, (int)lround (image->colours[i].share * 100));
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

void
srv_chat_image_free (SrvChatImage *image)
{
  if (image == NULL)
    return;
  g_free (image->file_id);
  g_free (image->name);
  g_free (image->mime_type);
  g_free (image->path);
  g_free (image->error);
  g_free (image);
}
