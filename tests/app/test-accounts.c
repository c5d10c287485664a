/* test-accounts.c
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

#include <libsecret/secret.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "rd-account-store.h"
#include "rd-preferences-window.h"
#include "rd-session.h"
#include "rd-util.h"
#include "rd-window.h"
#include "rd-test-utils.h"
#include "srv-test-utils.h"

#define TIMEOUT_MS 30000

/* The schema the app and the command line share (rd-keyring.c). */
static const SecretSchema key_schema = {
  "io.github.rivyadesktop.RivyaDesktop.ApiKey",
  SECRET_SCHEMA_NONE,
  {
    { "base-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

static GTestDBus     *bus;
static GSubprocess   *keyring;
static SrvTestServer *srv;

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static gboolean
secrets_on_bus (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 5000,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* gnome-keyring-daemon on the private bus, its login keyring created
 * and unlocked with the password given on stdin, so nothing prompts. */
static gboolean
start_keyring (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *runtime_dir = NULL;
  GOutputStream *input;

  if (keyring != NULL)
    return TRUE;
  if (path == NULL)
    return FALSE;

  /* It keeps its control socket in the runtime dir, which the test
   * environment may not give: one inside the isolated home then. */
  runtime_dir = g_build_filename (g_get_home_dir (), "runtime", NULL);
  g_mkdir_with_parents (runtime_dir, 0700);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  keyring = g_subprocess_launcher_spawn (launcher, &error, path, "--foreground",
                                         "--components=secrets", "--unlock", NULL);
  g_assert_no_error (error);
  input = g_subprocess_get_stdin_pipe (keyring);
  g_output_stream_write_all (input, "test", 4, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (input, NULL, &error);
  g_assert_no_error (error);

  RD_TEST_WAIT_UNTIL (secrets_on_bus (), TIMEOUT_MS);
  /* libsecret keeps its service object: make it look again. */
  secret_service_disconnect ();
  return TRUE;
}

static void
stop_keyring (void)
{
  if (keyring == NULL)
    return;
  secret_service_disconnect ();
  g_subprocess_send_signal (keyring, SIGTERM);
  g_subprocess_wait (keyring, NULL, NULL);
  g_clear_object (&keyring);
}

static char *
keyring_lookup (const char *base_url)
{
  g_autoptr(GError) error = NULL;
  char *secret = secret_password_lookup_sync (&key_schema, NULL, &error, "base-url", base_url, NULL);
  char *key;

  g_assert_no_error (error);
  key = g_strdup (secret);
  secret_password_free (secret);
  return key;
}

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);

  g_settings_reset (settings, "accounts");
  g_settings_reset (settings, "active-account");
}

static char *
settings_dump (void)
{
  g_autoptr(GSettings) settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GString *dump = g_string_new (NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_string_append_printf (dump, "%s=%s\n", keys[i], text);
    }
  return g_string_free (dump, FALSE);
}

/* Whether any file under @dir holds @needle. */
static gboolean
tree_contains (const char *dir,
               const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          if (tree_contains (path, needle))
            return TRUE;
        }
      else if (g_file_get_contents (path, &contents, &len, NULL) &&
               g_strstr_len (contents, len, needle) != NULL)
        {
          g_test_message ("%s holds the key", path);
          return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
template_child (gpointer    widget,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), RD_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Finalized once the callbacks it still waits for have run. */
static void
destroy_and_finalize (gpointer window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  RD_TEST_WAIT_UNTIL (weak == NULL, 5000);
}

static void
screenshot (GtkWindow  *window,
            const char *name,
            int         width,
            int         height)
{
  const char *dir = g_getenv ("RD_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  gtk_window_set_default_size (window, width, height);
  /* Within the frame libadwaita's windows may draw around them. */
  for (guint i = 0; i < 50 && ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 16; i++)
    rd_test_wait_ms (100);
  if (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width) > 16)
    {
      int min = 0;

      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_error ("%s: %d px wide, not %d (its minimum is %d)", name,
               gtk_widget_get_width (GTK_WIDGET (window)), width, min);
    }
  rd_test_wait_ms (400);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  rd_test_save_screenshot (GTK_WIDGET (window), path);
}

static int
min_width (GtkWidget *widget)
{
  int min = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min;
}

/* Shrunk from wide to narrow, the header lets go: the account box
 * leaves it and the title says the account and its balance instead. */
static void
check_header_folds (RdWindow   *window,
                    const char *balance_text)
{
  GtkWidget *header = rd_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *title = rd_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  GtkWidget *account_box = gtk_widget_get_ancestor (GTK_WIDGET (rd_test_find_label (header, balance_text)),
                                                    GTK_TYPE_BOX);
  const char *dir = g_getenv ("RD_SCREENSHOT_DIR");
  int width;

  g_assert_true (gtk_widget_get_visible (account_box));
  g_assert_false (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  RD_TEST_WAIT_UNTIL (adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (title)) &&
                      !gtk_widget_get_visible (account_box), 5000);
  rd_test_wait_ms (400);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  g_test_message ("Shrunk to 360: %d px wide; the header needs %d, the window %d",
                  width, min_width (header), min_width (GTK_WIDGET (window)));
  g_assert_cmpint (min_width (header), <=, 360);
  g_assert_cmpstr (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (title)), ==,
                   "Alice at work");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (title)), ==,
                   balance_text);

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 800);
  rd_test_wait_ms (600);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, "accounts-window-400.png", NULL);

      g_mkdir_with_parents (dir, 0755);
      rd_test_save_screenshot (GTK_WIDGET (window), path);
    }

  /* Wide again, the account box comes back. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_visible (account_box), 5000);
}

static GtkWindow *
open_preferences (RdSession *session)
{
  GtkWindow *prefs = rd_preferences_window_new (NULL, NULL, session);

  gtk_window_set_default_size (prefs, 1280, 800);
  gtk_window_present (prefs);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  return prefs;
}

/* Fills the form of Preferences and presses Add Account. */
static void
add_account (GtkWindow  *prefs,
             const char *name,
             const char *url,
             const char *key)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (prefs, "name_row")), name);
  gtk_editable_set_text (GTK_EDITABLE (template_child (prefs, "url_row")), url);
  gtk_editable_set_text (GTK_EDITABLE (template_child (prefs, "key_row")), key);
  g_assert_true (gtk_widget_activate (template_child (prefs, "add_button")));
}

