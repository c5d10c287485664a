/* test-screenshots.c
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

#include "rd-application.h"
#include "rd-window.h"
#include "rd-test-utils.h"

/* Pictures of every view at a desktop size and at a phone-like width,
 * written into the build directory for people to look at. The test
 * checks that they are made at the size asked for; whether they look
 * right is for the eye. */

#define START_TIMEOUT_MS 30000

static RdApplication *app;
static char *screenshot_dir;

static const char *views[] = { "create", "jobs", "chat", "developer" };

static gboolean
has_size (GtkWidget *widget,
          int        width,
          int        height)
{
  if (gtk_widget_get_width (widget) == width && gtk_widget_get_height (widget) == height)
    return TRUE;

  g_debug ("content is %dx%d, waiting for %dx%d", gtk_widget_get_width (widget),
           gtk_widget_get_height (widget), width, height);
  return FALSE;
}

static void
save (GtkWidget  *widget,
      const char *name,
      int         width,
      int         height)
{
  g_autofree char *path = g_build_filename (screenshot_dir, name, NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  gtk_test_widget_wait_for_draw (widget);
  rd_test_save_screenshot (widget, path);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  if (width > 0)
    g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  if (height > 0)
    g_assert_cmpint (gdk_texture_get_height (texture), ==, height);
  g_test_message ("wrote %s", path);
}

static void
test_screenshots_views (gconstpointer data)
{
  const int *size = data;
  RdServerSupervisor *supervisor = rd_application_get_supervisor (app);
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;
  GtkWidget *content;
  RdWindow *window;

  gdk_monitor_get_geometry (monitor, &geometry);
  /* Room for the window and GTK's resize border around it. */
  if (geometry.width < size[0] + 40 || geometry.height < size[1] + 40)
    {
      g_autofree char *reason = g_strdup_printf ("the screen (%dx%d) is smaller than %dx%d; "
                                                 "run under xvfb-run -s \"-screen 0 1920x1200x24\"",
                                                 geometry.width, geometry.height, size[0], size[1]);
      g_test_skip (reason);
      return;
    }

  /* The real state: the local server running, its balance read. */
  rd_server_supervisor_start (supervisor);
  window = rd_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), size[0], size[1]);
  gtk_window_present (GTK_WINDOW (window));
  RD_TEST_WAIT_UNTIL (rd_window_get_balance (window) >= 0, START_TIMEOUT_MS);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* The default size counts the border GTK draws around windows when
   * there is no compositor; make the content the size asked for. */
  content = rd_test_get_content (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * size[0] - gtk_widget_get_width (content),
                               2 * size[1] - gtk_widget_get_height (content));
  RD_TEST_WAIT_UNTIL (has_size (content, size[0], size[1]), 5000);
  /* Let adaptive widgets (the view switcher title, the switcher bar)
   * settle on their layout. */
  rd_test_wait_ms (300);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%dx%d.png", views[i], size[0], size[1]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      /* Past the theme's transitions (200 ms) on the view switchers: a
       * picture of the end state, not of one half-way. (Turning
       * animations off instead makes GTK 4.8 allocate the switcher bar's
       * revealer at -1 px.) */
      rd_test_wait_ms (400);
      save (GTK_WIDGET (window), name, size[0], size[1]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  rd_server_supervisor_stop (supervisor);
}

/* The secondary windows, over the main one, at their own sizes. */
static void
test_screenshots_dialogs (void)
{
  static const struct { const char *action; const char *type; const char *name; } dialogs[] = {
    { "preferences", "RdPreferencesWindow", "preferences.png" },
    { "about", "AdwAboutWindow", "about.png" },
  };
  RdWindow *window = rd_window_new (app);
  GtkWidget *help;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      GtkWindow *dialog;

      g_action_group_activate_action (G_ACTION_GROUP (app), dialogs[i].action, NULL);
      dialog = rd_test_find_toplevel (g_type_from_name (dialogs[i].type));
      g_assert_nonnull (dialog);
      rd_test_wait_ms (300);
      save (GTK_WIDGET (dialog), dialogs[i].name, 0, 0);
      gtk_window_destroy (dialog);
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  help = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (help));
  rd_test_wait_ms (300);
  save (help, "shortcuts.png", 0, 0);
  gtk_widget_set_visible (help, FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  static const int wide[] = { 1280, 800 };
  static const int narrow[] = { 400, 800 };
  g_autoptr(GError) error = NULL;
  int status;

  if (!rd_test_init_display (&argc, &argv))
    return 0;

  /* GNOME's default window buttons (Xvfb has no settings daemon to say
   * so, and GTK's own default adds minimize and maximize). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  screenshot_dir = g_strdup (g_getenv ("RD_SCREENSHOT_DIR"));
  if (screenshot_dir == NULL)
    screenshot_dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);

  app = rd_application_new (APP_ID ".Screenshots", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/screenshots/views/1280x800", wide, test_screenshots_views);
  g_test_add_data_func ("/screenshots/views/400x800", narrow, test_screenshots_views);
  g_test_add_func ("/screenshots/dialogs", test_screenshots_dialogs);

  status = g_test_run ();
  g_clear_object (&app);
  g_free (screenshot_dir);

  return status;
}
