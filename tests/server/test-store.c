/* test-store.c
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
#include <string.h>

#include "srv-store-private.h"
#include "srv-util.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rivya-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static SrvGeneration *
new_generation (gint64 account,
                gint64 price)
{
  SrvGeneration *g = g_new0 (SrvGeneration, 1);

  g->id = srv_id_new ("task_");
  g->account_id = account;
  g->model = g_strdup ("local-image");
  g->mode = g_strdup ("text-to-image");
  g->prompt = g_strdup ("test");
  g->params = g_strdup ("{}");
  g->reserved_credits = price;
  return g;
}

static void
assert_balance (SrvStore *store,
                gint64    account,
                gint64    expected)
{
  g_autoptr(GError) error = NULL;
  gint64 balance = -1, sum = -2;

  g_assert_true (srv_store_get_balance (store, account, &balance, &sum, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance, ==, expected);
  g_assert_cmpint (sum, ==, expected);
}

static void
test_migrations (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  int version;

  {
    g_autoptr(SrvStore) store = srv_store_open (dir, &error);

    g_assert_no_error (error);
    version = srv_db_get_user_version (srv_store_get_db (store));
    g_assert_cmpint (version, >=, 1);
    g_assert_true (g_file_test (srv_store_get_secret (store), G_FILE_TEST_EXISTS) == FALSE);
    g_assert_cmpuint (strlen (srv_store_get_secret (store)), ==, 48);
  }

  /* Reopening neither migrates again nor changes the secret. */
  {
    g_autoptr(SrvStore) again = srv_store_open (dir, &error);
    g_autoptr(SrvStore) third = srv_store_open (dir, &error);

    g_assert_no_error (error);
    g_assert_cmpint (srv_db_get_user_version (srv_store_get_db (again)), ==, version);
    g_assert_cmpstr (srv_store_get_secret (again), ==, srv_store_get_secret (third));
  }

  /* A database from a newer server is refused, not damaged. */
  {
    g_autoptr(SrvStore) store = srv_store_open (dir, &error);
    g_autoptr(SrvStore) refused = NULL;

    g_assert_true (srv_db_exec (srv_store_get_db (store), "PRAGMA user_version = 999", &error));
    refused = srv_store_open (dir, &error);
    g_assert_null (refused);
    g_assert_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INVALID);
  }
}

static void
test_ledger (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrvStore) store = srv_store_open (dir, &error);
  g_autoptr(SrvGeneration) ok = NULL;
  g_autoptr(SrvGeneration) bad = NULL;
  g_autoptr(SrvGeneration) too_much = NULL;
  g_autoptr(SrvGeneration) reread = NULL;
  gint64 account;

  g_assert_no_error (error);
  account = srv_store_create_account (store, "alice", &error);
  g_assert_no_error (error);
  assert_balance (store, account, 0);

  g_assert_true (srv_store_grant_credits (store, account, 10, &error));
  g_assert_false (srv_store_grant_credits (store, account, 0, &error));
  g_assert_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_balance (store, account, 10);

  ok = new_generation (account, 4);
  g_assert_true (srv_store_insert_generation (store, ok, &error));
  bad = new_generation (account, 5);
  g_assert_true (srv_store_insert_generation (store, bad, &error));
  assert_balance (store, account, 1);

  /* Too few credits: nothing is written at all. */
  too_much = new_generation (account, 2);
  g_assert_false (srv_store_insert_generation (store, too_much, &error));
  g_assert_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_INSUFFICIENT_CREDITS);
  g_clear_error (&error);
  g_assert_null (srv_store_get_generation (store, too_much->id, 0, NULL));
  assert_balance (store, account, 1);

  g_assert_true (srv_store_mark_processing (store, ok->id, &error));
  g_assert_true (srv_store_finish_failure (store, bad->id, "broken", &error));
  assert_balance (store, account, 6);
  /* Finishing twice refunds once. */
  g_assert_true (srv_store_finish_failure (store, bad->id, "broken again", &error));
  assert_balance (store, account, 6);

  reread = srv_store_get_generation (store, bad->id, account, &error);
  g_assert_cmpstr (reread->status, ==, "failed");
  g_assert_cmpint (reread->final_credits, ==, 0);
  g_assert_cmpstr (reread->error_code, ==, "generation_failed");
  g_assert_cmpstr (reread->error_message, ==, "broken");

  /* Another account sees none of it. */
  g_assert_null (srv_store_get_generation (store, bad->id, account + 1, NULL));

  /* Restart recovery: what was unfinished fails and is refunded. */
  g_assert_cmpuint (srv_store_fail_unfinished (store, "stopped", &error), ==, 1);
  g_assert_no_error (error);
  assert_balance (store, account, 10);
}

