/* rivya-cli-webhooks.c
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

#include "rivya-cli-commands.h"

#include <string.h>

#include "rivya-cli-json.h"
#include "rivya-cli-output.h"

#define WEBHOOKS_USAGE \
  "Usage:\n" \
  "  rivya webhooks list [--limit N] [--after ID] [--json]\n" \
  "  rivya webhooks create --url URL [--name NAME] [--event TYPE ...] [--json]\n" \
  "  rivya webhooks get ENDPOINT_ID [--json]\n" \
  "  rivya webhooks rotate ENDPOINT_ID [--json]\n" \
  "  rivya webhooks test ENDPOINT_ID [--json]\n" \
  "  rivya webhooks deliveries ENDPOINT_ID [--limit N] [--after ID] [--json]\n" \
  "  rivya webhooks delete ENDPOINT_ID [--json]\n"

static void
print_endpoint (RivyaWebhookEndpoint *endpoint,
                gboolean              json)
{
  g_autofree char *events = NULL;

  if (json)
    {
      g_autoptr(JsonNode) node = rivya_cli_json_from_endpoint (endpoint);

      rivya_cli_print_json (node);
      return;
    }

  events = g_strjoinv (", ", (char **)rivya_webhook_endpoint_get_event_types (endpoint));
  rivya_cli_print_field ("Endpoint", "%s", rivya_webhook_endpoint_get_id (endpoint));
  rivya_cli_print_field ("Name", "%s", rivya_webhook_endpoint_get_name (endpoint));
  rivya_cli_print_field ("URL", "%s", rivya_webhook_endpoint_get_url (endpoint));
  rivya_cli_print_field ("Events", "%s", events);
  rivya_cli_print_field ("Status", "%s", rivya_webhook_endpoint_get_status (endpoint));
  if (rivya_webhook_endpoint_get_signing_secret (endpoint) != NULL)
    rivya_cli_print_field ("Signing secret", "%s (shown only now: keep it for verify-webhook)",
                           rivya_webhook_endpoint_get_signing_secret (endpoint));
  else if (rivya_webhook_endpoint_get_secret_preview (endpoint) != NULL)
    rivya_cli_print_field ("Secret", "%s", rivya_webhook_endpoint_get_secret_preview (endpoint));
  rivya_cli_print_field ("Failures", "%" G_GINT64_FORMAT,
                         rivya_webhook_endpoint_get_failure_count (endpoint));
  if (rivya_webhook_endpoint_get_last_success_at (endpoint) != NULL)
    rivya_cli_print_field ("Last success", "%s",
                           rivya_webhook_endpoint_get_last_success_at (endpoint));
  if (rivya_webhook_endpoint_get_last_failure_at (endpoint) != NULL)
    rivya_cli_print_field ("Last failure", "%s",
                           rivya_webhook_endpoint_get_last_failure_at (endpoint));
  if (rivya_webhook_endpoint_get_disabled_at (endpoint) != NULL)
    rivya_cli_print_field ("Disabled", "%s", rivya_webhook_endpoint_get_disabled_at (endpoint));
  if (rivya_webhook_endpoint_get_revoked_at (endpoint) != NULL)
    rivya_cli_print_field ("Revoked", "%s", rivya_webhook_endpoint_get_revoked_at (endpoint));
}

static void
print_delivery (RivyaWebhookDelivery *delivery,
                gboolean              json)
{
  if (json)
    {
      g_autoptr(JsonNode) node = rivya_cli_json_from_delivery (delivery);

      rivya_cli_print_json (node);
      return;
    }

  rivya_cli_print_field ("Delivery", "%s", rivya_webhook_delivery_get_id (delivery));
  rivya_cli_print_field ("Event", "%s (%s)", rivya_webhook_delivery_get_event_id (delivery),
                         rivya_webhook_delivery_get_event_type (delivery));
  rivya_cli_print_field ("Attempt", "%" G_GINT64_FORMAT,
                         rivya_webhook_delivery_get_attempt (delivery));
  rivya_cli_print_field ("Status", "%s", rivya_webhook_delivery_get_status (delivery));
  if (rivya_webhook_delivery_get_response_status (delivery) >= 0)
    rivya_cli_print_field ("HTTP status", "%" G_GINT64_FORMAT,
                           rivya_webhook_delivery_get_response_status (delivery));
  if (rivya_webhook_delivery_get_error (delivery) != NULL)
    rivya_cli_print_field ("Error", "%s", rivya_webhook_delivery_get_error (delivery));
  if (rivya_webhook_delivery_get_next_retry_at (delivery) != NULL)
    rivya_cli_print_field ("Next retry", "%s", rivya_webhook_delivery_get_next_retry_at (delivery));
}

static void
print_more (RivyaPage *page)
{
  if (rivya_page_get_has_more (page) && rivya_page_get_next_after (page) != NULL)
    g_printerr ("More: --after %s\n", rivya_page_get_next_after (page));
}

static void
print_endpoints (RivyaPage *page)
{
  g_autoptr(RivyaCliTable) table = rivya_cli_table_new (5, "ID", "STATUS", "FAILURES", "NAME",
                                                        "URL");
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (page));

  rivya_cli_table_align_right (table, 2);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RivyaWebhookEndpoint) endpoint = g_list_model_get_item (G_LIST_MODEL (page), i);
      gint64 failure_count = rivya_webhook_endpoint_get_failure_count (endpoint);
      g_autofree char *failures = g_strdup_printf ("%" G_GINT64_FORMAT, failure_count);

      rivya_cli_table_add_row (table,
                               rivya_webhook_endpoint_get_id (endpoint),
                               rivya_webhook_endpoint_get_status (endpoint),
                               failures,
                               rivya_webhook_endpoint_get_name (endpoint),
                               rivya_webhook_endpoint_get_url (endpoint));
    }
  rivya_cli_table_print (table);
}

static void
print_deliveries (RivyaPage *page)
{
  g_autoptr(RivyaCliTable) table = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (page));

  table = rivya_cli_table_new (7, "ID", "EVENT", "ATTEMPT", "STATUS", "HTTP", "CREATED", "ERROR");
  rivya_cli_table_align_right (table, 2);
  rivya_cli_table_align_right (table, 4);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(RivyaWebhookDelivery) delivery = g_list_model_get_item (G_LIST_MODEL (page), i);
      gint64 response_status = rivya_webhook_delivery_get_response_status (delivery);
      g_autofree char *attempt = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  rivya_webhook_delivery_get_attempt (delivery));
      g_autofree char *http = response_status >= 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, response_status) : NULL;

      rivya_cli_table_add_row (table,
                               rivya_webhook_delivery_get_id (delivery),
                               rivya_webhook_delivery_get_event_type (delivery),
                               attempt,
                               rivya_webhook_delivery_get_status (delivery),
                               http,
                               rivya_webhook_delivery_get_created_at (delivery),
                               rivya_webhook_delivery_get_error (delivery));
    }
  rivya_cli_table_print (table);
}

/* Parses the options of one subcommand and connects; @n_ids is how many
 * positional arguments (an endpoint id) it takes. */
