/* rivya-cli-files.c
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

#include <string.h>

#include "rivya-cli-json.h"
#include "rivya-cli-output.h"
#include "rivya-cli-upload.h"

#define FILES_USAGE \
  "Usage:\n" \
  "  rivya files upload FILE [--kind KIND] [--model MODEL] [--json]\n" \
  "  rivya files get FILE_ID [--json]\n"

static void
print_file (RivyaFile *file,
            gboolean   json)
{
  if (json)
    {
      g_autoptr(JsonNode) node = rivya_cli_json_from_file (file);

      rivya_cli_print_json (node);
      return;
    }

  rivya_cli_print_field ("File", "%s", rivya_file_get_id (file));
  rivya_cli_print_field ("Kind", "%s", rivya_file_get_kind (file));
  rivya_cli_print_field ("Name", "%s", rivya_file_get_name (file));
  rivya_cli_print_field ("Type", "%s", rivya_file_get_mime_type (file));
  rivya_cli_print_field ("Size", "%" G_GINT64_FORMAT " bytes", rivya_file_get_size_bytes (file));
  rivya_cli_print_field ("URL", "%s", rivya_file_get_url (file));
  if (rivya_file_get_duration_seconds (file) >= 0)
    rivya_cli_print_field ("Duration", "%.3f s", rivya_file_get_duration_seconds (file));
  if (rivya_file_get_duration_token (file) != NULL)
    rivya_cli_print_field ("Duration token", "%s", rivya_file_get_duration_token (file));
  if (rivya_file_get_model (file) != NULL)
    rivya_cli_print_field ("Model", "%s", rivya_file_get_model (file));
  if (rivya_file_get_expires_at (file) != NULL)
    rivya_cli_print_field ("Expires", "%s", rivya_file_get_expires_at (file));
}

static int
files_upload (RivyaCli  *cli,
              int        argc,
              char     **argv)
{
  g_autofree char *kind = NULL;
  g_autofree char *model_id = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind,
      "image, video or audio (default: found from the file's content)", "KIND" },
    { "model", 'm', 0, G_OPTION_ARG_STRING, &model_id,
      "Check and store the file for this model's limits", "MODEL" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the file's JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RivyaModel) model = NULL;
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;

  context = rivya_cli_options_new (cli, "FILE",
                                   "Upload a reference file; its URL goes into a generation's "
                                   "references.",
                                   entries);
  if (!rivya_cli_parse (cli, context, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);
  if (argc != 2)
    {
      rivya_cli_set_usage_error (&error, argc < 2 ? "a file is required" : "too many arguments");
      return rivya_cli_fail (cli, error);
    }

  if (!rivya_cli_connect (cli, TRUE, &error) ||
      (model_id != NULL && !(model = rivya_cli_fetch_model (cli, model_id, &error))) ||
      !(file = rivya_cli_upload (cli, argv[1], kind, model, &error)))
    return rivya_cli_fail (cli, error);

  print_file (file, json);

  return RIVYA_CLI_EXIT_OK;
}

static int
files_get (RivyaCli  *cli,
           int        argc,
           char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the file's JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;

  context = rivya_cli_options_new (cli, "FILE_ID", "Show an uploaded file.", entries);
  if (!rivya_cli_parse (cli, context, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);
  if (argc != 2)
    {
      rivya_cli_set_usage_error (&error, argc < 2 ? "a file id is required" : "too many arguments");
      return rivya_cli_fail (cli, error);
    }

  if (!rivya_cli_connect (cli, TRUE, &error))
    return rivya_cli_fail (cli, error);

  rivya_client_get_file_async (cli->client, argv[1], cli->cancellable, rivya_cli_async_cb, cli);
  if (!(file = rivya_client_get_file_finish (cli->client, rivya_cli_wait (cli), &error)))
    return rivya_cli_fail (cli, error);

  print_file (file, json);

  return RIVYA_CLI_EXIT_OK;
}

int
rivya_cli_files (RivyaCli  *cli,
                 int        argc,
                 char     **argv)
{
  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      g_print (FILES_USAGE);
      return RIVYA_CLI_EXIT_OK;
    }

  if (argc >= 2 && strcmp (argv[1], "upload") == 0)
    {
      cli->command = "files upload";
      return files_upload (cli, argc - 1, argv + 1);
    }
  if (argc >= 2 && strcmp (argv[1], "get") == 0)
    {
      cli->command = "files get";
      return files_get (cli, argc - 1, argv + 1);
    }

  if (argc >= 2)
    g_printerr ("error: unknown command 'files %s'\n", argv[1]);
  g_printerr (FILES_USAGE);

  return RIVYA_CLI_EXIT_USAGE;
}
