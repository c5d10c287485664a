/* test-developer-page.c
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

#include <libsoup/soup.h>

#include "rd-developer-page.h"
#include "rd-server-supervisor.h"
#include "rd-session.h"
#include "rd-webhook-editor.h"
#include "rd-webhook-secret-dialog.h"
#include "rd-window.h"
#include "rd-test-utils.h"

#define START_TIMEOUT_MS 30000
#define CALL_TIMEOUT_MS  15000

/* The receiver: a SoupServer on loopback that keeps what Rivya sends. */
typedef struct
{
  SoupServer *server;
  char       *url;
  GPtrArray  *ids;
  GPtrArray  *timestamps;
  GPtrArray  *signatures;
  GPtrArray  *bodies;
} Receiver;

typedef struct
{
  RdServerSupervisor *supervisor;
  RdSession          *session;
  GtkWindow          *window;
  RdDeveloperPage    *page;
  RdWebhookPane      *pane;
  Receiver            receiver;
} Fixture;

static void
receiver_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  Receiver *receiver = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

  g_ptr_array_add (receiver->ids, g_strdup (soup_message_headers_get_one (headers, "webhook-id")));
  g_ptr_array_add (receiver->timestamps,
                   g_strdup (soup_message_headers_get_one (headers, "webhook-timestamp")));
  g_ptr_array_add (receiver->signatures,
                   g_strdup (soup_message_headers_get_one (headers, "webhook-signature")));
  g_ptr_array_add (receiver->bodies, g_bytes_ref (bytes));
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
}

