/* test-api-files.c
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

#include <glib/gstdio.h>
#include <gst/gst.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "srv-test-utils.h"

/* The Files API of A.6 and B.7 against the real rivya-server: uploads,
 * content sniffing, limits, capability URLs, auth, ownership and
 * idempotency. One server is shared by the whole program (it takes a
 * moment to start); every test makes its own accounts and compares the
 * data directory before and after instead of assuming it is empty.
 */

#define BOUNDARY          "rivya-test-7c0f3e5a9b"
/* srv-server.c: the largest file (video, 50 MB of 2^20 bytes, as the
 * kinds of srv-route-files.c count) plus 64 KiB of framing */
#define UPLOAD_CEILING    (50 * 1024 * 1024 + 64 * 1024)
#define IMAGE_MAX_BYTES   (10 * 1024 * 1024)
#define FILE_LIFETIME_US  (G_GINT64_CONSTANT (7) * 24 * 3600 * G_USEC_PER_SEC)
#define SETTLE_TIMEOUT_US (10 * G_USEC_PER_SEC)

static const char png_signature[] = "\x89PNG\r\n\x1a\n";

static SrvTestServer *shared_server;
static guint account_serial;

static volatile sig_atomic_t shared_server_pid;

/* A failed assertion aborts the program without any cleanup; the server
 * would live on, holding the test's stderr open, and meson would wait
 * for it until the timeout. Take it down with us instead. */
static void
fatal_signal_cb (int signum)
{
  if (shared_server_pid > 0)
    kill (shared_server_pid, SIGKILL);
  signal (signum, SIG_DFL);
  raise (signum);
}

static const char * const server_args[] = {
  "--rate-limit", "1000000", "--rate-burst", "1000000", NULL
};

/* Started by the first test that needs it, so that it inherits that
 * test's isolated HOME and caches rather than the user's. */
static SrvTestServer *
get_server (void)
{
  if (shared_server == NULL)
    {
      shared_server = srv_test_server_start (server_args);
      shared_server_pid = atoi (g_subprocess_get_identifier (shared_server->process));
    }
  return shared_server;
}

static char *
new_account_key (SrvTestServer *srv,
                 const char    *scopes)
{
  g_autofree char *name = g_strdup_printf ("files-test-%u", ++account_serial);

  return srv_test_new_account_key (srv, name, 0, scopes);
}

/* Form building: a fixed boundary, so that the same form gives the same
 * bytes (idempotency compares raw bodies). */

typedef struct
{
  const char *kind;
  const char *model;
  const char *client_request_id;
  const char *filename;   /* NULL: the part has no filename parameter */
  const char *part_type;  /* the file part's Content-Type */
  GBytes     *data;       /* NULL: no file part */
} Form;

static void
append_field (GByteArray *out,
              const char *name,
              const char *value)
{
  g_autofree char *part = g_strdup_printf ("--" BOUNDARY "\r\n"
                                           "Content-Disposition: form-data; name=\"%s\"\r\n"
                                           "\r\n"
                                           "%s\r\n",
                                           name, value);

  g_byte_array_append (out, (const guint8 *)part, strlen (part));
}

static GBytes *
build_form (const Form *form)
{
  GByteArray *out = g_byte_array_new ();

  if (form->kind != NULL)
    append_field (out, "kind", form->kind);
  if (form->model != NULL)
    append_field (out, "model", form->model);
  if (form->client_request_id != NULL)
    append_field (out, "client_request_id", form->client_request_id);

  if (form->data != NULL)
    {
      g_autofree char *head = NULL;
      g_autofree char *filename = NULL;
      gsize len;
      const guint8 *data = g_bytes_get_data (form->data, &len);

      if (form->filename != NULL)
        filename = g_strdup_printf ("; filename=\"%s\"", form->filename);
      head = g_strdup_printf ("--" BOUNDARY "\r\n"
                              "Content-Disposition: form-data; name=\"file\"%s\r\n"
                              "Content-Type: %s\r\n"
                              "\r\n",
                              filename ? filename : "",
                              form->part_type ? form->part_type : "application/octet-stream");
      g_byte_array_append (out, (const guint8 *)head, strlen (head));
      if (len > 0)
        g_byte_array_append (out, data, len);
      g_byte_array_append (out, (const guint8 *)"\r\n", 2);
    }

  g_byte_array_append (out, (const guint8 *)"--" BOUNDARY "--\r\n", strlen ("--" BOUNDARY "--\r\n"));
  return g_byte_array_free_to_bytes (out);
}

