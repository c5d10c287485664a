/* rd-waveform-view.c
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

#define G_LOG_DOMAIN "rd-waveform-view"

#include "config.h"

#include "rd-waveform-view.h"

#include <glib/gi18n.h>

/* Draws a sound's peaks as bars in the accent colour, the part already
 * played stronger than the rest, with the playback position as a line.
 * A click seeks there. */

#define BAR_WIDTH 3
#define BAR_GAP   1

struct _RdWaveformView
{
  GtkWidget       parent_instance;

  GArray         *peaks;
  GtkMediaStream *stream;
};

G_DEFINE_FINAL_TYPE (RdWaveformView, rd_waveform_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MEDIA_STREAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
played_fraction (RdWaveformView *self)
{
  gint64 duration;

  if (self->stream == NULL)
    return 0.;

  duration = gtk_media_stream_get_duration (self->stream);
  if (duration <= 0)
    return 0.;

  return CLAMP ((double) gtk_media_stream_get_timestamp (self->stream) / duration, 0., 1.);
}

static void
rd_waveform_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RdWaveformView *self = RD_WAVEFORM_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double played = played_fraction (self);
  GdkRGBA accent, dim;
  int n_bars;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  /* The .accent style class makes the colour libadwaita's accent. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = accent;
  dim.alpha *= .4f;

  n_bars = width / (BAR_WIDTH + BAR_GAP);
  if (self->peaks != NULL && self->peaks->len > 0 && n_bars > 0)
    {
      for (int i = 0; i < n_bars; i++)
        {
          guint first = (guint) ((guint64) i * self->peaks->len / n_bars);
          guint last = (guint) ((guint64) (i + 1) * self->peaks->len / n_bars);
          float peak = 0.f;
          float bar_height;
          double x = i * (BAR_WIDTH + BAR_GAP);

          for (guint j = first; j < MAX (last, first + 1) && j < self->peaks->len; j++)
            peak = MAX (peak, g_array_index (self->peaks, float, j));

          /* Silence still draws a thin line so the sound's length shows. */
          bar_height = MAX (2.f, MIN (peak, 1.f) * height);
          gtk_snapshot_append_color (snapshot,
                                     (x + BAR_WIDTH) / width <= played ? &accent : &dim,
                                     &GRAPHENE_RECT_INIT (x, (height - bar_height) / 2.f,
                                                          BAR_WIDTH, bar_height));
        }
    }

  if (self->stream != NULL && gtk_media_stream_get_duration (self->stream) > 0)
    gtk_snapshot_append_color (snapshot, &accent,
                               &GRAPHENE_RECT_INIT (played * width - 1, 0, 2, height));
}

static void
rd_waveform_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 40;
      *natural = 400;
    }
  else
    {
      *minimum = 48;
      *natural = 96;
    }
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             RdWaveformView  *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gint64 duration;

  if (self->stream == NULL || width <= 0 || !gtk_media_stream_is_seekable (self->stream))
    return;

  duration = gtk_media_stream_get_duration (self->stream);
  if (duration > 0)
    gtk_media_stream_seek (self->stream, (gint64) (CLAMP (x / width, 0., 1.) * duration));
}

static void
stream_changed_cb (RdWaveformView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rd_waveform_view_dispose (GObject *object)
{
  RdWaveformView *self = RD_WAVEFORM_VIEW (object);

  rd_waveform_view_set_media_stream (self, NULL);
  g_clear_pointer (&self->peaks, g_array_unref);

  G_OBJECT_CLASS (rd_waveform_view_parent_class)->dispose (object);
}

static void
rd_waveform_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdWaveformView *self = RD_WAVEFORM_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEDIA_STREAM:
      g_value_set_object (value, self->stream);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_waveform_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdWaveformView *self = RD_WAVEFORM_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEDIA_STREAM:
      rd_waveform_view_set_media_stream (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_waveform_view_class_init (RdWaveformViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_waveform_view_dispose;
  object_class->get_property = rd_waveform_view_get_property;
  object_class->set_property = rd_waveform_view_set_property;

  widget_class->snapshot = rd_waveform_view_snapshot;
  widget_class->measure = rd_waveform_view_measure;

  properties[PROP_MEDIA_STREAM] =
    g_param_spec_object ("media-stream", NULL, NULL,
                         GTK_TYPE_MEDIA_STREAM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "waveform");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rd_waveform_view_init (RdWaveformView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "accent");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Waveform"),
                                  -1);

  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
rd_waveform_view_new (void)
{
  return g_object_new (RD_TYPE_WAVEFORM_VIEW, NULL);
}

/**
 * rd_waveform_view_set_peaks:
 * @peaks: (nullable): a #GArray of float peaks from 0 to 1
 */
void
rd_waveform_view_set_peaks (RdWaveformView *self,
                            GArray         *peaks)
{
  g_return_if_fail (RD_IS_WAVEFORM_VIEW (self));

  g_clear_pointer (&self->peaks, g_array_unref);
  if (peaks != NULL)
    self->peaks = g_array_ref (peaks);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GArray *
rd_waveform_view_get_peaks (RdWaveformView *self)
{
  g_return_val_if_fail (RD_IS_WAVEFORM_VIEW (self), NULL);

  return self->peaks;
}

GtkMediaStream *
rd_waveform_view_get_media_stream (RdWaveformView *self)
{
  g_return_val_if_fail (RD_IS_WAVEFORM_VIEW (self), NULL);

  return self->stream;
}

void
rd_waveform_view_set_media_stream (RdWaveformView *self,
                                   GtkMediaStream *stream)
{
  g_return_if_fail (RD_IS_WAVEFORM_VIEW (self));
  g_return_if_fail (stream == NULL || GTK_IS_MEDIA_STREAM (stream));

  if (self->stream == stream)
    return;

  if (self->stream != NULL)
    g_signal_handlers_disconnect_by_func (self->stream, stream_changed_cb, self);
  g_set_object (&self->stream, stream);
  if (stream != NULL)
    {
      g_signal_connect_swapped (stream, "notify::timestamp", G_CALLBACK (stream_changed_cb), self);
      g_signal_connect_swapped (stream, "notify::duration", G_CALLBACK (stream_changed_cb), self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEDIA_STREAM]);
}
