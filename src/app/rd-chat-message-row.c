/* rd-chat-message-row.c
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

#include "config.h"

#include <glib/gi18n.h>
/* PRId64 in translatable strings: xgettext knows it, not G_GINT64_FORMAT. */
#include <inttypes.h>

#include "rd-chat-message-row.h"

/* One message of the conversation list. Rows are recycled by the list
 * view, so the row follows whichever message it is given through a
 * signal group: a streaming answer updates only its own row. */
struct _RdChatMessageRow
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *role_label;
  GtkSpinner     *spinner;
  GtkMenuButton  *copy_button;
  RdMarkdownView *view;
  GtkLabel       *attachments_label;
  GtkLabel       *footer_label;
  GtkLabel       *error_label;

  /* Owned references */
  RdChatMessage  *message;
  GSignalGroup   *signals;
};

G_DEFINE_FINAL_TYPE (RdChatMessageRow, rd_chat_message_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update_content (RdChatMessageRow *self)
{
  rd_markdown_view_set_markdown (self->view, self->message ? rd_chat_message_get_content (self->message) : "");
}

static void
update_status (RdChatMessageRow *self)
{
  RdChatMessageState state = self->message ? rd_chat_message_get_state (self->message) : RD_CHAT_MESSAGE_DONE;
  const char *error = self->message ? rd_chat_message_get_error (self->message) : NULL;
  g_autoptr(GString) footer = g_string_new (NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), state == RD_CHAT_MESSAGE_STREAMING);
  gtk_spinner_set_spinning (self->spinner, state == RD_CHAT_MESSAGE_STREAMING);

  if (self->message != NULL && !rd_chat_message_is_user (self->message))
    {
      gint64 tokens = rd_chat_message_get_input_tokens (self->message) +
                      rd_chat_message_get_output_tokens (self->message);
      gint64 credits = rd_chat_message_get_final_credits (self->message);

      if (state == RD_CHAT_MESSAGE_STOPPED)
        g_string_append (footer, _("Stopped: the answer was cut here."));
      if (tokens > 0)
        {
          if (footer->len > 0)
            g_string_append (footer, " ");
          g_string_append_printf (footer,
                                  g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " token",
                                               "%" PRId64 " tokens", tokens),
                                  tokens);
        }
      if (credits >= 0)
        {
          g_string_append (footer, footer->len > 0 ? " · " : "");
          g_string_append_printf (footer,
                                  g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " credit",
                                               "%" PRId64 " credits", credits),
                                  credits);
        }
    }
  gtk_label_set_text (self->footer_label, footer->str);
  gtk_widget_set_visible (GTK_WIDGET (self->footer_label), footer->len > 0);

  gtk_label_set_text (self->error_label, error ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL && *error != '\0');
}

/* A question can be taken to the API as it was asked: the menu's items
 * name the message, since a row is recycled for other messages. */
static void
update_copy_menu (RdChatMessageRow *self)
{
  gint64 local_id = self->message ? rd_chat_message_get_local_id (self->message) : 0;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) curl = NULL;
  g_autoptr(GMenuItem) cli = NULL;

  if (self->message == NULL || !rd_chat_message_is_user (self->message) || local_id <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->copy_button), FALSE);
      gtk_menu_button_set_menu_model (self->copy_button, NULL);
      return;
    }

  menu = g_menu_new ();
  curl = g_menu_item_new (_("As a _curl Script"), NULL);
  g_menu_item_set_action_and_target_value (curl, "chat.copy-as",
                                           g_variant_new ("(xs)", local_id, "curl"));
  g_menu_append_item (menu, curl);
  cli = g_menu_item_new (_("As a _rivya Command"), NULL);
  g_menu_item_set_action_and_target_value (cli, "chat.copy-as",
                                           g_variant_new ("(xs)", local_id, "cli"));
  g_menu_append_item (menu, cli);
  gtk_menu_button_set_menu_model (self->copy_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), TRUE);
}

