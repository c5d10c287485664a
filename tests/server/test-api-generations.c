/* test-api-generations.c
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

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gst/pbutils/pbutils.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "srv-test-utils.h"

#define SUBMIT(srv, key, body) srv_test_call ((srv), "POST", "/api/v1/generations", (key), (body), NULL)

static SrvTestServer *shared;

static char *
submit_ok (SrvTestServer *srv,
           const char    *key,
           const char    *body)
{
  g_autoptr(SrvTestResponse) resp = SUBMIT (srv, key, body);
  JsonObject *g;

  srv_assert_status (resp, 201);
  g = srv_test_response_object (resp);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (g, "id"), "task_"));
  g_assert_cmpuint (strlen (json_object_get_string_member (g, "id")), ==, 5 + 24);
  g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "queued");
  g_assert_true (json_object_get_null_member (g, "final_credits"));
  g_assert_true (json_object_get_null_member (g, "result"));
  g_assert_true (json_object_get_null_member (g, "error"));
  return g_strdup (json_object_get_string_member (g, "id"));
}

static GBytes *
fetch_result (SrvTestServer *srv,
              JsonObject    *generation,
              const char    *content_type)
{
  JsonObject *result = json_object_get_object_member (generation, "result");
  JsonArray *urls = json_object_get_array_member (result, "urls");
  g_autoptr(SrvTestResponse) media = NULL;

  g_assert_cmpuint (json_array_get_length (urls), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (result, "primary_url"), ==,
                   json_array_get_string_element (urls, 0));
  /* A capability URL: no key needed. */
  media = srv_test_get_url (srv, json_object_get_string_member (result, "primary_url"), NULL);
  srv_assert_status (media, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (media->headers, NULL), ==, content_type);
  return g_bytes_ref (media->body);
}

static GdkPixbuf *
decode_image (GBytes     *bytes,
              const char *mime_type)
{
  g_autoptr(GError) error = NULL;
  /* By type: G_TEST_OPTION_ISOLATE_DIRS hides the MIME database that
   * gdk-pixbuf would sniff with. */
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, &error);

  g_assert_no_error (error);

  gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static GstDiscovererInfo *
discover (GBytes     *bytes,
          const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GstDiscoverer) discoverer = gst_discoverer_new (20 * GST_SECOND, &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  GstDiscovererInfo *info;
  int fd;

  g_assert_no_error (error);
  fd = g_file_open_tmp ("rivya-media-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  uri = g_filename_to_uri (path, NULL, NULL);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);
  g_unlink (path);
  return info;
}

static gboolean
caps_have (GstDiscovererStreamInfo *stream,
           const char              *name)
{
  g_autoptr(GstCaps) caps = gst_discoverer_stream_info_get_caps (stream);

  return g_str_equal (gst_structure_get_name (gst_caps_get_structure (caps, 0)), name);
}

static void
test_image_default (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "image", 10, NULL);
  g_autofree char *id = submit_ok (shared, key, "{\"model\": \"local-image\", \"prompt\": \"A quiet harbour\"}");
  g_autoptr(JsonObject) g = srv_test_wait_generation (shared, key, id, 60);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "succeeded");
  g_assert_cmpint (json_object_get_int_member (g, "reserved_credits"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (g, "final_credits"), ==, 1);
  g_assert_true (json_object_get_null_member (g, "error"));

  png = fetch_result (shared, g, "image/png");
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  pixbuf = decode_image (png, "image/png");
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1024);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 1024);
  g_assert_cmpint (srv_test_credits (shared, key), ==, 9);
}

