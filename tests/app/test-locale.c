/* test-locale.c
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

#include <glib/gi18n.h>
#include <inttypes.h>
#include <locale.h>
#include <string.h>

#include "rd-application.h"
#include "rd-create-page.h"
#include "rd-generation-form.h"
#include "rd-jobs-page.h"
#include "rd-util.h"
#include "rd-webhook-rows.h"
#include "rd-window.h"
#include "rd-test-utils.h"

/* The real window in German, with the catalogs the build compiled from
 * po/de.po: what a German-speaking person sees, and pictures of it. */

#define START_TIMEOUT_MS 30000
#define GERMAN_LOCALE "de_DE.UTF-8"

static RdApplication *app;
static char *screenshot_dir;
/* Whether the whole German locale exists (dates, numbers), and not just
 * the German messages that LANGUAGE=de gives over C.UTF-8. */
static gboolean have_german_locale;

static const char *views[] = { "create", "jobs", "chat", "developer" };

/* The first label under @root whose text, mnemonic underline removed,
 * is @text, visible or not. */
static GtkLabel *
find_text (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a label on screen under @root shows @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* The first label on screen under @root whose text matches @regex. */
static GtkLabel *
find_matching (GtkWidget *root,
               GRegex    *regex)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_regex_match (regex, gtk_label_get_text (GTK_LABEL (root)), 0, NULL))
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_matching (child, regex);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The header bar's main menu button (F10), among its menu buttons. */
static GtkMenuButton *
find_primary_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_size (GtkWidget *widget,
          int        width,
          int        height)
{
  return gtk_widget_get_width (widget) == width && gtk_widget_get_height (widget) == height;
}

