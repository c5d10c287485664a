/* srv-gen-image.c
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

#include "srv-gen-image-private.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "srv-gen-util-private.h"

#define LONG_SIDE       1024
#define MAX_TILES       3
#define MAX_PROMPT      600

typedef struct
{
  const char       *name;
  guint32           sky[2];      /* background gradient, top to bottom */
  guint32           accents[4];  /* shapes, back to front */
  guint32           ink;         /* the prompt */
  guint32           panel;       /* behind the prompt */
  double            panel_alpha;
  const char       *font;
  gboolean          outlines;    /* shapes drawn as line work */
  double            desaturate;  /* how much colour a reference keeps */
  cairo_operator_t  tint_op;     /* how the palette grades a reference */
  double            tint_alpha;
} Style;

static const Style styles[] = {
  { "vivid", { 0x160f52, 0x8a0b6e }, { 0x2ec4b6, 0xff3d7f, 0xff9f1c, 0xffe066 },
    0xffffff, 0x0b0820, 0.58, "Cantarell, Noto Sans, Sans Bold",
    FALSE, 0.0, CAIRO_OPERATOR_SOFT_LIGHT, 0.70 },
  { "pastel", { 0xfde2e4, 0xc9e4f2 }, { 0xb8c0ff, 0xffc8dd, 0xa2d2ff, 0xcaffbf },
    0x3d3551, 0xffffff, 0.62, "Cantarell, Noto Sans, Sans Bold",
    FALSE, 0.45, CAIRO_OPERATOR_SCREEN, 0.45 },
  { "mono", { 0x141414, 0x5a5a5a }, { 0x8c8c8c, 0xd0d0d0, 0x3c3c3c, 0xf5f5f5 },
    0xffffff, 0x000000, 0.55, "Serif Bold",
    FALSE, 1.0, CAIRO_OPERATOR_SOFT_LIGHT, 0.50 },
  { "blueprint", { 0x0f4196, 0x082a66 }, { 0x9cc4ff, 0x5d95e8, 0xe6f0ff, 0xffffff },
    0xe6f0ff, 0x061d47, 0.70, "Monospace Bold",
    TRUE, 1.0, CAIRO_OPERATOR_HSL_COLOR, 0.90 },
  { "sunset", { 0x2b1055, 0xe0527e }, { 0x6a0572, 0xff7e5f, 0xfeb47b, 0xffd86f },
    0xfff4e0, 0x1c0a2e, 0.52, "Serif Bold",
    FALSE, 0.15, CAIRO_OPERATOR_SOFT_LIGHT, 0.80 },
};

static const Style *
style_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      if (g_strcmp0 (styles[i].name, name) == 0)
        return &styles[i];
    }

  return NULL;
}

static void
set_hex (cairo_t *cr,
         guint32  hex,
         double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((hex >> 16) & 0xff) / 255.0,
                         ((hex >> 8) & 0xff) / 255.0,
                         (hex & 0xff) / 255.0,
                         alpha);
}

static void
add_stop (cairo_pattern_t *pattern,
          double           offset,
          guint32          hex,
          double           alpha)
{
  cairo_pattern_add_color_stop_rgba (pattern, offset,
                                     ((hex >> 16) & 0xff) / 255.0,
                                     ((hex >> 8) & 0xff) / 255.0,
                                     (hex & 0xff) / 255.0,
                                     alpha);
}

guint32
_srv_gen_image_seed_for_prompt (const char *prompt)
{
  /* FNV-1a: unlike g_str_hash() its value is documented, so a prompt keeps
   * its picture across GLib versions. */
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) (prompt ? prompt : ""); *p; p++)
    hash = (hash ^ *p) * 16777619u;

  return hash & 0x7fffffff;
}

static void
paint_sky (cairo_t     *cr,
           const Style *style,
           GRand       *rand,
           double       width,
           double       height)
{
  g_autoptr(cairo_pattern_t) gradient = NULL;
  double tilt = g_rand_double_range (rand, -0.35, 0.35) * width;

  gradient = cairo_pattern_create_linear (width / 2 - tilt, 0, width / 2 + tilt, height);
  add_stop (gradient, 0, style->sky[0], 1);
  add_stop (gradient, 1, style->sky[1], 1);
  cairo_set_source (cr, gradient);
  cairo_paint (cr);
}

/* Grades the current clip towards the palette: what makes a reference
 * photo belong to the style. */
