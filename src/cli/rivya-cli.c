/* rivya-cli.c
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

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rivya-cli-commands.h"

typedef int (*CommandFunc) (RivyaCli  *cli,
                            int        argc,
                            char     **argv);

static const struct {
  const char  *name;
  CommandFunc  run;
  const char  *summary;
} commands[] = {
  { "models", rivya_cli_models, "List the models, or show one with its parameters" },
  { "generate", rivya_cli_generate, "Submit a job; with --wait, download its result" },
  { "status", rivya_cli_status, "Show a job; with --wait, download its result" },
  { "credits", rivya_cli_credits, "Show the account's balance" },
  { "files", rivya_cli_files, "Upload a reference file, or show one" },
  { "chat", rivya_cli_chat, "Send a chat message and stream the answer" },
  { "webhooks", rivya_cli_webhooks, "List, create, rotate, test, inspect or delete endpoints" },
  { "verify-webhook", rivya_cli_verify_webhook, "Check a webhook delivery's signature" },
};

static void
print_help (FILE *stream)
{
  fprintf (stream,
           "Usage:\n"
           "  rivya [--verbose] COMMAND [OPTION…]\n"
           "  rivya --version\n"
           "\n"
           "The command line of Rivya API v1.\n"
           "\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-16s %s\n", commands[i].name, commands[i].summary);
  fprintf (stream,
           "\n"
           "'rivya COMMAND --help' gives a command's options.\n"
           "\n"
           "Environment:\n"
           "  RIVYA_API_KEY         The API key (rvya_sk_...). Without it, the key Rivya\n"
           "                        Desktop saved in the keyring for RIVYA_BASE_URL is used.\n"
           "  RIVYA_BASE_URL        The service (default %s).\n"
           "  RIVYA_NO_KEYRING      Set to 1 to never read the keyring.\n"
           "  RIVYA_WEBHOOK_SECRET  verify-webhook's secret when --secret is not given.\n"
           "\n"
           "Exit status:\n"
           "  0    success\n"
           "  1    other failure: a file that cannot be read or written, a webhook\n"
           "       signature that does not verify, waiting that timed out\n"
           "  2    usage: bad options or arguments, no API key, or input refused before\n"
           "       anything was sent (an unknown --param, a file the model does not take)\n"
           "  3    the API answered an error, printed as\n"
           "       'error: MESSAGE (CODE, request REQUEST_ID)'; also a failed generation\n"
           "  4    network or transport error: no answer, or a cut one\n"
           "  130  interrupted by Ctrl+C\n"
           "\n"
           "See rivya(1).\n",
           RIVYA_DEFAULT_BASE_URL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(RivyaCli) cli = NULL;
  g_autofree char *prgname = NULL;
  gboolean verbose = FALSE;
  int first = 1;

  setlocale (LC_ALL, "");

  for (; first < argc && argv[first][0] == '-'; first++)
    {
      if (strcmp (argv[first], "--version") == 0 || strcmp (argv[first], "-V") == 0)
        {
          g_print ("rivya %s\n", PACKAGE_VERSION);
          return RIVYA_CLI_EXIT_OK;
        }
      if (strcmp (argv[first], "--help") == 0 || strcmp (argv[first], "-h") == 0)
        {
          print_help (stdout);
          return RIVYA_CLI_EXIT_OK;
        }
      if (strcmp (argv[first], "--verbose") == 0 || strcmp (argv[first], "-v") == 0)
        {
          verbose = TRUE;
          continue;
        }
      g_printerr ("error: unknown option '%s'\nTry 'rivya --help'.\n", argv[first]);
      return RIVYA_CLI_EXIT_USAGE;
    }

  if (first >= argc)
    {
      print_help (stderr);
      return RIVYA_CLI_EXIT_USAGE;
    }

  /* “rivya help CMD” is “rivya CMD --help”. */
  if (strcmp (argv[first], "help") == 0)
    {
      if (first + 1 >= argc)
        {
          print_help (stdout);
          return RIVYA_CLI_EXIT_OK;
        }
      argv[first] = argv[first + 1];
      argv[first + 1] = (char *)"--help";
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *name = commands[i].name;

      if (strcmp (argv[first], name) != 0)
        continue;

      /* Usage lines read “rivya webhooks create [OPTION…]”. */
      if (first + 1 < argc && argv[first + 1][0] != '-' &&
          (strcmp (name, "files") == 0 || strcmp (name, "webhooks") == 0))
        prgname = g_strdup_printf ("rivya %s %s", name, argv[first + 1]);
      else
        prgname = g_strdup_printf ("rivya %s", name);
      g_set_prgname (prgname);

      cli = rivya_cli_new (name);
      cli->verbose = verbose;

      return commands[i].run (cli, argc - first, argv + first);
    }

  g_printerr ("error: unknown command '%s'\nTry 'rivya --help'.\n", argv[first]);

  return RIVYA_CLI_EXIT_USAGE;
}
