/* rd-recipe-c.c
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

#include <string.h>

#include "rd-recipe-private.h"

/* The C recipe: a small program over librivya's public API, the same
 * calls the app makes (upload, create, RivyaPoller on a GMainLoop). */

/* A C string literal that gives back @text byte for byte: octal escapes
 * (three digits, so that a following digit cannot join them), "\?" so
 * that no trigraph forms, and one literal per line of the text. */
static void
append_c_string (GString    *out,
                 const char *text,
                 const char *indent)
{
  gboolean raw_utf8 = g_utf8_validate (text, -1, NULL);

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '?':
          g_string_append (out, "\\?");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          if (p[1] != '\0')
            {
              g_string_append (out, "\"\n");
              g_string_append (out, indent);
              g_string_append_c (out, '"');
            }
          break;
        default:
          if (*p < 0x20 || *p == 0x7f || (*p >= 0x80 && !raw_utf8))
            g_string_append_printf (out, "\\%03o", *p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_param (GString    *out,
              const char *name,
              JsonNode   *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;

  if (JSON_NODE_HOLDS_NULL (value))
    return;

  if (type == G_TYPE_STRING)
    g_string_append (out, "  rivya_generation_request_set_param_string (job.request, ");
  else if (type == G_TYPE_INT64)
    g_string_append (out, "  rivya_generation_request_set_param_int (job.request, ");
  else if (type == G_TYPE_DOUBLE)
    g_string_append (out, "  rivya_generation_request_set_param_double (job.request, ");
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, "  rivya_generation_request_set_param_boolean (job.request, ");
  else
    g_string_append (out, "  set_param_json (job.request, ");
  append_c_string (out, name, "      ");
  g_string_append (out, ", ");

  if (type == G_TYPE_STRING)
    append_c_string (out, json_node_get_string (value), "      ");
  else if (type == G_TYPE_INT64)
    g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (value)));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, json_node_get_boolean (value) ? "TRUE" : "FALSE");
  else
    {
      g_autofree char *json = json_to_string (value, FALSE);

      append_c_string (out, json, "      ");
    }
  g_string_append (out, ");\n");
}

static gboolean
has_json_params (JsonObject *params)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init_ordered (&iter, params);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (JSON_NODE_HOLDS_OBJECT (value) || JSON_NODE_HOLDS_ARRAY (value))
      return TRUE;
  return FALSE;
}

static const char callbacks[] =
  "static void\n"
  "fail (Job         *job,\n"
  "      const char  *what,\n"
  "      const GError *error)\n"
  "{\n"
  "  /* The request id is what Rivya's support asks for. */\n"
  "  if (rivya_error_get_request_id (error) != NULL)\n"
  "    g_printerr (\"%s: %s (request %s)\\n\", what, error->message, rivya_error_get_request_id (error));\n"
  "  else\n"
  "    g_printerr (\"%s: %s\\n\", what, error->message);\n"
  "  job->exit_status = 1;\n"
  "  g_main_loop_quit (job->loop);\n"
  "}\n"
  "\n"
  "static void\n"
  "updated_cb (RivyaPoller     *poller,\n"
  "            RivyaGeneration *generation,\n"
  "            Job             *job)\n"
  "{\n"
  "  g_printerr (\"%s: %s\\n\", rivya_generation_get_id (generation),\n"
  "              rivya_generation_get_status_string (generation));\n"
  "}\n"
  "\n"
  "static void\n"
  "finished_cb (RivyaPoller     *poller,\n"
  "             RivyaGeneration *generation,\n"
  "             Job             *job)\n"
  "{\n"
  "  if (rivya_generation_get_status (generation) == RIVYA_GENERATION_STATUS_SUCCEEDED)\n"
  "    {\n"
  "      g_print (\"Succeeded %s\\n\", rivya_generation_get_id (generation));\n"
  "      g_print (\"Result: %s\\n\", rivya_generation_get_primary_url (generation));\n"
  "    }\n"
  "  else\n"
  "    {\n"
  "      g_printerr (\"Failed %s: %s (%s)\\n\", rivya_generation_get_id (generation),\n"
  "                  rivya_generation_get_error_message (generation),\n"
  "                  rivya_generation_get_error_code (generation));\n"
  "      job->exit_status = 1;\n"
  "    }\n"
  "  g_main_loop_quit (job->loop);\n"
  "}\n"
  "\n"
  "static void\n"
  "poll_error_cb (RivyaPoller  *poller,\n"
  "               const char   *task_id,\n"
  "               const GError *error,\n"
  "               Job          *job)\n"
  "{\n"
  "  fail (job, task_id, error);\n"
  "}\n"
  "\n"
  "static void\n"
  "created_cb (GObject      *object,\n"
  "            GAsyncResult *result,\n"
  "            gpointer      user_data)\n"
  "{\n"
  "  Job *job = user_data;\n"
  "  g_autoptr(GError) error = NULL;\n"
  "  g_autoptr(RivyaGeneration) generation = NULL;\n"
  "\n"
  "  generation = rivya_client_create_generation_finish (RIVYA_CLIENT (object), result, &error);\n"
  "  if (generation == NULL)\n"
  "    {\n"
  "      fail (job, \"Could not submit\", error);\n"
  "      return;\n"
  "    }\n"
  "\n"
  "  g_print (\"Submitted %s\\n\", rivya_generation_get_id (generation));\n"
  "  /* One timer for any number of jobs, at the cadence the docs advise. */\n"
  "  rivya_poller_add (job->poller, rivya_generation_get_id (generation), CATEGORY);\n"
  "}\n"
  "\n"
  "static void\n"
  "submit (Job *job)\n"
  "{\n"
  "  g_autofree char *key = g_uuid_string_random ();\n"
  "\n"
  "  /* Resending the same request under the same key never runs it twice. */\n"
  "  rivya_generation_request_set_idempotency_key (job->request, key);\n"
  "  g_printerr (\"Idempotency-Key: %s\\n\", key);\n"
  "  rivya_client_create_generation_async (job->client, job->request, NULL, created_cb, job);\n"
  "}\n"
  "\n";

