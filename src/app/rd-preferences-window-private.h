/* rd-preferences-window-private.h
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

#include "rd-preferences-window.h"

G_BEGIN_DECLS

/* Shared by rd-preferences-window.c and rd-preferences-window-accounts.c. */
struct _RdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *accounts_group;
  AdwActionRow         *server_row;
  GtkCheckButton       *local_check;
  AdwEntryRow          *name_row;
  AdwEntryRow          *url_row;
  AdwEntryRow          *key_row;
  GtkLabel             *keyring_label;
  GtkLabel             *error_label;
  GtkSpinner           *add_spinner;
  GtkButton            *add_button;
  AdwActionRow         *downloads_row;
  GtkSwitch            *notifications_switch;

  /* Owned references */
  GSettings            *settings;
  RdServerSupervisor   *supervisor;
  RdSession            *session;
  GtkFileChooserNative *chooser;
  GPtrArray            *account_rows;
  GCancellable         *cancellable;

  guint                 adding : 1;
  guint                 syncing : 1;
};

void _rd_preferences_window_class_accounts_init (GtkWidgetClass      *widget_class);
void _rd_preferences_window_accounts_init       (RdPreferencesWindow *self);

G_END_DECLS
