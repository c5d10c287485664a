/* test-cli-generate.c
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

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-utils.h"
#include "test-cli.h"

static void
test_generate_image (void)
{
  g_autofree char *dir = cli_make_workdir ();
  g_autofree char *path = g_build_filename (dir, "out.png", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *expected_saved = NULL;
  g_autofree char *unwritable = g_build_filename (dir, "missing", "out.png", NULL);
  g_autofree char *task_id = NULL;
  g_autofree char *key = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *partial = g_build_filename (dir, "partial.png", NULL);
  g_autoptr(CliRun) failed = NULL;
  g_autoptr(CliRun) cut = NULL;
  gint64 before = srv_test_credits (cli_test_server, cli_test_server->key);
  g_autoptr(CliRun) run = cli_run ("generate", "--model", "local-image", "--prompt", "a lighthouse",
                                   "--param", "aspect_ratio=16:9", "--param", "seed=42",
                                   "--param", "style=blueprint", "-o", path, NULL);
  guint width = 0, height = 0;

  cli_assert_status (run, 0);
  task_id = cli_field (run->out, "Task");
  g_assert_true (g_str_has_prefix (task_id, "task_"));
  key = cli_field (run->out, "Idempotency key");
  g_assert_true (g_uuid_string_is_valid (key));
  cli_assert_field (run->out, "Status", "succeeded");
  saved = cli_field (run->out, "Saved");
  g_assert_true (g_str_has_prefix (saved, path));
  g_assert_true (g_str_has_suffix (saved, "bytes, image/png)"));
  g_assert_nonnull (strstr (run->err, ": succeeded\n"));

  g_assert_true (cli_png_size (path, &width, &height));
  g_assert_cmpuint (width, ==, 1024);
  g_assert_cmpuint (height, ==, 576);

  /* The temporary file was renamed: nothing else is left. */
  names = cli_list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "out.png");

  g_assert_cmpint (srv_test_credits (cli_test_server, cli_test_server->key), ==, before - 1);

  /* A download that cannot be written fails with 1 and leaves nothing. */
  failed = cli_run ("status", task_id, "-o", unwritable, NULL);
  cli_assert_status (failed, 1);
  g_assert_nonnull (strstr (failed->err, "error: could not create a file in "));
  g_strfreev (names);
  names = cli_list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, 1);

  /* Neither does one cut short while writing: the part is removed. */
  cut = cli_run_with (&(CliOptions) { .max_file_size = 10000 }, "status", task_id, "-o", partial,
                      NULL);
  cli_assert_status (cut, 1);
  g_assert_nonnull (strstr (cut->err, "\nerror: could not write "));
  g_strfreev (names);
  names = cli_list_dir (dir);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "out.png");

  cli_remove_tree (dir);
}

static void
test_generate_reference (void)
{
  g_autofree char *dir = cli_make_workdir ();
  g_autofree char *ref = g_build_filename (dir, "ref.png", NULL);
  g_autofree char *task_id = NULL;
  g_autofree char *result = NULL;
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GError) error = NULL;
  guint width = 0, height = 0;

  g_file_set_contents (ref, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);

  /* No -o: saved in the working directory under the task id. */
  run = cli_run_with (&(CliOptions) { .cwd = dir },
                      "generate", "--model", "local-image", "--prompt", "in pastel",
                      "--ref", "ref.png", "--param", "style=pastel", "--param", "aspect_ratio=3:4",
                      "--wait", NULL);
  cli_assert_status (run, 0);
  g_assert_true (g_str_has_prefix (run->err, "Uploaded ref.png as file_"));
  task_id = cli_field (run->out, "Task");
  result = g_strdup_printf ("%s/%s.png", dir, task_id);
  g_assert_true (cli_png_size (result, &width, &height));
  g_assert_cmpuint (width, ==, 768);
  g_assert_cmpuint (height, ==, 1024);

  cli_remove_tree (dir);
}

