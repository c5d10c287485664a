/* rd-recipe.c
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

#include <gio/gio.h>
#include <string.h>

#include "rd-recipe-private.h"

/* The recipes are written in English on purpose: they are code, pasted
 * into scripts and programs, not text of the interface. */

static const struct {
  const char *name;
  RdRecipeFormat format;
} format_names[] = {
  { "curl", RD_RECIPE_FORMAT_CURL },
  { "cli", RD_RECIPE_FORMAT_CLI },
  { "c", RD_RECIPE_FORMAT_C },
};

gboolean
rd_recipe_format_from_string (const char     *name,
                              RdRecipeFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_strcmp0 (name, format_names[i].name) == 0)
        {
          if (format != NULL)
            *format = format_names[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
rd_recipe_format_to_string (RdRecipeFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;
  g_return_val_if_reached (NULL);
}

/* Text from the job (a title, a file name) may hold anything; in a
 * comment a newline would end the comment and run the rest as code, and
 * in C a star-slash would close it. */
char *
_rd_recipe_comment_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_c (out, ' ');
      else if (*p == '*' && p[1] == '/')
        g_string_append (out, "* ");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

void
_rd_recipe_ref_free (RdRecipeRef *ref)
{
  g_free (ref->kind);
  g_free (ref->path);
  g_free (ref->note);
  g_free (ref);
}

static void
rd_recipe_gen_free (RdRecipeGen *gen)
{
  g_free (gen->base_url);
  g_free (gen->model_id);
  g_free (gen->category);
  g_free (gen->prompt);
  g_clear_pointer (&gen->params, json_object_unref);
  g_clear_pointer (&gen->refs, g_ptr_array_unref);
  g_free (gen->title);
  g_free (gen);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdRecipeGen, rd_recipe_gen_free)

char *
_rd_recipe_normalise_base_url (const char *base_url)
{
  g_autofree char *url = g_strdup (base_url && *base_url ? base_url : "https://rivya.ai");

  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  return g_steal_pointer (&url);
}

/* An extension for a placeholder path, from the type the upload had. */
static const char *
extension_for (const char *mime_type,
               const char *kind)
{
  static const char * const map[][2] = {
    { "image/png", "png" }, { "image/jpeg", "jpg" }, { "image/webp", "webp" },
    { "video/mp4", "mp4" }, { "video/quicktime", "mov" }, { "video/webm", "webm" },
    { "audio/mpeg", "mp3" }, { "audio/mp4", "m4a" }, { "audio/wav", "wav" },
    { "audio/x-wav", "wav" }, { "audio/aac", "aac" }, { "audio/ogg", "ogg" },
  };

  for (guint i = 0; mime_type != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (mime_type, map[i][0]) == 0)
      return map[i][1];
  if (g_strcmp0 (kind, "video") == 0)
    return "mp4";
  if (g_strcmp0 (kind, "audio") == 0)
    return "mp3";
  return "png";
}

char *
_rd_recipe_guess_kind (const char *path)
{
  g_autofree char *content_type = g_content_type_guess (path, NULL, 0, NULL);
  g_autofree char *mime_type = content_type ? g_content_type_get_mime_type (content_type) : NULL;

  if (mime_type != NULL && g_str_has_prefix (mime_type, "video/"))
    return g_strdup ("video");
  if (mime_type != NULL && g_str_has_prefix (mime_type, "audio/"))
    return g_strdup ("audio");
  return g_strdup ("image");
}

static RdRecipeGen *
gen_new (const char         *base_url,
         const char         *model_id,
         const char         *category,
         const char         *prompt,
         const char         *params_json,
         const char * const *reference_paths,
         const char         *title)
{
  g_autoptr(RdRecipeGen) gen = g_new0 (RdRecipeGen, 1);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *items = NULL;
  guint n_items = 0;
  guint n_paths = reference_paths ? g_strv_length ((char **) reference_paths) : 0;

  gen->base_url = _rd_recipe_normalise_base_url (base_url);
  gen->model_id = g_strdup (model_id ? model_id : "");
  gen->category = g_strdup (category);
  gen->prompt = g_strdup (prompt ? prompt : "");
  gen->title = title ? _rd_recipe_comment_text (title) : NULL;
  gen->params = json_object_new ();
  gen->refs = g_ptr_array_new_with_free_func ((GDestroyNotify) _rd_recipe_ref_free);

  if (params_json != NULL)
    node = json_from_string (params_json, NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &value))
        {
          if (g_strcmp0 (name, "referenceMediaItems") == 0)
            {
              if (JSON_NODE_HOLDS_ARRAY (value))
                items = json_node_get_array (value);
            }
          else
            json_object_set_member (gen->params, name, json_node_copy (value));
        }
    }
  n_items = items ? json_array_get_length (items) : 0;

  for (guint i = 0; i < MAX (n_items, n_paths); i++)
    {
      RdRecipeRef *ref = g_new0 (RdRecipeRef, 1);
      JsonObject *item = NULL;
      const char *path = i < n_paths ? reference_paths[i] : NULL;
      const char *name = NULL;
      const char *mime_type = NULL;
      const char *kind = NULL;

      if (i < n_items && JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, i)))
        item = json_array_get_object_element (items, i);
      if (item != NULL)
        {
          kind = json_object_get_string_member_with_default (item, "kind", NULL);
          name = json_object_get_string_member_with_default (item, "name", NULL);
          mime_type = json_object_get_string_member_with_default (item, "mimeType", NULL);
        }

      if (kind != NULL && *kind != '\0')
        ref->kind = g_strdup (kind);
      else if (path != NULL && *path != '\0')
        ref->kind = _rd_recipe_guess_kind (path);
      else
        ref->kind = g_strdup ("image");

      if (path != NULL && *path != '\0')
        {
          g_autofree char *safe = _rd_recipe_comment_text (ref->kind);

          ref->path = g_strdup (path);
          ref->note = g_strdup_printf ("Reference %u: %s.", i + 1, safe);
        }
      else
        {
          g_autofree char *what = NULL;
          g_autofree char *safe = NULL;

          ref->path = g_strdup_printf ("./reference-%u.%s", i + 1, extension_for (mime_type, ref->kind));
          if (name != NULL && mime_type != NULL)
            what = g_strdup_printf ("%s, was \"%s\" (%s)", ref->kind, name, mime_type);
          else if (name != NULL || mime_type != NULL)
            what = g_strdup_printf ("%s, was \"%s\"", ref->kind, name ? name : mime_type);
          else
            what = g_strdup (ref->kind);
          safe = _rd_recipe_comment_text (what);
          ref->note = g_strdup_printf ("Reference %u: %s. Its upload has expired: put the file here.",
                                       i + 1, safe);
        }
      g_ptr_array_add (gen->refs, ref);
    }

  return g_steal_pointer (&gen);
}

