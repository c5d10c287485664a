/* rd-preferences-window.c
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

#define G_LOG_DOMAIN "rd-preferences-window"

#include "config.h"

#include "rd-preferences-window.h"

#include <glib/gi18n.h>

#include "rd-preferences-window-private.h"
#include "rd-util.h"


G_DEFINE_FINAL_TYPE (RdPreferencesWindow, rd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SUPERVISOR,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
default_downloads_folder (void)
{
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOWNLOAD);

  return g_strdup (dir ? dir : g_get_home_dir ());
}

static void
update_downloads_row (RdPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "downloads-folder");
  g_autofree char *display = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.reset-downloads-folder",
                                 folder[0] != '\0');
  if (folder[0] == '\0')
    {
      g_free (folder);
      folder = default_downloads_folder ();
    }

  display = g_filename_display_name (folder);
  adw_action_row_set_subtitle (self->downloads_row, display);
}

static void
update_server_row (RdPreferencesWindow *self)
{
  const char *subtitle = _("Not running");

  if (self->supervisor == NULL)
    subtitle = _("Not available");
  else if (rd_server_supervisor_get_state (self->supervisor) == RD_SERVER_STATE_RUNNING)
    subtitle = rd_server_supervisor_get_url (self->supervisor);
  else if (rd_server_supervisor_get_state (self->supervisor) == RD_SERVER_STATE_STARTING)
    subtitle = _("Starting…");
  else if (rd_server_supervisor_get_state (self->supervisor) == RD_SERVER_STATE_FAILED)
    subtitle = rd_server_supervisor_get_error_message (self->supervisor);

  adw_action_row_set_subtitle (self->server_row, subtitle);
}

static void
chooser_response_cb (RdPreferencesWindow *self,
                     int                  response,
                     GtkFileChooserNative *chooser)
{
  g_assert (RD_IS_PREFERENCES_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "downloads-folder", path);
      else
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (_("Only local folders can be used")));
    }

  g_clear_object (&self->chooser);
}

static void
choose_downloads_folder_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (widget);
  g_autofree char *current = g_settings_get_string (self->settings, "downloads-folder");
  g_autoptr(GFile) folder = NULL;

  if (self->chooser != NULL)
    return;

  /* GtkFileDialog is GTK 4.10; the native chooser goes through the portal
   * when there is one. */
  self->chooser = gtk_file_chooser_native_new (_("Choose the Downloads Folder"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (current[0] == '\0')
    {
      g_free (current);
      current = default_downloads_folder ();
    }
  folder = g_file_new_for_path (current);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_downloads_folder_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (widget);

  g_settings_reset (self->settings, "downloads-folder");
}

static void
rd_preferences_window_constructed (GObject *object)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rd_preferences_window_parent_class)->constructed (object);

  if (self->supervisor != NULL)
    {
      g_signal_connect_object (self->supervisor, "notify::state",
                               G_CALLBACK (update_server_row), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->supervisor, "notify::url",
                               G_CALLBACK (update_server_row), self, G_CONNECT_SWAPPED);
    }
  update_server_row (self);

  _rd_preferences_window_accounts_init (self);
}

static void
rd_preferences_window_dispose (GObject *object)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->account_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->supervisor);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rd_preferences_window_parent_class)->dispose (object);
}

static void
rd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SUPERVISOR:
      g_value_set_object (value, self->supervisor);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SUPERVISOR:
      self->supervisor = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_preferences_window_class_init (RdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rd_preferences_window_constructed;
  object_class->dispose = rd_preferences_window_dispose;
  object_class->get_property = rd_preferences_window_get_property;
  object_class->set_property = rd_preferences_window_set_property;

  properties[PROP_SUPERVISOR] =
    g_param_spec_object ("supervisor", NULL, NULL, RD_TYPE_SERVER_SUPERVISOR,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, local_check);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, key_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, keyring_label);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, add_spinner);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, add_button);

  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, downloads_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, notifications_switch);

  gtk_widget_class_install_action (widget_class, "prefs.choose-downloads-folder", NULL,
                                   choose_downloads_folder_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-downloads-folder", NULL,
                                   reset_downloads_folder_action);

  _rd_preferences_window_class_accounts_init (widget_class);
}

static void
rd_preferences_window_init (RdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->account_rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "notifications",
                   self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::downloads-folder",
                           G_CALLBACK (update_downloads_row), self, G_CONNECT_SWAPPED);
  update_downloads_row (self);
}

GtkWindow *
rd_preferences_window_new (GtkWindow          *parent,
                           RdServerSupervisor *supervisor,
                           RdSession          *session)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (!supervisor || RD_IS_SERVER_SUPERVISOR (supervisor), NULL);
  g_return_val_if_fail (!session || RD_IS_SESSION (session), NULL);

  return g_object_new (RD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "supervisor", supervisor,
                       "session", session,
                       NULL);
}
