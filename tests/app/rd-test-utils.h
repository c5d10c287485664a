/* rd-test-utils.h
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

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Spins the default main context until @cond holds, failing the test
 * after @timeout_ms times RD_TEST_TIMEOUT_SCALE: the timeouts are what a
 * quiet machine needs, and a shared CI machine can be several times
 * slower. A wait that succeeds returns as soon as @cond holds. */
#define RD_TEST_TIMEOUT_SCALE 3
#define RD_TEST_WAIT_UNTIL(cond, timeout_ms)                                        \
  G_STMT_START {                                                                    \
    gint64 _deadline = g_get_monotonic_time () +                                    \
                       (gint64) (timeout_ms) * 1000 * RD_TEST_TIMEOUT_SCALE;        \
    while (!(cond))                                                                 \
      {                                                                             \
        if (g_get_monotonic_time () > _deadline)                                    \
          g_error ("Timed out after %d ms waiting for %s",                          \
                   (int) (timeout_ms) * RD_TEST_TIMEOUT_SCALE, #cond);              \
        rd_test_iterate (50);                                                       \
      }                                                                             \
  } G_STMT_END

gboolean   rd_test_init_display   (int          *argc,
                                   char       ***argv);
void       rd_test_iterate        (guint         max_ms);
void       rd_test_wait_ms        (guint         ms);
gboolean   rd_test_pid_alive      (GPid          pid);
GPid       rd_test_find_child     (GPid          parent,
                                   const char   *comm);
guint      rd_test_get_credits    (const char   *url,
                                   const char   *key,
                                   gint64       *balance);
char      *rd_test_write_script   (const char   *name,
                                   const char   *body);
GtkWidget *rd_test_find_widget    (GtkWidget    *root,
                                   GType         type);
GtkWindow *rd_test_find_toplevel  (GType         type);
GtkLabel  *rd_test_find_label     (GtkWidget    *root,
                                   const char   *text);
gboolean   rd_test_has_shortcut   (GtkWidget    *widget,
                                   const char   *trigger,
                                   const char   *action,
                                   const char   *argument);
GtkWidget *rd_test_get_content    (GtkWidget    *widget);
void       rd_test_save_screenshot (GtkWidget   *widget,
                                    const char  *path);
char      *rd_test_read_clipboard (GtkWidget    *widget);

G_END_DECLS
