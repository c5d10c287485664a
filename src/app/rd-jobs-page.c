/* rd-jobs-page.c
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

#include "rd-application.h"
#include "rd-job-row.h"
#include "rd-jobs-page.h"
#include "rd-media-preview.h"
#include "rd-recipe.h"
#include "rd-window.h"

/* The Jobs view: the history on the left, the selected job's result
 * and details on the right (one pane at a time when narrow). */
struct _RdJobsPage
{
  AdwBin parent_instance;

  GtkStack *stack;
  AdwLeaflet *leaflet;
  GtkListView *list_view;
  GtkSingleSelection *selection;
  GtkWidget *details;
  RdMediaPreview *preview;
  GtkLabel *prompt_label;
  GtkListBox *facts;
  GtkLabel *action_error;
  GtkRevealer *offline_revealer;
  GtkLabel *offline_label;
  GtkWidget *retry_download_button;

  RdJobStore *store;
  RdJob *job;
  GtkWidget *status_row;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (RdJobsPage, rd_jobs_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
show_error (RdJobsPage *self,
            const char *message)
{
  gtk_label_set_label (self->action_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->action_error), message != NULL);
}

static GtkWidget *
add_fact (RdJobsPage *self,
          const char *title,
          const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->facts, row);
  return row;
}

static void
update_details (RdJobsPage *self)
{
  RdJob *job = self->job;
  GtkWidget *child;
  gboolean has_file;

  self->status_row = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->facts))) != NULL)
    gtk_list_box_remove (self->facts, child);

  has_file = job != NULL && rd_job_get_local_path (job) != NULL &&
             g_file_test (rd_job_get_local_path (job), G_FILE_TEST_EXISTS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job.copy-task-id", job != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job.copy-as", job != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job.remove", job != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job.submit-again", job != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job.save-as", has_file);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job.open-folder", has_file);
  gtk_widget_set_visible (self->retry_download_button,
                          job != NULL && rd_job_get_download_error (job) != NULL);

  if (!has_file)
    {
      rd_media_preview_clear (self->preview);
      gtk_widget_set_visible (GTK_WIDGET (self->preview), FALSE);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (rd_job_get_local_path (job));
      g_autofree char *mime_type = NULL;
      g_autofree char *content_type = g_content_type_guess (rd_job_get_local_path (job), NULL, 0, NULL);

      mime_type = g_content_type_get_mime_type (content_type);
      /* Notifications of the job (the elapsed tick) must not reload it. */
      if (rd_media_preview_get_file (self->preview) == NULL ||
          !g_file_equal (rd_media_preview_get_file (self->preview), file))
        rd_media_preview_set_file (self->preview, file, mime_type);
      gtk_widget_set_visible (GTK_WIDGET (self->preview), TRUE);
    }

  if (job == NULL)
    return;

  gtk_label_set_label (self->prompt_label, rd_job_get_prompt (job));

  {
    g_autofree char *status = rd_job_format_status (job);
    g_autofree char *credits = rd_job_format_credits (job);
    g_autofree char *error = rd_job_format_error (job);
    g_autofree char *model = g_strdup_printf ("%s (%s)", rd_job_get_model_name (job), rd_job_get_model_id (job));

    self->status_row = add_fact (self, _("Status"), status);
    add_fact (self, _("Error"), error);
    add_fact (self, _("Could not save the result"), rd_job_get_download_error (job));
    add_fact (self, _("Model"), model);
    add_fact (self, _("Credits"), credits);
    add_fact (self, _("Task ID"), rd_job_get_task_id (job));
    add_fact (self, _("Request ID"), rd_job_get_request_id (job));
    add_fact (self, _("Parameters"), rd_job_get_params (job));
    add_fact (self, _("Server"), rd_job_get_base_url (job));
    add_fact (self, _("Result file"), has_file ? rd_job_get_local_path (job) : NULL);
  }
}

static void
job_notify_cb (RdJobsPage *self,
               GParamSpec *pspec,
               RdJob      *job)
{
  /* The elapsed tick changes the status line only: rebuilding the
   * rows every second would lose the focus and the scroll position. */
  if (g_strcmp0 (pspec->name, "elapsed") == 0 && self->status_row != NULL)
    {
      g_autofree char *status = rd_job_format_status (job);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), status);
      return;
    }
  update_details (self);
}

static void
selection_changed_cb (RdJobsPage *self)
{
  RdJob *job = gtk_single_selection_get_selected_item (self->selection);

  if (job == self->job)
    return;

  if (self->job != NULL)
    g_signal_handlers_disconnect_by_func (self->job, job_notify_cb, self);
  g_set_object (&self->job, job);
  if (job != NULL)
    g_signal_connect_object (job, "notify", G_CALLBACK (job_notify_cb), self, G_CONNECT_SWAPPED);
  show_error (self, NULL);
  update_details (self);
}