static gboolean
prepare (RivyaCli            *cli,
         const char          *parameter_string,
         const char          *summary,
         const GOptionEntry  *entries,
         guint                n_ids,
         int                 *argc,
         char              ***argv,
         GError             **error)
{
  g_autoptr(GOptionContext) context = rivya_cli_options_new (cli, parameter_string, summary,
                                                             entries);

  if (!rivya_cli_parse (cli, context, argc, argv, error))
    return FALSE;
  if ((guint)*argc < n_ids + 1)
    return rivya_cli_set_usage_error (error, "an endpoint id is required");
  if ((guint)*argc > n_ids + 1)
    return rivya_cli_set_usage_error (error, "unexpected argument '%s'", (*argv)[n_ids + 1]);

  return rivya_cli_connect (cli, TRUE, error);
}

static int
webhooks_list (RivyaCli  *cli,
               int        argc,
               char     **argv,
               gboolean   deliveries)
{
  g_autofree char *after = NULL;
  gboolean json = FALSE;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "At most this many, 1 to 100 (default 20)", "N" },
    { "after", 0, 0, G_OPTION_ARG_STRING, &after, "The page after this id", "ID" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the list's JSON", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaPage) page = NULL;

  if (!prepare (cli, deliveries ? "ENDPOINT_ID" : NULL,
                deliveries ? "List an endpoint's delivery attempts, newest first."
                           : "List the webhook endpoints, newest first.",
                entries, deliveries ? 1 : 0, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);

  if (limit < 0 || limit > 100)
    {
      rivya_cli_set_usage_error (&error, "--limit is 1 to 100");
      return rivya_cli_fail (cli, error);
    }

  if (deliveries)
    {
      rivya_client_list_webhook_deliveries_async (cli->client, argv[1], limit, after,
                                                  cli->cancellable, rivya_cli_async_cb, cli);
      page = rivya_client_list_webhook_deliveries_finish (cli->client, rivya_cli_wait (cli),
                                                          &error);
    }
  else
    {
      rivya_client_list_webhooks_async (cli->client, limit, after, cli->cancellable,
                                        rivya_cli_async_cb, cli);
      page = rivya_client_list_webhooks_finish (cli->client, rivya_cli_wait (cli), &error);
    }
  if (page == NULL)
    return rivya_cli_fail (cli, error);

  if (json)
    {
      RivyaCliJsonFunc to_json = deliveries ? (RivyaCliJsonFunc)rivya_cli_json_from_delivery
                                            : (RivyaCliJsonFunc)rivya_cli_json_from_endpoint;
      g_autoptr(JsonNode) node = rivya_cli_json_list (G_LIST_MODEL (page), to_json, page);

      rivya_cli_print_json (node);
      return RIVYA_CLI_EXIT_OK;
    }

  if (deliveries)
    print_deliveries (page);
  else
    print_endpoints (page);
  print_more (page);

  return RIVYA_CLI_EXIT_OK;
}

static int
webhooks_create (RivyaCli  *cli,
                 int        argc,
                 char     **argv)
{
  const char * const default_events[] = { "generation.succeeded", "generation.failed", NULL };
  g_autofree char *name = NULL;
  g_autofree char *url = NULL;
  g_auto(GStrv) events = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, "Where to deliver events (HTTPS)", "URL" },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "A name for the endpoint (default: the URL)",
      "NAME" },
    { "event", 'e', 0, G_OPTION_ARG_STRING_ARRAY, &events,
      "An event type; repeatable (default: generation.succeeded and generation.failed)", "TYPE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the endpoint's JSON", NULL },
    { NULL }
  };
  g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;
  g_autoptr(GError) error = NULL;

  if (!prepare (cli, NULL, "Create a webhook endpoint; its signing secret is shown once.",
                entries, 0, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);
  if (url == NULL)
    {
      rivya_cli_set_usage_error (&error, "--url is required");
      return rivya_cli_fail (cli, error);
    }

  rivya_client_create_webhook_async (cli->client, name ? name : url, url,
                                     events ? (const char * const *)events : default_events,
                                     cli->cancellable, rivya_cli_async_cb, cli);
  if (!(endpoint = rivya_client_create_webhook_finish (cli->client, rivya_cli_wait (cli), &error)))
    return rivya_cli_fail (cli, error);

  print_endpoint (endpoint, json);

  return RIVYA_CLI_EXIT_OK;
}

