/* rd-webhook-editor.c
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

#define G_LOG_DOMAIN "rd-webhook-editor"

#include "config.h"

#include "rd-webhook-editor.h"

#include <glib/gi18n.h>

/* The dialog that creates or edits a webhook endpoint: name, URL and
 * the events to deliver. Saving is up to whoever handles the "save"
 * response; the dialog only refuses to offer it while a field is empty.
 * URL rules (HTTPS, no private addresses) are the server's to enforce:
 * its answer says what is wrong better than a guess here could. */

struct _RdWebhookEditor
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow      *name_row;
  AdwEntryRow      *url_row;
  GtkCheckButton   *succeeded_check;
  GtkCheckButton   *failed_check;
};

G_DEFINE_FINAL_TYPE (RdWebhookEditor, rd_webhook_editor, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
has_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0';
}

static void
update_cb (RdWebhookEditor *self)
{
  gboolean ok;

  g_assert (RD_IS_WEBHOOK_EDITOR (self));

  ok = has_text (self->name_row) && has_text (self->url_row) &&
       (gtk_check_button_get_active (self->succeeded_check) ||
        gtk_check_button_get_active (self->failed_check));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", ok);
}

static void
rd_webhook_editor_class_init (RdWebhookEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-webhook-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RdWebhookEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookEditor, succeeded_check);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookEditor, failed_check);
  gtk_widget_class_bind_template_callback (widget_class, update_cb);
}

static void
rd_webhook_editor_init (RdWebhookEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_cb (self);
}

/* With @endpoint, edits it; without, makes a new one. */
RdWebhookEditor *
rd_webhook_editor_new (GtkWindow            *parent,
                       RivyaWebhookEndpoint *endpoint)
{
  RdWebhookEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (endpoint == NULL || RIVYA_IS_WEBHOOK_ENDPOINT (endpoint), NULL);

  self = g_object_new (RD_TYPE_WEBHOOK_EDITOR, "transient-for", parent, NULL);

  if (endpoint != NULL)
    {
      const char * const *types = rivya_webhook_endpoint_get_event_types (endpoint);

      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Edit Webhook Endpoint"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Save"));
      rd_webhook_editor_set_name (self, rivya_webhook_endpoint_get_name (endpoint));
      rd_webhook_editor_set_url (self, rivya_webhook_endpoint_get_url (endpoint));
      gtk_check_button_set_active (self->succeeded_check,
                                   types && g_strv_contains (types, "generation.succeeded"));
      gtk_check_button_set_active (self->failed_check,
                                   types && g_strv_contains (types, "generation.failed"));
    }

  return self;
}

const char *
rd_webhook_editor_get_name (RdWebhookEditor *self)
{
  g_return_val_if_fail (RD_IS_WEBHOOK_EDITOR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

void
rd_webhook_editor_set_name (RdWebhookEditor *self,
                            const char      *name)
{
  g_return_if_fail (RD_IS_WEBHOOK_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

const char *
rd_webhook_editor_get_url (RdWebhookEditor *self)
{
  g_return_val_if_fail (RD_IS_WEBHOOK_EDITOR (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->url_row));
}

void
rd_webhook_editor_set_url (RdWebhookEditor *self,
                           const char      *url)
{
  g_return_if_fail (RD_IS_WEBHOOK_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
}

/* The checked event types, NULL-terminated. */
char **
rd_webhook_editor_dup_event_types (RdWebhookEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RD_IS_WEBHOOK_EDITOR (self), NULL);

  if (gtk_check_button_get_active (self->succeeded_check))
    g_strv_builder_add (builder, "generation.succeeded");
  if (gtk_check_button_get_active (self->failed_check))
    g_strv_builder_add (builder, "generation.failed");

  return g_strv_builder_end (builder);
}
