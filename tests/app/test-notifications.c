/* test-notifications.c
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

#include "rd-job-store.h"
#include "rd-server-supervisor.h"
#include "rd-test-utils.h"
#include "rd-util.h"

/* A job that ends while the window is in the background raises a desktop
 * notification naming it; one that ends under the user's eyes does not.
 *
 * GApplication sends notifications over D-Bus: to org.gtk.Notifications
 * when that name has an owner, else to org.freedesktop.Notifications. The
 * test runs a private session bus where it owns the latter, on a
 * connection of its own, with an object that records every Notify call. */

#define START_TIMEOUT_MS 20000
#define JOB_TIMEOUT_MS 60000

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "      <arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' direction='in'/>"
  "    </method>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' direction='out'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GTestDBus *bus;
static GDBusConnection *server_connection;
static GPtrArray *notifications;  /* (susssasa{sv}i) of each Notify */
static GtkApplication *app;
static GSettings *settings;

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      g_ptr_array_add (notifications, g_variant_ref (parameters));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notifications->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *caps[] = { "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "rivya", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 result;

  server_connection = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                              G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                              NULL, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (server_connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (server_connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1 /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */);
}

static RivyaClient *
start_server (RdServerSupervisor *supervisor)
{
  rd_server_supervisor_start (supervisor);
  RD_TEST_WAIT_UNTIL (rd_server_supervisor_get_state (supervisor) == RD_SERVER_STATE_RUNNING,
                      START_TIMEOUT_MS);
  return rivya_client_new (rd_server_supervisor_get_url (supervisor),
                           rd_server_supervisor_get_api_key (supervisor));
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Submits with librivya, as the Create page does, and hands it over. */
static RdJob *
submit (RdJobStore  *store,
        RivyaClient *client,
        const char  *prompt)
{
  g_autoptr(RivyaGenerationRequest) request = rivya_generation_request_new ("local-image", prompt);
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();

  rivya_generation_request_set_idempotency_key (request, key);
  rivya_generation_request_set_param_string (request, "aspect_ratio", "1:1");
  rivya_client_create_generation_async (client, request, NULL, result_cb, &result);
  RD_TEST_WAIT_UNTIL (result != NULL, START_TIMEOUT_MS);
  generation = rivya_client_create_generation_finish (client, result, &error);
  g_assert_no_error (error);

  rd_job_store_add_submission (store, rivya_client_get_base_url (client), NULL, request, generation);
  return rd_job_store_lookup (store, rivya_generation_get_id (generation));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

typedef struct
{
  RdServerSupervisor *supervisor;
  RivyaClient        *client;
  RdJobStore         *store;
  GtkWindow          *window;  /* the app's window */
  GtkWindow          *other;   /* another program's, as far as focus goes */
  guint               finished;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->supervisor = rd_server_supervisor_new (NULL);
  fixture->client = start_server (fixture->supervisor);
  fixture->store = rd_job_store_new (NULL);
  RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (fixture->store), 10000);
  rd_job_store_set_client (fixture->store, fixture->client);
  rivya_poller_set_time_scale (rd_job_store_get_poller (fixture->store), 0.1);
  g_signal_connect_swapped (fixture->store, "job-finished", G_CALLBACK (count_cb), &fixture->finished);

  fixture->window = GTK_WINDOW (gtk_application_window_new (app));
  gtk_window_set_default_size (fixture->window, 640, 480);
  fixture->other = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->other, 320, 240);

  g_ptr_array_set_size (notifications, 0);
  g_settings_reset (settings, "notifications");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->other, gtk_window_destroy);
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->client);
  rd_server_supervisor_stop (fixture->supervisor);
  g_clear_object (&fixture->supervisor);
}

/* Focus as the X server sees it; without a window manager GDK moves it
 * itself on present. */
static void
focus (GtkWindow *window)
{
  gtk_window_present (window);
  RD_TEST_WAIT_UNTIL (gtk_window_is_active (window), 10000);
}

static void
wait_finished (Fixture *fixture,
               RdJob   *job,
               guint    n)
{
  RD_TEST_WAIT_UNTIL (fixture->finished == n, JOB_TIMEOUT_MS);
  g_assert_true (rd_job_is_finished (job));
  g_assert_cmpint (rd_job_get_status (job), ==, RIVYA_GENERATION_STATUS_SUCCEEDED);
}

