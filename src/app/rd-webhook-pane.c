/* rd-webhook-pane.c
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

#define G_LOG_DOMAIN "rd-webhook-pane"

#include "config.h"

#include "rd-webhook-pane.h"

#include <glib/gi18n.h>
/* PRId64 in translatable strings: xgettext knows it, not G_GINT64_FORMAT. */
#include <inttypes.h>

#include "rd-util.h"
#include "rd-webhook-pane-private.h"
#include "rd-webhook-rows.h"

/* RdWebhookPane: the account's webhook endpoints beside the selected
 * one's details and recent deliveries (A.9, B.12).
 *
 * The pane never keeps a RivyaClient: the session replaces its client
 * when the server restarts or the account changes, so every call asks
 * rd_session_get_client() and answers from a client that is no longer
 * the session's are dropped. Nor does it keep a signing secret: the
 * endpoint of a create or rotate answer goes to RdWebhookSecretDialog
 * and the list is read again, without secrets, from the server. */

G_DEFINE_FINAL_TYPE (RdWebhookPane, rd_webhook_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RivyaClient *
_rd_webhook_pane_get_client (RdWebhookPane *self)
{
  return self->session ? rd_session_get_client (self->session) : NULL;
}

void
_rd_webhook_pane_show_error (RdWebhookPane *self,
                             const char    *what,
                             const GError  *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  const char *request_id = rivya_error_get_request_id (error);
  g_autofree char *text = NULL;

  if (request_id != NULL)
    /* Translators: "Could not create the endpoint: <error> (request req_…)" */
    text = g_strdup_printf (_("%s: %s (request %s)"), what, error->message, request_id);
  else
    text = g_strdup_printf (_("%s: %s"), what, error->message);

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_timeout (toast, 8);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    g_message ("%s", text);
}

void
_rd_webhook_pane_show_toast (RdWebhookPane *self,
                             const char    *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

/* A stale answer comes from a client the session has replaced, or
 * arrives after the pane was told to stop. */
gboolean
_rd_webhook_pane_is_stale (RdWebhookPane *self,
                           GObject       *client,
                           const GError  *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TRUE;
  return (GObject *)_rd_webhook_pane_get_client (self) != client;
}

void
_rd_webhook_pane_set_loading (RdWebhookPane *self,
                              gboolean       loading)
{
  gboolean was = self->n_loading > 0;

  if (loading)
    self->n_loading++;
  else if (self->n_loading > 0)
    self->n_loading--;

  if (was != (self->n_loading > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

RivyaWebhookEndpoint *
rd_webhook_pane_get_selected (RdWebhookPane *self)
{
  g_return_val_if_fail (RD_IS_WEBHOOK_PANE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->endpoints)); i++)
    {
      g_autoptr(RivyaWebhookEndpoint) endpoint = g_list_model_get_item (G_LIST_MODEL (self->endpoints), i);

      if (g_strcmp0 (rivya_webhook_endpoint_get_id (endpoint), self->selected_id) == 0)
        return endpoint;
    }

  return NULL;
}

static void
update_actions (RdWebhookPane *self)
{
  RivyaWebhookEndpoint *endpoint = rd_webhook_pane_get_selected (self);
  const char *status = endpoint ? rivya_webhook_endpoint_get_status (endpoint) : NULL;
  gboolean ready = _rd_webhook_pane_get_client (self) != NULL;
  gboolean live = endpoint != NULL && g_strcmp0 (status, "revoked") != 0 && ready;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "webhook.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "webhook.refresh", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "webhook.edit", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "webhook.toggle", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "webhook.rotate", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "webhook.delete", live);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "webhook.test",
                                 live && g_strcmp0 (status, "active") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "webhook.refresh-deliveries",
                                 endpoint != NULL && ready);

  gtk_button_set_label (self->toggle_button,
                        g_strcmp0 (status, "active") == 0 ? _("_Disable") : _("_Enable"));
}

static void
update_detail (RdWebhookPane *self)
{
  RivyaWebhookEndpoint *endpoint = rd_webhook_pane_get_selected (self);
  g_autofree char *events = NULL;
  g_autofree char *health = NULL;
  g_autofree char *status = NULL;
  g_autofree char *secret = NULL;
  gint64 failures;

  update_actions (self);
  if (endpoint == NULL)
    return;

  adw_preferences_group_set_title (self->endpoint_group, rivya_webhook_endpoint_get_name (endpoint));
  adw_preferences_group_set_description (self->endpoint_group,
                                         rivya_webhook_endpoint_get_id (endpoint));
  adw_action_row_set_subtitle (self->url_row, rivya_webhook_endpoint_get_url (endpoint));

  if (rivya_webhook_endpoint_get_disabled_at (endpoint) != NULL &&
      g_strcmp0 (rivya_webhook_endpoint_get_status (endpoint), "disabled") == 0)
    {
      g_autofree char *when = rd_webhook_format_time (rivya_webhook_endpoint_get_disabled_at (endpoint));

      /* Translators: "Disabled since 2026-05-11 10:00:00" */
      status = g_strdup_printf (_("Disabled since %s"), when);
    }
  else
    status = g_strdup (rd_webhook_status_label (rivya_webhook_endpoint_get_status (endpoint)));
  adw_action_row_set_subtitle (self->status_row, status);

  events = rivya_webhook_endpoint_get_event_types (endpoint)
    ? g_strjoinv (", ", (char **)rivya_webhook_endpoint_get_event_types (endpoint))
    : g_strdup ("");
  adw_action_row_set_subtitle (self->events_row, events);

  /* Translators: the preview of a secret, then why the whole one is not shown */
  secret = g_strdup_printf (_("%s (the whole secret is shown only when it is made)"),
                            rivya_webhook_endpoint_get_secret_preview (endpoint)
                              ? rivya_webhook_endpoint_get_secret_preview (endpoint) : "…");
  adw_action_row_set_subtitle (self->secret_row, secret);

  failures = rivya_webhook_endpoint_get_failure_count (endpoint);
  if (rivya_webhook_endpoint_get_last_success_at (endpoint) != NULL)
    {
      g_autofree char *when = rd_webhook_format_time (rivya_webhook_endpoint_get_last_success_at (endpoint));

      health = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Last success %2$s; %1$" PRId64 " failure since",
                                             "Last success %2$s; %1$" PRId64 " failures since",
                                             failures),
                                failures, when);
    }
  else if (failures > 0)
    health = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%" PRId64 " failed event, no success yet",
                                           "%" PRId64 " failed events, no success yet",
                                           failures),
                              failures);
  else
    health = g_strdup (_("Nothing delivered yet"));
  adw_action_row_set_subtitle (self->health_row, health);
}

