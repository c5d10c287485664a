/* rd-webhook-secret-dialog.c
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

#define G_LOG_DOMAIN "rd-webhook-secret-dialog"

#include "config.h"

#include "rd-webhook-secret-dialog.h"

#include <glib/gi18n.h>
#include <string.h>

/* Shows a webhook signing secret, the one time the API gives it out
 * (A.9: in the answer of create and of rotate-secret), with a Copy
 * button. The secret lives only in this dialog: when it closes, the
 * label and the string are wiped, and nothing else in the app kept it. */

struct _RdWebhookSecretDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkLabel         *secret_label;
  AdwButtonContent *copy_content;

  /* Owned references */
  char             *secret;
};

G_DEFINE_FINAL_TYPE (RdWebhookSecretDialog, rd_webhook_secret_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
forget_secret (RdWebhookSecretDialog *self)
{
  if (self->secret != NULL)
    {
      memset (self->secret, 0, strlen (self->secret));
      g_clear_pointer (&self->secret, g_free);
    }
  gtk_label_set_label (self->secret_label, "");
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RdWebhookSecretDialog *self = RD_WEBHOOK_SECRET_DIALOG (widget);

  if (self->secret == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->secret);
  adw_button_content_set_label (self->copy_content, _("Copied"));
  adw_button_content_set_icon_name (self->copy_content, "object-select-symbolic");
}

static void
rd_webhook_secret_dialog_response (AdwMessageDialog *dialog,
                                   const char       *response)
{
  forget_secret (RD_WEBHOOK_SECRET_DIALOG (dialog));
}

static void
rd_webhook_secret_dialog_dispose (GObject *object)
{
  RdWebhookSecretDialog *self = RD_WEBHOOK_SECRET_DIALOG (object);

  if (self->secret_label != NULL)
    forget_secret (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_WEBHOOK_SECRET_DIALOG);

  G_OBJECT_CLASS (rd_webhook_secret_dialog_parent_class)->dispose (object);
}

static void
rd_webhook_secret_dialog_class_init (RdWebhookSecretDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = rd_webhook_secret_dialog_dispose;
  dialog_class->response = rd_webhook_secret_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-webhook-secret-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdWebhookSecretDialog, secret_label);
  gtk_widget_class_bind_template_child (widget_class, RdWebhookSecretDialog, copy_content);
  gtk_widget_class_install_action (widget_class, "secret.copy", NULL, copy_action);
}

static void
rd_webhook_secret_dialog_init (RdWebhookSecretDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @rotated: the secret replaces an older one, which keeps signing for
 * 24 hours (B.11). */
RdWebhookSecretDialog *
rd_webhook_secret_dialog_new (GtkWindow  *parent,
                              const char *secret,
                              gboolean    rotated)
{
  RdWebhookSecretDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (secret != NULL, NULL);

  self = g_object_new (RD_TYPE_WEBHOOK_SECRET_DIALOG, "transient-for", parent, NULL);
  self->secret = g_strdup (secret);
  gtk_label_set_label (self->secret_label, secret);

  if (rotated)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Copy the New Signing Secret"));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                                   _("Put this secret on your server now: it is shown only this once, "
                                     "and Rivya cannot show it again. For the next 24 hours deliveries "
                                     "are signed with both the old and the new secret, so nothing is "
                                     "lost while you switch."));
    }

  return self;
}

/* The secret while the dialog shows it; NULL once it was closed. */
const char *
rd_webhook_secret_dialog_get_secret (RdWebhookSecretDialog *self)
{
  g_return_val_if_fail (RD_IS_WEBHOOK_SECRET_DIALOG (self), NULL);

  return self->secret;
}
