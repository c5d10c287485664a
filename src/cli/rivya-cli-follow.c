/* rivya-cli-follow.c
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

#include "rivya-cli-follow.h"

#include "rivya-cli-download.h"
#include "rivya-cli-json.h"
#include "rivya-cli-output.h"

typedef struct
{
  const char      *task_id;
  char            *last_status;
  RivyaGeneration *final;
  GError          *error;
  gboolean         done;
  gboolean         timed_out;
} Follow;

void
rivya_cli_print_generation (RivyaGeneration *generation,
                            const char      *idempotency_key)
{
  const char *error_code = rivya_generation_get_error_code (generation);
  const char * const *urls = rivya_generation_get_urls (generation);

  rivya_cli_print_field ("Task", "%s", rivya_generation_get_id (generation));
  if (idempotency_key != NULL)
    rivya_cli_print_field ("Idempotency key", "%s", idempotency_key);
  rivya_cli_print_field ("Model", "%s", rivya_generation_get_model (generation));
  rivya_cli_print_field ("Status", "%s", rivya_generation_get_status_string (generation));
  if (rivya_generation_get_reserved_credits (generation) >= 0)
    rivya_cli_print_field ("Reserved credits", "%" G_GINT64_FORMAT,
                           rivya_generation_get_reserved_credits (generation));
  if (rivya_generation_get_final_credits (generation) >= 0)
    rivya_cli_print_field ("Final credits", "%" G_GINT64_FORMAT,
                           rivya_generation_get_final_credits (generation));
  if (rivya_generation_get_created_at (generation) != NULL)
    rivya_cli_print_field ("Created", "%s", rivya_generation_get_created_at (generation));
  if (rivya_generation_get_updated_at (generation) != NULL)
    rivya_cli_print_field ("Updated", "%s", rivya_generation_get_updated_at (generation));
  if (rivya_generation_get_primary_url (generation) != NULL)
    rivya_cli_print_field ("Result", "%s", rivya_generation_get_primary_url (generation));
  for (guint i = 1; urls != NULL && urls[0] != NULL && urls[i] != NULL; i++)
    rivya_cli_print_field ("Also", "%s", urls[i]);
  if (error_code != NULL)
    rivya_cli_print_field ("Error", "%s (%s)", rivya_generation_get_error_message (generation),
                           error_code);
}

static void
report_status (Follow          *f,
               RivyaGeneration *generation)
{
  const char *status = rivya_generation_get_status_string (generation);

  if (g_strcmp0 (status, f->last_status) == 0)
    return;

  g_printerr ("%s: %s\n", f->task_id, status);
  g_free (f->last_status);
  f->last_status = g_strdup (status);
}

static void
updated_cb (RivyaPoller     *poller,
            RivyaGeneration *generation,
            Follow          *f)
{
  if (g_strcmp0 (rivya_generation_get_id (generation), f->task_id) == 0)
    report_status (f, generation);
}

static void
finished_cb (RivyaPoller     *poller,
             RivyaGeneration *generation,
             Follow          *f)
{
  if (g_strcmp0 (rivya_generation_get_id (generation), f->task_id) != 0)
    return;

  report_status (f, generation);
  g_set_object (&f->final, generation);
  f->done = TRUE;
}

static void
error_cb (RivyaPoller  *poller,
          const char   *task_id,
          const GError *error,
          Follow       *f)
{
  if (g_strcmp0 (task_id, f->task_id) != 0)
    return;

  g_clear_error (&f->error);
  f->error = g_error_copy (error);
  f->done = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Follow *f = user_data;

  f->timed_out = TRUE;
  f->done = TRUE;

  return G_SOURCE_REMOVE;
}

/* Polls with RivyaPoller's cadence (A.5) until the job ends, telling
 * each change of status on stderr. Returns the finished generation,
 * succeeded or failed. */
