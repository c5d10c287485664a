/* rd-job-row.c
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

#include "rd-job-row.h"
#include "rd-thumbnailer.h"

/* One line of the Jobs list: what was asked, where it stands, what it
 * cost, and for a failure the error with its request id. */
struct _RdJobRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkImage *thumbnail;
  GtkLabel *model_label;
  GtkLabel *prompt_label;
  GtkLabel *status_label;
  GtkLabel *error_label;

  RdJob *job;
  char *thumbnail_path;
  GCancellable *thumbnail_cancellable;
};

G_DEFINE_FINAL_TYPE (RdJobRow, rd_job_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOB,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
format_duration (gint64 seconds)
{
  if (seconds < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d second", "%d seconds", seconds), (int) seconds);
  if (seconds < 3600)
    return g_strdup_printf (_("%d min %02d s"), (int) (seconds / 60), (int) (seconds % 60));
  return g_strdup_printf (_("%d h %02d min"), (int) (seconds / 3600), (int) (seconds % 3600 / 60));
}

char *
rd_job_format_status (RdJob *job)
{
  g_autofree char *elapsed = format_duration (rd_job_get_elapsed (job));

  switch (rd_job_get_status (job))
    {
    case RIVYA_GENERATION_STATUS_QUEUED:
      /* Translators: %s is a duration such as "5 seconds" */
      return g_strdup_printf (_("Queued · %s"), elapsed);
    case RIVYA_GENERATION_STATUS_PROCESSING:
      return g_strdup_printf (_("Processing · %s"), elapsed);
    case RIVYA_GENERATION_STATUS_SUCCEEDED:
      return g_strdup_printf (_("Succeeded in %s"), elapsed);
    case RIVYA_GENERATION_STATUS_FAILED:
      return g_strdup_printf (_("Failed after %s"), elapsed);
    case RIVYA_GENERATION_STATUS_UNKNOWN:
    default:
      return g_strdup_printf (_("Waiting · %s"), elapsed);
    }
}

char *
rd_job_format_credits (RdJob *job)
{
  gint64 reserved = rd_job_get_reserved_credits (job);
  gint64 final = rd_job_get_final_credits (job);

  if (!rd_job_is_finished (job) || final < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d credit reserved", "%d credits reserved", reserved),
                            (int) reserved);
  if (final == 0 && rd_job_get_status (job) == RIVYA_GENERATION_STATUS_FAILED)
    return g_strdup (_("No credits charged"));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d credit", "%d credits", final), (int) final);
}

/* NULL unless the job failed. */
char *
rd_job_format_error (RdJob *job)
{
  const char *message = rd_job_get_error_message (job);
  const char *code = rd_job_get_error_code (job);
  const char *request_id = rd_job_get_request_id (job);
  g_autofree char *what = NULL;

  if (rd_job_get_status (job) != RIVYA_GENERATION_STATUS_FAILED)
    return NULL;

  if (code != NULL && message != NULL)
    what = g_strdup_printf ("%s (%s)", message, code);
  else
    what = g_strdup (message ? message : code ? code : _("The server gave no reason"));

  if (request_id == NULL)
    return g_steal_pointer (&what);
  /* Translators: the first %s is the error, the second the request id to quote to support */
  return g_strdup_printf (_("%s · request %s"), what, request_id);
}

const char *
rd_job_category_icon (RdJob *job)
{
  const char *category = rd_job_get_category (job);

  if (g_strcmp0 (category, "video") == 0)
    return "video-x-generic-symbolic";
  if (g_strcmp0 (category, "audio") == 0 || g_strcmp0 (category, "speech") == 0)
    return "audio-x-generic-symbolic";
  return "image-x-generic-symbolic";
}

static void
thumbnail_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(RdJobRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = rd_thumbnailer_poster_finish (result, &error);

  /* Cancelled when the row was bound to another job; a file that does
   * not decode (or is gone) keeps the category icon. */
  if (texture != NULL)
    gtk_image_set_from_paintable (self->thumbnail, GDK_PAINTABLE (texture));
}

static void
update_thumbnail (RdJobRow *self)
{
  const char *path = rd_job_get_local_path (self->job);
  g_autoptr(GFile) file = NULL;

  if (g_strcmp0 (path, self->thumbnail_path) == 0 && path != NULL)
    return;
  g_free (self->thumbnail_path);
  self->thumbnail_path = g_strdup (path);

  /* The icon until the picture is decoded on a worker thread: a fast
   * scroll binds a screenful of rows per frame, and decoding one
   * 1024 px result on the main thread took longer than a frame
   * (bench-job-scroll). */
  g_cancellable_cancel (self->thumbnail_cancellable);
  g_clear_object (&self->thumbnail_cancellable);
  gtk_image_set_from_icon_name (self->thumbnail, rd_job_category_icon (self->job));
  if (path == NULL || g_strcmp0 (rd_job_get_category (self->job), "image") != 0)
    return;

  self->thumbnail_cancellable = g_cancellable_new ();
  file = g_file_new_for_path (path);
  rd_thumbnailer_poster_async (file, 96, self->thumbnail_cancellable, thumbnail_cb, g_object_ref (self));
}

static void
update (RdJobRow *self)
{
  g_autofree char *status = NULL;
  g_autofree char *credits = NULL;
  g_autofree char *line = NULL;
  g_autofree char *error = NULL;

  if (self->job == NULL)
    return;

  status = rd_job_format_status (self->job);
  credits = rd_job_format_credits (self->job);
  line = g_strdup_printf ("%s · %s", status, credits);
  error = rd_job_format_error (self->job);
  if (error == NULL && rd_job_get_download_error (self->job) != NULL)
    /* Translators: %s says why, e.g. "No space left on device" */
    error = g_strdup_printf (_("Could not save the result: %s"), rd_job_get_download_error (self->job));

  gtk_label_set_label (self->model_label, rd_job_get_model_name (self->job));
  gtk_label_set_label (self->prompt_label, rd_job_get_prompt (self->job));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->prompt_label), rd_job_get_prompt (self->job));
  gtk_label_set_label (self->status_label, line);
  gtk_label_set_label (self->error_label, error);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  update_thumbnail (self);
}

