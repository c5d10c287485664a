/* rivya-cli-status.c
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

int
rivya_cli_status (RivyaCli  *cli,
                  int        argc,
                  char     **argv)
{
  g_autofree char *output = NULL;
  gboolean wait = FALSE;
  gboolean json = FALSE;
  int timeout = 0;
  const GOptionEntry entries[] = {
    { "wait", 'w', 0, G_OPTION_ARG_NONE, &wait, "Wait for the result and download it", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Where to save the result (a file or a directory; implies --wait)", "FILE" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, "Stop waiting after this many seconds",
      "SECONDS" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the generation's JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(RivyaGeneration) finished = NULL;
  g_autoptr(GError) error = NULL;

  context = rivya_cli_options_new (cli, "TASK_ID", "Show a generation's status.", entries);
  if (!rivya_cli_parse (cli, context, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);
  if (argc != 2)
    {
      rivya_cli_set_usage_error (&error, argc < 2 ? "a task id is required" : "too many arguments");
      return rivya_cli_fail (cli, error);
    }
  if (timeout < 0)
    {
      rivya_cli_set_usage_error (&error, "--timeout takes a number of seconds");
      return rivya_cli_fail (cli, error);
    }
  if (output != NULL)
    wait = TRUE;

  if (!rivya_cli_connect (cli, TRUE, &error))
    return rivya_cli_fail (cli, error);

  rivya_client_get_generation_async (cli->client, argv[1], cli->cancellable, rivya_cli_async_cb,
                                     cli);
  if (!(generation = rivya_client_get_generation_finish (cli->client, rivya_cli_wait (cli),
                                                         &error)))
    return rivya_cli_fail (cli, error);

  if (!wait)
    {
      if (json)
        {
          g_autoptr(JsonNode) node = rivya_cli_json_from_generation (generation);

          rivya_cli_print_json (node);
        }
      else
        rivya_cli_print_generation (generation, NULL);
      return RIVYA_CLI_EXIT_OK;
    }

  /* The category only tunes the cadence; the image one suits unknowns. */
  if (!(finished = rivya_cli_follow (cli, generation, NULL, timeout, &error)))
    return rivya_cli_fail (cli, error);

  return rivya_cli_finish (cli, finished, NULL, output, json);
}
