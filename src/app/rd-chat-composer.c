/* rd-chat-composer.c
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

#include "rd-chat-composer.h"

/* Where the next message is written: the text, the images attached to
 * it (uploaded through the Files API as soon as they are added, so
 * sending waits for nothing), the model's options where its
 * chat_capabilities have them, and Send or Stop. Send and Stop are the
 * page's chat.send and chat.stop actions. */
struct _RdChatComposer
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *box;
  GtkFlowBox      *attachments_box;
  GtkTextView     *text_view;
  GtkStack        *send_stack;
  GtkWidget       *options_box;
  GtkToggleButton *web_search_button;
  GtkWidget       *effort_box;
  GtkDropDown     *effort_dropdown;

  /* Owned references */
  RdSession       *session;
  GPtrArray       *attachments;
  GtkStringList   *efforts;
};

typedef struct
{
  RdChatComposer *self;
  GtkWidget      *chip;
  GtkLabel       *label;
  char           *name;
  char           *file_id;
  GCancellable   *cancellable;
  guint           uploading : 1;
} Attachment;

G_DEFINE_FINAL_TYPE (RdChatComposer, rd_chat_composer, GTK_TYPE_WIDGET)

static void
attachment_free (Attachment *attachment)
{
  g_cancellable_cancel (attachment->cancellable);
  g_clear_object (&attachment->cancellable);
  g_clear_pointer (&attachment->name, g_free);
  g_clear_pointer (&attachment->file_id, g_free);
  g_free (attachment);
}

static void
update_attachments_visible (RdChatComposer *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_box), self->attachments->len > 0);
}

static void
remove_clicked_cb (GtkButton  *button,
                   Attachment *attachment)
{
  RdChatComposer *self = attachment->self;
  GtkWidget *child = gtk_widget_get_parent (attachment->chip);

  gtk_flow_box_remove (self->attachments_box, child);
  g_ptr_array_remove (self->attachments, attachment);
  update_attachments_visible (self);
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Attachment *attachment = user_data;
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = rivya_client_upload_finish (RIVYA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  attachment->uploading = FALSE;
  if (file != NULL)
    {
      attachment->file_id = g_strdup (rivya_file_get_id (file));
      gtk_label_set_text (attachment->label, attachment->name);
      gtk_widget_set_tooltip_text (attachment->chip, attachment->file_id);
    }
  else
    {
      const char *request_id = rivya_error_get_request_id (error);
      g_autofree char *text = NULL;

      /* translators: an attachment that could not be uploaded: its name, then why */
      text = g_strdup_printf (_("%s: not uploaded (%s)"), attachment->name, error->message);
      gtk_label_set_text (attachment->label, text);
      gtk_widget_add_css_class (GTK_WIDGET (attachment->label), "error");
      if (request_id != NULL)
        {
          g_autofree char *tooltip = g_strdup_printf (_("Request id: %s"), request_id);

          gtk_widget_set_tooltip_text (attachment->chip, tooltip);
        }
    }
}

static void
start_upload (RdChatComposer *self,
              RivyaUpload    *upload,
              const char     *name)
{
  RivyaClient *client = self->session ? rd_session_get_client (self->session) : NULL;
  Attachment *attachment = g_new0 (Attachment, 1);
  GtkWidget *remove;
  g_autofree char *uploading = NULL;

  attachment->self = self;
  attachment->name = g_strdup (name);
  attachment->cancellable = g_cancellable_new ();
  attachment->chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (attachment->chip, "card");
  attachment->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (attachment->label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (attachment->label, 24);
  gtk_widget_set_margin_start (GTK_WIDGET (attachment->label), 8);
  gtk_box_append (GTK_BOX (attachment->chip), GTK_WIDGET (attachment->label));
  remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, _("Remove the Attachment"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove the Attachment"),
                                  -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), attachment);
  gtk_box_append (GTK_BOX (attachment->chip), remove);
  gtk_flow_box_append (self->attachments_box, attachment->chip);
  g_ptr_array_add (self->attachments, attachment);
  update_attachments_visible (self);

  if (client == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("%s: not uploaded (not connected)"), name);

      gtk_label_set_text (attachment->label, text);
      gtk_widget_add_css_class (GTK_WIDGET (attachment->label), "error");
      return;
    }

  /* translators: an attachment being uploaded */
  uploading = g_strdup_printf (_("%s (uploading…)"), name);
  gtk_label_set_text (attachment->label, uploading);
  attachment->uploading = TRUE;
  rivya_client_upload_async (client, upload, attachment->cancellable, upload_cb, attachment);
}

