/* rd-developer-log.c
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

#define G_LOG_DOMAIN "rd-developer-log"

#include "config.h"

#include "rd-developer-log.h"

#include <glib/gi18n.h>
/* PRId64 in translatable strings: xgettext knows it, not G_GINT64_FORMAT. */
#include <inttypes.h>
#include <string.h>

/* RdDeveloperLog: the request log as a filterable list. Each row shows
 * method, route, status, duration, request id and error code, with a
 * button that copies the call as a curl command. The command reads the
 * key from $RIVYA_API_KEY: no record holds the key, so neither can the
 * clipboard. */

struct _RdDeveloperLog
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *errors_toggle;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;

  /* Owned references */
  RdRequestLog       *log;
  GtkFilterListModel *shown;
  GtkCustomFilter    *filter;
  char              **terms;
  guint               stick_id;
  guint               at_top : 1;
};

G_DEFINE_FINAL_TYPE (RdDeveloperLog, rd_developer_log, ADW_TYPE_BIN)

static gboolean
is_error (RivyaRequestRecord *record)
{
  guint status = rivya_request_record_get_status (record);

  return status == 0 || status >= 400 || rivya_request_record_get_error_code (record) != NULL;
}

static char *
format_duration (gint64 duration_us)
{
  if (duration_us < 1000)
    /* Translators: a duration under a millisecond */
    return g_strdup (_("<1 ms"));
  if (duration_us < 10 * G_USEC_PER_SEC)
    return g_strdup_printf (_("%" PRId64 " ms"), duration_us / 1000);
  return g_strdup_printf (_("%.1f s"), duration_us / (double)G_USEC_PER_SEC);
}

/* What a filter term is matched against: what the row shows. */
static char *
record_haystack (RivyaRequestRecord *record)
{
  g_autofree char *text = g_strdup_printf ("%s %s %u %s %s",
                                           rivya_request_record_get_method (record),
                                           rivya_request_record_get_path (record),
                                           rivya_request_record_get_status (record),
                                           rivya_request_record_get_request_id (record)
                                             ? rivya_request_record_get_request_id (record) : "",
                                           rivya_request_record_get_error_code (record)
                                             ? rivya_request_record_get_error_code (record) : "");

  return g_utf8_casefold (text, -1);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  RdDeveloperLog *self = user_data;
  RivyaRequestRecord *record = item;
  g_autofree char *haystack = NULL;

  if (gtk_toggle_button_get_active (self->errors_toggle) && !is_error (record))
    return FALSE;
  if (self->terms == NULL || self->terms[0] == NULL)
    return TRUE;

  /* Every word must match: "post 4" finds failed POSTs. */
  haystack = record_haystack (record);
  for (guint i = 0; self->terms[i] != NULL; i++)
    if (strstr (haystack, self->terms[i]) == NULL)
      return FALSE;

  return TRUE;
}

static void
update_view (RdDeveloperLog *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint total = self->log ? g_list_model_get_n_items (G_LIST_MODEL (self->log)) : 0;
  g_autofree char *count = NULL;

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u request; the last %u of this run are kept",
                                          "%u requests; the last %u of this run are kept",
                                          total),
                             total, RD_REQUEST_LOG_MAX);
  else
    /* Translators: "3 of 40 requests" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u request", "%u of %u requests",
                                          total),
                             shown, total);
  gtk_label_set_label (self->count_label, count);
}

static gboolean
stick_to_top_cb (gpointer user_data)
{
  RdDeveloperLog *self = user_data;

  self->stick_id = 0;
  /* GtkListView keeps its anchor row in view as rows come in above it;
   * moving the anchor to the first row is what keeps the top in view. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  return G_SOURCE_REMOVE;
}

/* A list shown from the top stays at the top as calls come in, newest
 * first; one scrolled down keeps what it shows, as GtkListView does. */
static void
shown_changed_cb (RdDeveloperLog *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  update_view (self);

  if (position == 0 && added > 0 && self->at_top && self->stick_id == 0)
    self->stick_id = g_idle_add (stick_to_top_cb, self);
}

static void
scrolled_cb (RdDeveloperLog *self,
             GtkAdjustment  *adjustment)
{
  self->at_top = gtk_adjustment_get_value (adjustment) <= gtk_adjustment_get_lower (adjustment) + 1;
}

static void
filter_changed_cb (RdDeveloperLog *self)
{
  g_autofree char *folded = NULL;

  g_assert (RD_IS_DEVELOPER_LOG (self));

  folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_strfreev (self->terms);
  self->terms = g_strsplit_set (g_strstrip (folded), " \t", -1);
  /* Runs of blanks leave empty terms, which match everything: drop them. */
  for (guint i = 0, j = 0; ; i++)
    {
      if (self->terms[i] == NULL)
        {
          self->terms[j] = NULL;
          break;
        }
      if (*self->terms[i] != '\0')
        self->terms[j++] = self->terms[i];
      else
        g_free (self->terms[i]);
    }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
copy_record (RdDeveloperLog     *self,
             RivyaRequestRecord *record)
{
  g_autofree char *curl = rivya_request_record_to_curl (record, "RIVYA_API_KEY");
  GtkWidget *overlay;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), curl);

  if ((overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY)) != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new (_("Copied as curl")));
}

static void
copy_clicked_cb (GtkButton   *button,
                 GtkListItem *list_item)
{
  RdDeveloperLog *self = RD_DEVELOPER_LOG (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                                    RD_TYPE_DEVELOPER_LOG));
  RivyaRequestRecord *record = gtk_list_item_get_item (list_item);

  if (self != NULL && record != NULL)
    copy_record (self, record);
}

