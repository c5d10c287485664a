/* test-recipes.c
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

#include <adwaita.h>
#include <sqlite3.h>

#include "rd-job-store.h"
#include "rd-jobs-page.h"
#include "rd-media-preview.h"
#include "rd-recipe.h"
#include "rd-server-supervisor.h"
#include "rd-test-utils.h"
#include "rd-window-private.h"

/* "Copy as…": each recipe is run for real (bash + curl, the rivya
 * command line, a C program built against the uninstalled librivya)
 * against a real rivya-server, and must create a job equivalent to the
 * one it was copied from: same model, prompt, params and references. */

#define START_TIMEOUT_MS 20000
#define JOB_TIMEOUT_MS 60000

/* Everything a shell or a C compiler could take for syntax. */
static const char * const evil_prompts[] = {
  "It's \"quoted\": $HOME ${PATH} `id` $(echo pwned) \\ \\\\n \\x41 \\101 %s %d ?" "?= */ /* # ! & | ; < > * ~ {a,b}",
  "Two lines\nthen a\ttab,\r\na line that is just EOF:\nEOF\nJSON\n'\\'' \"\n-- --model=x\n",
  "-x --prompt=evil Café — 東京の夜景 🌃 «ünïcödé» \u2028 \x01\x7f the end",
};

typedef struct
{
  RdServerSupervisor *supervisor;
  RivyaClient        *client;
  RdJobStore         *store;
  char               *dir;
  char               *reference;
  gboolean            no_base_url;
} Fixture;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 32, 24);
  g_autoptr(GError) error = NULL;

  fixture->supervisor = rd_server_supervisor_new (NULL);
  rd_server_supervisor_start (fixture->supervisor);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (fixture->supervisor) == RD_SERVER_STATE_RUNNING,
                      START_TIMEOUT_MS);
  fixture->client = rivya_client_new (rd_server_supervisor_get_url (fixture->supervisor),
                                      rd_server_supervisor_get_api_key (fixture->supervisor));
  fixture->store = rd_job_store_new (NULL);
  RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (fixture->store), 10000);

  fixture->dir = g_dir_make_tmp ("test-recipes-XXXXXX", &error);
  g_assert_no_error (error);

  /* A reference with a name no shell or curl -F would take as it is. */
  fixture->reference = g_build_filename (fixture->dir, "my \"ref\"; it's $x,y.png", NULL);
  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save (pixbuf, fixture->reference, "png", &error, NULL);
  g_assert_no_error (error);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, NULL, NULL, NULL) && info != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        remove_tree (child);
      else
        g_file_delete (child, NULL, NULL);
    }
  g_file_delete (file, NULL, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

  remove_tree (dir);
  rd_server_supervisor_stop (fixture->supervisor);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->supervisor);
  g_free (fixture->reference);
  g_free (fixture->dir);
}

static RivyaFile *
upload (Fixture    *fixture,
        const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RivyaUpload) upload = rivya_upload_new_for_file (file, "image");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RivyaFile *uploaded;

  rivya_upload_set_model_id (upload, "local-image");
  rivya_client_upload_async (fixture->client, upload, NULL, result_cb, &result);
  RD_TEST_WAIT_UNTIL (result != NULL, START_TIMEOUT_MS);
  uploaded = rivya_client_upload_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return uploaded;
}

/* The job tried by hand: submitted with librivya as the Create page
 * does, and kept in the history. */
static RdJob *
try_job (Fixture    *fixture,
         const char *prompt,
         gboolean    with_reference)
{
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("local-image", prompt);
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();

  rivya_generation_request_set_idempotency_key (request, key);
  rivya_generation_request_set_param_string (request, "aspect_ratio", "16:9");
  rivya_generation_request_set_param_string (request, "style", "pastel");
  rivya_generation_request_set_param_int (request, "seed", 4242);
  if (with_reference)
    {
      g_autoptr(RivyaFile) file = upload (fixture, fixture->reference);

      rivya_generation_request_add_reference_file (request, file);
    }
  rivya_client_create_generation_async (fixture->client, request, NULL, result_cb, &result);
  RD_TEST_WAIT_UNTIL (result != NULL, START_TIMEOUT_MS);
  generation = rivya_client_create_generation_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  rd_job_store_add_submission (fixture->store, rivya_client_get_base_url (fixture->client), NULL,
                               request, generation);
  return g_object_ref (rd_job_store_lookup (fixture->store, rivya_generation_get_id (generation)));
}