static void
receiver_start (Receiver *receiver)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  receiver->ids = g_ptr_array_new_with_free_func (g_free);
  receiver->timestamps = g_ptr_array_new_with_free_func (g_free);
  receiver->signatures = g_ptr_array_new_with_free_func (g_free);
  receiver->bodies = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  receiver->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (receiver->server, "/hook", receiver_cb, receiver, NULL);
  soup_server_listen_local (receiver->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (receiver->server);
  g_assert_nonnull (uris);
  receiver->url = g_strdup_printf ("http://127.0.0.1:%d/hook", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
}

static void
receiver_stop (Receiver *receiver)
{
  soup_server_disconnect (receiver->server);
  g_clear_object (&receiver->server);
  g_clear_pointer (&receiver->url, g_free);
  g_clear_pointer (&receiver->ids, g_ptr_array_unref);
  g_clear_pointer (&receiver->timestamps, g_ptr_array_unref);
  g_clear_pointer (&receiver->signatures, g_ptr_array_unref);
  g_clear_pointer (&receiver->bodies, g_ptr_array_unref);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  /* http and loopback receivers are refused unless the server is told
   * otherwise (B.12); retries come fast. */
  g_autofree char *script = rd_test_write_script ("insecure-webhooks-server",
                                                  "exec \"$RIVYA_SERVER\" \"$@\" "
                                                  "--allow-insecure-webhooks --webhook-retry-scale 0.001");

  receiver_start (&fixture->receiver);

  fixture->supervisor = g_object_new (RD_TYPE_SERVER_SUPERVISOR, "program", script, NULL);
  fixture->session = rd_session_new ();
  rd_session_use_local (fixture->session, fixture->supervisor);
  rd_server_supervisor_start (fixture->supervisor);
  RD_TEST_WAIT_UNTIL (rd_session_get_ready (fixture->session), START_TIMEOUT_MS);

  fixture->window = g_object_new (RD_TYPE_WINDOW,
                                  "supervisor", fixture->supervisor,
                                  "session", fixture->session,
                                  NULL);
  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_present (fixture->window);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "developer");

  fixture->page = RD_DEVELOPER_PAGE (rd_test_find_widget (GTK_WIDGET (fixture->window),
                                                          RD_TYPE_DEVELOPER_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (rd_developer_page_get_session (fixture->page) == fixture->session);
  fixture->pane = rd_developer_page_get_webhook_pane (fixture->page);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  rd_server_supervisor_stop (fixture->supervisor);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->supervisor);
  receiver_stop (&fixture->receiver);
}

static void
wait_idle (Fixture *fixture)
{
  rd_test_wait_ms (50);
  RD_TEST_WAIT_UNTIL (!rd_webhook_pane_get_loading (fixture->pane), CALL_TIMEOUT_MS);
}

static void
screenshot (Fixture    *fixture,
            const char *name,
            int         width,
            int         height)
{
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (g_getenv ("RD_SCREENSHOT_DIR") == NULL)
    return;

  gtk_window_set_default_size (fixture->window, width, height);
  rd_test_wait_ms (400);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  file = g_strdup_printf ("developer-%s-%dx%d.png", name, width, height);
  path = g_build_filename (g_getenv ("RD_SCREENSHOT_DIR"), file, NULL);
  rd_test_save_screenshot (GTK_WIDGET (fixture->window), path);
}

/* Whether @text shows anywhere under @root: labels, entries. */
static gboolean
tree_shows (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  if (GTK_IS_EDITABLE (root) && strstr (gtk_editable_get_text (GTK_EDITABLE (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tree_shows (child, text))
      return TRUE;

  return FALSE;
}

/* The first @type under @root with the style class @css_class. */
static GtkWidget *
find_with_class (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_has_css_class (root, css_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  RD_TEST_WAIT_UNTIL (text != NULL, CALL_TIMEOUT_MS);
  return text;
}

/* What a click on a dialog's button does: the response, then close. */
static void
respond (gpointer    dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (GTK_WINDOW (dialog));
}

static gpointer
wait_toplevel (GType type)
{
  GtkWindow *window = NULL;

  RD_TEST_WAIT_UNTIL ((window = rd_test_find_toplevel (type)) != NULL, CALL_TIMEOUT_MS);
  return window;
}

/* Takes the secret dialog's secret, copies it, closes the dialog. */
static char *
take_secret (Fixture *fixture)
{
  RdWebhookSecretDialog *dialog = wait_toplevel (RD_TYPE_WEBHOOK_SECRET_DIALOG);
  g_autofree char *copied = NULL;
  char *secret;

  secret = g_strdup (rd_webhook_secret_dialog_get_secret (dialog));
  g_assert_true (g_str_has_prefix (secret, "whsec_"));
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (dialog), secret));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "secret.copy", NULL);
  copied = read_clipboard (GTK_WIDGET (dialog));
  g_assert_cmpstr (copied, ==, secret);

  if (g_getenv ("RD_SCREENSHOT_DIR") != NULL && !g_object_get_data (G_OBJECT (fixture->window), "shot"))
    {
      g_autofree char *path = g_build_filename (g_getenv ("RD_SCREENSHOT_DIR"),
                                                "developer-secret-dialog.png", NULL);

      g_object_set_data (G_OBJECT (fixture->window), "shot", GINT_TO_POINTER (1));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
      rd_test_save_screenshot (GTK_WIDGET (dialog), path);
    }

  /* Gone with the dialog's answer. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "done");
  g_assert_null (rd_webhook_secret_dialog_get_secret (dialog));
  g_assert_null (rd_test_find_label (GTK_WIDGET (dialog), secret));
  gtk_window_close (GTK_WINDOW (dialog));
  RD_TEST_WAIT_UNTIL (rd_test_find_toplevel (RD_TYPE_WEBHOOK_SECRET_DIALOG) == NULL, CALL_TIMEOUT_MS);

  return secret;
}

static void
get_webhook_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  RivyaWebhookEndpoint **endpoint = user_data;
  g_autoptr(GError) error = NULL;

  *endpoint = rivya_client_get_webhook_finish (RIVYA_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

/* The endpoint as the server has it now. */
static RivyaWebhookEndpoint *
server_endpoint (Fixture    *fixture,
                 const char *id)
{
  RivyaWebhookEndpoint *endpoint = NULL;

  rivya_client_get_webhook_async (rd_session_get_client (fixture->session), id, NULL,
                                  get_webhook_cb, &endpoint);
  RD_TEST_WAIT_UNTIL (endpoint != NULL, CALL_TIMEOUT_MS);
  return endpoint;
}

static RivyaWebhookDelivery *
find_delivery (Fixture    *fixture,
               const char *status)
{
  GListModel *deliveries = rd_webhook_pane_get_deliveries (fixture->pane);

  for (guint i = 0; i < g_list_model_get_n_items (deliveries); i++)
    {
      g_autoptr(RivyaWebhookDelivery) delivery = g_list_model_get_item (deliveries, i);

      if (g_strcmp0 (rivya_webhook_delivery_get_status (delivery), status) == 0)
        return delivery;
    }
  return NULL;
}

static RivyaRequestRecord *
find_record (RdRequestLog *log,
             const char   *method,
             const char   *path_suffix)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    {
      g_autoptr(RivyaRequestRecord) record = g_list_model_get_item (G_LIST_MODEL (log), i);

      if (g_str_equal (rivya_request_record_get_method (record), method) &&
          g_str_has_suffix (rivya_request_record_get_path (record), path_suffix))
        return record;
    }
  return NULL;
}

/* Everything a record holds, in one string, to look for secrets in. */
static char *
record_dump (RivyaRequestRecord *record)
{
  g_autofree char *curl = rivya_request_record_to_curl (record, NULL);
  GBytes *body = rivya_request_record_get_body (record);
  g_autofree char *body_text = body ? g_strndup (g_bytes_get_data (body, NULL),
                                                 g_bytes_get_size (body)) : NULL;

  return g_strjoin ("\n", rivya_request_record_get_method (record),
                    rivya_request_record_get_url (record),
                    rivya_request_record_get_path (record),
                    rivya_request_record_get_request_id (record) ?: "",
                    rivya_request_record_get_error_code (record) ?: "",
                    rivya_request_record_get_idempotency_key (record) ?: "",
                    rivya_request_record_get_content_type (record) ?: "",
                    body_text ?: "", curl, NULL);
}

static void
not_found_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  endpoint = rivya_client_get_webhook_finish (RIVYA_CLIENT (object), result, &error);
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_NOT_FOUND);
  *done = TRUE;
}

