/* rivya-cli-output.c
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

#include "rivya-cli-output.h"

#include <string.h>

struct _RivyaCliTable
{
  guint      n_columns;
  GPtrArray *rows;          /* of GStrv, the header first */
  gboolean  *right_aligned;
};

/* Takes @n_columns headers. */
RivyaCliTable *
rivya_cli_table_new (guint n_columns,
                     ...)
{
  RivyaCliTable *table = g_new0 (RivyaCliTable, 1);
  char **header = g_new0 (char *, n_columns + 1);
  va_list args;

  g_assert (n_columns > 0);

  va_start (args, n_columns);
  for (guint i = 0; i < n_columns; i++)
    header[i] = g_strdup (va_arg (args, const char *));
  va_end (args);

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  table->right_aligned = g_new0 (gboolean, n_columns);
  g_ptr_array_add (table->rows, header);

  return table;
}

void
rivya_cli_table_align_right (RivyaCliTable *table,
                             guint          column)
{
  g_assert (column < table->n_columns);

  table->right_aligned[column] = TRUE;
}

/* Takes one string per column; %NULL shows as “-”. */
void
rivya_cli_table_add_row (RivyaCliTable *table,
                         ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);

      row[i] = g_strdup (cell != NULL && *cell != '\0' ? cell : "-");
    }
  va_end (args);

  g_ptr_array_add (table->rows, row);
}

static gsize
display_width (const char *text)
{
  return g_utf8_validate (text, -1, NULL) ? (gsize)g_utf8_strlen (text, -1) : strlen (text);
}

void
rivya_cli_table_print (RivyaCliTable *table)
{
  g_autofree gsize *widths = g_new0 (gsize, table->n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], display_width (row[c]));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      g_string_truncate (line, 0);
      for (guint c = 0; c < table->n_columns; c++)
        {
          gsize pad = widths[c] - display_width (row[c]);
          gboolean last = c + 1 == table->n_columns;

          if (c > 0)
            g_string_append (line, "  ");
          if (table->right_aligned[c])
            g_string_append_printf (line, "%*s", (int)pad, "");
          g_string_append (line, row[c]);
          /* No trailing blanks: lines stay easy to match in scripts. */
          if (!table->right_aligned[c] && !last)
            g_string_append_printf (line, "%*s", (int)pad, "");
        }
      g_print ("%s\n", line->str);
    }
}

void
rivya_cli_table_free (RivyaCliTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->rows);
  g_free (table->right_aligned);
  g_free (table);
}

/* One “Label:  value” line, the values of consecutive fields aligned. */
void
rivya_cli_print_field (const char *label,
                       const char *format,
                       ...)
{
  g_autofree char *value = NULL;
  g_autofree char *with_colon = g_strconcat (label, ":", NULL);
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);

  g_print ("%-18s %s\n", with_colon, value);
}

void
rivya_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  g_print ("%s\n", text);
}
