/* rd-webhook-pane-actions.c
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

#define G_LOG_DOMAIN "rd-webhook-pane-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-webhook-editor.h"
#include "rd-webhook-pane-private.h"
#include "rd-webhook-secret-dialog.h"

/* What the buttons of RdWebhookPane do: create, edit, disable and
 * enable, rotate, test and delete, each a "webhook.*" widget action. */

/* After create and rotate: the secret goes to its dialog, and to no one
 * else; the endpoint is read again from the list, which has none. */
static void
show_secret (RdWebhookPane        *self,
             RivyaWebhookEndpoint *endpoint,
             gboolean              rotated)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *secret = rivya_webhook_endpoint_get_signing_secret (endpoint);
  RdWebhookSecretDialog *dialog;

  if (secret == NULL)
    return;

  dialog = rd_webhook_secret_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         secret, rotated);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdWebhookPane) self = user_data;
  g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  endpoint = rivya_client_create_webhook_finish (RIVYA_CLIENT (object), result, &error);
  _rd_webhook_pane_set_loading (self, FALSE);
  if (_rd_webhook_pane_is_stale (self, object, error))
    return;
  if (endpoint == NULL)
    {
      _rd_webhook_pane_show_error (self, _("Could not add the endpoint"), error);
      return;
    }

  show_secret (self, endpoint, FALSE);
  g_free (self->selected_id);
  self->selected_id = g_strdup (rivya_webhook_endpoint_get_id (endpoint));
  g_list_store_remove_all (self->deliveries);
  rd_webhook_pane_reload (self);
}

static void
endpoint_changed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(RdWebhookPane) self = user_data;
  g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;
  gpointer tag = g_task_get_source_tag (G_TASK (result));

  if (tag == rivya_client_update_webhook_async)
    endpoint = rivya_client_update_webhook_finish (RIVYA_CLIENT (object), result, &error);
  else if (tag == rivya_client_rotate_webhook_secret_async)
    endpoint = rivya_client_rotate_webhook_secret_finish (RIVYA_CLIENT (object), result, &error);
  else
    endpoint = rivya_client_delete_webhook_finish (RIVYA_CLIENT (object), result, &error);
  _rd_webhook_pane_set_loading (self, FALSE);
  if (_rd_webhook_pane_is_stale (self, object, error))
    return;
  if (endpoint == NULL)
    {
      _rd_webhook_pane_show_error (self,
                  tag == rivya_client_update_webhook_async ? _("Could not change the endpoint") :
                  tag == rivya_client_rotate_webhook_secret_async ? _("Could not rotate the secret") :
                  _("Could not delete the endpoint"),
                  error);
      return;
    }

  if (tag == rivya_client_rotate_webhook_secret_async)
    show_secret (self, endpoint, TRUE);
  rd_webhook_pane_reload (self);
}

static void
editor_response_cb (RdWebhookEditor *editor,
                    const char      *response,
                    RdWebhookPane   *self)
{
  RivyaClient *client = _rd_webhook_pane_get_client (self);
  g_auto(GStrv) types = NULL;
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  const char *endpoint_id = g_object_get_data (G_OBJECT (editor), "endpoint-id");

  if (!g_str_equal (response, "save") || client == NULL)
    return;

  name = g_strstrip (g_strdup (rd_webhook_editor_get_name (editor)));
  url = g_strstrip (g_strdup (rd_webhook_editor_get_url (editor)));
  types = rd_webhook_editor_dup_event_types (editor);

  _rd_webhook_pane_set_loading (self, TRUE);
  if (endpoint_id == NULL)
    rivya_client_create_webhook_async (client, name, url, (const char * const *)types,
                                       self->cancellable, create_cb, g_object_ref (self));
  else
    rivya_client_update_webhook_async (client, endpoint_id, name, url,
                                       (const char * const *)types, NULL,
                                       self->cancellable, endpoint_changed_cb, g_object_ref (self));
}