/* get, rotate, test and delete: one endpoint id, one call. */
static int
webhooks_one (RivyaCli   *cli,
              const char *verb,
              int         argc,
              char      **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the answer's JSON", NULL },
    { NULL }
  };
  g_autoptr(RivyaWebhookEndpoint) endpoint = NULL;
  g_autoptr(RivyaWebhookDelivery) delivery = NULL;
  g_autoptr(GError) error = NULL;
  const char *summary =
    g_str_equal (verb, "rotate") ? "Give an endpoint a new signing secret, shown once." :
    g_str_equal (verb, "test") ? "Send a signed webhook.test event to an endpoint." :
    g_str_equal (verb, "delete") ? "Revoke an endpoint: no more deliveries." :
    "Show a webhook endpoint.";

  if (!prepare (cli, "ENDPOINT_ID", summary, entries, 1, &argc, &argv, &error))
    return rivya_cli_fail (cli, error);

  if (g_str_equal (verb, "test"))
    {
      rivya_client_test_webhook_async (cli->client, argv[1], cli->cancellable, rivya_cli_async_cb,
                                       cli);
      if (!(delivery = rivya_client_test_webhook_finish (cli->client, rivya_cli_wait (cli),
                                                         &error)))
        return rivya_cli_fail (cli, error);
      print_delivery (delivery, json);
      return RIVYA_CLI_EXIT_OK;
    }

  if (g_str_equal (verb, "rotate"))
    {
      rivya_client_rotate_webhook_secret_async (cli->client, argv[1], cli->cancellable,
                                                rivya_cli_async_cb, cli);
      endpoint = rivya_client_rotate_webhook_secret_finish (cli->client, rivya_cli_wait (cli),
                                                            &error);
    }
  else if (g_str_equal (verb, "delete"))
    {
      rivya_client_delete_webhook_async (cli->client, argv[1], cli->cancellable,
                                         rivya_cli_async_cb, cli);
      endpoint = rivya_client_delete_webhook_finish (cli->client, rivya_cli_wait (cli), &error);
    }
  else
    {
      rivya_client_get_webhook_async (cli->client, argv[1], cli->cancellable, rivya_cli_async_cb,
                                      cli);
      endpoint = rivya_client_get_webhook_finish (cli->client, rivya_cli_wait (cli), &error);
    }
  if (endpoint == NULL)
    return rivya_cli_fail (cli, error);

  print_endpoint (endpoint, json);

  return RIVYA_CLI_EXIT_OK;
}