char *
rd_recipe_for_generation (RdRecipeFormat      format,
                          const char         *base_url,
                          const char         *model_id,
                          const char         *category,
                          const char         *prompt,
                          const char         *params_json,
                          const char * const *reference_paths,
                          const char         *title)
{
  g_autoptr(RdRecipeGen) gen = NULL;

  g_return_val_if_fail (model_id != NULL, NULL);
  g_return_val_if_fail (prompt != NULL, NULL);

  gen = gen_new (base_url, model_id, category, prompt, params_json, reference_paths, title);
  switch (format)
    {
    case RD_RECIPE_FORMAT_CURL:
      return _rd_recipe_curl_generation (gen);
    case RD_RECIPE_FORMAT_CLI:
      return _rd_recipe_cli_generation (gen);
    case RD_RECIPE_FORMAT_C:
      return _rd_recipe_c_program (gen);
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
rd_recipe_for_job (RdJob              *job,
                   RdRecipeFormat      format,
                   const char * const *reference_paths)
{
  g_return_val_if_fail (RD_IS_JOB (job), NULL);

  return rd_recipe_for_generation (format,
                                   rd_job_get_base_url (job),
                                   rd_job_get_model_id (job),
                                   rd_job_get_category (job),
                                   rd_job_get_prompt (job),
                                   rd_job_get_params (job),
                                   reference_paths,
                                   rd_job_get_task_id (job));
}

