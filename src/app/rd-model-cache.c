/* rd-model-cache.c
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

#define G_LOG_DOMAIN "rd-model-cache"

#include "config.h"

#include "rd-model-cache.h"

#include <errno.h>

/* The catalog as it was last read, so that the Create page shows the
 * models at once, before the server answers. It is written in the API's
 * own list format, so that it is parsed by librivya like an answer. */

char *
rd_model_cache_get_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "rivya-desktop", "models.json", NULL);
}

GListStore *
rd_model_cache_parse (const char  *json,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GListStore) store = g_list_store_new (RIVYA_TYPE_MODEL);
  JsonNode *root;
  JsonArray *data;

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "data") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "data")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The model list has no “data” array");
      return NULL;
    }

  data = json_object_get_array_member (json_node_get_object (root), "data");
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonNode *node = json_array_get_element (data, i);
      g_autoptr(RivyaModel) model = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      /* One model the cache cannot read is no reason to lose the others. */
      if ((model = rivya_model_new_from_json (json_node_get_object (node), NULL)))
        g_list_store_append (store, model);
    }

  return g_steal_pointer (&store);
}

GListStore *
rd_model_cache_load (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return rd_model_cache_parse (contents, length, error);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_param (JsonBuilder     *builder,
           RivyaModelParam *param)
{
  JsonNode *default_value = rivya_model_param_get_default_value (param);

  json_builder_begin_object (builder);
  add_string (builder, "key", rivya_model_param_get_key (param));
  add_string (builder, "label", rivya_model_param_get_label (param));
  add_string (builder, "type", rivya_model_param_get_type_name (param));
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, rivya_model_param_get_required (param));
  if (default_value != NULL)
    {
      json_builder_set_member_name (builder, "default");
      json_builder_add_value (builder, json_node_copy (default_value));
    }
  if (rivya_model_param_get_options (param) != NULL)
    add_strv (builder, "options", rivya_model_param_get_options (param));
  if (rivya_model_param_get_has_min (param))
    {
      json_builder_set_member_name (builder, "min");
      json_builder_add_double_value (builder, rivya_model_param_get_min (param));
    }
  if (rivya_model_param_get_has_max (param))
    {
      json_builder_set_member_name (builder, "max");
      json_builder_add_double_value (builder, rivya_model_param_get_max (param));
    }
  if (rivya_model_param_get_has_step (param))
    {
      json_builder_set_member_name (builder, "step");
      json_builder_add_double_value (builder, rivya_model_param_get_step (param));
    }
  add_string (builder, "description", rivya_model_param_get_description (param));
  json_builder_end_object (builder);
}

/* What the Create page uses of a model; reference media and chat
 * capabilities come with the next answer from the server. */
static void
add_model (JsonBuilder *builder,
           RivyaModel  *model)
{
  GListModel *params = rivya_model_get_params (model);
  GListModel *notices = rivya_model_get_notices (model);

  json_builder_begin_object (builder);
  add_string (builder, "id", rivya_model_get_id (model));
  add_string (builder, "display_name", rivya_model_get_display_name (model));
  add_string (builder, "category", rivya_model_get_category (model));
  add_string (builder, "runtime", rivya_model_get_runtime (model));
  json_builder_set_member_name (builder, "base_credits");
  json_builder_add_int_value (builder, rivya_model_get_base_credits (model));
  add_string (builder, "billing_type", rivya_model_get_billing_type (model));
  add_strv (builder, "supported_modes", rivya_model_get_supported_modes (model));
  json_builder_set_member_name (builder, "max_prompt_length");
  json_builder_add_int_value (builder, rivya_model_get_max_prompt_length (model));
  add_string (builder, "api_status", rivya_model_get_api_status (model));
  add_string (builder, "api_input_status", rivya_model_get_api_input_status (model));
  add_strv (builder, "supported_api_inputs", rivya_model_get_supported_api_inputs (model));

  json_builder_set_member_name (builder, "params");
  json_builder_begin_array (builder);
  for (guint i = 0; params != NULL && i < g_list_model_get_n_items (params); i++)
    {
      g_autoptr(RivyaModelParam) param = g_list_model_get_item (params, i);
      add_param (builder, param);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notices");
  json_builder_begin_array (builder);
  for (guint i = 0; notices != NULL && i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(RivyaModelNotice) notice = g_list_model_get_item (notices, i);

      json_builder_begin_object (builder);
      add_string (builder, "level", rivya_model_notice_get_level (notice));
      add_string (builder, "text", rivya_model_notice_get_text (notice));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Written at once and atomically: a crash mid-write leaves the old file. */
gboolean
rd_model_cache_save (const char  *path,
                     GListModel  *models,
                     GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "object", "list");
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);
      add_model (builder, model);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  contents = json_generator_to_data (generator, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, contents, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
