/* rd-util.c
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

#define G_LOG_DOMAIN "rd-util"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-util.h"

/*
 * rd_util_running_uninstalled:
 *
 * Whether the running program is one built in this build tree (the app
 * or a test), as opposed to an installed copy. Only then may the app use
 * the server and schemas of the build tree: an installed app must never
 * pick up a stale developer build.
 */
gboolean
rd_util_running_uninstalled (void)
{
  static gsize once;
  static gboolean uninstalled;

  if (g_once_init_enter (&once))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
      g_autofree char *root = g_canonicalize_filename (RD_BUILD_ROOT, NULL);
      g_autofree char *prefix = g_strconcat (root, G_DIR_SEPARATOR_S, NULL);

      uninstalled = exe != NULL && g_str_has_prefix (exe, prefix);
      g_once_init_leave (&once, 1);
    }

  return uninstalled;
}

/*
 * rd_util_init_i18n:
 *
 * Binds the app's text domain: to the catalogs compiled in the build tree
 * (`<build>/po/<lang>/LC_MESSAGES`) when running uninstalled, so that a
 * developer build and the tests show this tree's translations, and to the
 * installed ones otherwise.
 */
void
rd_util_init_i18n (void)
{
  if (rd_util_running_uninstalled ())
    {
      g_autofree char *dir = g_build_filename (RD_BUILD_ROOT, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, dir);
    }
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/*
 * rd_util_follow_session:
 * @session_ptr: where the object keeps its session
 * @session: (nullable): the new session
 * @client_changed: called swapped on @instance when the client changes
 * @instance: the object following the session
 *
 * Points @session_ptr at @session and moves @client_changed from the
 * old session's #RdSession:client to the new one's, so that the panes
 * that talk to the server follow sign-ins and account switches. The
 * handler goes with @instance. It is not called here: the caller does,
 * once it has set up the rest.
 *
 * Returns: %FALSE if @session was already the one set
 */
gboolean
rd_util_follow_session (RdSession **session_ptr,
                        RdSession  *session,
                        GCallback   client_changed,
                        gpointer    instance)
{
  g_return_val_if_fail (session_ptr != NULL, FALSE);
  g_return_val_if_fail (session == NULL || RD_IS_SESSION (session), FALSE);

  if (*session_ptr == session)
    return FALSE;

  if (*session_ptr != NULL)
    g_signal_handlers_disconnect_by_func (*session_ptr, (gpointer) client_changed, instance);
  g_set_object (session_ptr, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::client", client_changed, instance,
                             G_CONNECT_SWAPPED);

  return TRUE;
}
