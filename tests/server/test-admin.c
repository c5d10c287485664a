/* test-admin.c
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
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "srv-test-utils.h"

/* The administration command line of rivya-server (accounts, keys,
 * credits, bootstrap), checked through its output and through what the
 * running server then answers. Scripts depend on these spellings and on
 * "keys create" printing the key alone.
 */

#define LOCAL_STARTING_CREDITS 1000

static const char * const all_scopes[] = {
  "models:read", "generations:create", "generations:read", "files:create", "files:read",
  "credits:read", "webhooks:manage", "chat:create", "chat:read", NULL
};

static volatile sig_atomic_t server_pid;

/* A failed assertion aborts the program without any cleanup; the server
 * would live on, holding the test's stderr open, and meson would wait
 * for it until the timeout. Take it down with us instead. */
static void
fatal_signal_cb (int signum)
{
  if (server_pid > 0)
    kill (server_pid, SIGKILL);
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
track_server (SrvTestServer *srv)
{
  server_pid = srv->process ? atoi (g_subprocess_get_identifier (srv->process)) : 0;
}

static SrvTestServer *
start_server (void)
{
  SrvTestServer *srv = srv_test_server_start (NULL);

  track_server (srv);
  return srv;
}

static void
stop_server (SrvTestServer *srv)
{
  server_pid = 0;
  srv_test_server_free (srv);
}

typedef struct
{
  int   status;
  char *out;
  char *err;
} AdminRun;

static void
admin_run_free (AdminRun *run)
{
  g_free (run->out);
  g_free (run->err);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AdminRun, admin_run_free)

/* Unlike srv_test_admin, keeps stderr and stdout as they are, and the
 * data directory is optional. */
static AdminRun *
run_admin (const char *data_dir,
           const char *first_arg,
           ...) G_GNUC_NULL_TERMINATED;

static AdminRun *
run_admin (const char *data_dir,
           const char *first_arg,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  AdminRun *run = g_new0 (AdminRun, 1);
  va_list args;

  g_ptr_array_add (argv, (gpointer)g_getenv ("RIVYA_SERVER"));
  g_assert_nonnull (argv->pdata[0]);
  va_start (args, first_arg);
  for (const char *a = first_arg; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer)a);
  va_end (args);
  if (data_dir != NULL)
    {
      g_ptr_array_add (argv, (gpointer)"--data-dir");
      g_ptr_array_add (argv, (gpointer)data_dir);
    }
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  run->status = g_subprocess_get_exit_status (proc);
  return run;
}

static void
assert_success (AdminRun *run)
{
  if (run->status != 0)
    g_error ("The command failed (%d): %s", run->status, run->err);
}

/* A failure says so on stderr, and prints nothing a script could take
 * for a result. */
static void
assert_failure (AdminRun   *run,
                const char *message_part)
{
  g_assert_cmpint (run->status, !=, 0);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "rivya-server: "));
  if (message_part != NULL && strstr (run->err, message_part) == NULL)
    g_error ("stderr does not mention “%s”: %s", message_part, run->err);
}

static char *
create_key (SrvTestServer *srv,
            const char    *account,
            const char    *scopes,
            const char    *expires)
{
  g_autoptr(AdminRun) run = NULL;

  if (scopes != NULL && expires != NULL)
    run = run_admin (srv->data_dir, "keys", "create", "--account", account, "--scopes", scopes,
                     "--expires", expires, NULL);
  else if (scopes != NULL)
    run = run_admin (srv->data_dir, "keys", "create", "--account", account, "--scopes", scopes, NULL);
  else if (expires != NULL)
    run = run_admin (srv->data_dir, "keys", "create", "--account", account, "--expires", expires, NULL);
  else
    run = run_admin (srv->data_dir, "keys", "create", "--account", account, NULL);

  assert_success (run);
  /* The key and a newline, nothing else: scripts capture it */
  g_assert_cmpuint (strlen (run->out), ==, strlen ("rvya_sk_") + 40 + 1);
  g_assert_cmpint (run->out[48], ==, '\n');
  run->out[48] = '\0';
  g_assert_true (g_regex_match_simple ("^rvya_sk_[0-9A-Za-z]{40}$", run->out, 0, 0));
  return g_steal_pointer (&run->out);
}

