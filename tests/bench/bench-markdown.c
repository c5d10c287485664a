/* bench-markdown.c
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

/* How long RdMarkdownView takes to show a 20 KB answer, and to show it
 * again after one more delta, as it does many times while an answer
 * streams in:
 *
 *   ninja -C _build tests/bench/bench-markdown && _build/tests/bench/bench-markdown [KIND] [KB]
 *
 * KIND is mixed (default), text, paragraph, word, lists, code or table. It needs a display
 * (xvfb-run works). "render" is the view's own work (parse and widgets);
 * "frame" adds GTK's measuring, layout and drawing of the window. */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "rd-markdown-view-private.h"

static const char *docs[][2] = {
  { "mixed",
    "## A heading\n\nSome *text* with **strong** words, `code` and [a link](https://example.com).\n\n"
    "- one item\n- another item\n  1. nested\n\n> a quote\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n```c\nint main (void)\n{\n  return 0;\n}\n```\n\n" },
  { "text",
    "Some *text* with **strong** words, `code` and [a link](https://example.com), "
    "long enough to wrap a few times in a window of ordinary width, as answers do.\n\n" },
  { "paragraph", "One long paragraph, without any blank line, made of ordinary words. " },
  { "word", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
  { "lists", "- one item with some words\n- another item\n  1. nested item\n  2. and another\n\n" },
  { "code", "```python\ndef f (x):\n    return x * 2\n\nprint (f (21))\n```\n\n" },
  { "table", "| name | value | note |\n|---|---|---|\n| a | 1 | first |\n| b | 2 | second |\n\n" },
};

static gboolean
frame_done_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates until @widget's window has drawn a frame after this call. */
static void
wait_frame (GtkWidget *widget)
{
  gboolean done = FALSE;

  gtk_widget_add_tick_callback (widget, frame_done_cb, &done, NULL);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (widget);
}

int
main (int   argc,
      char *argv[])
{
  const char *kind = argc > 1 ? argv[1] : "mixed";
  gsize size = (argc > 2 ? g_ascii_strtoull (argv[2], NULL, 10) : 20) * 1024;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *longer = NULL;
  const char *unit = NULL;
  GtkWidget *window, *scroller, *view;
  gint64 begin;
  double frame;

  adw_init ();

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    if (g_str_equal (kind, docs[i][0]))
      unit = docs[i][1];
  if (unit == NULL)
    {
      fprintf (stderr, "Unknown kind %s\n", kind);
      return 1;
    }
  while (text->len < size)
    g_string_append (text, unit);
  g_string_append (text, "The last paragraph");

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  view = rd_markdown_view_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_frame (view);

  begin = g_get_monotonic_time ();
  rd_markdown_view_set_markdown (RD_MARKDOWN_VIEW (view), text->str);
  rd_markdown_view_render_now (RD_MARKDOWN_VIEW (view));
  wait_frame (view);
  frame = (g_get_monotonic_time () - begin) / 1000.;
  printf ("%s, %zu bytes: first render %.2f ms, frame %.1f ms\n", kind, text->len,
          _rd_markdown_view_get_last_render_usec (RD_MARKDOWN_VIEW (view)) / 1000., frame);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *next = g_strdup_printf ("%s and %u", text->str, i);

      begin = g_get_monotonic_time ();
      rd_markdown_view_set_markdown (RD_MARKDOWN_VIEW (view), next);
      rd_markdown_view_render_now (RD_MARKDOWN_VIEW (view));
      wait_frame (view);
      frame = (g_get_monotonic_time () - begin) / 1000.;
      printf ("%s, %zu bytes: re-render after a delta %.2f ms, frame %.1f ms\n", kind, strlen (next),
              _rd_markdown_view_get_last_render_usec (RD_MARKDOWN_VIEW (view)) / 1000., frame);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
