/* rd-recipe-shell.c
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

#include "rd-recipe-private.h"

/* The shell recipes: bash + curl + jq, and the rivya command line. */

static char *
json_text (JsonNode *node,
           gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static JsonNode *
generation_body (const RdRecipeGen *gen)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, gen->model_id);
  json_builder_set_member_name (builder, "prompt");
  json_builder_add_string_value (builder, gen->prompt);
  if (json_object_get_size (gen->params) > 0)
    {
      json_builder_set_member_name (builder, "params");
      json_builder_add_value (builder, json_node_init_object (json_node_alloc (), gen->params));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
append_quoted (GString    *out,
               const char *prefix,
               const char *value,
               const char *suffix)
{
  g_autofree char *quoted = g_shell_quote (value);

  g_string_append (out, prefix);
  g_string_append (out, quoted);
  g_string_append (out, suffix);
}

/* The start of every bash recipe: the key from the environment, the base
 * URL, and api() that passes the key to curl through a file descriptor
 * rather than the command line, where other users could read it. */
static void
append_curl_preamble (GString    *out,
                      const char *base_url,
                      gboolean    uploads,
                      const char *upload_model)
{
  g_string_append (out,
                   "# Needs bash, curl 7.76 or later and jq. The API key is read from\n"
                   "# $RIVYA_API_KEY: never write it in this file.\n"
                   "set -euo pipefail\n"
                   "\n"
                   ": \"${RIVYA_API_KEY:?Set RIVYA_API_KEY to your Rivya API key (rvya_sk_...)}\"\n");
  append_quoted (out, "base_url=${RIVYA_BASE_URL:-", base_url, "}\n");
  g_string_append (out,
                   "base_url=${base_url%/}\n"
                   "\n"
                   "# curl with the key; on an error, prints the API's answer (its code and\n"
                   "# requestId) on standard error and fails.\n"
                   "api () {\n"
                   "  local answer\n"
                   "  if ! answer=$(curl --silent --show-error --fail-with-body \\\n"
                   "                 --header @<(printf 'Authorization: Bearer %s\\n' \"$RIVYA_API_KEY\") \\\n"
                   "                 \"$@\"); then\n"
                   "    printf 'rivya: %s\\n' \"${answer:-no answer}\" >&2\n"
                   "    return 1\n"
                   "  fi\n"
                   "  printf '%s\\n' \"$answer\"\n"
                   "}\n");
  if (uploads)
    {
      g_string_append (out,
                       "\n"
                       "# Uploads FILE as KIND through the Files API; prints the file object.\n"
                       "upload () {\n"
                       "  local path\n"
                       "  path=$(printf '%s' \"$1\" | sed 's/[\\\\\"]/\\\\&/g')\n"
                       "  api --form \"file=@\\\"$path\\\"\" --form-string \"kind=$2\" \\\n");
      if (upload_model != NULL)
        {
          g_autofree char *field = g_strconcat ("model=", upload_model, NULL);

          append_quoted (out, "      --form-string ", field, " \\\n");
        }
      g_string_append (out,
                       "      \"$base_url/api/v1/files\"\n"
                       "}\n");
    }
  g_string_append (out, "\n");
}

static void
append_uploads (GString   *out,
                GPtrArray *refs)
{
  for (guint i = 0; i < refs->len; i++)
    {
      RdRecipeRef *ref = g_ptr_array_index (refs, i);
      g_autofree char *line = g_strdup_printf ("file_%u=$(upload ", i + 1);

      g_string_append_printf (out, "# %s\n", ref->note);
      append_quoted (out, line, ref->path, " ");
      append_quoted (out, "", ref->kind, ")\n");
    }
}

static void
append_file_list (GString   *out,
                  GPtrArray *refs)
{
  g_string_append (out, "printf '%s\\n'");
  for (guint i = 0; i < refs->len; i++)
    g_string_append_printf (out, " \"$file_%u\"", i + 1);
}

static const char idempotency_chunk[] =
  "# A fresh Idempotency-Key on each run: curl may resend after a network\n"
  "# error (--retry) and the service still creates only one. To resend by\n"
  "# hand, run again with RIVYA_IDEMPOTENCY_KEY set to the key printed here.\n"
  "idempotency_key=${RIVYA_IDEMPOTENCY_KEY:-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \\n')}\n"
  "printf 'Idempotency-Key: %s\\n' \"$idempotency_key\" >&2\n";

char *
_rd_recipe_curl_generation (const RdRecipeGen *gen)
{
  GString *out = g_string_new ("#!/usr/bin/env bash\n");
  g_autoptr(JsonNode) body = generation_body (gen);
  g_autofree char *body_text = json_text (body, TRUE);
  g_autofree char *model = _rd_recipe_comment_text (gen->model_id);
  gboolean slow = g_strcmp0 (gen->category, "video") == 0 || g_strcmp0 (gen->category, "audio") == 0;

  if (gen->title != NULL)
    g_string_append_printf (out, "# Rivya job %s (%s), as curl:\n", gen->title, model);
  else
    g_string_append_printf (out, "# A Rivya job with %s, as curl:\n", model);
  g_string_append (out, gen->refs->len > 0
                        ? "# upload the references, create the generation, poll it until it ends.\n"
                        : "# create the generation, then poll it until it ends.\n");
  append_curl_preamble (out, gen->base_url, gen->refs->len > 0, gen->model_id);

  g_string_append (out, "# The job's model, prompt and params.\n");
  append_quoted (out, "body=", body_text, "\n\n");

  if (gen->refs->len > 0)
    {
      append_uploads (out, gen->refs);
      g_string_append (out,
                       "# Their URLs (and, for audio and video, duration tokens) go into\n"
                       "# params.referenceMediaItems.\n"
                       "references=$(");
      append_file_list (out, gen->refs);
      g_string_append (out,
                       " | jq --compact-output --slurp \\\n"
                       "  'map({url, kind, name, mimeType: .mime_type,\n"
                       "        durationSeconds: (if .duration_token then .duration_seconds else null end),\n"
                       "        durationToken: .duration_token} | with_entries(select(.value != null)))')\n"
                       "body=$(jq --compact-output --argjson references \"$references\" \\\n"
                       "  '.params.referenceMediaItems = $references' <<<\"$body\")\n"
                       "\n");
    }

  g_string_append (out, idempotency_chunk);
  g_string_append (out,
                   "generation=$(api --retry 3 --request POST \\\n"
                   "  --header 'Content-Type: application/json' \\\n"
                   "  --header \"Idempotency-Key: $idempotency_key\" \\\n"
                   "  --data-binary \"$body\" \"$base_url/api/v1/generations\")\n"
                   "task_id=$(jq --raw-output .id <<<\"$generation\")\n"
                   "printf 'Submitted %s\\n' \"$task_id\" >&2\n"
                   "\n");
  g_string_append_printf (out,
                          "# Poll as the docs advise: first after 2.5 s, then every 5 s, slowing\n"
                          "# down to %d s; stop at succeeded or failed.\n"
                          "sleep 2.5\n"
                          "delay=5\n"
                          "while :; do\n"
                          "  generation=$(api --retry 3 \"$base_url/api/v1/generations/$task_id\")\n"
                          "  status=$(jq --raw-output .status <<<\"$generation\")\n"
                          "  printf '%%s: %%s\\n' \"$task_id\" \"$status\" >&2\n"
                          "  case $status in\n"
                          "    succeeded|failed) break ;;\n"
                          "  esac\n"
                          "  sleep \"$delay\"\n"
                          "  delay=$(( delay * 3 / 2 > %d ? %d : delay * 3 / 2 ))\n"
                          "done\n"
                          "\n",
                          slow ? 30 : 10, slow ? 30 : 10, slow ? 30 : 10);
  g_string_append (out,
                   "printf '%s\\n' \"$generation\"\n"
                   "if [ \"$status\" = failed ]; then\n"
                   "  jq --raw-output '\"Failed: \\(.error.message) (\\(.error.code))\"' <<<\"$generation\" >&2\n"
                   "  exit 1\n"
                   "fi\n"
                   "jq --raw-output '\"Result: \\(.result.primary_url)\"' <<<\"$generation\" >&2\n");
  return g_string_free (out, FALSE);
}

/* One --param=KEY=VALUE as `rivya generate` types it back by the model's
 * schema; NULL for what it cannot say (lists, objects). */
static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* rivya reads its arguments in the locale's encoding: in the C locale a
 * prompt that is not plain ASCII would be refused. */
static void
append_cli_locale (GString  *out,
                   gboolean  needed)
{
  if (!needed)
    return;
  g_string_append (out,
                   "# The text below is UTF-8, and rivya reads its arguments in the\n"
                   "# locale's encoding.\n"
                   "case ${LC_ALL:-${LC_CTYPE:-${LANG:-}}} in\n"
                   "  *[Uu][Tt][Ff]-8*|*[Uu][Tt][Ff]8*) ;;\n"
                   "  *) LC_ALL=C.UTF-8; export LC_ALL ;;\n"
                   "esac\n"
                   "\n");
}

static char *
cli_param_value (JsonNode *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!JSON_NODE_HOLDS_VALUE (value))
    return NULL;

  switch (json_node_get_value_type (value))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (value));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (value)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? "true" : "false");
    default:
      return NULL;
    }
}

