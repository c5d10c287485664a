/* rd-media-preview.c
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

#define G_LOG_DOMAIN "rd-media-preview"

#include "config.h"

#include "rd-media-preview.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rd-enums.h"
#include "rd-image-view.h"
#include "rd-media-error.h"
#include "rd-thumbnailer.h"
#include "rd-waveform.h"
#include "rd-waveform-view.h"

/* Shows one result file: an image in a zoomable picture, a video in a
 * GtkVideo, a sound with media controls over its waveform, or what went
 * wrong, in words. GTK's own media stack plays the files (conventions
 * §12.5), so nothing here links to GStreamer but the waveform. */

#define ZOOM_STEP      1.25
#define WAVEFORM_PEAKS 400

struct _RdMediaPreview
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkSpinner        *spinner;
  RdImageView       *image_view;
  GtkVideo          *video;
  RdWaveformView    *waveform;
  GtkMediaControls  *controls;
  AdwStatusPage     *error_page;

  /* Owned references */
  GCancellable      *cancellable;
  GFile             *file;
  GdkTexture        *texture;
  GtkMediaStream    *stream;
  char              *error;

  RdMediaKind        kind;
};

G_DEFINE_FINAL_TYPE (RdMediaPreview, rd_media_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FILE,
  PROP_KIND,
  PROP_TEXTURE,
  PROP_MEDIA_STREAM,
  PROP_ERROR,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_actions (RdMediaPreview *self)
{
  gboolean zoomable = self->kind == RD_MEDIA_KIND_IMAGE && self->texture != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in", zoomable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out", zoomable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", zoomable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.copy",
                                 self->file != NULL && self->error == NULL);
}

static void
show_error (RdMediaPreview *self,
            const char     *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  adw_status_page_set_description (self->error_page, message);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "error");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  rd_image_view_zoom_by (RD_MEDIA_PREVIEW (widget)->image_view, ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  rd_image_view_zoom_by (RD_MEDIA_PREVIEW (widget)->image_view, 1. / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  rd_media_preview_set_zoom (RD_MEDIA_PREVIEW (widget), 0.);
}

static GdkContentProvider *
create_content (RdMediaPreview *self)
{
  GdkFileList *files;
  GdkContentProvider *providers[3];
  guint n = 0;

  if (self->file == NULL)
    return NULL;

  files = gdk_file_list_new_from_array (&self->file, 1);
  if (self->texture != NULL)
    providers[n++] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, self->texture);
  providers[n++] = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, files);
  providers[n++] = gdk_content_provider_new_typed (G_TYPE_FILE, self->file);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);

  return gdk_content_provider_new_union (providers, n);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RdMediaPreview *self = RD_MEDIA_PREVIEW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  g_autoptr(GdkContentProvider) content = NULL;

  /* Images go as pixels (and as the file, for file managers); other
   * kinds as the file. */
  if (self->kind == RD_MEDIA_KIND_IMAGE && self->texture != NULL)
    {
      gdk_clipboard_set_texture (clipboard, self->texture);
      return;
    }

  content = create_content (self);
  if (content != NULL)
    gdk_clipboard_set_content (clipboard, content);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 double          x,
                 double          y,
                 RdMediaPreview *self)
{
  if (self->file == NULL || self->error != NULL)
    return NULL;

  if (self->texture != NULL)
    gtk_drag_source_set_icon (source, GDK_PAINTABLE (self->texture), 0, 0);

  return create_content (self);
}

static void
stream_error_cb (GtkMediaStream *stream,
                 GParamSpec     *pspec,
                 RdMediaPreview *self)
{
  const GError *error = gtk_media_stream_get_error (stream);
  g_autofree char *words = NULL;
  g_autofree char *message = NULL;

  if (error == NULL)
    return;

  words = rd_media_error_describe (error);
  message = g_strdup_printf (self->kind == RD_MEDIA_KIND_VIDEO
                               ? _("The video could not be played: %s")
                               : _("The sound could not be played: %s"),
                             words);
  show_error (self, message);
}

static void
image_decoded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RdMediaPreview) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = rd_thumbnailer_load_texture_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture == NULL)
    {
      g_autofree char *words = rd_media_error_describe (error);
      g_autofree char *message = g_strdup_printf (_("The image could not be opened: %s"), words);

      show_error (self, message);
      return;
    }

  self->texture = g_steal_pointer (&texture);
  rd_image_view_set_texture (self->image_view, self->texture);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "image");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

