/* rd-image-view.c
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

#define G_LOG_DOMAIN "rd-image-view"

#include "config.h"

#include "rd-image-view.h"

/* A picture that fits into the view (zoom 0) or is shown at a scale in a
 * scrolled window; Ctrl+scroll and pinching zoom. */

#define ZOOM_STEP 1.25
#define ZOOM_MIN  0.05
#define ZOOM_MAX  16.0

struct _RdImageView
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkPicture        *picture;

  GdkTexture        *texture;
  double             zoom;
  double             gesture_zoom;
};

G_DEFINE_FINAL_TYPE (RdImageView, rd_image_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXTURE,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
fit_zoom (RdImageView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->texture == NULL || width <= 0 || height <= 0)
    return 1.0;

  return MIN ((double) width / gdk_texture_get_width (self->texture),
              (double) height / gdk_texture_get_height (self->texture));
}

static void
apply_zoom (RdImageView *self)
{
  /* Fitting lets the picture shrink into the view; a set zoom asks for
   * that many pixels and the scrolled window scrolls over them. */
  if (self->zoom <= 0. || self->texture == NULL)
    gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, -1);
  else
    gtk_widget_set_size_request (GTK_WIDGET (self->picture),
                                 (int) (gdk_texture_get_width (self->texture) * self->zoom),
                                 (int) (gdk_texture_get_height (self->texture) * self->zoom));
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           RdImageView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || self->texture == NULL || dy == 0.)
    return FALSE;

  rd_image_view_zoom_by (self, dy < 0. ? ZOOM_STEP : 1. / ZOOM_STEP);
  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               RdImageView      *self)
{
  self->gesture_zoom = self->zoom > 0. ? self->zoom : fit_zoom (self);
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       RdImageView    *self)
{
  if (self->texture != NULL)
    rd_image_view_set_zoom (self, self->gesture_zoom * scale);
}

static void
rd_image_view_dispose (GObject *object)
{
  RdImageView *self = RD_IMAGE_VIEW (object);

  g_clear_pointer ((GtkWidget **) &self->scroller, gtk_widget_unparent);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (rd_image_view_parent_class)->dispose (object);
}

static void
rd_image_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RdImageView *self = RD_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      g_value_set_object (value, self->texture);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_image_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RdImageView *self = RD_IMAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TEXTURE:
      rd_image_view_set_texture (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      rd_image_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_image_view_class_init (RdImageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_image_view_dispose;
  object_class->get_property = rd_image_view_get_property;
  object_class->set_property = rd_image_view_set_property;

  properties[PROP_TEXTURE] =
    g_param_spec_object ("texture", NULL, NULL,
                         GDK_TYPE_TEXTURE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0., ZOOM_MAX, 0.,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "imageview");
}

static void
rd_image_view_init (RdImageView *self)
{
  GtkEventController *scroll;
  GtkGesture *zoom;

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->picture), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->picture), TRUE);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->picture));
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  /* Capture, so Ctrl+scroll zooms instead of scrolling the view. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
}

GtkWidget *
rd_image_view_new (void)
{
  return g_object_new (RD_TYPE_IMAGE_VIEW, NULL);
}

GdkTexture *
rd_image_view_get_texture (RdImageView *self)
{
  g_return_val_if_fail (RD_IS_IMAGE_VIEW (self), NULL);

  return self->texture;
}

void
rd_image_view_set_texture (RdImageView *self,
                           GdkTexture  *texture)
{
  g_return_if_fail (RD_IS_IMAGE_VIEW (self));
  g_return_if_fail (texture == NULL || GDK_IS_TEXTURE (texture));

  if (!g_set_object (&self->texture, texture))
    return;

  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  apply_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXTURE]);
}

double
rd_image_view_get_zoom (RdImageView *self)
{
  g_return_val_if_fail (RD_IS_IMAGE_VIEW (self), 0.);

  return self->zoom;
}

/**
 * rd_image_view_set_zoom:
 * @zoom: the scale of the image, or 0 to fit it into the view
 */
void
rd_image_view_set_zoom (RdImageView *self,
                        double       zoom)
{
  g_return_if_fail (RD_IS_IMAGE_VIEW (self));

  if (zoom > 0.)
    zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  else
    zoom = 0.;

  if (self->zoom == zoom)
    return;

  self->zoom = zoom;
  apply_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * rd_image_view_zoom_by:
 * @factor: how much larger (above 1) or smaller to show the image
 *
 * Zooming from fitting starts at the fitting scale; zooming out to
 * fitting or below fits, so the picture never floats in a sea.
 */
void
rd_image_view_zoom_by (RdImageView *self,
                       double       factor)
{
  double fit;
  double zoom;

  g_return_if_fail (RD_IS_IMAGE_VIEW (self));

  fit = fit_zoom (self);
  zoom = (self->zoom > 0. ? self->zoom : fit) * factor;
  if (factor < 1. && zoom <= fit)
    zoom = 0.;

  rd_image_view_set_zoom (self, zoom);
}
