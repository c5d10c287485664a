/* rivya-cli-credits.c
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

int
rivya_cli_credits (RivyaCli  *cli,
                   int        argc,
                   char     **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the balance's JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RivyaCredits) credits = NULL;
  g_autoptr(GError) error = NULL;

  context = rivya_cli_options_new (cli, NULL, "Show the account's balance.", entries);
  if (!rivya_cli_parse (cli, context, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);
  if (argc > 1)
    {
      rivya_cli_set_usage_error (&error, "unexpected argument '%s'", argv[1]);
      return rivya_cli_fail (cli, error);
    }

  if (!rivya_cli_connect (cli, TRUE, &error))
    return rivya_cli_fail (cli, error);

  rivya_client_get_credits_async (cli->client, cli->cancellable, rivya_cli_async_cb, cli);
  if (!(credits = rivya_client_get_credits_finish (cli->client, rivya_cli_wait (cli), &error)))
    return rivya_cli_fail (cli, error);

  if (json)
    {
      g_autoptr(JsonNode) node = rivya_cli_json_from_credits (credits);

      rivya_cli_print_json (node);
    }
  else
    g_print ("%" G_GINT64_FORMAT " credits\n", rivya_credits_get_current_credits (credits));

  return RIVYA_CLI_EXIT_OK;
}