static void
test_generate_failed (void)
{
  /* Right magic bytes, undecodable content: uploaded, then the job fails. */
  static const char broken[] = "\x89PNG\r\n\x1a\n" "not really a png, only its signature";
  g_autofree char *dir = cli_make_workdir ();
  g_autofree char *ref = g_build_filename (dir, "broken.png", NULL);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = srv_test_credits (cli_test_server, cli_test_server->key);

  g_file_set_contents (ref, broken, sizeof broken, &error);
  g_assert_no_error (error);

  run = cli_run ("generate", "--model", "local-image", "--prompt", "x", "--ref", ref,
                 "-o", out, NULL);
  cli_assert_status (run, 3);
  cli_assert_field (run->out, "Status", "failed");
  cli_assert_field (run->out, "Final credits", "0");
  g_assert_true (g_regex_match_simple ("\nerror: generation failed: .+ "
                                       "\\(generation_failed, task task_[0-9A-Za-z]{24}\\)\n$",
                                       run->err, 0, 0));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  g_assert_cmpint (srv_test_credits (cli_test_server, cli_test_server->key), ==, before);

  cli_remove_tree (dir);
}

static void
test_generate_speech (void)
{
  g_autofree char *dir = cli_make_workdir ();
  g_autofree char *path = g_build_filename (dir, "hello.wav", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *data = NULL;
  g_autoptr(CliRun) run = NULL;
  gsize len = 0;

  run = cli_run ("generate", "-m", "local-speech", "-p", "Hello from the command line",
                 "--param", "output_format=wav", "--param", "speed=200",
                 "--param", "voice=en-gb-x-rp", "-o", path, NULL);
  cli_assert_status (run, 0);
  saved = cli_field (run->out, "Saved");
  g_assert_true (g_str_has_suffix (saved, "bytes, audio/wav)"));
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (data, 4, "RIFF", 4);
  g_assert_cmpmem (data + 8, 4, "WAVE", 4);

  cli_remove_tree (dir);
}

static void
test_generate_then_status (void)
{
  g_autofree char *dir = cli_make_workdir ();
  g_autofree char *task_id = NULL;
  g_autofree char *key = NULL;
  g_autofree char *status = NULL;
  g_autofree char *again_id = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CliRun) submit = NULL;
  g_autoptr(CliRun) again = NULL;
  g_autoptr(CliRun) show = NULL;
  g_autoptr(CliRun) wait = NULL;
  gint64 before = srv_test_credits (cli_test_server, cli_test_server->key);

  submit = cli_run ("generate", "--model", "local-image", "--prompt", "no wait", NULL);
  cli_assert_status (submit, 0);
  task_id = cli_field (submit->out, "Task");
  key = cli_field (submit->out, "Idempotency key");
  cli_assert_field (submit->out, "Reserved credits", "1");

  /* The same key again: the same job, not a second charge. */
  again = cli_run ("generate", "--model", "local-image", "--prompt", "no wait",
                   "--idempotency-key", key, NULL);
  cli_assert_status (again, 0);
  again_id = cli_field (again->out, "Task");
  g_assert_cmpstr (again_id, ==, task_id);

  show = cli_run ("status", task_id, NULL);
  cli_assert_status (show, 0);
  cli_assert_field (show->out, "Task", task_id);
  status = cli_field (show->out, "Status");
  g_assert_true (g_str_equal (status, "queued") || g_str_equal (status, "processing") ||
                 g_str_equal (status, "succeeded"));

  wait = cli_run_with (&(CliOptions) { .cwd = dir }, "status", task_id, "--wait", "--json", NULL);
  cli_assert_status (wait, 0);
  root = cli_parse_json (wait->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "id"), ==, task_id);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "status"), ==,
                   "succeeded");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "final_credits"), ==,
                   1);
  g_assert_nonnull (strstr (wait->err, "Saved ./"));

  g_assert_cmpint (srv_test_credits (cli_test_server, cli_test_server->key), ==, before - 1);
  cli_remove_tree (dir);
}

