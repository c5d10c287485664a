/* test-window.c
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

#include <signal.h>

#include "rd-application.h"
#include "rd-preferences-window.h"
#include "rd-util.h"
#include "rd-window.h"
#include "rd-window-private.h"
#include "rd-test-utils.h"

#define START_TIMEOUT_MS 30000

static RdApplication *app;

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

static void
destroy_and_finalize (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_new_destroy (void)
{
  RdWindow *window = g_object_new (RD_TYPE_WINDOW, NULL);

  g_assert_true (RD_IS_WINDOW (window));
  destroy_and_finalize (window);
}

/* Shown and drawn, with the application and its (stopped) supervisor. */
static void
test_window_new_destroy_presented (void)
{
  RdWindow *window = rd_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  destroy_and_finalize (window);
}

static void
test_window_views (void)
{
  static const char *views[] = { "jobs", "chat", "developer", "create" };
  RdWindow *window;
  g_autofree char *view = NULL;
  guint notified = 0;

  reset_settings ();
  window = g_object_new (RD_TYPE_WINDOW, NULL);
  g_assert_cmpstr (rd_window_get_visible_view (window), ==, "create");
  g_signal_connect (window, "notify::visible-view", G_CALLBACK (notify_count_cb), &notified);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]));
      g_clear_pointer (&view, g_free);
      g_object_get (window, "visible-view", &view, NULL);
      g_assert_cmpstr (view, ==, views[i]);
      g_assert_cmpuint (notified, ==, i + 1);
    }

  /* The same view again: nothing changes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "create");
  g_assert_cmpuint (notified, ==, 4);

  g_test_expect_message ("rd-window", G_LOG_LEVEL_WARNING, "No view called*");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "settings");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (rd_window_get_visible_view (window), ==, "create");

  destroy_and_finalize (window);
}

/* Every window action has a key; the app's have accelerators. */
static void
test_window_keyboard (void)
{
  static const struct { const char *trigger, *view; } views[] = {
    { "<Alt>1", "'create'" }, { "<Alt>2", "'jobs'" }, { "<Alt>3", "'chat'" }, { "<Alt>4", "'developer'" },
  };
  static const struct { const char *action, *accel; } accels[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "app.shortcuts", "<Control>question" },
    { "window.close", "<Control>w" },
  };
  RdWindow *window = rd_window_new (app);
  GtkWidget *menu_button;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_true (rd_test_has_shortcut (GTK_WIDGET (window), views[i].trigger, "win.show-view", views[i].view));
  g_assert_true (rd_test_has_shortcut (GTK_WIDGET (window), "F5", "win.refresh", NULL));
  g_assert_true (rd_test_has_shortcut (GTK_WIDGET (window), "<Control>r", "win.refresh", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (GTK_APPLICATION (app), accels[i].action);

      g_assert_cmpstr (set[0], ==, accels[i].accel);
    }

  /* The primary menu is reachable with F10, and has a tooltip and an
   * accessible label (not readable back in GTK 4.8). */
  menu_button = rd_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");

  destroy_and_finalize (window);
}

/* Size, maximized state and view come back from GSettings and go back
 * there when the window closes. */