static void
items_changed_cb (RdJobsPage *self)
{
  gboolean empty = self->store == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "jobs");
}

/* Unfinished jobs wait for a server that does not answer: say so, and
 * that nothing needs doing (the store keeps asking by itself). */
static void
offline_cb (RdJobsPage *self)
{
  RivyaClient *client;
  g_autofree char *text = NULL;

  if (self->store == NULL || !rd_job_store_get_offline (self->store))
    {
      gtk_revealer_set_reveal_child (self->offline_revealer, FALSE);
      return;
    }

  client = rd_job_store_get_client (self->store);
  if (client == NULL)
    text = g_strdup (_("Not connected to a server. Unfinished jobs will update once a server answers again."));
  else
    /* Translators: %s is the server's address */
    text = g_strdup_printf (_("Cannot reach the server at %s. Trying again by itself: unfinished jobs will update once it answers."),
                            rivya_client_get_base_url (client));
  gtk_label_set_label (self->offline_label, text);
  gtk_revealer_set_reveal_child (self->offline_revealer, TRUE);
}

static void
list_activate_cb (RdJobsPage *self,
                  guint       position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->details);
}

static void
back_clicked_cb (RdJobsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
copy_task_id_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdJobsPage *self = RD_JOBS_PAGE (widget);

  if (self->job != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), rd_job_get_task_id (self->job));
}

/* The local files the references were uploaded from, as far as the
 * history remembers them: one entry per params.referenceMediaItems item,
 * "" where it does not know (the recipe then asks for the file). */
static GStrv
reference_paths_for_job (RdJobsPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonNode) params = NULL;
  JsonArray *items;

  if (rd_job_get_params (self->job) != NULL)
    params = json_from_string (rd_job_get_params (self->job), NULL);
  if (params == NULL || !JSON_NODE_HOLDS_OBJECT (params))
    return NULL;
  if (!json_object_has_member (json_node_get_object (params), "referenceMediaItems") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (params), "referenceMediaItems")))
    return NULL;

  items = json_object_get_array_member (json_node_get_object (params), "referenceMediaItems");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(RdUploadRecord) record = NULL;
      const char *url = NULL;

      if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, i)))
        url = json_object_get_string_member_with_default (json_array_get_object_element (items, i),
                                                          "url", NULL);
      if (url != NULL && self->store != NULL)
        record = rd_job_store_find_upload_by_url (self->store, rd_job_get_base_url (self->job), url);
      g_strv_builder_add (builder, record && record->local_path ? record->local_path : "");
    }
  return g_strv_builder_end (builder);
}

static void
copy_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdJobsPage *self = RD_JOBS_PAGE (widget);
  g_auto(GStrv) paths = NULL;
  g_autofree char *text = NULL;
  RdRecipeFormat format;
  GtkRoot *root;
  const char *message;

  if (self->job == NULL ||
      !rd_recipe_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;

  paths = reference_paths_for_job (self);
  text = rd_recipe_for_job (self->job, format, (const char * const *) paths);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  switch (format)
    {
    case RD_RECIPE_FORMAT_CURL:
      message = _("Copied as a curl script");
      break;
    case RD_RECIPE_FORMAT_CLI:
      message = _("Copied as a rivya command");
      break;
    case RD_RECIPE_FORMAT_C:
    default:
      message = _("Copied as a C program");
      break;
    }
  root = gtk_widget_get_root (widget);
  if (RD_IS_WINDOW (root))
    rd_window_add_toast (RD_WINDOW (root), message, NULL, NULL);
}

static void
retry_download_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  RdJobsPage *self = RD_JOBS_PAGE (widget);

  if (self->job != NULL && self->store != NULL)
    rd_job_store_retry_download (self->store, self->job);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RdJobsPage *self = RD_JOBS_PAGE (widget);

  if (self->job != NULL && self->store != NULL)
    rd_job_store_remove (self->store, self->job);
}

static void
submit_again_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdJob) job = rd_job_store_submit_again_finish (RD_JOB_STORE (object), result, &error);
  RdJobsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RD_JOBS_PAGE (user_data);
  if (job == NULL)
    {
      g_autofree char *message = NULL;

      if (rivya_error_get_request_id (error) != NULL)
        message = g_strdup_printf (_("Could not submit again: %s (request %s)"),
                                   error->message, rivya_error_get_request_id (error));
      else
        message = g_strdup_printf (_("Could not submit again: %s"), error->message);
      show_error (self, message);
      return;
    }

  gtk_single_selection_set_selected (self->selection, 0);
}