static void
setup_cb (RdDeveloperLog *self,
          GtkListItem    *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *route = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (route), 0);
  gtk_label_set_ellipsize (GTK_LABEL (route), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (route, "monospace");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), route);
  gtk_box_append (GTK_BOX (labels), details);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Copy as curl"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy as curl"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (copy_clicked_cb), list_item);

  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_cb (RdDeveloperLog *self,
         GtkListItem    *list_item)
{
  RivyaRequestRecord *record = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *labels = gtk_widget_get_first_child (box);
  GtkLabel *route = GTK_LABEL (gtk_widget_get_first_child (labels));
  GtkLabel *details = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (route)));
  g_autofree char *route_text = g_strdup_printf ("%s %s", rivya_request_record_get_method (record),
                                                 rivya_request_record_get_path (record));
  g_autofree char *duration = format_duration (rivya_request_record_get_duration_us (record));
  g_autofree char *time = g_date_time_format (rivya_request_record_get_finished_at (record),
                                              "%X");
  g_autofree char *status = NULL;
  GString *text = g_string_new (NULL);

  status = rivya_request_record_get_status (record) > 0
    ? g_strdup_printf ("%u", rivya_request_record_get_status (record))
    : g_strdup (_("no answer"));

  /* Translators: "201 · 12 ms · 10:00:01" */
  g_string_append_printf (text, _("%s · %s · %s"), status, duration, time);
  if (rivya_request_record_get_error_code (record) != NULL)
    g_string_append_printf (text, " · %s", rivya_request_record_get_error_code (record));
  if (rivya_request_record_get_request_id (record) != NULL)
    g_string_append_printf (text, " · %s", rivya_request_record_get_request_id (record));

  gtk_label_set_label (route, route_text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (route), route_text);
  gtk_label_set_label (details, text->str);
  if (is_error (record))
    gtk_widget_add_css_class (GTK_WIDGET (details), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (details), "error");
  if (!is_error (record))
    gtk_widget_add_css_class (GTK_WIDGET (details), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (details), "dim-label");

  g_string_free (text, TRUE);
}

/* "log.copy-curl" (u): copies the shown row at that position. */
static void
copy_curl_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RdDeveloperLog *self = RD_DEVELOPER_LOG (widget);
  g_autoptr(RivyaRequestRecord) record = NULL;

  record = g_list_model_get_item (G_LIST_MODEL (self->shown), g_variant_get_uint32 (param));
  if (record != NULL)
    copy_record (self, record);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RdDeveloperLog *self = RD_DEVELOPER_LOG (widget);

  if (self->log != NULL)
    rd_request_log_clear (self->log);
}

static void
rd_developer_log_dispose (GObject *object)
{
  RdDeveloperLog *self = RD_DEVELOPER_LOG (object);

  g_clear_handle_id (&self->stick_id, g_source_remove);
  if (self->shown != NULL)
    gtk_filter_list_model_set_model (self->shown, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_DEVELOPER_LOG);
  g_clear_object (&self->log);

  G_OBJECT_CLASS (rd_developer_log_parent_class)->dispose (object);
}

static void
rd_developer_log_finalize (GObject *object)
{
  RdDeveloperLog *self = RD_DEVELOPER_LOG (object);

  g_clear_object (&self->shown);
  g_clear_pointer (&self->terms, g_strfreev);

  G_OBJECT_CLASS (rd_developer_log_parent_class)->finalize (object);
}

static void
rd_developer_log_class_init (RdDeveloperLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_developer_log_dispose;
  object_class->finalize = rd_developer_log_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-developer-log.ui");
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperLog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperLog, errors_toggle);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperLog, stack);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperLog, list_view);
  gtk_widget_class_bind_template_child (widget_class, RdDeveloperLog, count_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cb);

  gtk_widget_class_install_action (widget_class, "log.copy-curl", "u", copy_curl_action);
  gtk_widget_class_install_action (widget_class, "log.clear", NULL, clear_action);
}

static void
rd_developer_log_init (RdDeveloperLog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->shown = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (shown_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->at_top = TRUE;
  if ((adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view))) != NULL)
    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (scrolled_cb), self,
                             G_CONNECT_SWAPPED);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_view (self);
}

RdRequestLog *
rd_developer_log_get_log (RdDeveloperLog *self)
{
  g_return_val_if_fail (RD_IS_DEVELOPER_LOG (self), NULL);

  return self->log;
}

void
rd_developer_log_set_log (RdDeveloperLog *self,
                          RdRequestLog   *log)
{
  g_return_if_fail (RD_IS_DEVELOPER_LOG (self));
  g_return_if_fail (log == NULL || RD_IS_REQUEST_LOG (log));

  if (!g_set_object (&self->log, log))
    return;

  gtk_filter_list_model_set_model (self->shown, G_LIST_MODEL (log));
  update_view (self);
}

/* The records the filter lets through, as the list shows them. */
GListModel *
rd_developer_log_get_shown (RdDeveloperLog *self)
{
  g_return_val_if_fail (RD_IS_DEVELOPER_LOG (self), NULL);

  return G_LIST_MODEL (self->shown);
}

void
rd_developer_log_set_filter (RdDeveloperLog *self,
                             const char     *text,
                             gboolean        errors_only)
{
  g_return_if_fail (RD_IS_DEVELOPER_LOG (self));

  gtk_toggle_button_set_active (self->errors_toggle, errors_only);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  filter_changed_cb (self);
}