static void
select_row_for_id (RdWebhookPane *self)
{
  GtkListBoxRow *row = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->endpoints)); i++)
    {
      g_autoptr(RivyaWebhookEndpoint) endpoint = g_list_model_get_item (G_LIST_MODEL (self->endpoints), i);

      if (g_strcmp0 (rivya_webhook_endpoint_get_id (endpoint), self->selected_id) == 0)
        row = gtk_list_box_get_row_at_index (self->endpoint_list, i);
    }

  self->selecting = TRUE;
  gtk_list_box_select_row (self->endpoint_list, row);
  self->selecting = FALSE;
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RdWebhookPane) self = user_data;
  g_autoptr(RivyaPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  page = rivya_client_list_webhooks_finish (RIVYA_CLIENT (object), result, &error);
  _rd_webhook_pane_set_loading (self, FALSE);
  if (_rd_webhook_pane_is_stale (self, object, error))
    return;
  if (page == NULL)
    {
      _rd_webhook_pane_show_error (self, _("Could not list the webhook endpoints"), error);
      return;
    }

  /* Deleted endpoints get no more deliveries: nothing to show. */
  n = g_list_model_get_n_items (G_LIST_MODEL (page));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RivyaWebhookEndpoint) endpoint = g_list_model_get_item (G_LIST_MODEL (page), i);

      if (g_strcmp0 (rivya_webhook_endpoint_get_status (endpoint), "revoked") != 0)
        g_ptr_array_add (items, g_steal_pointer (&endpoint));
    }

  g_list_store_splice (self->endpoints, 0, g_list_model_get_n_items (G_LIST_MODEL (self->endpoints)),
                       items->pdata, items->len);

  if (rd_webhook_pane_get_selected (self) == NULL)
    {
      g_clear_pointer (&self->selected_id, g_free);
      g_list_store_remove_all (self->deliveries);
      if (items->len > 0)
        {
          self->selected_id = g_strdup (rivya_webhook_endpoint_get_id (g_ptr_array_index (items, 0)));
          _rd_webhook_pane_load_deliveries (self);
        }
    }

  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "endpoints" : "empty");
  select_row_for_id (self);
  update_detail (self);
}

void
rd_webhook_pane_reload (RdWebhookPane *self)
{
  RivyaClient *client;

  g_return_if_fail (RD_IS_WEBHOOK_PANE (self));

  update_actions (self);
  if ((client = _rd_webhook_pane_get_client (self)) == NULL)
    return;

  self->loaded = TRUE;
  _rd_webhook_pane_set_loading (self, TRUE);
  rivya_client_list_webhooks_async (client, 100, NULL, self->cancellable, list_cb,
                                    g_object_ref (self));
}

static void
endpoint_selected_cb (RdWebhookPane *self,
                      GtkListBoxRow *row)
{
  g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;

  g_assert (RD_IS_WEBHOOK_PANE (self));

  if (self->selecting || row == NULL)
    return;

  endpoint = g_list_model_get_item (G_LIST_MODEL (self->endpoints),
                                    gtk_list_box_row_get_index (row));
  if (endpoint == NULL ||
      g_strcmp0 (rivya_webhook_endpoint_get_id (endpoint), self->selected_id) == 0)
    return;

  rd_webhook_pane_select (self, rivya_webhook_endpoint_get_id (endpoint));
}