static SrvTestResponse *
post_files (SrvTestServer *srv,
            const char    *key,
            const char    *content_type,
            GBytes        *body,
            const char    *idempotency_key)
{
  g_autofree char *uri = g_strconcat (srv->url, "/api/v1/files", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  if (key != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", idempotency_key);
  soup_message_set_request_body_from_bytes (msg, content_type, body);
  return srv_test_send (srv, msg);
}

static SrvTestResponse *
upload_form (SrvTestServer *srv,
             const char    *key,
             const Form    *form,
             const char    *idempotency_key)
{
  g_autoptr(GBytes) body = build_form (form);

  return post_files (srv, key, "multipart/form-data; boundary=" BOUNDARY, body, idempotency_key);
}

static SrvTestResponse *
get_file (SrvTestServer *srv,
          const char    *key,
          const char    *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/files/", id, NULL);

  return srv_test_call (srv, "GET", path, key, NULL, NULL);
}

/* Test media */

static GBytes *
make_padded_png (gsize size)
{
  guint8 *data = g_malloc0 (size);

  /* The sniffer looks at the signature only: the rest can be anything,
   * which makes large images cheap. */
  memcpy (data, png_signature, 8);
  return g_bytes_new_take (data, size);
}

static GBytes *
make_text (void)
{
  static const char text[] = "This is plain text, not a picture at all.\n";

  return g_bytes_new_static (text, strlen (text));
}

/* Runs a GStreamer pipeline that ends in a filesink and returns what it
 * wrote, so the test media are real files of a known duration. */
static GBytes *
make_media (const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rivya-files-media-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *launch = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) msg = NULL;
  gsize len = 0;

  g_assert_no_error (error);
  path = g_build_filename (dir, "media", NULL);
  launch = g_strdup_printf ("%s ! filesink location=\"%s\"", description, path);
  pipeline = gst_parse_launch (launch, &error);
  g_assert_no_error (error);
  gst_object_ref_sink (pipeline);

  bus = gst_element_get_bus (pipeline);
  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  msg = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  if (GST_MESSAGE_TYPE (msg) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;

      gst_message_parse_error (msg, &gst_error, NULL);
      g_error ("The pipeline “%s” failed: %s", description, gst_error->message);
    }
  gst_element_set_state (pipeline, GST_STATE_NULL);

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 0);
  g_unlink (path);
  g_rmdir (dir);

  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

/* 1.5 s of 8 kHz mono: 15 buffers of 800 samples */
static GBytes *
make_wav (void)
{
  return make_media ("audiotestsrc num-buffers=15 samplesperbuffer=800 "
                     "! audio/x-raw,format=S16LE,rate=8000,channels=1 ! wavenc");
}

/* 2.0 s of Vorbis in Ogg */
static GBytes *
make_ogg (void)
{
  return make_media ("audiotestsrc num-buffers=20 samplesperbuffer=4410 "
                     "! audio/x-raw,rate=44100,channels=1 ! audioconvert ! vorbisenc ! oggmux");
}

/* 1.0 s of VP8 in WebM: 10 frames at 10 fps */
static GBytes *
make_webm (void)
{
  return make_media ("videotestsrc num-buffers=10 "
                     "! video/x-raw,width=64,height=48,framerate=10/1 ! vp8enc deadline=1 ! webmmux");
}

/* Data directory helpers */

static GStrv
list_dir (SrvTestServer *srv,
          const char    *sub)
{
  g_autofree char *path = g_build_filename (srv->data_dir, sub, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_add (names, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static gboolean
strv_same_set (const char * const *a,
               const char * const *b)
{
  if (g_strv_length ((GStrv)a) != g_strv_length ((GStrv)b))
    return FALSE;
  for (guint i = 0; a[i] != NULL; i++)
    {
      if (!g_strv_contains (b, a[i]))
        return FALSE;
    }
  return TRUE;
}

/* The server removes a temporary upload when the request is finalized,
 * which may be a moment after the client has read the answer: wait for
 * the directory to come back to the expected state, or fail. */
static void
assert_dir_settles (SrvTestServer      *srv,
                    const char         *sub,
                    const char * const *expected)
{
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_US;

  for (;;)
    {
      g_auto(GStrv) now = list_dir (srv, sub);

      if (strv_same_set ((const char * const *)now, expected))
        return;
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *got = g_strjoinv (" ", now);
          g_autofree char *want = g_strjoinv (" ", (GStrv)expected);

          g_error ("%s/ holds [%s], expected [%s]", sub, got, want);
        }
      g_usleep (20 * 1000);
    }
}

typedef struct
{
  GStrv tmp;
  GStrv files;
} DirSnapshot;

static void
snapshot_take (SrvTestServer *srv,
               DirSnapshot   *snap)
{
  snap->tmp = list_dir (srv, "tmp");
  snap->files = list_dir (srv, "files");
}

static void
snapshot_assert_unchanged (SrvTestServer *srv,
                           DirSnapshot   *snap)
{
  assert_dir_settles (srv, "tmp", (const char * const *)snap->tmp);
  assert_dir_settles (srv, "files", (const char * const *)snap->files);
  g_clear_pointer (&snap->tmp, g_strfreev);
  g_clear_pointer (&snap->files, g_strfreev);
}

/* A raw HTTP/1.1 client for what SoupSession will not send: unnormalized
 * paths, Expect: 100-continue without a body, a body cut short. */

static GSocketConnection *
raw_connect (SrvTestServer *srv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (srv->url, G_URI_FLAGS_NONE, &error);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  GSocketConnection *conn;

  g_assert_no_error (error);
  /* Loopback only: no proxy lookup (it would need GSettings). */
  g_socket_client_set_enable_proxy (client, FALSE);
  conn = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri),
                                          NULL, &error);
  g_assert_no_error (error);
  /* A server that waits for more than it should fails the test instead
   * of hanging it. */
  g_socket_set_timeout (g_socket_connection_get_socket (conn), 10);
  return conn;
}

static void
raw_send (GSocketConnection *conn,
          gconstpointer      data,
          gsize              len)
{
  g_autoptr(GError) error = NULL;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (conn));

  g_output_stream_write_all (out, data, len, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
response_parse_json (SrvTestResponse *resp)
{
  const char *ct = soup_message_headers_get_content_type (resp->headers, NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  if (g_strcmp0 (ct, "application/json") != 0)
    return;
  parser = json_parser_new ();
  data = g_bytes_get_data (resp->body, &len);
  json_parser_load_from_data (parser, data, len, &error);
  g_assert_no_error (error);
  resp->json = json_node_ref (json_parser_get_root (parser));
}

static SrvTestResponse *
raw_read_response (GSocketConnection *conn)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (conn));
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  SrvTestResponse *resp = g_new0 (SrvTestResponse, 1);
  const guint8 *end = NULL;
  gsize head_len, body_len = 0;
  goffset content_length = -1;
  guint8 chunk[8192];
  SoupHTTPVersion version;
  g_autofree char *reason = NULL;

  while (end == NULL)
    {
      gssize n = g_input_stream_read (in, chunk, sizeof chunk, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_byte_array_append (buf, chunk, n);
      end = (const guint8 *)g_strstr_len ((const char *)buf->data, buf->len, "\r\n\r\n");
    }
  head_len = end - buf->data;

  resp->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_assert_true (soup_headers_parse_response ((const char *)buf->data, head_len + 4, resp->headers,
                                              &version, &resp->status, &reason));

  /* Informational answers have no body. */
  if (resp->status >= 200 &&
      soup_message_headers_get_encoding (resp->headers) == SOUP_ENCODING_CONTENT_LENGTH)
    content_length = soup_message_headers_get_content_length (resp->headers);
  if (content_length > 0)
    {
      body_len = buf->len - head_len - 4;
      while (body_len < (gsize)content_length)
        {
          gssize n = g_input_stream_read (in, chunk, MIN (sizeof chunk, content_length - body_len),
                                          NULL, &error);

          g_assert_no_error (error);
          g_assert_cmpint (n, >, 0);
          g_byte_array_append (buf, chunk, n);
          body_len += n;
        }
    }

  resp->body = g_bytes_new (buf->data + head_len + 4, body_len);
  response_parse_json (resp);
  return resp;
}

static SrvTestResponse *
raw_get (SrvTestServer *srv,
         const char    *path,
         const char    *key)
{
  g_autoptr(GSocketConnection) conn = raw_connect (srv);
  g_autoptr(GString) req = g_string_new (NULL);

  g_string_append_printf (req, "GET %s HTTP/1.1\r\nHost: test\r\nConnection: close\r\n", path);
  if (key != NULL)
    g_string_append_printf (req, "Authorization: Bearer %s\r\n", key);
  g_string_append (req, "\r\n");
  raw_send (conn, req->str, req->len);
  return raw_read_response (conn);
}

/* Checks */

static gboolean
is_base62 (const char *s,
           gsize       len)
{
  if (strlen (s) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (s[i]))
        return FALSE;
    }
  return TRUE;
}

static void
assert_request_id (SrvTestResponse *resp)
{
  const char *id = soup_message_headers_get_one (resp->headers, "X-Request-Id");

  g_assert_nonnull (id);
  g_assert_true (g_str_has_prefix (id, "req_"));
  g_assert_true (is_base62 (id + 4, 24));
}

static void
assert_validation (SrvTestResponse *resp,
                   const char      *param)
{
  srv_assert_error (resp, 400, "validation_failed");
  g_assert_cmpstr (srv_test_error_param (resp), ==, param);
}

static GDateTime *
parse_time (JsonObject *obj,
            const char *member)
{
  const char *text = json_object_get_string_member (obj, member);
  GDateTime *dt;

  g_assert_nonnull (text);
  /* A.1: ISO-8601 UTC with milliseconds */
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$",
                                       text, 0, 0));
  dt = g_date_time_new_from_iso8601 (text, NULL);
  g_assert_nonnull (dt);
  return dt;
}

static const char * const file_members[] = {
  "id", "object", "kind", "name", "mime_type", "size_bytes", "url", "duration_seconds",
  "duration_token", "model", "client_request_id", "created_at", "expires_at", NULL
};

static void
assert_string_or_null (JsonObject *obj,
                       const char *member,
                       const char *expected)
{
  g_assert_true (json_object_has_member (obj, member));
  if (expected == NULL)
    g_assert_true (json_object_get_null_member (obj, member));
  else
    g_assert_cmpstr (json_object_get_string_member (obj, member), ==, expected);
}

