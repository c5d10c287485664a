/* fuzz-driver.c
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

/* The main() of a fuzz target built without libFuzzer: the regular suite
 * replays the seed corpus and every input that once crashed a target
 * (tests/fuzz/regressions/<target>/) through the very function the
 * fuzzer calls. One TAP case per directory; a crash or a sanitizer
 * report fails the test program, which is the point.
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>
#include <stdint.h>

#include "fuzz-common.h"

static guint n_case;

static void
replay_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  n_case++;
  if (dir == NULL)
    {
      /* A target with no regressions yet has no directory: nothing to replay. */
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        printf ("not ok %u - %s: %s\n", n_case, path, error->message);
      else
        printf ("ok %u - %s (none yet)\n", n_case, path);
      return;
    }

  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  /* The same order on every machine, so that a failure reproduces. */
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autofree char *data = NULL;
      gsize len;

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        continue;
      if (!g_file_get_contents (file, &data, &len, &error))
        {
          printf ("not ok %u - %s: %s\n", n_case, path, error->message);
          return;
        }
      /* Printed first: when an input crashes, the log names it. */
      printf ("# %s\n", file);
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const uint8_t *)data, len);
    }

  printf ("ok %u - %s (%u inputs)\n", n_case, path, names->len);
}

int
main (int   argc,
      char *argv[])
{
  printf ("TAP version 13\n1..%d\n", argc - 1);
  for (int i = 1; i < argc; i++)
    replay_dir (argv[i]);
  return 0;
}
