/* test-faults.c
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/* Servers that misbehave at the HTTP level, below what a SoupServer lets
 * a handler do: they never answer, stall in the middle of a body, cut a
 * body short of its Content-Length, or answer a success in HTML. The
 * client must report each in words and never wait past its timeout. The
 * stand-in is a raw GThreadedSocketService on loopback: its handlers block
 * in their own threads while the client runs on the main loop. */

#include "config.h"

#include <rivya.h>
#include <string.h>

#include "lib-test-utils.h"

typedef enum {
  FAULT_SILENT,        /* reads the request, never answers */
  FAULT_STALL_BODY,    /* headers and half the body, then nothing */
  FAULT_SHORT_BODY,    /* fewer bytes than Content-Length, then closes */
  FAULT_CLOSE,         /* closes without a word */
  FAULT_HTML_SUCCESS,  /* 200 with an HTML body */
  FAULT_SLOW_OK,       /* a valid answer after 300 ms */
} Fault;

typedef struct
{
  GSocketService *service;
  char           *url;
  Fault           fault;
  GMutex          lock;
  GPtrArray      *held;  /* connections kept open on purpose */
} FaultServer;

static const char credits_json[] =
  "{\"current_credits\":42,\"currency\":\"credits\"}";

static void
hold (FaultServer       *self,
      GSocketConnection *connection)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->held, g_object_ref (connection));
  g_mutex_unlock (&self->lock);
}

static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                user_data)
{
  FaultServer *self = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  char request[4096];
  const char *answer = NULL;

  /* The requests in this test are small GETs: one read has them. */
  g_input_stream_read (in, request, sizeof request, NULL, NULL);

  switch (self->fault)
    {
    case FAULT_SILENT:
      break;

    case FAULT_STALL_BODY:
      answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n{\"current_cre";
      break;

    case FAULT_SHORT_BODY:
      answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: req_short\r\n"
               "Content-Length: 64\r\n\r\n{\"current_cre";
      break;

    case FAULT_CLOSE:
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return TRUE;

    case FAULT_HTML_SUCCESS:
      answer = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Request-Id: req_html\r\n"
               "Content-Length: 27\r\n\r\n<html><body>Hi</body></html";
      break;

    case FAULT_SLOW_OK:
      {
        g_autofree char *slow = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                                                 "Content-Type: application/json\r\n"
                                                 "X-Request-Id: req_slow\r\n"
                                                 "Content-Length: %zu\r\n\r\n%s",
                                                 strlen (credits_json), credits_json);

        g_usleep (300 * G_TIME_SPAN_MILLISECOND);
        g_output_stream_write_all (out, slow, strlen (slow), NULL, NULL, NULL);
        hold (self, connection);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }

  if (answer != NULL)
    g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);

  if (self->fault == FAULT_SHORT_BODY || self->fault == FAULT_HTML_SUCCESS)
    g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  else
    hold (self, connection);

  return TRUE;
}

