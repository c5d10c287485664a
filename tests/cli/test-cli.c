/* test-cli.c
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
#include "srv-test-utils.h"
#include "test-cli.h"

SrvTestServer *cli_test_server;

static void
test_usage (void)
{
  g_autoptr(CliRun) none = cli_run (NULL, NULL);
  g_autoptr(CliRun) version = cli_run ("--version", NULL);
  g_autoptr(CliRun) help = cli_run ("--help", NULL);
  g_autoptr(CliRun) unknown = cli_run ("frobnicate", NULL);
  g_autoptr(CliRun) no_model = cli_run ("generate", "--prompt", "x", NULL);
  g_autoptr(CliRun) bad_option = cli_run ("credits", "--colour", NULL);
  g_autoptr(CliRun) bad_url = cli_run_with (&(CliOptions) { .base_url = "ftp://example.com" },
                                            "credits", NULL);

  cli_assert_status (none, 2);
  g_assert_nonnull (strstr (none->err, "Commands:"));
  cli_assert_status (version, 0);
  g_assert_cmpstr (version->out, ==, "rivya " PACKAGE_VERSION "\n");
  cli_assert_status (help, 0);
  g_assert_nonnull (strstr (help->out, "Exit status:"));
  g_assert_nonnull (strstr (help->out, "  4    network or transport error"));
  cli_assert_status (unknown, 2);
  g_assert_cmpstr (unknown->err, ==, "error: unknown command 'frobnicate'\nTry 'rivya --help'.\n");
  cli_assert_status (no_model, 2);
  g_assert_cmpstr (no_model->err, ==, "error: --model is required\nTry 'rivya generate --help'.\n");
  cli_assert_status (bad_option, 2);
  g_assert_nonnull (strstr (bad_option->err, "--colour"));
  cli_assert_status (bad_url, 2);
  g_assert_nonnull (strstr (bad_url->err, "RIVYA_BASE_URL must be an http or https URL"));
}

static void
test_models_table (void)
{
  g_autoptr(CliRun) run = cli_run ("models", NULL);
  g_autoptr(CliRun) audio = cli_run ("models", "--category", "audio", NULL);
  g_autoptr(CliRun) one = cli_run ("models", "local-speech", NULL);
  g_autoptr(CliRun) missing = cli_run ("models", "nope", NULL);

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out, ==,
                   "ID            CATEGORY  CREDITS  BILLING      STATUS     NAME\n"
                   "local-image   image           1  FIXED        available  Local Image\n"
                   "local-speech  audio           1  FIXED        available  Local Speech\n"
                   "local-video   video           5  FIXED        available  Local Video\n"
                   "local-chat    chat            2  TOKEN_BASED  available  Local Chat\n");
  g_assert_cmpstr (run->err, ==, "");

  cli_assert_status (audio, 0);
  g_assert_cmpstr (audio->out, ==,
                   "ID            CATEGORY  CREDITS  BILLING  STATUS     NAME\n"
                   "local-speech  audio           1  FIXED    available  Local Speech\n");

  cli_assert_status (one, 0);
  g_assert_nonnull (strstr (one->out, "\nspeed          number  175      80 to 450, step 1\n"));
  g_assert_nonnull (strstr (one->out, "\noutput_format  select  ogg      ogg | wav\n"));

  cli_assert_status (missing, 2);
  g_assert_nonnull (strstr (missing->err, "unknown model 'nope'"));
}

static void
test_models_json (void)
{
  g_autoptr(CliRun) run = cli_run ("models", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *data;
  JsonObject *image;
  JsonObject *reference;
  JsonObject *chat;
  JsonObject *seed;

  cli_assert_status (run, 0);
  root = cli_parse_json (run->out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "object"), ==, "list");
  data = json_object_get_array_member (object, "data");
  g_assert_cmpuint (json_array_get_length (data), ==, 4);

  image = json_array_get_object_element (data, 0);
  g_assert_cmpstr (json_object_get_string_member (image, "id"), ==, "local-image");
  g_assert_cmpint (json_object_get_int_member (image, "base_credits"), ==, 1);
  reference = json_object_get_object_member (image, "reference_media");
  g_assert_cmpint (json_object_get_int_member (reference, "max_files"), ==, 4);
  seed = json_array_get_object_element (json_object_get_array_member (image, "params"), 2);
  g_assert_cmpstr (json_object_get_string_member (seed, "key"), ==, "seed");
  g_assert_cmpstr (json_object_get_string_member (seed, "type"), ==, "number");
  g_assert_cmpfloat (json_object_get_double_member (seed, "max"), ==, 2147483647.0);
  chat = json_array_get_object_element (data, 3);
  g_assert_true (json_object_get_null_member (chat, "reference_media"));
  g_assert_cmpstr (json_object_get_string_member (chat, "runtime"), ==, "chat");
}

static void
test_credits (void)
{
  gint64 balance = srv_test_credits (cli_test_server, cli_test_server->key);
  g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " credits\n", balance);
  g_autoptr(CliRun) run = cli_run ("credits", NULL);
  g_autoptr(CliRun) json = cli_run ("credits", "--json", NULL);
  g_autoptr(JsonNode) root = NULL;

  cli_assert_status (run, 0);
  g_assert_cmpstr (run->out, ==, expected);

  cli_assert_status (json, 0);
  root = cli_parse_json (json->out);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "current_credits"), ==,
                   balance);
}

static void
test_error_insufficient_credits (void)
{
  g_autofree char *poor = srv_test_new_account_key (cli_test_server, "poor", 0, NULL);
  CliOptions options = { .key = poor };
  g_autoptr(CliRun) run = cli_run_with (&options,
                                        "generate", "--model", "local-image", "--prompt", "x",
                                        NULL);

  cli_assert_status (run, 3);
  g_assert_true (g_regex_match_simple ("^error: .+ \\(insufficient_credits, request "
                                       "req_[0-9A-Za-z]{24}\\)\n$",
                                       run->err, 0, 0));
  g_assert_cmpstr (run->out, ==, "");
}

static void
test_error_no_key (void)
{
  g_autoptr(CliRun) run = cli_run_with (&(CliOptions) { .key = "" }, "credits", NULL);
  g_autoptr(CliRun) keyring = cli_run_with (&(CliOptions) { .key = "", .use_keyring = TRUE },
                                            "credits", NULL);

  cli_assert_status (run, 2);
  g_assert_true (g_str_has_prefix (run->err, "error: no API key: set RIVYA_API_KEY"));
  g_assert_null (strstr (run->err, "--help"));

  /* No session bus: the keyring does not answer, and that is said. */
  cli_assert_status (keyring, 2);
  g_assert_nonnull (strstr (keyring->err, "the keyring could not be read"));
  g_assert_nonnull (strstr (keyring->err, "set RIVYA_API_KEY"));
}