static void
create_account (SrvTestServer *srv,
                const char    *name)
{
  g_autoptr(AdminRun) run = run_admin (srv->data_dir, "accounts", "create", name, NULL);
  g_autofree char *expected = g_strdup_printf ("Created account %s (0 credits)\n", name);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, expected);
}

static gint64
api_credits (SrvTestServer *srv,
             const char    *key)
{
  return srv_test_credits (srv, key);
}

static void
assert_credits_error (SrvTestServer *srv,
                      const char    *key,
                      guint          status,
                      const char    *code)
{
  g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", "/api/v1/credits", key, NULL, NULL);

  srv_assert_error (resp, status, code);
}

/* "keys list": a header, then PREFIX ACCOUNT STATUS EXPIRES SCOPES */
typedef struct
{
  char *prefix;
  char *account;
  char *status;
  char *expires;
  char *scopes;
} KeyRow;

static void
key_row_free (KeyRow *row)
{
  g_free (row->prefix);
  g_free (row->account);
  g_free (row->status);
  g_free (row->expires);
  g_free (row->scopes);
  g_free (row);
}

static GPtrArray *
list_keys (SrvTestServer *srv,
           const char    *account,
           char         **out)
{
  g_autoptr(AdminRun) run = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)key_row_free);
  g_auto(GStrv) lines = NULL;

  if (account != NULL)
    run = run_admin (srv->data_dir, "keys", "list", "--account", account, NULL);
  else
    run = run_admin (srv->data_dir, "keys", "list", NULL);
  assert_success (run);

  lines = g_strsplit (run->out, "\n", -1);
  g_assert_nonnull (lines[0]);
  {
    g_auto(GStrv) header = g_regex_split_simple ("\\s+", g_strstrip (lines[0]), 0, 0);
    const char *expected[] = { "PREFIX", "ACCOUNT", "STATUS", "EXPIRES", "SCOPES", NULL };

    g_assert_cmpstrv (header, expected);
  }

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      KeyRow *row;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      cols = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      g_assert_cmpuint (g_strv_length (cols), ==, 5);
      row = g_new0 (KeyRow, 1);
      row->prefix = g_strdup (cols[0]);
      row->account = g_strdup (cols[1]);
      row->status = g_strdup (cols[2]);
      row->expires = g_strdup (cols[3]);
      row->scopes = g_strdup (cols[4]);
      g_ptr_array_add (rows, row);
    }

  if (out != NULL)
    *out = g_steal_pointer (&run->out);
  return g_steal_pointer (&rows);
}

static KeyRow *
find_row (GPtrArray  *rows,
          const char *key)
{
  g_autofree char *prefix = g_strndup (key, 12);
  KeyRow *found = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      KeyRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->prefix, prefix))
        {
          g_assert_null (found);
          found = row;
        }
    }
  if (found == NULL)
    g_error ("No row for the key %s… in “keys list”", prefix);
  return found;
}

/* Tests */

static void
test_version (void)
{
  g_autoptr(AdminRun) run = run_admin (NULL, "--version", NULL);

  assert_success (run);
  g_assert_cmpstr (run->out, ==, "rivya-server " PACKAGE_VERSION "\n");
}

static void
test_unknown_command (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rivya-admin-XXXXXX", NULL);

  {
    g_autoptr(AdminRun) run = run_admin (dir, "frobnicate", NULL);

    g_assert_cmpint (run->status, !=, 0);
    g_assert_nonnull (strstr (run->err, "frobnicate"));
  }
  {
    /* No command at all */
    g_autoptr(AdminRun) run = run_admin (NULL, NULL, NULL);

    g_assert_cmpint (run->status, !=, 0);
  }
  {
    g_autoptr(AdminRun) run = run_admin (dir, "keys", "frobnicate", NULL);

    assert_failure (run, "usage");
  }
  {
    g_autoptr(AdminRun) run = run_admin (dir, "accounts", NULL);

    assert_failure (run, "usage");
  }
  {
    g_autoptr(AdminRun) run = run_admin (dir, "credits", "take", "--account", "x", "5", NULL);

    assert_failure (run, "usage");
  }
  {
    g_autoptr(AdminRun) run = run_admin (dir, "keys", "list", "--no-such-option", NULL);

    assert_failure (run, "no-such-option");
  }
  {
    /* The data directory is not optional */
    g_autoptr(AdminRun) run = run_admin (NULL, "accounts", "list", NULL);

    assert_failure (run, "--data-dir");
  }
  {
    g_autoptr(AdminRun) run = run_admin (NULL, "--help", NULL);

    assert_success (run);
    g_assert_nonnull (strstr (run->out, "keys create --account NAME"));
  }

  /* Some of the commands opened (and so created) the database there */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_file_test (path, G_FILE_TEST_IS_DIR))
          g_rmdir (path);
        else
          g_unlink (path);
      }
  }
  g_rmdir (dir);
}

