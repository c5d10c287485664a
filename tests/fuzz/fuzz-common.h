/* fuzz-common.h
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

#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

G_BEGIN_DECLS

/* What libFuzzer calls, and the replay driver too. */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Inputs made of several fields take them one line at a time: the next
 * line (without its '\n') is returned NUL-terminated, and *data, *size
 * move past it. When no '\n' is left, the rest is the line. */
static inline char *
fuzz_take_line (const uint8_t **data,
                size_t         *size)
{
  const uint8_t *nl = memchr (*data, '\n', *size);
  size_t len = nl ? (size_t)(nl - *data) : *size;
  char *line = g_strndup ((const char *)*data, len);

  *data += nl ? len + 1 : len;
  *size -= nl ? len + 1 : len;
  return line;
}

G_END_DECLS
