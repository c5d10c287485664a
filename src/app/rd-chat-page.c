/* rd-chat-page.c
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

#include "rd-chat-history.h"
#include "rd-chat-message-row.h"
#include "rd-chat-page-private.h"

/* The Chat view: the sessions on the left (the local history merged
 * with GET /chat/sessions), the conversation on the right as a list
 * view over the session's messages, so that a session of thousands of
 * messages only builds the rows on screen, and the composer below.
 * Sending and streaming a turn live in rd-chat-page-turn.c. */

G_DEFINE_FINAL_TYPE (RdChatPage, rd_chat_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

RivyaClient *
_rd_chat_page_get_client (RdChatPage *self)
{
  return self->session ? rd_session_get_client (self->session) : NULL;
}

RivyaModel *
_rd_chat_page_find_model (RdChatPage *self,
                          const char *model_id)
{
  GListModel *models = G_LIST_MODEL (self->chat_models);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (g_strcmp0 (rivya_model_get_id (model), model_id) == 0)
        return model;
    }
  return NULL;
}

void
_rd_chat_page_update_sessions_stack (RdChatPage *self)
{
  gtk_stack_set_visible_child_name (self->sessions_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->conversations)) > 0
                                    ? "list" : "empty");
}

/* Moves @conversation to the top of the list, as the most recent. */
void
_rd_chat_page_touch (RdChatPage         *self,
                     RdChatConversation *conversation)
{
  guint position;

  rd_chat_conversation_set_updated (conversation, g_get_real_time () / G_USEC_PER_SEC);
  if (g_list_store_find (self->conversations, conversation, &position))
    {
      if (position == 0)
        return;
      g_object_ref (conversation);
      g_list_store_remove (self->conversations, position);
    }
  else
    g_object_ref (conversation);
  g_list_store_insert (self->conversations, 0, conversation);
  g_object_unref (conversation);
  gtk_single_selection_set_selected (self->sessions_selection, 0);
  _rd_chat_page_update_sessions_stack (self);
}

/* Drops @conversation from the list and the history. */
void
_rd_chat_page_forget (RdChatPage         *self,
                      RdChatConversation *conversation)
{
  g_autoptr(RdChatConversation) hold = g_object_ref (conversation);
  guint position;

  if (g_list_store_find (self->conversations, conversation, &position))
    g_list_store_remove (self->conversations, position);
  if (self->db != NULL)
    rd_chat_history_delete_conversation (self->db, conversation);
  if (self->current == conversation)
    {
      g_clear_object (&self->current);
      _rd_chat_page_show_conversation (self, NULL);
    }
  _rd_chat_page_update_sessions_stack (self);
}

