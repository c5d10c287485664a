/* rd-window.c
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

#define G_LOG_DOMAIN "rd-window"

#include "config.h"

#include "rd-window.h"
#include "rd-window-private.h"

#include <glib/gi18n.h>

#include "rd-chat-page.h"
#include "rd-create-page.h"
#include "rd-developer-page.h"
#include "rd-jobs-page.h"
#include "rd-job-store.h"
#include "rd-server-supervisor.h"
#include "rd-session.h"
#include "rd-util.h"

struct _RdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *account_box;
  GtkLabel             *balance_label;
  RdCreatePage         *create_page;

  /* Owned references */
  GSettings            *settings;
  RdServerSupervisor   *supervisor;
  RdSession            *session;
  char                 *connection_status;
  char                 *last_toast;
  guint                 narrow_idle_id;
};

G_DEFINE_FINAL_TYPE (RdWindow, rd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SUPERVISOR,
  PROP_SESSION,
  PROP_VISIBLE_VIEW,
  PROP_ACCOUNT_NAME,
  PROP_BALANCE,
  PROP_CONNECTION_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const views[] = { "create", "jobs", "chat", "developer" };

static RdServerState
server_state (RdWindow *self)
{
  return self->supervisor ? rd_server_supervisor_get_state (self->supervisor)
                          : RD_SERVER_STATE_STOPPED;
}

/* A Rivya account is in use rather than the local server. */
static RdAccount *
remote_account (RdWindow *self)
{
  return self->session ? rd_session_get_account (self->session) : NULL;
}

static void
update_balance_label (RdWindow *self)
{
  g_autofree char *text = NULL;
  gint64 balance = rd_window_get_balance (self);

  if (balance >= 0)
    {
      g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, balance);

      /* translators: the balance in the header bar, e.g. "1,000 credits" */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit", "%s credits",
                                           balance % 1000000),
                              number);
    }
  else if (remote_account (self) != NULL)
    text = g_strdup (_("Balance unknown"));
  else if (server_state (self) == RD_SERVER_STATE_STARTING)
    text = g_strdup (_("Connecting…"));
  else if (server_state (self) == RD_SERVER_STATE_RUNNING)
    text = g_strdup (_("Balance unknown"));
  else
    text = g_strdup (_("Not connected"));

  gtk_label_set_label (self->balance_label, text);
  adw_view_switcher_title_set_subtitle (self->switcher_title, text);
}

static void
session_balance_cb (RdWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE]);
  update_balance_label (self);
}

static void
session_account_name_cb (RdWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
}

static void
session_balance_error_cb (RdWindow   *self,
                          const char *error_message)
{
  g_autofree char *message = g_strdup_printf (_("Could not read the balance: %s"),
                                              error_message);

  rd_window_add_toast (self, message, NULL, NULL);
}

void
rd_window_add_toast (RdWindow   *self,
                     const char *message,
                     const char *button_label,
                     const char *action_name)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (RD_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* libadwaita 1.2 always parses a toast's title as markup, and errors
   * come with arbitrary text in them. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      /* A toast with something to do stays until it is done or dismissed. */
      adw_toast_set_timeout (toast, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
}

const char *
_rd_window_get_last_toast (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);
  return self->last_toast;
}

static void
refresh_balance (RdWindow *self)
{
  if (self->session != NULL)
    rd_session_refresh_balance (self->session);
  update_balance_label (self);
}

static void
update_connection_status (RdWindow *self)
{
  g_autofree char *status = NULL;

  if (remote_account (self) != NULL)
    {
      /* translators: the first %s is the name of an account, the second its server */
      status = g_strdup_printf (_("Connected to %s at %s"),
                                rd_account_get_name (remote_account (self)),
                                rd_account_get_base_url (remote_account (self)));
    }
  else
    {
      switch (server_state (self))
        {
        case RD_SERVER_STATE_STARTING:
          status = g_strdup (_("Starting the local server…"));
          break;

        case RD_SERVER_STATE_RUNNING:
          status = g_strdup_printf (_("Connected to the local server at %s"),
                                    rd_server_supervisor_get_url (self->supervisor));
          break;

        case RD_SERVER_STATE_FAILED:
          /* translators: %s says what went wrong with the local server */
          status = g_strdup_printf (_("Not connected. %s"),
                                    rd_server_supervisor_get_error_message (self->supervisor));
          break;

        case RD_SERVER_STATE_STOPPED:
        default:
          status = g_strdup (self->supervisor ? _("Not connected: the local server is not running.")
                                              : _("Not connected to a server."));
          break;
        }
    }

  if (g_strcmp0 (status, self->connection_status) != 0)
    {
      g_free (self->connection_status);
      self->connection_status = g_steal_pointer (&status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATUS]);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh",
                                 self->supervisor != NULL || remote_account (self) != NULL);
}