static void
append_cli_start (GString    *out,
                  const char *base_url)
{
  g_string_append (out,
                   "# The API key is read from $RIVYA_API_KEY (or the keyring Rivya Desktop\n"
                   "# uses): never write it in this file.\n"
                   "set -e\n"
                   "\n");
  append_quoted (out, "RIVYA_BASE_URL=${RIVYA_BASE_URL:-", base_url, "}\n");
  g_string_append (out, "export RIVYA_BASE_URL\n\n");
}

char *
_rd_recipe_cli_generation (const RdRecipeGen *gen)
{
  GString *out = g_string_new ("#!/bin/sh\n");
  g_autofree char *model = _rd_recipe_comment_text (gen->model_id);
  g_autoptr(GString) skipped = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  if (gen->title != NULL)
    g_string_append_printf (out, "# Rivya job %s (%s), as the rivya command line:\n", gen->title, model);
  else
    g_string_append_printf (out, "# A Rivya job with %s, as the rivya command line:\n", model);
  g_string_append (out,
                   "# it uploads the references, submits under a fresh Idempotency-Key,\n"
                   "# waits for the result and downloads it into the current folder.\n");
  append_cli_start (out, gen->base_url);

  for (guint i = 0; i < gen->refs->len; i++)
    g_string_append_printf (out, "# %s\n", ((RdRecipeRef *) g_ptr_array_index (gen->refs, i))->note);

  json_object_iter_init_ordered (&iter, gen->params);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    if (!JSON_NODE_HOLDS_NULL (value) && !JSON_NODE_HOLDS_VALUE (value))
      {
        g_autofree char *safe = _rd_recipe_comment_text (name);

        g_string_append_printf (skipped, "# params.%s is not a single value, which --param cannot pass:\n"
                                         "# use the curl recipe for it.\n", safe);
      }
  g_string_append (out, skipped->str);

  {
    gboolean ascii = is_ascii (gen->prompt) && is_ascii (gen->model_id);

    json_object_iter_init_ordered (&iter, gen->params);
    while (json_object_iter_next_ordered (&iter, &name, &value))
      {
        g_autofree char *text = cli_param_value (value);

        ascii = ascii && is_ascii (name) && is_ascii (text);
      }
    for (guint i = 0; i < gen->refs->len; i++)
      ascii = ascii && is_ascii (((RdRecipeRef *) g_ptr_array_index (gen->refs, i))->path);
    append_cli_locale (out, !ascii);
  }

  g_string_append (out, "rivya generate \\\n");
  append_quoted (out, "  --model=", gen->model_id, " \\\n");
  append_quoted (out, "  --prompt=", gen->prompt, " \\\n");
  json_object_iter_init_ordered (&iter, gen->params);
  while (json_object_iter_next_ordered (&iter, &name, &value))
    {
      g_autofree char *text = cli_param_value (value);
      g_autofree char *assignment = NULL;

      if (text == NULL)
        continue;
      assignment = g_strconcat (name, "=", text, NULL);
      append_quoted (out, "  --param=", assignment, " \\\n");
    }
  for (guint i = 0; i < gen->refs->len; i++)
    append_quoted (out, "  --ref=", ((RdRecipeRef *) g_ptr_array_index (gen->refs, i))->path, " \\\n");
  g_string_append (out, "  --wait\n");
  return g_string_free (out, FALSE);
}