RivyaGeneration *
rivya_cli_follow (RivyaCli         *cli,
                  RivyaGeneration  *generation,
                  const char       *category,
                  guint             timeout_seconds,
                  GError          **error)
{
  g_autoptr(RivyaPoller) poller = NULL;
  Follow f = { 0 };
  guint timeout_source = 0;

  f.task_id = rivya_generation_get_id (generation);
  report_status (&f, generation);

  if (rivya_generation_is_terminal (generation))
    {
      g_free (f.last_status);
      return g_object_ref (generation);
    }

  poller = rivya_poller_new (cli->client);
  g_signal_connect (poller, "updated", G_CALLBACK (updated_cb), &f);
  g_signal_connect (poller, "finished", G_CALLBACK (finished_cb), &f);
  g_signal_connect (poller, "error", G_CALLBACK (error_cb), &f);
  if (timeout_seconds > 0)
    timeout_source = g_timeout_add_seconds (timeout_seconds, timeout_cb, &f);

  rivya_poller_add (poller, f.task_id, category);
  rivya_cli_run_until (cli, &f.done);

  g_clear_handle_id (&timeout_source, g_source_remove);
  g_signal_handlers_disconnect_by_data (poller, &f);
  rivya_poller_remove (poller, f.task_id);

  if (f.done && f.final != NULL)
    {
      g_free (f.last_status);
      return f.final;
    }

  if (f.error != NULL)
    g_propagate_error (error, f.error);
  else if (f.timed_out)
    g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_FAILED,
                 "gave up waiting after %u s; %s goes on: 'rivya status %s --wait'",
                 timeout_seconds, f.task_id, f.task_id);
  else
    {
      g_printerr ("rivya: stopped waiting; %s goes on: 'rivya status %s --wait'\n",
                  f.task_id, f.task_id);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Interrupted");
    }

  g_free (f.last_status);
  return NULL;
}

/* Prints a finished generation and saves its result: the exit status. */
int
rivya_cli_finish (RivyaCli        *cli,
                  RivyaGeneration *generation,
                  const char      *idempotency_key,
                  const char      *output,
                  gboolean         json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *content_type = NULL;
  const char *url = rivya_generation_get_primary_url (generation);
  goffset size = 0;

  if (json)
    {
      g_autoptr(JsonNode) node = rivya_cli_json_from_generation (generation);

      rivya_cli_print_json (node);
    }
  else
    rivya_cli_print_generation (generation, idempotency_key);

  if (rivya_generation_get_status (generation) == RIVYA_GENERATION_STATUS_FAILED)
    {
      g_set_error (&error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_API,
                   "generation failed: %s (%s, task %s)",
                   rivya_generation_get_error_message (generation)
                     ? rivya_generation_get_error_message (generation) : "no reason given",
                   rivya_generation_get_error_code (generation)
                     ? rivya_generation_get_error_code (generation) : "generation_failed",
                   rivya_generation_get_id (generation));
      return rivya_cli_fail (cli, error);
    }

  if (url == NULL)
    {
      g_set_error (&error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_API,
                   "%s succeeded without a result URL", rivya_generation_get_id (generation));
      return rivya_cli_fail (cli, error);
    }

  if (!rivya_cli_download (cli, url, output, rivya_generation_get_id (generation),
                           &path, &size, &content_type, &error))
    {
      int status = rivya_cli_fail (cli, error);

      g_printerr ("The result stays available: 'rivya status %s -o FILE'\n",
                  rivya_generation_get_id (generation));
      return status;
    }

  if (json)
    g_printerr ("Saved %s (%" G_GOFFSET_FORMAT " bytes, %s)\n", path, size,
                content_type ? content_type : "unknown type");
  else
    rivya_cli_print_field ("Saved", "%s (%" G_GOFFSET_FORMAT " bytes, %s)", path, size,
                           content_type ? content_type : "unknown type");

  return RIVYA_CLI_EXIT_OK;
}
