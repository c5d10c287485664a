/* rivya-cli-upload.c
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

#include "rivya-cli-upload.h"

#include <unistd.h>

/* The kind follows from the file's first bytes, as the service finds it
 * (A.6); a file of no known type still gets one, so that librivya's check
 * refuses it with its own words. */
static char *
sniff_kind (GFile       *file,
            RivyaModel  *model,
            GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 head[RIVYA_MEDIA_SNIFF_BYTES];
  const char *kind = NULL;
  gsize len = 0;

  if (!(stream = g_file_read (file, NULL, error)) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &len, NULL, error))
    return NULL;

  kind = rivya_media_kind_for_mime_type (rivya_media_sniff_mime_type (head, len));
  if (kind == NULL && model != NULL && rivya_model_get_reference_media (model) != NULL)
    {
      RivyaReferenceMedia *reference = rivya_model_get_reference_media (model);
      const char * const *kinds = rivya_reference_media_get_kinds (reference);

      if (kinds != NULL)
        kind = kinds[0];
    }

  return g_strdup (kind ? kind : "image");
}

static void
progress_cb (RivyaUpload *upload,
             guint64      bytes_sent,
             gint64       total_bytes)
{
  if (total_bytes > 0)
    g_printerr ("\r%s: %3u%%", rivya_upload_get_filename (upload),
                (guint)(100 * bytes_sent / (guint64)total_bytes));
}

/* Streams @path through the Files API. With @model, librivya checks the
 * model's kinds, types and sizes first, and refuses without sending. */
RivyaFile *
rivya_cli_upload (RivyaCli    *cli,
                  const char  *path,
                  const char  *kind,
                  RivyaModel  *model,
                  GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(RivyaUpload) upload = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sniffed = NULL;
  gboolean show_progress = isatty (STDERR_FILENO);
  RivyaFile *result;

  if (kind == NULL && !(sniffed = sniff_kind (file, model, &local_error)))
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_FAILED,
                   "could not read %s: %s", path, local_error->message);
      return NULL;
    }

  upload = rivya_upload_new_for_file (file, kind ? kind : sniffed);
  if (model != NULL)
    rivya_upload_set_model (upload, model);
  if (show_progress)
    g_signal_connect (upload, "progress", G_CALLBACK (progress_cb), NULL);

  rivya_client_upload_async (cli->client, upload, cli->cancellable, rivya_cli_async_cb, cli);
  result = rivya_client_upload_finish (cli->client, rivya_cli_wait (cli), &local_error);

  if (show_progress && rivya_upload_get_bytes_sent (upload) > 0)
    g_printerr ("\n");

  if (result == NULL)
    {
      /* GIO's own errors are about the local file. */
      if (local_error->domain == G_IO_ERROR &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_FAILED,
                     "could not read %s: %s", path, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return result;
}