static void
assert_notification (guint       index,
                     const char *title,
                     const char *body)
{
  const char *summary, *text, *icon, *app_name;
  guint32 replaces;
  gint32 timeout;
  g_autoptr(GVariantIter) actions = NULL;
  g_autoptr(GVariantIter) hints = NULL;

  g_assert_cmpuint (index, <, notifications->len);
  g_variant_get (notifications->pdata[index], "(&su&s&s&sasa{sv}i)",
                 &app_name, &replaces, &icon, &summary, &text, &actions, &hints, &timeout);
  g_assert_cmpstr (summary, ==, title);
  g_assert_cmpstr (text, ==, body);
}

/* In the background: one notification, titled with the kind of result,
 * its body the job's prompt (what the job list shows it by). */
static void
test_notifications_unfocused (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *prompt = "A lighthouse on a cliff at dusk";
  RdJob *job;

  gtk_window_present (fixture->window);
  focus (fixture->other);
  g_assert_false (gtk_window_is_active (fixture->window));
  g_assert_true (gtk_application_get_active_window (app) == fixture->window);

  job = submit (fixture->store, fixture->client, prompt);
  g_assert_nonnull (job);
  wait_finished (fixture, job, 1);
  RD_TEST_WAIT_UNTIL (notifications->len >= 1, 10000);
  rd_test_wait_ms (300);
  g_assert_cmpuint (notifications->len, ==, 1);
  assert_notification (0, "Picture ready", prompt);
}

/* In front: nothing; the row changing is enough. Then the same window
 * in the background does get one, so the silence above was a choice. */
static void
test_notifications_focused (Fixture       *fixture,
                            gconstpointer  data)
{
  RdJob *job;

  focus (fixture->window);
  job = submit (fixture->store, fixture->client, "A quiet harbour at noon");
  wait_finished (fixture, job, 1);
  rd_test_wait_ms (500);
  g_assert_true (gtk_window_is_active (fixture->window));
  g_assert_cmpuint (notifications->len, ==, 0);

  focus (fixture->other);
  job = submit (fixture->store, fixture->client, "A busy harbour at dusk");
  wait_finished (fixture, job, 2);
  RD_TEST_WAIT_UNTIL (notifications->len >= 1, 10000);
  rd_test_wait_ms (300);
  g_assert_cmpuint (notifications->len, ==, 1);
  assert_notification (0, "Picture ready", "A busy harbour at dusk");
}

/* Preferences → Notify When Jobs Finish, off: never. */
static void
test_notifications_disabled (Fixture       *fixture,
                             gconstpointer  data)
{
  RdJob *job;

  g_settings_set_boolean (settings, "notifications", FALSE);
  gtk_window_present (fixture->window);
  focus (fixture->other);
  job = submit (fixture->store, fixture->client, "A storm over the sea");
  wait_finished (fixture, job, 1);
  rd_test_wait_ms (500);
  g_assert_cmpuint (notifications->len, ==, 0);
}

static void
activate_cb (GApplication *application,
             int          *status)
{
  g_application_hold (application);
  *status = g_test_run ();
  g_application_release (application);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *display = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  int status = 1;

  if (!rd_test_init_display (&argc, &argv))
    return 0;

  display = g_strdup (g_getenv ("DISPLAY"));
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);
  notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  start_notification_server ();

  g_test_add ("/notifications/unfocused", Fixture, NULL,
              fixture_setup, test_notifications_unfocused, fixture_teardown);
  g_test_add ("/notifications/focused", Fixture, NULL,
              fixture_setup, test_notifications_focused, fixture_teardown);
  g_test_add ("/notifications/disabled", Fixture, NULL,
              fixture_setup, test_notifications_disabled, fixture_teardown);

  /* A running application, as rivya-desktop is: the tests run in its
   * activate, and the job store finds it with g_application_get_default().
   * Running it (not only registering it) lets shutdown release its hold
   * on the session bus, which g_test_dbus_down() waits for. */
  app = gtk_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &status);
  g_application_run (G_APPLICATION (app), 1, argv);

  g_clear_object (&settings);
  g_assert_finalize_object (app);
  app = NULL;
  g_clear_object (&server_connection);
  g_clear_pointer (&notifications, g_ptr_array_unref);
  /* Stopped, not torn down: g_test_dbus_down() waits for the session
   * connection to be finalized, and here (GLib 2.74) that unwinding
   * recursed in GIO until the stack overflowed, once notifications had
   * been sent. The process ends here anyway. */
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (connection != NULL)
    g_dbus_connection_set_exit_on_close (connection, FALSE);
  g_test_dbus_stop (bus);

  return status;
}