static void
drop_file_list (RdChatComposer *self,
                GSList         *files)
{
  for (const GSList *l = files; l != NULL; l = l->next)
    rd_chat_composer_add_file (self, l->data);
}

static gboolean
drop_cb (RdChatComposer *self,
         const GValue   *value,
         double          x,
         double          y)
{
  g_assert (RD_IS_CHAT_COMPOSER (self));

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    drop_file_list (self, gdk_file_list_get_files (g_value_get_boxed (value)));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    rd_chat_composer_add_file (self, g_value_get_object (value));
  else if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    rd_chat_composer_add_texture (self, g_value_get_object (value));
  else
    return FALSE;
  return TRUE;
}

static void
read_texture_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RdChatComposer) self = user_data;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, NULL);

  if (texture != NULL)
    rd_chat_composer_add_texture (self, texture);
}

static void
read_files_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RdChatComposer) self = user_data;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, NULL);

  if (value != NULL && G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    drop_file_list (self, gdk_file_list_get_files (g_value_get_boxed (value)));
}

/* A pasted picture or file becomes an attachment; text pastes as text. */
static void
paste_clipboard_cb (RdChatComposer *self,
                    GtkTextView    *text_view)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (text_view));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                    read_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) &&
           !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    gdk_clipboard_read_texture_async (clipboard, NULL, read_texture_cb, g_object_ref (self));
  else
    return;
  g_signal_stop_emission_by_name (text_view, "paste-clipboard");
}

static gboolean
key_pressed_cb (RdChatComposer  *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "chat.send", NULL);
      return TRUE;
    }
  return FALSE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RdChatComposer  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          rd_chat_composer_add_file (self, file);
        }
    }
  g_object_unref (chooser);
}

static void
attach_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RdChatComposer *self = RD_CHAT_COMPOSER (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Attach Images"), GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rd_chat_composer_dispose (GObject *object)
{
  RdChatComposer *self = (RdChatComposer *)object;

  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_CHAT_COMPOSER);
  g_clear_object (&self->session);
  g_clear_object (&self->efforts);

  G_OBJECT_CLASS (rd_chat_composer_parent_class)->dispose (object);
}

static void
rd_chat_composer_class_init (RdChatComposerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_chat_composer_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-chat-composer.ui");
  gtk_widget_class_bind_template_child (widget_class, RdChatComposer, box);
  gtk_widget_class_bind_template_child (widget_class, RdChatComposer, attachments_box);
  gtk_widget_class_bind_template_child (widget_class, RdChatComposer, text_view);
  gtk_widget_class_bind_template_child (widget_class, RdChatComposer, send_stack);
  gtk_widget_class_bind_template_child (widget_class, RdChatComposer, options_box);
  gtk_widget_class_bind_template_child (widget_class, RdChatComposer, web_search_button);
  gtk_widget_class_bind_template_child (widget_class, RdChatComposer, effort_box);
  gtk_widget_class_bind_template_child (widget_class, RdChatComposer, effort_dropdown);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chatcomposer");

  gtk_widget_class_install_action (widget_class, "composer.attach", NULL, attach_action_cb);
}

static void
rd_chat_composer_init (RdChatComposer *self)
{
  GtkDropTarget *drop;
  GtkEventController *keys;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
  self->efforts = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->effort_dropdown, G_LIST_MODEL (self->efforts));

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect_swapped (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);

  g_signal_connect_swapped (self->text_view, "paste-clipboard", G_CALLBACK (paste_clipboard_cb), self);
}

/* Uploads go through the session's client of the moment: an account
 * switch gives a new client, never a stale one. */
