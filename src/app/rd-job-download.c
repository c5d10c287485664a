/* rd-job-download.c
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

#include <string.h>

#include <glib/gi18n.h>

#include "rd-job-download.h"

/* Streams a result to <directory>/<basename>.<ext>, the extension from
 * the answer's Content-Type. The bytes go to a temporary name first and
 * are renamed at the end, so that a file with the final name is whole. */

typedef struct
{
  SoupMessage *message;
  GFile *temp;
  GFile *final;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->message);
  g_clear_object (&download->temp);
  g_clear_object (&download->final);
  g_free (download);
}

static char *
extension_for (SoupMessage *message)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);
  const char *slash = type ? strchr (type, '/') : NULL;
  g_autofree char *path = NULL;
  const char *dot;

  if (slash != NULL && slash[1] != '\0' && g_strcmp0 (type, "application/octet-stream") != 0)
    {
      const char *sub = g_str_has_prefix (slash + 1, "x-") ? slash + 3 : slash + 1;

      if (g_strcmp0 (sub, "jpeg") == 0)
        return g_strdup ("jpg");
      if (g_strcmp0 (sub, "mpeg") == 0 && g_str_has_prefix (type, "audio/"))
        return g_strdup ("mp3");
      return g_strndup (sub, strcspn (sub, "+; "));
    }

  path = g_uri_unescape_string (g_uri_get_path (soup_message_get_uri (message)), NULL);
  dot = path ? strrchr (path, '.') : NULL;
  if (dot != NULL && strchr (dot, '/') == NULL && strlen (dot) <= 5)
    return g_strdup (dot + 1);
  return g_strdup ("bin");
}

static void
splice_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0 ||
      !g_file_move (download->temp, download->final, G_FILE_COPY_OVERWRITE,
                    NULL, NULL, NULL, &error))
    {
      g_file_delete (download->temp, NULL, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_file_get_path (download->final), g_free);
}

static void
replace_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileOutputStream) output = g_file_replace_finish (G_FILE (object), result, &error);
  GInputStream *input = g_object_get_data (G_OBJECT (task), "input");

  if (output == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_output_stream_splice_async (G_OUTPUT_STREAM (output), input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_LOW, g_task_get_cancellable (task),
                                splice_cb, g_object_ref (task));
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  g_autofree char *ext = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) dir = NULL;
  const char *basename = g_object_get_data (G_OBJECT (task), "basename");
  const char *directory = g_object_get_data (G_OBJECT (task), "directory");

  if (input == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (download->message)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The server answered %u when downloading the result"),
                               soup_message_get_status (download->message));
      return;
    }

  g_mkdir_with_parents (directory, 0700);
  ext = extension_for (download->message);
  name = g_strdup_printf ("%s.%s", basename, ext);
  dir = g_file_new_for_path (directory);
  download->final = g_file_get_child (dir, name);
  g_free (name);
  name = g_strdup_printf (".%s.%s.part", basename, ext);
  download->temp = g_file_get_child (dir, name);

  g_object_set_data_full (G_OBJECT (task), "input", g_steal_pointer (&input), g_object_unref);
  g_file_replace_async (download->temp, NULL, FALSE, G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                        G_PRIORITY_LOW, g_task_get_cancellable (task), replace_cb, g_object_ref (task));
}

void
rd_job_download_async (GObject             *source_object,
                       SoupSession         *session,
                       const char          *url,
                       const char          *directory,
                       const char          *basename,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source_object, cancellable, callback, user_data);
  Download *download = g_new0 (Download, 1);

  g_task_set_source_tag (task, rd_job_download_async);
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);
  g_object_set_data_full (G_OBJECT (task), "directory", g_strdup (directory), g_free);
  g_object_set_data_full (G_OBJECT (task), "basename", g_strdup (basename), g_free);

  download->message = soup_message_new (SOUP_METHOD_GET, url);
  if (download->message == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The result’s address is not valid: %s"), url);
      return;
    }

  soup_session_send_async (session, download->message, G_PRIORITY_LOW, cancellable,
                           send_cb, g_object_ref (task));
}

char *
rd_job_download_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
