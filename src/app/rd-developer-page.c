/* rd-developer-page.c
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

#define G_LOG_DOMAIN "rd-developer-page"

#include "config.h"

#include "rd-developer-page.h"

#include <glib/gi18n.h>

#include "rd-util.h"
#include "rd-webhook-rows.h"

/* RdDeveloperPage: the Developer view. Three sections: webhook endpoints
 * (RdWebhookPane), the account's webhook events, and the request log of
 * this run (RdRequestLog shown by RdDeveloperLog).
 *
 * The log is made with the page, so that it holds the calls of the whole
 * window from the start, including those made before the view is first
 * opened. Like the rest, it follows the session's client as it changes. */

struct _RdDeveloperPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  AdwViewStack   *stack;
  RdWebhookPane  *webhook_pane;
  GtkStack       *events_stack;
  GtkListBox     *event_list;
  RdDeveloperLog *log_view;
  GtkLabel       *connection_label;

  /* Owned references */
  RdSession      *session;
  RdRequestLog   *request_log;
  GListStore     *events;
  GCancellable   *cancellable;
};

G_DEFINE_FINAL_TYPE (RdDeveloperPage, rd_developer_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CONNECTION_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  RivyaWebhookEvent *event = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = rd_webhook_format_time (rivya_webhook_event_get_created_at (event));
  /* Translators: an event's id, then when it happened */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), rivya_webhook_event_get_id (event),
                                               when ? when : "");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rivya_webhook_event_get_event_type (event));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
events_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdDeveloperPage) self = user_data;
  g_autoptr(RivyaPage) page = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  page = rivya_client_list_webhook_events_finish (RIVYA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->session == NULL || RIVYA_CLIENT (object) != rd_session_get_client (self->session))
    return;
  if (page == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *text = g_strdup_printf (_("Could not list the events: %s"), error->message);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (page));
  g_list_store_remove_all (self->events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) event = g_list_model_get_item (G_LIST_MODEL (page), i);

      g_list_store_append (self->events, event);
    }
  gtk_stack_set_visible_child_name (self->events_stack, n > 0 ? "list" : "empty");
}

static void
reload_events (RdDeveloperPage *self)
{
  RivyaClient *client = self->session ? rd_session_get_client (self->session) : NULL;

  if (client == NULL)
    return;

  rivya_client_list_webhook_events_async (client, 50, NULL, self->cancellable, events_cb,
                                          g_object_ref (self));
}

static void
reload_events_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  reload_events (RD_DEVELOPER_PAGE (widget));
}

/* Events change behind our back (jobs finish): read them when shown. */
static void
visible_child_cb (RdDeveloperPage *self)
{
  g_assert (RD_IS_DEVELOPER_PAGE (self));

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "events") == 0)
    reload_events (self);
}

static void
session_client_cb (RdDeveloperPage *self)
{
  g_assert (RD_IS_DEVELOPER_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_list_store_remove_all (self->events);
  gtk_stack_set_visible_child_name (self->events_stack, "empty");
  visible_child_cb (self);
}

static void
rd_developer_page_dispose (GObject *object)
{
  RdDeveloperPage *self = RD_DEVELOPER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, session_client_cb, self);
  g_clear_object (&self->session);
  if (self->request_log != NULL)
    rd_request_log_set_session (self->request_log, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_DEVELOPER_PAGE);

  G_OBJECT_CLASS (rd_developer_page_parent_class)->dispose (object);
}

static void
rd_developer_page_finalize (GObject *object)
{
  RdDeveloperPage *self = RD_DEVELOPER_PAGE (object);

  g_clear_object (&self->request_log);
  g_clear_object (&self->events);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rd_developer_page_parent_class)->finalize (object);
}

static void
rd_developer_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdDeveloperPage *self = RD_DEVELOPER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_CONNECTION_STATUS:
      g_value_set_string (value, gtk_label_get_label (self->connection_label));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_developer_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdDeveloperPage *self = RD_DEVELOPER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rd_developer_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_CONNECTION_STATUS:
      gtk_label_set_label (self->connection_label, g_value_get_string (value));
      gtk_widget_set_visible (GTK_WIDGET (self->connection_label), g_value_get_string (value) != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_developer_page_class_init (RdDeveloperPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_developer_page_dispose;
  object_class->finalize = rd_developer_page_finalize;
  object_class->get_property = rd_developer_page_get_property;
  object_class->set_property = rd_developer_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Where the calls go, which is what a copied curl command needs:
   * the window's connection status, bound to it. */
  properties[PROP_CONNECTION_STATUS] =
    g_param_spec_string ("connection-status", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RD_TYPE_WEBHOOK_PANE);
  g_type_ensure (RD_TYPE_DEVELOPER_LOG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-developer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperPage, stack);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperPage, webhook_pane);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperPage, events_stack);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperPage, event_list);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperPage, log_view);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperPage, connection_label);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);

  gtk_widget_class_install_action (widget_class, "developer.reload-events", NULL,
                                   reload_events_action);
}

static void
rd_developer_page_init (RdDeveloperPage *self)
{
  self->request_log = rd_request_log_new ();
  self->events = g_list_store_new (RIVYA_TYPE_WEBHOOK_EVENT);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_bind_model (self->event_list, G_LIST_MODEL (self->events), create_event_row,
                           NULL, NULL);
  rd_developer_log_set_log (self->log_view, self->request_log);
}

RdSession *
rd_developer_page_get_session (RdDeveloperPage *self)
{
  g_return_val_if_fail (RD_IS_DEVELOPER_PAGE (self), NULL);

  return self->session;
}

void
rd_developer_page_set_session (RdDeveloperPage *self,
                               RdSession       *session)
{
  g_return_if_fail (RD_IS_DEVELOPER_PAGE (self));
  g_return_if_fail (session == NULL || RD_IS_SESSION (session));

  if (!rd_util_follow_session (&self->session, session, G_CALLBACK (session_client_cb), self))
    return;

  rd_request_log_set_session (self->request_log, session);
  rd_webhook_pane_set_session (self->webhook_pane, session);
  session_client_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

RdRequestLog *
rd_developer_page_get_request_log (RdDeveloperPage *self)
{
  g_return_val_if_fail (RD_IS_DEVELOPER_PAGE (self), NULL);

  return self->request_log;
}

RdWebhookPane *
rd_developer_page_get_webhook_pane (RdDeveloperPage *self)
{
  g_return_val_if_fail (RD_IS_DEVELOPER_PAGE (self), NULL);

  return self->webhook_pane;
}

RdDeveloperLog *
rd_developer_page_get_log_view (RdDeveloperPage *self)
{
  g_return_val_if_fail (RD_IS_DEVELOPER_PAGE (self), NULL);

  return self->log_view;
}

GListModel *
rd_developer_page_get_events (RdDeveloperPage *self)
{
  g_return_val_if_fail (RD_IS_DEVELOPER_PAGE (self), NULL);

  return G_LIST_MODEL (self->events);
}

/* @section: "webhooks", "events" or "requests". */
void
rd_developer_page_show (RdDeveloperPage *self,
                        const char      *section)
{
  g_return_if_fail (RD_IS_DEVELOPER_PAGE (self));

  adw_view_stack_set_visible_child_name (self->stack, section);
}
