/* rd-markdown-view.c
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

#include "rd-markdown-view.h"

struct _RdMarkdownView
{
  GtkWidget  parent_instance;

  char      *markdown;
  GtkWidget *label;
};

enum {
  PROP_0,
  PROP_MARKDOWN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RdMarkdownView, rd_markdown_view, GTK_TYPE_WIDGET)

static void
rd_markdown_view_dispose (GObject *object)
{
  RdMarkdownView *self = (RdMarkdownView *)object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (rd_markdown_view_parent_class)->dispose (object);
}

static void
rd_markdown_view_finalize (GObject *object)
{
  RdMarkdownView *self = (RdMarkdownView *)object;

  g_clear_pointer (&self->markdown, g_free);

  G_OBJECT_CLASS (rd_markdown_view_parent_class)->finalize (object);
}

static void
rd_markdown_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdMarkdownView *self = RD_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      g_value_set_string (value, self->markdown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_markdown_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdMarkdownView *self = RD_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      rd_markdown_view_set_markdown (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_markdown_view_class_init (RdMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_markdown_view_dispose;
  object_class->finalize = rd_markdown_view_finalize;
  object_class->get_property = rd_markdown_view_get_property;
  object_class->set_property = rd_markdown_view_set_property;

  properties [PROP_MARKDOWN] =
    g_param_spec_string ("markdown", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdown");
}

static void
rd_markdown_view_init (RdMarkdownView *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
rd_markdown_view_new (void)
{
  return g_object_new (RD_TYPE_MARKDOWN_VIEW, NULL);
}

const char *
rd_markdown_view_get_markdown (RdMarkdownView *self)
{
  g_return_val_if_fail (RD_IS_MARKDOWN_VIEW (self), NULL);

  return self->markdown;
}

void
rd_markdown_view_set_markdown (RdMarkdownView *self,
                               const char     *markdown)
{
  g_return_if_fail (RD_IS_MARKDOWN_VIEW (self));

  if (g_strcmp0 (self->markdown, markdown) == 0)
    return;

  g_free (self->markdown);
  self->markdown = g_strdup (markdown);
  gtk_label_set_text (GTK_LABEL (self->label), markdown ? markdown : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MARKDOWN]);
}