static void
endpoint_activated_cb (RdWebhookPane *self,
                       GtkListBoxRow *row)
{
  g_assert (RD_IS_WEBHOOK_PANE (self));

  endpoint_selected_cb (self, row);
  adw_leaflet_set_visible_child (self->leaflet, self->detail);
}

void
rd_webhook_pane_select (RdWebhookPane *self,
                        const char    *endpoint_id)
{
  g_return_if_fail (RD_IS_WEBHOOK_PANE (self));

  g_free (self->selected_id);
  self->selected_id = g_strdup (endpoint_id);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_list_store_remove_all (self->deliveries);
  select_row_for_id (self);
  update_detail (self);
  _rd_webhook_pane_load_deliveries (self);
}

static void
session_client_cb (RdWebhookPane *self)
{
  g_assert (RD_IS_WEBHOOK_PANE (self));

  /* Answers of the old client mean nothing to the new one. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->n_loading = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  g_clear_pointer (&self->selected_id, g_free);
  g_list_store_remove_all (self->endpoints);
  g_list_store_remove_all (self->deliveries);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  /* Read when first shown, not at start-up for a view few people open. */
  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    rd_webhook_pane_reload (self);
  else
    update_actions (self);
}

static void
rd_webhook_pane_map (GtkWidget *widget)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (widget);

  GTK_WIDGET_CLASS (rd_webhook_pane_parent_class)->map (widget);

  if (!self->loaded)
    rd_webhook_pane_reload (self);
}

static void
rd_webhook_pane_dispose (GObject *object)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, session_client_cb, self);
  g_clear_object (&self->session);
  /* No gtk_widget_dispose_template(): the template's "stack" is the
   * AdwBin's own child, which AdwBin unparents; disposing the template
   * first would leave AdwBin a dangling child. */

  G_OBJECT_CLASS (rd_webhook_pane_parent_class)->dispose (object);
}

static void
rd_webhook_pane_finalize (GObject *object)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->endpoints);
  g_clear_object (&self->deliveries);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (rd_webhook_pane_parent_class)->finalize (object);
}

static void
rd_webhook_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loading > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_webhook_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rd_webhook_pane_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_webhook_pane_class_init (RdWebhookPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_webhook_pane_dispose;
  object_class->finalize = rd_webhook_pane_finalize;
  object_class->get_property = rd_webhook_pane_get_property;
  object_class->set_property = rd_webhook_pane_set_property;
  widget_class->map = rd_webhook_pane_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether a call is on its way: tests wait for it to settle. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-webhook-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, stack);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, detail);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, endpoint_list);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, endpoint_group);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, url_row);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, status_row);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, events_row);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, secret_row);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, health_row);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookPane, delivery_list);
  gtk_widget_class_bind_template_callback (widget_class, endpoint_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, endpoint_activated_cb);

  _rd_webhook_pane_class_actions_init (widget_class);
}

static void
rd_webhook_pane_init (RdWebhookPane *self)
{
  self->endpoints = g_list_store_new (RIVYA_TYPE_WEBHOOK_ENDPOINT);
  self->deliveries = g_list_store_new (RIVYA_TYPE_WEBHOOK_DELIVERY);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_bind_model (self->endpoint_list, G_LIST_MODEL (self->endpoints),
                           rd_webhook_endpoint_row_new, self, NULL);
  gtk_list_box_bind_model (self->delivery_list, G_LIST_MODEL (self->deliveries),
                           rd_webhook_delivery_row_new, self, NULL);
  update_actions (self);
}

RdSession *
rd_webhook_pane_get_session (RdWebhookPane *self)
{
  g_return_val_if_fail (RD_IS_WEBHOOK_PANE (self), NULL);

  return self->session;
}

void
rd_webhook_pane_set_session (RdWebhookPane *self,
                             RdSession     *session)
{
  g_return_if_fail (RD_IS_WEBHOOK_PANE (self));
  g_return_if_fail (session == NULL || RD_IS_SESSION (session));

  if (!rd_util_follow_session (&self->session, session, G_CALLBACK (session_client_cb), self))
    return;
  session_client_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
rd_webhook_pane_get_loading (RdWebhookPane *self)
{
  g_return_val_if_fail (RD_IS_WEBHOOK_PANE (self), FALSE);

  return self->n_loading > 0;
}

GListModel *
rd_webhook_pane_get_endpoints (RdWebhookPane *self)
{
  g_return_val_if_fail (RD_IS_WEBHOOK_PANE (self), NULL);

  return G_LIST_MODEL (self->endpoints);
}

GListModel *
rd_webhook_pane_get_deliveries (RdWebhookPane *self)
{
  g_return_val_if_fail (RD_IS_WEBHOOK_PANE (self), NULL);

  return G_LIST_MODEL (self->deliveries);
}