/* The file object of B.7, field by field. duration < 0: null. */
static void
assert_file_object (SrvTestServer *srv,
                    JsonObject    *obj,
                    const char    *kind,
                    const char    *name,
                    const char    *mime_type,
                    gsize          size,
                    const char    *extension,
                    const char    *model,
                    const char    *client_request_id,
                    double         duration,
                    double         tolerance)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *url_prefix = g_strconcat (srv->url, "/media/", NULL);
  g_autofree char *url_suffix = g_strconcat (".", extension, NULL);
  g_autofree char *token = NULL;
  const char *id = json_object_get_string_member (obj, "id");
  const char *url = json_object_get_string_member (obj, "url");

  for (guint i = 0; file_members[i] != NULL; i++)
    {
      if (!json_object_has_member (obj, file_members[i]))
        g_error ("The file object has no “%s”", file_members[i]);
    }
  g_assert_cmpuint (json_object_get_size (obj), ==, g_strv_length ((GStrv)file_members));

  g_assert_true (g_str_has_prefix (id, "file_"));
  g_assert_true (is_base62 (id + 5, 24));
  g_assert_cmpstr (json_object_get_string_member (obj, "object"), ==, "file");
  g_assert_cmpstr (json_object_get_string_member (obj, "kind"), ==, kind);
  g_assert_cmpstr (json_object_get_string_member (obj, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (obj, "mime_type"), ==, mime_type);
  g_assert_cmpint (json_object_get_int_member (obj, "size_bytes"), ==, (gint64)size);

  /* An unguessable capability: 32 base62 characters, not the file id */
  g_assert_true (g_str_has_prefix (url, url_prefix));
  g_assert_true (g_str_has_suffix (url, url_suffix));
  token = g_strndup (url + strlen (url_prefix), strlen (url) - strlen (url_prefix) - strlen (url_suffix));
  g_assert_true (is_base62 (token, 32));
  g_assert_null (strstr (url, id + 5));

  if (duration < 0)
    {
      g_assert_true (json_object_get_null_member (obj, "duration_seconds"));
      g_assert_true (json_object_get_null_member (obj, "duration_token"));
    }
  else
    {
      const char *duration_token = json_object_get_string_member (obj, "duration_token");

      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (obj, "duration_seconds"),
                                      duration, tolerance);
      g_assert_nonnull (duration_token);
      /* HMAC-SHA256, hex */
      g_assert_true (g_regex_match_simple ("^[0-9a-f]{64}$", duration_token, 0, 0));
    }

  assert_string_or_null (obj, "model", model);
  assert_string_or_null (obj, "client_request_id", client_request_id);

  created = parse_time (obj, "created_at");
  expires = parse_time (obj, "expires_at");
  g_assert_cmpint (g_date_time_difference (expires, created), ==, FILE_LIFETIME_US);
  g_assert_cmpint (ABS (g_date_time_difference (now, created)), <, 120 * G_USEC_PER_SEC);
}

static void
assert_same_json (JsonNode *a,
                  JsonNode *b)
{
  if (!json_node_equal (a, b))
    {
      g_autofree char *sa = json_to_string (a, FALSE);
      g_autofree char *sb = json_to_string (b, FALSE);

      g_error ("The objects differ:\n%s\n%s", sa, sb);
    }
}

static void
assert_bytes_equal (GBytes *got,
                    GBytes *expected)
{
  g_assert_cmpmem (g_bytes_get_data (got, NULL), g_bytes_get_size (got),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static JsonObject *
upload_ok (SrvTestServer *srv,
           const char    *key,
           const char    *kind,
           const char    *filename,
           GBytes        *data)
{
  g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, key, kind, NULL, filename, data);

  srv_assert_status (resp, 201);
  return json_object_ref (srv_test_response_object (resp));
}

/* Tests */

static void
test_upload_png (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(SrvTestResponse) resp = NULL;
  g_autoptr(SrvTestResponse) got = NULL;
  g_autofree char *stored_name = NULL;
  g_autofree char *stored_path = NULL;
  g_autofree char *stored = NULL;
  gsize stored_len;
  JsonObject *obj;
  Form form = {
    .kind = "image",
    .client_request_id = "trace-42",
    .filename = "holiday/pictures/beach.png",
    .part_type = "image/png",
    .data = png,
  };

  resp = upload_form (srv, srv->key, &form, NULL);
  srv_assert_status (resp, 201);
  assert_request_id (resp);
  g_assert_cmpstr (soup_message_headers_get_content_type (resp->headers, NULL), ==, "application/json");
  obj = srv_test_response_object (resp);
  /* The client's base name only: no directories. */
  assert_file_object (srv, obj, "image", "beach.png", "image/png", g_bytes_get_size (png), "png",
                      NULL, "trace-42", -1, 0);

  /* The same metadata on the read route */
  got = get_file (srv, srv->key, json_object_get_string_member (obj, "id"));
  srv_assert_status (got, 200);
  assert_request_id (got);
  assert_same_json (got->json, resp->json);

  /* Stored under the id, whatever the client called it */
  stored_name = g_strconcat (json_object_get_string_member (obj, "id"), ".png", NULL);
  stored_path = g_build_filename (srv->data_dir, "files", stored_name, NULL);
  g_assert_true (g_file_get_contents (stored_path, &stored, &stored_len, NULL));
  g_assert_cmpmem (stored, stored_len, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
}

static void
test_upload_name_cleaned (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (8, 8);
  g_autoptr(JsonObject) traversal = upload_ok (srv, srv->key, "image", "../../etc/passwd.png", png);
  g_autoptr(JsonObject) dotdot = upload_ok (srv, srv->key, "image", "..", png);
  g_autoptr(JsonObject) control = upload_ok (srv, srv->key, "image", "a\tb.png", png);

  g_assert_cmpstr (json_object_get_string_member (traversal, "name"), ==, "passwd.png");
  /* Nothing usable: a name from the sniffed type */
  g_assert_cmpstr (json_object_get_string_member (dotdot, "name"), ==, "upload.png");
  g_assert_cmpstr (json_object_get_string_member (control, "name"), ==, "a_b.png");

  {
    Form form = { .kind = "image", .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    srv_assert_status (resp, 201);
    g_assert_cmpstr (json_object_get_string_member (srv_test_response_object (resp), "name"), ==,
                     "upload.png");
  }
  {
    /* At most 255 characters */
    g_autofree char *stem = g_strnfill (300, 'n');
    g_autofree char *long_name = g_strconcat (stem, ".png", NULL);
    g_autofree char *cut = g_strnfill (255, 'n');
    Form form = { .kind = "image", .filename = long_name, .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    srv_assert_status (resp, 201);
    g_assert_cmpstr (json_object_get_string_member (srv_test_response_object (resp), "name"), ==, cut);
  }
}

static void
test_media_get (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  g_autoptr(SrvTestResponse) resp = NULL;
  g_autofree char *length = g_strdup_printf ("%" G_GSIZE_FORMAT, g_bytes_get_size (png));

  /* Capability URL: no key */
  resp = srv_test_get_url (srv, json_object_get_string_member (file, "url"), NULL);
  srv_assert_status (resp, 200);
  assert_request_id (resp);
  g_assert_cmpstr (soup_message_headers_get_content_type (resp->headers, NULL), ==, "image/png");
  g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "Content-Length"), ==, length);
  g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "Accept-Ranges"), ==, "bytes");
  assert_bytes_equal (resp->body, png);
}

static void
test_media_head (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  g_autoptr(SoupMessage) msg = soup_message_new ("HEAD", json_object_get_string_member (file, "url"));
  g_autoptr(SrvTestResponse) resp = srv_test_send (srv, msg);

  srv_assert_status (resp, 200);
  assert_request_id (resp);
  g_assert_cmpstr (soup_message_headers_get_content_type (resp->headers, NULL), ==, "image/png");
  g_assert_cmpint (soup_message_headers_get_content_length (resp->headers), ==, g_bytes_get_size (png));
  g_assert_cmpuint (g_bytes_get_size (resp->body), ==, 0);
}

static void
assert_partial (SrvTestResponse *resp,
                GBytes          *whole,
                gsize            start,
                gsize            end)
{
  g_autofree char *range = g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "/%" G_GSIZE_FORMAT,
                                            start, end, g_bytes_get_size (whole));
  g_autofree char *length = g_strdup_printf ("%" G_GSIZE_FORMAT, end - start + 1);

  srv_assert_status (resp, 206);
  g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "Content-Range"), ==, range);
  g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "Content-Length"), ==, length);
  g_assert_cmpstr (soup_message_headers_get_content_type (resp->headers, NULL), ==, "image/png");
  g_assert_cmpmem (g_bytes_get_data (resp->body, NULL), g_bytes_get_size (resp->body),
                   (const guint8 *)g_bytes_get_data (whole, NULL) + start, end - start + 1);
}