static const char uploads[] =
  "static void upload_next (Job *job);\n"
  "\n"
  "static void\n"
  "uploaded_cb (GObject      *object,\n"
  "             GAsyncResult *result,\n"
  "             gpointer      user_data)\n"
  "{\n"
  "  Job *job = user_data;\n"
  "  g_autoptr(GError) error = NULL;\n"
  "  g_autoptr(RivyaFile) file = NULL;\n"
  "\n"
  "  file = rivya_client_upload_finish (RIVYA_CLIENT (object), result, &error);\n"
  "  if (file == NULL)\n"
  "    {\n"
  "      fail (job, references[job->next_reference].path, error);\n"
  "      return;\n"
  "    }\n"
  "\n"
  "  /* Its URL (and duration token) go into params.referenceMediaItems. */\n"
  "  rivya_generation_request_add_reference_file (job->request, file);\n"
  "  job->next_reference++;\n"
  "  upload_next (job);\n"
  "}\n"
  "\n"
  "static void\n"
  "upload_next (Job *job)\n"
  "{\n"
  "  g_autoptr(GFile) file = NULL;\n"
  "  g_autoptr(RivyaUpload) upload = NULL;\n"
  "\n"
  "  if (job->next_reference == G_N_ELEMENTS (references))\n"
  "    {\n"
  "      submit (job);\n"
  "      return;\n"
  "    }\n"
  "\n"
  "  file = g_file_new_for_path (references[job->next_reference].path);\n"
  "  upload = rivya_upload_new_for_file (file, references[job->next_reference].kind);\n"
  "  /* With the model, its own kinds, types and sizes are checked. */\n"
  "  rivya_upload_set_model_id (upload, MODEL);\n"
  "  rivya_client_upload_async (job->client, upload, NULL, uploaded_cb, job);\n"
  "}\n"
  "\n";

static const char json_helper[] =
  "static void\n"
  "set_param_json (RivyaGenerationRequest *request,\n"
  "                const char             *key,\n"
  "                const char             *json)\n"
  "{\n"
  "  g_autoptr(JsonNode) value = json_from_string (json, NULL);\n"
  "\n"
  "  rivya_generation_request_set_param (request, key, value);\n"
  "}\n"
  "\n";

