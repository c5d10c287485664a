/* srv-admin.c
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

#include <stdio.h>
#include <string.h>

#include "srv-admin.h"
#include "srv-generator-process.h"
#include "srv-store.h"
#include "srv-util.h"

static char *opt_data_dir;
static char *opt_account;
static char *opt_scopes;
static char *opt_expires;

static const GOptionEntry common_entries[] = {
  { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &opt_data_dir, "The server's data directory", "DIR" },
  { NULL }
};

static const GOptionEntry account_entries[] = {
  { "account", 'a', 0, G_OPTION_ARG_STRING, &opt_account, "Account name", "NAME" },
  { NULL }
};

static const GOptionEntry key_entries[] = {
  { "scopes", 0, 0, G_OPTION_ARG_STRING, &opt_scopes, "Comma-separated scopes (default: all nine)", "A,B" },
  { "expires", 0, 0, G_OPTION_ARG_STRING, &opt_expires, "Expiry, ISO 8601 (default: never)", "TIME" },
  { NULL }
};

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("rivya-server: %s\n", msg);
  return 1;
}

static SrvStore *
open_store (GError **error)
{
  if (opt_data_dir == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--data-dir DIR is required");
      return NULL;
    }
  return srv_store_open (opt_data_dir, error);
}

static gboolean
parse (int                  *argc,
       char               ***argv,
       const char           *usage,
       const GOptionEntry   *extra1,
       const GOptionEntry   *extra2,
       GError              **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);

  g_option_context_add_main_entries (context, common_entries, NULL);
  if (extra1)
    g_option_context_add_main_entries (context, extra1, NULL);
  if (extra2)
    g_option_context_add_main_entries (context, extra2, NULL);
  return g_option_context_parse (context, argc, argv, error);
}

static int
cmd_accounts (int    argc,
              char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrvStore) store = NULL;

  if (!parse (&argc, &argv, "accounts create NAME | accounts list", NULL, NULL, &error))
    return fail ("%s", error->message);
  if (!(store = open_store (&error)))
    return fail ("%s", error->message);

  if (argc == 4 && g_str_equal (argv[2], "create"))
    {
      if (srv_store_create_account (store, argv[3], &error) == 0)
        return fail ("%s", error->message);
      g_print ("Created account %s (0 credits)\n", argv[3]);
      return 0;
    }

  if (argc == 3 && g_str_equal (argv[2], "list"))
    {
      g_autoptr(GPtrArray) names = srv_store_list_accounts (store, &error);

      if (names == NULL)
        return fail ("%s", error->message);
      for (guint i = 0; i < names->len; i++)
        g_print ("%s\n", (char *)g_ptr_array_index (names, i));
      return 0;
    }

  return fail ("usage: rivya-server accounts create NAME --data-dir DIR | accounts list --data-dir DIR");
}

static gint64
account_or_fail (SrvStore  *store,
                 GError   **error)
{
  if (opt_account == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--account NAME is required");
      return 0;
    }
  return srv_store_find_account (store, opt_account, error);
}

static int
cmd_keys (int    argc,
          char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrvStore) store = NULL;

  if (!parse (&argc, &argv, "keys create|list|revoke", account_entries, key_entries, &error))
    return fail ("%s", error->message);
  if (!(store = open_store (&error)))
    return fail ("%s", error->message);

  if (argc == 3 && g_str_equal (argv[2], "create"))
    {
      g_auto(GStrv) scopes = NULL;
      g_autofree char *key = NULL;
      gint64 account, expires = 0;

      if ((account = account_or_fail (store, &error)) == 0)
        return fail ("%s", error->message);

      if (opt_scopes != NULL)
        {
          scopes = g_strsplit (opt_scopes, ",", -1);
          if (scopes[0] == NULL)
            return fail ("--scopes needs at least one scope");
          for (guint i = 0; scopes[i]; i++)
            {
              g_strstrip (scopes[i]);
              if (!srv_scope_is_known (scopes[i]))
                return fail ("Unknown scope “%s”; the scopes are: %s", scopes[i],
                             "models:read generations:create generations:read files:create "
                             "files:read credits:read webhooks:manage chat:create chat:read");
            }
        }
      else
        scopes = g_strdupv ((char **)srv_scopes_all ());

      if (opt_expires != NULL && !srv_time_parse (opt_expires, &expires))
        return fail ("--expires takes an ISO 8601 time such as 2027-01-31T12:00:00Z");

      if (!(key = srv_store_create_key (store, account, (const char * const *)scopes, expires, &error)))
        return fail ("%s", error->message);

      /* The key alone on stdout, so scripts can capture it; it is shown
       * this once and stored only as a hash. */
      g_print ("%s\n", key);
      return 0;
    }

  if (argc == 3 && g_str_equal (argv[2], "list"))
    {
      g_autoptr(GPtrArray) keys = NULL;
      gint64 account = 0;
      gint64 now = srv_now_ms ();

      if (opt_account != NULL && (account = account_or_fail (store, &error)) == 0)
        return fail ("%s", error->message);
      if (!(keys = srv_store_list_keys (store, account, &error)))
        return fail ("%s", error->message);

      g_print ("%-14s %-16s %-8s %-24s %s\n", "PREFIX", "ACCOUNT", "STATUS", "EXPIRES", "SCOPES");
      for (guint i = 0; i < keys->len; i++)
        {
          SrvKeyInfo *k = g_ptr_array_index (keys, i);
          g_autofree char *scopes = g_strjoinv (",", k->scopes);
          g_autofree char *expires = k->expires_at > 0 ? srv_time_format (k->expires_at) : g_strdup ("never");
          const char *status = k->revoked_at > 0 ? "revoked"
                             : (k->expires_at > 0 && k->expires_at <= now) ? "expired" : "active";

          g_print ("%-14s %-16s %-8s %-24s %s\n", k->prefix, k->account_name, status, expires, scopes);
        }
      return 0;
    }

  if (argc == 4 && g_str_equal (argv[2], "revoke"))
    {
      if (!srv_store_revoke_key (store, argv[3], &error))
        return fail ("%s", error->message);
      g_print ("Revoked the key %s…\n", argv[3]);
      return 0;
    }

  return fail ("usage: rivya-server keys create --account NAME [--scopes a,b] [--expires TIME] "
               "--data-dir DIR | keys list [--account NAME] --data-dir DIR | "
               "keys revoke PREFIX --data-dir DIR");
}