static void
test_media_range (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  const char *url = json_object_get_string_member (file, "url");
  gsize size = g_bytes_get_size (png);
  g_autofree char *open_end = g_strdup_printf ("bytes=%" G_GSIZE_FORMAT "-", size - 7);

  g_assert_cmpuint (size, >, 40);

  {
    g_autoptr(SrvTestResponse) resp = srv_test_get_url (srv, url, "bytes=10-19");
    assert_partial (resp, png, 10, 19);
    assert_request_id (resp);
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_get_url (srv, url, "bytes=-5");
    assert_partial (resp, png, size - 5, size - 1);
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_get_url (srv, url, open_end);
    assert_partial (resp, png, size - 7, size - 1);
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_get_url (srv, url, "bytes=0-0");
    assert_partial (resp, png, 0, 0);
  }
}

/* RFC 9110 14.1.2: a last position past the end means the end. */
static void
test_media_range_past_end (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  gsize size = g_bytes_get_size (png);
  g_autofree char *range = g_strdup_printf ("bytes=%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                                            size - 10, size + 100);
  g_autoptr(SrvTestResponse) resp = srv_test_get_url (srv, json_object_get_string_member (file, "url"),
                                                      range);

  assert_partial (resp, png, size - 10, size - 1);
}

static void
test_media_range_unsatisfiable (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  const char *url = json_object_get_string_member (file, "url");
  gsize size = g_bytes_get_size (png);
  g_autofree char *star = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, size);
  g_autofree char *at_end = g_strdup_printf ("bytes=%" G_GSIZE_FORMAT "-", size);
  g_autofree char *beyond = g_strdup_printf ("bytes=%" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT,
                                             size + 100, size + 200);
  const char *ranges[] = { at_end, beyond, "bytes=9-3" };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autoptr(SrvTestResponse) resp = srv_test_get_url (srv, url, ranges[i]);

      g_test_message ("Range: %s", ranges[i]);
      srv_assert_status (resp, 416);
      assert_request_id (resp);
      g_assert_cmpstr (soup_message_headers_get_one (resp->headers, "Content-Range"), ==, star);
    }
}

/* RFC 9110 14.2: a Range in a unit the server does not know is ignored. */
static void
test_media_range_unknown_unit (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  g_autoptr(SrvTestResponse) resp = srv_test_get_url (srv, json_object_get_string_member (file, "url"),
                                                      "items=0-1");

  srv_assert_status (resp, 200);
  assert_bytes_equal (resp->body, png);
}

static void
test_media_guessed (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  const char *url = json_object_get_string_member (file, "url");
  const char *token = strstr (url, "/media/") + strlen ("/media/");
  g_autofree char *random_token = g_strconcat ("/media/0123456789abcdefABCDEF0123456789", ".png", NULL);
  g_autofree char *by_id = g_strconcat ("/media/", json_object_get_string_member (file, "id"), ".png", NULL);
  g_autofree char *short_token = g_strdup_printf ("/media/%.31s.png", token);
  g_autofree char *long_token = g_strdup_printf ("/media/%.32sA.png", token);
  g_autofree char *traversal = g_strdup_printf ("/media/%.32s/../../rivya.db", token);
  const char *paths[] = {
    random_token, by_id, short_token, long_token, traversal,
    "/media/", "/media/rivya.db", "/media/../rivya.db", "/media/%2e%2e/rivya.db",
    "/media/local-api-key",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SrvTestResponse) resp = raw_get (srv, paths[i], NULL);

      g_test_message ("GET %s", paths[i]);
      srv_assert_error (resp, 404, "not_found");
    }
}

static void
test_sniff_name_ignored (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (32, 32);
  g_autoptr(SrvTestResponse) resp = NULL;
  g_autoptr(SrvTestResponse) media = NULL;
  JsonObject *obj;
  Form form = {
    .kind = "image",
    .filename = "x.jpg",
    .part_type = "image/jpeg",
    .data = png,
  };

  resp = upload_form (srv, srv->key, &form, NULL);
  srv_assert_status (resp, 201);
  obj = srv_test_response_object (resp);
  assert_file_object (srv, obj, "image", "x.jpg", "image/png", g_bytes_get_size (png), "png",
                      NULL, NULL, -1, 0);

  media = srv_test_get_url (srv, json_object_get_string_member (obj, "url"), NULL);
  srv_assert_status (media, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (media->headers, NULL), ==, "image/png");
}

static void
test_sniff_rejects (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (32, 32);
  g_autoptr(GBytes) text = make_text ();
  g_autoptr(GBytes) wav = make_wav ();
  DirSnapshot snap;

  snapshot_take (srv, &snap);

  {
    /* Text in a PNG's clothes */
    Form form = { .kind = "image", .filename = "a.png", .part_type = "image/png", .data = text };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    assert_validation (resp, "file");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "audio", NULL, "a.png", png);

    assert_validation (resp, "kind");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "image", NULL, "a.wav", wav);

    assert_validation (resp, "kind");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "video", NULL, "a.png", png);

    assert_validation (resp, "kind");
  }

  snapshot_assert_unchanged (srv, &snap);
}

static void
test_upload_wav (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) wav = make_wav ();
  g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "audio", NULL, "tone.wav", wav);
  g_autoptr(SrvTestResponse) got = NULL;
  g_autoptr(SrvTestResponse) media = NULL;
  JsonObject *obj;

  srv_assert_status (resp, 201);
  obj = srv_test_response_object (resp);
  assert_file_object (srv, obj, "audio", "tone.wav", "audio/wav", g_bytes_get_size (wav), "wav",
                      NULL, NULL, 1.5, 0.05);

  /* The token is stable: the read route gives the same object */
  got = get_file (srv, srv->key, json_object_get_string_member (obj, "id"));
  srv_assert_status (got, 200);
  assert_same_json (got->json, resp->json);

  media = srv_test_get_url (srv, json_object_get_string_member (obj, "url"), NULL);
  srv_assert_status (media, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (media->headers, NULL), ==, "audio/wav");
  assert_bytes_equal (media->body, wav);
}

static void
test_upload_ogg (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) ogg = make_ogg ();
  g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "audio", NULL, "tone.ogg", ogg);
  JsonObject *obj;

  srv_assert_status (resp, 201);
  obj = srv_test_response_object (resp);
  assert_file_object (srv, obj, "audio", "tone.ogg", "audio/ogg", g_bytes_get_size (ogg), "ogg",
                      NULL, NULL, 2.0, 0.1);
}

static void
test_upload_webm (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) webm = make_webm ();
  g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "video", NULL, "clip.webm", webm);
  g_autoptr(SrvTestResponse) as_audio = NULL;
  JsonObject *obj;

  srv_assert_status (resp, 201);
  obj = srv_test_response_object (resp);
  assert_file_object (srv, obj, "video", "clip.webm", "video/webm", g_bytes_get_size (webm), "webm",
                      NULL, NULL, 1.0, 0.15);

  as_audio = srv_test_upload (srv, srv->key, "audio", NULL, "clip.webm", webm);
  assert_validation (as_audio, "kind");
}