char *
_rd_recipe_c_program (const RdRecipeGen *gen)
{
  GString *out = g_string_new ("/* ");
  g_autofree char *model = _rd_recipe_comment_text (gen->model_id);
  const char *category = gen->category && *gen->category ? gen->category : "image";
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (gen->title != NULL)
    g_string_append_printf (out, "Rivya job %s (%s), as a C program over librivya:\n", gen->title, model);
  else
    g_string_append_printf (out, "A Rivya job with %s, as a C program over librivya:\n", model);
  g_string_append (out,
                   " * it uploads the references, submits the generation under a fresh\n"
                   " * Idempotency-Key and follows it with a RivyaPoller until it ends.\n"
                   " *\n"
                   " * Build: cc job.c -o job $(pkg-config --cflags --libs rivya-1.0)\n"
                   " * Run:   ./job\n"
                   " *\n"
                   " * The API key is read from $RIVYA_API_KEY: never write it in this file.\n"
                   " * $RIVYA_BASE_URL, when set, replaces DEFAULT_BASE_URL.\n"
                   " */\n"
                   "\n"
                   "#include <rivya.h>\n"
                   "\n"
                   "#define DEFAULT_BASE_URL ");
  append_c_string (out, gen->base_url, "  ");
  g_string_append (out, "\n#define MODEL ");
  append_c_string (out, gen->model_id, "  ");
  g_string_append (out, "\n#define CATEGORY ");
  append_c_string (out, category, "  ");
  g_string_append (out,
                   "\n"
                   "\n"
                   "typedef struct\n"
                   "{\n"
                   "  GMainLoop              *loop;\n"
                   "  RivyaClient            *client;\n"
                   "  RivyaPoller            *poller;\n"
                   "  RivyaGenerationRequest *request;\n"
                   "  guint                   next_reference;\n"
                   "  int                     exit_status;\n"
                   "} Job;\n"
                   "\n");

  if (gen->refs->len > 0)
    {
      g_string_append (out,
                       "/* The files to upload as references. */\n"
                       "static const struct\n"
                       "{\n"
                       "  const char *path;\n"
                       "  const char *kind;\n"
                       "} references[] = {\n");
      for (guint i = 0; i < gen->refs->len; i++)
        {
          RdRecipeRef *ref = g_ptr_array_index (gen->refs, i);

          g_string_append_printf (out, "  /* %s */\n  { ", ref->note);
          append_c_string (out, ref->path, "    ");
          g_string_append (out, ", ");
          append_c_string (out, ref->kind, "    ");
          g_string_append (out, " },\n");
        }
      g_string_append (out, "};\n\n");
    }

  if (has_json_params (gen->params))
    g_string_append (out, json_helper);
  g_string_append (out, callbacks);
  if (gen->refs->len > 0)
    g_string_append (out, uploads);

  g_string_append (out,
                   "int\n"
                   "main (void)\n"
                   "{\n"
                   "  const char *api_key = g_getenv (\"RIVYA_API_KEY\");\n"
                   "  const char *base_url = g_getenv (\"RIVYA_BASE_URL\");\n"
                   "  Job job = { 0 };\n"
                   "\n"
                   "  if (api_key == NULL || *api_key == '\\0')\n"
                   "    {\n"
                   "      g_printerr (\"Set RIVYA_API_KEY to your Rivya API key (rvya_sk_...)\\n\");\n"
                   "      return 2;\n"
                   "    }\n"
                   "  if (base_url == NULL || *base_url == '\\0')\n"
                   "    base_url = DEFAULT_BASE_URL;\n"
                   "\n"
                   "  job.loop = g_main_loop_new (NULL, FALSE);\n"
                   "  job.client = rivya_client_new (base_url, api_key);\n"
                   "  job.poller = rivya_poller_new (job.client);\n"
                   "  g_signal_connect (job.poller, \"updated\", G_CALLBACK (updated_cb), &job);\n"
                   "  g_signal_connect (job.poller, \"finished\", G_CALLBACK (finished_cb), &job);\n"
                   "  g_signal_connect (job.poller, \"error\", G_CALLBACK (poll_error_cb), &job);\n"
                   "\n"
                   "  /* The job's model, prompt and params. */\n"
                   "  job.request = rivya_generation_request_new (MODEL,\n"
                   "                                              ");
  append_c_string (out, gen->prompt, "                                              ");
  g_string_append (out, ");\n");

  json_object_iter_init_ordered (&iter, gen->params);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    append_param (out, name, value);

  g_string_append (out, gen->refs->len > 0 ? "\n  upload_next (&job);\n" : "\n  submit (&job);\n");
  g_string_append (out,
                   "  g_main_loop_run (job.loop);\n"
                   "\n"
                   "  g_object_unref (job.request);\n"
                   "  g_object_unref (job.poller);\n"
                   "  g_object_unref (job.client);\n"
                   "  g_main_loop_unref (job.loop);\n"
                   "  return job.exit_status;\n"
                   "}\n");
  return g_string_free (out, FALSE);
}
