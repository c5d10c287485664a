/* rivya-cli-generate.c
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

#include "rivya-cli-follow.h"
#include "rivya-cli-json.h"
#include "rivya-cli-output.h"
#include "rivya-cli-params.h"
#include "rivya-cli-upload.h"

static gboolean
check_model (RivyaModel  *model,
             guint        n_refs,
             GError     **error)
{
  RivyaReferenceMedia *reference = rivya_model_get_reference_media (model);
  const char *id = rivya_model_get_id (model);

  if (rivya_model_is_chat (model))
    return rivya_cli_set_usage_error (error, "%s is a chat model: use 'rivya chat --model %s'", id,
                                      id);
  if (!rivya_model_is_available (model))
    return rivya_cli_set_usage_error (error, "%s cannot be called through the API yet (%s)",
                                      id, rivya_model_get_api_status (model));
  if (n_refs > 0 && reference == NULL)
    return rivya_cli_set_usage_error (error, "%s takes no reference files", id);
  if (reference != NULL && rivya_reference_media_get_max_files (reference) > 0 &&
      n_refs > rivya_reference_media_get_max_files (reference))
    return rivya_cli_set_usage_error (error,
                                      "%s takes at most %" G_GINT64_FORMAT " reference files",
                                      id, rivya_reference_media_get_max_files (reference));

  return TRUE;
}

static gboolean
add_references (RivyaCli                *cli,
                RivyaModel              *model,
                RivyaGenerationRequest  *request,
                const char * const      *refs,
                GError                 **error)
{
  for (guint i = 0; refs != NULL && refs[i] != NULL; i++)
    {
      g_autoptr(RivyaFile) file = NULL;

      if (!(file = rivya_cli_upload (cli, refs[i], NULL, model, error)))
        return FALSE;

      g_printerr ("Uploaded %s as %s\n", refs[i], rivya_file_get_id (file));
      rivya_generation_request_add_reference_file (request, file);
    }

  return TRUE;
}

int
rivya_cli_generate (RivyaCli  *cli,
                    int        argc,
                    char     **argv)
{
  g_autofree char *model_id = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *output = NULL;
  g_autofree char *idempotency_key = NULL;
  g_autofree char *client_request_id = NULL;
  g_auto(GStrv) params = NULL;
  g_auto(GStrv) refs = NULL;
  gboolean wait = FALSE;
  gboolean json = FALSE;
  gboolean dry_run = FALSE;
  int timeout = 0;
  const GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_STRING, &model_id, "The model (see 'rivya models')", "MODEL" },
    { "prompt", 'p', 0, G_OPTION_ARG_STRING, &prompt, "The prompt", "PROMPT" },
    { "param", 0, 0, G_OPTION_ARG_STRING_ARRAY, &params,
      "A model parameter, typed by the model's schema (see 'rivya models MODEL'); "
      "repeatable", "KEY=VALUE" },
    { "ref", 'r', 0, G_OPTION_ARG_FILENAME_ARRAY, &refs,
      "A reference file to upload and pass in params.referenceMediaItems; repeatable", "FILE" },
    { "wait", 'w', 0, G_OPTION_ARG_NONE, &wait, "Wait for the result and download it", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Where to save the result (a file or a directory; implies --wait)", "FILE" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, "Stop waiting after this many seconds",
      "SECONDS" },
    { "idempotency-key", 0, 0, G_OPTION_ARG_STRING, &idempotency_key,
      "Resend a submit under the key it printed: never charged twice (default: a new key)", "KEY" },
    { "client-request-id", 0, 0, G_OPTION_ARG_STRING, &client_request_id,
      "Your trace id for this job", "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the generation's JSON", NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      "Print the request body and send nothing (no key needed; references are not "
      "uploaded)", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RivyaGenerationRequest) request = NULL;
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(RivyaGeneration) finished = NULL;
  g_autoptr(RivyaModel) model = NULL;
  g_autoptr(GError) error = NULL;

  context = rivya_cli_options_new (cli, NULL,
                                   "Submit an image, video or audio job; with --wait, wait "
                                   "for it and download the result.",
                                   entries);
  if (!rivya_cli_parse (cli, context, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);

  if (argc > 1)
    rivya_cli_set_usage_error (&error, "unexpected argument '%s' (the prompt goes in --prompt)",
                               argv[1]);
  else if (model_id == NULL)
    rivya_cli_set_usage_error (&error, "--model is required");
  else if (prompt == NULL)
    rivya_cli_set_usage_error (&error, "--prompt is required");
  else if (timeout < 0)
    rivya_cli_set_usage_error (&error, "--timeout takes a number of seconds");
  if (error != NULL)
    return rivya_cli_fail (cli, error);

  if (output != NULL)
    wait = TRUE;

  if (!rivya_cli_connect (cli, !dry_run, &error) ||
      !(model = rivya_cli_fetch_model (cli, model_id, &error)) ||
      !check_model (model, refs ? g_strv_length (refs) : 0, &error))
    return rivya_cli_fail (cli, error);

  request = rivya_generation_request_new (model_id, prompt);
  if (client_request_id != NULL)
    rivya_generation_request_set_client_request_id (request, client_request_id);
  if (!rivya_cli_params_apply (model, request, (const char * const *)params, &error))
    return rivya_cli_fail (cli, error);

  if (dry_run)
    {
      g_autoptr(JsonNode) body = rivya_generation_request_to_json (request);

      if (refs != NULL)
        g_printerr ("rivya: dry run: %u reference file(s) not uploaded\n", g_strv_length (refs));
      rivya_cli_print_json (body);
      return RIVYA_CLI_EXIT_OK;
    }

  if (!add_references (cli, model, request, (const char * const *)refs, &error))
    return rivya_cli_fail (cli, error);

  if (idempotency_key == NULL)
    idempotency_key = g_uuid_string_random ();
  rivya_generation_request_set_idempotency_key (request, idempotency_key);

  rivya_client_create_generation_async (cli->client, request, cli->cancellable,
                                        rivya_cli_async_cb, cli);
  if (!(generation = rivya_client_create_generation_finish (cli->client, rivya_cli_wait (cli),
                                                            &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          rivya_cli_exit_status (error) == RIVYA_CLI_EXIT_NETWORK)
        g_printerr ("rivya: resend with --idempotency-key %s to avoid a second job\n",
                    idempotency_key);
      return rivya_cli_fail (cli, error);
    }

  if (!wait)
    {
      if (json)
        {
          g_autoptr(JsonNode) node = rivya_cli_json_from_generation (generation);

          g_printerr ("Idempotency key: %s\n", idempotency_key);
          rivya_cli_print_json (node);
        }
      else
        rivya_cli_print_generation (generation, idempotency_key);
      return RIVYA_CLI_EXIT_OK;
    }

  g_printerr ("Submitted %s (idempotency key %s)\n", rivya_generation_get_id (generation),
              idempotency_key);
  if (!(finished = rivya_cli_follow (cli, generation, rivya_model_get_category (model),
                                     timeout, &error)))
    return rivya_cli_fail (cli, error);

  return rivya_cli_finish (cli, finished, idempotency_key, output, json);
}