/* What the server recorded for a task: the only place that keeps the
 * prompt and params (the generation object has neither). */
typedef struct
{
  char *model;
  char *prompt;
  char *params;
  char *refs;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->model);
  g_free (row->prompt);
  g_free (row->params);
  g_free (row->refs);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

static void
read_row (Fixture    *fixture,
          const char *task_id,
          Row        *row)
{
  g_autofree char *path = g_build_filename (rd_server_supervisor_get_data_dir (fixture->supervisor),
                                            "rivya.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT model, prompt, params, refs FROM generations WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, task_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  row->model = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->prompt = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  row->params = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row->refs = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static RivyaGeneration *
get_generation (Fixture    *fixture,
                const char *task_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RivyaGeneration *generation;

  rivya_client_get_generation_async (fixture->client, task_id, NULL, result_cb, &result);
  RD_TEST_WAIT_UNTIL (result != NULL, START_TIMEOUT_MS);
  generation = rivya_client_get_generation_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return generation;
}

/* A reference's kind and type, without the URL that differs per upload. */
static char *
refs_shape (const char *refs)
{
  g_autoptr(JsonNode) node = json_from_string (refs, NULL);
  GString *shape = g_string_new (NULL);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonObject *item = json_array_get_object_element (json_node_get_array (node), i);

      g_string_append_printf (shape, "%s:%s;",
                              json_object_get_string_member_with_default (item, "kind", "?"),
                              json_object_get_string_member_with_default (item, "mime_type",
                                json_object_get_string_member_with_default (item, "mimeType", "?")));
    }
  return g_string_free (shape, FALSE);
}

/* The recipe's job is the tried one again: same model, prompt (byte for
 * byte), params and references, and it reached a terminal status. */
static void
assert_equivalent (Fixture    *fixture,
                   RdJob      *tried,
                   const char *task_id)
{
  g_auto(Row) before = { 0 };
  g_auto(Row) after = { 0 };
  g_autoptr(JsonNode) params_before = NULL;
  g_autoptr(JsonNode) params_after = NULL;
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autofree char *shape_before = NULL;
  g_autofree char *shape_after = NULL;

  g_assert_cmpstr (task_id, !=, rd_job_get_task_id (tried));
  generation = get_generation (fixture, task_id);
  g_assert_cmpstr (rivya_generation_get_model (generation), ==, rd_job_get_model_id (tried));
  g_assert_cmpint (rivya_generation_get_status (generation), ==, RIVYA_GENERATION_STATUS_SUCCEEDED);

  read_row (fixture, rd_job_get_task_id (tried), &before);
  read_row (fixture, task_id, &after);
  g_assert_cmpstr (after.model, ==, before.model);
  g_assert_cmpstr (after.prompt, ==, before.prompt);
  g_assert_cmpstr (after.prompt, ==, rd_job_get_prompt (tried));
  params_before = json_from_string (before.params, NULL);
  params_after = json_from_string (after.params, NULL);
  if (!json_node_equal (params_before, params_after))
    g_error ("params differ: %s then %s", before.params, after.params);
  shape_before = refs_shape (before.refs);
  shape_after = refs_shape (after.refs);
  g_assert_cmpstr (shape_after, ==, shape_before);
}

static char *
find_task_id (const char *output)
{
  g_autoptr(GRegex) regex = g_regex_new ("Submitted (task_[A-Za-z0-9]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, output, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* Runs @argv in the fixture's folder with the key and URL in the
 * environment only; returns what it printed on both outputs. */
static char *
run (Fixture            *fixture,
     const char * const *argv,
     const char         *locale)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bin = g_build_filename (fixture->dir, "bin", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  path = g_strconcat (bin, ":", g_environ_getenv (env, "PATH"), NULL);
  env = g_environ_setenv (env, "PATH", path, TRUE);
  env = g_environ_setenv (env, "RIVYA_API_KEY", rd_server_supervisor_get_api_key (fixture->supervisor), TRUE);
  if (fixture->no_base_url)
    env = g_environ_unsetenv (env, "RIVYA_BASE_URL");
  else
    env = g_environ_setenv (env, "RIVYA_BASE_URL", rd_server_supervisor_get_url (fixture->supervisor), TRUE);
  env = g_environ_setenv (env, "RIVYA_NO_KEYRING", "1", TRUE);
  if (locale != NULL)
    env = g_environ_setenv (env, "LC_ALL", locale, TRUE);

  g_spawn_sync (fixture->dir, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n--- stdout\n%s\n--- stderr\n%s", argv[0], error->message, out, err);
  /* The key is given through the environment and printed nowhere. */
  g_assert_null (strstr (out, rd_server_supervisor_get_api_key (fixture->supervisor)));
  g_assert_null (strstr (err, rd_server_supervisor_get_api_key (fixture->supervisor)));
  return g_strconcat (out, "\n", err, NULL);
}

static char *
write_recipe (Fixture    *fixture,
              const char *name,
              const char *text)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
assert_no_key_and_base_url (Fixture    *fixture,
                            const char *text)
{
  g_assert_null (strstr (text, rd_server_supervisor_get_api_key (fixture->supervisor)));
  g_assert_nonnull (strstr (text, "RIVYA_API_KEY"));
  g_assert_nonnull (strstr (text, rd_server_supervisor_get_url (fixture->supervisor)));
}

static char *
run_curl_recipe (Fixture    *fixture,
                 const char *text)
{
  g_autofree char *script = write_recipe (fixture, "recipe.sh", text);
  const char *argv[] = { "bash", script, NULL };
  g_autofree char *output = run (fixture, argv, NULL);

  return find_task_id (output);
}

static char *
run_cli_output (Fixture    *fixture,
                const char *text,
                const char *locale)
{
  g_autofree char *script = write_recipe (fixture, "recipe-cli.sh", text);
  g_autofree char *bin = g_build_filename (fixture->dir, "bin", NULL);
  g_autofree char *link = g_build_filename (bin, "rivya", NULL);
  const char *argv[] = { "sh", script, NULL };

  /* The recipe calls `rivya` from PATH, as it would once installed. */
  if (!g_file_test (link, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_mkdir_with_parents (bin, 0755), ==, 0);
      g_assert_cmpint (symlink (g_getenv ("RIVYA_CLI"), link), ==, 0);
    }
  return run (fixture, argv, locale);
}

static char *
run_cli_recipe (Fixture    *fixture,
                const char *text,
                const char *locale)
{
  g_autofree char *output = run_cli_output (fixture, text, locale);

  return find_task_id (output);
}

/* Builds the C recipe with cc against the uninstalled librivya, with
 * warnings as errors, and runs it. */
static char *
run_c_recipe (Fixture    *fixture,
              const char *text)
{
  g_autofree char *source = write_recipe (fixture, "job.c", text);
  g_autofree char *program = g_build_filename (fixture->dir, "job", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "PKG_CONFIG_PATH",
                                        g_getenv ("RIVYA_PKG_CONFIG_PATH"), TRUE);
  const char *pkg_config[] = { "pkg-config", "--cflags", "--libs", "rivya-1.0", NULL };
  g_autoptr(GPtrArray) cc = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *flags = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GError) error = NULL;
  const char *run_argv[] = { program, NULL };
  g_autofree char *output = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) pkg_config, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &flags, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("pkg-config rivya-1.0 failed: %s", err);
  g_shell_parse_argv (flags, NULL, &words, &error);
  g_assert_no_error (error);

  g_ptr_array_add (cc, g_strdup ("cc"));
  g_ptr_array_add (cc, g_strdup ("-Wall"));
  g_ptr_array_add (cc, g_strdup ("-Werror"));
  g_ptr_array_add (cc, g_strdup (source));
  g_ptr_array_add (cc, g_strdup ("-o"));
  g_ptr_array_add (cc, g_strdup (program));
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_ptr_array_add (cc, g_strdup (words[i]));
      /* Uninstalled: the program finds librivya where it was built. */
      if (g_str_has_prefix (words[i], "-L"))
        g_ptr_array_add (cc, g_strconcat ("-Wl,-rpath,", words[i] + 2, NULL));
    }
  g_ptr_array_add (cc, NULL);

  g_clear_pointer (&err, g_free);
  g_spawn_sync (NULL, (char **) cc->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("the C recipe does not build:\n%s\n--- source\n%s", err, text);

  output = run (fixture, run_argv, NULL);
  return find_task_id (output);
}

typedef char *(*RunFunc) (Fixture    *fixture,
                          const char *text);

static char *
run_cli_default (Fixture    *fixture,
                 const char *text)
{
  return run_cli_recipe (fixture, text, NULL);
}

/* Every evil prompt, tried by hand, copied as @format and run again. */
static void
check_evil_prompts (Fixture        *fixture,
                    RdRecipeFormat  format,
                    RunFunc         run_func)
{
  for (guint i = 0; i < G_N_ELEMENTS (evil_prompts); i++)
    {
      g_autoptr(RdJob) tried = try_job (fixture, evil_prompts[i], FALSE);
      g_autofree char *text = rd_recipe_for_job (tried, format, NULL);
      g_autofree char *task_id = NULL;

      assert_no_key_and_base_url (fixture, text);
      /* Once with the job's own base URL, the default of the recipe. */
      fixture->no_base_url = i == 0;
      task_id = run_func (fixture, text);
      fixture->no_base_url = FALSE;
      g_assert_nonnull (task_id);
      assert_equivalent (fixture, tried, task_id);
    }
}

static void
test_recipes_curl (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(RdJob) tried = NULL;
  g_autofree char *text = NULL;
  g_autofree char *task_id = NULL;
  const char *paths[] = { fixture->reference, NULL };

  check_evil_prompts (fixture, RD_RECIPE_FORMAT_CURL, run_curl_recipe);

  /* A reference, from a local path that needs curl -F's quoting; and
   * $RIVYA_BASE_URL wins over the URL written in the recipe. */
  tried = try_job (fixture, evil_prompts[0], TRUE);
  text = rd_recipe_for_generation (RD_RECIPE_FORMAT_CURL, "http://127.0.0.1:9/", rd_job_get_model_id (tried),
                                   rd_job_get_category (tried), rd_job_get_prompt (tried),
                                   rd_job_get_params (tried), paths, rd_job_get_task_id (tried));
  g_assert_null (strstr (text, "/media/"));
  task_id = run_curl_recipe (fixture, text);
  g_assert_nonnull (task_id);
  assert_equivalent (fixture, tried, task_id);
}

static void
test_recipes_cli (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(RdJob) tried = NULL;
  g_autoptr(RdJob) accented = NULL;
  g_autofree char *text = NULL;
  g_autofree char *task_id = NULL;
  g_autofree char *placeholder = g_build_filename (fixture->dir, "reference-1.png", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  check_evil_prompts (fixture, RD_RECIPE_FORMAT_CLI, run_cli_default);

  /* In the C locale too, where rivya would refuse UTF-8 arguments. */
  accented = try_job (fixture, evil_prompts[2], FALSE);
  text = rd_recipe_for_job (accented, RD_RECIPE_FORMAT_CLI, NULL);
  task_id = run_cli_recipe (fixture, text, "C");
  g_assert_nonnull (task_id);
  assert_equivalent (fixture, accented, task_id);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&task_id, g_free);

  /* Unknown local path: the recipe asks for ./reference-1.png. */
  tried = try_job (fixture, evil_prompts[1], TRUE);
  text = rd_recipe_for_job (tried, RD_RECIPE_FORMAT_CLI, NULL);
  g_assert_nonnull (strstr (text, "--ref='./reference-1.png'"));
  g_assert_nonnull (strstr (text, "expired"));
  g_assert_null (strstr (text, "/media/"));
  g_assert_true (g_file_get_contents (fixture->reference, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (placeholder, contents, length, NULL));
  task_id = run_cli_recipe (fixture, text, NULL);
  g_assert_nonnull (task_id);
  assert_equivalent (fixture, tried, task_id);
}

static void
test_recipes_c (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(RdJob) tried = NULL;
  g_autofree char *text = NULL;
  g_autofree char *task_id = NULL;
  const char *paths[] = { fixture->reference, NULL };
  g_autofree char *prompt = g_strconcat (evil_prompts[0], evil_prompts[1], evil_prompts[2], NULL);

  /* Building takes a while: all the evil prompts at once, with a
   * reference from a path that needs escaping in C. */
  tried = try_job (fixture, prompt, TRUE);
  text = rd_recipe_for_job (tried, RD_RECIPE_FORMAT_C, paths);
  task_id = run_c_recipe (fixture, text);
  g_assert_nonnull (task_id);
  assert_equivalent (fixture, tried, task_id);
}

static RivyaChatSession *
get_session (Fixture    *fixture,
             const char *output)
{
  g_autoptr(GRegex) regex = g_regex_new ("Session: (sess_[A-Za-z0-9]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *session_id = NULL;
  RivyaChatSession *session;

  if (!g_regex_match (regex, output, 0, &match))
    g_error ("no session id in:\n%s", output);
  session_id = g_match_info_fetch (match, 1);
  rivya_client_get_chat_session_async (fixture->client, session_id, NULL, result_cb, &result);
  RD_TEST_WAIT_UNTIL (result != NULL, START_TIMEOUT_MS);
  session = rivya_client_get_chat_session_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return session;
}

/* The Chat page's recipes: the turn is sent with the message exactly,
 * then continued in the same session; attachments are uploaded. */
static void
test_recipes_chat (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *url = rd_server_supervisor_get_url (fixture->supervisor);
  const char *attachments[] = { fixture->reference, NULL };
  g_autoptr(RivyaChatSession) session = NULL;
  g_autoptr(RivyaChatSession) continued = NULL;
  g_autoptr(RivyaChatMessage) first = NULL;
  g_autoptr(RivyaChatMessage) third = NULL;
  g_autoptr(RivyaChatMessage) fifth = NULL;
  g_autofree char *text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *script = NULL;
  const char *bash[] = { "bash", NULL, NULL };

  g_assert_null (rd_recipe_for_chat_turn (RD_RECIPE_FORMAT_C, url, "local-chat", NULL, "hi", NULL, FALSE, NULL));

  text = rd_recipe_for_chat_turn (RD_RECIPE_FORMAT_CURL, url, "local-chat", NULL, evil_prompts[0],
                                  attachments, FALSE, NULL);
  assert_no_key_and_base_url (fixture, text);
  g_assert_nonnull (strstr (text, "/api/v1/chat/completions"));
  script = write_recipe (fixture, "chat.sh", text);
  bash[1] = script;
  output = run (fixture, bash, NULL);
  session = get_session (fixture, output);
  g_assert_cmpint (g_list_model_get_n_items (rivya_chat_session_get_messages (session)), ==, 2);
  first = g_list_model_get_item (rivya_chat_session_get_messages (session), 0);
  g_assert_cmpstr (rivya_chat_message_get_role (first), ==, "user");
  g_assert_cmpstr (rivya_chat_message_get_content (first), ==, evil_prompts[0]);
  g_assert_nonnull (rivya_chat_message_get_attachments (first));
  g_assert_cmpuint (g_strv_length ((char **) rivya_chat_message_get_attachments (first)), ==, 1);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&output, g_free);

  /* The command line, continuing that session, in the C locale. */
  text = rd_recipe_for_chat_turn (RD_RECIPE_FORMAT_CLI, url, "local-chat",
                                  rivya_chat_session_get_id (session), evil_prompts[2],
                                  attachments, FALSE, NULL);
  assert_no_key_and_base_url (fixture, text);
  g_assert_nonnull (strstr (text, "rivya chat"));
  g_assert_nonnull (strstr (text, "sends no attachments"));
  output = run_cli_output (fixture, text, "C");
  continued = get_session (fixture, output);
  g_assert_cmpstr (rivya_chat_session_get_id (continued), ==, rivya_chat_session_get_id (session));
  g_assert_cmpint (g_list_model_get_n_items (rivya_chat_session_get_messages (continued)), ==, 4);
  third = g_list_model_get_item (rivya_chat_session_get_messages (continued), 2);
  g_assert_cmpstr (rivya_chat_message_get_content (third), ==, evil_prompts[2]);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&output, g_free);
  g_clear_object (&continued);

  /* A message that is an argument, trailing newline and all. */
  text = rd_recipe_for_chat_turn (RD_RECIPE_FORMAT_CLI, url, "local-chat",
                                  rivya_chat_session_get_id (session), evil_prompts[1],
                                  NULL, FALSE, NULL);
  output = run_cli_output (fixture, text, NULL);
  continued = get_session (fixture, output);
  g_assert_cmpint (g_list_model_get_n_items (rivya_chat_session_get_messages (continued)), ==, 6);
  fifth = g_list_model_get_item (rivya_chat_session_get_messages (continued), 4);
  g_assert_cmpstr (rivya_chat_message_get_content (fifth), ==, evil_prompts[1]);
}

/* Without a server: what the text promises. */
static void
test_recipes_text (void)
{
  const char *params = "{\"aspect_ratio\":\"1:1\",\"dialogue\":[{\"voice\":\"a\",\"text\":\"b\"}],"
                       "\"referenceMediaItems\":[{\"url\":\"http://old.example/media/expired.png\","
                       "\"kind\":\"image\",\"name\":\"evil\\nrm -rf ~ */\",\"mimeType\":\"image/png\"},"
                       "{\"url\":\"http://old.example/media/expired.ogg\",\"kind\":\"audio\"}]}";
  const char *paths[] = { "", "/home/me/voice's.ogg", NULL };
  RdRecipeFormat format;

  g_assert_true (rd_recipe_format_from_string ("curl", &format));
  g_assert_cmpint (format, ==, RD_RECIPE_FORMAT_CURL);
  g_assert_true (rd_recipe_format_from_string ("cli", &format));
  g_assert_cmpint (format, ==, RD_RECIPE_FORMAT_CLI);
  g_assert_true (rd_recipe_format_from_string ("c", &format));
  g_assert_cmpint (format, ==, RD_RECIPE_FORMAT_C);
  g_assert_false (rd_recipe_format_from_string ("python", &format));
  g_assert_cmpstr (rd_recipe_format_to_string (RD_RECIPE_FORMAT_CLI), ==, "cli");

  for (format = RD_RECIPE_FORMAT_CURL; format <= RD_RECIPE_FORMAT_C; format++)
    {
      g_autofree char *text = rd_recipe_for_generation (format, "https://rivya.example/", "local-image", "image",
                                                        "a prompt", params, paths, "task_abc");
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      /* The account's URL without its slash; never an expired upload URL. */
      g_assert_nonnull (strstr (text, "https://rivya.example"));
      g_assert_null (strstr (text, "https://rivya.example/\""));
      g_assert_null (strstr (text, "old.example"));
      g_assert_nonnull (strstr (text, "RIVYA_API_KEY"));
      g_assert_nonnull (strstr (text, "./reference-1.png"));
      g_assert_nonnull (strstr (text, "voice"));
      g_assert_nonnull (strstr (text, "task_abc"));
      /* A file name with a newline stays inside its comment. */
      for (guint i = 0; lines[i] != NULL; i++)
        g_assert_false (g_str_has_prefix (lines[i], "rm -rf"));
      if (format == RD_RECIPE_FORMAT_C)
        g_assert_nonnull (strstr (text, "evil rm -rf ~ * "));
      if (format == RD_RECIPE_FORMAT_CLI)
        g_assert_nonnull (strstr (text, "params.dialogue"));
    }
}

static void
test_recipes_shell_syntax (void)
{
  /* bash -n: whatever the prompt, the script parses. */
  for (guint i = 0; i < G_N_ELEMENTS (evil_prompts); i++)
    for (RdRecipeFormat format = RD_RECIPE_FORMAT_CURL; format <= RD_RECIPE_FORMAT_CLI; format++)
      {
        g_autofree char *text = rd_recipe_for_generation (format, "http://127.0.0.1:1", "local-image", "image",
                                                          evil_prompts[i], "{\"style\":\"vivid\"}", NULL, NULL);
        const char *argv[] = { "bash", "-n", "-c", text, NULL };
        g_autoptr(GError) error = NULL;
        g_autofree char *err = NULL;
        int status = 0;

        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, NULL, &err, &status, &error);
        g_assert_no_error (error);
        if (!g_spawn_check_wait_status (status, &error))
          g_error ("bash -n: %s\n%s", err, text);
      }
}

static void
clipboard_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(char **) user_data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
}