static FaultServer *
fault_server_new (void)
{
  FaultServer *self = g_new0 (FaultServer, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_mutex_init (&self->lock);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->service = g_threaded_socket_service_new (4);
  g_socket_listener_add_address (G_SOCKET_LISTENER (self->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  self->url = g_strdup_printf ("http://127.0.0.1:%u",
                               g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_signal_connect (self->service, "run", G_CALLBACK (run_cb), self);
  g_socket_service_start (self->service);

  return self;
}

static void
fault_server_free (FaultServer *self)
{
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_clear_object (&self->service);
  g_ptr_array_unref (self->held);
  g_mutex_clear (&self->lock);
  g_free (self->url);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FaultServer, fault_server_free)

/* Asks for the balance through a client whose I/O timeout is one second;
 * returns the error and how long it took. */
static GError *
credits_with_fault (Fault   fault,
                    gint64 *elapsed_ms)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  g_autoptr(RivyaClient) client = rivya_client_new (server->url, "rvya_sk_test");
  g_autoptr(RivyaCredits) credits = NULL;
  GAsyncResult *result = NULL;
  GError *error = NULL;
  gint64 start;

  server->fault = fault;
  rivya_client_set_proxy_resolver (client, NULL);
  soup_session_set_timeout (rivya_client_get_session (client), 1);

  start = g_get_monotonic_time ();
  rivya_client_get_credits_async (client, NULL, lib_test_store_result, &result);
  credits = rivya_client_get_credits_finish (client, lib_test_await (&result), &error);
  *elapsed_ms = (g_get_monotonic_time () - start) / 1000;
  g_clear_object (&result);

  if (credits != NULL)
    g_assert_cmpint (rivya_credits_get_current_credits (credits), ==, 42);

  return error;
}

static void
assert_words (const GError *error)
{
  g_test_message ("%s", error->message);
  g_assert_cmpuint (strlen (error->message), >, 15);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* Never the key. */
  g_assert_null (strstr (error->message, "rvya_sk_"));
}

/* A client built with defaults has a finite I/O timeout, so a server that
 * stops answering cannot hang a call for ever. */
static void
test_default_timeout (void)
{
  g_autoptr(RivyaClient) client = rivya_client_new ("http://127.0.0.1:1", NULL);
  guint timeout = soup_session_get_timeout (rivya_client_get_session (client));

  g_assert_cmpuint (timeout, >, 0);
  g_assert_cmpuint (timeout, <=, 120);
}

static void
test_silent (void)
{
  gint64 ms;
  g_autoptr(GError) error = credits_with_fault (FAULT_SILENT, &ms);

  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_TRANSPORT);
  g_assert_true (rivya_error_is_transport (error));
  assert_words (error);
  g_assert_cmpint (ms, >=, 900);
  g_assert_cmpint (ms, <, 3000);
}

static void
test_stall_body (void)
{
  gint64 ms;
  g_autoptr(GError) error = credits_with_fault (FAULT_STALL_BODY, &ms);

  g_assert_nonnull (error);
  g_assert_true (error->domain == RIVYA_ERROR);
  assert_words (error);
  g_assert_cmpint (ms, <, 3000);
}

static void
test_short_body (void)
{
  gint64 ms;
  g_autoptr(GError) error = credits_with_fault (FAULT_SHORT_BODY, &ms);

  g_assert_nonnull (error);
  g_assert_true (error->domain == RIVYA_ERROR);
  assert_words (error);
  g_assert_cmpint (ms, <, 3000);
}

static void
test_close (void)
{
  gint64 ms;
  g_autoptr(GError) error = credits_with_fault (FAULT_CLOSE, &ms);

  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_TRANSPORT);
  assert_words (error);
  g_assert_cmpint (ms, <, 3000);
}

static void
test_html_success (void)
{
  gint64 ms;
  g_autoptr(GError) error = credits_with_fault (FAULT_HTML_SUCCESS, &ms);

  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_PARSE);
  g_assert_cmpstr (rivya_error_get_request_id (error), ==, "req_html");
  assert_words (error);
}

/* Slow is not broken: an answer inside the timeout is a success. */
static void
test_slow_ok (void)
{
  gint64 ms;
  g_autoptr(GError) error = credits_with_fault (FAULT_SLOW_OK, &ms);

  g_assert_no_error (error);
  g_assert_cmpint (ms, >=, 250);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/faults/default-timeout", test_default_timeout);
  g_test_add_func ("/faults/silent", test_silent);
  g_test_add_func ("/faults/stall-body", test_stall_body);
  g_test_add_func ("/faults/short-body", test_short_body);
  g_test_add_func ("/faults/close", test_close);
  g_test_add_func ("/faults/html-success", test_html_success);
  g_test_add_func ("/faults/slow-ok", test_slow_ok);

  return g_test_run ();
}
