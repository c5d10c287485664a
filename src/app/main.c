/* main.c
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

#define G_LOG_DOMAIN "rivya-desktop"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-application.h"
#include "rd-util.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RdApplication) app = NULL;

  /* From the build tree, the catalogs compiled there. */
  rd_util_init_i18n ();

  /* Run from the build tree, the app reads the schema compiled there. */
  if (rd_util_running_uninstalled ())
    g_setenv ("GSETTINGS_SCHEMA_DIR", RD_BUILD_SCHEMAS_DIR, FALSE);

  app = rd_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