/* Endpoints through the view: create with a secret shown once, a test
 * event delivered to a loopback receiver, rotate, disable and enable,
 * edit. Then the request log of those calls. */
static void
test_developer_webhooks (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *pane = GTK_WIDGET (fixture->pane);
  RdRequestLog *log = rd_developer_page_get_request_log (fixture->page);
  RdDeveloperLog *log_view = rd_developer_page_get_log_view (fixture->page);
  const char *key = rd_server_supervisor_get_api_key (fixture->supervisor);
  RdWebhookEditor *editor;
  RivyaWebhookEndpoint *selected;
  RivyaWebhookDelivery *delivery;
  RivyaRequestRecord *record;
  AdwMessageDialog *confirm;
  g_autoptr(RivyaWebhookEndpoint) on_server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *rotated = NULL;
  g_autofree char *endpoint_id = NULL;
  g_autofree char *old_preview = NULL;
  g_autofree char *curl = NULL;
  g_autofree char *create_curl = NULL;
  gboolean done = FALSE;

  g_assert_nonnull (key);
  g_assert_cmpuint (strlen (key), >, 8);

  /* The view fits a phone-sized window. */
  {
    int min;

    gtk_widget_measure (GTK_WIDGET (fixture->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL,
                        NULL, NULL);
    g_assert_cmpint (min, <=, 360);
  }

  /* Nothing yet: the empty state says what to do. */
  wait_idle (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (rd_webhook_pane_get_endpoints (fixture->pane)), ==, 0);
  g_assert_nonnull (rd_test_find_label (pane, "No Webhook Endpoints"));
  screenshot (fixture, "empty", 1280, 800);
  screenshot (fixture, "empty", 400, 800);
  gtk_window_set_default_size (fixture->window, 1280, 800);

  /* Create: the secret is shown once, with Copy. */
  gtk_widget_activate_action (pane, "webhook.add", NULL);
  editor = wait_toplevel (RD_TYPE_WEBHOOK_EDITOR);
  rd_webhook_editor_set_name (editor, "Loopback receiver");
  rd_webhook_editor_set_url (editor, fixture->receiver.url);
  if (g_getenv ("RD_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("RD_SCREENSHOT_DIR"),
                                                "developer-webhook-editor.png", NULL);

      gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
      rd_test_save_screenshot (GTK_WIDGET (editor), path);
    }
  respond (editor, "save");
  secret = take_secret (fixture);
  wait_idle (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (rd_webhook_pane_get_endpoints (fixture->pane)), ==, 1);
  selected = rd_webhook_pane_get_selected (fixture->pane);
  g_assert_nonnull (selected);
  endpoint_id = g_strdup (rivya_webhook_endpoint_get_id (selected));
  g_assert_cmpstr (rivya_webhook_endpoint_get_name (selected), ==, "Loopback receiver");
  g_assert_cmpstr (rivya_webhook_endpoint_get_url (selected), ==, fixture->receiver.url);
  g_assert_cmpstr (rivya_webhook_endpoint_get_status (selected), ==, "active");

  /* ...and not retrievable afterwards: not in the view, not in what the
   * pane holds, not from the server. */
  g_assert_null (rivya_webhook_endpoint_get_signing_secret (selected));
  g_assert_false (tree_shows (GTK_WIDGET (fixture->window), secret));
  on_server = server_endpoint (fixture, endpoint_id);
  g_assert_null (rivya_webhook_endpoint_get_signing_secret (on_server));
  g_clear_object (&on_server);
  old_preview = g_strdup (rivya_webhook_endpoint_get_secret_preview (selected));

  /* A test event arrives, signed with that secret, and shows as a
   * delivery with its status code and duration. */
  gtk_widget_activate_action (pane, "webhook.test", NULL);
  RD_TEST_WAIT_UNTIL (fixture->receiver.ids->len >= 1, CALL_TIMEOUT_MS);
  g_assert_true (rivya_webhook_verify (secret, fixture->receiver.ids->pdata[0],
                                       fixture->receiver.timestamps->pdata[0],
                                       fixture->receiver.signatures->pdata[0],
                                       fixture->receiver.bodies->pdata[0],
                                       g_get_real_time () / G_USEC_PER_SEC, 300, &error));
  g_assert_no_error (error);
  RD_TEST_WAIT_UNTIL (find_delivery (fixture, "succeeded") != NULL, CALL_TIMEOUT_MS);
  delivery = find_delivery (fixture, "succeeded");
  g_assert_cmpstr (rivya_webhook_delivery_get_event_type (delivery), ==, "webhook.test");
  g_assert_cmpint (rivya_webhook_delivery_get_response_status (delivery), ==, 200);
  g_assert_cmpint (rivya_webhook_delivery_get_duration_ms (delivery), >=, 0);
  {
    g_autofree char *shown = g_strdup_printf ("200 in %" G_GINT64_FORMAT " ms",
                                              rivya_webhook_delivery_get_duration_ms (delivery));

    g_assert_true (tree_shows (pane, shown));
  }
  wait_idle (fixture);
  rd_webhook_pane_reload (fixture->pane);
  wait_idle (fixture);
  screenshot (fixture, "webhooks", 1280, 800);
  {
    GtkWidget *list = find_with_class (pane, GTK_TYPE_LIST_BOX, "navigation-sidebar");
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));

    gtk_window_set_default_size (fixture->window, 400, 800);
    rd_test_wait_ms (300);
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    {
      AdwLeaflet *leaflet = ADW_LEAFLET (rd_test_find_widget (pane, ADW_TYPE_LEAFLET));

      g_assert_true (adw_leaflet_get_folded (leaflet));
      g_assert_true (GTK_IS_SCROLLED_WINDOW (adw_leaflet_get_visible_child (leaflet)));
    }
    screenshot (fixture, "webhooks", 400, 800);
    gtk_widget_activate_action (pane, "webhook.back", NULL);
    screenshot (fixture, "webhook-list", 400, 800);
    gtk_window_set_default_size (fixture->window, 1280, 800);
  }

  /* Rotate: a new secret, shown once. */
  gtk_widget_activate_action (pane, "webhook.rotate", NULL);
  confirm = wait_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  respond (confirm, "rotate");
  rotated = take_secret (fixture);
  g_assert_cmpstr (rotated, !=, secret);
  wait_idle (fixture);
  selected = rd_webhook_pane_get_selected (fixture->pane);
  g_assert_null (rivya_webhook_endpoint_get_signing_secret (selected));
  g_assert_cmpstr (rivya_webhook_endpoint_get_secret_preview (selected), !=, old_preview);
  g_assert_false (tree_shows (GTK_WIDGET (fixture->window), rotated));

  /* Disable, enable. */
  gtk_widget_activate_action (pane, "webhook.toggle", NULL);
  wait_idle (fixture);
  g_assert_cmpstr (rivya_webhook_endpoint_get_status (rd_webhook_pane_get_selected (fixture->pane)), ==, "disabled");
  on_server = server_endpoint (fixture, endpoint_id);
  g_assert_cmpstr (rivya_webhook_endpoint_get_status (on_server), ==, "disabled");
  g_clear_object (&on_server);
  g_assert_nonnull (rd_test_find_label (pane, "Disabled"));
  gtk_widget_activate_action (pane, "webhook.toggle", NULL);
  wait_idle (fixture);
  g_assert_cmpstr (rivya_webhook_endpoint_get_status (rd_webhook_pane_get_selected (fixture->pane)), ==, "active");
  on_server = server_endpoint (fixture, endpoint_id);
  g_assert_cmpstr (rivya_webhook_endpoint_get_status (on_server), ==, "active");
  g_clear_object (&on_server);

  /* Edit: the dialog starts from the endpoint, the change reaches the
   * server and comes back. */
  gtk_widget_activate_action (pane, "webhook.edit", NULL);
  editor = wait_toplevel (RD_TYPE_WEBHOOK_EDITOR);
  g_assert_cmpstr (rd_webhook_editor_get_name (editor), ==, "Loopback receiver");
  g_assert_cmpstr (rd_webhook_editor_get_url (editor), ==, fixture->receiver.url);
  rd_webhook_editor_set_name (editor, "Renamed receiver");
  respond (editor, "save");
  RD_TEST_WAIT_UNTIL (rd_test_find_toplevel (RD_TYPE_WEBHOOK_EDITOR) == NULL, CALL_TIMEOUT_MS);
  wait_idle (fixture);
  g_assert_cmpstr (rivya_webhook_endpoint_get_name (rd_webhook_pane_get_selected (fixture->pane)), ==,
                   "Renamed receiver");
  on_server = server_endpoint (fixture, endpoint_id);
  g_assert_cmpstr (rivya_webhook_endpoint_get_name (on_server), ==, "Renamed receiver");
  g_assert_cmpstr (rivya_webhook_endpoint_get_url (on_server), ==, fixture->receiver.url);
  g_clear_object (&on_server);

  /* Events: the test event is there. */
  rd_developer_page_show (fixture->page, "events");
  RD_TEST_WAIT_UNTIL (g_list_model_get_n_items (rd_developer_page_get_events (fixture->page)) > 0,
                      CALL_TIMEOUT_MS);
  g_assert_true (tree_shows (GTK_WIDGET (fixture->page), "webhook.test"));
  screenshot (fixture, "events", 1280, 800);

  /* The request log has each call, with its request id. */
  rivya_client_get_webhook_async (rd_session_get_client (fixture->session), "whend_missing", NULL,
                                  not_found_cb, &done);
  RD_TEST_WAIT_UNTIL (done, CALL_TIMEOUT_MS);
  rd_developer_page_show (fixture->page, "requests");

  record = find_record (log, "POST", "/api/v1/webhooks");
  g_assert_nonnull (record);
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, 201);
  g_assert_true (g_str_has_prefix (rivya_request_record_get_request_id (record), "req_"));
  g_assert_null (rivya_request_record_get_error_code (record));
  g_assert_nonnull (rivya_request_record_get_idempotency_key (record));
  create_curl = rivya_request_record_to_curl (record, NULL);
  record = find_record (log, "POST", "/test");
  g_assert_nonnull (record);
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, 202);
  g_assert_true (g_str_has_prefix (rivya_request_record_get_request_id (record), "req_"));
  record = find_record (log, "POST", "/rotate-secret");
  g_assert_nonnull (record);
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, 200);
  g_assert_nonnull (find_record (log, "PATCH", endpoint_id));
  g_assert_nonnull (find_record (log, "GET", "/deliveries?limit=20"));
  record = g_list_model_get_item (G_LIST_MODEL (log), 0);
  g_object_unref (record);
  g_assert_cmpstr (rivya_request_record_get_path (record), ==, "/api/v1/webhooks/whend_missing");
  g_assert_cmpuint (rivya_request_record_get_status (record), ==, 404);
  g_assert_cmpstr (rivya_request_record_get_error_code (record), ==, "not_found");
  g_assert_true (g_str_has_prefix (rivya_request_record_get_request_id (record), "req_"));

  /* Filters: by text, by failure, both. */
  rd_developer_log_set_filter (log_view, "not_found", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (rd_developer_log_get_shown (log_view)), ==, 1);
  rd_developer_log_set_filter (log_view, "", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rd_developer_log_get_shown (log_view)), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (rd_developer_log_get_shown (log_view)); i++)
    {
      g_autoptr(RivyaRequestRecord) shown = g_list_model_get_item (rd_developer_log_get_shown (log_view), i);

      g_assert_nonnull (rivya_request_record_get_error_code (shown));
    }
  rd_developer_log_set_filter (log_view, "no-such-route", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (rd_developer_log_get_shown (log_view)), ==, 0);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (log_view), "No Matching Requests"));
  rd_developer_log_set_filter (log_view, "POST rotate-secret", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (rd_developer_log_get_shown (log_view)), ==, 1);

  /* Copy as curl: the key is a variable, never itself. */
  gtk_widget_activate_action (GTK_WIDGET (log_view), "log.copy-curl", "u", 0);
  curl = read_clipboard (GTK_WIDGET (log_view));
  g_assert_true (g_str_has_prefix (curl, "curl -X POST "));
  g_assert_nonnull (strstr (curl, "/rotate-secret"));
  g_assert_nonnull (strstr (curl, "Authorization: Bearer $RIVYA_API_KEY"));
  g_assert_null (strstr (curl, key));
  g_assert_nonnull (strstr (create_curl, "--data-raw"));
  g_assert_nonnull (strstr (create_curl, fixture->receiver.url));
  g_assert_nonnull (strstr (create_curl, "$RIVYA_API_KEY"));

  rd_developer_log_set_filter (log_view, "", FALSE);
  screenshot (fixture, "requests", 1280, 800);
  /* Shown from the top, the newest call is in view. */
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (log_view), "GET /api/v1/webhooks/whend_missing"));
  screenshot (fixture, "requests", 400, 800);
  gtk_window_set_default_size (fixture->window, 1280, 800);

  /* No secret and no key anywhere in the log. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    {
      g_autoptr(RivyaRequestRecord) item = g_list_model_get_item (G_LIST_MODEL (log), i);
      g_autofree char *dump = record_dump (item);

      g_assert_null (strstr (dump, key));
      g_assert_null (strstr (dump, secret));
      g_assert_null (strstr (dump, rotated));
    }
  g_assert_false (tree_shows (GTK_WIDGET (fixture->window), key));
}

static void
api_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  static const char body[] = "{\"error\": {\"code\": \"not_found\", \"message\": \"No\","
                             " \"requestId\": \"req_test\"}}";

  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
record_cb (RivyaClient        *client,
           RivyaRequestRecord *record,
           RdRequestLog       *log)
{
  rd_request_log_add (log, record);
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  guint *left = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;

  endpoint = rivya_client_get_webhook_finish (RIVYA_CLIENT (object), result, &error);
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_NOT_FOUND);
  (*left)--;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_items)
{
  /* Each change must add up, or views get out of step. */
  g_assert_cmpuint (position + removed, <=, *n_items);
  *n_items = *n_items - removed + added;
  g_assert_cmpuint (*n_items, ==, g_list_model_get_n_items (model));
}

