/* rivya-cli-models.c
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

#include "rivya-cli-commands.h"

#include "rivya-cli-json.h"
#include "rivya-cli-output.h"

static GListModel *
list_models (RivyaCli  *cli,
             GError   **error)
{
  rivya_client_list_models_async (cli->client, cli->cancellable, rivya_cli_async_cb, cli);
  return rivya_client_list_models_finish (cli->client, rivya_cli_wait (cli), error);
}

static RivyaModel *
find_model (GListModel *models,
            const char *model_id)
{
  guint n_items = g_list_model_get_n_items (models);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (g_strcmp0 (rivya_model_get_id (model), model_id) == 0)
        return g_steal_pointer (&model);
    }

  return NULL;
}

/* The catalog is public: no key is needed to read it. */
RivyaModel *
rivya_cli_fetch_model (RivyaCli    *cli,
                       const char  *model_id,
                       GError     **error)
{
  g_autoptr(GListModel) models = NULL;
  RivyaModel *model;

  if (!(models = list_models (cli, error)))
    return NULL;

  if (!(model = find_model (models, model_id)))
    rivya_cli_set_usage_error (error, "unknown model '%s'; 'rivya models' lists them", model_id);

  return model;
}

static char *
describe_values (RivyaModelParam *param)
{
  const char * const *options = rivya_model_param_get_options (param);

  if (options != NULL && options[0] != NULL)
    return g_strjoinv (" | ", (char **)options);

  if (rivya_model_param_get_value_type (param) == RIVYA_MODEL_PARAM_TYPE_BOOLEAN)
    return g_strdup ("true | false");

  if (rivya_model_param_get_has_min (param) || rivya_model_param_get_has_max (param))
    {
      GString *out = g_string_new (NULL);

      if (rivya_model_param_get_has_min (param))
        g_string_append_printf (out, "%g", rivya_model_param_get_min (param));
      g_string_append (out, " to ");
      if (rivya_model_param_get_has_max (param))
        g_string_append_printf (out, "%g", rivya_model_param_get_max (param));
      if (rivya_model_param_get_has_step (param))
        g_string_append_printf (out, ", step %g", rivya_model_param_get_step (param));
      return g_string_free (out, FALSE);
    }

  return NULL;
}

static void
print_reference_media (RivyaReferenceMedia *reference)
{
  const char * const *kinds = rivya_reference_media_get_kinds (reference);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "up to %" G_GINT64_FORMAT " file(s)",
                          rivya_reference_media_get_max_files (reference));
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      const char * const *types = rivya_reference_media_get_mime_types (reference, kinds[i]);
      gint64 max_bytes = rivya_reference_media_get_max_bytes (reference, kinds[i]);
      g_autofree char *size = NULL;
      g_autofree char *joined = NULL;

      size = max_bytes >= 0 ? g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS)
                            : g_strdup ("no limit");
      joined = types ? g_strjoinv (", ", (char **)types) : g_strdup ("default types");

      g_string_append_printf (text, "; %s up to %s (%s)", kinds[i], size, joined);
    }
  rivya_cli_print_field ("References", "%s", text->str);
}