static void
waveform_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RdMediaPreview) self = user_data;
  g_autoptr(GArray) peaks = NULL;
  g_autoptr(GError) error = NULL;

  /* Without a waveform the sound still plays: the controls are enough,
   * and the stream reports its own error if it cannot play. */
  peaks = rd_waveform_compute_finish (result, &error);
  if (peaks == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No waveform: %s", error->message);
      return;
    }

  rd_waveform_view_set_peaks (self->waveform, peaks);
}

static RdMediaKind
kind_for_mime_type (GFile      *file,
                    const char *mime_type)
{
  g_autofree char *guessed = NULL;

  if (mime_type == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *content_type = g_content_type_guess (basename, NULL, 0, NULL);

      guessed = g_content_type_get_mime_type (content_type);
      mime_type = guessed;
    }

  if (mime_type == NULL)
    return RD_MEDIA_KIND_NONE;
  else if (g_str_has_prefix (mime_type, "image/"))
    return RD_MEDIA_KIND_IMAGE;
  else if (g_str_has_prefix (mime_type, "video/"))
    return RD_MEDIA_KIND_VIDEO;
  else if (g_str_has_prefix (mime_type, "audio/"))
    return RD_MEDIA_KIND_AUDIO;
  else
    return RD_MEDIA_KIND_NONE;
}

