/* rd-create-page.c
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

#define G_LOG_DOMAIN "rd-create-page"

#include "config.h"

#include "rd-create-page.h"

#include <glib/gi18n.h>

#include "rd-application.h"
#include "rd-model-cache.h"
#include "rd-model-row.h"
#include "rd-reference-zone.h"
#include "rd-window.h"

/* The Create view: the catalog on the left, the form of the chosen
 * model on the right. The catalog is shown from the disk cache at once
 * and replaced when the server answers. */
struct _RdCreatePage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *category_dropdown;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkStack           *form_stack;
  RdGenerationForm   *form;

  /* Owned references */
  RdSession          *session;
  GListStore         *catalog;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  GCancellable       *catalog_cancellable;
  GCancellable       *submit_cancellable;
  gulong              pending_handler;
  char               *catalog_source;
  char               *catalog_error;
};

G_DEFINE_FINAL_TYPE (RdCreatePage, rd_create_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CATALOG_SOURCE,
  N_PROPS
};

enum {
  SUBMITTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The category dropdown's items, in order; NULL is all of them. */
static const char * const categories[] = { NULL, "image", "video", "audio", "chat" };

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RdCreatePage *self = user_data;
  RivyaModel *model = item;
  const char *category = rd_create_page_get_category (self);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (category != NULL && g_strcmp0 (rivya_model_get_category (model), category) != 0)
    return FALSE;
  if (search == NULL || search[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  name = g_utf8_casefold (rivya_model_get_display_name (model), -1);
  id = g_utf8_casefold (rivya_model_get_id (model), -1);
  return strstr (name, needle) != NULL || strstr (id, needle) != NULL;
}

static void
update_empty_state (RdCreatePage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;

  if (!empty)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->catalog)) > 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Models Found"));
      adw_status_page_set_description (self->empty_page, _("Try other words or another category."));
    }
  else if (self->catalog_error != NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Catalog"));
      adw_status_page_set_description (self->empty_page, self->catalog_error);
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "network-server-symbolic");
      adw_status_page_set_title (self->empty_page, _("Waiting for the Server"));
      adw_status_page_set_description (self->empty_page,
                                       _("The models appear as soon as the server answers. Press F5 to ask again."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
refilter (RdCreatePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static void
search_changed_cb (RdCreatePage *self)
{
  refilter (self);
}

static void
category_changed_cb (RdCreatePage *self)
{
  refilter (self);
}

static void
selection_changed_cb (RdCreatePage *self)
{
  RivyaModel *model = gtk_single_selection_get_selected_item (self->selection);

  rd_generation_form_set_model (self->form, model);
  gtk_stack_set_visible_child_name (self->form_stack, model ? "form" : "none");
}

static void
list_activate_cb (RdCreatePage *self,
                  guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
set_catalog_source (RdCreatePage *self,
                    const char   *source)
{
  if (g_strcmp0 (self->catalog_source, source) == 0)
    return;

  g_free (self->catalog_source);
  self->catalog_source = g_strdup (source);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG_SOURCE]);
}

static gboolean
select_model (RdCreatePage *self,
              const char   *model_id)
{
  GListModel *models = G_LIST_MODEL (self->filter_model);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (g_strcmp0 (rivya_model_get_id (model), model_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Replaces the catalog, keeping the chosen model chosen. */
static void
set_catalog (RdCreatePage *self,
             GListModel   *models)
{
  RivyaModel *selected = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *selected_id = selected ? g_strdup (rivya_model_get_id (selected)) : NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    g_ptr_array_add (items, g_list_model_get_item (models, i));

  g_list_store_splice (self->catalog, 0, g_list_model_get_n_items (G_LIST_MODEL (self->catalog)),
                       items->pdata, items->len);
  if (selected_id != NULL)
    select_model (self, selected_id);
  update_empty_state (self);
}

static void
list_models_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdCreatePage) self = user_data;
  g_autoptr(GListModel) models = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  models = rivya_client_list_models_finish (RIVYA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->catalog_error, g_free);
  if (error != NULL)
    {
      /* A saved catalog stays on screen; with none, the list says why. */
      self->catalog_error = g_strdup_printf (_("Could not read the catalog: %s"), error->message);
      update_empty_state (self);
      return;
    }

  set_catalog (self, models);
  set_catalog_source (self, "network");

  path = rd_model_cache_get_path ();
  if (!rd_model_cache_save (path, models, &error))
    g_warning ("Could not save the catalog to %s: %s", path, error->message);
}

static void
fetch_catalog (RdCreatePage *self)
{
  RivyaClient *client = self->session ? rd_session_get_client (self->session) : NULL;

  g_cancellable_cancel (self->catalog_cancellable);
  g_clear_object (&self->catalog_cancellable);

  if (client == NULL)
    return;

  self->catalog_cancellable = g_cancellable_new ();
  rivya_client_list_models_async (client, self->catalog_cancellable,
                                  list_models_cb, g_object_ref (self));
}

static void
session_balance_cb (RdCreatePage *self)
{
  rd_generation_form_set_balance (self->form, rd_session_get_balance (self->session));
}

static void
show_toast (RdCreatePage *self,
            const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (RD_IS_WINDOW (root))
    rd_window_add_toast (RD_WINDOW (root), message, NULL, NULL);
  else
    g_message ("%s", message);
}

typedef struct
{
  RdCreatePage           *self;
  RivyaModel             *model;
  RivyaGenerationRequest *request;
} Submission;

static void
submission_free (Submission *submission)
{
  g_clear_object (&submission->self);
  g_clear_object (&submission->model);
  g_clear_object (&submission->request);
  g_free (submission);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Submission, submission_free)

static void
create_generation_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Submission) submission = user_data;
  RdCreatePage *self = submission->self;
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(GError) error = NULL;

  generation = rivya_client_create_generation_finish (RIVYA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  rd_generation_form_set_busy (self->form, FALSE);

  if (error != NULL)
    {
      const char *request_id = rivya_error_get_request_id (error);
      g_autofree char *message = NULL;

      if (request_id != NULL)
        /* translators: the API's error message, then its request id */
        message = g_strdup_printf (_("Could not generate: %s (request %s)"),
                                   error->message, request_id);
      else
        message = g_strdup_printf (_("Could not generate: %s"), error->message);
      show_toast (self, message);
      return;
    }

  g_signal_emit (self, signals[SUBMITTED], 0, submission->model, submission->request, generation);
}

/* Builds the request now that no reference is uploading: those that
 * failed are left out, they never hold the others back. */
static void
submit (RdCreatePage *self)
{
  RivyaClient *client = self->session ? rd_session_get_client (self->session) : NULL;
  Submission *submission;

  if (client == NULL || rd_generation_form_get_model (self->form) == NULL)
    {
      rd_generation_form_set_busy (self->form, FALSE);
      show_toast (self, _("Could not generate: not connected to a server"));
      return;
    }

  submission = g_new0 (Submission, 1);
  submission->self = g_object_ref (self);
  submission->model = g_object_ref (rd_generation_form_get_model (self->form));
  submission->request = rd_generation_form_build_request (self->form);

  g_cancellable_cancel (self->submit_cancellable);
  g_clear_object (&self->submit_cancellable);
  self->submit_cancellable = g_cancellable_new ();
  rivya_client_create_generation_async (client, submission->request, self->submit_cancellable,
                                        create_generation_cb, submission);
}

static void
stop_waiting (RdCreatePage *self)
{
  RdReferenceZone *zone = rd_generation_form_get_reference_zone (self->form);

  if (self->pending_handler != 0)
    g_clear_signal_handler (&self->pending_handler, zone);
}

static void
pending_changed_cb (RdCreatePage *self)
{
  if (rd_reference_zone_get_n_pending (rd_generation_form_get_reference_zone (self->form)) > 0)
    return;
  stop_waiting (self);
  submit (self);
}

static void
form_generate_cb (RdCreatePage *self)
{
  RivyaClient *client = self->session ? rd_session_get_client (self->session) : NULL;
  RdReferenceZone *zone = rd_generation_form_get_reference_zone (self->form);

  if (client == NULL)
    {
      show_toast (self, _("Could not generate: not connected to a server"));
      return;
    }

  rd_generation_form_set_busy (self->form, TRUE);
  stop_waiting (self);
  /* A submit waits for the uploads in flight, then goes with those that
   * made it. */
  if (rd_reference_zone_get_n_pending (zone) > 0)
    {
      self->pending_handler = g_signal_connect_swapped (zone, "notify::n-pending",
                                                        G_CALLBACK (pending_changed_cb), self);
      return;
    }
  submit (self);
}

static void
session_client_cb (RdCreatePage *self)
{
  RdReferenceZone *zone = rd_generation_form_get_reference_zone (self->form);

  rd_reference_zone_set_client (zone, self->session ? rd_session_get_client (self->session) : NULL);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RdCreatePage *self = RD_CREATE_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
rd_create_page_dispose (GObject *object)
{
  RdCreatePage *self = RD_CREATE_PAGE (object);

  g_cancellable_cancel (self->catalog_cancellable);
  g_clear_object (&self->catalog_cancellable);
  g_cancellable_cancel (self->submit_cancellable);
  g_clear_object (&self->submit_cancellable);
  if (self->form != NULL)
    stop_waiting (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_CREATE_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (rd_create_page_parent_class)->dispose (object);
}

static void
rd_create_page_finalize (GObject *object)
{
  RdCreatePage *self = RD_CREATE_PAGE (object);

  g_clear_pointer (&self->catalog_source, g_free);
  g_clear_pointer (&self->catalog_error, g_free);

  G_OBJECT_CLASS (rd_create_page_parent_class)->finalize (object);
}

static void
rd_create_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RdCreatePage *self = RD_CREATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_CATALOG_SOURCE:
      g_value_set_string (value, self->catalog_source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_create_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RdCreatePage *self = RD_CREATE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rd_create_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_create_page_class_init (RdCreatePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_create_page_dispose;
  object_class->finalize = rd_create_page_finalize;
  object_class->get_property = rd_create_page_get_property;
  object_class->set_property = rd_create_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Where the models shown come from: "none", "cache" or "network". */
  properties[PROP_CATALOG_SOURCE] =
    g_param_spec_string ("catalog-source", NULL, NULL, "none",
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A generation was accepted by the server: the job list takes it. */
  signals[SUBMITTED] =
    g_signal_new ("submitted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  RIVYA_TYPE_MODEL, RIVYA_TYPE_GENERATION_REQUEST, RIVYA_TYPE_GENERATION);

  g_type_ensure (RD_TYPE_GENERATION_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-create-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RdCreatePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RdCreatePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdCreatePage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdCreatePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RdCreatePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, RdCreatePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RdCreatePage, form_stack);
  gtk_widget_class_bind_template_child (widget_class, RdCreatePage, form);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_generate_cb);

  gtk_widget_class_install_action (widget_class, "create.back", NULL, back_action);
}

static void
rd_create_page_init (RdCreatePage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GListStore) cached = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  self->catalog_source = g_strdup ("none");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->catalog = g_list_store_new (RIVYA_TYPE_MODEL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->catalog)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  /* Uploads are remembered in the application's job history. */
  if (RD_IS_APPLICATION (g_application_get_default ()))
    rd_reference_zone_set_job_store (rd_generation_form_get_reference_zone (self->form),
                                     rd_application_get_job_store (RD_APPLICATION (g_application_get_default ())));

  factory = rd_model_row_factory_new ();
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Small and local: read at once, so the first frame has the models. */
  path = rd_model_cache_get_path ();
  cached = rd_model_cache_load (path, &error);
  if (cached != NULL)
    {
      set_catalog (self, G_LIST_MODEL (cached));
      set_catalog_source (self, "cache");
    }
  else if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Could not read the saved catalog %s: %s", path, error->message);

  update_empty_state (self);
}

GtkWidget *
rd_create_page_new (void)
{
  return g_object_new (RD_TYPE_CREATE_PAGE, NULL);
}

RdSession *
rd_create_page_get_session (RdCreatePage *self)
{
  g_return_val_if_fail (RD_IS_CREATE_PAGE (self), NULL);
  return self->session;
}

void
rd_create_page_set_session (RdCreatePage *self,
                            RdSession    *session)
{
  g_return_if_fail (RD_IS_CREATE_PAGE (self));
  g_return_if_fail (session == NULL || RD_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::client", G_CALLBACK (fetch_catalog), self);
      g_signal_connect_swapped (session, "notify::client", G_CALLBACK (session_client_cb), self);
      g_signal_connect_swapped (session, "notify::balance", G_CALLBACK (session_balance_cb), self);
      session_balance_cb (self);
    }
  fetch_catalog (self);
  session_client_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Returns: (transfer none): the models shown, after search and category */
GListModel *
rd_create_page_get_models (RdCreatePage *self)
{
  g_return_val_if_fail (RD_IS_CREATE_PAGE (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

/* Returns: (transfer none): the whole catalog */
GListModel *
rd_create_page_get_catalog (RdCreatePage *self)
{
  g_return_val_if_fail (RD_IS_CREATE_PAGE (self), NULL);
  return G_LIST_MODEL (self->catalog);
}

const char *
rd_create_page_get_catalog_source (RdCreatePage *self)
{
  g_return_val_if_fail (RD_IS_CREATE_PAGE (self), NULL);
  return self->catalog_source;
}

const char *
rd_create_page_get_search_text (RdCreatePage *self)
{
  g_return_val_if_fail (RD_IS_CREATE_PAGE (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/* Filters at once, without the search entry's typing delay. */
void
rd_create_page_set_search_text (RdCreatePage *self,
                                const char   *text)
{
  g_return_if_fail (RD_IS_CREATE_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  refilter (self);
}

/* Returns: (nullable): the category shown, NULL for all */
const char *
rd_create_page_get_category (RdCreatePage *self)
{
  guint selected;

  g_return_val_if_fail (RD_IS_CREATE_PAGE (self), NULL);

  selected = gtk_drop_down_get_selected (self->category_dropdown);
  return selected < G_N_ELEMENTS (categories) ? categories[selected] : NULL;
}

void
rd_create_page_set_category (RdCreatePage *self,
                             const char   *category)
{
  g_return_if_fail (RD_IS_CREATE_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i], category) == 0)
      {
        gtk_drop_down_set_selected (self->category_dropdown, i);
        return;
      }

  g_warning ("No category called “%s”", category);
}

/* Chooses @model_id and shows its form (on narrow windows too).
 * Returns: whether @model_id is among the models shown */
gboolean
rd_create_page_select_model (RdCreatePage *self,
                             const char   *model_id)
{
  g_return_val_if_fail (RD_IS_CREATE_PAGE (self), FALSE);

  if (!select_model (self, model_id))
    return FALSE;

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}

RdGenerationForm *
rd_create_page_get_form (RdCreatePage *self)
{
  g_return_val_if_fail (RD_IS_CREATE_PAGE (self), NULL);
  return self->form;
}

void
rd_create_page_focus_search (RdCreatePage *self)
{
  g_return_if_fail (RD_IS_CREATE_PAGE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Asks the server for the catalog again (F5). */
void
rd_create_page_reload (RdCreatePage *self)
{
  g_return_if_fail (RD_IS_CREATE_PAGE (self));

  fetch_catalog (self);
}