static void
test_error_bad_key (void)
{
  const char *bad = "rvya_sk_0000000000000000000000000000000000000000";
  g_autoptr(CliRun) run = cli_run_with (&(CliOptions) { .key = bad }, "credits", NULL);

  cli_assert_status (run, 3);
  g_assert_true (g_regex_match_simple ("^error: .+ \\(api_key_invalid, request "
                                       "req_[0-9A-Za-z]{24}\\)\n$",
                                       run->err, 0, 0));
}

static void
test_error_not_found (void)
{
  g_autoptr(CliRun) run = cli_run ("status", "task_000000000000000000000000", "--json", NULL);

  cli_assert_status (run, 3);
  g_assert_true (g_regex_match_simple ("^error: .+ \\(not_found, request req_[0-9A-Za-z]{24}\\)\n$",
                                       run->err, 0, 0));
}

static void
test_error_server_stopped (void)
{
  g_autoptr(SrvTestServer) stopped = srv_test_server_start (NULL);
  g_autoptr(CliRun) run = NULL;

  srv_test_server_kill (stopped);
  run = cli_run_with (&(CliOptions) { .base_url = stopped->url, .key = stopped->key }, "credits",
                      NULL);

  cli_assert_status (run, 4);
  g_assert_true (g_str_has_prefix (run->err, "error: Could not reach the server: "));
}