static void
test_validation_fields (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autofree char *long_id = g_strnfill (129, 'x');
  g_autofree char *max_id = g_strnfill (128, 'y');
  DirSnapshot snap;

  snapshot_take (srv, &snap);

  {
    Form form = { .filename = "a.png", .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    assert_validation (resp, "kind");
  }
  {
    Form form = { .kind = "document", .filename = "a.png", .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    assert_validation (resp, "kind");
  }
  {
    Form form = { .kind = "Image", .filename = "a.png", .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    assert_validation (resp, "kind");
  }
  {
    Form form = { .kind = "image" };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    assert_validation (resp, "file");
  }
  {
    Form form = { .kind = "image", .filename = "empty.png", .data = empty };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    assert_validation (resp, "file");
  }
  {
    Form form = { .kind = "image", .client_request_id = long_id, .filename = "a.png", .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    assert_validation (resp, "client_request_id");
  }

  snapshot_assert_unchanged (srv, &snap);

  {
    /* 128 is still fine */
    Form form = { .kind = "image", .client_request_id = max_id, .filename = "a.png", .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, NULL);

    srv_assert_status (resp, 201);
    g_assert_cmpstr (json_object_get_string_member (srv_test_response_object (resp), "client_request_id"),
                     ==, max_id);
  }
}

static void
test_validation_two_files (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SrvTestResponse) resp = NULL;
  DirSnapshot snap;
  const char *part = "--" BOUNDARY "\r\n"
                     "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                     "\r\n";

  snapshot_take (srv, &snap);

  append_field (body, "kind", "image");
  for (guint i = 0; i < 2; i++)
    {
      g_byte_array_append (body, (const guint8 *)part, strlen (part));
      g_byte_array_append (body, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
      g_byte_array_append (body, (const guint8 *)"\r\n", 2);
    }
  g_byte_array_append (body, (const guint8 *)"--" BOUNDARY "--\r\n", strlen ("--" BOUNDARY "--\r\n"));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&body));

  resp = post_files (srv, srv->key, "multipart/form-data; boundary=" BOUNDARY, bytes, NULL);
  assert_validation (resp, "file");
  snapshot_assert_unchanged (srv, &snap);
}

/* Form fields may come in any order, the file first too. */
static void
test_validation_field_order (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autoptr(GByteArray) body = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SrvTestResponse) resp = NULL;
  const char *part = "--" BOUNDARY "\r\n"
                     "Content-Disposition: form-data; name=\"file\"; filename=\"first.png\"\r\n"
                     "\r\n";

  g_byte_array_append (body, (const guint8 *)part, strlen (part));
  g_byte_array_append (body, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_byte_array_append (body, (const guint8 *)"\r\n", 2);
  append_field (body, "client_request_id", "late-fields");
  append_field (body, "kind", "image");
  g_byte_array_append (body, (const guint8 *)"--" BOUNDARY "--\r\n", strlen ("--" BOUNDARY "--\r\n"));
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&body));

  resp = post_files (srv, srv->key, "multipart/form-data; boundary=" BOUNDARY, bytes, NULL);
  srv_assert_status (resp, 201);
  assert_file_object (srv, srv_test_response_object (resp), "image", "first.png", "image/png",
                      g_bytes_get_size (png), "png", NULL, "late-fields", -1, 0);
}

static void
test_content_type (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  Form form = { .kind = "image", .filename = "a.png", .data = png };
  g_autoptr(GBytes) body = build_form (&form);
  const char *types[] = {
    "application/json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/mixed; boundary=" BOUNDARY,
    "multipart/form-data",
    "image/png",
  };
  DirSnapshot snap;

  snapshot_take (srv, &snap);

  {
    g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "POST", "/api/v1/files", srv->key,
                                                     "{\"kind\": \"image\"}", NULL);

    srv_assert_error (resp, 415, "unsupported_media_type");
  }

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(SrvTestResponse) resp = post_files (srv, srv->key, types[i], body, NULL);

      g_test_message ("Content-Type: %s", types[i]);
      srv_assert_error (resp, 415, "unsupported_media_type");
    }

  snapshot_assert_unchanged (srv, &snap);
}

static void
test_malformed_multipart (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  Form form = { .kind = "image", .filename = "a.png", .data = png };
  g_autoptr(GBytes) good = build_form (&form);
  g_autoptr(GBytes) truncated = NULL;
  g_autoptr(GBytes) no_close = NULL;
  g_autoptr(GBytes) bad_header = NULL;
  const char *garbage = "--" BOUNDARY "\r\nthis is not a header\r\n\r\nimage\r\n--" BOUNDARY "--\r\n";
  gsize len = g_bytes_get_size (good);
  DirSnapshot snap;

  truncated = g_bytes_new_from_bytes (good, 0, len / 2);
  /* Everything but the closing delimiter */
  no_close = g_bytes_new_from_bytes (good, 0, len - strlen ("--" BOUNDARY "--\r\n"));
  bad_header = g_bytes_new_static (garbage, strlen (garbage));

  snapshot_take (srv, &snap);

  {
    /* The body's delimiters are not the declared boundary */
    g_autoptr(SrvTestResponse) resp = post_files (srv, srv->key,
                                                  "multipart/form-data; boundary=other-boundary",
                                                  good, NULL);
    assert_validation (resp, "file");
  }
  {
    g_autoptr(SrvTestResponse) resp = post_files (srv, srv->key, "multipart/form-data; boundary=" BOUNDARY,
                                                  truncated, NULL);
    assert_validation (resp, "file");
  }
  {
    g_autoptr(SrvTestResponse) resp = post_files (srv, srv->key, "multipart/form-data; boundary=" BOUNDARY,
                                                  no_close, NULL);
    assert_validation (resp, "file");
  }
  {
    g_autoptr(SrvTestResponse) resp = post_files (srv, srv->key, "multipart/form-data; boundary=" BOUNDARY,
                                                  bad_header, NULL);
    assert_validation (resp, "file");
  }

  snapshot_assert_unchanged (srv, &snap);
}

/* With Expect: 100-continue the server can refuse before a byte of the
 * body is sent: the ceiling itself is accepted, one more byte is not. */
static void
test_limit_content_length_early (void)
{
  SrvTestServer *srv = get_server ();
  const gsize lengths[] = { UPLOAD_CEILING, UPLOAD_CEILING + 1, (gsize)G_GUINT64_CONSTANT (1) << 40 };
  DirSnapshot snap;

  snapshot_take (srv, &snap);

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(GSocketConnection) conn = raw_connect (srv);
      g_autoptr(SrvTestResponse) resp = NULL;
      g_autofree char *head = g_strdup_printf ("POST /api/v1/files HTTP/1.1\r\n"
                                               "Host: test\r\n"
                                               "Authorization: Bearer %s\r\n"
                                               "Content-Type: multipart/form-data; boundary=" BOUNDARY "\r\n"
                                               "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                               "Expect: 100-continue\r\n"
                                               "\r\n",
                                               srv->key, lengths[i]);

      g_test_message ("Content-Length: %" G_GSIZE_FORMAT, lengths[i]);
      raw_send (conn, head, strlen (head));
      resp = raw_read_response (conn);
      if (i == 0)
        {
          srv_assert_status (resp, 100);
        }
      else
        {
          srv_assert_error (resp, 413, "payload_too_large");
        }
      g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);
    }

  snapshot_assert_unchanged (srv, &snap);
}

/* A client that sends the whole oversize body anyway gets the same 413,
 * and nothing of it is kept. */
static void
test_limit_content_length_sent (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) big = make_padded_png (UPLOAD_CEILING + 1 - 200);
  Form form = { .kind = "video", .filename = "big.png", .data = big };
  g_autoptr(GBytes) body = build_form (&form);
  g_autoptr(SrvTestResponse) resp = NULL;
  DirSnapshot snap;

  g_assert_cmpuint (g_bytes_get_size (body), >, UPLOAD_CEILING);
  snapshot_take (srv, &snap);
  resp = post_files (srv, srv->key, "multipart/form-data; boundary=" BOUNDARY, body, NULL);
  srv_assert_error (resp, 413, "payload_too_large");
  snapshot_assert_unchanged (srv, &snap);
}