static void
message_cb (char       **message,
            const char  *text)
{
  g_free (*message);
  *message = g_strdup (text);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* What the server says to @key, through librivya as the app reads it. */
static GError *
credits_error (const char *url,
               const char *key)
{
  g_autoptr(RivyaClient) client = rivya_client_new (url, key);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RivyaCredits) credits = NULL;
  GError *error = NULL;

  rivya_client_set_proxy_resolver (client, NULL);
  rivya_client_get_credits_async (client, NULL, result_cb, &result);
  RD_TEST_WAIT_UNTIL (result != NULL, TIMEOUT_MS);
  credits = rivya_client_get_credits_finish (client, result, &error);
  g_assert_null (credits);
  return error;
}

static char *
expected_balance (gint64 balance)
{
  g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, balance);

  return g_strdup_printf ("%s credits", number);
}

static void
test_accounts_keyring (void)
{
  g_autoptr(RdSession) session = NULL;
  g_autoptr(RdSession) restarted = NULL;
  g_autoptr(GError) refused = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *balance_text = NULL;
  g_autofree char *other_url = NULL;
  g_autofree char *port = NULL;
  RdAccountStore *accounts;
  RdAccount *account;
  GtkWindow *prefs;
  RdWindow *window;
  GtkWidget *error_label;
  const char *error_text;

  if (!start_keyring ())
    {
      g_test_skip ("gnome-keyring-daemon is not installed");
      return;
    }
  reset_settings ();

  key = srv_test_new_account_key (srv, "alice", 1234, NULL);
  session = rd_session_new ();
  rd_session_use_local (session, NULL);
  window = g_object_new (RD_TYPE_WINDOW, "session", session, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  prefs = open_preferences (session);
  accounts = rd_session_get_accounts (session);
  /* The keyring answered: nothing to warn about. */
  rd_test_wait_ms (500);
  g_assert_false (gtk_widget_get_visible (template_child (prefs, "keyring_label")));

  /* A wrong key: refused in words with the request id, nothing kept. */
  port = g_strdup (strrchr (srv->url, ':') + 1);
  other_url = g_strdup_printf ("http://localhost:%s", port);
  refused = credits_error (other_url, "rvya_sk_0000000000000000000000000000000000000000");
  g_assert_error (refused, RIVYA_ERROR, RIVYA_ERROR_API_KEY_INVALID);
  g_assert_cmpuint (rivya_error_get_http_status (refused), ==, 401);
  add_account (prefs, "Wrong", other_url, "rvya_sk_0000000000000000000000000000000000000000");
  error_label = template_child (prefs, "error_label");
  RD_TEST_WAIT_UNTIL (gtk_widget_get_visible (error_label), TIMEOUT_MS);
  error_text = gtk_label_get_label (GTK_LABEL (error_label));
  g_test_message ("Refused: %s", error_text);
  g_assert_nonnull (strstr (error_text, refused->message));
  g_assert_nonnull (strstr (error_text, "(request "));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, 0);
  stored = keyring_lookup (other_url);
  g_assert_null (stored);
  g_assert_null (rd_session_get_account (session));

  /* The right key: checked, kept in the keyring, used at once. */
  add_account (prefs, "Alice at work", srv->url, key);
  RD_TEST_WAIT_UNTIL (rd_session_get_account (session) != NULL &&
                      rd_session_get_balance (session) == 1234, TIMEOUT_MS);
  g_assert_false (gtk_widget_get_visible (error_label));
  account = rd_session_get_account (session);
  g_assert_cmpstr (rd_account_get_name (account), ==, "Alice at work");
  g_assert_cmpstr (rd_account_get_base_url (account), ==, srv->url);
  g_assert_cmpstr (rivya_client_get_api_key (rd_session_get_client (session)), ==, key);
  g_assert_cmpstr (rd_session_get_account_name (session), ==, "Alice at work");
  stored = keyring_lookup (srv->url);
  g_assert_cmpstr (stored, ==, key);
  g_clear_pointer (&stored, g_free);
  /* The key field is emptied, and the key is in no setting. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_child (prefs, "key_row"))), ==, "");
  dump = settings_dump ();
  g_assert_null (strstr (dump, key));
  g_assert_nonnull (strstr (dump, srv->url));

  /* The header shows the account and its balance. */
  balance_text = expected_balance (1234);
  RD_TEST_WAIT_UNTIL (rd_test_find_label (GTK_WIDGET (window), balance_text) != NULL, TIMEOUT_MS);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "Alice at work"));

  screenshot (prefs, "accounts-1280.png", 1280, 800);
  screenshot (prefs, "accounts-400.png", 400, 800);
  screenshot (GTK_WINDOW (window), "accounts-window-1280.png", 1280, 800);
  check_header_folds (window, balance_text);

  /* A restart: a new session reads the choice and finds the key. */
  restarted = rd_session_new ();
  rd_session_use_local (restarted, NULL);
  rd_session_restore (restarted);
  RD_TEST_WAIT_UNTIL (rd_session_get_account (restarted) != NULL &&
                      rd_session_get_balance (restarted) == 1234, TIMEOUT_MS);
  g_assert_cmpstr (rivya_client_get_api_key (rd_session_get_client (restarted)), ==, key);
  g_assert_cmpstr (rd_session_get_account_name (restarted), ==, "Alice at work");

  /* Back to this computer through the radio, and to the account again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.use-account", "s", ""));
  RD_TEST_WAIT_UNTIL (rd_session_get_account (session) == NULL, TIMEOUT_MS);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (template_child (prefs, "local_check"))));
  g_assert_null (rd_session_get_client (session));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.use-account", "s", srv->url));
  RD_TEST_WAIT_UNTIL (rd_session_get_account (session) != NULL, TIMEOUT_MS);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (template_child (prefs, "local_check"))));

  /* Remove: the keyring item goes, the session falls back to local. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-account", "s", srv->url));
  RD_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (accounts)) == 0, TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (rd_session_get_account (session) == NULL, TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (rd_session_get_account (restarted) == NULL, TIMEOUT_MS);
  stored = keyring_lookup (srv->url);
  g_assert_null (stored);
  g_clear_pointer (&dump, g_free);
  dump = settings_dump ();
  g_assert_null (strstr (dump, srv->url));
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (window), "Local server"));

  destroy_and_finalize (prefs);
  destroy_and_finalize (window);
}

/* A bus where no Secret Service answers: the app says the key will not
 * be remembered, works for the session, and writes the key nowhere. */