static void
open_stream (RdMediaPreview *self)
{
  self->stream = gtk_media_file_new_for_file (self->file);
  g_signal_connect_object (self->stream, "notify::error",
                           G_CALLBACK (stream_error_cb), self, 0);

  if (self->kind == RD_MEDIA_KIND_VIDEO)
    {
      gtk_video_set_media_stream (self->video, self->stream);
      gtk_stack_set_visible_child_name (self->stack, "video");
    }
  else
    {
      gtk_media_controls_set_media_stream (self->controls, self->stream);
      rd_waveform_view_set_media_stream (self->waveform, self->stream);
      gtk_stack_set_visible_child_name (self->stack, "audio");
      rd_waveform_compute_async (self->file, WAVEFORM_PEAKS, self->cancellable,
                                 waveform_cb, g_object_ref (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_STREAM]);
  stream_error_cb (self->stream, NULL, self);
}

/**
 * rd_media_preview_set_file:
 * @file: the file to show, on local disk (GTK plays files, not streams)
 * @mime_type: (nullable): its MIME type, or %NULL to guess from its name
 */
void
rd_media_preview_set_file (RdMediaPreview *self,
                           GFile          *file,
                           const char     *mime_type)
{
  g_return_if_fail (RD_IS_MEDIA_PREVIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_object_freeze_notify (G_OBJECT (self));

  rd_media_preview_clear (self);
  self->file = g_object_ref (file);
  self->kind = kind_for_mime_type (file, mime_type);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);

  switch (self->kind)
    {
    case RD_MEDIA_KIND_IMAGE:
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      rd_thumbnailer_load_texture_async (file, self->cancellable,
                                         image_decoded_cb, g_object_ref (self));
      break;

    case RD_MEDIA_KIND_VIDEO:
    case RD_MEDIA_KIND_AUDIO:
      open_stream (self);
      break;

    case RD_MEDIA_KIND_NONE:
    default:
      show_error (self, _("This kind of file cannot be previewed. Save it and open it with another app."));
      break;
    }

  update_actions (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * rd_media_preview_clear:
 *
 * Stops what is playing or loading and shows the empty state.
 */
void
rd_media_preview_clear (RdMediaPreview *self)
{
  g_return_if_fail (RD_IS_MEDIA_PREVIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  g_object_freeze_notify (G_OBJECT (self));

  if (self->stream != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->stream, stream_error_cb, self);
      gtk_media_stream_pause (self->stream);
      gtk_video_set_media_stream (self->video, NULL);
      gtk_media_controls_set_media_stream (self->controls, NULL);
      rd_waveform_view_set_media_stream (self->waveform, NULL);
      g_clear_object (&self->stream);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_STREAM]);
    }
  rd_waveform_view_set_peaks (self->waveform, NULL);

  if (self->texture != NULL)
    {
      rd_image_view_set_texture (self->image_view, NULL);
      g_clear_object (&self->texture);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
    }

  if (self->error != NULL)
    {
      g_clear_pointer (&self->error, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  if (self->kind != RD_MEDIA_KIND_NONE)
    {
      self->kind = RD_MEDIA_KIND_NONE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }

  if (g_set_object (&self->file, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  rd_media_preview_set_zoom (self, 0.);
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_actions (self);

  g_object_thaw_notify (G_OBJECT (self));
}

GFile *
rd_media_preview_get_file (RdMediaPreview *self)
{
  g_return_val_if_fail (RD_IS_MEDIA_PREVIEW (self), NULL);

  return self->file;
}

RdMediaKind
rd_media_preview_get_kind (RdMediaPreview *self)
{
  g_return_val_if_fail (RD_IS_MEDIA_PREVIEW (self), RD_MEDIA_KIND_NONE);

  return self->kind;
}

GdkTexture *
rd_media_preview_get_texture (RdMediaPreview *self)
{
  g_return_val_if_fail (RD_IS_MEDIA_PREVIEW (self), NULL);

  return self->texture;
}

GtkMediaStream *
rd_media_preview_get_media_stream (RdMediaPreview *self)
{
  g_return_val_if_fail (RD_IS_MEDIA_PREVIEW (self), NULL);

  return self->stream;
}

const char *
rd_media_preview_get_error (RdMediaPreview *self)
{
  g_return_val_if_fail (RD_IS_MEDIA_PREVIEW (self), NULL);

  return self->error;
}

double
rd_media_preview_get_zoom (RdMediaPreview *self)
{
  g_return_val_if_fail (RD_IS_MEDIA_PREVIEW (self), 0.);

  return rd_image_view_get_zoom (self->image_view);
}

/**
 * rd_media_preview_set_zoom:
 * @zoom: the scale of the image, or 0 to fit it into the view
 */
void
rd_media_preview_set_zoom (RdMediaPreview *self,
                           double          zoom)
{
  g_return_if_fail (RD_IS_MEDIA_PREVIEW (self));

  rd_image_view_set_zoom (self->image_view, zoom);
}

static void
zoom_changed_cb (RdMediaPreview *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
rd_media_preview_dispose (GObject *object)
{
  RdMediaPreview *self = RD_MEDIA_PREVIEW (object);

  if (self->cancellable != NULL)
    {
      rd_media_preview_clear (self);
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_MEDIA_PREVIEW);

  G_OBJECT_CLASS (rd_media_preview_parent_class)->dispose (object);
}

static void
rd_media_preview_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdMediaPreview *self = RD_MEDIA_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;

    case PROP_MEDIA_STREAM:
      g_value_set_object (value, self->stream);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, rd_image_view_get_zoom (self->image_view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_media_preview_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdMediaPreview *self = RD_MEDIA_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      rd_media_preview_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_media_preview_class_init (RdMediaPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_media_preview_dispose;
  object_class->get_property = rd_media_preview_get_property;
  object_class->set_property = rd_media_preview_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       RD_TYPE_MEDIA_KIND, RD_MEDIA_KIND_NONE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MEDIA_STREAM] =
    g_param_spec_object ("media-stream", NULL, NULL,
                         GTK_TYPE_MEDIA_STREAM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0., G_MAXDOUBLE, 0.,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-media-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, RdMediaPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, RdMediaPreview, spinner);
  gtk_widget_class_bind_template_child (widget_class, RdMediaPreview, image_view);
  gtk_widget_class_bind_template_child (widget_class, RdMediaPreview, video);
  gtk_widget_class_bind_template_child (widget_class, RdMediaPreview, waveform);
  gtk_widget_class_bind_template_child (widget_class, RdMediaPreview, controls);
  gtk_widget_class_bind_template_child (widget_class, RdMediaPreview, error_page);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "preview.copy", NULL, copy_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "preview.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "preview.copy", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mediapreview");

  g_type_ensure (RD_TYPE_IMAGE_VIEW);
  g_type_ensure (RD_TYPE_WAVEFORM_VIEW);
}

static void
rd_media_preview_init (RdMediaPreview *self)
{
  GtkDragSource *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  g_signal_connect_swapped (self->image_view, "notify::zoom",
                            G_CALLBACK (zoom_changed_cb), self);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  update_actions (self);
}

GtkWidget *
rd_media_preview_new (void)
{
  return g_object_new (RD_TYPE_MEDIA_PREVIEW, NULL);
}