static void
save (GtkWidget  *widget,
      const char *name)
{
  g_autofree char *path = g_build_filename (screenshot_dir, name, NULL);

  gtk_test_widget_wait_for_draw (widget);
  rd_test_save_screenshot (widget, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("wrote %s", path);
}

/* The catalog comes from the build tree, and gettext finds German in it. */
static void
test_locale_catalog (void)
{
  g_autofree char *build_po = g_build_filename (RD_BUILD_ROOT, "po", NULL);
  g_autofree char *mo = g_build_filename (build_po, "de", "LC_MESSAGES",
                                          GETTEXT_PACKAGE ".mo", NULL);

  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (bindtextdomain (GETTEXT_PACKAGE, NULL), ==, build_po);
  g_assert_cmpstr (textdomain (NULL), ==, GETTEXT_PACKAGE);

  g_assert_cmpstr (_("_Preferences"), ==, "_Einstellungen");
  g_assert_cmpstr (C_("shortcut window", "Quit"), ==, "Beenden");
  /* Plurals, and a message with a <inttypes.h> directive, which the
   * catalog keeps as a system-dependent string. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", 1), ==, "%d Sekunde");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", 5), ==, "%d Sekunden");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " credit", "%" PRId64 " credits", 2),
                   ==, "%" PRId64 " Credits");
}

/* Dates, times and sizes follow the locale, not an English pattern. */
static void
test_locale_formats (void)
{
  g_autofree char *when = NULL;
  g_autofree char *size = NULL;
  g_autofree char *number = NULL;

  if (!have_german_locale)
    {
      g_test_skip ("the " GERMAN_LOCALE " locale is not generated (build-aux/dev test does it)");
      return;
    }

  /* Midday UTC: the same calendar day in every time zone but the
   * farthest ones. */
  when = rd_webhook_format_time ("2026-05-11T12:00:00Z");
  g_assert_nonnull (strstr (when, "11.05.2026"));

  size = g_format_size (1500000);
  g_assert_cmpstr (size, ==, "1,5\u00a0MB");

  number = g_strdup_printf ("%'d", 1000);
  g_assert_cmpstr (number, ==, "1.000");
}

static RdWindow *
open_window (int width,
             int height)
{
  RdWindow *window = rd_window_new (app);
  GtkWidget *content;

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  RD_TEST_WAIT_UNTIL (rd_window_get_balance (window) >= 0, START_TIMEOUT_MS);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* The default size counts GTK's resize border: make the content the
   * size asked for. */
  content = rd_test_get_content (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window),
                               2 * width - gtk_widget_get_width (content),
                               2 * height - gtk_widget_get_height (content));
  RD_TEST_WAIT_UNTIL (has_size (content, width, height), 5000);
  /* Let the adaptive view switchers settle on their layout. */
  rd_test_wait_ms (300);

  return window;
}

/* The window as a person sees it: German view titles, buttons, menu
 * and prices, drawn from the compiled catalog. */
static void
test_locale_window (void)
{
  RdServerSupervisor *supervisor = rd_application_get_supervisor (app);
  g_autoptr(GRegex) credits = g_regex_new ("^[0-9.]+ Credits?$", 0, 0, NULL);
  g_autoptr(GRegex) succeeded = g_regex_new ("^Erfolgreich nach [0-9]+ Sekunden?( · [0-9]+ Credits?)?$", 0, 0, NULL);
  GtkMenuButton *menu_button;
  GtkPopover *popover;
  RdCreatePage *page;
  RdWindow *window;

  rd_server_supervisor_start (supervisor);
  window = open_window (1280, 800);

  /* The view switcher in the header bar, and the view names. */
  g_assert_true (shows_text (GTK_WIDGET (window), "Erstellen"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Aufträge"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Entwickler"));
  g_assert_null (find_text (GTK_WIDGET (window), "Jobs"));
  g_assert_null (find_text (GTK_WIDGET (window), "Developer"));

  /* The Create page: its empty state, its search, its model prices
   * (a PRId64 plural), the balance with German digit grouping. */
  page = RD_CREATE_PAGE (rd_test_find_widget (GTK_WIDGET (window), RD_TYPE_CREATE_PAGE));
  RD_TEST_WAIT_UNTIL (g_strcmp0 (rd_create_page_get_catalog_source (page), "network") == 0,
                      START_TIMEOUT_MS);
  g_assert_true (shows_text (GTK_WIDGET (page), "Ein Modell wählen"));
  RD_TEST_WAIT_UNTIL (find_matching (GTK_WIDGET (page), credits) != NULL, 5000);
  g_assert_nonnull (find_matching (rd_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR), credits));
  if (have_german_locale && rd_window_get_balance (window) >= 1000)
    {
      g_autofree char *text = g_strdup_printf ("%'" G_GINT64_FORMAT " Credits",
                                               rd_window_get_balance (window));

      g_assert_nonnull (strchr (text, '.'));
      g_assert_true (shows_text (GTK_WIDGET (window), text));
    }

  /* A button of the generation form, once a model is chosen. */
  g_assert_true (rd_create_page_select_model (page, "local-image"));
  rd_generation_form_set_prompt (rd_create_page_get_form (page),
                                 "Ein Leuchtturm auf einer Klippe in der Abenddämmerung");
  RD_TEST_WAIT_UNTIL (shows_text (GTK_WIDGET (page), "Generieren"), 5000);
  g_assert_nonnull (find_text (GTK_WIDGET (page), "Einstellungen"));
  rd_test_wait_ms (400);

  /* A real job: its row in the Jobs view says how it went, in German,
   * with the duration as a plural. */
  gtk_widget_activate_action (GTK_WIDGET (rd_create_page_get_form (page)), "form.generate", NULL);
  RD_TEST_WAIT_UNTIL (g_strcmp0 (rd_window_get_visible_view (window), "jobs") == 0, START_TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (find_matching (GTK_WIDGET (window), succeeded) != NULL, START_TIMEOUT_MS);
  rd_test_wait_ms (400);
  save (GTK_WIDGET (window), "de-jobs-done-1280x800.png");
  rd_window_set_visible_view (window, "create");
  gtk_widget_activate_action (GTK_WIDGET (page), "create.back", NULL);
  rd_test_wait_ms (400);

  /* The primary menu: Preferences is „Einstellungen“. */
  menu_button = find_primary_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (menu_button)), ==, "Hauptmenü");
  gtk_menu_button_popup (menu_button);
  popover = gtk_menu_button_get_popover (menu_button);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)), 5000);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  g_assert_true (shows_text (GTK_WIDGET (popover), "Einstellungen"));
  g_assert_true (shows_text (GTK_WIDGET (popover), "Tastenkürzel"));
  g_assert_true (shows_text (GTK_WIDGET (popover), "Info zu Rivya Desktop"));
  save (GTK_WIDGET (popover), "de-menu.png");
  gtk_menu_button_popdown (menu_button);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Pictures of every view in German, at a desktop size and a phone-like
 * width: German words are long, and nothing may be cut off. */