/* Another account, another server: the status, the balance and the
 * catalog (the Create page follows notify::client itself). */
static void
session_account_cb (RdWindow *self)
{
  update_connection_status (self);
  update_balance_label (self);
}

/* The account chosen last time could not be used at start. */
static void
session_account_error_cb (RdWindow   *self,
                          const char *error_message)
{
  g_autofree char *message = g_strdup_printf (_("Using this computer’s server instead: %s"),
                                              error_message);

  rd_window_add_toast (self, message, NULL, NULL);
}

static void
supervisor_state_cb (RdWindow *self)
{
  g_assert (RD_IS_WINDOW (self));

  update_connection_status (self);
  update_balance_label (self);

  if (server_state (self) == RD_SERVER_STATE_FAILED && remote_account (self) == NULL)
    rd_window_add_toast (self, rd_server_supervisor_get_error_message (self->supervisor),
                         _("_Retry"), "win.refresh");
}

static void
supervisor_url_cb (RdWindow *self)
{
  g_assert (RD_IS_WINDOW (self));

  update_connection_status (self);
  update_balance_label (self);
}

static void
supervisor_restarted_cb (RdWindow *self)
{
  g_assert (RD_IS_WINDOW (self));

  rd_window_add_toast (self, _("The local server stopped unexpectedly and was restarted"),
                       NULL, NULL);
}

/* The Create page submitted a generation: the job list takes it, and
 * the window shows it there and reads the balance the job reserved. */
static void
create_page_submitted_cb (RdWindow               *self,
                          RivyaModel             *model,
                          RivyaGenerationRequest *request,
                          RivyaGeneration        *generation)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (RD_IS_APPLICATION (app) && rd_application_get_job_store (RD_APPLICATION (app)) != NULL)
    rd_job_store_add_submission (rd_application_get_job_store (RD_APPLICATION (app)),
                                 rd_session_get_base_url (self->session),
                                 model, request, generation);

  refresh_balance (self);
  rd_window_set_visible_view (self, "jobs");
}

static void
rd_window_show_view_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  rd_window_set_visible_view (RD_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* Ctrl+F: the search of the Create view's model list. */
static void
rd_window_search_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  RdWindow *self = RD_WINDOW (widget);

  rd_window_set_visible_view (self, "create");
  rd_create_page_focus_search (self->create_page);
}

/* Reads the balance again; if the local server gave up, starts it anew. */
static void
rd_window_refresh_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  RdWindow *self = RD_WINDOW (widget);

  if (remote_account (self) != NULL)
    {
      refresh_balance (self);
      rd_create_page_reload (self->create_page);
      return;
    }

  if (self->supervisor == NULL)
    return;

  if (server_state (self) == RD_SERVER_STATE_FAILED ||
      server_state (self) == RD_SERVER_STATE_STOPPED)
    rd_server_supervisor_start (self->supervisor);
  else
    {
      refresh_balance (self);
      rd_create_page_reload (self->create_page);
    }
}

static void
sync_narrow_cb (gpointer user_data)
{
  RdWindow *self = user_data;

  self->narrow_idle_id = 0;
  gtk_widget_set_visible (self->account_box,
                          !adw_view_switcher_title_get_title_visible (self->switcher_title));
}

/* Narrow, the view switcher moves to the bottom bar and the title shows
 * the account and its balance, so the account box leaves the header.
 * title-visible changes while the header is being allocated: hiding a
 * widget then would change the layout under GTK's feet, so it waits. */
static void
switcher_title_visible_cb (RdWindow *self)
{
  if (self->narrow_idle_id == 0)
    self->narrow_idle_id = g_idle_add_once (sync_narrow_cb, self);
}

static void
stack_visible_child_cb (RdWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_VIEW]);
}

static void
save_state (RdWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "selected-view", rd_window_get_visible_view (self));
  g_settings_apply (self->settings);
}

static gboolean
rd_window_close_request (GtkWindow *window)
{
  save_state (RD_WINDOW (window));

  return GTK_WINDOW_CLASS (rd_window_parent_class)->close_request (window);
}

