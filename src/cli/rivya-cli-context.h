/* rivya-cli-context.h
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

#pragma once

#include <rivya.h>

G_BEGIN_DECLS

/* Exit statuses, documented in `rivya --help` and rivya(1). */
typedef enum
{
  RIVYA_CLI_EXIT_OK          = 0,
  RIVYA_CLI_EXIT_FAILURE     = 1,
  RIVYA_CLI_EXIT_USAGE       = 2,
  RIVYA_CLI_EXIT_API         = 3,
  RIVYA_CLI_EXIT_NETWORK     = 4,
  RIVYA_CLI_EXIT_INTERRUPTED = 130,
} RivyaCliExit;

#define RIVYA_CLI_ERROR (rivya_cli_error_quark ())

/* The command line's own failures, each mapped to an exit status by
 * rivya_cli_fail(); librivya's errors are mapped there too. */
typedef enum
{
  RIVYA_CLI_ERROR_USAGE,   /* bad arguments, refused before sending: 2 */
  RIVYA_CLI_ERROR_CONFIG,  /* no API key, a bad RIVYA_BASE_URL: 2 too */
  RIVYA_CLI_ERROR_FAILED,  /* anything else, such as a file that cannot be written: 1 */
  RIVYA_CLI_ERROR_API,     /* the service said no after accepting the job: 3 */
  RIVYA_CLI_ERROR_NETWORK, /* no answer, or a cut one, outside librivya: 4 */
} RivyaCliError;

/* What every command shares: the client, the cancellable Ctrl+C
 * cancels, and the one asynchronous call in flight. */
typedef struct
{
  const char   *command;
  RivyaClient  *client;
  GCancellable *cancellable;
  GAsyncResult *result;
  GAsyncResult *finished;
  guint         sigint_source;
  gboolean      verbose;
  gboolean      interrupted;
} RivyaCli;

GQuark          rivya_cli_error_quark      (void);
RivyaCli       *rivya_cli_new              (const char          *command);
void            rivya_cli_free             (RivyaCli            *cli);
GOptionContext *rivya_cli_options_new      (RivyaCli            *cli,
                                            const char          *parameter_string,
                                            const char          *summary,
                                            const GOptionEntry  *entries);
gboolean        rivya_cli_parse            (RivyaCli            *cli,
                                            GOptionContext      *context,
                                            int                 *argc,
                                            char              ***argv,
                                            GError             **error);
gboolean        rivya_cli_connect          (RivyaCli            *cli,
                                            gboolean             need_key,
                                            GError             **error);
void            rivya_cli_async_cb         (GObject             *object,
                                            GAsyncResult        *result,
                                            gpointer             user_data);
GAsyncResult   *rivya_cli_wait             (RivyaCli            *cli);
void            rivya_cli_run_until        (RivyaCli            *cli,
                                            const gboolean      *done);
int             rivya_cli_fail             (RivyaCli            *cli,
                                            const GError        *error);
int             rivya_cli_exit_status      (const GError        *error);
gboolean        rivya_cli_set_usage_error  (GError             **error,
                                            const char          *format,
                                            ...) G_GNUC_PRINTF (2, 3);
gboolean        rivya_cli_is_loopback_url  (const char          *url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RivyaCli, rivya_cli_free)

G_END_DECLS
