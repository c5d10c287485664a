/* rivya-cli-download.c
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

#include "rivya-cli-download.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <string.h>

#define CHUNK_SIZE     (256 * 1024)
#define MAX_ERROR_BODY (64 * 1024)

static const struct {
  const char *mime_type;
  const char *extension;
} extensions[] = {
  { "image/png", "png" },
  { "image/jpeg", "jpg" },
  { "image/webp", "webp" },
  { "image/gif", "gif" },
  { "video/webm", "webm" },
  { "video/mp4", "mp4" },
  { "video/quicktime", "mov" },
  { "audio/ogg", "ogg" },
  { "audio/opus", "opus" },
  { "audio/wav", "wav" },
  { "audio/x-wav", "wav" },
  { "audio/wave", "wav" },
  { "audio/mpeg", "mp3" },
  { "audio/mp4", "m4a" },
  { "audio/aac", "aac" },
  { "audio/flac", "flac" },
};

/* From the content type, else from the URL's last segment, else .bin. */
static char *
guess_extension (const char *content_type,
                 const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *dot;

  for (guint i = 0; content_type != NULL && i < G_N_ELEMENTS (extensions); i++)
    {
      if (g_ascii_strcasecmp (content_type, extensions[i].mime_type) == 0)
        return g_strdup (extensions[i].extension);
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri != NULL && (dot = strrchr (g_uri_get_path (uri), '.')) != NULL &&
      strchr (dot, '/') == NULL && strlen (dot + 1) > 0 && strlen (dot + 1) <= 5)
    {
      for (const char *p = dot + 1; *p; p++)
        {
          if (!g_ascii_isalnum (*p))
            return g_strdup ("bin");
        }
      return g_ascii_strdown (dot + 1, -1);
    }

  return g_strdup ("bin");
}

static void
set_network_error (GError **error,
                   GError  *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, cause);
  else
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_NETWORK,
                   "could not download the result: %s", cause->message);
      g_error_free (cause);
    }
}

static GError *
error_from_answer (RivyaCli     *cli,
                   SoupMessage  *msg,
                   GInputStream *input)
{
  g_autoptr(GBytes) body = NULL;

  /* Enough of the body for an API error; never the whole of a big one. */
  g_input_stream_read_bytes_async (input, MAX_ERROR_BODY, G_PRIORITY_DEFAULT, cli->cancellable,
                                   rivya_cli_async_cb, cli);
  body = g_input_stream_read_bytes_finish (input, rivya_cli_wait (cli), NULL);

  return rivya_error_new_from_response (soup_message_get_status (msg),
                                        soup_message_get_response_headers (msg), body);
}

static gboolean
copy_to (RivyaCli      *cli,
         GInputStream  *input,
         GOutputStream *output,
         const char    *path,
         goffset        expected,
         goffset       *written,
         GError       **error)
{
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  GError *local_error = NULL;

  *written = 0;

  for (;;)
    {
      gssize n;

      g_input_stream_read_async (input, buffer, CHUNK_SIZE, G_PRIORITY_DEFAULT, cli->cancellable,
                                 rivya_cli_async_cb, cli);
      n = g_input_stream_read_finish (input, rivya_cli_wait (cli), &local_error);
      if (n < 0)
        {
          set_network_error (error, local_error);
          return FALSE;
        }
      if (n == 0)
        break;

      g_output_stream_write_all_async (output, buffer, n, G_PRIORITY_DEFAULT, cli->cancellable,
                                       rivya_cli_async_cb, cli);
      if (!g_output_stream_write_all_finish (output, rivya_cli_wait (cli), NULL, &local_error))
        {
          if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_prefix_error (&local_error, "could not write %s: ", path);
          g_propagate_error (error, local_error);
          return FALSE;
        }
      *written += n;
    }

  if (expected >= 0 && *written != expected)
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_NETWORK,
                   "the download was cut short: %" G_GOFFSET_FORMAT
                   " of %" G_GOFFSET_FORMAT " bytes",
                   *written, expected);
      return FALSE;
    }

  if (!g_output_stream_close (output, NULL, &local_error))
    {
      g_prefix_error (&local_error, "could not write %s: ", path);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Streams @url to @output (a file, or a directory to put it in; the
 * current directory when %NULL, named @stem plus an extension found
 * from the content type). The bytes go to a temporary file beside the
 * target, renamed at the end: the target name never holds a part. */
gboolean
rivya_cli_download (RivyaCli    *cli,
                    const char  *url,
                    const char  *output,
                    const char  *stem,
                    char       **saved_path,
                    goffset     *saved_size,
                    char       **content_type,
                    GError     **error)
{
  SoupSession *session = rivya_client_get_session (cli->client);
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GOutputStream) output_stream = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *tmp_name = NULL;
  SoupMessageHeaders *headers;
  GError *local_error = NULL;
  const char *type;
  goffset expected = -1;
  goffset written = 0;
  int fd;

  if (output == NULL)
    dir = g_strdup (".");
  else if (g_file_test (output, G_FILE_TEST_IS_DIR))
    dir = g_strdup (output);
  else
    {
      dir = g_path_get_dirname (output);
      name = g_path_get_basename (output);
    }

  if (!(msg = soup_message_new ("GET", url)))
    {
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_FAILED,
                   "the result URL '%s' is not valid", url);
      return FALSE;
    }

  /* Result URLs are capabilities (B.8), readable without the key, and
   * may live on another host: the key is not sent. */
  soup_session_send_async (session, msg, G_PRIORITY_DEFAULT, cli->cancellable,
                           rivya_cli_async_cb, cli);
  if (!(input = soup_session_send_finish (session, rivya_cli_wait (cli), &local_error)))
    {
      set_network_error (error, local_error);
      return FALSE;
    }

  headers = soup_message_get_response_headers (msg);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      g_propagate_error (error, error_from_answer (cli, msg, input));
      return FALSE;
    }

  type = soup_message_headers_get_content_type (headers, NULL);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    expected = soup_message_headers_get_content_length (headers);

  if (name == NULL)
    {
      g_autofree char *extension = guess_extension (type, url);

      name = g_strdup_printf ("%s.%s", stem, extension);
    }
  path = g_build_filename (dir, name, NULL);
  tmp_name = g_strdup_printf (".%s.XXXXXX", name);
  tmp_path = g_build_filename (dir, tmp_name, NULL);

  if ((fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_FAILED,
                   "could not create a file in %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  output_stream = g_unix_output_stream_new (fd, TRUE);

  if (!copy_to (cli, input, output_stream, path, expected, &written, error))
    {
      g_unlink (tmp_path);
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp_path);
      g_set_error (error, RIVYA_CLI_ERROR, RIVYA_CLI_ERROR_FAILED,
                   "could not save %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  if (saved_path != NULL)
    *saved_path = g_steal_pointer (&path);
  if (saved_size != NULL)
    *saved_size = written;
  if (content_type != NULL)
    *content_type = g_strdup (type);

  return TRUE;
}