static void
screenshot (GtkWindow  *window,
            const char *name,
            int         width,
            int         height,
            GtkWidget  *scroll_to)
{
  const char *dir = g_getenv ("RD_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  gtk_window_set_default_size (window, width, height);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == width, 20000);
  rd_test_wait_ms (300);
  if (scroll_to != NULL)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (scroll_to, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      rd_test_wait_ms (200);
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  rd_test_save_screenshot (GTK_WIDGET (window), path);
}

/* The Jobs page: Copy As… → curl puts the curl recipe on the clipboard. */
static void
test_recipes_jobs_page (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(RdJob) with_reference = try_job (fixture, evil_prompts[0], TRUE);
  g_autoptr(RdJob) tried = try_job (fixture, evil_prompts[1], FALSE);
  g_autofree char *expected = rd_recipe_for_job (tried, RD_RECIPE_FORMAT_CURL, NULL);
  g_autofree char *copied = NULL;
  g_autofree char *task_id = NULL;
  g_autofree char *quoted = g_shell_quote (fixture->reference);
  g_autoptr(RdUploadRecord) record = NULL;
  g_autoptr(RivyaFile) file = NULL;
  RdJobsPage *page = g_object_new (RD_TYPE_JOBS_PAGE, "store", fixture->store, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RdMediaPreview *preview;
  GtkWidget *button;
  const char *label;

  rd_job_store_set_client (fixture->store, fixture->client);
  rivya_poller_set_time_scale (rd_job_store_get_poller (fixture->store), 0.1);

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rd_jobs_page_select (page, 0);
  g_assert_true (rd_jobs_page_get_selected_job (page) == tried);

  button = rd_test_find_widget (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  label = gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
  g_assert_cmpstr (label, ==, "Copy _As…");
  g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button))), >, 0);

  gtk_widget_activate_action (GTK_WIDGET (page), "job.copy-as", "s", "curl");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL, clipboard_cb, &copied);
  RD_TEST_WAIT_UNTIL (copied != NULL, 5000);
  g_assert_cmpstr (copied, ==, expected);

  /* And what was copied runs. */
  task_id = run_curl_recipe (fixture, copied);
  g_assert_nonnull (task_id);
  assert_equivalent (fixture, tried, task_id);

  g_clear_pointer (&copied, g_free);
  gtk_widget_activate_action (GTK_WIDGET (page), "job.copy-as", "s", "c");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL, clipboard_cb, &copied);
  RD_TEST_WAIT_UNTIL (copied != NULL && g_str_has_prefix (copied, "/*"), 5000);

  /* The result shown, and the details scrolled down to the buttons. */
  RD_TEST_WAIT_UNTIL (rd_job_get_local_path (tried) != NULL, JOB_TIMEOUT_MS);
  preview = RD_MEDIA_PREVIEW (rd_test_find_widget (GTK_WIDGET (page), RD_TYPE_MEDIA_PREVIEW));
  RD_TEST_WAIT_UNTIL (rd_media_preview_get_texture (preview) != NULL, 10000);
  screenshot (window, "jobs-page-copy-as-1280x800.png", 1280, 800, button);
  /* Narrow, the details are a page of their own. */
  g_signal_emit_by_name (rd_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW), "activate", 0);
  screenshot (window, "jobs-page-copy-as-400x800.png", 400, 800, button);

  /* The history knows where a reference was uploaded from: the recipe
   * uploads that file again rather than asking for it. */
  file = upload (fixture, fixture->reference);
  record = rd_upload_record_new_for_file (rivya_client_get_base_url (fixture->client), "local-image",
                                          fixture->reference, 0, 0, file);
  {
    g_autoptr(JsonNode) params = json_from_string (rd_job_get_params (with_reference), NULL);
    JsonArray *items = json_object_get_array_member (json_node_get_object (params), "referenceMediaItems");

    /* The record of the upload the job used. */
    g_free (record->url);
    record->url = g_strdup (json_object_get_string_member (json_array_get_object_element (items, 0), "url"));
  }
  rd_job_store_remember_upload (fixture->store, record);
  rd_jobs_page_select (page, 1);
  g_assert_true (rd_jobs_page_get_selected_job (page) == with_reference);
  g_clear_pointer (&copied, g_free);
  gtk_widget_activate_action (GTK_WIDGET (page), "job.copy-as", "s", "cli");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (page)), NULL, clipboard_cb, &copied);
  RD_TEST_WAIT_UNTIL (copied != NULL && g_str_has_prefix (copied, "#!/bin/sh"), 5000);
  g_assert_nonnull (strstr (copied, quoted));
  g_assert_null (strstr (copied, "reference-1.png"));
  gtk_window_destroy (window);

  /* In the application's window, copying says so in a toast. */
  {
    RdWindow *main_window = g_object_new (RD_TYPE_WINDOW, NULL);
    RdJobsPage *main_page = RD_JOBS_PAGE (rd_test_find_widget (GTK_WIDGET (main_window), RD_TYPE_JOBS_PAGE));

    rd_jobs_page_set_store (main_page, fixture->store);
    rd_window_set_visible_view (main_window, "jobs");
    gtk_window_present (GTK_WINDOW (main_window));
    gtk_test_widget_wait_for_draw (GTK_WIDGET (main_window));
    rd_jobs_page_select (main_page, 0);
    gtk_widget_activate_action (GTK_WIDGET (main_page), "job.copy-as", "s", "c");
    g_assert_cmpstr (_rd_window_get_last_toast (main_window), ==, "Copied as a C program");
    gtk_window_destroy (GTK_WINDOW (main_window));
  }
}

int
main (int   argc,
      char *argv[])
{
  gboolean display = g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL;

  if (display)
    {
      if (!rd_test_init_display (&argc, &argv))
        return 77;
      adw_init ();
    }
  else
    g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/recipes/text", test_recipes_text);
  g_test_add_func ("/recipes/shell-syntax", test_recipes_shell_syntax);
  g_test_add ("/recipes/curl", Fixture, NULL, fixture_setup, test_recipes_curl, fixture_teardown);
  g_test_add ("/recipes/cli", Fixture, NULL, fixture_setup, test_recipes_cli, fixture_teardown);
  g_test_add ("/recipes/c", Fixture, NULL, fixture_setup, test_recipes_c, fixture_teardown);
  g_test_add ("/recipes/chat", Fixture, NULL, fixture_setup, test_recipes_chat, fixture_teardown);
  /* The rest runs without a display; this one needs one. */
  if (display)
    g_test_add ("/recipes/jobs-page", Fixture, NULL, fixture_setup, test_recipes_jobs_page, fixture_teardown);

  return g_test_run ();
}