static void
grade (cairo_t     *cr,
       const Style *style,
       double       width,
       double       height)
{
  g_autoptr(cairo_pattern_t) tint = NULL;

  cairo_save (cr);

  if (style->desaturate > 0)
    {
      cairo_set_operator (cr, CAIRO_OPERATOR_HSL_SATURATION);
      cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
      cairo_paint_with_alpha (cr, style->desaturate);
    }

  tint = cairo_pattern_create_linear (0, 0, width, height);
  add_stop (tint, 0, style->sky[0], 1);
  add_stop (tint, 0.55, style->accents[1], 1);
  add_stop (tint, 1, style->sky[1], 1);
  cairo_set_operator (cr, style->tint_op);
  cairo_set_source (cr, tint);
  cairo_paint_with_alpha (cr, style->tint_alpha);

  cairo_restore (cr);
}

static void
paint_glows (cairo_t     *cr,
             const Style *style,
             GRand       *rand,
             double       width,
             double       height,
             double       strength)
{
  int count = g_rand_int_range (rand, 2, 4);

  for (int i = 0; i < count; i++)
    {
      g_autoptr(cairo_pattern_t) glow = NULL;
      double x = g_rand_double_range (rand, 0.1, 0.9) * width;
      double y = g_rand_double_range (rand, 0.05, 0.7) * height;
      double r = g_rand_double_range (rand, 0.35, 0.75) * MAX (width, height);
      guint32 color = style->accents[g_rand_int_range (rand, 0, 4)];

      glow = cairo_pattern_create_radial (x, y, 0, x, y, r);
      add_stop (glow, 0, color, 0.55 * strength);
      add_stop (glow, 1, color, 0);
      cairo_set_source (cr, glow);
      cairo_paint (cr);
    }
}

static void
paint_grid (cairo_t     *cr,
            const Style *style,
            double       width,
            double       height)
{
  double step = MIN (width, height) / 32.0;

  /* Every fourth line is a major one, as on drafting paper. */
  for (int major = 0; major < 2; major++)
    {
      for (int n = major ? 0 : 1; n * step <= MAX (width, height); n += major ? 4 : 1)
        {
          double at = floor (n * step) + 0.5;

          cairo_move_to (cr, at, 0);
          cairo_line_to (cr, at, height);
          cairo_move_to (cr, 0, at);
          cairo_line_to (cr, width, at);
        }
      set_hex (cr, style->ink, major ? 0.22 : 0.08);
      cairo_set_line_width (cr, major ? 1.5 : 1);
      cairo_stroke (cr);
    }
}

/* A closed Catmull-Rom curve through points jittered around a circle. */
static void
blob_path (cairo_t *cr,
           GRand   *rand,
           double   cx,
           double   cy,
           double   radius)
{
  double px[12] = { 0 }, py[12] = { 0 };
  int n = g_rand_int_range (rand, 7, 12);
  double phase = g_rand_double_range (rand, 0, 2 * G_PI);

  for (int i = 0; i < n; i++)
    {
      double angle = phase + 2 * G_PI * i / n;
      double r = radius * g_rand_double_range (rand, 0.68, 1.0);

      px[i] = cx + r * cos (angle);
      py[i] = cy + r * sin (angle);
    }

  cairo_new_path (cr);
  cairo_move_to (cr, px[0], py[0]);
  for (int i = 0; i < n; i++)
    {
      int p0 = (i + n - 1) % n, p1 = i, p2 = (i + 1) % n, p3 = (i + 2) % n;

      cairo_curve_to (cr,
                      px[p1] + (px[p2] - px[p0]) / 6, py[p1] + (py[p2] - py[p0]) / 6,
                      px[p2] - (px[p3] - px[p1]) / 6, py[p2] - (py[p3] - py[p1]) / 6,
                      px[p2], py[p2]);
    }
  cairo_close_path (cr);
}