static int
cmd_credits (int    argc,
             char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SrvStore) store = NULL;

  if (!parse (&argc, &argv, "credits grant|show", account_entries, NULL, &error))
    return fail ("%s", error->message);
  if (!(store = open_store (&error)))
    return fail ("%s", error->message);

  if (argc == 4 && g_str_equal (argv[2], "grant"))
    {
      gint64 account, balance = 0;
      gint64 amount;

      if (!g_ascii_string_to_signed (argv[3], 10, 1, G_GINT64_CONSTANT (1000000000000), &amount, NULL))
        return fail ("The amount is a whole number of credits, at least 1 (got “%s”)", argv[3]);
      if ((account = account_or_fail (store, &error)) == 0 ||
          !srv_store_grant_credits (store, account, amount, &error) ||
          !srv_store_get_balance (store, account, &balance, NULL, &error))
        return fail ("%s", error->message);
      g_print ("%s now has %" G_GINT64_FORMAT " credits\n", opt_account, balance);
      return 0;
    }

  if (argc == 3 && g_str_equal (argv[2], "show"))
    {
      g_autoptr(GPtrArray) names = srv_store_list_accounts (store, &error);

      if (names == NULL)
        return fail ("%s", error->message);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          gint64 balance = 0, sum = 0;

          if (opt_account != NULL && !g_str_equal (opt_account, name))
            continue;
          if (!srv_store_get_balance (store, srv_store_find_account (store, name, NULL),
                                      &balance, &sum, &error))
            return fail ("%s", error->message);
          g_print ("%-16s %" G_GINT64_FORMAT "%s\n", name, balance,
                   balance == sum ? "" : "  (ledger does not match!)");
        }
      return 0;
    }

  return fail ("usage: rivya-server credits grant --account NAME N --data-dir DIR | "
               "credits show [--account NAME] --data-dir DIR");
}

static void
print_help (void)
{
  g_print ("Usage: rivya-server COMMAND [OPTIONS]\n"
           "\n"
           "A local server for the Rivya API v1, with local generators.\n"
           "\n"
           "Commands:\n"
           "  serve --data-dir DIR [--listen 127.0.0.1:PORT] [--ready-fd N] [--bootstrap]\n"
           "        [--workers N] [--rate-limit N] [--rate-burst N] [--job-latency MS]\n"
           "  accounts create NAME --data-dir DIR\n"
           "  accounts list --data-dir DIR\n"
           "  keys create --account NAME [--scopes a,b] [--expires ISO8601] --data-dir DIR\n"
           "  keys list [--account NAME] --data-dir DIR\n"
           "  keys revoke PREFIX --data-dir DIR\n"
           "  credits grant --account NAME N --data-dir DIR\n"
           "  credits show [--account NAME] --data-dir DIR\n"
           "  --version\n");
}

int
srv_admin_run (int    argc,
               char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help ();
      return argc < 2 ? 1 : 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("rivya-server %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* Internal: one generation in a child process (see srv-generator-process.c). */
  if (g_str_equal (argv[1], "generate-job"))
    return srv_generator_child_main ();
  if (g_str_equal (argv[1], "serve"))
    return srv_admin_serve (argc, argv);
  if (g_str_equal (argv[1], "accounts"))
    return cmd_accounts (argc, argv);
  if (g_str_equal (argv[1], "keys"))
    return cmd_keys (argc, argv);
  if (g_str_equal (argv[1], "credits"))
    return cmd_credits (argc, argv);

  print_help ();
  return fail ("unknown command “%s”", argv[1]);
}
