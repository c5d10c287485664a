/* rivya-cli-verify.c
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

#include <gio/gunixinputstream.h>
#include <unistd.h>

/* The body exactly as received: the signature covers every byte. */
static GBytes *
read_body (const char  *path,
           GError     **error)
{
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) memory = NULL;
  g_autoptr(GError) local_error = NULL;

  if (path != NULL && g_strcmp0 (path, "-") != 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      GBytes *bytes;

      if (!(bytes = g_file_load_bytes (file, NULL, NULL, &local_error)))
        g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_FAILED,
                     "could not read %s: %s", path, local_error->message);
      return bytes;
    }

  input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  memory = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (memory, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                              &local_error) < 0)
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_FAILED,
                   "could not read the body from standard input: %s", local_error->message);
      return NULL;
    }

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

int
rivya_cli_verify_webhook (RivyaCli  *cli,
                          int        argc,
                          char     **argv)
{
  g_autofree char *secret = NULL;
  g_autofree char *webhook_id = NULL;
  g_autofree char *timestamp = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *body_path = NULL;
  int tolerance = RIVYA_WEBHOOK_DEFAULT_TOLERANCE;
  const GOptionEntry entries[] = {
    { "secret", 0, 0, G_OPTION_ARG_STRING, &secret,
      "The endpoint's signing secret, whsec_... (default: $RIVYA_WEBHOOK_SECRET)", "SECRET" },
    { "id", 0, 0, G_OPTION_ARG_STRING, &webhook_id, "The webhook-id header", "ID" },
    { "timestamp", 0, 0, G_OPTION_ARG_STRING, &timestamp, "The webhook-timestamp header", "T" },
    { "signature", 0, 0, G_OPTION_ARG_STRING, &signature, "The webhook-signature header", "SIG" },
    { "body", 0, 0, G_OPTION_ARG_FILENAME, &body_path,
      "Read the raw body from FILE instead of standard input", "FILE" },
    { "tolerance", 0, 0, G_OPTION_ARG_INT, &tolerance,
      "How many seconds the timestamp may be from now (default 300)", "SECONDS" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  context = rivya_cli_options_new (cli, "< BODY",
                                   "Check a webhook delivery's signature (Standard Webhooks). "
                                   "Exits 0 when it is valid, 1 when it is not, with the "
                                   "reason.",
                                   entries);
  if (!rivya_cli_parse (cli, context, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);

  if (secret == NULL && g_getenv ("RIVYA_WEBHOOK_SECRET") != NULL)
    secret = g_strdup (g_getenv ("RIVYA_WEBHOOK_SECRET"));

  if (argc > 1)
    rivya_cli_set_usage_error (&error, "unexpected argument '%s' (the body goes on standard input)",
                               argv[1]);
  else if (secret == NULL || *secret == '\0')
    rivya_cli_set_usage_error (&error, "--secret (or RIVYA_WEBHOOK_SECRET) is required");
  else if (webhook_id == NULL || timestamp == NULL || signature == NULL)
    rivya_cli_set_usage_error (&error, "--id, --timestamp and --signature are required");
  else if (tolerance <= 0)
    rivya_cli_set_usage_error (&error, "--tolerance takes a positive number of seconds");
  if (error != NULL)
    return rivya_cli_fail (cli, error);

  if (!(body = read_body (body_path, &error)))
    return rivya_cli_fail (cli, error);

  if (!rivya_webhook_verify (secret, webhook_id, timestamp, signature, body, 0, tolerance, &error))
    {
      if (g_error_matches (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_BAD_SECRET))
        {
          g_printerr ("error: %s\n", error->message);
          return RIVYA_CLI_EXIT_USAGE;
        }
      g_printerr ("invalid: %s\n", error->message);
      return RIVYA_CLI_EXIT_FAILURE;
    }

  g_print ("valid\n");

  return RIVYA_CLI_EXIT_OK;
}