static void
open_editor (RdWebhookPane        *self,
             RivyaWebhookEndpoint *endpoint)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  RdWebhookEditor *editor;

  editor = rd_webhook_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, endpoint);
  if (endpoint != NULL)
    g_object_set_data_full (G_OBJECT (editor), "endpoint-id",
                            g_strdup (rivya_webhook_endpoint_get_id (endpoint)), g_free);
  g_signal_connect_object (editor, "response", G_CALLBACK (editor_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_editor (RD_WEBHOOK_PANE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (widget);
  RivyaWebhookEndpoint *endpoint = rd_webhook_pane_get_selected (self);

  if (endpoint != NULL)
    open_editor (self, endpoint);
}

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (widget);
  RivyaWebhookEndpoint *endpoint = rd_webhook_pane_get_selected (self);
  RivyaClient *client = _rd_webhook_pane_get_client (self);
  gboolean active;

  if (endpoint == NULL || client == NULL)
    return;

  active = g_strcmp0 (rivya_webhook_endpoint_get_status (endpoint), "active") == 0;
  _rd_webhook_pane_set_loading (self, TRUE);
  rivya_client_update_webhook_async (client, rivya_webhook_endpoint_get_id (endpoint),
                                     NULL, NULL, NULL, active ? "disabled" : "active",
                                     self->cancellable, endpoint_changed_cb, g_object_ref (self));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RdWebhookPane    *self)
{
  RivyaClient *client = _rd_webhook_pane_get_client (self);
  const char *endpoint_id = g_object_get_data (G_OBJECT (dialog), "endpoint-id");

  if (client == NULL)
    return;

  if (g_str_equal (response, "rotate"))
    {
      _rd_webhook_pane_set_loading (self, TRUE);
      rivya_client_rotate_webhook_secret_async (client, endpoint_id, self->cancellable,
                                                endpoint_changed_cb, g_object_ref (self));
    }
  else if (g_str_equal (response, "delete"))
    {
      _rd_webhook_pane_set_loading (self, TRUE);
      rivya_client_delete_webhook_async (client, endpoint_id, self->cancellable,
                                         endpoint_changed_cb, g_object_ref (self));
    }
}

static void
confirm (RdWebhookPane *self,
         const char    *heading,
         const char    *body,
         const char    *response,
         const char    *label,
         AdwResponseAppearance appearance)
{
  RivyaWebhookEndpoint *endpoint = rd_webhook_pane_get_selected (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (endpoint == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "endpoint-id",
                          g_strdup (rivya_webhook_endpoint_get_id (endpoint)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rotate_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  confirm (RD_WEBHOOK_PANE (widget),
           _("Rotate the Signing Secret?"),
           _("A new secret is made and shown once. For 24 hours deliveries are signed with both "
             "secrets, which gives you time to put the new one on your server."),
           "rotate", _("_Rotate"), ADW_RESPONSE_SUGGESTED);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  confirm (RD_WEBHOOK_PANE (widget),
           _("Delete the Endpoint?"),
           _("Rivya stops sending events to it at once. This cannot be undone."),
           "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
}

static void
test_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RdWebhookPane) self = user_data;
  g_autoptr(RivyaWebhookDelivery) delivery = NULL;
  g_autoptr(GError) error = NULL;

  delivery = rivya_client_test_webhook_finish (RIVYA_CLIENT (object), result, &error);
  _rd_webhook_pane_set_loading (self, FALSE);
  if (_rd_webhook_pane_is_stale (self, object, error))
    return;
  if (delivery == NULL)
    {
      _rd_webhook_pane_show_error (self, _("Could not send a test event"), error);
      return;
    }

  _rd_webhook_pane_show_toast (self, _("Test event sent"));
  if (g_strcmp0 (rivya_webhook_delivery_get_endpoint_id (delivery), self->selected_id) == 0)
    {
      self->polls_left = DELIVERY_POLL_TRIES;
      g_clear_handle_id (&self->poll_id, g_source_remove);
      _rd_webhook_pane_load_deliveries (self);
    }
}

static void
test_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (widget);
  RivyaClient *client = _rd_webhook_pane_get_client (self);

  if (client == NULL || self->selected_id == NULL)
    return;

  _rd_webhook_pane_set_loading (self, TRUE);
  rivya_client_test_webhook_async (client, self->selected_id, self->cancellable, test_cb,
                                   g_object_ref (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  rd_webhook_pane_reload (RD_WEBHOOK_PANE (widget));
}

static void
refresh_deliveries_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (widget);

  self->polls_left = DELIVERY_POLL_TRIES;
  _rd_webhook_pane_load_deliveries (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RdWebhookPane *self = RD_WEBHOOK_PANE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
_rd_webhook_pane_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "webhook.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "webhook.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "webhook.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "webhook.rotate", NULL, rotate_action);
  gtk_widget_class_install_action (widget_class, "webhook.test", NULL, test_action);
  gtk_widget_class_install_action (widget_class, "webhook.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "webhook.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "webhook.refresh-deliveries", NULL,
                                   refresh_deliveries_action);
  gtk_widget_class_install_action (widget_class, "webhook.back", NULL, back_action);
}
