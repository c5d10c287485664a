/* rd-markdown-text.c
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

#define G_LOG_DOMAIN "rd-markdown-text"

#include "config.h"

#include <string.h>

#include "rd-markdown-text.h"

/* Text from md4c into Pango markup: escaped, entities decoded (md4c
 * leaves that to its caller). */

static const struct {
  const char *name;
  const char *utf8;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", "\xc2\xa0" }, { "copy", "©" }, { "reg", "®" }, { "trade", "™" },
  { "hellip", "…" }, { "mdash", "—" }, { "ndash", "–" }, { "laquo", "«" },
  { "raquo", "»" }, { "ldquo", "“" }, { "rdquo", "”" }, { "lsquo", "‘" },
  { "rsquo", "’" }, { "times", "×" }, { "divide", "÷" }, { "deg", "°" },
  { "plusmn", "±" }, { "middot", "·" }, { "bull", "•" }, { "euro", "€" },
  { "pound", "£" }, { "yen", "¥" }, { "cent", "¢" }, { "sect", "§" },
  { "para", "¶" }, { "larr", "←" }, { "rarr", "→" }, { "uarr", "↑" },
  { "darr", "↓" }, { "harr", "↔" }, { "rArr", "⇒" }, { "le", "≤" },
  { "ge", "≥" }, { "ne", "≠" }, { "infin", "∞" },
};

void
_rd_markdown_append_escaped (GString    *out,
                             const char *text,
                             gsize       size)
{
  g_autofree char *escaped = g_markup_escape_text (text, size);

  g_string_append (out, escaped);
}

/* The character an entity stands for, or the entity as written when it
 * is not one we know; md4c leaves decoding to us. */
void
_rd_markdown_append_entity (GString    *out,
                            const char *text,
                            gsize       size)
{
  if (size > 3 && text[1] == '#')
    {
      gboolean hex = text[2] == 'x' || text[2] == 'X';
      g_autofree char *digits = g_strndup (text + (hex ? 3 : 2), size - (hex ? 4 : 3));
      guint64 value = g_ascii_strtoull (digits, NULL, hex ? 16 : 10);
      gunichar c = (value == 0 || value > 0x10FFFF) ? 0xFFFD : (gunichar) value;
      char utf8[8];
      int len;

      if (!g_unichar_validate (c))
        c = 0xFFFD;
      len = g_unichar_to_utf8 (c, utf8);
      _rd_markdown_append_escaped (out, utf8, len);
      return;
    }

  if (size > 2)
    {
      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        {
          if (strlen (entities[i].name) == size - 2 &&
              memcmp (entities[i].name, text + 1, size - 2) == 0)
            {
              _rd_markdown_append_escaped (out, entities[i].utf8, -1);
              return;
            }
        }
    }

  _rd_markdown_append_escaped (out, text, size);
}

void
_rd_markdown_append_attribute (GString            *out,
                               const MD_ATTRIBUTE *attr)
{
  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      const char *text = attr->text + attr->substr_offsets[i];
      gsize size = attr->substr_offsets[i + 1] - attr->substr_offsets[i];

      if (attr->substr_types[i] == MD_TEXT_ENTITY)
        _rd_markdown_append_entity (out, text, size);
      else if (attr->substr_types[i] == MD_TEXT_NULLCHAR)
        g_string_append (out, "\xef\xbf\xbd");
      else
        _rd_markdown_append_escaped (out, text, size);
    }
}