static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  g_autofree char *view = NULL;
  RdWindow *window;
  int width, height;

  reset_settings ();
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  g_settings_set_string (settings, "selected-view", "chat");

  window = g_object_new (RD_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_cmpstr (rd_window_get_visible_view (window), ==, "chat");

  /* gtk_window_close() only closes a realized window. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "jobs");
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  view = g_settings_get_string (settings, "selected-view");
  g_assert_cmpstr (view, ==, "jobs");
  reset_settings ();
}

static gboolean
status_has_prefix (RdWindow   *window,
                   const char *prefix)
{
  return g_str_has_prefix (rd_window_get_connection_status (window), prefix);
}

/* The window follows the real server: status, balance, and a toast
 * when the server had to be restarted. */
static void
test_window_connection (void)
{
  g_autoptr(RdServerSupervisor) supervisor = rd_server_supervisor_new (NULL);
  g_autofree char *status = NULL;
  g_autofree char *first_status = NULL;
  RdWindow *window;

  window = g_object_new (RD_TYPE_WINDOW, "supervisor", supervisor, NULL);
  g_assert_cmpstr (rd_window_get_connection_status (window), ==,
                   "Not connected: the local server is not running.");
  g_assert_cmpint (rd_window_get_balance (window), ==, -1);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "Not connected"));
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "Local server"));
  gtk_window_present (GTK_WINDOW (window));

  rd_server_supervisor_start (supervisor);
  g_assert_cmpstr (rd_window_get_connection_status (window), ==, "Starting the local server…");
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "Connecting…"));

  RD_TEST_WAIT_UNTIL (status_has_prefix (window, "Connected to the local server at http://127.0.0.1:"),
                      START_TIMEOUT_MS);
  status = g_strdup_printf ("Connected to the local server at %s",
                            rd_server_supervisor_get_url (supervisor));
  g_assert_cmpstr (rd_window_get_connection_status (window), ==, status);
  /* Every page says so. */
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), status));

  RD_TEST_WAIT_UNTIL (rd_window_get_balance (window) >= 0, START_TIMEOUT_MS);
  g_assert_cmpint (rd_window_get_balance (window), ==, 1000);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "1000 credits"));
  g_assert_null (_rd_window_get_last_toast (window));

  first_status = g_strdup (rd_window_get_connection_status (window));
  g_assert_cmpint (kill (rd_server_supervisor_get_pid (supervisor), SIGKILL), ==, 0);
  RD_TEST_WAIT_UNTIL (_rd_window_get_last_toast (window) != NULL, START_TIMEOUT_MS);
  g_assert_cmpstr (_rd_window_get_last_toast (window), ==,
                   "The local server stopped unexpectedly and was restarted");
  g_assert_true (status_has_prefix (window, "Connected to the local server at http://127.0.0.1:"));
  RD_TEST_WAIT_UNTIL (rd_window_get_balance (window) == 1000, START_TIMEOUT_MS);

  rd_server_supervisor_stop (supervisor);
  g_assert_cmpstr (rd_window_get_connection_status (window), ==,
                   "Not connected: the local server is not running.");
  g_assert_cmpint (rd_window_get_balance (window), ==, -1);

  destroy_and_finalize (window);
}

/* A server that cannot start: the window says why, offers to retry. */
static void
test_window_server_failed (void)
{
  g_autoptr(RdServerSupervisor) supervisor = g_object_new (RD_TYPE_SERVER_SUPERVISOR,
                                                           "program", "/nonexistent/rivya-server",
                                                           NULL);
  RdWindow *window = g_object_new (RD_TYPE_WINDOW, "supervisor", supervisor, NULL);

  rd_server_supervisor_start (supervisor);
  g_assert_true (status_has_prefix (window, "Not connected. Could not start rivya-server"));
  g_assert_cmpstr (_rd_window_get_last_toast (window), ==,
                   rd_server_supervisor_get_error_message (supervisor));
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "Not connected"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_cmpint (rd_server_supervisor_get_state (supervisor), ==, RD_SERVER_STATE_FAILED);

  destroy_and_finalize (window);
}

/* app.about, app.preferences and app.shortcuts open their windows over
 * the main window. */
static void
test_app_actions (void)
{
  g_autoptr(GSettings) settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  g_autofree char *downloads = NULL;
  RdWindow *window = rd_window_new (app);
  GtkWindow *about, *preferences, *help;
  GtkWidget *notifications;

  reset_settings ();
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = rd_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_release_notes_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about)), "<p>"));
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)), "Local server: stopped"));
  destroy_and_finalize (about);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = rd_test_find_toplevel (RD_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  notifications = rd_test_find_widget (GTK_WIDGET (preferences), GTK_TYPE_SWITCH);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (notifications)));
  g_settings_set_boolean (settings, "notifications", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (notifications)));
  gtk_switch_set_active (GTK_SWITCH (notifications), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "notifications"));
  g_settings_set_string (settings, "downloads-folder", "/srv/results");
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (preferences), "/srv/results"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preferences), "prefs.reset-downloads-folder", NULL));
  downloads = g_settings_get_string (settings, "downloads-folder");
  g_assert_cmpstr (downloads, ==, "");
  destroy_and_finalize (preferences);

  help = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (help);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (help)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (help)));
  gtk_widget_set_visible (GTK_WIDGET (help), FALSE);

  destroy_and_finalize (window);
  reset_settings ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!rd_test_init_display (&argc, &argv))
    return 0;

  app = rd_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/new-destroy", test_window_new_destroy);
  g_test_add_func ("/window/new-destroy-presented", test_window_new_destroy_presented);
  g_test_add_func ("/window/views", test_window_views);
  g_test_add_func ("/window/keyboard", test_window_keyboard);
  g_test_add_func ("/window/state", test_window_state);
  g_test_add_func ("/window/connection", test_window_connection);
  g_test_add_func ("/window/server-failed", test_window_server_failed);
  g_test_add_func ("/app/actions", test_app_actions);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