void
rd_chat_composer_set_session (RdChatComposer *self,
                              RdSession      *session)
{
  g_return_if_fail (RD_IS_CHAT_COMPOSER (self));
  g_return_if_fail (!session || RD_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/* Shows the options the model's chat_capabilities offer, and only those. */
void
rd_chat_composer_set_model (RdChatComposer *self,
                            RivyaModel     *model)
{
  RivyaChatCapabilities *caps = NULL;
  const char * const *efforts = NULL;
  gboolean web_search = FALSE;
  gboolean attachments = FALSE;
  guint n_efforts = 0;

  g_return_if_fail (RD_IS_CHAT_COMPOSER (self));
  g_return_if_fail (!model || RIVYA_IS_MODEL (model));

  if (model != NULL)
    caps = rivya_model_get_chat_capabilities (model);
  if (caps != NULL)
    {
      const char * const *kinds = rivya_chat_capabilities_get_attachments (caps);

      web_search = rivya_chat_capabilities_get_web_search (caps);
      efforts = rivya_chat_capabilities_get_reasoning_efforts (caps);
      n_efforts = efforts ? g_strv_length ((char **) efforts) : 0;
      attachments = kinds != NULL && g_strv_contains (kinds, "image");
    }

  gtk_string_list_splice (self->efforts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->efforts)),
                          efforts);
  /* A single effort ("default") is no choice at all. */
  gtk_widget_set_visible (self->effort_box, n_efforts > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->web_search_button), web_search);
  if (!web_search)
    gtk_toggle_button_set_active (self->web_search_button, FALSE);
  gtk_widget_set_visible (self->options_box, web_search || n_efforts > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "composer.attach", model == NULL || attachments);
}

char *
rd_chat_composer_dup_text (RdChatComposer *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (RD_IS_CHAT_COMPOSER (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
rd_chat_composer_set_text (RdChatComposer *self,
                           const char     *text)
{
  g_return_if_fail (RD_IS_CHAT_COMPOSER (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
}

/* Returns: (transfer full): the ids of the uploaded attachments */
GStrv
rd_chat_composer_dup_file_ids (RdChatComposer *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RD_IS_CHAT_COMPOSER (self), NULL);

  for (guint i = 0; i < self->attachments->len; i++)
    {
      Attachment *attachment = g_ptr_array_index (self->attachments, i);

      if (attachment->file_id != NULL)
        g_strv_builder_add (builder, attachment->file_id);
    }
  return g_strv_builder_end (builder);
}

guint
rd_chat_composer_get_n_uploading (RdChatComposer *self)
{
  guint n = 0;

  g_return_val_if_fail (RD_IS_CHAT_COMPOSER (self), 0);

  for (guint i = 0; i < self->attachments->len; i++)
    n += ((Attachment *) g_ptr_array_index (self->attachments, i))->uploading;
  return n;
}

void
rd_chat_composer_clear_attachments (RdChatComposer *self)
{
  GtkWidget *child;

  g_return_if_fail (RD_IS_CHAT_COMPOSER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_box))) != NULL)
    gtk_flow_box_remove (self->attachments_box, child);
  g_ptr_array_set_size (self->attachments, 0);
  update_attachments_visible (self);
}

void
rd_chat_composer_add_file (RdChatComposer *self,
                           GFile          *file)
{
  g_autoptr(RivyaUpload) upload = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RD_IS_CHAT_COMPOSER (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  upload = rivya_upload_new_for_file (file, "image");
  start_upload (self, upload, name);
}

/* A pasted or dropped picture, sent as PNG. */
void
rd_chat_composer_add_texture (RdChatComposer *self,
                              GdkTexture     *texture)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RivyaUpload) upload = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (RD_IS_CHAT_COMPOSER (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  png = gdk_texture_save_to_png_bytes (texture);
  stream = g_memory_input_stream_new_from_bytes (png);
  /* translators: the file name of a pasted picture */
  name = g_strdup_printf (_("pasted-image-%dx%d.png"),
                          gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  upload = rivya_upload_new_for_stream (stream, g_bytes_get_size (png), name, "image");
  start_upload (self, upload, name);
}

gboolean
rd_chat_composer_get_web_search (RdChatComposer *self)
{
  g_return_val_if_fail (RD_IS_CHAT_COMPOSER (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->web_search_button)) &&
         gtk_toggle_button_get_active (self->web_search_button);
}

/* Returns: (nullable): the chosen effort, NULL when the model has no choice */
const char *
rd_chat_composer_get_reasoning_effort (RdChatComposer *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (RD_IS_CHAT_COMPOSER (self), NULL);

  if (!gtk_widget_get_visible (self->effort_box))
    return NULL;
  item = gtk_drop_down_get_selected_item (self->effort_dropdown);
  return item ? gtk_string_object_get_string (item) : NULL;
}

void
rd_chat_composer_set_streaming (RdChatComposer *self,
                                gboolean        streaming)
{
  g_return_if_fail (RD_IS_CHAT_COMPOSER (self));

  gtk_stack_set_visible_child_name (self->send_stack, streaming ? "stop" : "send");
}

void
rd_chat_composer_grab_focus (RdChatComposer *self)
{
  g_return_if_fail (RD_IS_CHAT_COMPOSER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