static void
paint_blobs (cairo_t     *cr,
             const Style *style,
             GRand       *rand,
             double       width,
             double       height)
{
  double unit = MIN (width, height);
  double dash[] = { unit / 100, unit / 160 };
  int count = g_rand_int_range (rand, 3, 7);

  for (int i = 0; i < count; i++)
    {
      g_autoptr(cairo_pattern_t) fill = NULL;
      cairo_path_t *path;
      double cx = g_rand_double_range (rand, 0.05, 0.95) * width;
      double cy = g_rand_double_range (rand, 0.08, 0.6) * height;
      double r = g_rand_double_range (rand, 0.05, 0.22) * unit;
      guint32 a = style->accents[g_rand_int_range (rand, 0, 4)];
      guint32 b = style->accents[g_rand_int_range (rand, 0, 4)];
      double alpha = g_rand_double_range (rand, 0.55, 0.9);

      blob_path (cr, rand, cx, cy, r);
      path = cairo_copy_path (cr);
      cairo_new_path (cr);

      if (style->outlines)
        {
          cairo_append_path (cr, path);
          set_hex (cr, a, 0.85);
          cairo_set_line_width (cr, unit / 400);
          cairo_stroke (cr);
          cairo_arc (cr, cx, cy, r * 1.1, 0, 2 * G_PI);
          cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          set_hex (cr, style->ink, 0.35);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_path_destroy (path);
          continue;
        }

      /* A soft offset copy reads as a shadow and gives the layers depth. */
      cairo_save (cr);
      cairo_translate (cr, unit * 0.012, unit * 0.02);
      cairo_append_path (cr, path);
      cairo_restore (cr);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.18 * alpha);
      cairo_fill (cr);

      /* Lit from the top left, like the sun and the glows. */
      fill = cairo_pattern_create_radial (cx - r * 0.35, cy - r * 0.35, 0, cx, cy, r * 1.1);
      add_stop (fill, 0, b, alpha);
      add_stop (fill, 1, a, alpha);
      cairo_append_path (cr, path);
      cairo_path_destroy (path);
      cairo_set_source (cr, fill);
      cairo_fill (cr);
    }
}

static void
paint_sun (cairo_t     *cr,
           const Style *style,
           GRand       *rand,
           double       width,
           double       height)
{
  g_autoptr(cairo_pattern_t) halo = NULL;
  g_autoptr(cairo_pattern_t) disc = NULL;
  double unit = MIN (width, height);
  gboolean shown = g_rand_double (rand) < 0.7;
  double x = g_rand_double_range (rand, 0.15, 0.85) * width;
  double y = g_rand_double_range (rand, 0.12, 0.40) * height;
  double r = g_rand_double_range (rand, 0.07, 0.16) * unit;
  gboolean striped = g_rand_boolean (rand);

  if (!shown)
    return;

  if (style->outlines)
    {
      set_hex (cr, style->ink, 0.7);
      cairo_set_line_width (cr, unit / 500);
      for (int i = 1; i <= 3; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, x, y, r * i / 3.0, 0, 2 * G_PI);
        }
      cairo_move_to (cr, x - r * 1.4, y);
      cairo_line_to (cr, x + r * 1.4, y);
      cairo_move_to (cr, x, y - r * 1.4);
      cairo_line_to (cr, x, y + r * 1.4);
      cairo_stroke (cr);
      return;
    }

  halo = cairo_pattern_create_radial (x, y, r, x, y, r * 3.5);
  add_stop (halo, 0, style->accents[3], 0.45);
  add_stop (halo, 1, style->accents[3], 0);
  cairo_set_source (cr, halo);
  cairo_paint (cr);

  cairo_save (cr);
  if (striped)
    {
      /* Horizontal cuts through the lower half: the classic retro sun. */
      cairo_rectangle (cr, x - r, y - r, 2 * r, r * 1.1);
      for (int i = 0; i < 5; i++)
        cairo_rectangle (cr, x - r, y + r * (0.1 + i * 0.19), 2 * r, r * (0.16 - i * 0.025));
      cairo_clip (cr);
    }
  disc = cairo_pattern_create_linear (x, y - r, x, y + r);
  add_stop (disc, 0, style->accents[3], 1);
  add_stop (disc, 1, style->accents[2], 1);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source (cr, disc);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