static void
update_all (RdChatMessageRow *self)
{
  const char * const *attachments = NULL;
  gboolean user = self->message != NULL && rd_chat_message_is_user (self->message);

  gtk_label_set_text (self->role_label, user ? _("You") : _("Assistant"));
  if (user)
    gtk_widget_add_css_class (self->box, "card");
  else
    gtk_widget_remove_css_class (self->box, "card");

  if (self->message != NULL)
    attachments = rd_chat_message_get_attachments (self->message);
  if (attachments != NULL && attachments[0] != NULL)
    {
      g_autofree char *ids = g_strjoinv (", ", (char **) attachments);
      guint n = g_strv_length ((char **) attachments);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Attached image: %s",
                                                            "Attached images: %s", n),
                                               ids);

      gtk_label_set_text (self->attachments_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->attachments_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->attachments_label), FALSE);

  update_content (self);
  update_status (self);
  update_copy_menu (self);
}

static void
rd_chat_message_row_dispose (GObject *object)
{
  RdChatMessageRow *self = (RdChatMessageRow *)object;

  g_signal_group_set_target (self->signals, NULL);
  g_clear_object (&self->message);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_CHAT_MESSAGE_ROW);

  G_OBJECT_CLASS (rd_chat_message_row_parent_class)->dispose (object);
}

static void
rd_chat_message_row_finalize (GObject *object)
{
  RdChatMessageRow *self = (RdChatMessageRow *)object;

  g_clear_object (&self->signals);

  G_OBJECT_CLASS (rd_chat_message_row_parent_class)->finalize (object);
}

static void
rd_chat_message_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RdChatMessageRow *self = RD_CHAT_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_object (value, self->message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_chat_message_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RdChatMessageRow *self = RD_CHAT_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      rd_chat_message_row_set_message (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_chat_message_row_class_init (RdChatMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_chat_message_row_dispose;
  object_class->finalize = rd_chat_message_row_finalize;
  object_class->get_property = rd_chat_message_row_get_property;
  object_class->set_property = rd_chat_message_row_set_property;

  properties [PROP_MESSAGE] =
    g_param_spec_object ("message", NULL, NULL, RD_TYPE_CHAT_MESSAGE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RD_TYPE_MARKDOWN_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-chat-message-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RdChatMessageRow, box);
  gtk_widget_class_bind_template_child (widget_class, RdChatMessageRow, role_label);
  gtk_widget_class_bind_template_child (widget_class, RdChatMessageRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RdChatMessageRow, view);
  gtk_widget_class_bind_template_child (widget_class, RdChatMessageRow, attachments_label);
  gtk_widget_class_bind_template_child (widget_class, RdChatMessageRow, footer_label);
  gtk_widget_class_bind_template_child (widget_class, RdChatMessageRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdChatMessageRow, copy_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rd_chat_message_row_init (RdChatMessageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->signals = g_signal_group_new (RD_TYPE_CHAT_MESSAGE);
  g_signal_group_connect_swapped (self->signals, "notify::content", G_CALLBACK (update_content), self);
  g_signal_group_connect_swapped (self->signals, "notify::state", G_CALLBACK (update_status), self);
  g_signal_group_connect_swapped (self->signals, "notify::usage", G_CALLBACK (update_status), self);
  g_signal_group_connect_swapped (self->signals, "notify::error", G_CALLBACK (update_status), self);
}

GtkWidget *
rd_chat_message_row_new (void)
{
  return g_object_new (RD_TYPE_CHAT_MESSAGE_ROW, NULL);
}

/* Returns: (transfer none) (nullable): the message shown */
RdChatMessage *
rd_chat_message_row_get_message (RdChatMessageRow *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE_ROW (self), NULL);
  return self->message;
}

void
rd_chat_message_row_set_message (RdChatMessageRow *self,
                                 RdChatMessage    *message)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE_ROW (self));
  g_return_if_fail (!message || RD_IS_CHAT_MESSAGE (message));

  if (!g_set_object (&self->message, message))
    return;
  g_signal_group_set_target (self->signals, message);
  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MESSAGE]);
}

/* Returns: (transfer none): the Markdown view of the message's text */
RdMarkdownView *
rd_chat_message_row_get_view (RdChatMessageRow *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE_ROW (self), NULL);
  return self->view;
}