static void
print_model (RivyaModel *model)
{
  GListModel *params = rivya_model_get_params (model);
  GListModel *notices = rivya_model_get_notices (model);
  guint n_params = params ? g_list_model_get_n_items (params) : 0;
  guint n_notices = notices ? g_list_model_get_n_items (notices) : 0;
  g_autofree char *modes = g_strjoinv (", ", (char **)rivya_model_get_supported_modes (model));

  rivya_cli_print_field ("Model", "%s (%s)", rivya_model_get_id (model),
                         rivya_model_get_display_name (model));
  rivya_cli_print_field ("Category", "%s", rivya_model_get_category (model));
  rivya_cli_print_field ("Credits", "%" G_GINT64_FORMAT " (%s)",
                         rivya_model_get_base_credits (model),
                         rivya_model_get_billing_type (model));
  rivya_cli_print_field ("Status", "%s (%s)", rivya_model_get_api_status (model),
                         rivya_model_get_api_input_status (model));
  if (*modes != '\0')
    rivya_cli_print_field ("Modes", "%s", modes);
  if (rivya_model_get_max_prompt_length (model) > 0)
    rivya_cli_print_field ("Max prompt", "%" G_GINT64_FORMAT " characters",
                           rivya_model_get_max_prompt_length (model));
  if (rivya_model_get_reference_media (model) != NULL)
    print_reference_media (rivya_model_get_reference_media (model));
  for (guint i = 0; i < n_notices; i++)
    {
      g_autoptr(RivyaModelNotice) notice = g_list_model_get_item (notices, i);

      rivya_cli_print_field ("Notice", "%s", rivya_model_notice_get_text (notice));
    }

  if (n_params > 0)
    {
      g_autoptr(RivyaCliTable) table = rivya_cli_table_new (4, "PARAM", "TYPE", "DEFAULT",
                                                            "VALUES");

      g_print ("\n");
      for (guint i = 0; i < n_params; i++)
        {
          g_autoptr(RivyaModelParam) param = g_list_model_get_item (params, i);
          g_autofree char *default_value = rivya_model_param_dup_default_string (param);
          g_autofree char *values = describe_values (param);

          rivya_cli_table_add_row (table,
                                   rivya_model_param_get_key (param),
                                   rivya_model_param_get_type_name (param),
                                   default_value,
                                   values);
        }
      rivya_cli_table_print (table);
    }
}

int
rivya_cli_models (RivyaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autofree char *category = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "category", 'c', 0, G_OPTION_ARG_STRING, &category,
      "Only the models of this category: image, video, audio or chat", "C" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the catalog's JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GListModel) models = NULL;
  g_autoptr(GListStore) shown = NULL;
  g_autoptr(RivyaCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  context = rivya_cli_options_new (cli, "[MODEL]",
                                   "List the models of the catalog, or show one with its "
                                   "parameters.",
                                   entries);
  if (!rivya_cli_parse (cli, context, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);
  if (argc > 2)
    {
      rivya_cli_set_usage_error (&error, "too many arguments");
      return rivya_cli_fail (cli, error);
    }

  if (!rivya_cli_connect (cli, FALSE, &error) || !(models = list_models (cli, &error)))
    return rivya_cli_fail (cli, error);

  if (argc == 2)
    {
      g_autoptr(RivyaModel) model = find_model (models, argv[1]);
      g_autoptr(JsonNode) node = NULL;

      if (model == NULL)
        {
          rivya_cli_set_usage_error (&error, "unknown model '%s'; 'rivya models' lists them",
                                     argv[1]);
          return rivya_cli_fail (cli, error);
        }
      if (json)
        {
          node = rivya_cli_json_from_model (model);
          rivya_cli_print_json (node);
        }
      else
        print_model (model);
      return RIVYA_CLI_EXIT_OK;
    }

  shown = g_list_store_new (RIVYA_TYPE_MODEL);
  n_items = g_list_model_get_n_items (models);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (category == NULL || g_strcmp0 (rivya_model_get_category (model), category) == 0)
        g_list_store_append (shown, model);
    }

  if (json)
    {
      g_autoptr(JsonNode) node = NULL;

      node = rivya_cli_json_list (G_LIST_MODEL (shown),
                                  (RivyaCliJsonFunc)rivya_cli_json_from_model, NULL);

      rivya_cli_print_json (node);
      return RIVYA_CLI_EXIT_OK;
    }

  table = rivya_cli_table_new (6, "ID", "CATEGORY", "CREDITS", "BILLING", "STATUS", "NAME");
  rivya_cli_table_align_right (table, 2);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (shown));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (G_LIST_MODEL (shown), i);
      g_autofree char *credits = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  rivya_model_get_base_credits (model));

      rivya_cli_table_add_row (table,
                               rivya_model_get_id (model),
                               rivya_model_get_category (model),
                               credits,
                               rivya_model_get_billing_type (model),
                               rivya_model_get_api_status (model),
                               rivya_model_get_display_name (model));
    }
  rivya_cli_table_print (table);

  return RIVYA_CLI_EXIT_OK;
}
