/* rd-webhook-rows.c
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

#define G_LOG_DOMAIN "rd-webhook-rows"

#include "config.h"

#include "rd-webhook-rows.h"

#include <glib/gi18n.h>
/* PRId64 in translatable strings: xgettext knows it, not G_GINT64_FORMAT. */
#include <inttypes.h>

/* The rows of the webhook lists: one per endpoint, one per delivery. */

/* An API time stamp in local time, for people. */
char *
rd_webhook_format_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL || !(utc = g_date_time_new_from_iso8601 (iso8601, NULL)))
    return g_strdup (iso8601);

  local = g_date_time_to_local (utc);
  /* The locale's own date and time, "26.11.2026 10:00:00" in German. */
  return g_date_time_format (local, "%x %X");
}

const char *
rd_webhook_status_label (const char *status)
{
  if (g_strcmp0 (status, "active") == 0)
    return _("Active");
  if (g_strcmp0 (status, "disabled") == 0)
    return _("Disabled");
  if (g_strcmp0 (status, "revoked") == 0)
    return _("Deleted");
  return status;
}

GtkWidget *
rd_webhook_endpoint_row_new (gpointer item,
                             gpointer user_data)
{
  RivyaWebhookEndpoint *endpoint = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (rivya_webhook_endpoint_get_name (endpoint), -1);
  g_autofree char *subtitle = g_markup_escape_text (rivya_webhook_endpoint_get_url (endpoint), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_name (row, rivya_webhook_endpoint_get_id (endpoint));

  if (g_strcmp0 (rivya_webhook_endpoint_get_status (endpoint), "active") != 0)
    {
      GtkWidget *label = gtk_label_new (rd_webhook_status_label (rivya_webhook_endpoint_get_status (endpoint)));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

GtkWidget *
rd_webhook_delivery_row_new (gpointer item,
                             gpointer user_data)
{
  RivyaWebhookDelivery *delivery = item;
  const char *status = rivya_webhook_delivery_get_status (delivery);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *when = rd_webhook_format_time (rivya_webhook_delivery_get_created_at (delivery));
  g_autofree char *answer = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;

  if (rivya_webhook_delivery_get_response_status (delivery) > 0)
    /* Translators: an HTTP status and how long the receiver took, "200 in 12 ms" */
    answer = g_strdup_printf (_("%" PRId64 " in %" PRId64 " ms"),
                              rivya_webhook_delivery_get_response_status (delivery),
                              rivya_webhook_delivery_get_duration_ms (delivery));
  else if (rivya_webhook_delivery_get_error (delivery) != NULL)
    answer = g_strdup_printf (_("%s after %" PRId64 " ms"),
                              rivya_webhook_delivery_get_error (delivery),
                              rivya_webhook_delivery_get_duration_ms (delivery));
  else
    answer = g_strdup (_("Waiting"));

  /* Translators: "200 in 12 ms · attempt 1 · 2026-05-11 10:00:00" */
  subtitle = g_strdup_printf (_("%s · attempt %" PRId64 " · %s"), answer,
                              rivya_webhook_delivery_get_attempt (delivery), when);
  escaped = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 rivya_webhook_delivery_get_event_type (delivery));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  if (g_strcmp0 (status, "succeeded") == 0)
    {
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      gtk_widget_add_css_class (icon, "success");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Delivered"), -1);
    }
  else if (g_strcmp0 (status, "failed") == 0)
    {
      icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Failed"), -1);
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("content-loading-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Pending"), -1);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}