paint_waves (cairo_t     *cr,
             const Style *style,
             GRand       *rand,
             double       width,
             double       height)
{
  double unit = MIN (width, height);
  int count = g_rand_int_range (rand, 3, 6);
  int first = g_rand_int_range (rand, 0, 4);

  for (int i = 0; i < count; i++)
    {
      g_autoptr(cairo_pattern_t) fill = NULL;
      double base = height * (0.55 + 0.35 * i / (count - 1));
      double a1 = unit * g_rand_double_range (rand, 0.015, 0.05);
      double f1 = 2 * G_PI * g_rand_double_range (rand, 0.6, 1.8) / width;
      double p1 = g_rand_double_range (rand, 0, 2 * G_PI);
      double a2 = unit * g_rand_double_range (rand, 0.004, 0.015);
      double f2 = 2 * G_PI * g_rand_double_range (rand, 2.5, 5.0) / width;
      double p2 = g_rand_double_range (rand, 0, 2 * G_PI);
      guint32 color = style->accents[(first + i) % 4];

      cairo_new_path (cr);
      for (double x = -8; x <= width + 8; x += 8)
        cairo_line_to (cr, x, base + a1 * sin (f1 * x + p1) + a2 * sin (f2 * x + p2));

      if (style->outlines)
        {
          set_hex (cr, style->ink, 0.3 + 0.5 * i / count);
          cairo_set_line_width (cr, unit / 450);
          cairo_stroke (cr);
          continue;
        }

      cairo_line_to (cr, width + 8, height + 8);
      cairo_line_to (cr, -8, height + 8);
      cairo_close_path (cr);

      /* Nearer bands sink towards the sky's dark end, for depth. */
      fill = cairo_pattern_create_linear (0, base - a1, 0, height);
      add_stop (fill, 0, color, 0.92);
      add_stop (fill, 1, style->sky[0], 0.55 + 0.4 * i / count);
      cairo_set_source (cr, fill);
      cairo_fill (cr);
    }
}

static void
paint_dots (cairo_t     *cr,
            const Style *style,
            GRand       *rand,
            double       width,
            double       height)
{
  double unit = MIN (width, height);
  int count = g_rand_int_range (rand, 20, 70);

  for (int i = 0; i < count; i++)
    {
      double x = g_rand_double_range (rand, 0, width);
      double y = g_rand_double_range (rand, 0, height * 0.6);
      gboolean bokeh = g_rand_int_range (rand, 0, 6) == 0;
      double r = unit * (bokeh ? g_rand_double_range (rand, 0.01, 0.035)
                               : g_rand_double_range (rand, 0.0015, 0.005));
      double alpha = bokeh ? 0.18 : g_rand_double_range (rand, 0.3, 0.9);

      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      set_hex (cr, style->accents[3], alpha);
      cairo_fill (cr);
    }
}

static void
paint_vignette (cairo_t     *cr,
                const Style *style,
                double       width,
                double       height)
{
  g_autoptr(cairo_pattern_t) vignette = NULL;
  double reach = MAX (width, height);

  vignette = cairo_pattern_create_radial (width / 2, height / 2, reach * 0.3,
                                          width / 2, height / 2, reach * 0.8);
  add_stop (vignette, 0, style->panel, 0);
  add_stop (vignette, 1, style->panel, 0.45);
  cairo_set_source (cr, vignette);
  cairo_paint (cr);
}

static void
paint_tiles (cairo_t     *cr,
             const Style *style,
             GRand       *rand,
             GPtrArray   *sources,
             double       width,
             double       height)
{
  double unit = MIN (width, height);
  double size = unit * 0.27;
  double border = size * 0.05;
  double margin = unit * 0.06;

  for (guint i = 1; i < sources->len && i <= MAX_TILES; i++)
    {
      double cx = width - margin - size / 2 - (i - 1) * (size + unit * 0.05);
      double cy = margin + size / 2;
      double half = size / 2 + border;

      cairo_save (cr);
      cairo_translate (cr, cx, cy);
      cairo_rotate (cr, g_rand_double_range (rand, -0.08, 0.08));

      for (int s = 3; s >= 1; s--)
        {
          cairo_rectangle (cr, -half - s * 2, -half - s * 2 + unit * 0.012,
                           2 * half + s * 4, 2 * half + s * 4);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
          cairo_fill (cr);
        }
      cairo_rectangle (cr, -half, -half, 2 * half, 2 * half);
      set_hex (cr, style->outlines ? style->ink : 0xfbfaf7, 1);
      cairo_fill (cr);

      _srv_gen_paint_cover (cr, g_ptr_array_index (sources, i), -size / 2, -size / 2, size, size);
      cairo_rectangle (cr, -size / 2, -size / 2, size, size);
      cairo_clip (cr);
      cairo_translate (cr, -size / 2, -size / 2);
      grade (cr, style, size, size);
      cairo_restore (cr);
    }
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static PangoLayout *
prompt_layout (cairo_t     *cr,
               const Style *style,
               const char  *text,
               double       max_width,
               double       max_height,
               double       unit)
{
  g_autoptr(PangoFontMap) font_map = NULL;
  g_autoptr(PangoFontDescription) desc = NULL;
  PangoContext *context;
  cairo_font_options_t *options;
  PangoLayout *layout;
  PangoRectangle logical;

  /* A font map per call: the default one belongs to one thread. No hinting,
   * so that the same prompt gives the same pixels wherever it runs. */
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_update_context (cr, context);

  layout = pango_layout_new (context);
  g_object_unref (context);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  desc = pango_font_description_from_string (style->font);

  /* Short prompts are set large, long ones shrink until they fit. */
  for (double size = unit * 0.075; ; size *= 0.92)
    {
      pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
      pango_layout_set_font_description (layout, desc);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      if (logical.height <= max_height || size < unit * 0.03)
        break;
    }

  if (logical.height > max_height)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
    }

  return layout;
}