static void
test_image_params (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "image-params", 10, NULL);
  g_autofree char *id = submit_ok (shared, key,
                                   "{\"model\": \"local-image\", \"prompt\": \"Tall\", \"client_request_id\": \"mine-1\","
                                   " \"params\": {\"aspect_ratio\": \"9:16\", \"output_format\": \"jpeg\","
                                   " \"style\": \"mono\", \"seed\": 42}}");
  g_autoptr(JsonObject) g = srv_test_wait_generation (shared, key, id, 60);
  g_autoptr(GBytes) jpeg = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "succeeded");
  g_assert_cmpstr (json_object_get_string_member (g, "client_request_id"), ==, "mine-1");
  jpeg = fetch_result (shared, g, "image/jpeg");
  g_assert_cmpmem (g_bytes_get_data (jpeg, NULL), 3, "\xff\xd8\xff", 3);
  pixbuf = decode_image (jpeg, "image/jpeg");
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 576);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 1024);
}

static void
test_speech (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "speech", 10, NULL);
  g_autofree char *id = submit_ok (shared, key,
                                   "{\"model\": \"local-speech\", \"prompt\": \"Hello from the local speech model.\","
                                   " \"params\": {\"speed\": 160, \"voice\": \"en-us\"}}");
  g_autoptr(JsonObject) g = srv_test_wait_generation (shared, key, id, 60);
  g_autoptr(GBytes) ogg = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  GList *audio;

  g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "succeeded");
  ogg = fetch_result (shared, g, "audio/ogg");
  info = discover (ogg, "ogg");
  audio = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (audio), ==, 1);
  g_assert_true (caps_have (audio->data, "audio/x-opus"));
  g_assert_cmpuint (gst_discoverer_info_get_duration (info), >, GST_SECOND);
  g_assert_cmpuint (gst_discoverer_info_get_duration (info), <, 10 * GST_SECOND);
  gst_discoverer_stream_info_list_free (audio);
}

static void
test_video (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "video", 10, NULL);
  g_autofree char *id = submit_ok (shared, key,
                                   "{\"model\": \"local-video\", \"prompt\": \"Waves\","
                                   " \"params\": {\"duration_seconds\": 2, \"aspect_ratio\": \"1:1\","
                                   " \"resolution\": \"360p\"}}");
  g_autoptr(JsonObject) g = srv_test_wait_generation (shared, key, id, 120);
  g_autoptr(GBytes) webm = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  GList *video, *audio;
  GstClockTime duration;

  g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "succeeded");
  g_assert_cmpint (json_object_get_int_member (g, "final_credits"), ==, 5);
  webm = fetch_result (shared, g, "video/webm");
  info = discover (webm, "webm");
  video = gst_discoverer_info_get_video_streams (info);
  audio = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (video), ==, 1);
  g_assert_cmpuint (g_list_length (audio), ==, 1);
  g_assert_true (caps_have (video->data, "video/x-vp8"));
  g_assert_true (caps_have (audio->data, "audio/x-opus"));
  g_assert_cmpuint (gst_discoverer_video_info_get_width (video->data), ==, 360);
  g_assert_cmpuint (gst_discoverer_video_info_get_height (video->data), ==, 360);
  duration = gst_discoverer_info_get_duration (info);
  g_assert_cmpuint (duration, >, 1800 * GST_MSECOND);
  g_assert_cmpuint (duration, <, 2300 * GST_MSECOND);
  gst_discoverer_stream_info_list_free (video);
  gst_discoverer_stream_info_list_free (audio);
  g_assert_cmpint (srv_test_credits (shared, key), ==, 5);
}

static char *
upload_png (SrvTestServer *srv,
            const char    *key,
            GBytes        *png)
{
  g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, key, "image", "local-image", "ref.png", png);

  srv_assert_status (resp, 201);
  return g_strdup (json_object_get_string_member (srv_test_response_object (resp), "url"));
}

