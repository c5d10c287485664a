/* test-media.c
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

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rivya.h"

/* Content sniffing and the client-side limits of A.6, and the request
 * bodies the client sends. */

#define MIB (G_GINT64_CONSTANT (1024) * 1024)

static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0 };
static const guint8 webp[] = { 'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ' };
static const guint8 wav[] = { 'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ' };
static const guint8 gif[] = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0 };
static const guint8 mp4[] = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0 };
static const guint8 mov[] = { 0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 2, 0 };
static const guint8 m4a[] = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'M', '4', 'A', ' ', 0, 0, 2, 0 };
static const guint8 heic[] = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0 };
static const guint8 avif[] = { 0, 0, 0, 0x1c, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1', 0, 0, 0, 0,
                               'm', 'i', 'f', '1', 'a', 'v', 'i', 'f', 'm', 'i', 'a', 'f' };
/* EBML header with DocType "webm", then one with "matroska". */
static const guint8 webm[] = { 0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x84, 'w', 'e', 'b', 'm' };
static const guint8 mkv[] = { 0x1a, 0x45, 0xdf, 0xa3, 0x8b, 0x42, 0x82, 0x88,
                              'm', 'a', 't', 'r', 'o', 's', 'k', 'a' };
static const guint8 ogg[] = { 'O', 'g', 'g', 'S', 0, 2, 0, 0 };
static const guint8 id3[] = { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0 };
static const guint8 mp3[] = { 0xff, 0xfb, 0x90, 0x64 };
static const guint8 adts[] = { 0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc };
static const guint8 plain_text[] = { 'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd' };

static void
test_sniff (void)
{
  static const struct {
    const guint8 *data;
    gsize         len;
    const char   *mime_type;
    const char   *kind;
  } cases[] = {
    { png, sizeof png, "image/png", "image" },
    { jpeg, sizeof jpeg, "image/jpeg", "image" },
    { webp, sizeof webp, "image/webp", "image" },
    { wav, sizeof wav, "audio/wav", "audio" },
    { gif, sizeof gif, "image/gif", NULL },
    { mp4, sizeof mp4, "video/mp4", "video" },
    { mov, sizeof mov, "video/quicktime", "video" },
    { m4a, sizeof m4a, "audio/mp4", "audio" },
    { heic, sizeof heic, "image/heic", NULL },
    { avif, sizeof avif, "image/avif", NULL },
    { webm, sizeof webm, "video/webm", "video" },
    { mkv, sizeof mkv, "video/x-matroska", NULL },
    { ogg, sizeof ogg, "audio/ogg", "audio" },
    { id3, sizeof id3, "audio/mpeg", "audio" },
    { mp3, sizeof mp3, "audio/mpeg", "audio" },
    { adts, sizeof adts, "audio/aac", "audio" },
    { plain_text, sizeof plain_text, NULL, NULL },
    { png, 4, NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *mime_type = rivya_media_sniff_mime_type (cases[i].data, cases[i].len);

      g_assert_cmpstr (mime_type, ==, cases[i].mime_type);
      g_assert_cmpstr (rivya_media_kind_for_mime_type (mime_type), ==, cases[i].kind);
    }

  g_assert_null (rivya_media_sniff_mime_type (NULL, 0));
  g_assert_cmpstr (rivya_media_kind_for_mime_type ("audio/x-wav"), ==, "audio");
  g_assert_cmpint (rivya_media_get_default_max_bytes ("image"), ==, 10 * MIB);
  g_assert_cmpint (rivya_media_get_default_max_bytes ("video"), ==, 50 * MIB);
  g_assert_cmpint (rivya_media_get_default_max_bytes ("audio"), ==, 10 * MIB);
  g_assert_cmpint (rivya_media_get_default_max_bytes ("text"), ==, -1);
  g_assert_true (g_strv_contains (rivya_media_get_default_mime_types ("audio"), "audio/aac"));
  g_assert_null (rivya_media_get_default_mime_types ("pdf"));
}

static RivyaModel *
model_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  RivyaModel *model;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  model = rivya_model_new_from_json (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  return model;
}

static void
assert_refused (RivyaModel  *model,
                const char  *kind,
                const char  *mime_type,
                gint64       size,
                RivyaError   code,
                const char  *param,
                const char  *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rivya_media_check (model, kind, mime_type, size, "photo.png", &error));
  g_assert_error (error, RIVYA_ERROR, code);
  g_assert_cmpstr (rivya_error_get_param (error), ==, param);
  g_assert_cmpstr (error->message, ==, message);
  /* Nothing was sent. */
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, 0);
  g_assert_null (rivya_error_get_request_id (error));
}