static void
test_generate_dry_run (void)
{
  CliOptions no_key = { .key = "" };
  g_autoptr(CliRun) run = cli_run_with (&no_key,
                                        "generate", "--model", "local-video", "--prompt", "waves",
                                        "--param", "narrate=true",
                                        "--param", "duration_seconds=2.5",
                                        "--param", "resolution=360p",
                                        "--param", "aspect_ratio=1:1",
                                        "--dry-run", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *params;

  cli_assert_status (run, 0);
  root = cli_parse_json (run->out);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "model"), ==,
                   "local-video");
  params = json_object_get_object_member (json_node_get_object (root), "params");
  g_assert_cmpuint (json_object_get_size (params), ==, 4);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (params, "narrate")), ==,
                   G_TYPE_BOOLEAN);
  g_assert_true (json_object_get_boolean_member (params, "narrate"));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (params, "duration_seconds")),
                   ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_object_get_double_member (params, "duration_seconds"), ==, 2.5);
  g_assert_cmpstr (json_object_get_string_member (params, "resolution"), ==, "360p");
  g_assert_cmpstr (json_object_get_string_member (params, "aspect_ratio"), ==, "1:1");
}

static void
test_generate_bad_params (void)
{
  gint64 before = srv_test_credits (cli_test_server, cli_test_server->key);
  g_autoptr(CliRun) unknown = cli_run ("generate", "--model", "local-image", "--prompt", "x",
                                       "--param", "colour=red", NULL);
  g_autoptr(CliRun) number = cli_run ("generate", "--model", "local-image", "--prompt", "x",
                                      "--param", "seed=many", NULL);
  g_autoptr(CliRun) range = cli_run ("generate", "--model", "local-speech", "--prompt", "x",
                                     "--param", "pitch=100", NULL);
  g_autoptr(CliRun) option = cli_run ("generate", "--model", "local-image", "--prompt", "x",
                                      "--param", "style=neon", NULL);
  g_autoptr(CliRun) boolean = cli_run ("generate", "--model", "local-video", "--prompt", "x",
                                       "--param", "narrate=maybe", NULL);
  g_autoptr(CliRun) chat = cli_run ("generate", "--model", "local-chat", "--prompt", "x", NULL);

  cli_assert_status (unknown, 2);
  g_assert_cmpstr (unknown->err, ==,
                   "error: unknown parameter 'colour' for local-image; "
                   "valid parameters: aspect_ratio, style, seed, output_format\n"
                   "Try 'rivya generate --help'.\n");
  cli_assert_status (number, 2);
  g_assert_nonnull (strstr (number->err, "parameter 'seed' is a number, not 'many'"));
  cli_assert_status (range, 2);
  g_assert_nonnull (strstr (range->err, "parameter 'pitch' is at most 99, not 100"));
  cli_assert_status (option, 2);
  g_assert_nonnull (strstr (option->err,
                            "is one of vivid, pastel, mono, blueprint, sunset, not 'neon'"));
  cli_assert_status (boolean, 2);
  g_assert_nonnull (strstr (boolean->err, "parameter 'narrate' is true or false, not 'maybe'"));
  cli_assert_status (chat, 2);
  g_assert_nonnull (strstr (chat->err,
                            "local-chat is a chat model: use 'rivya chat --model local-chat'"));

  /* Refused before sending: nothing was reserved. */
  g_assert_cmpint (srv_test_credits (cli_test_server, cli_test_server->key), ==, before);
}

void
cli_test_add_generate_tests (void)
{
  g_test_add_func ("/cli/generate/image", test_generate_image);
  g_test_add_func ("/cli/generate/reference", test_generate_reference);
  g_test_add_func ("/cli/generate/failed", test_generate_failed);
  g_test_add_func ("/cli/generate/speech", test_generate_speech);
  g_test_add_func ("/cli/generate/status", test_generate_then_status);
  g_test_add_func ("/cli/generate/dry-run", test_generate_dry_run);
  g_test_add_func ("/cli/generate/bad-params", test_generate_bad_params);
}