void
rd_job_row_set_job (RdJobRow *self,
                    RdJob    *job)
{
  g_return_if_fail (RD_IS_JOB_ROW (self));
  g_return_if_fail (!job || RD_IS_JOB (job));

  if (self->job == job)
    return;

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_data (self->job, self);
  g_set_object (&self->job, job);
  g_clear_pointer (&self->thumbnail_path, g_free);
  g_cancellable_cancel (self->thumbnail_cancellable);
  if (job != NULL)
    g_signal_connect_object (job, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
}

RdJob *
rd_job_row_get_job (RdJobRow *self)
{
  g_return_val_if_fail (RD_IS_JOB_ROW (self), NULL);
  return self->job;
}

/* A result is dragged as the file it was downloaded to: into the Create
 * view's references (the next job), or out to a file manager. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 RdJobRow      *self)
{
  const char *path = self->job ? rd_job_get_local_path (self->job) : NULL;
  g_autoptr(GFile) file = NULL;
  GdkContentProvider *providers[2];
  GdkFileList *files;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  file = g_file_new_for_path (path);
  files = gdk_file_list_new_from_array (&file, 1);
  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, files);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_FILE, file);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);

  if (gtk_image_get_storage_type (self->thumbnail) == GTK_IMAGE_PAINTABLE)
    gtk_drag_source_set_icon (source, gtk_image_get_paintable (self->thumbnail), 0, 0);

  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

static void
rd_job_row_dispose (GObject *object)
{
  RdJobRow *self = RD_JOB_ROW (object);

  rd_job_row_set_job (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_JOB_ROW);
  g_clear_pointer (&self->thumbnail_path, g_free);
  g_clear_object (&self->thumbnail_cancellable);

  G_OBJECT_CLASS (rd_job_row_parent_class)->dispose (object);
}

static void
rd_job_row_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RdJobRow *self = RD_JOB_ROW (object);

  switch (prop_id)
    {
    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_job_row_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RdJobRow *self = RD_JOB_ROW (object);

  switch (prop_id)
    {
    case PROP_JOB:
      rd_job_row_set_job (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_job_row_class_init (RdJobRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_job_row_dispose;
  object_class->get_property = rd_job_row_get_property;
  object_class->set_property = rd_job_row_set_property;

  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL, RD_TYPE_JOB,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rivyadesktop/RivyaDesktop/ui/rd-job-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RdJobRow, box);
  gtk_widget_class_bind_template_child (widget_class, RdJobRow, thumbnail);
  gtk_widget_class_bind_template_child (widget_class, RdJobRow, model_label);
  gtk_widget_class_bind_template_child (widget_class, RdJobRow, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, RdJobRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdJobRow, error_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rd_job_row_init (RdJobRow *self)
{
  GtkDragSource *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}