static void
test_image_to_image (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "i2i", 10, NULL);
  g_autoptr(GBytes) png = srv_test_make_png (200, 120);
  g_autofree char *url = upload_png (shared, key, png);
  g_autofree char *body = g_strdup_printf ("{\"model\": \"local-image\", \"prompt\": \"Restyled\","
                                           " \"params\": {\"referenceMediaItems\": [{\"url\": \"%s\","
                                           " \"kind\": \"image\", \"name\": \"ref.png\","
                                           " \"mimeType\": \"image/png\"}]}}", url);
  g_autofree char *id = submit_ok (shared, key, body);
  g_autoptr(JsonObject) g = srv_test_wait_generation (shared, key, id, 60);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "succeeded");
  out = fetch_result (shared, g, "image/png");
  pixbuf = decode_image (out, "image/png");
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1024);
}

static void
test_failed_job_refunded (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "refund", 3, NULL);
  /* Right magic bytes, undecodable content: accepted at upload, fails
   * in the generator. */
  static const guint8 broken[] = "\x89PNG\r\n\x1a\n" "this is not really a png, only its signature";
  g_autoptr(GBytes) png = g_bytes_new_static (broken, sizeof broken);
  g_autofree char *url = upload_png (shared, key, png);
  g_autofree char *body = g_strdup_printf ("{\"model\": \"local-image\", \"prompt\": \"x\","
                                           " \"params\": {\"referenceMediaItems\": [{\"url\": \"%s\","
                                           " \"kind\": \"image\"}]}}", url);
  g_autofree char *id = submit_ok (shared, key, body);
  g_autoptr(JsonObject) g = srv_test_wait_generation (shared, key, id, 60);
  JsonObject *error;

  g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "failed");
  g_assert_true (json_object_get_null_member (g, "result"));
  g_assert_cmpint (json_object_get_int_member (g, "final_credits"), ==, 0);
  error = json_object_get_object_member (g, "error");
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "generation_failed");
  g_assert_cmpuint (strlen (json_object_get_string_member (error, "message")), >, 10);
  g_assert_cmpint (srv_test_credits (shared, key), ==, 3);
}

typedef struct
{
  const char *body;
  guint       status;
  const char *code;
  const char *param;
} BadCase;

static void
test_validation (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "validation", 100, NULL);
  g_autofree char *other_key = srv_test_new_account_key (shared, "validation-other", 100, NULL);
  g_autoptr(GBytes) png = srv_test_make_png (20, 20);
  g_autofree char *other_url = upload_png (shared, other_key, png);
  g_autofree char *foreign = g_strdup_printf ("{\"model\": \"local-image\", \"prompt\": \"x\", \"params\":"
                                              " {\"referenceMediaItems\": [{\"url\": \"%s\", \"kind\": \"image\"}]}}",
                                              other_url);
  g_autofree char *long_prompt = g_strnfill (1001, 'a');
  g_autofree char *too_long = g_strdup_printf ("{\"model\": \"local-image\", \"prompt\": \"%s\"}", long_prompt);
  const BadCase cases[] = {
    { "{\"prompt\": \"x\"}", 400, "validation_failed", "model" },
    { "{\"model\": 3, \"prompt\": \"x\"}", 400, "validation_failed", "model" },
    { "{\"model\": \"no-such-model\", \"prompt\": \"x\"}", 400, "validation_failed", "model" },
    { "{\"model\": \"local-chat\", \"prompt\": \"x\"}", 400, "validation_failed", "model" },
    { "{\"model\": \"local-image\"}", 400, "validation_failed", "prompt" },
    { "{\"model\": \"local-image\", \"prompt\": \"\"}", 400, "validation_failed", "prompt" },
    { too_long, 400, "validation_failed", "prompt" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"files\": []}", 400, "validation_failed", "files" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": []}", 400, "validation_failed", "params" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": {\"colour\": \"red\"}}",
      400, "validation_failed", "params.colour" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": {\"aspect_ratio\": \"2:1\"}}",
      400, "validation_failed", "params.aspect_ratio" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": {\"aspect_ratio\": 1}}",
      400, "validation_failed", "params.aspect_ratio" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": {\"seed\": -1}}",
      400, "validation_failed", "params.seed" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": {\"seed\": \"7\"}}",
      400, "validation_failed", "params.seed" },
    { "{\"model\": \"local-video\", \"prompt\": \"x\", \"params\": {\"duration_seconds\": 2.5}}",
      400, "validation_failed", "params.duration_seconds" },
    { "{\"model\": \"local-video\", \"prompt\": \"x\", \"params\": {\"narrate\": \"maybe\"}}",
      400, "validation_failed", "params.narrate" },
    { "{\"model\": \"local-speech\", \"prompt\": \"x\", \"params\": {\"referenceMediaItems\":"
      " [{\"url\": \"http://example.com/a.png\", \"kind\": \"image\"}]}}",
      400, "validation_failed", "params.referenceMediaItems" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": {\"referenceMediaItems\":"
      " [{\"url\": \"http://example.com/a.png\", \"kind\": \"image\"}]}}",
      400, "validation_failed", "params.referenceMediaItems[0]" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": {\"referenceMediaItems\": [{\"kind\": \"image\"}]}}",
      400, "validation_failed", "params.referenceMediaItems[0]" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"params\": {\"referenceMediaItems\": {}}}",
      400, "validation_failed", "params.referenceMediaItems" },
    { foreign, 400, "validation_failed", "params.referenceMediaItems[0]" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\", \"client_request_id\": 5}",
      400, "validation_failed", "client_request_id" },
    { "{\"model\": \"local-image\", \"prompt\": \"x\"", 400, "validation_failed", "body" },
    { "[1, 2]", 400, "validation_failed", "body" },
    { "", 400, "validation_failed", "body" },
    { "\"just a string\"", 400, "validation_failed", "body" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SrvTestResponse) resp = SUBMIT (shared, key, cases[i].body);

      g_test_message ("case %u: %.80s", i, cases[i].body);
      srv_assert_error (resp, cases[i].status, cases[i].code);
      g_assert_cmpstr (srv_test_error_param (resp), ==, cases[i].param);
    }

  /* Nothing was reserved by any of them. */
  g_assert_cmpint (srv_test_credits (shared, key), ==, 100);
}