/* Without a Content-Length the ceiling is enforced while reading. */
static void
test_limit_chunked (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) big = make_padded_png (UPLOAD_CEILING + 1024 * 1024);
  Form form = { .kind = "video", .filename = "big.png", .data = big };
  g_autoptr(GBytes) body = build_form (&form);
  g_autofree char *uri = g_strconcat (srv->url, "/api/v1/files", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", srv->key, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
  g_autoptr(SrvTestResponse) resp = NULL;
  DirSnapshot snap;

  snapshot_take (srv, &snap);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body (msg, "multipart/form-data; boundary=" BOUNDARY, stream, -1);
  resp = srv_test_send (srv, msg);
  srv_assert_error (resp, 413, "payload_too_large");
  snapshot_assert_unchanged (srv, &snap);
}

static void
test_limit_image_size (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) at_limit = make_padded_png (IMAGE_MAX_BYTES);
  g_autoptr(GBytes) over_limit = make_padded_png (IMAGE_MAX_BYTES + 1);
  g_autoptr(GBytes) way_over = make_padded_png (IMAGE_MAX_BYTES + 1024 * 1024);
  g_autoptr(SrvTestResponse) ok = NULL;
  DirSnapshot snap;

  snapshot_take (srv, &snap);
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "image", NULL, "big.png", over_limit);

    srv_assert_error (resp, 413, "payload_too_large");
    g_assert_cmpstr (srv_test_error_param (resp), ==, "file");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "image", NULL, "big.png", way_over);

    srv_assert_error (resp, 413, "payload_too_large");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "image", "local-image", "big.png",
                                                       way_over);

    srv_assert_error (resp, 413, "payload_too_large");
  }
  snapshot_assert_unchanged (srv, &snap);

  ok = srv_test_upload (srv, srv->key, "image", NULL, "big.png", at_limit);
  srv_assert_status (ok, 201);
  g_assert_cmpint (json_object_get_int_member (srv_test_response_object (ok), "size_bytes"), ==,
                   IMAGE_MAX_BYTES);
}

static void
test_limit_model (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autoptr(GBytes) wav = make_wav ();
  DirSnapshot snap;

  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "image", "local-image", "a.png", png);

    srv_assert_status (resp, 201);
    assert_file_object (srv, srv_test_response_object (resp), "image", "a.png", "image/png",
                        g_bytes_get_size (png), "png", "local-image", NULL, -1, 0);
  }
  {
    /* Chat models take image attachments */
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "image", "local-chat", "a.png", png);

    srv_assert_status (resp, 201);
    g_assert_cmpstr (json_object_get_string_member (srv_test_response_object (resp), "model"), ==,
                     "local-chat");
  }

  snapshot_take (srv, &snap);
  {
    /* Takes no reference media at all */
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "image", "local-speech", "a.png", png);

    srv_assert_error (resp, 400, "validation_failed");
    g_assert_cmpstr (srv_test_error_param (resp), ==, "file");
  }
  {
    /* Takes images only */
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "audio", "local-image", "a.wav", wav);

    assert_validation (resp, "file");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "audio", "local-video", "a.wav", wav);

    assert_validation (resp, "file");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "audio", "local-chat", "a.wav", wav);

    assert_validation (resp, "file");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, srv->key, "image", "no-such-model", "a.png", png);

    assert_validation (resp, "model");
  }
  snapshot_assert_unchanged (srv, &snap);
}

/* A client that goes away mid-upload leaves nothing behind, and its
 * Idempotency-Key is free for the retry. */
static void
test_client_abort (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = make_padded_png (4 * 1024 * 1024);
  Form form = { .kind = "image", .filename = "a.png", .data = png };
  g_autoptr(GBytes) body = build_form (&form);
  g_autoptr(GSocketConnection) conn = raw_connect (srv);
  g_autoptr(SrvTestResponse) retry = NULL;
  g_autofree char *head = NULL;
  g_autofree char *idempotency_key = g_strdup_printf ("abort-%u", g_random_int ());
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_US;
  DirSnapshot snap;

  snapshot_take (srv, &snap);

  head = g_strdup_printf ("POST /api/v1/files HTTP/1.1\r\n"
                          "Host: test\r\n"
                          "Authorization: Bearer %s\r\n"
                          "Idempotency-Key: %s\r\n"
                          "Content-Type: multipart/form-data; boundary=" BOUNDARY "\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                          "\r\n",
                          srv->key, idempotency_key, g_bytes_get_size (body));
  raw_send (conn, head, strlen (head));
  raw_send (conn, g_bytes_get_data (body, NULL), g_bytes_get_size (body) / 2);

  /* Wait until the server is writing the upload, then hang up. */
  for (;;)
    {
      g_auto(GStrv) tmp = list_dir (srv, "tmp");

      if (g_strv_length (tmp) > g_strv_length (snap.tmp))
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("The server never started to store the upload");
      g_usleep (10 * 1000);
    }
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);

  snapshot_assert_unchanged (srv, &snap);

  retry = upload_form (srv, srv->key, &form, idempotency_key);
  srv_assert_status (retry, 201);
  g_assert_null (soup_message_headers_get_one (retry->headers, "Idempotent-Replayed"));
}

/* B.3: the same key while the first request is still running is a
 * conflict. The first request holds its key from the moment its
 * headers are read, so a body that has not all arrived keeps it busy. */
static void
test_idempotency_in_flight (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = make_padded_png (1024 * 1024);
  Form form = { .kind = "image", .filename = "a.png", .data = png };
  g_autoptr(GBytes) body = build_form (&form);
  g_autoptr(GSocketConnection) conn = raw_connect (srv);
  g_autoptr(SrvTestResponse) busy = NULL;
  g_autoptr(SrvTestResponse) retry = NULL;
  g_autoptr(SrvTestResponse) replay = NULL;
  g_autofree char *head = NULL;
  g_autofree char *idempotency_key = g_strdup_printf ("in-flight-%u", g_random_int ());
  gint64 deadline = g_get_monotonic_time () + SETTLE_TIMEOUT_US;
  DirSnapshot snap;

  snapshot_take (srv, &snap);
  head = g_strdup_printf ("POST /api/v1/files HTTP/1.1\r\n"
                          "Host: test\r\n"
                          "Authorization: Bearer %s\r\n"
                          "Idempotency-Key: %s\r\n"
                          "Content-Type: multipart/form-data; boundary=" BOUNDARY "\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                          "\r\n",
                          srv->key, idempotency_key, g_bytes_get_size (body));
  raw_send (conn, head, strlen (head));
  raw_send (conn, g_bytes_get_data (body, NULL), 1000);

  for (;;)
    {
      g_auto(GStrv) tmp = list_dir (srv, "tmp");

      if (g_strv_length (tmp) > g_strv_length (snap.tmp))
        break;
      if (g_get_monotonic_time () > deadline)
        g_error ("The server never started to store the upload");
      g_usleep (10 * 1000);
    }

  busy = upload_form (srv, srv->key, &form, idempotency_key);
  srv_assert_error (busy, 409, "idempotency_conflict");

  /* Now the first one ends: the key is free again */
  g_io_stream_close (G_IO_STREAM (conn), NULL, NULL);
  snapshot_assert_unchanged (srv, &snap);

  retry = upload_form (srv, srv->key, &form, idempotency_key);
  srv_assert_status (retry, 201);
  replay = upload_form (srv, srv->key, &form, idempotency_key);
  srv_assert_status (replay, 201);
  g_assert_cmpstr (soup_message_headers_get_one (replay->headers, "Idempotent-Replayed"), ==, "true");
  assert_bytes_equal (replay->body, retry->body);
}

