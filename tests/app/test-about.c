/* test-about.c
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

#include "rd-about.h"

static void
test_release_notes_parse (void)
{
  static const char metainfo[] =
    "<component><releases>"
    "<release version=\"2.0\" date=\"2026-12-01\"><description>"
    "<p>New &amp; <em>better</em>:</p><p xml:lang=\"de\">Neu</p>"
    "<ul><li>One</li><li xml:lang=\"de\">Eins</li><li>Two</li></ul>"
    "</description></release>"
    "<release version=\"1.0\"><description><p>Old</p></description></release>"
    "</releases></component>";
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;

  notes = rd_about_parse_release_notes (metainfo, -1, &version);
  g_assert_cmpstr (version, ==, "2.0");
  g_assert_cmpstr (notes, ==, "<p>New &amp; <em>better</em>:</p><ul><li>One</li><li>Two</li></ul>");
}

static void
test_release_notes_none (void)
{
  g_autofree char *version = NULL;

  g_assert_null (rd_about_parse_release_notes ("<component/>", -1, &version));
  g_assert_null (version);
  g_assert_null (rd_about_parse_release_notes ("<component><releases>", -1, &version));
  g_assert_null (rd_about_parse_release_notes ("not xml at all <", -1, &version));
}

/* The metainfo the resources bundle describes this very version. */
static void
test_release_notes_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *version = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_resources_lookup_data ("/io/github/rivyadesktop/RivyaDesktop/metainfo.xml",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  notes = rd_about_parse_release_notes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        &version);
  g_assert_nonnull (notes);
  g_assert_cmpstr (version, ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (notes, "<p>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/about/release-notes/parse", test_release_notes_parse);
  g_test_add_func ("/about/release-notes/none", test_release_notes_none);
  g_test_add_func ("/about/release-notes/bundled", test_release_notes_bundled);

  return g_test_run ();
}