int
rivya_cli_webhooks (RivyaCli  *cli,
                    int        argc,
                    char     **argv)
{
  static const char * const verbs[] = {
    "webhooks list", "webhooks create", "webhooks get", "webhooks rotate",
    "webhooks test", "webhooks deliveries", "webhooks delete",
  };
  const char *verb = argc >= 2 ? argv[1] : NULL;

  if (verb != NULL && (strcmp (verb, "--help") == 0 || strcmp (verb, "-h") == 0))
    {
      g_print (WEBHOOKS_USAGE);
      return RIVYA_CLI_EXIT_OK;
    }

  for (guint i = 0; verb != NULL && i < G_N_ELEMENTS (verbs); i++)
    {
      if (strcmp (verbs[i] + strlen ("webhooks "), verb) != 0)
        continue;

      cli->command = verbs[i];
      if (g_str_equal (verb, "list"))
        return webhooks_list (cli, argc - 1, argv + 1, FALSE);
      if (g_str_equal (verb, "deliveries"))
        return webhooks_list (cli, argc - 1, argv + 1, TRUE);
      if (g_str_equal (verb, "create"))
        return webhooks_create (cli, argc - 1, argv + 1);
      return webhooks_one (cli, verb, argc - 1, argv + 1);
    }

  if (verb != NULL)
    g_printerr ("error: unknown command 'webhooks %s'\n", verb);
  g_printerr (WEBHOOKS_USAGE);

  return RIVYA_CLI_EXIT_USAGE;
}