static void
test_files_upload (void)
{
  g_autofree char *dir = cli_make_workdir ();
  g_autofree char *path = g_build_filename (dir, "pixel art.png", NULL);
  g_autofree char *size = NULL;
  g_autofree char *file_id = NULL;
  g_autoptr(GBytes) png = srv_test_make_png (40, 30);
  g_autoptr(CliRun) run = NULL;
  g_autoptr(CliRun) json = NULL;
  g_autoptr(CliRun) get = NULL;
  g_autoptr(CliRun) wrong = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error);
  g_assert_no_error (error);
  size = g_strdup_printf ("%" G_GSIZE_FORMAT " bytes", g_bytes_get_size (png));

  run = cli_run ("files", "upload", path, "--kind", "image", NULL);
  cli_assert_status (run, 0);
  file_id = cli_field (run->out, "File");
  g_assert_true (g_str_has_prefix (file_id, "file_"));
  cli_assert_field (run->out, "Kind", "image");
  cli_assert_field (run->out, "Name", "pixel art.png");
  cli_assert_field (run->out, "Type", "image/png");
  cli_assert_field (run->out, "Size", size);

  get = cli_run ("files", "get", file_id, NULL);
  cli_assert_status (get, 0);
  g_assert_cmpstr (get->out, ==, run->out);

  json = cli_run ("files", "upload", path, "--model", "local-image", "--json", NULL);
  cli_assert_status (json, 0);
  root = cli_parse_json (json->out);
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "object"), ==, "file");
  g_assert_cmpstr (json_object_get_string_member (object, "model"), ==, "local-image");
  g_assert_cmpint (json_object_get_int_member (object, "size_bytes"), ==, g_bytes_get_size (png));
  g_assert_true (json_object_get_null_member (object, "duration_token"));

  /* librivya sniffs the PNG and refuses it as audio before sending. */
  wrong = cli_run ("files", "upload", path, "--kind", "audio", NULL);
  cli_assert_status (wrong, 2);
  g_assert_true (g_str_has_suffix (wrong->err, "(validation_failed, refused before sending)\n"));

  cli_remove_tree (dir);
}

static void
test_key_never_printed (void)
{
  g_autoptr(CliRun) verbose = cli_run ("--verbose", "credits", NULL);
  g_autoptr(CliRun) failing = cli_run ("status", "-v", "task_nope", NULL);
  g_autoptr(CliRun) dry = cli_run ("generate", "-v", "-m", "local-image", "-p", "x", "--dry-run",
                                   NULL);

  /* cli_runv() checks every run of this file; these ones print the most. */
  cli_assert_status (verbose, 0);
  g_assert_nonnull (strstr (verbose->err, "rivya: API key from RIVYA_API_KEY\n"));
  g_assert_true (g_regex_match_simple ("rivya: GET /api/v1/credits: 200, request req_",
                                       verbose->err, 0, 0));
  cli_assert_status (failing, 3);
  cli_assert_status (dry, 0);
  g_assert_null (strstr (verbose->err, "rvya_sk_"));
  g_assert_null (strstr (failing->err, "rvya_sk_"));
  g_assert_null (strstr (dry->out, "rvya_sk_"));
}

int
main (int   argc,
      char *argv[])
{
  const char * const server_args[] = {
    "--allow-insecure-webhooks", "--webhook-retry-scale", "0.001", "--chat-word-delay", "10", NULL
  };
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/usage", test_usage);
  g_test_add_func ("/cli/models/table", test_models_table);
  g_test_add_func ("/cli/models/json", test_models_json);
  g_test_add_func ("/cli/credits", test_credits);
  g_test_add_func ("/cli/errors/insufficient-credits", test_error_insufficient_credits);
  g_test_add_func ("/cli/errors/no-key", test_error_no_key);
  g_test_add_func ("/cli/errors/bad-key", test_error_bad_key);
  g_test_add_func ("/cli/errors/not-found", test_error_not_found);
  g_test_add_func ("/cli/errors/server-stopped", test_error_server_stopped);
  g_test_add_func ("/cli/files/upload", test_files_upload);
  g_test_add_func ("/cli/key-never-printed", test_key_never_printed);
  cli_test_add_generate_tests ();
  cli_test_add_event_tests ();

  cli_test_server = srv_test_server_start (server_args);
  cli_test_set_defaults (cli_test_server->url, cli_test_server->key);

  status = g_test_run ();

  g_clear_pointer (&cli_test_server, srv_test_server_free);

  return status;
}