void
_rd_chat_page_update_actions (RdChatPage *self)
{
  gboolean streaming = self->stream != NULL;
  gboolean connected = _rd_chat_page_get_client (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.send", !streaming && connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.stop", streaming);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.restore", self->restore_text != NULL);
  rd_chat_composer_set_streaming (self->composer, streaming);
  /* A session keeps its model: only a new chat chooses one. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->model_dropdown), self->current == NULL && !streaming);
}

void
_rd_chat_page_show_error (RdChatPage *self,
                          const char *text,
                          gboolean    restorable)
{
  gtk_label_set_text (self->error_label, text ? text : "");
  gtk_widget_set_visible (self->restore_button, restorable && self->restore_text != NULL);
  gtk_revealer_set_reveal_child (self->error_revealer, text != NULL);
}

void
_rd_chat_page_select_model (RdChatPage *self,
                            const char *model_id)
{
  GListModel *models = G_LIST_MODEL (self->chat_models);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (g_strcmp0 (rivya_model_get_id (model), model_id) == 0)
        {
          gtk_drop_down_set_selected (self->model_dropdown, i);
          return;
        }
    }
}

void
_rd_chat_page_show_conversation (RdChatPage         *self,
                                 RdChatConversation *conversation)
{
  GListModel *messages = conversation ? G_LIST_MODEL (rd_chat_conversation_get_messages (conversation)) : NULL;
  RivyaModel *model;

  gtk_no_selection_set_model (self->messages_selection, messages);
  gtk_label_set_text (self->title_label, conversation ? rd_chat_conversation_get_title (conversation)
                                                      : _("New Chat"));
  if (conversation != NULL)
    _rd_chat_page_select_model (self, rd_chat_conversation_get_model (conversation));
  model = _rd_chat_page_find_model (self, conversation ? rd_chat_conversation_get_model (conversation)
                                                       : NULL);
  if (model == NULL && conversation == NULL)
    model = gtk_drop_down_get_selected_item (self->model_dropdown);
  rd_chat_composer_set_model (self->composer, model);

  if (messages == NULL || g_list_model_get_n_items (messages) == 0)
    gtk_stack_set_visible_child_name (self->conversation_stack, "start");
  else
    {
      gtk_stack_set_visible_child_name (self->conversation_stack, "messages");
      _rd_chat_page_follow_end (self);
    }
  _rd_chat_page_update_actions (self);
}

/* Shows @conversation, reading its messages from the history, or from
 * the server for a session only the server knows. */
void
rd_chat_page_open (RdChatPage         *self,
                   RdChatConversation *conversation)
{
  RivyaClient *client;

  g_return_if_fail (RD_IS_CHAT_PAGE (self));
  g_return_if_fail (!conversation || RD_IS_CHAT_CONVERSATION (conversation));

  if (!g_set_object (&self->current, conversation) && conversation != NULL)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      return;
    }

  if (conversation == NULL)
    gtk_single_selection_set_selected (self->sessions_selection, GTK_INVALID_LIST_POSITION);
  else
    {
      guint position;

      if (g_list_store_find (self->conversations, conversation, &position))
        gtk_single_selection_set_selected (self->sessions_selection, position);
    }
  adw_leaflet_set_visible_child (self->leaflet, self->content);

  if (conversation != NULL && !rd_chat_conversation_get_loaded (conversation))
    {
      if (self->db != NULL && rd_chat_conversation_get_local_id (conversation) > 0)
        rd_chat_history_load_messages (self->db, conversation);
      client = _rd_chat_page_get_client (self);
      if (g_list_model_get_n_items (G_LIST_MODEL (rd_chat_conversation_get_messages (conversation))) == 0 &&
          rd_chat_conversation_get_server_id (conversation) != NULL && client != NULL)
        {
          g_object_set_data (G_OBJECT (conversation), "rd-chat-page", self);
          gtk_stack_set_visible_child_name (self->conversation_stack, "loading");
          rivya_client_get_chat_session_async (client, rd_chat_conversation_get_server_id (conversation),
                                               self->load_cancellable, _rd_chat_page_get_session_cb,
                                               g_object_ref (conversation));
          return;
        }
      rd_chat_conversation_set_loaded (conversation, TRUE);
    }
  _rd_chat_page_show_conversation (self, conversation);
}

static void
sessions_activate_cb (RdChatPage  *self,
                      guint        position,
                      GtkListView *view)
{
  g_autoptr(RdChatConversation) conversation = NULL;

  g_assert (RD_IS_CHAT_PAGE (self));

  conversation = g_list_model_get_item (G_LIST_MODEL (self->conversations), position);
  rd_chat_page_open (self, conversation);
}

static void
back_clicked_cb (RdChatPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
model_selected_cb (RdChatPage *self)
{
  if (self->current == NULL)
    rd_chat_composer_set_model (self->composer, gtk_drop_down_get_selected_item (self->model_dropdown));
}

static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RdChatPage *self = RD_CHAT_PAGE (widget);

  rd_chat_page_open (self, NULL);
  rd_chat_composer_grab_focus (self->composer);
}

static void
send_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _rd_chat_page_send (RD_CHAT_PAGE (widget));
}

static void
stop_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _rd_chat_page_stop (RD_CHAT_PAGE (widget));
}

static void
restore_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RdChatPage *self = RD_CHAT_PAGE (widget);

  if (self->restore_text == NULL)
    return;
  rd_chat_composer_set_text (self->composer, self->restore_text);
  g_clear_pointer (&self->restore_text, g_free);
  _rd_chat_page_show_error (self, NULL, FALSE);
  _rd_chat_page_update_actions (self);
  rd_chat_composer_grab_focus (self->composer);
}

static void
dismiss_error_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  _rd_chat_page_show_error (RD_CHAT_PAGE (widget), NULL, FALSE);
}

static void
rd_chat_page_dispose (GObject *object)
{
  RdChatPage *self = (RdChatPage *)object;

  if (self->stream != NULL)
    _rd_chat_page_stop (self);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  /* AdwBin unparents its child, the template's leaflet, itself. */
  g_clear_object (&self->session);
  g_clear_object (&self->current);
  g_clear_object (&self->sessions_selection);
  g_clear_object (&self->messages_selection);
  g_clear_object (&self->conversations);
  g_clear_object (&self->chat_models);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->restore_text, g_free);
  g_clear_pointer (&self->db, sqlite3_close);

  G_OBJECT_CLASS (rd_chat_page_parent_class)->dispose (object);
}