static gboolean
paint_prompt (cairo_t     *cr,
              const Style *style,
              const char  *prompt,
              double       width,
              double       height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  PangoRectangle logical;
  double unit = MIN (width, height);
  double margin = unit * 0.06;
  double pad = unit * 0.04;
  double bar = unit * 0.03;
  double panel_w, panel_h, x, y;

  if (prompt == NULL)
    return FALSE;

  text = g_utf8_make_valid (prompt, -1);
  g_strstrip (text);
  if (*text == '\0')
    return FALSE;

  if (g_utf8_strlen (text, -1) > MAX_PROMPT)
    {
      g_autofree char *head = g_utf8_substring (text, 0, MAX_PROMPT);

      g_free (text);
      text = g_strconcat (head, "…", NULL);
    }

  layout = prompt_layout (cr, style, text, width - 2 * (margin + pad) - bar,
                          height * 0.3, unit);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  panel_w = logical.width + 2 * pad + bar;
  panel_h = logical.height + 2 * pad;
  x = margin;
  y = height - margin - panel_h;

  for (int s = 3; s >= 1; s--)
    {
      rounded_rectangle (cr, x - s, y - s + unit * 0.01, panel_w + 2 * s, panel_h + 2 * s,
                         pad * 0.6 + s);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.08);
      cairo_fill (cr);
    }
  rounded_rectangle (cr, x, y, panel_w, panel_h, pad * 0.6);
  set_hex (cr, style->panel, style->panel_alpha);
  cairo_fill (cr);

  cairo_move_to (cr, x + pad, y + pad);
  cairo_line_to (cr, x + pad, y + panel_h - pad);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, unit * 0.008);
  set_hex (cr, style->accents[1], 1);
  cairo_stroke (cr);

  cairo_move_to (cr, x + pad + bar - logical.x + unit * 0.003, y + pad - logical.y + unit * 0.004);
  set_hex (cr, style->panel, 0.8);
  pango_cairo_show_layout (cr, layout);

  cairo_move_to (cr, x + pad + bar - logical.x, y + pad - logical.y);
  set_hex (cr, style->ink, 1);
  pango_cairo_show_layout (cr, layout);

  return TRUE;
}

cairo_surface_t *
_srv_gen_image_caption (const char *style_name,
                        const char *prompt,
                        int         width,
                        int         height)
{
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  const Style *style = style_lookup (style_name);

  g_return_val_if_fail (style != NULL, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS ||
      !paint_prompt (cr, style, prompt, width, height))
    return NULL;

  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_flush (surface);

  return g_steal_pointer (&surface);
}

cairo_surface_t *
_srv_gen_image_render (const SrvGenImageSpec  *spec,
                       GCancellable           *cancellable,
                       GError                **error)
{
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  g_autoptr(GRand) rand = NULL;
  const Style *style;
  guint32 seeds[2];
  double width, height;
  gboolean photo;

  g_assert (spec != NULL);

  if (!(style = style_lookup (spec->style)))
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "There is no image style “%s”", spec->style);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, spec->width, spec->height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "Could not create a %d×%d picture: %s", spec->width, spec->height,
                   cairo_status_to_string (cairo_surface_status (surface)));
      return NULL;
    }

  cr = cairo_create (surface);
  width = spec->width;
  height = spec->height;
  photo = spec->sources != NULL && spec->sources->len > 0;

  /* The prompt joins the seed, so one seed still gives each prompt its own
   * picture, and the same pair always the same one. */
  seeds[0] = spec->seed;
  seeds[1] = _srv_gen_image_seed_for_prompt (spec->prompt);
  rand = g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));

  if (photo)
    {
      _srv_gen_paint_cover (cr, g_ptr_array_index (spec->sources, 0), 0, 0, width, height);
      grade (cr, style, width, height);
      paint_glows (cr, style, rand, width, height, 0.4);
      if (style->outlines)
        paint_grid (cr, style, width, height);
    }
  else
    {
      paint_sky (cr, style, rand, width, height);
      paint_glows (cr, style, rand, width, height, 1.0);
      if (style->outlines)
        paint_grid (cr, style, width, height);
      paint_sun (cr, style, rand, width, height);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (photo)
    {
      paint_tiles (cr, style, rand, spec->sources, width, height);
    }
  else
    {
      paint_blobs (cr, style, rand, width, height);
      paint_waves (cr, style, rand, width, height);
      paint_dots (cr, style, rand, width, height);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  paint_vignette (cr, style, width, height);
  if (spec->caption)
    paint_prompt (cr, style, spec->prompt, width, height);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The picture could not be drawn: %s",
                   cairo_status_to_string (cairo_status (cr)));
      return NULL;
    }

  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_flush (surface);

  return g_steal_pointer (&surface);
}

