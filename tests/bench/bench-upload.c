/* bench-upload.c
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


/* A large upload through librivya, side by side with curl to the same
 * sink: time, throughput and peak memory. The sink is a SoupServer in a
 * thread of this process that counts and discards the body, so the
 * figures measure the client, not a server's storage. The file is
 * sparse (a WebM header, then zeros), so it costs no disk.
 *
 *   meson compile -C _build tests/bench/bench-upload
 *   _build/tests/bench/bench-upload [--mib 1024]
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <rivya.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  GMainContext *context;
  SoupServer   *server;
  char         *url;
  GMutex        lock;
  GCond         ready;
  guint64       received;
  gboolean      quit;
} Sink;

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              Sink              *sink)
{
  sink->received += g_bytes_get_size (chunk);
}

static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), user_data);
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  Sink *sink = user_data;
  g_autofree char *body = g_strdup_printf ("{\"id\": \"file_bench00000000000000000000\", \"object\": \"file\","
                                           " \"kind\": \"video\", \"name\": \"bench.webm\","
                                           " \"mime_type\": \"video/webm\", \"size_bytes\": %" G_GUINT64_FORMAT ","
                                           " \"url\": \"%s/media/x.webm\", \"duration_seconds\": null,"
                                           " \"duration_token\": null, \"model\": null, \"client_request_id\": null,"
                                           " \"created_at\": \"2026-11-25T00:00:00.000Z\","
                                           " \"expires_at\": \"2026-12-02T00:00:00.000Z\"}",
                                           sink->received, sink->url);

  soup_server_message_set_status (msg, 201, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static gpointer
sink_thread (gpointer data)
{
  Sink *sink = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (sink->context);
  sink->server = soup_server_new (NULL, NULL);
  soup_server_add_early_handler (sink->server, NULL, early_cb, sink, NULL);
  soup_server_add_handler (sink->server, NULL, handler_cb, sink, NULL);
  if (!soup_server_listen_local (sink->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("%s", error->message);
  uris = soup_server_get_uris (sink->server);
  g_mutex_lock (&sink->lock);
  sink->url = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  if (g_str_has_suffix (sink->url, "/"))
    sink->url[strlen (sink->url) - 1] = '\0';
  g_cond_signal (&sink->ready);
  g_mutex_unlock (&sink->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  while (!g_atomic_int_get (&sink->quit))
    g_main_context_iteration (sink->context, TRUE);

  soup_server_disconnect (sink->server);
  g_clear_object (&sink->server);
  g_main_context_pop_thread_default (sink->context);
  return NULL;
}

static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmHWM:")))
    return -1;
  return g_ascii_strtoll (line + 6, NULL, 10);
}

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmRSS:")))
    return -1;
  return g_ascii_strtoll (line + 6, NULL, 10);
}

static void
upload_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(RivyaFile) file = rivya_client_upload_finish (RIVYA_CLIENT (source), result, error);

  if (file == NULL && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no file");
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, 0, "done");
}

int
main (int   argc,
      char *argv[])
{
  int mib = 1024;
  const GOptionEntry entries[] = {
    { "mib", 0, 0, G_OPTION_ARG_INT, &mib, "Size of the upload in MiB (default 1024)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("- a large upload, librivya and curl");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RivyaModel) model = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaUpload) upload = NULL;
  g_autoptr(GFile) gfile = NULL;
  g_autofree char *path = NULL;
  g_autofree char *model_json = NULL;
  static const guint8 webm[] = { 0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7,
                                 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42,
                                 0x82, 0x84, 'w', 'e', 'b', 'm' };
  Sink sink = { 0 };
  GThread *thread;
  GError *done = NULL;
  gint64 size, start, rss_before, peak_before;
  double lib_s, curl_s;
  struct rusage ru;
  int fd, status;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  size = (gint64)mib * 1024 * 1024;

  fd = g_file_open_tmp ("rivya-bench-XXXXXX.webm", &path, &error);
  if (fd < 0 || write (fd, webm, sizeof webm) != sizeof webm || ftruncate (fd, size) != 0)
    g_error ("Could not make the %d MiB file: %s", mib, error ? error->message : g_strerror (errno));
  close (fd);

  sink.context = g_main_context_new ();
  g_mutex_init (&sink.lock);
  g_cond_init (&sink.ready);
  g_mutex_lock (&sink.lock);
  thread = g_thread_new ("sink", sink_thread, &sink);
  while (sink.url == NULL)
    g_cond_wait (&sink.ready, &sink.lock);
  g_mutex_unlock (&sink.lock);

  /* A model whose limits allow the size: the real service has models
   * with larger limits than the API's defaults. */
  model_json = g_strdup_printf ("{\"id\": \"bench-video\", \"display_name\": \"Bench\", \"category\": \"video\","
                                " \"base_credits\": 1, \"reference_media\": {\"kinds\": [\"video\"],"
                                " \"max_files\": 1, \"max_bytes\": {\"video\": %" G_GINT64_FORMAT "},"
                                " \"mime_types\": {\"video\": [\"video/webm\"]}}, \"params\": [],"
                                " \"api_status\": \"available\"}", size + 1);
  if (!json_parser_load_from_data (parser, model_json, -1, &error) ||
      !(model = rivya_model_new_from_json (json_node_get_object (json_parser_get_root (parser)), &error)))
    g_error ("%s", error->message);

  client = rivya_client_new (sink.url, "rvya_sk_0000000000000000000000000000000000000000");
  rivya_client_set_proxy_resolver (client, NULL);
  gfile = g_file_new_for_path (path);
  upload = rivya_upload_new_for_file (gfile, "video");
  rivya_upload_set_model (upload, model);

  printf ("upload of %d MiB to a discarding sink on loopback, %u cores\n", mib, g_get_num_processors ());
  printf ("reproduce: _build/tests/bench/bench-upload --mib %d\n\n", mib);

  rss_before = rss_kib ();
  peak_before = peak_rss_kib ();
  start = g_get_monotonic_time ();
  rivya_client_upload_async (client, upload, NULL, upload_done_cb, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  lib_s = (g_get_monotonic_time () - start) / 1e6;
  if (done->domain != G_IO_ERROR || done->code != 0)
    g_error ("librivya upload failed: %s", done->message);
  g_clear_error (&done);
  printf ("librivya  %7.2f s  %8.1f MiB/s  RSS %6" G_GINT64_FORMAT " KiB before, peak %6" G_GINT64_FORMAT
          " KiB (process peak before: %" G_GINT64_FORMAT " KiB)\n",
          lib_s, mib / lib_s, rss_before, peak_rss_kib (), peak_before);

  {
    g_autofree char *form = g_strdup_printf ("file=@%s;type=video/webm", path);
    g_autofree char *uri = g_strconcat (sink.url, "/api/v1/files", NULL);
    const char *curl_argv[] = { "curl", "-s", "-o", "/dev/null", "--noproxy", "*", "-F", "kind=video",
                                "-F", form, uri, NULL };
    pid_t pid;

    start = g_get_monotonic_time ();
    pid = fork ();
    if (pid == 0)
      {
        execvp ("curl", (char **)curl_argv);
        _exit (127);
      }
    waitpid (pid, &status, 0);
    curl_s = (g_get_monotonic_time () - start) / 1e6;
    getrusage (RUSAGE_CHILDREN, &ru);
    if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
      printf ("curl      not available or failed (status %d)\n", status);
    else
      printf ("curl      %7.2f s  %8.1f MiB/s  peak RSS %6ld KiB\n", curl_s, mib / curl_s, ru.ru_maxrss);
  }

  printf ("\nratio librivya / curl time: %.2f\n", lib_s / curl_s);
  g_unlink (path);

  /* The sink lives on this stack: stop its thread before returning. */
  g_atomic_int_set (&sink.quit, TRUE);
  g_main_context_wakeup (sink.context);
  g_thread_join (thread);
  g_main_context_unref (sink.context);
  g_free (sink.url);
  return 0;
}
