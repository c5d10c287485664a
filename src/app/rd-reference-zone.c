/* rd-reference-zone.c
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

#include "rd-reference-zone.h"

#include <glib/gi18n.h>
/* PRId64 in translatable strings: xgettext knows it, not G_GINT64_FORMAT. */
#include <inttypes.h>
#include <string.h>

#include "rd-reference-tile.h"
#include "rd-reference-zone-private.h"

/* The reference files of the Create view, for models that take them
 * (B.6 reference_media). Files come dropped from a file manager, pasted,
 * chosen, or dragged from the Jobs list (a result chained into the next
 * job); each one is checked, then uploaded at once, so that most are
 * ready by the time the prompt is written. */

G_DEFINE_FINAL_TYPE (RdReferenceZone, rd_reference_zone, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PENDING,
  PROP_N_READY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether @model takes reference files at all. */
gboolean
rd_reference_zone_model_takes_references (RivyaModel *model)
{
  const char * const *modes;

  if (model == NULL || rivya_model_is_chat (model))
    return FALSE;
  if (rivya_model_get_reference_media (model) != NULL || rivya_model_get_requires_files_api (model))
    return TRUE;

  /* Modes named after their input (image-to-video, video-to-video…)
   * take one, even when the catalog gives no limits. */
  modes = rivya_model_get_supported_modes (model);
  for (guint i = 0; modes != NULL && modes[i] != NULL; i++)
    if (!g_str_has_prefix (modes[i], "text-to-") && strstr (modes[i], "-to-") != NULL)
      return TRUE;

  return FALSE;
}

/* Whether @model cannot run without a reference: every one of its
 * modes needs one. */
gboolean
rd_reference_zone_model_needs_references (RivyaModel *model)
{
  const char * const *modes;

  if (!rd_reference_zone_model_takes_references (model))
    return FALSE;
  if (rivya_model_get_requires_files_api (model) ||
      g_strcmp0 (rivya_model_get_api_input_status (model), "requires_files_api") == 0)
    return TRUE;

  modes = rivya_model_get_supported_modes (model);
  for (guint i = 0; modes != NULL && modes[i] != NULL; i++)
    if (g_str_has_prefix (modes[i], "text-to-"))
      return FALSE;
  return modes != NULL && modes[0] != NULL;
}

static gint64
max_files (RdReferenceZone *self)
{
  RivyaReferenceMedia *media = self->model ? rivya_model_get_reference_media (self->model) : NULL;

  return media ? rivya_reference_media_get_max_files (media) : -1;
}

static gboolean
counts (RdReferenceItem *item)
{
  RdReferenceState state = rd_reference_item_get_state (item);

  return state == RD_REFERENCE_CHECKING || state == RD_REFERENCE_UPLOADING ||
         state == RD_REFERENCE_READY;
}

static guint
n_counted (RdReferenceZone *self)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(RdReferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      n += counts (item);
    }
  return n;
}

static void
update_limits (RdReferenceZone *self)
{
  RivyaReferenceMedia *media = self->model ? rivya_model_get_reference_media (self->model) : NULL;
  const char * const *kinds = media ? rivya_reference_media_get_kinds (media) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      gint64 max = rivya_reference_media_get_max_bytes (media, kinds[i]);
      g_autofree char *size = NULL;

      if (max < 0)
        max = rivya_media_get_default_max_bytes (kinds[i]);
      size = g_format_size_full (max, G_FORMAT_SIZE_IEC_UNITS);
      if (text->len > 0)
        g_string_append (text, " · ");
      /* translators: a kind of file and a size, e.g. "image files up to 10.0 MiB" */
      g_string_append_printf (text, _("%s files up to %s"), kinds[i], size);
    }
  if (rd_reference_zone_model_needs_references (self->model))
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, _("needed by this model"));
    }
  else if (self->model != NULL)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, _("optional"));
    }

  gtk_label_set_label (self->limits_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->limits_label), text->len > 0);
}