static void
test_keys (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrvStore) store = srv_store_open (dir, &error);
  const char *scopes[] = { "credits:read", NULL };
  g_autofree char *key = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(SrvKeyInfo) info = NULL;
  g_autoptr(SrvKeyInfo) revoked = NULL;
  gint64 account;

  account = srv_store_create_account (store, "bob", &error);
  g_assert_cmpint (srv_store_create_account (store, "bob", &error), ==, 0);
  g_assert_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  key = srv_store_create_key (store, account, scopes, 0, &error);
  g_assert_no_error (error);
  g_assert_true (srv_key_looks_valid (key));

  info = srv_store_lookup_key (store, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->account_id, ==, account);
  g_assert_cmpstr (info->account_name, ==, "bob");
  g_assert_cmpuint (g_strv_length (info->scopes), ==, 1);
  g_assert_cmpstr (info->scopes[0], ==, "credits:read");
  g_assert_cmpint (info->revoked_at, ==, 0);

  prefix = g_strndup (key, SRV_KEY_VISIBLE_LEN);
  g_assert_true (srv_store_revoke_key (store, prefix, &error));
  g_assert_false (srv_store_revoke_key (store, prefix, &error));
  g_assert_error (error, SRV_STORE_ERROR, SRV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  revoked = srv_store_lookup_key (store, key, &error);
  g_assert_cmpint (revoked->revoked_at, >, 0);
}

static void
test_idempotency (void)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SrvStore) store = srv_store_open (dir, &error);
  g_autoptr(SrvIdempotencyRecord) none = NULL;
  g_autoptr(SrvIdempotencyRecord) running = NULL;
  g_autoptr(SrvIdempotencyRecord) done = NULL;
  g_autoptr(SrvIdempotencyRecord) again = NULL;
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"id\":1}", 8);

  g_assert_true (srv_store_idempotency_claim (store, 1, "k", "/r", &none, &error));
  g_assert_null (none);
  g_assert_true (srv_store_idempotency_claim (store, 1, "k", "/r", &running, &error));
  g_assert_nonnull (running);
  g_assert_cmpuint (running->status, ==, 0);

  g_assert_true (srv_store_idempotency_complete (store, 1, "k", "abc", 201, "application/json", body, &error));
  g_assert_true (srv_store_idempotency_claim (store, 1, "k", "/r", &done, &error));
  g_assert_cmpuint (done->status, ==, 201);
  g_assert_cmpstr (done->body_hash, ==, "abc");
  g_assert_true (g_bytes_equal (done->body, body));

  /* Release only frees unfinished claims. */
  srv_store_idempotency_release (store, 1, "k");
  g_assert_true (srv_store_idempotency_claim (store, 1, "k", "/r", &again, &error));
  g_assert_nonnull (again);
}

static void
test_json_depth (void)
{
  const char *nested = "{\"a\": [1, {\"b\": []}]}";
  const char *quoted = "[\"[[[[\\\"[[[[\"]";

  g_assert_true (srv_json_depth_ok (nested, strlen (nested), 4));
  g_assert_false (srv_json_depth_ok (nested, strlen (nested), 3));
  g_assert_false (srv_json_depth_ok ("[[[[", 4, 3));
  /* Brackets inside strings, escaped quotes included, do not count. */
  g_assert_true (srv_json_depth_ok (quoted, strlen (quoted), 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/migrations", test_migrations);
  g_test_add_func ("/store/ledger", test_ledger);
  g_test_add_func ("/store/keys", test_keys);
  g_test_add_func ("/store/idempotency", test_idempotency);
  g_test_add_func ("/store/json-depth", test_json_depth);

  return g_test_run ();
}
