/* rd-application.c
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

#define G_LOG_DOMAIN "rd-application"

#include "config.h"

#include "rd-application.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "rd-about.h"
#include "rd-preferences-window.h"
#include "rd-util.h"
#include "rd-window.h"

struct _RdApplication
{
  AdwApplication      parent_instance;

  GSettings          *settings;
  RdServerSupervisor *supervisor;
  RdSession          *session;
  RdJobStore         *job_store;
  guint               sigterm_id;
  guint               sigint_id;
  guint               sighup_id;
};

G_DEFINE_FINAL_TYPE (RdApplication, rd_application, ADW_TYPE_APPLICATION)

static GtkWindow *
main_window (RdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* About and Preferences are not application windows: go to their parent. */
  while (window != NULL && !RD_IS_WINDOW (window) && gtk_window_get_transient_for (window))
    window = gtk_window_get_transient_for (window);

  return window;
}

static void
rd_application_quit_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  RdApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing the windows lets them save their state; the server is
   * stopped in shutdown. */
  for (const GList *l = windows; l != NULL; l = l->next)
    if (RD_IS_WINDOW (l->data))
      gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
rd_application_about_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  RdApplication *self = user_data;

  gtk_window_present (rd_about_window_new (main_window (self), self->supervisor));
}

static void
rd_application_preferences_action (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  RdApplication *self = user_data;

  gtk_window_present (rd_preferences_window_new (main_window (self), self->supervisor,
                                                 self->session));
}

static void
rd_application_shortcuts_action (GSimpleAction *action,
                                 GVariant      *param,
                                 gpointer       user_data)
{
  RdApplication *self = user_data;
  GtkWindow *window = main_window (self);

  /* GtkApplication gives each window the shortcuts window of
   * gtk/help-overlay.ui and a win.show-help-overlay action to show it. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry actions[] = {
  { "quit", rd_application_quit_action },
  { "about", rd_application_about_action },
  { "preferences", rd_application_preferences_action },
  { "shortcuts", rd_application_shortcuts_action },
};

static gboolean
quit_signal_cb (gpointer user_data)
{
  RdApplication *self = user_data;

  /* SIGTERM, SIGINT and SIGHUP quit as app.quit does, so the server is
   * stopped before the app exits. */
  g_action_group_activate_action (G_ACTION_GROUP (self), "quit", NULL);

  return G_SOURCE_CONTINUE;
}

/* The local server is needed unless a Rivya account is chosen; when its
 * key cannot be found, the session starts the server itself. */
static gboolean
uses_account (RdApplication *self)
{
  return rd_account_store_get_active (rd_session_get_accounts (self->session)) != NULL;
}

static int
rd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  return G_APPLICATION_CLASS (rd_application_parent_class)->handle_local_options (app, options);
}

/* Jobs are followed over the session's client, whichever server it is. */
static void
session_client_cb (RdApplication *self)
{
  rd_job_store_set_client (self->job_store, rd_session_get_client (self->session));
}

static void
rd_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *no_accels[] = { NULL };
  RdApplication *self = RD_APPLICATION (app);

  G_APPLICATION_CLASS (rd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         shortcuts_accels);
  /* app.shortcuts owns Ctrl+? (GtkApplication gave it to win.show-help-overlay). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         no_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  self->supervisor = rd_server_supervisor_new (NULL);
  self->session = rd_session_new ();
  rd_session_use_local (self->session, self->supervisor);
  self->job_store = rd_job_store_new (NULL);
  g_signal_connect_object (self->session, "notify::client",
                           G_CALLBACK (session_client_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->job_store, "job-finished",
                           G_CALLBACK (rd_session_refresh_balance), self->session, G_CONNECT_SWAPPED);
  session_client_cb (self);
  rd_session_restore (self->session);

  self->sigterm_id = g_unix_signal_add (SIGTERM, quit_signal_cb, self);
  self->sigint_id = g_unix_signal_add (SIGINT, quit_signal_cb, self);
  self->sighup_id = g_unix_signal_add (SIGHUP, quit_signal_cb, self);
}

static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, user_data);
  g_printerr ("rivya-desktop: first frame\n");
}

static void
rd_application_activate (GApplication *app)
{
  RdApplication *self = RD_APPLICATION (app);
  GtkWindow *window = main_window (self);

  /* The local default: with no account chosen, run the local server. A
   * second launch lands here too, and only presents the window. */
  if (!uses_account (self))
    rd_server_supervisor_start (self->supervisor);

  if (window == NULL)
    {
      window = GTK_WINDOW (rd_window_new (self));

      /* design.md measures the time from exec to the first frame: with
       * this variable set, the app says on stderr when that is. */
      if (g_getenv ("RIVYA_DESKTOP_REPORT_FIRST_FRAME") != NULL)
        {
          gtk_widget_realize (GTK_WIDGET (window));
          g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                            G_CALLBACK (first_frame_cb), NULL);
        }
    }

  gtk_window_present (window);
}

static void
rd_application_shutdown (GApplication *app)
{
  RdApplication *self = RD_APPLICATION (app);

  if (self->supervisor != NULL)
    rd_server_supervisor_stop (self->supervisor);
  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_handle_id (&self->sighup_id, g_source_remove);

  G_APPLICATION_CLASS (rd_application_parent_class)->shutdown (app);
}

static void
rd_application_constructed (GObject *object)
{
  RdApplication *self = RD_APPLICATION (object);

  G_OBJECT_CLASS (rd_application_parent_class)->constructed (object);

  g_application_set_resource_base_path (G_APPLICATION (self), "/io/github/rivyadesktop/RivyaDesktop");
}

static void
rd_application_dispose (GObject *object)
{
  RdApplication *self = RD_APPLICATION (object);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  g_clear_handle_id (&self->sighup_id, g_source_remove);
  g_clear_object (&self->job_store);
  g_clear_object (&self->session);
  g_clear_object (&self->supervisor);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rd_application_parent_class)->dispose (object);
}

static void
rd_application_class_init (RdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = rd_application_constructed;
  object_class->dispose = rd_application_dispose;

  app_class->handle_local_options = rd_application_handle_local_options;
  app_class->startup = rd_application_startup;
  app_class->activate = rd_application_activate;
  app_class->shutdown = rd_application_shutdown;
}

static void
rd_application_init (RdApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

RdApplication *
rd_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (RD_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}

/* The app's one local server supervisor; NULL before startup. */
RdServerSupervisor *
rd_application_get_supervisor (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);
  return self->supervisor;
}

GSettings *
rd_application_get_settings (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);
  return self->settings;
}

/* The app's connection to its server; NULL before startup. */
RdSession *
rd_application_get_session (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);
  return self->session;
}

/* The job history; NULL before startup. */
RdJobStore *
rd_application_get_job_store (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);
  return self->job_store;
}
