/* rd-model-row.c
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

#define G_LOG_DOMAIN "rd-model-row"

#include "config.h"

#include "rd-model-row.h"

#include <glib/gi18n.h>
/* PRId64 in translatable strings: xgettext knows it, not G_GINT64_FORMAT. */
#include <inttypes.h>
#include <rivya.h>

/* The rows of the Create page's model list: rd-model-row.ui, with these
 * functions to put a model's price and statuses in words. */

static char *
rd_model_row_credits (GtkListItem *item,
                      RivyaModel  *model)
{
  gint64 credits;

  if (model == NULL)
    return NULL;

  credits = rivya_model_get_base_credits (model);
  if (rivya_model_is_chat (model))
    return g_strdup (_("per token"));
  /* translators: a model's price in the model list, e.g. "10 credits" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " credit",
                                       "%" PRId64 " credits", credits % 1000000),
                          credits);
}

static char *
rd_model_row_category (GtkListItem *item,
                       RivyaModel  *model)
{
  const char *category = model ? rivya_model_get_category (model) : NULL;

  if (g_strcmp0 (category, "image") == 0)
    return g_strdup (_("Image"));
  if (g_strcmp0 (category, "video") == 0)
    return g_strdup (_("Video"));
  if (g_strcmp0 (category, "audio") == 0)
    return g_strdup (_("Audio"));
  if (g_strcmp0 (category, "chat") == 0)
    return g_strdup (_("Chat"));
  return g_strdup (category);
}

static char *
rd_model_row_status (GtkListItem *item,
                     RivyaModel  *model)
{
  const char *status = model ? rivya_model_get_api_status (model) : NULL;

  if (g_strcmp0 (status, "available") == 0)
    return g_strdup (_("Available"));
  if (g_strcmp0 (status, "coming_soon") == 0)
    return g_strdup (_("Coming soon"));
  if (g_strcmp0 (status, "studio_only") == 0)
    return g_strdup (_("Studio only"));
  return g_strdup (status ? status : _("Unknown status"));
}

static char **
rd_model_row_status_classes (GtkListItem *item,
                             RivyaModel  *model)
{
  const char *classes[] = { "model-badge", NULL, NULL };

  if (model != NULL)
    classes[1] = rivya_model_is_available (model) ? "available" : "unavailable";
  return g_strdupv ((char **)classes);
}

static char *
rd_model_row_input_status (GtkListItem *item,
                           RivyaModel  *model)
{
  const char *status = model ? rivya_model_get_api_input_status (model) : NULL;

  if (g_strcmp0 (status, "available_text") == 0)
    return g_strdup (_("Text prompt"));
  if (g_strcmp0 (status, "available_url_input") == 0)
    return g_strdup (_("URL input"));
  if (g_strcmp0 (status, "partial_requires_files") == 0)
    return g_strdup (_("Some modes need files"));
  if (g_strcmp0 (status, "requires_files_api") == 0)
    return g_strdup (_("Needs uploaded files"));
  return g_strdup (status);
}

static gboolean
rd_model_row_has_input_status (GtkListItem *item,
                               RivyaModel  *model)
{
  return model != NULL && rivya_model_get_api_input_status (model) != NULL;
}

/* Returns: (transfer full): a factory for rows of RivyaModel items */
GtkListItemFactory *
rd_model_row_factory_new (void)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "rd_model_row_credits", G_CALLBACK (rd_model_row_credits),
                                           "rd_model_row_category", G_CALLBACK (rd_model_row_category),
                                           "rd_model_row_status", G_CALLBACK (rd_model_row_status),
                                           "rd_model_row_status_classes", G_CALLBACK (rd_model_row_status_classes),
                                           "rd_model_row_input_status", G_CALLBACK (rd_model_row_input_status),
                                           "rd_model_row_has_input_status", G_CALLBACK (rd_model_row_has_input_status),
                                           NULL);
  return gtk_builder_list_item_factory_new_from_resource (scope,
                                                          "/io/github/rivyadesktop/RivyaDesktop/ui/rd-model-row.ui");
}