static void
submit_again_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdJobsPage *self = RD_JOBS_PAGE (widget);

  if (self->job == NULL || self->store == NULL)
    return;

  show_error (self, NULL);
  rd_job_store_submit_again_async (self->store, self->job, self->cancellable, submit_again_cb, self);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdJobsPage *self = RD_JOBS_PAGE (widget);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  if (self->job == NULL || rd_job_get_local_path (self->job) == NULL)
    return;

  file = g_file_new_for_path (rd_job_get_local_path (self->job));
  folder = g_file_get_parent (file);
  uri = g_file_get_uri (folder);
  /* GtkFileLauncher is GTK 4.10. */
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the folder: %s"), error->message);

      show_error (self, message);
    }
}

static void
copy_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_copy_finish (G_FILE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("Could not save the result: %s"), error->message);

      show_error (RD_JOBS_PAGE (user_data), message);
    }
}

static void
save_response_cb (RdJobsPage           *self,
                  int                   response,
                  GtkFileChooserNative *native)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) source = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->job != NULL && rd_job_get_local_path (self->job) != NULL)
    {
      target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      source = g_file_new_for_path (rd_job_get_local_path (self->job));
      g_file_copy_async (source, target, G_FILE_COPY_OVERWRITE, G_PRIORITY_DEFAULT,
                         self->cancellable, NULL, NULL, copy_cb, self);
    }
  g_object_unref (native);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RdJobsPage *self = RD_JOBS_PAGE (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  if (self->job == NULL || rd_job_get_local_path (self->job) == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Save Result"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  name = g_path_get_basename (rd_job_get_local_path (self->job));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (save_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
rd_jobs_page_set_store (RdJobsPage *self,
                        RdJobStore *store)
{
  g_return_if_fail (RD_IS_JOBS_PAGE (self));
  g_return_if_fail (!store || RD_IS_JOB_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, items_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, offline_cb, self);
    }
  g_set_object (&self->store, store);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (store));
  if (store != NULL)
    {
      g_signal_connect_object (store, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::offline", G_CALLBACK (offline_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::client", G_CALLBACK (offline_cb), self, G_CONNECT_SWAPPED);
    }
  items_changed_cb (self);
  offline_cb (self);
  selection_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

RdJobStore *
rd_jobs_page_get_store (RdJobsPage *self)
{
  g_return_val_if_fail (RD_IS_JOBS_PAGE (self), NULL);
  return self->store;
}

RdJob *
rd_jobs_page_get_selected_job (RdJobsPage *self)
{
  g_return_val_if_fail (RD_IS_JOBS_PAGE (self), NULL);
  return self->job;
}

void
rd_jobs_page_select (RdJobsPage *self,
                     guint       position)
{
  g_return_if_fail (RD_IS_JOBS_PAGE (self));
  gtk_single_selection_set_selected (self->selection, position);
}

static void
rd_jobs_page_dispose (GObject *object)
{
  RdJobsPage *self = RD_JOBS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->job != NULL)
    g_signal_handlers_disconnect_by_func (self->job, job_notify_cb, self);
  g_clear_object (&self->job);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, items_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, offline_cb, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_JOBS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (rd_jobs_page_parent_class)->dispose (object);
}

static void
rd_jobs_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RdJobsPage *self = RD_JOBS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_jobs_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RdJobsPage *self = RD_JOBS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      rd_jobs_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_jobs_page_class_init (RdJobsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_jobs_page_dispose;
  object_class->get_property = rd_jobs_page_get_property;
  object_class->set_property = rd_jobs_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_JOB_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RD_TYPE_JOB_ROW);
  g_type_ensure (RD_TYPE_MEDIA_PREVIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rivyadesktop/RivyaDesktop/ui/rd-jobs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, details);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, preview);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, facts);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, action_error);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, RdJobsPage, retry_download_button);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "job.copy-task-id", NULL, copy_task_id_action);
  gtk_widget_class_install_action (widget_class, "job.copy-as", "s", copy_as_action);
  gtk_widget_class_install_action (widget_class, "job.submit-again", NULL, submit_again_action);
  gtk_widget_class_install_action (widget_class, "job.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "job.retry-download", NULL, retry_download_action);
  gtk_widget_class_install_action (widget_class, "job.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "job.save-as", NULL, save_as_action);
}

static void
rd_jobs_page_init (RdJobsPage *self)
{
  GApplication *app = g_application_get_default ();

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: AdwBin unparents its child itself. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* The window builds the page from its template; the history is the
   * application's. Tests set their own store. */
  if (RD_IS_APPLICATION (app))
    rd_jobs_page_set_store (self, rd_application_get_job_store (RD_APPLICATION (app)));
  else
    update_details (self);
}
