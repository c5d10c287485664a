/* rd-reference-tile.c
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

#define G_LOG_DOMAIN "rd-reference-tile"

#include "config.h"

#include "rd-reference-tile.h"

#include <glib/gi18n.h>

#include "rd-thumbnailer.h"
#include "rd-waveform-view.h"
#include "rd-waveform.h"

#define THUMBNAIL_SIZE 192
#define WAVEFORM_BUCKETS 48

/* One reference in the drop zone: its thumbnail (the picture, a video's
 * poster frame, an audio file's waveform), its name, the upload's
 * progress, and why it was refused or failed. Its button cancels an
 * upload in flight or removes the reference. */
struct _RdReferenceTile
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkWidget        *clamp;
  GtkWidget        *box;
  GtkStack         *preview_stack;
  GtkImage         *icon;
  GtkPicture       *picture;
  RdWaveformView   *waveform;
  GtkButton        *button;
  GtkLabel         *name_label;
  GtkProgressBar   *progress_bar;
  GtkLabel         *status_label;

  /* Owned references */
  RdReferenceItem  *item;
  GCancellable     *cancellable;
  guint             thumbnail_started : 1;
  guint             has_thumbnail : 1;
};

G_DEFINE_FINAL_TYPE (RdReferenceTile, rd_reference_tile, GTK_TYPE_WIDGET)

enum {
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
poster_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(RdReferenceTile) self = user_data;
  g_autoptr(GdkTexture) texture = rd_thumbnailer_poster_finish (result, NULL);

  /* Without a picture the kind's icon stays: nothing to report. */
  if (texture == NULL || self->item == NULL)
    return;
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->picture), TRUE);
  self->has_thumbnail = TRUE;
}

static void
waveform_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RdReferenceTile) self = user_data;
  g_autoptr(GArray) peaks = rd_waveform_compute_finish (result, NULL);

  if (peaks == NULL || self->item == NULL)
    return;
  rd_waveform_view_set_peaks (self->waveform, peaks);
  gtk_stack_set_visible_child_name (self->preview_stack, "waveform");
  self->has_thumbnail = TRUE;
}

static void
start_thumbnail (RdReferenceTile *self)
{
  const char *kind = rd_reference_item_get_kind (self->item);
  GFile *file = rd_reference_item_get_file (self->item);

  if (kind == NULL || self->thumbnail_started)
    return;
  self->thumbnail_started = TRUE;

  if (g_str_equal (kind, "audio"))
    rd_waveform_compute_async (file, WAVEFORM_BUCKETS, self->cancellable,
                               waveform_cb, g_object_ref (self));
  else
    rd_thumbnailer_poster_async (file, THUMBNAIL_SIZE, self->cancellable,
                                 poster_cb, g_object_ref (self));
}

static const char *
kind_icon (const char *kind)
{
  if (g_strcmp0 (kind, "video") == 0)
    return "video-x-generic-symbolic";
  if (g_strcmp0 (kind, "audio") == 0)
    return "audio-x-generic-symbolic";
  if (g_strcmp0 (kind, "image") == 0)
    return "image-x-generic-symbolic";
  return "text-x-generic-symbolic";
}

static void
update (RdReferenceTile *self)
{
  RdReferenceItem *item = self->item;
  RdReferenceState state;
  g_autofree char *status = NULL;
  gboolean problem;
  gboolean pending;

  if (item == NULL)
    return;

  state = rd_reference_item_get_state (item);
  pending = rd_reference_item_is_pending (item);
  problem = state == RD_REFERENCE_REFUSED || state == RD_REFERENCE_FAILED;

  gtk_label_set_label (self->name_label, rd_reference_item_get_name (item));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), rd_reference_item_get_name (item));
  gtk_image_set_from_icon_name (self->icon, problem ? "dialog-warning-symbolic"
                                                    : kind_icon (rd_reference_item_get_kind (item)));

  switch (state)
    {
    case RD_REFERENCE_CHECKING:
      status = g_strdup (_("Checking…"));
      break;
    case RD_REFERENCE_UPLOADING:
      /* translators: the share of an upload sent, e.g. "Uploading… 45 %" */
      status = g_strdup_printf (_("Uploading… %d %%"),
                                (int) (rd_reference_item_get_progress (item) * 100));
      break;
    case RD_REFERENCE_READY:
      {
        g_autofree char *size = g_format_size (rd_reference_item_get_size (item));

        if (rd_reference_item_get_reused (item))
          /* translators: a file size; the file was uploaded earlier and is used again */
          status = g_strdup_printf (_("%s · already uploaded"), size);
        else
          /* translators: a file size */
          status = g_strdup_printf (_("%s · uploaded"), size);
      }
      break;
    case RD_REFERENCE_REFUSED:
    case RD_REFERENCE_FAILED:
    case RD_REFERENCE_CANCELLED:
    default:
      status = g_strdup (rd_reference_item_get_message (item));
      break;
    }
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), problem ? status : NULL);
  if (problem)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), state == RD_REFERENCE_UPLOADING);
  gtk_progress_bar_set_fraction (self->progress_bar, rd_reference_item_get_progress (item));

  gtk_button_set_icon_name (self->button, pending ? "process-stop-symbolic" : "window-close-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               pending ? _("Cancel Upload") : _("Remove Reference"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pending ? _("Cancel Upload") : _("Remove Reference"),
                                  -1);

  if (state != RD_REFERENCE_REFUSED || rd_reference_item_get_kind (item) != NULL)
    start_thumbnail (self);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RdReferenceTile *self = RD_REFERENCE_TILE (widget);

  if (self->item == NULL)
    return;
  if (rd_reference_item_is_pending (self->item))
    rd_reference_item_cancel (self->item);
  else
    g_signal_emit (self, signals[REMOVE], 0);
}

static void
rd_reference_tile_dispose (GObject *object)
{
  RdReferenceTile *self = RD_REFERENCE_TILE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_REFERENCE_TILE);

  G_OBJECT_CLASS (rd_reference_tile_parent_class)->dispose (object);
}

static void
rd_reference_tile_finalize (GObject *object)
{
  RdReferenceTile *self = RD_REFERENCE_TILE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rd_reference_tile_parent_class)->finalize (object);
}

static void
rd_reference_tile_class_init (RdReferenceTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_reference_tile_dispose;
  object_class->finalize = rd_reference_tile_finalize;

  /* The person asked to take this reference away. */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (RD_TYPE_WAVEFORM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-reference-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, clamp);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, box);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, icon);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, picture);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, waveform);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, button);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, name_label);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceTile, status_label);
  gtk_widget_class_set_css_name (widget_class, "referencetile");

  gtk_widget_class_install_action (widget_class, "tile.remove", NULL, remove_action);
}

static void
rd_reference_tile_init (RdReferenceTile *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_overlay_set_clip_overlay (GTK_OVERLAY (gtk_widget_get_parent (GTK_WIDGET (self->picture))),
                                GTK_WIDGET (self->picture), TRUE);
}

GtkWidget *
rd_reference_tile_new (RdReferenceItem *item)
{
  RdReferenceTile *self;

  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (item), NULL);

  self = g_object_new (RD_TYPE_REFERENCE_TILE, NULL);
  self->item = g_object_ref (item);
  g_signal_connect_object (item, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

RdReferenceItem *
rd_reference_tile_get_item (RdReferenceTile *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_TILE (self), NULL);
  return self->item;
}

/* Whether the picture or waveform replaced the kind's icon. */
gboolean
rd_reference_tile_has_thumbnail (RdReferenceTile *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_TILE (self), FALSE);
  return self->has_thumbnail;
}
