/* bench-chat-stream.c
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

/* Chat streaming, measured three ways:
 *
 *   ninja -C _build tests/bench/bench-chat-stream
 *   xvfb-run -a -s "-screen 0 1920x1200x24" _build/tests/bench/bench-chat-stream [TURNS]
 *
 * 1. the SSE parser alone: chat.delta events per second, fed in 4 KiB
 *    chunks as the network hands them over, each event's JSON parsed;
 * 2. parser and view: the same events appended to an answer shown by a
 *    mapped RdMarkdownView (set_markdown with the whole text on each
 *    delta, as the Chat page does), the main loop running so that the
 *    view draws once per frame;
 * 3. end to end: TURNS turns (30 by default) against a real rivya-server
 *    started with --chat-word-delay 0 through RivyaChatStream, into an
 *    RdMarkdownView in a window: deltas per second while streaming, and
 *    the latency from each delta signal to the end of the next frame
 *    painted after it (the text is on screen then).
 *
 * The server's data lives in a temporary directory removed at the end. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <rivya.h>

#include "rd-markdown-view.h"
#include "rd-server-supervisor.h"

#define N_PARSER_EVENTS 200000
#define N_VIEW_EVENTS   5000

static const char * const words[] = {
  "Hello", "world,", "this", "is", "**Local", "Chat**", "answering", "with", "`inline code`",
  "and", "a", "few", "more", "words", "to", "read.\n\n", "- a list item\n", "then", "prose",
};

static GString *
build_stream (guint n_events)
{
  GString *out = g_string_new ("event: chat.started\ndata: {\"id\":\"chatcmpl_x\",\"session_id\":"
                               "\"sess_x\",\"model\":\"local-chat\",\"message\":{\"id\":\"msg_x\","
                               "\"role\":\"assistant\"}}\nid: 1\n\n");

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autofree char *quoted = NULL;
      g_autofree char *content = g_strconcat (words[i % G_N_ELEMENTS (words)], " ", NULL);

      json_node_set_string (node, content);
      quoted = json_to_string (node, FALSE);
      g_string_append_printf (out, "id: %u\nevent: chat.delta\ndata: {\"content\":%s}\n\n", i + 2, quoted);
    }
  return out;
}

typedef struct
{
  guint           n_events;
  GString        *text;
  RdMarkdownView *view;
} Sink;

static void
event_cb (const char *event,
          const char *data,
          const char *id,
          gpointer    user_data)
{
  Sink *sink = user_data;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;

  if (g_strcmp0 (event, "chat.delta") != 0)
    return;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, -1, NULL))
    g_error ("bad event");
  object = json_node_get_object (json_parser_get_root (parser));
  sink->n_events++;
  if (sink->text != NULL)
    {
      g_string_append (sink->text, json_object_get_string_member (object, "content"));
      if (sink->view != NULL)
        rd_markdown_view_set_markdown (sink->view, sink->text->str);
    }
}

static void
feed (RivyaSseParser *parser,
      GString        *stream,
      gboolean        iterate)
{
  for (gsize off = 0; off < stream->len; off += 4096)
    {
      g_autoptr(GError) error = NULL;

      if (!rivya_sse_parser_feed (parser, stream->str + off, MIN (4096, stream->len - off), &error))
        g_error ("%s", error->message);
      /* As from the network: the main loop runs between reads. */
      if (iterate)
        while (g_main_context_iteration (NULL, FALSE))
          ;
    }
  rivya_sse_parser_finish (parser);
}

static void
bench_parser (void)
{
  g_autoptr(GString) stream = build_stream (N_PARSER_EVENTS);
  Sink sink = { 0 };
  RivyaSseParser *parser = rivya_sse_parser_new (event_cb, &sink, NULL);
  gint64 start = g_get_monotonic_time ();
  double seconds;

  feed (parser, stream, FALSE);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  rivya_sse_parser_unref (parser);
  g_assert_cmpuint (sink.n_events, ==, N_PARSER_EVENTS);
  printf ("1. parser alone:   %u chat.delta events in %.3f s: %.0f events/s, %.1f MB/s\n",
          sink.n_events, seconds, sink.n_events / seconds, stream->len / seconds / 1e6);
}

static void
bench_parser_view (void)
{
  g_autoptr(GString) stream = build_stream (N_VIEW_EVENTS);
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  RdMarkdownView *view = RD_MARKDOWN_VIEW (rd_markdown_view_new ());
  Sink sink = { 0, text, view };
  RivyaSseParser *parser = rivya_sse_parser_new (event_cb, &sink, NULL);
  gint64 start;
  double seconds;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    g_main_context_iteration (NULL, TRUE);

  start = g_get_monotonic_time ();
  feed (parser, stream, TRUE);
  /* Until the last text is drawn. */
  while (g_strcmp0 (rd_markdown_view_get_markdown (view), text->str) != 0)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  rivya_sse_parser_unref (parser);
  printf ("2. parser + view:  %u events (%zu characters of Markdown) in %.3f s: %.0f events/s\n",
          sink.n_events, text->len, seconds, sink.n_events / seconds);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  RdMarkdownView *view;
  GString        *text;
  GArray         *pending;   /* delta times not yet painted */
  GArray         *latencies;
  guint           n_deltas;
  gint64          first_delta;
  gint64          streaming_usec;
  gboolean        done;
} Turn;