static void
rd_window_constructed (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  G_OBJECT_CLASS (rd_window_parent_class)->constructed (object);

  /* A window made without the application (tests) follows its own. */
  if (self->session == NULL && self->supervisor != NULL)
    {
      self->session = rd_session_new ();
      rd_session_use_local (self->session, self->supervisor);
    }

  if (self->session != NULL)
    {
      g_signal_connect_object (self->session, "notify::balance",
                               G_CALLBACK (session_balance_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "notify::account-name",
                               G_CALLBACK (session_account_name_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "balance-error",
                               G_CALLBACK (session_balance_error_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "notify::account",
                               G_CALLBACK (session_account_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->session, "account-error",
                               G_CALLBACK (session_account_error_cb), self, G_CONNECT_SWAPPED);
      rd_create_page_set_session (self->create_page, self->session);
      rd_chat_page_set_session (RD_CHAT_PAGE (adw_view_stack_get_child_by_name (self->stack, "chat")),
                                self->session);
      rd_developer_page_set_session (RD_DEVELOPER_PAGE (adw_view_stack_get_child_by_name (self->stack,
                                                                                          "developer")),
                                     self->session);
    }

  if (self->supervisor != NULL)
    {
      g_signal_connect_object (self->supervisor, "notify::state",
                               G_CALLBACK (supervisor_state_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->supervisor, "notify::url",
                               G_CALLBACK (supervisor_url_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->supervisor, "restarted",
                               G_CALLBACK (supervisor_restarted_cb), self, G_CONNECT_SWAPPED);
    }

  update_connection_status (self);
  update_balance_label (self);
}

static void
rd_window_dispose (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  g_clear_handle_id (&self->narrow_idle_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->supervisor);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rd_window_parent_class)->dispose (object);
}

static void
rd_window_finalize (GObject *object)
{
  RdWindow *self = RD_WINDOW (object);

  g_clear_pointer (&self->connection_status, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (rd_window_parent_class)->finalize (object);
}

static void
rd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RdWindow *self = RD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SUPERVISOR:
      g_value_set_object (value, self->supervisor);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_VISIBLE_VIEW:
      g_value_set_string (value, rd_window_get_visible_view (self));
      break;

    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->session ? rd_session_get_account_name (self->session)
                                               : _("Local server"));
      break;

    case PROP_BALANCE:
      g_value_set_int64 (value, rd_window_get_balance (self));
      break;

    case PROP_CONNECTION_STATUS:
      g_value_set_string (value, self->connection_status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RdWindow *self = RD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SUPERVISOR:
      self->supervisor = g_value_dup_object (value);
      break;

    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_VISIBLE_VIEW:
      rd_window_set_visible_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_window_class_init (RdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rd_window_constructed;
  object_class->dispose = rd_window_dispose;
  object_class->finalize = rd_window_finalize;
  object_class->get_property = rd_window_get_property;
  object_class->set_property = rd_window_set_property;

  window_class->close_request = rd_window_close_request;

  properties[PROP_SUPERVISOR] =
    g_param_spec_object ("supervisor", NULL, NULL, RD_TYPE_SERVER_SUPERVISOR,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VISIBLE_VIEW] =
    g_param_spec_string ("visible-view", NULL, NULL, "create",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCOUNT_NAME] =
    g_param_spec_string ("account-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONNECTION_STATUS] =
    g_param_spec_string ("connection-status", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, account_box);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, balance_label);
  gtk_widget_class_bind_template_child (widget_class, RdWindow, create_page);
  gtk_widget_class_bind_template_callback (widget_class, create_page_submitted_cb);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", rd_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, rd_window_refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, rd_window_search_action);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-view", "s", views[i]);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
}

static void
rd_window_init (RdWindow *self)
{
  g_autofree char *view = NULL;

  g_type_ensure (RD_TYPE_CHAT_PAGE);
  g_type_ensure (RD_TYPE_CREATE_PAGE);
  g_type_ensure (RD_TYPE_DEVELOPER_PAGE);
  g_type_ensure (RD_TYPE_JOBS_PAGE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  view = g_settings_get_string (self->settings, "selected-view");
  adw_view_stack_set_visible_child_name (self->stack, view);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (stack_visible_child_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (switcher_title_visible_cb), self, G_CONNECT_SWAPPED);

  if (g_str_has_suffix (APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

RdWindow *
rd_window_new (RdApplication *application)
{
  g_return_val_if_fail (RD_IS_APPLICATION (application), NULL);

  return g_object_new (RD_TYPE_WINDOW,
                       "application", application,
                       "supervisor", rd_application_get_supervisor (application),
                       "session", rd_application_get_session (application),
                       NULL);
}

const char *
rd_window_get_visible_view (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
rd_window_set_visible_view (RdWindow   *self,
                            const char *name)
{
  g_return_if_fail (RD_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (!g_strv_contains (views, name))
    {
      g_warning ("No view called “%s”", name);
      return;
    }

  /* AdwViewStack notifies visible-child-name, which notifies ours. */
  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
rd_window_get_connection_status (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), NULL);
  return self->connection_status;
}

gint64
rd_window_get_balance (RdWindow *self)
{
  g_return_val_if_fail (RD_IS_WINDOW (self), -1);
  return self->session ? rd_session_get_balance (self->session) : -1;
}
