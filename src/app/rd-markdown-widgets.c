/* rd-markdown-widgets.c
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

#define G_LOG_DOMAIN "rd-markdown-widgets"

#include "config.h"

#include "rd-markdown-widgets.h"

/* The widgets RdMarkdownView makes of paragraphs, headings and tables. */

static gboolean
is_well_formed (const char *markup,
                gsize       len)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;

  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  return g_markup_parse_context_parse (context, "<m>", 3, NULL) &&
         g_markup_parse_context_parse (context, markup, len, NULL) &&
         g_markup_parse_context_parse (context, "</m>", 4, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

void
_rd_markdown_label_set_markup (GtkLabel      *label,
                               const GString *markup)
{
  /* Every text is escaped and md4c nests spans properly, so this never
   * fails; but a warning from GtkLabel is worse than showing the tags. */
  if (is_well_formed (markup->str, markup->len))
    gtk_label_set_markup (label, markup->str);
  else
    gtk_label_set_text (label, markup->str);
}

GtkWidget *
_rd_markdown_label_new (const GString *markup,
                        GCallback      activate_link,
                        gpointer       data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Long addresses and words wrap too, rather than widen the window. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  _rd_markdown_label_set_markup (GTK_LABEL (label), markup);
  g_signal_connect_object (label, "activate-link", activate_link, data, G_CONNECT_SWAPPED);
  return label;
}

const char *
_rd_markdown_heading_class (guint level)
{
  static const char *classes[] = { "title-1", "title-2", "title-3", "title-4" };

  return level >= 1 && level <= 4 ? classes[level - 1] : "heading";
}

static void
cell_update (GtkLabel       *label,
             RdMarkdownNode *cell)
{
  if (g_strcmp0 (gtk_label_get_label (label), cell->text->str) == 0)
    return;

  _rd_markdown_label_set_markup (label, cell->text);
  /* A table scrolls sideways, so it is measured at its cells' minimum
   * width: let them wrap no narrower than 20 characters, or each word
   * gets a line and the table grows very tall. */
  gtk_label_set_width_chars (label, MIN (g_utf8_strlen (gtk_label_get_text (label), -1), 20));
}

static GtkWidget *
cell_new (RdMarkdownNode *row,
          RdMarkdownNode *cell,
          GCallback       activate_link,
          gpointer        data)
{
  static const float xalign[] = { 0, 0, 0.5, 1 };
  GtkWidget *label = _rd_markdown_label_new (cell->text, activate_link, data);

  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label),
                             MIN (g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1), 20));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), xalign[MIN (cell->level, 3)]);
  gtk_widget_add_css_class (label, "markdown-cell");
  if (cell->header || row->header)
    gtk_widget_add_css_class (label, "markdown-header");
  return label;
}

static guint
n_columns (RdMarkdownNode *node)
{
  RdMarkdownNode *row = node->children->len ? g_ptr_array_index (node->children, 0) : NULL;

  return row ? row->children->len : 0;
}

GtkWidget *
_rd_markdown_table_new (RdMarkdownNode *node,
                        GCallback       activate_link,
                        gpointer        data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  /* However wide, a table scrolls sideways instead of widening the window. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_halign (scroller, GTK_ALIGN_START);
  gtk_widget_add_css_class (scroller, "markdown-table");
  gtk_widget_add_css_class (grid, "markdown-table-grid");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);
  g_object_set_data (G_OBJECT (scroller), "rd-markdown-grid", grid);
  g_object_set_data (G_OBJECT (scroller), "rd-markdown-columns", GUINT_TO_POINTER (n_columns (node)));

  _rd_markdown_table_update (scroller, node, activate_link, data);
  return scroller;
}

/* Makes a table made by _rd_markdown_table_new() show @node, keeping
 * the labels of the cells; FALSE if the columns changed. While a table
 * streams in, its rows are added one by one. */
gboolean
_rd_markdown_table_update (GtkWidget      *table,
                           RdMarkdownNode *node,
                           GCallback       activate_link,
                           gpointer        data)
{
  GtkGrid *grid = g_object_get_data (G_OBJECT (table), "rd-markdown-grid");
  guint columns = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (table), "rd-markdown-columns"));
  guint rows = 0;

  if (n_columns (node) != columns)
    return FALSE;

  for (guint r = 0; r < node->children->len; r++)
    {
      RdMarkdownNode *row = g_ptr_array_index (node->children, r);

      for (guint c = 0; c < row->children->len; c++)
        {
          RdMarkdownNode *cell = g_ptr_array_index (row->children, c);
          GtkWidget *label = gtk_grid_get_child_at (grid, c, r);

          if (label != NULL)
            cell_update (GTK_LABEL (label), cell);
          else
            gtk_grid_attach (grid, cell_new (row, cell, activate_link, data), c, r, 1, 1);
        }
      rows++;
    }

  /* Rows beyond the new last one. */
  while (gtk_grid_get_child_at (grid, 0, rows) != NULL)
    gtk_grid_remove_row (grid, rows);

  return TRUE;
}