static JsonNode *
chat_body (const char *model_id,
           const char *session_id,
           const char *message,
           gboolean    enable_web_search,
           const char *reasoning_effort)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, model_id);
  if (session_id != NULL)
    {
      json_builder_set_member_name (builder, "session_id");
      json_builder_add_string_value (builder, session_id);
    }
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  if (enable_web_search)
    {
      json_builder_set_member_name (builder, "enable_web_search");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (reasoning_effort != NULL)
    {
      json_builder_set_member_name (builder, "reasoning_effort");
      json_builder_add_string_value (builder, reasoning_effort);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static GPtrArray *
attachment_refs (const char * const *paths)
{
  GPtrArray *refs = g_ptr_array_new_with_free_func ((GDestroyNotify) _rd_recipe_ref_free);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      RdRecipeRef *ref = g_new0 (RdRecipeRef, 1);

      ref->kind = _rd_recipe_guess_kind (paths[i]);
      ref->path = g_strdup (paths[i]);
      ref->note = g_strdup_printf ("Attachment %u.", i + 1);
      g_ptr_array_add (refs, ref);
    }
  return refs;
}

char *
rd_recipe_for_chat_turn (RdRecipeFormat      format,
                         const char         *base_url,
                         const char         *model_id,
                         const char         *session_id,
                         const char         *message,
                         const char * const *attachment_paths,
                         gboolean            enable_web_search,
                         const char         *reasoning_effort)
{
  g_autofree char *url = _rd_recipe_normalise_base_url (base_url);
  g_autofree char *model = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  GString *out;

  g_return_val_if_fail (model_id != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  model = _rd_recipe_comment_text (model_id);
  refs = attachment_refs (attachment_paths);

  if (format == RD_RECIPE_FORMAT_CURL)
    {
      g_autoptr(JsonNode) body = chat_body (model_id, session_id, message, enable_web_search,
                                            reasoning_effort);
      g_autofree char *body_text = json_text (body, TRUE);

      out = g_string_new ("#!/usr/bin/env bash\n");
      g_string_append_printf (out, "# One chat turn with %s, as curl: the answer on standard output,\n"
                                   "# the session id (to continue it) on standard error.\n", model);
      append_curl_preamble (out, url, refs->len > 0, NULL);
      append_quoted (out, "body=", body_text, "\n\n");
      if (refs->len > 0)
        {
          append_uploads (out, refs);
          g_string_append (out, "attachments=$(");
          append_file_list (out, refs);
          g_string_append (out,
                           " | jq --compact-output --slurp 'map({file_id: .id})')\n"
                           "body=$(jq --compact-output --argjson attachments \"$attachments\" \\\n"
                           "  '.attachments = $attachments' <<<\"$body\")\n"
                           "\n");
        }
      g_string_append (out, idempotency_chunk);
      g_string_append (out,
                       "completion=$(api --retry 3 --request POST \\\n"
                       "  --header 'Content-Type: application/json' \\\n"
                       "  --header \"Idempotency-Key: $idempotency_key\" \\\n"
                       "  --data-binary \"$body\" \"$base_url/api/v1/chat/completions\")\n"
                       "jq --raw-output .message.content <<<\"$completion\"\n"
                       "jq --raw-output '\"Session: \\(.session_id)\"' <<<\"$completion\" >&2\n");
      return g_string_free (out, FALSE);
    }

  if (format != RD_RECIPE_FORMAT_CLI)
    return NULL;

  out = g_string_new ("#!/bin/sh\n");
  g_string_append_printf (out, "# One chat turn with %s, as the rivya command line: the answer\n"
                               "# streams to standard output, the session id goes to standard error.\n",
                          model);
  append_cli_start (out, url);
  if (refs->len > 0)
    {
      g_string_append (out, "# rivya chat sends no attachments; the curl recipe does. Here they were:\n");
      for (guint i = 0; i < refs->len; i++)
        {
          RdRecipeRef *ref = g_ptr_array_index (refs, i);
          g_autofree char *safe = _rd_recipe_comment_text (ref->path);

          g_string_append_printf (out, "#   %s\n", safe);
        }
    }
  append_cli_locale (out, !is_ascii (model_id) || !is_ascii (session_id) ||
                          !is_ascii (message) || !is_ascii (reasoning_effort));
  /* A message that starts with a dash would be read as an option (and
   * rivya chat keeps a "--"): such a one goes through standard input,
   * where rivya chat trims trailing blanks. */
  if (message[0] == '-')
    {
      append_quoted (out, "printf '%s' ", message, " |\n");
    }
  g_string_append (out, "rivya chat \\\n");
  append_quoted (out, "  --model=", model_id, "");
  if (session_id != NULL)
    append_quoted (out, " \\\n  --session=", session_id, "");
  if (enable_web_search)
    g_string_append (out, " \\\n  --web-search");
  if (reasoning_effort != NULL)
    append_quoted (out, " \\\n  --reasoning-effort=", reasoning_effort, "");
  if (message[0] == '-')
    g_string_append (out, " \\\n  -\n");
  else
    append_quoted (out, " \\\n  ", message, "\n");
  return g_string_free (out, FALSE);
}