/* The log keeps the last RD_REQUEST_LOG_MAX calls, newest first, with
 * exact changes. An in-process server answers, so 510 calls are quick. */
static void
test_request_log_cap (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(RdRequestLog) log = rd_request_log_new ();
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaRequestRecord) newest = NULL;
  g_autoptr(RivyaRequestRecord) oldest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  guint n_items = 0;
  guint left = 510;
  GSList *uris;

  soup_server_add_handler (server, "/api", api_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  client = rivya_client_new (base, "rvya_sk_0123456789abcdefghijklmnopqrstuvwxyzABCD");
  rivya_client_set_proxy_resolver (client, NULL);
  g_signal_connect (client, "request-recorded", G_CALLBACK (record_cb), log);
  g_signal_connect (log, "items-changed", G_CALLBACK (items_changed_cb), &n_items);

  for (guint i = 0; i < 510; i++)
    {
      g_autofree char *id = g_strdup_printf ("whend_%03u", i);

      rivya_client_get_webhook_async (client, id, NULL, count_cb, &left);
    }
  RD_TEST_WAIT_UNTIL (left == 0, 60000);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, RD_REQUEST_LOG_MAX);
  g_assert_cmpuint (n_items, ==, RD_REQUEST_LOG_MAX);
  newest = g_list_model_get_item (G_LIST_MODEL (log), 0);
  oldest = g_list_model_get_item (G_LIST_MODEL (log), RD_REQUEST_LOG_MAX - 1);
  g_assert_cmpint (g_date_time_compare (rivya_request_record_get_finished_at (newest),
                                        rivya_request_record_get_finished_at (oldest)), >=, 0);
  g_assert_cmpstr (rivya_request_record_get_error_code (newest), ==, "not_found");
  g_assert_cmpstr (rivya_request_record_get_request_id (newest), ==, "req_test");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (log), RD_REQUEST_LOG_MAX));

  rd_request_log_clear (log);
  g_assert_cmpuint (n_items, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  if (!rd_test_init_display (&argc, &argv))
    return 0;
  adw_init ();

  g_test_add_func ("/developer/request-log-cap", test_request_log_cap);
  g_test_add ("/developer/webhooks-and-log", Fixture, NULL,
              fixture_setup, test_developer_webhooks, fixture_teardown);

  return g_test_run ();
}