static void
update_counts (RdReferenceZone *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint n_pending = 0;
  guint n_ready = 0;
  gint64 max = max_files (self);
  g_autofree char *count = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RdReferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      n_pending += rd_reference_item_is_pending (item);
      n_ready += rd_reference_item_get_state (item) == RD_REFERENCE_READY;
    }

  if (max > 0)
    /* translators: references in use, of those the model takes: "1 of 4" */
    count = g_strdup_printf (_("%u of %" PRId64), n_counted (self), max);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), count != NULL);
  gtk_stack_set_visible_child_name (self->content_stack, n_items > 0 ? "tiles" : "empty");

  g_object_freeze_notify (G_OBJECT (self));
  if (n_pending != self->n_pending)
    {
      self->n_pending = n_pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PENDING]);
    }
  if (n_ready != self->n_ready)
    {
      self->n_ready = n_ready;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_READY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
remove_item (RdReferenceZone *self,
             RdReferenceItem *item)
{
  guint position;

  if (!g_list_store_find (self->items, item, &position))
    return;

  g_signal_handlers_disconnect_by_data (item, self);
  rd_reference_item_cancel (item);
  g_list_store_remove (self->items, position);
  update_counts (self);
}

static void
item_state_cb (RdReferenceZone *self,
               GParamSpec      *pspec,
               RdReferenceItem *item)
{
  /* Cancelling an upload takes the reference away. */
  if (rd_reference_item_get_state (item) == RD_REFERENCE_CANCELLED)
    remove_item (self, item);
  else
    update_counts (self);
}

static void
tile_remove_cb (RdReferenceZone *self,
                RdReferenceTile *tile)
{
  remove_item (self, rd_reference_tile_get_item (tile));
}

static GtkWidget *
create_tile (gpointer item,
             gpointer user_data)
{
  RdReferenceZone *self = user_data;
  GtkWidget *tile = rd_reference_tile_new (item);

  g_signal_connect_object (tile, "remove", G_CALLBACK (tile_remove_cb), self, G_CONNECT_SWAPPED);
  return tile;
}

static gboolean
contains_file (RdReferenceZone *self,
               GFile           *file)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(RdReferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (counts (item) && g_file_equal (rd_reference_item_get_file (item), file))
        return TRUE;
    }
  return FALSE;
}

/* Adds @file, checked and uploaded for the model shown; a file already
 * there is not added twice. */
void
rd_reference_zone_add_file (RdReferenceZone *self,
                            GFile           *file)
{
  g_autoptr(RdReferenceItem) item = NULL;
  gint64 max;

  g_return_if_fail (RD_IS_REFERENCE_ZONE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->model == NULL || contains_file (self, file))
    return;

  item = rd_reference_item_new (file);
  g_signal_connect_object (item, "notify::state", G_CALLBACK (item_state_cb), self,
                           G_CONNECT_SWAPPED);
  max = max_files (self);
  if (max >= 0 && n_counted (self) >= max)
    {
      g_autofree char *message =
        /* translators: a file name, a model id, then the number of files it takes */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "“%s” is refused: %s takes at most %d reference file.",
                                      "“%s” is refused: %s takes at most %d reference files.",
                                      max),
                         rd_reference_item_get_name (item), rivya_model_get_id (self->model),
                         (int) max);

      rd_reference_item_refuse (item, message);
    }
  else
    rd_reference_item_start (item, self->client, self->model, self->store);

  g_list_store_append (self->items, item);
  update_counts (self);
}

/* Adds each of @files (a list of GFile). */
void
rd_reference_zone_add_files (RdReferenceZone *self,
                             GSList          *files)
{
  g_return_if_fail (RD_IS_REFERENCE_ZONE (self));

  for (GSList *l = files; l != NULL; l = l->next)
    rd_reference_zone_add_file (self, l->data);
}

static gboolean
drop_cb (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         RdReferenceZone *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      rd_reference_zone_add_files (self, g_value_get_boxed (value));
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      rd_reference_zone_add_file (self, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

static void
rd_reference_zone_dispose (GObject *object)
{
  RdReferenceZone *self = RD_REFERENCE_ZONE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->items != NULL)
    rd_reference_zone_clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_REFERENCE_ZONE);
  g_clear_object (&self->items);
  g_clear_object (&self->model);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rd_reference_zone_parent_class)->dispose (object);
}

static void
rd_reference_zone_finalize (GObject *object)
{
  RdReferenceZone *self = RD_REFERENCE_ZONE (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rd_reference_zone_parent_class)->finalize (object);
}

static void
rd_reference_zone_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdReferenceZone *self = RD_REFERENCE_ZONE (object);

  switch (prop_id)
    {
    case PROP_N_PENDING:
      g_value_set_uint (value, self->n_pending);
      break;
    case PROP_N_READY:
      g_value_set_uint (value, self->n_ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_reference_zone_class_init (RdReferenceZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_reference_zone_dispose;
  object_class->finalize = rd_reference_zone_finalize;
  object_class->get_property = rd_reference_zone_get_property;

  /* References still being read or uploaded: a submit waits for them. */
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* References uploaded, that go into the next request. */
  properties[PROP_N_READY] =
    g_param_spec_uint ("n-ready", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-reference-zone.ui");
  gtk_widget_class_bind_template_child (widget_class, RdReferenceZone, box);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceZone, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceZone, count_label);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceZone, limits_label);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceZone, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RdReferenceZone, flow_box);
  gtk_widget_class_set_css_name (widget_class, "referencezone");

  gtk_widget_class_install_action (widget_class, "zone.add", NULL, _rd_reference_zone_add_action);
  gtk_widget_class_install_action (widget_class, "zone.paste", NULL, _rd_reference_zone_paste_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "zone.paste", NULL);
}