static void
test_auth (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  const char *id = json_object_get_string_member (file, "id");
  g_autofree char *read_only = new_account_key (srv, "files:read");
  g_autofree char *create_only = new_account_key (srv, "files:create");
  g_autofree char *other = new_account_key (srv, "credits:read,models:read");
  g_autofree char *path = g_strconcat ("/api/v1/files/", id, NULL);
  g_autofree char *bogus_key = g_strconcat ("rvya_sk_", "0123456789012345678901234567890123456789", NULL);
  DirSnapshot snap;

  snapshot_take (srv, &snap);
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, NULL, "image", NULL, "a.png", png);

    /* srv_test_upload sends "Bearer " and no key: an invalid header */
    srv_assert_error (resp, 401, "api_key_invalid");
  }
  {
    Form form = { .kind = "image", .filename = "a.png", .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, NULL, &form, NULL);

    srv_assert_error (resp, 401, "api_key_missing");
  }
  {
    Form form = { .kind = "image", .filename = "a.png", .data = png };
    g_autoptr(SrvTestResponse) resp = upload_form (srv, bogus_key, &form, NULL);

    srv_assert_error (resp, 401, "api_key_invalid");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, read_only, "image", NULL, "a.png", png);

    srv_assert_error (resp, 403, "api_scope_denied");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, other, "image", NULL, "a.png", png);

    srv_assert_error (resp, 403, "api_scope_denied");
  }
  snapshot_assert_unchanged (srv, &snap);

  {
    g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", path, NULL, NULL, NULL);

    srv_assert_error (resp, 401, "api_key_missing");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", path, create_only, NULL, NULL);

    srv_assert_error (resp, 403, "api_scope_denied");
  }
  {
    /* A key with the scope but of another account */
    g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", path, read_only, NULL, NULL);

    srv_assert_error (resp, 404, "not_found");
  }
  {
    /* files:create alone is enough to upload */
    g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, create_only, "image", NULL, "a.png", png);

    srv_assert_status (resp, 201);
  }
}

static void
test_ownership (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autofree char *key_a = new_account_key (srv, NULL);
  g_autofree char *key_b = new_account_key (srv, NULL);
  g_autoptr(JsonObject) file_b = upload_ok (srv, key_b, "image", "b.png", png);
  const char *id_b = json_object_get_string_member (file_b, "id");
  g_autofree char *zeros = g_strnfill (24, '0');
  g_autofree char *missing = g_strconcat ("file_", zeros, NULL);
  g_autoptr(SrvTestResponse) foreign = get_file (srv, key_a, id_b);
  g_autoptr(SrvTestResponse) absent = get_file (srv, key_a, missing);
  g_autoptr(SrvTestResponse) own = get_file (srv, key_b, id_b);
  g_autoptr(GString) foreign_message = NULL;
  JsonObject *fe, *ae;

  srv_assert_status (own, 200);
  srv_assert_error (foreign, 404, "not_found");
  srv_assert_error (absent, 404, "not_found");

  /* Indistinguishable: the same members, the same message but for the id */
  fe = json_object_get_object_member (srv_test_response_object (foreign), "error");
  ae = json_object_get_object_member (srv_test_response_object (absent), "error");
  g_assert_cmpuint (json_object_get_size (fe), ==, json_object_get_size (ae));
  g_assert_false (json_object_has_member (fe, "param"));
  foreign_message = g_string_new (json_object_get_string_member (fe, "message"));
  g_string_replace (foreign_message, id_b, missing, 0);
  g_assert_cmpstr (foreign_message->str, ==, json_object_get_string_member (ae, "message"));
  g_assert_cmpstr (soup_message_headers_get_content_type (foreign->headers, NULL), ==,
                   soup_message_headers_get_content_type (absent->headers, NULL));

  /* The capability URL stays readable without any key: that is the point
   * of it (B.7), and it does not need to know the account. */
  {
    g_autoptr(SrvTestResponse) media = NULL;

    media = srv_test_get_url (srv, json_object_get_string_member (file_b, "url"), NULL);

    srv_assert_status (media, 200);
  }
}

static void
test_path_tricks (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);
  const char *id = json_object_get_string_member (file, "id");
  g_autofree char *short_id = g_strndup (id, strlen (id) - 1);
  g_autofree char *long_id = g_strconcat (id, "A", NULL);
  g_autofree char *filler = g_strnfill (2000, 'a');
  g_autofree char *overlong = g_strconcat ("/api/v1/files/file_", filler, NULL);
  g_autofree char *own_path = g_strconcat ("/api/v1/files/", id, NULL);
  g_autofree char *dash = g_strdup_printf ("/api/v1/files/%.28s-", id);
  g_autofree char *utf8 = g_strdup_printf ("/api/v1/files/%.28s%%C3%%A9", id);
  g_autofree char *space = g_strdup_printf ("/api/v1/files/%s%%20", id);
  g_autofree char *trailing = g_strdup_printf ("/api/v1/files/%s/", id);
  g_autofree char *upper = g_strdup_printf ("/api/v1/files/FILE_%s", id + 5);
  g_autofree char *task = g_strdup_printf ("/api/v1/files/task_%s", id + 5);
  g_autofree char *short_path = g_strconcat ("/api/v1/files/", short_id, NULL);
  g_autofree char *long_path = g_strconcat ("/api/v1/files/", long_id, NULL);
  g_autofree char *dot_segment = g_strdup_printf ("/api/v1/files/%s/..", id);
  g_autofree char *traversal = g_strdup_printf ("/api/v1/files/../../%s", id);
  const char *paths[] = {
    "/api/v1/files/..",
    "/api/v1/files/%2e%2e",
    "/api/v1/files/%2E%2E/%2E%2E/rivya.db",
    "/api/v1/files/../../rivya.db",
    "/api/v1/files/...",
    "/api/v1/files/file_",
    "/api/v1/files/",
    short_path, long_path, overlong, dash, utf8, space, trailing, upper, task,
    dot_segment, traversal,
  };

  {
    g_autoptr(SrvTestResponse) sanity = raw_get (srv, own_path, srv->key);
    srv_assert_status (sanity, 200);
  }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SrvTestResponse) resp = raw_get (srv, paths[i], srv->key);

      g_test_message ("GET %.80s", paths[i]);
      srv_assert_error (resp, 404, "not_found");
    }
}

/* B.2: every response carries X-Request-Id, also the ones libsoup
 * answers by itself (paths with an encoded "/" or NUL). */
static void
test_request_id_rejected_paths (void)
{
  SrvTestServer *srv = get_server ();
  const char *paths[] = {
    "/api/v1/files/..%2f..%2frivya.db",
    "/api/v1/files/file_aaaaaaaaaaaaaaaaaaaaaaa%00",
    "/media/..%2frivya.db",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SrvTestResponse) resp = raw_get (srv, paths[i], srv->key);

      g_test_message ("GET %s: HTTP %u", paths[i], resp->status);
      g_assert_cmpuint (resp->status, >=, 400);
      g_assert_cmpuint (resp->status, <, 500);
      assert_request_id (resp);
    }
}

static guint
count_files (SrvTestServer *srv)
{
  g_auto(GStrv) names = list_dir (srv, "files");

  return g_strv_length (names);
}