static void
test_wrong_content_type_and_size (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "content", 10, NULL);
  g_autoptr(SrvTestResponse) text = NULL;
  g_autoptr(SrvTestResponse) huge = NULL;
  g_autofree char *uri = g_strconcat (shared->url, "/api/v1/generations", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);
  const char *json = "{\"model\": \"local-image\", \"prompt\": \"x\"}";
  g_autoptr(GBytes) body = g_bytes_new_static (json, strlen (json));
  g_autofree char *big = NULL;
  gsize big_len = 2 * 1024 * 1024;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "text/plain", body);
  text = srv_test_send (shared, msg);
  srv_assert_error (text, 415, "unsupported_media_type");

  big = g_malloc (big_len + 1);
  memset (big, ' ', big_len);
  big[0] = '{';
  big[big_len - 1] = '}';
  big[big_len] = '\0';
  huge = SUBMIT (shared, key, big);
  srv_assert_error (huge, 413, "payload_too_large");
}

static void
test_insufficient_credits (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "poor", 4, NULL);
  g_autoptr(SrvTestResponse) resp = SUBMIT (shared, key, "{\"model\": \"local-video\", \"prompt\": \"x\"}");

  srv_assert_error (resp, 402, "insufficient_credits");
  g_assert_cmpint (srv_test_credits (shared, key), ==, 4);
}

