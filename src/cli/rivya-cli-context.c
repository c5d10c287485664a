/* rivya-cli-context.c
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

#include "rivya-cli-context.h"

#include <glib-unix.h>
#include <signal.h>
#include <string.h>

#include "rivya-cli-keyring.h"

#define EXIT_STATUS_HELP \
  "Exit status: 0 success; 1 other failure (file I/O, a signature that does not\n" \
  "verify); 2 usage (bad arguments, no API key, input refused before sending);\n" \
  "3 the API answered an error (its code and request id are printed); 4 network\n" \
  "or transport error; 130 interrupted (Ctrl+C)."

G_DEFINE_QUARK (rivya-cli-error-quark, rivya_cli_error)

static gboolean
sigint_cb (gpointer user_data)
{
  RivyaCli *cli = user_data;

  cli->interrupted = TRUE;
  cli->sigint_source = 0;
  g_cancellable_cancel (cli->cancellable);

  /* Removing the last SIGINT source gives the signal its default
   * action back, so a second Ctrl+C ends the process at once. */
  return G_SOURCE_REMOVE;
}

RivyaCli *
rivya_cli_new (const char *command)
{
  RivyaCli *cli = g_new0 (RivyaCli, 1);

  cli->command = command;
  cli->cancellable = g_cancellable_new ();

  return cli;
}

void
rivya_cli_free (RivyaCli *cli)
{
  if (cli == NULL)
    return;

  g_clear_handle_id (&cli->sigint_source, g_source_remove);
  g_clear_object (&cli->result);
  g_clear_object (&cli->finished);
  g_clear_object (&cli->client);
  g_clear_object (&cli->cancellable);
  g_free (cli);
}

GOptionContext *
rivya_cli_options_new (RivyaCli           *cli,
                       const char         *parameter_string,
                       const char         *summary,
                       const GOptionEntry *entries)
{
  const GOptionEntry common[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &cli->verbose,
      "Log each request (method, path, status, request id) to stderr", NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (parameter_string);

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, common, NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, EXIT_STATUS_HELP);

  return context;
}

gboolean
rivya_cli_parse (RivyaCli         *cli,
                 GOptionContext   *context,
                 int              *argc,
                 char           ***argv,
                 GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_option_context_parse (context, argc, argv, &local_error))
    return rivya_cli_set_usage_error (error, "%s", local_error->message);

  return TRUE;
}

gboolean
rivya_cli_set_usage_error (GError     **error,
                           const char  *format,
                           ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_USAGE, format,
                                                args));
  va_end (args);

  return FALSE;
}

gboolean
rivya_cli_is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static void
request_finished_cb (RivyaClient *client,
                     const char  *method,
                     const char  *path,
                     guint        status,
                     const char  *request_id,
                     gint64       duration_us,
                     RivyaCli    *cli)
{
  if (status == 0)
    g_printerr ("rivya: %s %s: no answer (%" G_GINT64_FORMAT " ms)\n",
                method, path, duration_us / 1000);
  else
    g_printerr ("rivya: %s %s: %u, request %s (%" G_GINT64_FORMAT " ms)\n",
                method, path, status, request_id ? request_id : "-", duration_us / 1000);
}

static char *
read_base_url (GError **error)
{
  const char *value = g_getenv ("RIVYA_BASE_URL");
  g_autoptr(GUri) uri = NULL;
  gsize len;

  if (value == NULL || *value == '\0')
    return g_strdup (RIVYA_DEFAULT_BASE_URL);

  uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "https") != 0))
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_CONFIG,
                   "RIVYA_BASE_URL must be an http or https URL, such as %s",
                   RIVYA_DEFAULT_BASE_URL);
      return NULL;
    }

  /* The keyring entry is stored without the trailing slash. */
  len = strlen (value);
  while (len > 0 && value[len - 1] == '/')
    len--;

  return g_strndup (value, len);
}

static gboolean
keyring_disabled (void)
{
  const char *value = g_getenv ("RIVYA_NO_KEYRING");

  return value != NULL && *value != '\0' && g_strcmp0 (value, "0") != 0;
}

static char *
find_api_key (RivyaCli    *cli,
              const char  *base_url,
              GError     **error)
{
  const char *value = g_getenv ("RIVYA_API_KEY");
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;

  if (value != NULL && *value != '\0')
    {
      if (cli->verbose)
        g_printerr ("rivya: API key from RIVYA_API_KEY\n");
      return g_strstrip (g_strdup (value));
    }

  if (keyring_disabled ())
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_CONFIG,
                   "no API key: set RIVYA_API_KEY to your key (rvya_sk_...); "
                   "the keyring is not read because RIVYA_NO_KEYRING is set");
      return NULL;
    }

  rivya_cli_keyring_lookup_async (base_url, cli->cancellable, rivya_cli_async_cb, cli);
  key = rivya_cli_keyring_lookup_finish (rivya_cli_wait (cli), &local_error);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (local_error != NULL)
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_CONFIG,
                   "no API key: RIVYA_API_KEY is not set and the keyring could not be read (%s); "
                   "set RIVYA_API_KEY to your key (rvya_sk_...)",
                   local_error->message);
      return NULL;
    }
  if (key == NULL)
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_CONFIG,
                   "no API key: RIVYA_API_KEY is not set and the keyring has no key for %s; "
                   "set RIVYA_API_KEY to your key (rvya_sk_...), "
                   "or add the account in Rivya Desktop",
                   base_url);
      return NULL;
    }

  if (cli->verbose)
    g_printerr ("rivya: API key from the keyring\n");

  return g_steal_pointer (&key);
}