static void
rd_reference_zone_init (RdReferenceZone *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (RD_TYPE_REFERENCE_ITEM);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_flow_box_bind_model (self->flow_box, G_LIST_MODEL (self->items), create_tile, self, NULL);

  self->drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (self->drop_target, types, G_N_ELEMENTS (types));
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  update_limits (self);
  update_counts (self);
}

GtkWidget *
rd_reference_zone_new (void)
{
  return g_object_new (RD_TYPE_REFERENCE_ZONE, NULL);
}

RivyaModel *
rd_reference_zone_get_model (RdReferenceZone *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ZONE (self), NULL);
  return self->model;
}

/* The references are for one model: its limits apply and its id goes
 * with each upload. On another model that takes references, the same
 * files are checked and uploaded (or found in the history) again. */
void
rd_reference_zone_set_model (RdReferenceZone *self,
                             RivyaModel      *model)
{
  g_autoptr(GSList) files = NULL;

  g_return_if_fail (RD_IS_REFERENCE_ZONE (self));
  g_return_if_fail (!model || RIVYA_IS_MODEL (model));

  if (self->model == model)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(RdReferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (counts (item))
        files = g_slist_prepend (files, g_object_ref (rd_reference_item_get_file (item)));
    }
  files = g_slist_reverse (files);
  rd_reference_zone_clear (self);

  g_set_object (&self->model, model);
  update_limits (self);
  if (rd_reference_zone_model_takes_references (model))
    rd_reference_zone_add_files (self, files);
  update_counts (self);
  g_slist_free_full (g_steal_pointer (&files), g_object_unref);
}

void
rd_reference_zone_set_client (RdReferenceZone *self,
                              RivyaClient     *client)
{
  g_return_if_fail (RD_IS_REFERENCE_ZONE (self));
  g_return_if_fail (!client || RIVYA_IS_CLIENT (client));

  g_set_object (&self->client, client);
}

/* Where uploads are remembered (the job history). */
void
rd_reference_zone_set_job_store (RdReferenceZone *self,
                                 RdJobStore      *store)
{
  g_return_if_fail (RD_IS_REFERENCE_ZONE (self));
  g_return_if_fail (!store || RD_IS_JOB_STORE (store));

  g_set_object (&self->store, store);
}

/* Returns: (transfer none): the RdReferenceItems shown */
GListModel *
rd_reference_zone_get_items (RdReferenceZone *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ZONE (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
rd_reference_zone_get_n_pending (RdReferenceZone *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ZONE (self), 0);
  return self->n_pending;
}

guint
rd_reference_zone_get_n_ready (RdReferenceZone *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ZONE (self), 0);
  return self->n_ready;
}

/* Returns: (transfer full): params.referenceMediaItems for the uploaded
 * references, in the order shown; those refused or failed are left out */
JsonArray *
rd_reference_zone_dup_reference_items (RdReferenceZone *self)
{
  JsonArray *array;

  g_return_val_if_fail (RD_IS_REFERENCE_ZONE (self), NULL);

  array = json_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->items)); i++)
    {
      g_autoptr(RdReferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      const RdUploadRecord *record = rd_reference_item_get_record (item);

      if (rd_reference_item_get_state (item) == RD_REFERENCE_READY && record != NULL)
        json_array_add_element (array, rd_upload_record_to_reference (record));
    }
  return array;
}

/* Takes every reference away, cancelling uploads in flight. */
void
rd_reference_zone_clear (RdReferenceZone *self)
{
  guint n;

  g_return_if_fail (RD_IS_REFERENCE_ZONE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RdReferenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_signal_handlers_disconnect_by_data (item, self);
      rd_reference_item_cancel (item);
    }
  g_list_store_remove_all (self->items);
  update_counts (self);
}

/* Returns: (transfer none): the drop target taking files dropped on the zone */
GtkDropTarget *
rd_reference_zone_get_drop_target (RdReferenceZone *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ZONE (self), NULL);
  return self->drop_target;
}