static void
test_idempotency (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (24, 24);
  g_autoptr(GBytes) other_png = srv_test_make_png (25, 24);
  g_autofree char *key_b = new_account_key (srv, NULL);
  g_autofree char *ikey = g_strdup_printf ("upload-%u", g_random_int ());
  Form form = { .kind = "image", .client_request_id = "idem", .filename = "a.png", .data = png };
  Form other = { .kind = "image", .client_request_id = "idem", .filename = "a.png", .data = other_png };
  Form renamed = { .kind = "image", .client_request_id = "idem", .filename = "b.png", .data = png };
  g_autoptr(SrvTestResponse) first = NULL;
  g_autoptr(SrvTestResponse) again = NULL;
  g_autoptr(SrvTestResponse) third = NULL;
  guint n_files;

  n_files = count_files (srv);
  first = upload_form (srv, srv->key, &form, ikey);
  srv_assert_status (first, 201);
  g_assert_null (soup_message_headers_get_one (first->headers, "Idempotent-Replayed"));
  g_assert_cmpuint (count_files (srv), ==, n_files + 1);

  again = upload_form (srv, srv->key, &form, ikey);
  srv_assert_status (again, 201);
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Idempotent-Replayed"), ==, "true");
  assert_bytes_equal (again->body, first->body);
  assert_request_id (again);
  third = upload_form (srv, srv->key, &form, ikey);
  assert_bytes_equal (third->body, first->body);
  g_assert_cmpuint (count_files (srv), ==, n_files + 1);

  {
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &other, ikey);

    srv_assert_error (resp, 409, "idempotency_conflict");
  }
  {
    /* Only the file name differs: still a different body */
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &renamed, ikey);

    srv_assert_error (resp, 409, "idempotency_conflict");
  }
  {
    /* The same key on another route */
    g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "POST", "/api/v1/generations", srv->key,
                                                     "{\"model\": \"local-image\", \"prompt\": \"x\"}",
                                                     "Idempotency-Key", ikey, NULL);

    srv_assert_error (resp, 409, "idempotency_conflict");
  }
  g_assert_cmpuint (count_files (srv), ==, n_files + 1);

  {
    /* Keys are per account: another account's identical request is new */
    g_autoptr(SrvTestResponse) resp = upload_form (srv, key_b, &form, ikey);

    srv_assert_status (resp, 201);
    g_assert_null (soup_message_headers_get_one (resp->headers, "Idempotent-Replayed"));
    g_assert_cmpstr (json_object_get_string_member (srv_test_response_object (resp), "id"), !=,
                     json_object_get_string_member (srv_test_response_object (first), "id"));
  }
  g_assert_cmpuint (count_files (srv), ==, n_files + 2);

  {
    g_autofree char *too_long = g_strnfill (256, 'k');
    g_autoptr(SrvTestResponse) resp = upload_form (srv, srv->key, &form, too_long);

    assert_validation (resp, "Idempotency-Key");
  }
  g_assert_cmpuint (count_files (srv), ==, n_files + 2);
}

static void
test_idempotency_audio (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) wav = make_wav ();
  g_autofree char *ikey = g_strdup_printf ("audio-%u", g_random_int ());
  Form form = { .kind = "audio", .filename = "a.wav", .data = wav };
  g_autoptr(SrvTestResponse) first = NULL;
  g_autoptr(SrvTestResponse) again = NULL;
  guint n_files;

  /* Audio is answered after a pause for the duration probe; the stored
   * answer must still be the one replayed. */
  n_files = count_files (srv);
  first = upload_form (srv, srv->key, &form, ikey);
  srv_assert_status (first, 201);
  again = upload_form (srv, srv->key, &form, ikey);
  srv_assert_status (again, 201);
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Idempotent-Replayed"), ==, "true");
  assert_bytes_equal (again->body, first->body);
  g_assert_cmpuint (count_files (srv), ==, n_files + 1);
}

static void
test_request_ids (void)
{
  SrvTestServer *srv = get_server ();
  g_autoptr(GBytes) png = srv_test_make_png (16, 16);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) responses = g_ptr_array_new_with_free_func ((GDestroyNotify)srv_test_response_free);
  g_autoptr(JsonObject) file = upload_ok (srv, srv->key, "image", "a.png", png);

  g_ptr_array_add (responses, srv_test_upload (srv, srv->key, "image", NULL, "a.png", png));
  g_ptr_array_add (responses, srv_test_upload (srv, srv->key, "audio", NULL, "a.png", png));
  g_ptr_array_add (responses, get_file (srv, srv->key, json_object_get_string_member (file, "id")));
  g_ptr_array_add (responses, get_file (srv, srv->key, "file_nope"));
  g_ptr_array_add (responses, srv_test_call (srv, "GET", "/api/v1/files/x", NULL, NULL, NULL));
  g_ptr_array_add (responses, srv_test_call (srv, "DELETE", "/api/v1/files/x", srv->key, NULL, NULL));
  g_ptr_array_add (responses, srv_test_get_url (srv, json_object_get_string_member (file, "url"), NULL));
  g_ptr_array_add (responses, srv_test_get_url (srv, json_object_get_string_member (file, "url"),
                                                "bytes=1-2"));

  for (guint i = 0; i < responses->len; i++)
    {
      SrvTestResponse *resp = g_ptr_array_index (responses, i);
      const char *id = soup_message_headers_get_one (resp->headers, "X-Request-Id");

      assert_request_id (resp);
      /* A fresh id each time */
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, g_strdup (id));
      if (resp->status >= 400)
        g_assert_nonnull (srv_test_error_code (resp));
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gst_init (&argc, &argv);
  signal (SIGABRT, fatal_signal_cb);
  signal (SIGTRAP, fatal_signal_cb);
  signal (SIGSEGV, fatal_signal_cb);

  g_test_add_func ("/api-files/upload/png", test_upload_png);
  g_test_add_func ("/api-files/upload/name-cleaned", test_upload_name_cleaned);
  g_test_add_func ("/api-files/upload/wav", test_upload_wav);
  g_test_add_func ("/api-files/upload/ogg", test_upload_ogg);
  g_test_add_func ("/api-files/upload/webm", test_upload_webm);
  g_test_add_func ("/api-files/media/get", test_media_get);
  g_test_add_func ("/api-files/media/head", test_media_head);
  g_test_add_func ("/api-files/media/range", test_media_range);
  g_test_add_func ("/api-files/media/range-past-end", test_media_range_past_end);
  g_test_add_func ("/api-files/media/range-unsatisfiable", test_media_range_unsatisfiable);
  g_test_add_func ("/api-files/media/range-unknown-unit", test_media_range_unknown_unit);
  g_test_add_func ("/api-files/media/guessed", test_media_guessed);
  g_test_add_func ("/api-files/sniff/name-ignored", test_sniff_name_ignored);
  g_test_add_func ("/api-files/sniff/rejects", test_sniff_rejects);
  g_test_add_func ("/api-files/validation/fields", test_validation_fields);
  g_test_add_func ("/api-files/validation/two-files", test_validation_two_files);
  g_test_add_func ("/api-files/validation/field-order", test_validation_field_order);
  g_test_add_func ("/api-files/validation/content-type", test_content_type);
  g_test_add_func ("/api-files/validation/malformed", test_malformed_multipart);
  g_test_add_func ("/api-files/limits/content-length-early", test_limit_content_length_early);
  g_test_add_func ("/api-files/limits/content-length-sent", test_limit_content_length_sent);
  g_test_add_func ("/api-files/limits/chunked", test_limit_chunked);
  g_test_add_func ("/api-files/limits/image-size", test_limit_image_size);
  g_test_add_func ("/api-files/limits/model", test_limit_model);
  g_test_add_func ("/api-files/client-abort", test_client_abort);
  g_test_add_func ("/api-files/auth", test_auth);
  g_test_add_func ("/api-files/ownership", test_ownership);
  g_test_add_func ("/api-files/path-tricks", test_path_tricks);
  g_test_add_func ("/api-files/idempotency/image", test_idempotency);
  g_test_add_func ("/api-files/idempotency/audio", test_idempotency_audio);
  g_test_add_func ("/api-files/idempotency/in-flight", test_idempotency_in_flight);
  g_test_add_func ("/api-files/request-id/every-response", test_request_ids);
  /* Last: a failure ends the program, and this one found a server bug. */
  g_test_add_func ("/api-files/rejected-paths/request-id", test_request_id_rejected_paths);

  ret = g_test_run ();
  g_clear_pointer (&shared_server, srv_test_server_free);
  shared_server_pid = 0;
  return ret;
}