static GPtrArray *
load_references (GPtrArray     *references,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GPtrArray) sources = NULL;

  sources = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  for (guint i = 0; references != NULL && i < references->len; i++)
    {
      const SrvGenReference *reference = g_ptr_array_index (references, i);
      cairo_surface_t *surface;

      if (!_srv_gen_reference_is_image (reference) || sources->len > MAX_TILES)
        continue;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !(surface = _srv_gen_load_image (reference->path, reference->mime_type, error)))
        return NULL;

      g_ptr_array_add (sources, surface);
    }

  if (sources->len == 0)
    {
      g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT,
                           "Image-to-image needs at least one reference image");
      return NULL;
    }

  return g_steal_pointer (&sources);
}

gboolean
srv_gen_image_run (const SrvGenRequest  *request,
                   SrvGenOutput         *output,
                   GError              **error)
{
  static const char * const aspects[] = { "1:1", "4:3", "3:4", "16:9", "9:16", NULL };
  static const char * const formats[] = { "png", "jpeg", NULL };
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(SrvGenTempFile) temp = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  SrvGenImageSpec spec = { 0 };
  const char *aspect, *format;
  gboolean jpeg;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  aspect = _srv_gen_param_string (request->params, "aspect_ratio", "1:1");
  format = _srv_gen_param_string (request->params, "output_format", "png");
  spec.style = _srv_gen_param_string (request->params, "style", "vivid");
  spec.prompt = request->prompt;
  spec.caption = TRUE;

  if (!_srv_gen_string_in (aspect, aspects) || !_srv_gen_string_in (format, formats) ||
      style_lookup (spec.style) == NULL ||
      !srv_gen_size_for_aspect (aspect, LONG_SIDE, &spec.width, &spec.height))
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "Unsupported parameters: aspect ratio “%s”, style “%s”, format “%s”",
                   aspect, spec.style, format);
      return FALSE;
    }

  if (_srv_gen_param_has_number (request->params, "seed"))
    spec.seed = (guint32) _srv_gen_param_number (request->params, "seed", 0, 0, G_MAXINT32);
  else
    spec.seed = _srv_gen_image_seed_for_prompt (request->prompt);

  if (g_strcmp0 (request->mode, "image-to-image") == 0)
    {
      if (!(sources = load_references (request->references, request->cancellable, error)))
        return FALSE;
      spec.sources = sources;
    }
  else if (g_strcmp0 (request->mode, "text-to-image") != 0)
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The local image model cannot do “%s”", request->mode);
      return FALSE;
    }

  if (!(surface = _srv_gen_image_render (&spec, request->cancellable, error)) ||
      !(temp = _srv_gen_temp_file_new (request->output_dir, error)))
    return FALSE;

  jpeg = g_str_equal (format, "jpeg");
  if (!_srv_gen_save_image (surface, temp, jpeg, error) ||
      g_cancellable_set_error_if_cancelled (request->cancellable, error) ||
      !_srv_gen_temp_file_commit (&temp, request->output_dir, "image", jpeg ? "jpg" : "png",
                                  &output->path, error))
    return FALSE;

  output->mime_type = g_strdup (jpeg ? "image/jpeg" : "image/png");
  output->extension = g_strdup (jpeg ? "jpg" : "png");
  output->width = spec.width;
  output->height = spec.height;
  output->duration_seconds = 0;

  return TRUE;
}