static void
delta_cb (RivyaChatStream *stream,
          const char      *content,
          Turn            *turn)
{
  gint64 now = g_get_monotonic_time ();

  if (turn->first_delta == 0)
    turn->first_delta = now;
  turn->n_deltas++;
  g_array_append_val (turn->pending, now);
  g_string_append (turn->text, content);
  rd_markdown_view_set_markdown (turn->view, turn->text->str);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Turn          *turn)
{
  gint64 now = g_get_monotonic_time ();

  for (guint i = 0; i < turn->pending->len; i++)
    {
      gint64 latency = now - g_array_index (turn->pending, gint64, i);

      g_array_append_val (turn->latencies, latency);
    }
  g_array_set_size (turn->pending, 0);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Turn *turn = user_data;
  g_autoptr(RivyaChatCompletion) completion = NULL;
  g_autoptr(GError) error = NULL;

  completion = rivya_chat_stream_run_finish (RIVYA_CHAT_STREAM (object), result, &error);
  if (completion == NULL)
    g_error ("The turn failed: %s", error->message);
  turn->streaming_usec += g_get_monotonic_time () - turn->first_delta;
  turn->done = TRUE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
bench_end_to_end (guint n_turns)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *server = rd_server_supervisor_find_program (&error);
  g_autofree char *tmp = g_dir_make_tmp ("bench-chat-XXXXXX", &error);
  g_autofree char *script = NULL;
  g_autofree char *body = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *rm = NULL;
  g_autoptr(RdServerSupervisor) supervisor = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *window, *scroller;
  Turn turn = { 0 };
  gint64 streaming_usec = 0;
  guint n_deltas = 0;

  if (server == NULL || tmp == NULL)
    g_error ("%s", error->message);
  script = g_build_filename (tmp, "server.sh", NULL);
  body = g_strdup_printf ("#!/bin/sh\nexec '%s' \"$@\" --chat-word-delay 0\n", server);
  g_file_set_contents_full (script, body, -1, G_FILE_SET_CONTENTS_NONE, 0755, &error);
  g_assert_no_error (error);
  data_dir = g_build_filename (tmp, "data", NULL);
  supervisor = g_object_new (RD_TYPE_SERVER_SUPERVISOR, "program", script, "data-dir", data_dir, NULL);
  rd_server_supervisor_start (supervisor);
  while (rd_server_supervisor_get_state (supervisor) != RD_SERVER_STATE_RUNNING)
    {
      if (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_FAILED)
        g_error ("rivya-server did not start: %s", rd_server_supervisor_get_error_message (supervisor));
      g_main_context_iteration (NULL, TRUE);
    }
  client = rivya_client_new (rd_server_supervisor_get_url (supervisor),
                             rd_server_supervisor_get_api_key (supervisor));
  rivya_client_set_proxy_resolver (client, NULL);

  window = gtk_window_new ();
  scroller = gtk_scrolled_window_new ();
  turn.view = RD_MARKDOWN_VIEW (rd_markdown_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (turn.view));
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (turn.view)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), &turn);

  turn.latencies = latencies;
  turn.pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < n_turns; i++)
    {
      g_autoptr(RivyaChatRequest) request = rivya_chat_request_new ("local-chat", "Hello! What can you do?");
      g_autoptr(RivyaChatStream) stream = NULL;
      g_autofree char *key = g_uuid_string_random ();

      rivya_chat_request_set_idempotency_key (request, key);
      stream = rivya_chat_stream_new (client, request);
      turn.text = g_string_new (NULL);
      turn.first_delta = 0;
      turn.n_deltas = 0;
      turn.streaming_usec = 0;
      turn.done = FALSE;
      g_signal_connect (stream, "delta", G_CALLBACK (delta_cb), &turn);
      rivya_chat_stream_run_async (stream, NULL, run_cb, &turn);
      while (!turn.done || turn.pending->len > 0)
        g_main_context_iteration (NULL, TRUE);
      n_deltas += turn.n_deltas;
      streaming_usec += turn.streaming_usec;
      g_string_free (turn.text, TRUE);
    }

  g_array_sort (latencies, compare_int64);
  printf ("3. end to end:     %u turns, %u deltas from rivya-server (--chat-word-delay 0): "
          "%.0f deltas/s while streaming\n",
          n_turns, n_deltas, n_deltas / (streaming_usec / (double) G_USEC_PER_SEC));
  printf ("   delta signal -> painted frame: median %.1f ms, p95 %.1f ms, max %.1f ms (%u samples)\n",
          g_array_index (latencies, gint64, latencies->len / 2) / 1000.0,
          g_array_index (latencies, gint64, latencies->len * 95 / 100) / 1000.0,
          g_array_index (latencies, gint64, latencies->len - 1) / 1000.0,
          latencies->len);

  g_array_unref (turn.pending);
  gtk_window_destroy (GTK_WINDOW (window));
  rd_server_supervisor_stop (supervisor);
  rm = g_strdup_printf ("rm -rf '%s'", tmp);
  if (system (rm) != 0)
    g_printerr ("Could not remove %s\n", tmp);
}

int
main (int   argc,
      char *argv[])
{
  guint n_turns = argc > 1 ? (guint) atoi (argv[1]) : 30;

  adw_init ();
  printf ("bench-chat-stream: %s\n", "xvfb-run -a -s \"-screen 0 1920x1200x24\" "
          "_build/tests/bench/bench-chat-stream [TURNS]");
  bench_parser ();
  bench_parser_view ();
  bench_end_to_end (MAX (n_turns, 1));
  return 0;
}