static void
test_accounts (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *long_name = g_strnfill (65, 'n');
  g_autofree char *max_name = g_strnfill (64, 'm');

  create_account (srv, "alice");

  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "accounts", "create", "alice", NULL);

    assert_failure (run, "alice");
    g_assert_nonnull (strstr (run->err, "exists"));
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "accounts", "create", "", NULL);

    assert_failure (run, NULL);
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "accounts", "create", long_name, NULL);

    assert_failure (run, NULL);
  }
  create_account (srv, max_name);
  create_account (srv, "bob");

  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "accounts", "list", NULL);
    g_autofree char *expected = g_strdup_printf ("local\nalice\n%s\nbob\n", max_name);

    assert_success (run);
    /* The bootstrapped account first, then in order of creation */
    g_assert_cmpstr (run->out, ==, expected);
  }

  stop_server (srv);
}

static void
test_keys_create (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *key = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  create_account (srv, "carol");
  key = create_key (srv, "carol", NULL, NULL);
  second = create_key (srv, "carol", NULL, NULL);
  g_assert_cmpstr (key, !=, second);

  /* A new account's wallet is empty */
  g_assert_cmpint (api_credits (srv, key), ==, 0);
  g_assert_cmpint (api_credits (srv, second), ==, 0);

  before = list_keys (srv, NULL, NULL);
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "create", "--account", "carol",
                                         "--scopes", "credits:read,files:delete", NULL);

    assert_failure (run, "files:delete");
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "create", "--account", "carol",
                                         "--scopes", "credits:read,", NULL);

    assert_failure (run, NULL);
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "create", "--account", "nobody", NULL);

    assert_failure (run, "nobody");
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "create", NULL);

    assert_failure (run, "--account");
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "create", "--account", "carol",
                                         "--expires", "next tuesday", NULL);

    assert_failure (run, "--expires");
  }
  after = list_keys (srv, NULL, NULL);
  /* None of the failures made a key */
  g_assert_cmpuint (after->len, ==, before->len);

  stop_server (srv);
}

static void
test_keys_list (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *key = NULL;
  g_autofree char *limited = NULL;
  g_autofree char *out = NULL;
  g_autofree char *all = g_strjoinv (",", (GStrv)all_scopes);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) dave_rows = NULL;
  KeyRow *row;

  create_account (srv, "dave");
  key = create_key (srv, "dave", NULL, NULL);
  limited = create_key (srv, "dave", "credits:read, files:read", "2999-01-31T12:00:00Z");

  rows = list_keys (srv, NULL, &out);
  /* The local key, and dave's two */
  g_assert_cmpuint (rows->len, ==, 3);

  row = find_row (rows, srv->key);
  g_assert_cmpstr (row->account, ==, "local");
  g_assert_cmpstr (row->status, ==, "active");
  g_assert_cmpstr (row->expires, ==, "never");
  g_assert_cmpstr (row->scopes, ==, all);

  row = find_row (rows, key);
  g_assert_cmpuint (strlen (row->prefix), ==, 12);
  g_assert_true (g_str_has_prefix (key, row->prefix));
  g_assert_cmpstr (row->account, ==, "dave");
  g_assert_cmpstr (row->status, ==, "active");
  g_assert_cmpstr (row->scopes, ==, all);

  row = find_row (rows, limited);
  g_assert_cmpstr (row->status, ==, "active");
  g_assert_cmpstr (row->expires, ==, "2999-01-31T12:00:00.000Z");
  g_assert_cmpstr (row->scopes, ==, "credits:read,files:read");

  /* Never more than the prefix of any key */
  g_assert_null (strstr (out, key));
  g_assert_null (strstr (out, limited));
  g_assert_null (strstr (out, srv->key));
  g_assert_null (strstr (out, key + 12));
  g_assert_null (strstr (out, limited + 12));
  g_assert_null (strstr (out, srv->key + 12));

  dave_rows = list_keys (srv, "dave", NULL);
  g_assert_cmpuint (dave_rows->len, ==, 2);
  for (guint i = 0; i < dave_rows->len; i++)
    g_assert_cmpstr (((KeyRow *)g_ptr_array_index (dave_rows, i))->account, ==, "dave");

  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "list", "--account", "nobody", NULL);

    assert_failure (run, "nobody");
  }

  stop_server (srv);
}