static void
test_locale_screenshots (gconstpointer data)
{
  const int *size = data;
  RdServerSupervisor *supervisor = rd_application_get_supervisor (app);
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;
  RdWindow *window;

  gdk_monitor_get_geometry (monitor, &geometry);
  if (geometry.width < size[0] + 40 || geometry.height < size[1] + 40)
    {
      g_test_skip ("the screen is too small; run under xvfb-run -s \"-screen 0 1920x1200x24\"");
      return;
    }

  rd_server_supervisor_start (supervisor);
  window = open_window (size[0], size[1]);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("de-%s-%dx%d.png", views[i], size[0], size[1]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]);
      rd_test_wait_ms (400);
      g_assert_cmpstr (rd_window_get_visible_view (window), ==, views[i]);
      save (GTK_WIDGET (window), name);
    }

  /* The job made in /locale/window (when it ran), with its German
   * details and buttons. */
  if (g_list_model_get_n_items (G_LIST_MODEL (rd_application_get_job_store (app))) > 0)
    {
      g_autofree char *name = g_strdup_printf ("de-job-details-%dx%d.png", size[0], size[1]);
      RdJobsPage *jobs = RD_JOBS_PAGE (rd_test_find_widget (GTK_WIDGET (window), RD_TYPE_JOBS_PAGE));

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "jobs");
      rd_jobs_page_select (jobs, 0);
      g_assert_nonnull (rd_jobs_page_get_selected_job (jobs));
      /* What a click on the row does; narrow, it opens the details. */
      g_signal_emit_by_name (rd_test_find_widget (GTK_WIDGET (jobs), GTK_TYPE_LIST_VIEW), "activate", 0);
      RD_TEST_WAIT_UNTIL (shows_text (GTK_WIDGET (jobs), "Task-ID kopieren"), 5000);
      rd_test_wait_ms (400);
      save (GTK_WIDGET (window), name);
    }

  /* The generation form, the longest German lines of the Create view. */
  {
    g_autofree char *name = g_strdup_printf ("de-create-form-%dx%d.png", size[0], size[1]);
    RdCreatePage *page = RD_CREATE_PAGE (rd_test_find_widget (GTK_WIDGET (window), RD_TYPE_CREATE_PAGE));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "create");
    RD_TEST_WAIT_UNTIL (g_strcmp0 (rd_create_page_get_catalog_source (page), "network") == 0,
                        START_TIMEOUT_MS);
    g_assert_true (rd_create_page_select_model (page, "local-image"));
    rd_test_wait_ms (400);
    save (GTK_WIDGET (window), name);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The preferences and the shortcuts in German. */
static void
test_locale_dialogs (void)
{
  RdWindow *window = rd_window_new (app);
  GtkWindow *dialog;
  GtkWidget *help;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = rd_test_find_toplevel (g_type_from_name ("RdPreferencesWindow"));
  g_assert_nonnull (dialog);
  rd_test_wait_ms (300);
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Konten"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Dieser Rechner"));
  save (GTK_WIDGET (dialog), "de-preferences.png");
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  help = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (help));
  rd_test_wait_ms (300);
  save (help, "de-shortcuts.png");
  g_assert_true (shows_text (help, "Guthaben aktualisieren oder neu verbinden"));
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

  /* German messages through LANGUAGE, which gettext honours over any
   * locale but plain C; the whole German locale when it is generated. */
  g_setenv ("LANGUAGE", "de", TRUE);
  have_german_locale = setlocale (LC_ALL, GERMAN_LOCALE) != NULL;
  if (have_german_locale)
    g_setenv ("LC_ALL", GERMAN_LOCALE, TRUE);

  if (!rd_test_init_display (&argc, &argv))
    return 0;

  /* What main.c does: the catalogs of this build tree. */
  rd_util_init_i18n ();

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  screenshot_dir = g_strdup (g_getenv ("RD_SCREENSHOT_DIR"));
  if (screenshot_dir == NULL)
    screenshot_dir = g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_assert_cmpint (g_mkdir_with_parents (screenshot_dir, 0755), ==, 0);

  app = rd_application_new (APP_ID ".Locale", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/locale/catalog", test_locale_catalog);
  g_test_add_func ("/locale/formats", test_locale_formats);
  g_test_add_func ("/locale/window", test_locale_window);
  g_test_add_data_func ("/locale/screenshots/1280x800", wide, test_locale_screenshots);
  g_test_add_data_func ("/locale/screenshots/400x800", narrow, test_locale_screenshots);
  g_test_add_func ("/locale/dialogs", test_locale_dialogs);

  status = g_test_run ();
  /* One server for every case, so the job made in /locale/window is
   * still there for the pictures. */
  rd_server_supervisor_stop (rd_application_get_supervisor (app));
  g_clear_object (&app);
  g_free (screenshot_dir);

  return status;
}
