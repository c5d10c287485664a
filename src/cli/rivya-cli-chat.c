/* rivya-cli-chat.c
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
#include <string.h>
#include <unistd.h>

#include "rivya-cli-json.h"
#include "rivya-cli-output.h"

typedef struct
{
  gboolean wrote;
  gboolean ends_with_newline;
} Printed;

static void
delta_cb (RivyaChatStream *stream,
          const char      *content,
          Printed         *printed)
{
  if (content == NULL || *content == '\0')
    return;

  /* g_print() flushes: each piece shows as soon as it arrives. */
  g_print ("%s", content);
  printed->wrote = TRUE;
  printed->ends_with_newline = g_str_has_suffix (content, "\n");
}

static char *
read_stdin (GError **error)
{
  g_autoptr(GInputStream) input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;

  if (g_output_stream_splice (memory, input, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
    return NULL;

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  return g_strchomp (g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)));
}

static void
print_summary (RivyaChatCompletion *completion,
               const char          *model_id)
{
  const char *session_id = rivya_chat_completion_get_session_id (completion);

  g_printerr ("Session: %s (continue with: rivya chat --model %s --session %s MESSAGE)\n",
              session_id, model_id, session_id);
  g_printerr ("Usage:   %" G_GINT64_FORMAT " input + %" G_GINT64_FORMAT " output = %"
              G_GINT64_FORMAT " tokens\n",
              rivya_chat_completion_get_input_tokens (completion),
              rivya_chat_completion_get_output_tokens (completion),
              rivya_chat_completion_get_total_tokens (completion));
  if (rivya_chat_completion_get_final_credits (completion) >= 0)
    g_printerr ("Credits: %" G_GINT64_FORMAT " (reserved %" G_GINT64_FORMAT ")\n",
                rivya_chat_completion_get_final_credits (completion),
                rivya_chat_completion_get_reserved_credits (completion));
}

static int
run_stream (RivyaCli         *cli,
            RivyaChatRequest *request)
{
  g_autoptr(RivyaChatStream) stream = rivya_chat_stream_new (cli->client, request);
  g_autoptr(RivyaChatCompletion) completion = NULL;
  g_autoptr(GError) error = NULL;
  Printed printed = { FALSE, FALSE };

  g_signal_connect (stream, "delta", G_CALLBACK (delta_cb), &printed);
  rivya_chat_stream_run_async (stream, cli->cancellable, rivya_cli_async_cb, cli);
  completion = rivya_chat_stream_run_finish (stream, rivya_cli_wait (cli), &error);
  g_signal_handlers_disconnect_by_data (stream, &printed);

  if (printed.wrote && !printed.ends_with_newline)
    g_print ("\n");

  if (completion == NULL)
    {
      /* What was written so far is kept in the session (B.9). */
      if (rivya_chat_stream_get_session_id (stream) != NULL)
        g_printerr ("Session: %s\n", rivya_chat_stream_get_session_id (stream));
      return rivya_cli_fail (cli, error);
    }

  print_summary (completion, rivya_chat_request_get_model (request));

  return RIVYA_CLI_EXIT_OK;
}

int
rivya_cli_chat (RivyaCli  *cli,
                int        argc,
                char     **argv)
{
  g_autofree char *model_id = NULL;
  g_autofree char *session_id = NULL;
  g_autofree char *reasoning_effort = NULL;
  g_autofree char *client_request_id = NULL;
  g_autofree char *message = NULL;
  gboolean web_search = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_STRING, &model_id,
      "The chat model (see 'rivya models -c chat')", "MODEL" },
    { "session", 's', 0, G_OPTION_ARG_STRING, &session_id, "Continue this session", "SESSION_ID" },
    { "web-search", 0, 0, G_OPTION_ARG_NONE, &web_search,
      "Let the model search the web, where it can", NULL },
    { "reasoning-effort", 0, 0, G_OPTION_ARG_STRING, &reasoning_effort,
      "default, minimal, low, medium, high or xhigh, where the model has them", "EFFORT" },
    { "client-request-id", 0, 0, G_OPTION_ARG_STRING, &client_request_id,
      "Your trace id for this turn", "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Wait for the whole answer and print the completion's JSON instead of streaming", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(RivyaChatRequest) request = NULL;
  g_autoptr(RivyaChatCompletion) completion = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  context = rivya_cli_options_new (cli, "MESSAGE…",
                                   "Send one chat message and stream the answer. Without MESSAGE, "
                                   "or with '-', the message is read from standard input.",
                                   entries);
  if (!rivya_cli_parse (cli, context, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);
  if (model_id == NULL)
    {
      rivya_cli_set_usage_error (&error, "--model is required");
      return rivya_cli_fail (cli, error);
    }

  if (argc < 2 || (argc == 2 && strcmp (argv[1], "-") == 0))
    {
      if (isatty (STDIN_FILENO))
        g_printerr ("Type the message, then Ctrl+D.\n");
      if (!(message = read_stdin (&error)))
        return rivya_cli_fail (cli, error);
    }
  else
    message = g_strjoinv (" ", argv + 1);

  if (*message == '\0')
    {
      rivya_cli_set_usage_error (&error, "the message is empty");
      return rivya_cli_fail (cli, error);
    }

  if (!rivya_cli_connect (cli, TRUE, &error))
    return rivya_cli_fail (cli, error);

  request = rivya_chat_request_new (model_id, message);
  if (session_id != NULL)
    rivya_chat_request_set_session_id (request, session_id);
  if (web_search)
    rivya_chat_request_set_enable_web_search (request, TRUE);
  if (reasoning_effort != NULL)
    rivya_chat_request_set_reasoning_effort (request, reasoning_effort);
  if (client_request_id != NULL)
    rivya_chat_request_set_client_request_id (request, client_request_id);

  if (!json)
    return run_stream (cli, request);

  rivya_client_create_chat_completion_async (cli->client, request, cli->cancellable,
                                             rivya_cli_async_cb, cli);
  if (!(completion = rivya_client_create_chat_completion_finish (cli->client, rivya_cli_wait (cli),
                                                                 &error)))
    return rivya_cli_fail (cli, error);

  node = rivya_cli_json_from_completion (completion);
  rivya_cli_print_json (node);

  return RIVYA_CLI_EXIT_OK;
}
