/* rd-reference-zone-input.c
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

#define G_LOG_DOMAIN "rd-reference-zone"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "rd-reference-zone-private.h"

/* The ways into the drop zone other than a drop: the file chooser and
 * the clipboard. */

static void
add_response_cb (GtkNativeDialog *dialog,
                 int              response,
                 RdReferenceZone *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          rd_reference_zone_add_file (self, file);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_rd_reference_zone_add_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  RdReferenceZone *self = RD_REFERENCE_ZONE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter;
  RivyaReferenceMedia *media = self->model ? rivya_model_get_reference_media (self->model) : NULL;
  const char * const *kinds = media ? rivya_reference_media_get_kinds (media) : NULL;
  static const char * const all_kinds[] = { "image", "video", "audio", NULL };

  dialog = gtk_file_chooser_native_new (_("Add Reference Files"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Supported Files"));
  if (kinds == NULL || kinds[0] == NULL)
    kinds = all_kinds;
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const char * const *types = media ? rivya_reference_media_get_mime_types (media, kinds[i]) : NULL;

      if (types == NULL)
        types = rivya_media_get_default_mime_types (kinds[i]);
      for (guint j = 0; types != NULL && types[j] != NULL; j++)
        gtk_file_filter_add_mime_type (filter, types[j]);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);

  g_signal_connect (dialog, "response", G_CALLBACK (add_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Pasted pictures are written where they can be read back, so that
 * "submit again" can upload them again once expired. Named after their
 * content: the same picture pasted twice is one file, uploaded once. */
static GFile *
save_pasted_texture (GdkTexture  *texture,
                     GError     **error)
{
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "rivya-desktop", "pasted", NULL);
  g_autofree char *name = g_strdup_printf ("pasted-%.16s.png", hash);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      return NULL;
    }
  return g_file_new_for_path (path);
}

static void
paste_texture_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RdReferenceZone) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  if (texture != NULL)
    file = save_pasted_texture (texture, &error);
  if (file != NULL)
    rd_reference_zone_add_file (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not paste a picture: %s", error->message);
}

static void
paste_files_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdReferenceZone) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);
  if (value == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not paste files: %s", error->message);
      return;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    rd_reference_zone_add_files (self, g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    rd_reference_zone_add_file (self, g_value_get_object (value));
}

/* Files copied in a file manager come as a file list; a picture copied
 * from a browser or an image editor as a texture. */
void
_rd_reference_zone_paste_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  RdReferenceZone *self = RD_REFERENCE_ZONE (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT,
                                    self->cancellable, paste_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, G_TYPE_FILE))
    gdk_clipboard_read_value_async (clipboard, G_TYPE_FILE, G_PRIORITY_DEFAULT,
                                    self->cancellable, paste_files_cb, g_object_ref (self));
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE))
    gdk_clipboard_read_texture_async (clipboard, self->cancellable,
                                      paste_texture_cb, g_object_ref (self));
  else
    gtk_widget_error_bell (widget);
}