static void
test_check (void)
{
  g_autoptr(RivyaModel) image_model = model_from_json (
    "{\"id\": \"nano-banana\", \"category\": \"image\", \"reference_media\": {\"kinds\": [\"image\"],"
    " \"max_files\": 10, \"max_bytes\": {\"image\": 1000}, \"mime_types\": {\"image\": [\"image/png\"]}}}");
  g_autoptr(RivyaModel) defaults_model = model_from_json (
    "{\"id\": \"wan-2-6\", \"category\": \"video\", \"reference_media\": {\"kinds\": [\"image\", \"video\"]}}");
  g_autoptr(RivyaModel) text_model = model_from_json ("{\"id\": \"z-image\", \"category\": \"image\"}");
  g_autoptr(RivyaModel) chat_model = model_from_json (
    "{\"id\": \"gpt-5-2-chat\", \"category\": \"chat\", \"chat_capabilities\": {\"attachments\": [\"image\"]}}");
  g_autoptr(GError) error = NULL;

  /* Kind limits alone. */
  g_assert_true (rivya_media_check (NULL, "image", "image/png", 10 * MIB, "a.png", &error));
  g_assert_no_error (error);
  g_assert_true (rivya_media_check (NULL, "video", "video/webm", 50 * MIB, NULL, &error));
  g_assert_true (rivya_media_check (NULL, "audio", "audio/ogg", -1, NULL, &error));
  assert_refused (NULL, "image", "image/png", 10 * MIB + 1, RIVYA_ERROR_PAYLOAD_TOO_LARGE, "file",
                  "“photo.png” is 10485761 bytes; image files are limited to 10485760 bytes (10.0\302\240MiB)");
  assert_refused (NULL, "document", "image/png", 1, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                  "“document” is not a kind of file: image, video or audio");
  assert_refused (NULL, "image", NULL, 1, RIVYA_ERROR_VALIDATION_FAILED, "file",
                  "“photo.png” is not a supported image, video or audio format");
  assert_refused (NULL, "image", "image/gif", 1, RIVYA_ERROR_VALIDATION_FAILED, "file",
                  "“photo.png” is not a supported image, video or audio format: it is image/gif");
  assert_refused (NULL, "video", "image/png", 1, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                  "“photo.png” is image/png, which is not of kind video");

  /* A model's own limits. */
  g_assert_true (rivya_media_check (image_model, "image", "image/png", 1000, "a.png", &error));
  assert_refused (image_model, "image", "image/png", 1001, RIVYA_ERROR_PAYLOAD_TOO_LARGE, "file",
                  "“photo.png” is 1001 bytes; nano-banana takes image files of at most 1000 bytes (1000 bytes)");
  assert_refused (image_model, "image", "image/jpeg", 10, RIVYA_ERROR_VALIDATION_FAILED, "file",
                  "nano-banana does not take image files of type image/jpeg (“photo.png”)");
  assert_refused (image_model, "audio", "audio/ogg", 10, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                  "nano-banana does not take audio references (“photo.png”)");
  assert_refused (text_model, "image", "image/png", 10, RIVYA_ERROR_VALIDATION_FAILED, "model",
                  "z-image takes no reference files (“photo.png”)");

  /* A model that names kinds but no limits: the kind's defaults. */
  g_assert_true (rivya_media_check (defaults_model, "video", "video/mp4", 50 * MIB, NULL, &error));
  assert_refused (defaults_model, "video", "video/mp4", 50 * MIB + 1, RIVYA_ERROR_PAYLOAD_TOO_LARGE, "file",
                  "“photo.png” is 52428801 bytes; video files are limited to 52428800 bytes (50.0\302\240MiB)");

  /* Chat models take image attachments. */
  g_assert_true (rivya_media_check (chat_model, "image", "image/webp", 5, NULL, &error));
  assert_refused (chat_model, "audio", "audio/ogg", 5, RIVYA_ERROR_VALIDATION_FAILED, "kind",
                  "gpt-5-2-chat does not take audio attachments (“photo.png”)");
  g_assert_no_error (error);
}