static void
test_accounts_no_keyring (void)
{
  g_autoptr(RdSession) session = NULL;
  g_autoptr(RdSession) restarted = NULL;
  g_autofree char *key = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *message = NULL;
  const char *dirs[] = { g_get_user_data_dir (), g_get_user_config_dir (),
                         g_get_user_cache_dir (), g_get_user_state_dir (),
                         g_get_home_dir (), g_get_user_runtime_dir () };
  GtkWindow *prefs;
  GtkWidget *keyring_label;

  g_assert_null (keyring);
  g_assert_false (secrets_on_bus ());
  reset_settings ();

  key = srv_test_new_account_key (srv, "bob", 77, NULL);
  session = rd_session_new ();
  rd_session_use_local (session, NULL);
  prefs = open_preferences (session);

  /* Said before anything is typed. */
  keyring_label = template_child (prefs, "keyring_label");
  RD_TEST_WAIT_UNTIL (gtk_widget_get_visible (keyring_label), TIMEOUT_MS);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (keyring_label)), ==,
                   "The key will be kept until you quit: no keyring is available.");

  add_account (prefs, "Bob", srv->url, key);
  RD_TEST_WAIT_UNTIL (rd_session_get_account (session) != NULL &&
                      rd_session_get_balance (session) == 77, TIMEOUT_MS);
  g_assert_cmpstr (rivya_client_get_api_key (rd_session_get_client (session)), ==, key);
  g_assert_true (gtk_widget_get_visible (keyring_label));
  screenshot (prefs, "accounts-no-keyring-400.png", 400, 800);

  /* Written nowhere: no setting, no file. */
  dump = settings_dump ();
  g_assert_null (strstr (dump, key));
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    g_assert_false (tree_contains (dirs[i], key));

  /* After a restart the key is gone, as said: back to this computer. */
  restarted = rd_session_new ();
  rd_session_use_local (restarted, NULL);
  g_signal_connect_swapped (restarted, "account-error", G_CALLBACK (message_cb), &message);
  rd_session_restore (restarted);
  RD_TEST_WAIT_UNTIL (message != NULL, TIMEOUT_MS);
  g_assert_null (rd_session_get_account (restarted));

  /* Removing needs no keyring either. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.remove-account", "s", srv->url));
  RD_TEST_WAIT_UNTIL (rd_session_get_account (session) == NULL, TIMEOUT_MS);

  destroy_and_finalize (prefs);
  reset_settings ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!rd_test_init_display (&argc, &argv))
    return 0;
  adw_init ();

  /* A private session bus: first with no Secret Service on it, then
   * with gnome-keyring-daemon. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  srv = srv_test_server_start (NULL);

  g_test_add_func ("/accounts/no-keyring", test_accounts_no_keyring);
  g_test_add_func ("/accounts/keyring", test_accounts_keyring);

  status = g_test_run ();

  srv_test_server_free (srv);
  stop_keyring ();
  /* libsecret's cached objects keep the bus connection to the end:
   * stop the bus without waiting for it to be let go (unreffing the
   * GTestDBus would wait, as g_test_dbus_down() does). */
  g_test_dbus_stop (bus);

  return status;
}