static void
test_keys_revoke (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *key = NULL;
  g_autofree char *other = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  create_account (srv, "erin");
  key = create_key (srv, "erin", NULL, NULL);
  other = create_key (srv, "erin", NULL, NULL);
  prefix = g_strndup (key, 12);
  g_assert_cmpint (api_credits (srv, key), ==, 0);

  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "revoke", prefix, NULL);

    assert_success (run);
    expected = g_strdup_printf ("Revoked the key %s…\n", prefix);
    g_assert_cmpstr (run->out, ==, expected);
  }

  /* Seen by the running server at once */
  assert_credits_error (srv, key, 401, "api_key_revoked");
  g_assert_cmpint (api_credits (srv, other), ==, 0);
  g_assert_cmpint (api_credits (srv, srv->key), ==, LOCAL_STARTING_CREDITS);

  rows = list_keys (srv, "erin", NULL);
  g_assert_cmpstr (find_row (rows, key)->status, ==, "revoked");
  g_assert_cmpstr (find_row (rows, other)->status, ==, "active");

  {
    /* Nothing active left under that prefix */
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "revoke", prefix, NULL);

    assert_failure (run, prefix);
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "revoke", "rvya_sk_0000", NULL);

    assert_failure (run, "rvya_sk_0000");
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "revoke", NULL);

    assert_failure (run, "usage");
  }

  /* Revoked for good, also after a restart */
  srv_test_server_restart (srv);
  track_server (srv);
  assert_credits_error (srv, key, 401, "api_key_revoked");
  g_assert_cmpint (api_credits (srv, other), ==, 0);

  stop_server (srv);
}

static void
test_keys_expires (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *expired = NULL;
  g_autofree char *future = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  KeyRow *row;

  create_account (srv, "frank");
  expired = create_key (srv, "frank", NULL, "2020-01-01T00:00:00Z");
  future = create_key (srv, "frank", NULL, "2999-06-30T23:59:59Z");

  assert_credits_error (srv, expired, 401, "api_key_expired");
  g_assert_cmpint (api_credits (srv, future), ==, 0);

  rows = list_keys (srv, "frank", NULL);
  row = find_row (rows, expired);
  g_assert_cmpstr (row->status, ==, "expired");
  g_assert_cmpstr (row->expires, ==, "2020-01-01T00:00:00.000Z");
  row = find_row (rows, future);
  g_assert_cmpstr (row->status, ==, "active");
  g_assert_cmpstr (row->expires, ==, "2999-06-30T23:59:59.000Z");

  {
    /* An expired key is still revocable, and then says so */
    g_autofree char *prefix = g_strndup (expired, 12);
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "keys", "revoke", prefix, NULL);

    assert_success (run);
    assert_credits_error (srv, expired, 401, "api_key_revoked");
  }

  stop_server (srv);
}

static void
test_keys_scopes (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *key = NULL;
  g_autofree char *creator = NULL;

  create_account (srv, "grace");
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "grant", "--account", "grace", "50", NULL);

    assert_success (run);
  }
  key = create_key (srv, "grace", "credits:read", NULL);
  creator = create_key (srv, "grace", "generations:create", NULL);

  g_assert_cmpint (api_credits (srv, key), ==, 50);

  {
    g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "POST", "/api/v1/generations", key,
                                                     "{\"model\": \"local-image\", \"prompt\": \"a red kite\"}",
                                                     NULL);

    srv_assert_error (resp, 403, "api_scope_denied");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", "/api/v1/files/file_000000000000000000000000",
                                                     key, NULL, NULL);

    srv_assert_error (resp, 403, "api_scope_denied");
  }
  {
    g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", "/api/v1/generations/task_000000000000000000000000",
                                                     key, NULL, NULL);

    srv_assert_error (resp, 403, "api_scope_denied");
  }

  /* The other way round */
  assert_credits_error (srv, creator, 403, "api_scope_denied");

  /* Nothing was charged for the denied request */
  g_assert_cmpint (api_credits (srv, key), ==, 50);

  stop_server (srv);
}