static void
rd_chat_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RdChatPage *self = RD_CHAT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_chat_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RdChatPage *self = RD_CHAT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rd_chat_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
copy_as_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gint64 local_id;
  const char *format;

  g_variant_get (parameter, "(x&s)", &local_id, &format);
  _rd_chat_page_copy_as (RD_CHAT_PAGE (widget), local_id, format);
}

static void
rd_chat_page_class_init (RdChatPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_chat_page_dispose;
  object_class->get_property = rd_chat_page_get_property;
  object_class->set_property = rd_chat_page_set_property;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RD_TYPE_CHAT_COMPOSER);
  g_type_ensure (RD_TYPE_CHAT_CONVERSATION);
  g_type_ensure (RD_TYPE_CHAT_MESSAGE_ROW);
  g_type_ensure (RIVYA_TYPE_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-chat-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, content);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, sessions_stack);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, sessions_view);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, model_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, conversation_stack);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, messages_scroller);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, messages_view);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, restore_button);
  gtk_widget_class_bind_template_child (widget_class, RdChatPage, composer);
  gtk_widget_class_bind_template_callback (widget_class, sessions_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "chat.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "chat.send", NULL, send_action_cb);
  gtk_widget_class_install_action (widget_class, "chat.stop", NULL, stop_action_cb);
  gtk_widget_class_install_action (widget_class, "chat.restore", NULL, restore_action_cb);
  gtk_widget_class_install_action (widget_class, "chat.dismiss-error", NULL, dismiss_error_action_cb);
  gtk_widget_class_install_action (widget_class, "chat.copy-as", "(xs)", copy_as_action_cb);
}

static void
rd_chat_page_init (RdChatPage *self)
{
  g_autoptr(GPtrArray) conversations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rd_chat_history_get_path ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->load_cancellable = g_cancellable_new ();
  self->conversations = g_list_store_new (RD_TYPE_CHAT_CONVERSATION);
  self->chat_models = g_list_store_new (RIVYA_TYPE_MODEL);

  self->db = rd_chat_history_open (path, conversations, &error);
  if (self->db == NULL)
    g_message ("The chat history could not be opened: %s", error->message);
  g_list_store_splice (self->conversations, 0, 0, conversations->pdata, conversations->len);

  self->sessions_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->conversations)));
  gtk_single_selection_set_autoselect (self->sessions_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->sessions_selection, TRUE);
  gtk_single_selection_set_selected (self->sessions_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->sessions_view, GTK_SELECTION_MODEL (self->sessions_selection));
  _rd_chat_page_update_sessions_stack (self);

  self->messages_selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->messages_view, GTK_SELECTION_MODEL (self->messages_selection));

  gtk_drop_down_set_model (self->model_dropdown, G_LIST_MODEL (self->chat_models));
  g_signal_connect_swapped (self->model_dropdown, "notify::selected", G_CALLBACK (model_selected_cb), self);

  _rd_chat_page_scroll_init (self);

  _rd_chat_page_show_conversation (self, NULL);
}

GtkWidget *
rd_chat_page_new (void)
{
  return g_object_new (RD_TYPE_CHAT_PAGE, NULL);
}

void
rd_chat_page_set_session (RdChatPage *self,
                          RdSession  *session)
{
  g_return_if_fail (RD_IS_CHAT_PAGE (self));
  g_return_if_fail (!session || RD_IS_SESSION (session));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  rd_chat_composer_set_session (self->composer, session);
  if (session != NULL)
    g_signal_connect_swapped (session, "notify::client", G_CALLBACK (_rd_chat_page_reload), self);
  _rd_chat_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

/* Returns: (transfer none): the sessions, most recent first */
GListModel *
rd_chat_page_get_conversations (RdChatPage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_PAGE (self), NULL);
  return G_LIST_MODEL (self->conversations);
}

/* Returns: (transfer none) (nullable): the open session, NULL for a new chat */
RdChatConversation *
rd_chat_page_get_current (RdChatPage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_PAGE (self), NULL);
  return self->current;
}

RdChatComposer *
rd_chat_page_get_composer (RdChatPage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_PAGE (self), NULL);
  return self->composer;
}

gboolean
rd_chat_page_get_streaming (RdChatPage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_PAGE (self), FALSE);
  return self->stream != NULL;
}

/* Returns: (nullable): the error shown above the composer */
const char *
rd_chat_page_get_error (RdChatPage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_PAGE (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