static void
test_idempotency (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "idem", 10, NULL);
  const char *body = "{\"model\": \"local-image\", \"prompt\": \"Once\"}";
  g_autoptr(SrvTestResponse) first = NULL;
  g_autoptr(SrvTestResponse) again = NULL;
  g_autoptr(SrvTestResponse) other_body = NULL;
  g_autoptr(SrvTestResponse) other_route = NULL;
  g_autoptr(SrvTestResponse) bad_key = NULL;
  g_autoptr(SrvTestResponse) other_account = NULL;
  g_autofree char *other_key = srv_test_new_account_key (shared, "idem-other", 10, NULL);
  g_autofree char *long_key = g_strnfill (256, 'k');

  first = srv_test_call (shared, "POST", "/api/v1/generations", key, body, "Idempotency-Key", "submit-1", NULL);
  srv_assert_status (first, 201);
  g_assert_null (soup_message_headers_get_one (first->headers, "Idempotent-Replayed"));

  again = srv_test_call (shared, "POST", "/api/v1/generations", key, body, "Idempotency-Key", "submit-1", NULL);
  srv_assert_status (again, 201);
  g_assert_cmpstr (soup_message_headers_get_one (again->headers, "Idempotent-Replayed"), ==, "true");
  g_assert_true (g_bytes_equal (first->body, again->body));
  /* Charged once. */
  g_assert_cmpint (srv_test_credits (shared, key), ==, 9);

  other_body = srv_test_call (shared, "POST", "/api/v1/generations", key,
                              "{\"model\": \"local-image\", \"prompt\": \"Twice\"}",
                              "Idempotency-Key", "submit-1", NULL);
  srv_assert_error (other_body, 409, "idempotency_conflict");

  other_route = srv_test_upload (shared, key, "image", NULL, "a.png", NULL);
  g_clear_pointer (&other_route, srv_test_response_free);
  {
    g_autofree char *uri = g_strconcat (shared->url, "/api/v1/files", NULL);
    g_autoptr(SoupMultipart) mp = soup_multipart_new ("multipart/form-data");
    g_autoptr(SoupMessage) msg = NULL;
    g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);

    soup_multipart_append_form_string (mp, "kind", "image");
    msg = soup_message_new_from_multipart (uri, mp);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Idempotency-Key", "submit-1");
    other_route = srv_test_send (shared, msg);
    srv_assert_error (other_route, 409, "idempotency_conflict");
  }

  /* Keys are scoped to the account: the same key elsewhere is new. */
  other_account = srv_test_call (shared, "POST", "/api/v1/generations", other_key, body,
                                 "Idempotency-Key", "submit-1", NULL);
  srv_assert_status (other_account, 201);
  g_assert_null (soup_message_headers_get_one (other_account->headers, "Idempotent-Replayed"));

  bad_key = srv_test_call (shared, "POST", "/api/v1/generations", key, body, "Idempotency-Key", long_key, NULL);
  srv_assert_error (bad_key, 400, "validation_failed");
  g_assert_cmpstr (srv_test_error_param (bad_key), ==, "Idempotency-Key");
}

typedef struct
{
  guint created;
  guint refused;
  guint pending;
} Race;

static void
race_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Race *race = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, NULL);

  if (soup_message_get_status (msg) == 201)
    race->created++;
  else if (soup_message_get_status (msg) == 402)
    race->refused++;
  else
    g_error ("unexpected status %u", soup_message_get_status (msg));
  race->pending--;
}

static void
test_concurrent_submits (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "race", 10, NULL);
  g_autofree char *uri = g_strconcat (shared->url, "/api/v1/generations", NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);
  g_autoptr(SoupSession) session = soup_session_new_with_options ("max-conns-per-host", 16, NULL);
  g_autofree char *shown = NULL;
  Race race = { 0 };

  soup_session_set_proxy_resolver (session, NULL);
  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
      const char *json = "{\"model\": \"local-image\", \"prompt\": \"race\"}";
      g_autoptr(GBytes) body = g_bytes_new_static (json, strlen (json));

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
      soup_message_set_request_body_from_bytes (msg, "application/json", body);
      race.pending++;
      soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, race_cb, &race);
    }
  while (race.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (race.created, ==, 10);
  g_assert_cmpuint (race.refused, ==, 15);
  g_assert_cmpint (srv_test_credits (shared, key), ==, 0);

  /* The balance equals the sum of the ledger (the admin view says so
   * when they differ). */
  shown = srv_test_admin (shared, NULL, "credits", "show", "--account", "race", NULL);
  g_assert_cmpstr (shown, ==, "race             0");
}