static void
test_credits (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *key = NULL;

  create_account (srv, "heidi");
  key = create_key (srv, "heidi", "credits:read", NULL);
  g_assert_cmpint (api_credits (srv, key), ==, 0);

  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "grant", "--account", "heidi", "25", NULL);

    assert_success (run);
    g_assert_cmpstr (run->out, ==, "heidi now has 25 credits\n");
  }
  g_assert_cmpint (api_credits (srv, key), ==, 25);

  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "grant", "--account", "heidi", "17", NULL);

    assert_success (run);
    g_assert_cmpstr (run->out, ==, "heidi now has 42 credits\n");
  }
  g_assert_cmpint (api_credits (srv, key), ==, 42);

  {
    const char *bad[] = { "0", "abc", "1.5", "", "99999999999999999999" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "grant", "--account", "heidi",
                                             bad[i], NULL);

        g_test_message ("credits grant %s", bad[i]);
        assert_failure (run, NULL);
      }
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "grant", "--account", "heidi", "--",
                                         "-5", NULL);

    assert_failure (run, NULL);
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "grant", "--account", "nobody", "5", NULL);

    assert_failure (run, "nobody");
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "grant", "5", NULL);

    assert_failure (run, "--account");
  }
  /* The failures changed nothing */
  g_assert_cmpint (api_credits (srv, key), ==, 42);
  g_assert_cmpint (api_credits (srv, srv->key), ==, LOCAL_STARTING_CREDITS);

  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "show", NULL);
    g_auto(GStrv) lines = NULL;

    assert_success (run);
    lines = g_strsplit (run->out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_regex_match_simple ("^local +1000$", lines[0], 0, 0));
    g_assert_true (g_regex_match_simple ("^heidi +42$", lines[1], 0, 0));
    g_assert_cmpstr (lines[2], ==, "");
  }
  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "credits", "show", "--account", "heidi", NULL);

    assert_success (run);
    g_assert_true (g_regex_match_simple ("^heidi +42\n$", run->out, 0, 0));
  }

  stop_server (srv);
}

