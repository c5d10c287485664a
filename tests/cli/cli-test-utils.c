/* cli-test-utils.c
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

#include "cli-test-utils.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

static char *default_base_url;
static char *default_key;

void
cli_test_set_defaults (const char *base_url,
                       const char *key)
{
  g_free (default_base_url);
  g_free (default_key);
  default_base_url = g_strdup (base_url);
  default_key = g_strdup (key);
}

static const char *
cli_binary (void)
{
  const char *path = g_getenv ("RIVYA_CLI");

  if (path == NULL)
    g_error ("RIVYA_CLI is not set: run the tests through meson test");
  return path;
}

/* The test's own (isolated) environment, with no way to a real session
 * bus, so that no real keyring is ever asked. */
GStrv
cli_test_environ (const CliOptions *options)
{
  const char *key = options && options->key ? options->key : default_key;
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "DBUS_SESSION_BUS_ADDRESS");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "RIVYA_WEBHOOK_SECRET");
  if (options != NULL && options->base_url != NULL)
    env = g_environ_setenv (env, "RIVYA_BASE_URL", options->base_url, TRUE);
  else
    env = g_environ_setenv (env, "RIVYA_BASE_URL", default_base_url, TRUE);
  if (key != NULL && *key != '\0')
    env = g_environ_setenv (env, "RIVYA_API_KEY", key, TRUE);
  else
    env = g_environ_unsetenv (env, "RIVYA_API_KEY");
  if (options != NULL && options->use_keyring)
    env = g_environ_unsetenv (env, "RIVYA_NO_KEYRING");
  else
    env = g_environ_setenv (env, "RIVYA_NO_KEYRING", "1", TRUE);

  return env;
}

static void
child_setup (gpointer user_data)
{
  const guint64 *max_file_size = user_data;

  prctl (PR_SET_PDEATHSIG, SIGKILL);

  /* Writes past the limit then fail with EFBIG instead of killing. */
  if (*max_file_size > 0)
    {
      struct rlimit limit = { *max_file_size, *max_file_size };

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);
    }
}

typedef struct
{
  char     *out;
  char     *err;
  GError   *error;
  gboolean  done;
} Communicate;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Communicate *c = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &c->out, &c->err, &c->error);
  c->done = TRUE;
}

/* The main context keeps running meanwhile: a test's own SoupServer can
 * answer the server's webhook deliveries while rivya runs. */
CliRun *
cli_runv (const CliOptions   *options,
          const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = cli_test_environ (options);
  g_autoptr(GError) error = NULL;
  const char *key = options && options->key ? options->key : default_key;
  guint64 max_file_size = options ? options->max_file_size : 0;
  Communicate c = { 0 };
  CliRun *run;

  g_ptr_array_add (argv, (gpointer)cli_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, &max_file_size, NULL);
  if (options != NULL && options->cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, options->cwd);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, options ? options->stdin_text : NULL, NULL,
                                       communicate_cb, &c);
  while (!c.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (c.error);

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  run = g_new0 (CliRun, 1);
  run->out = c.out ? c.out : g_strdup ("");
  run->err = c.err ? c.err : g_strdup ("");
  if (g_subprocess_get_if_exited (process))
    run->status = g_subprocess_get_exit_status (process);
  else
    run->status = 128 + g_subprocess_get_term_sig (process);

  /* Whatever the command, the key never shows. */
  if (key != NULL && *key != '\0')
    {
      g_assert_null (strstr (run->out, key));
      g_assert_null (strstr (run->err, key));
    }

  return run;
}

static CliRun *
cli_run_valist (const CliOptions *options,
                const char       *first_arg,
                va_list           args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)a);
  g_ptr_array_add (argv, NULL);

  return cli_runv (options, (const char * const *)argv->pdata);
}

CliRun *
cli_run (const char *first_arg,
         ...)
{
  CliRun *run;
  va_list args;

  va_start (args, first_arg);
  run = cli_run_valist (NULL, first_arg, args);
  va_end (args);

  return run;
}

CliRun *
cli_run_with (const CliOptions *options,
              const char       *first_arg,
              ...)
{
  CliRun *run;
  va_list args;

  va_start (args, first_arg);
  run = cli_run_valist (options, first_arg, args);
  va_end (args);

  return run;
}

void
cli_run_free (CliRun *run)
{
  if (run == NULL)
    return;

  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

/* The value of a “Label:  value” line, or NULL. */
char *
cli_field (const char *out,
           const char *label)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (label, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
    }

  return NULL;
}

void
cli_assert_field (const char *out,
                  const char *label,
                  const char *expected)
{
  g_autofree char *value = cli_field (out, label);

  g_assert_cmpstr (value, ==, expected);
}

/* Reads the IHDR chunk: a real PNG signature and header, or FALSE. */
gboolean
cli_png_size (const char *path,
              guint      *width,
              guint      *height)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree guint8 *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, (char **)&data, &len, NULL) || len < 33)
    return FALSE;
  if (memcmp (data, signature, sizeof signature) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;

  *width = (guint)data[16] << 24 | (guint)data[17] << 16 | (guint)data[18] << 8 | data[19];
  *height = (guint)data[20] << 24 | (guint)data[21] << 16 | (guint)data[22] << 8 | data[23];

  return TRUE;
}

JsonNode *
cli_parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

char *
cli_make_workdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rivya-cli-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
cli_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cli_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @path, hidden ones included, sorted. */
GStrv
cli_list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv)g_ptr_array_steal (names, NULL);
}
