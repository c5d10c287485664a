/* rd-preferences-window-accounts.c
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

#include "rd-preferences-window-private.h"

#include <glib/gi18n.h>

/* The real service; the .ui has it as the form's first value too. */
#define DEFAULT_BASE_URL "https://rivya.ai"

/* The Accounts group of Preferences: "This Computer" and one row per
 * Rivya account, each with a radio to use it and a button to remove it,
 * then the form that adds an account once its key passed the server. */

static void
show_toast (RdPreferencesWindow *self,
            const char          *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static RdAccountStore *
get_accounts (RdPreferencesWindow *self)
{
  return self->session ? rd_session_get_accounts (self->session) : NULL;
}

/* The radios follow the session, whoever switched it. */
static void
sync_checks (RdPreferencesWindow *self)
{
  RdAccount *active = self->session ? rd_session_get_account (self->session) : NULL;

  self->syncing = TRUE;
  gtk_check_button_set_active (self->local_check, active == NULL);
  for (guint i = 0; i < self->account_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->account_rows, i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");

      gtk_check_button_set_active (check, g_object_get_data (G_OBJECT (row), "account") == active);
    }
  self->syncing = FALSE;
}

static void
switch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rd_session_switch_finish (RD_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);

  if (self->account_rows != NULL)
    sync_checks (self);
}

static void
use_account (RdPreferencesWindow *self,
             RdAccount           *account)
{
  if (self->session == NULL || rd_session_get_account (self->session) == account)
    return;

  rd_session_switch_async (self->session, account, self->cancellable,
                           switch_cb, g_object_ref (self));
}

static void
account_check_toggled_cb (GtkCheckButton      *check,
                          RdPreferencesWindow *self)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  use_account (self, g_object_get_data (G_OBJECT (check), "account"));
}

static void
local_check_toggled_cb (RdPreferencesWindow *self,
                        GtkCheckButton      *check)
{
  if (self->syncing || !gtk_check_button_get_active (check))
    return;

  use_account (self, NULL);
}

static GtkWidget *
create_account_row (RdPreferencesWindow *self,
                    RdAccount           *account)
{
  g_autofree char *remove_label = NULL;
  g_autofree char *use_label = NULL;
  GtkWidget *row, *check, *button;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rd_account_get_name (account));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), rd_account_get_base_url (account));

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->local_check);
  /* translators: %s is the name of an account */
  use_label = g_strdup_printf (_("Use %s"), rd_account_get_name (account));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, use_label, -1);
  g_object_set_data_full (G_OBJECT (check), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (check, "toggled", G_CALLBACK (account_check_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Account"));
  /* translators: %s is the name of an account */
  remove_label = g_strdup_printf (_("Remove %s"), rd_account_get_name (account));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.remove-account");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", rd_account_get_base_url (account));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);

  return row;
}

/* Few accounts, rarely changed: the rows are made again each time. */
static void
rebuild_account_rows (RdPreferencesWindow *self)
{
  RdAccountStore *accounts = get_accounts (self);
  guint n = accounts ? g_list_model_get_n_items (G_LIST_MODEL (accounts)) : 0;

  for (guint i = 0; i < self->account_rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->account_rows, i));
  g_ptr_array_set_size (self->account_rows, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);
      GtkWidget *row = create_account_row (self, account);

      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
    }

  sync_checks (self);
}

static void
update_keyring_label (RdPreferencesWindow *self)
{
  RdAccountStore *accounts = get_accounts (self);

  gtk_widget_set_visible (GTK_WIDGET (self->keyring_label),
                          accounts != NULL && rd_account_store_get_keyring_missing (accounts));
}

static void
set_adding (RdPreferencesWindow *self,
            gboolean             adding)
{
  self->adding = !!adding;
  gtk_widget_set_visible (GTK_WIDGET (self->add_spinner), adding);
  gtk_spinner_set_spinning (self->add_spinner, adding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.add-account",
                                 !adding && self->session != NULL);
}

static void
show_error (RdPreferencesWindow *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
add_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(RdPreferencesWindow) self = user_data;
  g_autoptr(RdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean remembered = FALSE;

  account = rd_account_store_add_finish (RD_ACCOUNT_STORE (object), result, &remembered, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_adding (self, FALSE);
  if (account == NULL)
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), DEFAULT_BASE_URL);

  if (remembered)
    /* translators: %s is the name of an account */
    message = g_strdup_printf (_("%s added; its key is in the keyring"),
                               rd_account_get_name (account));
  else
    message = g_strdup_printf (_("%s added. The key will be kept until you quit: no keyring is available"),
                               rd_account_get_name (account));
  show_toast (self, message);

  /* Someone who just added an account means to use it. */
  use_account (self, account);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (widget);

  if (self->adding || self->session == NULL)
    return;

  set_adding (self, TRUE);
  show_error (self, NULL);
  rd_account_store_add_async (get_accounts (self),
                              gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                              gtk_editable_get_text (GTK_EDITABLE (self->key_row)),
                              self->cancellable, add_cb, g_object_ref (self));
}

static void
key_row_activated_cb (RdPreferencesWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "prefs.add-account", NULL);
}

static void
remove_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rd_account_store_remove_finish (RD_ACCOUNT_STORE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (widget);
  RdAccountStore *accounts = get_accounts (self);
  RdAccount *account;

  if (accounts == NULL ||
      !(account = rd_account_store_lookup (accounts, g_variant_get_string (param, NULL))))
    return;

  /* The session goes back to this computer when its account leaves the
   * list (rd-session.c), the keyring item goes with the account. */
  rd_account_store_remove_async (accounts, account, self->cancellable,
                                 remove_cb, g_object_ref (self));
}

/* prefs.use-account: a base URL, or "" for this computer. */
static void
use_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (widget);
  const char *url = g_variant_get_string (param, NULL);
  RdAccount *account = NULL;

  if (url[0] != '\0' &&
      (get_accounts (self) == NULL || !(account = rd_account_store_lookup (get_accounts (self), url))))
    return;

  use_account (self, account);
}

void
_rd_preferences_window_class_accounts_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, local_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "prefs.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-account", "s",
                                   remove_account_action);
  gtk_widget_class_install_action (widget_class, "prefs.use-account", "s", use_account_action);
}

void
_rd_preferences_window_accounts_init (RdPreferencesWindow *self)
{
  RdAccountStore *accounts = get_accounts (self);

  set_adding (self, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->local_check), self->session != NULL);

  if (accounts != NULL)
    {
      g_signal_connect_object (accounts, "items-changed",
                               G_CALLBACK (rebuild_account_rows), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (accounts, "notify::keyring-missing",
                               G_CALLBACK (update_keyring_label), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "notify::account",
                               G_CALLBACK (sync_checks), self, G_CONNECT_SWAPPED);
      /* Say before a key is typed whether it can be remembered. */
      rd_account_store_probe_keyring (accounts);
    }

  rebuild_account_rows (self);
  update_keyring_label (self);
}