static void
test_not_found (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "owner", 10, NULL);
  g_autofree char *other = srv_test_new_account_key (shared, "stranger", 10, NULL);
  g_autofree char *id = submit_ok (shared, key, "{\"model\": \"local-image\", \"prompt\": \"mine\"}");
  g_autofree char *path = g_strconcat ("/api/v1/generations/", id, NULL);
  g_autoptr(SrvTestResponse) mine = srv_test_call (shared, "GET", path, key, NULL, NULL);
  g_autoptr(SrvTestResponse) theirs = srv_test_call (shared, "GET", path, other, NULL, NULL);
  g_autoptr(SrvTestResponse) missing = srv_test_call (shared, "GET", "/api/v1/generations/task_AAAAAAAAAAAAAAAAAAAAAAAA",
                                                      key, NULL, NULL);
  const char *tricks[] = {
    "/api/v1/generations/..%2F..%2Fcredits",
    "/api/v1/generations/task_%00AAAAAAAAAAAAAAAAAAAAAAA",
    "/api/v1/generations/task_AAAA",
    "/api/v1/generations/file_AAAAAAAAAAAAAAAAAAAAAAAA",
    "/api/v1/generations/task_AAAAAAAAAAAAAAAAAAAAAAA%21",
    "/api/v1/generations/%27%20OR%201%3D1",
  };

  srv_assert_status (mine, 200);
  srv_assert_error (theirs, 404, "not_found");
  srv_assert_error (missing, 404, "not_found");
  /* A stranger learns nothing: same status, code and message shape. */
  g_assert_cmpstr (srv_test_error_code (theirs), ==, srv_test_error_code (missing));

  for (guint i = 0; i < G_N_ELEMENTS (tricks); i++)
    {
      g_autoptr(SrvTestResponse) r = srv_test_call (shared, "GET", tricks[i], key, NULL, NULL);
      srv_assert_error (r, 404, "not_found");
    }
}

static void
test_restart_fails_jobs_in_flight (void)
{
  const char *args[] = { "--job-latency", "60000", NULL };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autofree char *a = submit_ok (srv, srv->key, "{\"model\": \"local-image\", \"prompt\": \"one\"}");
  g_autofree char *b = submit_ok (srv, srv->key, "{\"model\": \"local-video\", \"prompt\": \"two\"}");
  g_autofree char *c = submit_ok (srv, srv->key, "{\"model\": \"local-speech\", \"prompt\": \"three\"}");
  const char *ids[] = { a, b, c };

  g_assert_cmpint (srv_test_credits (srv, srv->key), ==, 1000 - 7);

  /* A crash: nothing gets the chance to clean up. */
  srv_test_server_kill (srv);
  srv_test_server_restart (srv);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/generations/", ids[i], NULL);
      g_autoptr(SrvTestResponse) r = srv_test_call (srv, "GET", path, srv->key, NULL, NULL);
      JsonObject *g = srv_test_response_object (r);

      g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "failed");
      g_assert_cmpint (json_object_get_int_member (g, "final_credits"), ==, 0);
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (g, "error"), "code"),
                       ==, "generation_failed");
    }
  g_assert_cmpint (srv_test_credits (srv, srv->key), ==, 1000);

  /* A clean stop (SIGTERM) fails and refunds too, before exiting. */
  {
    g_autofree char *d = submit_ok (srv, srv->key, "{\"model\": \"local-image\", \"prompt\": \"four\"}");
    g_autofree char *path = g_strconcat ("/api/v1/generations/", d, NULL);
    g_autoptr(SrvTestResponse) r = NULL;

    srv_test_server_restart (srv);
    r = srv_test_call (srv, "GET", path, srv->key, NULL, NULL);
    g_assert_cmpstr (json_object_get_string_member (srv_test_response_object (r), "status"), ==, "failed");
    g_assert_cmpint (srv_test_credits (srv, srv->key), ==, 1000);
  }
}