static void
assert_key_file (SrvTestServer *srv,
                 const char    *key,
                 GStatBuf      *st)
{
  g_autofree char *path = g_build_filename (srv->data_dir, "local-api-key", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = g_strconcat (key, "\n", NULL);

  g_assert_cmpint (g_stat (path, st), ==, 0);
  /* A secret: readable by its owner only */
  g_assert_cmpint (st->st_mode & 0777, ==, 0600);
  g_assert_true (S_ISREG (st->st_mode));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_bootstrap (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *first_key = g_strdup (srv->key);
  g_autofree char *key_path = g_build_filename (srv->data_dir, "local-api-key", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  GStatBuf before, after;

  g_assert_true (g_regex_match_simple ("^rvya_sk_[0-9A-Za-z]{40}$", srv->key, 0, 0));
  assert_key_file (srv, srv->key, &before);
  g_assert_cmpint (api_credits (srv, srv->key), ==, LOCAL_STARTING_CREDITS);

  /* Spend nothing, restart: the same key, the same file, no new grant */
  srv_test_server_restart (srv);
  track_server (srv);
  /* The helper only changes srv->key when the server prints a new key */
  g_assert_cmpstr (srv->key, ==, first_key);
  assert_key_file (srv, first_key, &after);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_mtime, ==, before.st_mtime);
  g_assert_cmpint (api_credits (srv, srv->key), ==, LOCAL_STARTING_CREDITS);

  rows = list_keys (srv, "local", NULL);
  g_assert_cmpuint (rows->len, ==, 1);

  {
    g_autoptr(AdminRun) run = run_admin (srv->data_dir, "accounts", "list", NULL);

    assert_success (run);
    g_assert_cmpstr (run->out, ==, "local\n");
  }

  /* A lost key file is replaced by a new key; the wallet stays as it is */
  g_assert_cmpint (g_unlink (key_path), ==, 0);
  srv_test_server_restart (srv);
  track_server (srv);
  g_assert_cmpstr (srv->key, !=, first_key);
  assert_key_file (srv, srv->key, &after);
  g_assert_cmpint (api_credits (srv, srv->key), ==, LOCAL_STARTING_CREDITS);

  stop_server (srv);
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  gsize nlen = strlen (needle);

  for (gsize i = 0; nlen <= len && i <= len - nlen; i++)
    {
      if (data[i] == (guint8)needle[0] && memcmp (data + i, needle, nlen) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Every regular file under @dir whose bytes contain @needle, relative */
static void
find_in_tree (const char *root,
              const char *rel,
              const char *needle,
              GPtrArray  *hits)
{
  g_autofree char *path = g_build_filename (root, rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = *rel ? g_build_filename (rel, name, NULL) : g_strdup (name);
      g_autofree char *child = g_build_filename (root, child_rel, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          find_in_tree (root, child_rel, needle, hits);
        }
      else
        {
          g_autoptr(GBytes) bytes = read_bytes (child);

          if (bytes_contain (bytes, needle))
            g_ptr_array_add (hits, g_steal_pointer (&child_rel));
        }
    }
}

static GStrv
files_containing (SrvTestServer *srv,
                  const char    *needle)
{
  GPtrArray *hits = g_ptr_array_new ();

  find_in_tree (srv->data_dir, "", needle, hits);
  g_ptr_array_add (hits, NULL);
  return (GStrv)g_ptr_array_free (hits, FALSE);
}

static void
assert_found_nowhere (GStrv       hits,
                      const char *what)
{
  if (hits[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", hits);

      g_error ("%s is stored in %s", what, list);
    }
}

static void
assert_only_hashes (SrvTestServer *srv,
                    const char    *key,
                    const char    *local_key)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *prefix = g_strndup (key, 12);
  g_auto(GStrv) with_key = files_containing (srv, key);
  g_auto(GStrv) with_secret_part = files_containing (srv, key + 12);
  g_auto(GStrv) with_local = files_containing (srv, local_key);
  g_auto(GStrv) with_hash = files_containing (srv, hash);
  g_auto(GStrv) with_prefix = files_containing (srv, prefix);
  const char *local_only[] = { "local-api-key", NULL };

  assert_found_nowhere (with_key, "The full key");
  assert_found_nowhere (with_secret_part, "The secret part of the key");
  /* The local key is in its key file by design, and nowhere else */
  g_assert_cmpstrv (with_local, local_only);
  /* The search does look where the keys are: their hashes are there */
  g_assert_cmpuint (g_strv_length (with_hash), >=, 1);
  g_assert_true (g_str_has_prefix (with_hash[0], "rivya.db"));
  g_assert_cmpuint (g_strv_length (with_prefix), >=, 1);
}

static void
test_hashes_only (void)
{
  SrvTestServer *srv = start_server ();
  g_autofree char *key = NULL;
  g_autofree char *local_key = g_strdup (srv->key);

  create_account (srv, "ivan");
  key = create_key (srv, "ivan", NULL, NULL);
  /* Used once, so that the server had it in hand too */
  g_assert_cmpint (api_credits (srv, key), ==, 0);
  g_assert_cmpint (api_credits (srv, local_key), ==, LOCAL_STARTING_CREDITS);

  assert_only_hashes (srv, key, local_key);

  /* Also once the server has stopped and folded its journal into the
   * database. */
  srv_test_server_stop (srv);
  server_pid = 0;
  assert_only_hashes (srv, key, local_key);

  stop_server (srv);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  signal (SIGABRT, fatal_signal_cb);
  signal (SIGTRAP, fatal_signal_cb);
  signal (SIGSEGV, fatal_signal_cb);

  g_test_add_func ("/admin/version", test_version);
  g_test_add_func ("/admin/unknown-command", test_unknown_command);
  g_test_add_func ("/admin/accounts", test_accounts);
  g_test_add_func ("/admin/keys/create", test_keys_create);
  g_test_add_func ("/admin/keys/list", test_keys_list);
  g_test_add_func ("/admin/keys/revoke", test_keys_revoke);
  g_test_add_func ("/admin/keys/expires", test_keys_expires);
  g_test_add_func ("/admin/keys/scopes", test_keys_scopes);
  g_test_add_func ("/admin/credits", test_credits);
  g_test_add_func ("/admin/bootstrap", test_bootstrap);
  g_test_add_func ("/admin/hashes-only", test_hashes_only);

  return g_test_run ();
}