static char *
to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
test_generation_request (void)
{
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("z-image", "a lighthouse");
  g_autoptr(RivyaGenerationRequest) other = rivya_generation_request_new ("z-image", "a lighthouse");
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(JsonNode) dialogue = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  g_autofree char *key = NULL;
  const char *first_key;

  /* A random UUID each, kept until changed. */
  first_key = rivya_generation_request_get_idempotency_key (request);
  g_assert_true (g_uuid_string_is_valid (first_key));
  g_assert_cmpstr (first_key, !=, rivya_generation_request_get_idempotency_key (other));

  body = rivya_generation_request_to_json (request);
  text = to_string (body);
  g_assert_cmpstr (text, ==, "{\"model\":\"z-image\",\"prompt\":\"a lighthouse\"}");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&body, json_node_unref);

  rivya_generation_request_set_param_string (request, "aspect_ratio", "16:9");
  rivya_generation_request_set_param_string (request, "duration", "5");
  rivya_generation_request_set_param_double (request, "duration_seconds", 3.5);
  rivya_generation_request_set_param_int (request, "seed", 42);
  rivya_generation_request_set_param_boolean (request, "loop", FALSE);
  json_parser_load_from_data (parser, "[{\"voice\": \"a\", \"text\": \"hi\"}]", -1, NULL);
  dialogue = json_node_copy (json_parser_get_root (parser));
  rivya_generation_request_set_param (request, "dialogue", dialogue);
  rivya_generation_request_set_param (request, "loop", NULL);
  rivya_generation_request_add_reference (request, "https://m/a.png", "image", "a.png", "image/png", -1, NULL);
  rivya_generation_request_add_reference (request, "https://m/b.ogg", "audio", NULL, NULL, 2.5, "tok");
  rivya_generation_request_set_client_request_id (request, "trace-7");

  body = rivya_generation_request_to_json (request);
  text = to_string (body);
  g_assert_cmpstr (text, ==,
                   "{\"model\":\"z-image\",\"prompt\":\"a lighthouse\",\"params\":{"
                   "\"aspect_ratio\":\"16:9\",\"duration\":\"5\",\"duration_seconds\":3.5,\"seed\":42,"
                   "\"dialogue\":[{\"voice\":\"a\",\"text\":\"hi\"}],\"referenceMediaItems\":["
                   "{\"url\":\"https://m/a.png\",\"kind\":\"image\",\"name\":\"a.png\",\"mimeType\":\"image/png\"},"
                   "{\"url\":\"https://m/b.ogg\",\"kind\":\"audio\",\"durationSeconds\":2.5,\"durationToken\":\"tok\"}]},"
                   "\"client_request_id\":\"trace-7\"}");

  /* The same request gives the same bytes: a retry replays, never conflicts. */
  again = rivya_generation_request_to_json (request);
  text_again = to_string (again);
  g_assert_cmpstr (text, ==, text_again);
  g_assert_cmpstr (rivya_generation_request_get_idempotency_key (request), ==, first_key);

  rivya_generation_request_set_idempotency_key (request, "job-17");
  g_assert_cmpstr (rivya_generation_request_get_idempotency_key (request), ==, "job-17");
  rivya_generation_request_set_idempotency_key (request, NULL);
  g_object_get (request, "idempotency-key", &key, NULL);
  g_assert_true (g_uuid_string_is_valid (key));
}

static void
test_chat_request (void)
{
  g_autoptr(RivyaChatRequest) request = rivya_chat_request_new ("local-chat", "Hello \"you\"");
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_uuid_string_is_valid (rivya_chat_request_get_idempotency_key (request)));
  body = rivya_chat_request_to_json (request);
  text = to_string (body);
  g_assert_cmpstr (text, ==, "{\"model\":\"local-chat\",\"message\":\"Hello \\\"you\\\"\"}");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&body, json_node_unref);

  rivya_chat_request_set_session_id (request, "sess_1");
  rivya_chat_request_add_attachment (request, "file_a");
  rivya_chat_request_add_attachment (request, "file_b");
  rivya_chat_request_set_enable_web_search (request, TRUE);
  rivya_chat_request_set_reasoning_effort (request, "high");
  rivya_chat_request_set_client_request_id (request, "t");
  body = rivya_chat_request_to_json (request);
  text = to_string (body);
  g_assert_cmpstr (text, ==,
                   "{\"model\":\"local-chat\",\"session_id\":\"sess_1\",\"message\":\"Hello \\\"you\\\"\","
                   "\"attachments\":[{\"file_id\":\"file_a\"},{\"file_id\":\"file_b\"}],"
                   "\"enable_web_search\":true,\"reasoning_effort\":\"high\",\"client_request_id\":\"t\"}");
  g_assert_cmpuint (g_strv_length ((char **)rivya_chat_request_get_attachments (request)), ==, 2);
}

static void
test_upload_object (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/some dir/photo.png");
  g_autoptr(RivyaUpload) upload = rivya_upload_new_for_file (file, "image");
  g_autoptr(GInputStream) stream = g_memory_input_stream_new ();
  g_autoptr(RivyaUpload) from_stream = rivya_upload_new_for_stream (stream, 12, NULL, "audio");
  g_autoptr(RivyaModel) model = model_from_json ("{\"id\": \"local-image\"}");

  g_assert_cmpstr (rivya_upload_get_filename (upload), ==, "photo.png");
  g_assert_cmpstr (rivya_upload_get_kind (upload), ==, "image");
  g_assert_cmpint (rivya_upload_get_size (upload), ==, -1);
  g_assert_true (g_uuid_string_is_valid (rivya_upload_get_idempotency_key (upload)));
  g_assert_null (rivya_upload_get_mime_type (upload));

  rivya_upload_set_model (upload, model);
  g_assert_cmpstr (rivya_upload_get_model_id (upload), ==, "local-image");
  rivya_upload_set_model_id (upload, "local-video");
  g_assert_null (rivya_upload_get_model (upload));

  g_assert_null (rivya_upload_get_filename (from_stream));
  g_assert_cmpint (rivya_upload_get_size (from_stream), ==, 12);
  g_assert_true (rivya_upload_get_stream (from_stream) == stream);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/media/sniff", test_sniff);
  g_test_add_func ("/media/check", test_check);
  g_test_add_func ("/requests/generation", test_generation_request);
  g_test_add_func ("/requests/chat", test_chat_request);
  g_test_add_func ("/requests/upload", test_upload_object);

  return g_test_run ();
}