/* The generator's child process of this server, once it exists. */
static int
find_generator_child (SrvTestServer *srv)
{
  const char *server_pid = g_subprocess_get_identifier (srv->process);
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (proc)))
    {
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *cmd_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *stat = NULL;
      g_autofree char *cmdline = NULL;
      gsize len = 0;
      g_auto(GStrv) fields = NULL;
      const char *after;

      if (!g_ascii_isdigit (name[0]) ||
          !g_file_get_contents (stat_path, &stat, NULL, NULL) ||
          !g_file_get_contents (cmd_path, &cmdline, &len, NULL))
        continue;
      /* Field 4 of stat is the parent pid; the command name may hold spaces. */
      if (!(after = strrchr (stat, ')')))
        continue;
      fields = g_strsplit (after + 2, " ", 3);
      if (g_strv_length (fields) < 2 || !g_str_equal (fields[1], server_pid))
        continue;
      /* cmdline is argv, NUL-separated: argv[1] follows the first NUL. */
      if (strlen (cmdline) + 1 < len && g_str_equal (cmdline + strlen (cmdline) + 1, "generate-job"))
        return atoi (name);
    }
  return 0;
}

static void
test_generator_crash (void)
{
  g_autoptr(SrvTestServer) srv = srv_test_server_start (NULL);
  g_autofree char *id = submit_ok (srv, srv->key,
                                   "{\"model\": \"local-video\", \"prompt\": \"A long narrated clip about the sea\","
                                   " \"params\": {\"duration_seconds\": 20, \"resolution\": \"720p\","
                                   " \"narrate\": true}}");
  g_autoptr(JsonObject) g = NULL;
  g_autofree char *results = g_build_filename (srv->data_dir, "results", id, NULL);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  int child = 0;

  while (child == 0 && g_get_monotonic_time () < deadline)
    {
      child = find_generator_child (srv);
      g_usleep (10 * 1000);
    }
  g_assert_cmpint (child, >, 0);
  g_assert_cmpint (kill (child, SIGSEGV), ==, 0);

  g = srv_test_wait_generation (srv, srv->key, id, 60);
  g_assert_cmpstr (json_object_get_string_member (g, "status"), ==, "failed");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (g, "error"),
                                                           "message"), "crashed"));
  /* Only the job failed: refunded, and the server still serves. */
  g_assert_cmpint (srv_test_credits (srv, srv->key), ==, 1000);
  {
    g_autoptr(GDir) dir = g_dir_open (results, 0, NULL);
    const char *left = dir ? g_dir_read_name (dir) : NULL;

    g_assert_null (left);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gst_init (&argc, &argv);

  g_test_add_func ("/generations/image/default", test_image_default);
  g_test_add_func ("/generations/image/params", test_image_params);
  g_test_add_func ("/generations/image/image-to-image", test_image_to_image);
  g_test_add_func ("/generations/speech", test_speech);
  g_test_add_func ("/generations/video", test_video);
  g_test_add_func ("/generations/failed-refunded", test_failed_job_refunded);
  g_test_add_func ("/generations/validation", test_validation);
  g_test_add_func ("/generations/content-type-and-size", test_wrong_content_type_and_size);
  g_test_add_func ("/generations/insufficient-credits", test_insufficient_credits);
  g_test_add_func ("/generations/idempotency", test_idempotency);
  g_test_add_func ("/generations/concurrent-submits", test_concurrent_submits);
  g_test_add_func ("/generations/not-found", test_not_found);
  g_test_add_func ("/generations/restart-in-flight", test_restart_fails_jobs_in_flight);
  g_test_add_func ("/generations/generator-crash", test_generator_crash);

  shared = srv_test_server_start (NULL);
  ret = g_test_run ();
  srv_test_server_free (shared);
  return ret;
}