gboolean
rivya_cli_connect (RivyaCli  *cli,
                   gboolean   need_key,
                   GError   **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *api_key = NULL;

  /* From here on Ctrl+C cancels the request in flight; before, while
   * arguments or standard input are read, it ends the process. */
  if (cli->sigint_source == 0 && !cli->interrupted)
    cli->sigint_source = g_unix_signal_add (SIGINT, sigint_cb, cli);

  if (!(base_url = read_base_url (error)))
    return FALSE;

  if (cli->verbose)
    {
      g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
      g_autofree char *shown = g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);

      g_printerr ("rivya: base URL %s\n", shown);
    }

  if (need_key && !(api_key = find_api_key (cli, base_url, error)))
    return FALSE;

  /* No read or write may stall for longer: chat streams send a ping
   * every 15 s while the model thinks. */
  session = soup_session_new_with_options ("timeout", 120, NULL);
  cli->client = rivya_client_new_for_session (base_url, api_key, session);
  rivya_client_set_user_agent (cli->client, "rivya/" PACKAGE_VERSION);

  /* A proxy is never the way to a loopback server, and asking for the
   * system's proxy settings would need a settings backend. */
  if (rivya_cli_is_loopback_url (base_url))
    rivya_client_set_proxy_resolver (cli->client, NULL);

  if (cli->verbose)
    g_signal_connect (cli->client, "request-finished", G_CALLBACK (request_finished_cb), cli);

  return TRUE;
}

void
rivya_cli_async_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  RivyaCli *cli = user_data;

  g_assert (cli->result == NULL);
  cli->result = g_object_ref (result);
}

/* One call at a time: start it with rivya_cli_async_cb and @cli, then
 * pass what this returns to its _finish(). Ctrl+C cancels the call,
 * which then completes with G_IO_ERROR_CANCELLED. */
GAsyncResult *
rivya_cli_wait (RivyaCli *cli)
{
  g_clear_object (&cli->finished);

  while (cli->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  cli->finished = g_steal_pointer (&cli->result);
  return cli->finished;
}

void
rivya_cli_run_until (RivyaCli       *cli,
                     const gboolean *done)
{
  while (!*done && !cli->interrupted)
    g_main_context_iteration (NULL, TRUE);
}

int
rivya_cli_exit_status (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return RIVYA_CLI_EXIT_INTERRUPTED;

  if (error->domain == RIVYA_CLI_ERROR)
    {
      switch ((RivyaCliError)error->code)
        {
        case RIVYA_CLI_ERROR_USAGE:
        case RIVYA_CLI_ERROR_CONFIG:
          return RIVYA_CLI_EXIT_USAGE;
        case RIVYA_CLI_ERROR_API:
          return RIVYA_CLI_EXIT_API;
        case RIVYA_CLI_ERROR_NETWORK:
          return RIVYA_CLI_EXIT_NETWORK;
        case RIVYA_CLI_ERROR_FAILED:
        default:
          return RIVYA_CLI_EXIT_FAILURE;
        }
    }

  if (error->domain == RIVYA_ERROR)
    {
      if (rivya_error_is_transport (error))
        return RIVYA_CLI_EXIT_NETWORK;
      /* librivya checks files against the model's limits before sending:
       * nothing reached the service, the input was wrong. */
      if (rivya_error_get_http_status (error) == 0 &&
          (error->code == RIVYA_ERROR_VALIDATION_FAILED ||
           error->code == RIVYA_ERROR_PAYLOAD_TOO_LARGE))
        return RIVYA_CLI_EXIT_USAGE;
      return RIVYA_CLI_EXIT_API;
    }

  return RIVYA_CLI_EXIT_FAILURE;
}

static char *
describe_rivya_error (const GError *error)
{
  const char *code = rivya_error_get_code_string (error);
  const char *request_id = rivya_error_get_request_id (error);
  guint http_status = rivya_error_get_http_status (error);
  g_autofree char *http = NULL;
  GString *out = g_string_new (error->message);

  if (code == NULL)
    code = rivya_error_code_to_string (error->code);
  if (code == NULL && http_status != 0)
    code = http = g_strdup_printf ("HTTP %u", http_status);

  if (code != NULL && http_status == 0 && !rivya_error_is_transport (error))
    g_string_append_printf (out, " (%s, refused before sending)", code);
  else if (code != NULL && request_id != NULL)
    g_string_append_printf (out, " (%s, request %s)", code, request_id);
  else if (code != NULL)
    g_string_append_printf (out, " (%s)", code);
  else if (request_id != NULL)
    g_string_append_printf (out, " (request %s)", request_id);

  return g_string_free (out, FALSE);
}

int
rivya_cli_fail (RivyaCli     *cli,
                const GError *error)
{
  int status = rivya_cli_exit_status (error);

  if (status == RIVYA_CLI_EXIT_INTERRUPTED)
    {
      g_printerr ("rivya: interrupted\n");
    }
  else if (error->domain == RIVYA_ERROR)
    {
      g_autofree char *text = describe_rivya_error (error);

      g_printerr ("error: %s\n", text);
    }
  else
    {
      g_printerr ("error: %s\n", error->message);
      if (g_error_matches (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_USAGE))
        g_printerr ("Try 'rivya %s --help'.\n", cli->command);
    }

  return status;
}
