/* test-webhook-url.c
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
#include <string.h>

#include "srv-webhook-objects.h"
#include "srv-webhook-pinned.h"
#include "srv-webhook-url.h"

/* The URL rules of A.9 without the network: every spelling of a
 * forbidden address, what the development switch relaxes and what it
 * does not, resolution of local names, the pinned connection that
 * defeats DNS rebinding, and the signature scheme of B.11. */

typedef struct
{
  const char *url;
  gboolean    strict_ok;
  gboolean    insecure_ok;
} UrlCase;

static const UrlCase url_cases[] = {
  /* Public https targets. */
  { "https://example.com/hook", TRUE, TRUE },
  { "https://EXAMPLE.com:8443/a/b?c=d&e=%2F", TRUE, TRUE },
  { "https://example.com./hook", TRUE, TRUE },
  { "https://hooks_1.example.com/x", TRUE, TRUE },
  { "https://bücher.de/", TRUE, TRUE },
  { "https://xn--bcher-kva.de/", TRUE, TRUE },
  { "https://8.8.8.8/x", TRUE, TRUE },
  { "https://93.184.216.34/", TRUE, TRUE },
  { "https://1.1.1.1:443/", TRUE, TRUE },
  { "https://[2606:4700:4700::1111]/hook", TRUE, TRUE },
  { "https://[2001:4860:4860::8888]/", TRUE, TRUE },
  { "https://[::ffff:8.8.8.8]/", TRUE, TRUE },
  { "https://[2002:808:808::1]/", TRUE, TRUE },
  { "https://172.32.0.1/", TRUE, TRUE },
  { "https://100.128.0.1/", TRUE, TRUE },
  { "https://169.255.0.1/", TRUE, TRUE },

  /* Scheme, credentials, fragment, shape. */
  { "http://example.com/hook", FALSE, TRUE },
  { "HTTP://example.com/hook", FALSE, TRUE },
  { "ftp://example.com/hook", FALSE, FALSE },
  { "wss://example.com/hook", FALSE, FALSE },
  { "https://user:pass@example.com/", FALSE, FALSE },
  { "https://user@example.com/", FALSE, FALSE },
  { "https://@example.com/", FALSE, FALSE },
  { "https://:@example.com/", FALSE, FALSE },
  { "https://example.com\\@127.0.0.1/", FALSE, FALSE },
  { "http://user:pw@127.0.0.1/", FALSE, FALSE },
  { "https://example.com/hook#frag", FALSE, FALSE },
  { "https://example.com/#", FALSE, FALSE },
  { "http://127.0.0.1/#x", FALSE, FALSE },
  { "", FALSE, FALSE },
  { "not a url", FALSE, FALSE },
  { "example.com/hook", FALSE, FALSE },
  { "//example.com/hook", FALSE, FALSE },
  { "https:example.com", FALSE, FALSE },
  { "https:///hook", FALSE, FALSE },
  { " https://example.com/", FALSE, FALSE },
  { "https://example.com/\n", FALSE, FALSE },
  { "https://exa mple.com/", FALSE, FALSE },
  { "https://exa%20mple.com/", FALSE, FALSE },
  { "https://example.com:0/", FALSE, FALSE },
  { "https://example.com:99999/", FALSE, FALSE },
  { "https://a..b.com/", FALSE, FALSE },
  { "https://-/", FALSE, FALSE },
  { "https://a-.example.com/", FALSE, FALSE },

  /* Localhost names. */
  { "https://localhost/", FALSE, TRUE },
  { "https://LOCALHOST:8443/", FALSE, TRUE },
  { "https://localhost./", FALSE, TRUE },
  { "https://foo.localhost/", FALSE, TRUE },
  { "https://a.b.localhost./", FALSE, TRUE },
  { "https://%6c%6fcalhost/", FALSE, TRUE },
  { "https://ｌｏｃａｌｈｏｓｔ/", FALSE, TRUE },
  { "http://localhost:8080/hook", FALSE, TRUE },

  /* IPv4: loopback, unspecified, private, CGNAT, link-local,
   * multicast, reserved, broadcast, documentation, benchmarking. */
  { "https://127.0.0.1/", FALSE, TRUE },
  { "https://127.255.255.254:8443/", FALSE, TRUE },
  { "http://127.0.0.1:8080/hook", FALSE, TRUE },
  { "https://0.0.0.0/", FALSE, FALSE },
  { "https://0.1.2.3/", FALSE, FALSE },
  { "https://10.0.0.1/", FALSE, FALSE },
  { "https://10.255.255.255/", FALSE, FALSE },
  { "https://172.16.0.1/", FALSE, FALSE },
  { "https://172.31.255.255/", FALSE, FALSE },
  { "https://192.168.0.1/", FALSE, FALSE },
  { "https://192.168.255.255/", FALSE, FALSE },
  { "https://100.64.0.1/", FALSE, FALSE },
  { "https://100.127.255.254/", FALSE, FALSE },
  { "https://169.254.169.254/latest/meta-data/", FALSE, FALSE },
  { "https://169.254.0.1/", FALSE, FALSE },
  { "https://224.0.0.1/", FALSE, FALSE },
  { "https://239.255.255.250/", FALSE, FALSE },
  { "https://240.0.0.1/", FALSE, FALSE },
  { "https://255.255.255.255/", FALSE, FALSE },
  { "https://192.0.0.8/", FALSE, FALSE },
  { "https://192.0.2.1/", FALSE, FALSE },
  { "https://198.51.100.7/", FALSE, FALSE },
  { "https://203.0.113.9/", FALSE, FALSE },
  { "https://198.18.0.1/", FALSE, FALSE },
  { "https://198.19.255.255/", FALSE, FALSE },
  { "https://192.88.99.1/", FALSE, FALSE },

  /* IPv4 in the spellings inet_aton() and browsers accept: only the
   * plain dotted quad is taken, even for a public address. */
  { "https://2130706433/", FALSE, FALSE },
  { "https://0x7f000001/", FALSE, FALSE },
  { "https://0X7F000001/", FALSE, FALSE },
  { "https://0x7f.0.0.1/", FALSE, FALSE },
  { "https://0177.0.0.1/", FALSE, FALSE },
  { "https://017700000001/", FALSE, FALSE },
  { "https://127.1/", FALSE, FALSE },
  { "https://127.0.1/", FALSE, FALSE },
  { "https://127.0.0.1./", FALSE, FALSE },
  { "https://127.00.0.1/", FALSE, FALSE },
  { "https://1.2.3.4.5/", FALSE, FALSE },
  { "https://256.1.1.1/", FALSE, FALSE },
  { "https://134744072/", FALSE, FALSE },
  { "https://0x8.0x8.0x8.0x8/", FALSE, FALSE },
  { "https://foo.0x10/", FALSE, FALSE },
  { "https://foo.123/", FALSE, FALSE },
  { "https://%31%32%37.0.0.1/", FALSE, FALSE },

  /* IPv6 and IPv4 inside IPv6. */
  { "https://[::1]/", FALSE, TRUE },
  { "https://[0:0:0:0:0:0:0:1]/", FALSE, TRUE },
  { "https://[::]/", FALSE, FALSE },
  { "https://[::ffff:127.0.0.1]/", FALSE, TRUE },
  { "https://[::ffff:7f00:1]/", FALSE, TRUE },
  { "https://[::127.0.0.1]/", FALSE, TRUE },
  { "https://[::ffff:10.0.0.1]/", FALSE, FALSE },
  { "https://[::ffff:169.254.169.254]/", FALSE, FALSE },
  { "https://[::ffff:192.168.1.1]/", FALSE, FALSE },
  { "https://[::ffff:0.0.0.0]/", FALSE, FALSE },
  { "https://[::10.0.0.1]/", FALSE, FALSE },
  { "https://[::ffff:0:127.0.0.1]/", FALSE, TRUE },
  { "https://[::ffff:0:10.1.1.1]/", FALSE, FALSE },
  { "https://[64:ff9b::7f00:1]/", FALSE, TRUE },
  { "https://[64:ff9b::a00:1]/", FALSE, FALSE },
  { "https://[64:ff9b:1::1]/", FALSE, FALSE },
  { "https://[2002:7f00:1::1]/", FALSE, TRUE },
  { "https://[2002:c0a8:101::1]/", FALSE, FALSE },
  { "https://[fc00::1]/", FALSE, FALSE },
  { "https://[fd12:3456:789a::1]/", FALSE, FALSE },
  { "https://[fe80::1]/", FALSE, FALSE },
  { "https://[fe80::1%25eth0]/", FALSE, FALSE },
  { "https://[febf::1]/", FALSE, FALSE },
  { "https://[fec0::1]/", FALSE, FALSE },
  { "https://[ff02::1]/", FALSE, FALSE },
  { "https://[ff0e::1]/", FALSE, FALSE },
  { "https://[100::1]/", FALSE, FALSE },
  { "https://[2001::1]/", FALSE, FALSE },
  { "https://[2001:db8::1]/", FALSE, FALSE },
  { "https://[3fff::1]/", FALSE, FALSE },
  { "https://[4000::1]/", FALSE, FALSE },
  { "https://[::2]/", FALSE, FALSE },
  { "https://[zzzz::1]/", FALSE, FALSE },
};

static void
test_url_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (url_cases); i++)
    {
      for (guint pass = 0; pass < 2; pass++)
        {
          SrvWebhookUrlFlags flags = pass == 0 ? SRV_WEBHOOK_URL_STRICT : SRV_WEBHOOK_URL_ALLOW_INSECURE;
          gboolean expected = pass == 0 ? url_cases[i].strict_ok : url_cases[i].insecure_ok;
          g_autoptr(GError) error = NULL;
          g_autoptr(GUri) uri = srv_webhook_url_check (url_cases[i].url, flags, NULL, &error);

          if ((uri != NULL) != expected)
            g_error ("“%s” (%s): expected %s, got %s", url_cases[i].url,
                     pass == 0 ? "strict" : "insecure", expected ? "accepted" : "rejected",
                     error ? error->message : "accepted");
          if (uri == NULL)
            {
              g_assert_error (error, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_REJECTED);
              g_assert_cmpuint (strlen (error->message), >, 10);
            }
          else
            {
              g_assert_no_error (error);
            }
        }
    }
}

static void
test_url_literal (void)
{
  g_autoptr(GInetAddress) literal = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = NULL;

  uri = srv_webhook_url_check ("https://93.184.216.34:8443/x", SRV_WEBHOOK_URL_STRICT, &literal, NULL);
  g_assert_nonnull (uri);
  g_assert_nonnull (literal);
  text = g_inet_address_to_string (literal);
  g_assert_cmpstr (text, ==, "93.184.216.34");
  g_assert_cmpint (g_uri_get_port (uri), ==, 8443);
  g_clear_pointer (&uri, g_uri_unref);
  g_clear_object (&literal);
  g_clear_pointer (&text, g_free);

  uri = srv_webhook_url_check ("https://[2606:4700:4700::1111]/", SRV_WEBHOOK_URL_STRICT, &literal, NULL);
  g_assert_nonnull (literal);
  text = g_inet_address_to_string (literal);
  g_assert_cmpstr (text, ==, "2606:4700:4700::1111");
  g_clear_pointer (&uri, g_uri_unref);
  g_clear_object (&literal);

  /* A name: the caller has to resolve it. The host is the ASCII form. */
  uri = srv_webhook_url_check ("https://Bücher.de/a%2Fb?q=%20", SRV_WEBHOOK_URL_STRICT, &literal, NULL);
  g_assert_nonnull (uri);
  g_assert_null (literal);
  g_assert_cmpstr (g_uri_get_host (uri), ==, "xn--bcher-kva.de");
  g_assert_cmpstr (g_uri_get_path (uri), ==, "/a%2Fb");
  g_assert_cmpstr (g_uri_get_query (uri), ==, "q=%20");
  g_clear_pointer (&uri, g_uri_unref);

  /* Length limit. */
  {
    g_autoptr(GString) long_url = g_string_new ("https://example.com/");
    g_autoptr(GError) error = NULL;

    while (long_url->len < SRV_WEBHOOK_URL_MAX_LEN)
      g_string_append_c (long_url, 'a');
    uri = srv_webhook_url_check (long_url->str, SRV_WEBHOOK_URL_STRICT, NULL, &error);
    g_assert_nonnull (uri);
    g_clear_pointer (&uri, g_uri_unref);
    g_string_append_c (long_url, 'a');
    uri = srv_webhook_url_check (long_url->str, SRV_WEBHOOK_URL_STRICT, NULL, &error);
    g_assert_null (uri);
    g_assert_error (error, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_REJECTED);
  }
}

typedef struct
{
  const char *address;
  gboolean    strict_ok;
  gboolean    insecure_ok;
} AddressCase;

/* What a resolver may answer, whatever the URL looked like. */
static const AddressCase address_cases[] = {
  { "8.8.8.8", TRUE, TRUE },
  { "2a00:1450:4001:80b::200e", TRUE, TRUE },
  { "127.0.0.1", FALSE, TRUE },
  { "127.0.1.1", FALSE, TRUE },
  { "::1", FALSE, TRUE },
  { "::ffff:127.0.0.1", FALSE, TRUE },
  { "10.9.8.7", FALSE, FALSE },
  { "172.20.0.1", FALSE, FALSE },
  { "192.168.100.1", FALSE, FALSE },
  { "100.100.100.100", FALSE, FALSE },
  { "169.254.169.254", FALSE, FALSE },
  { "0.0.0.0", FALSE, FALSE },
  { "255.255.255.255", FALSE, FALSE },
  { "233.252.0.1", FALSE, FALSE },
  { "::", FALSE, FALSE },
  { "::ffff:192.168.0.1", FALSE, FALSE },
  { "fd00::1", FALSE, FALSE },
  { "fe80::abcd", FALSE, FALSE },
  { "ff05::2", FALSE, FALSE },
};

static void
test_address_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (address_cases); i++)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (address_cases[i].address);
      g_autoptr(GError) strict_error = NULL;
      g_autoptr(GError) insecure_error = NULL;

      g_assert_nonnull (address);
      if (srv_webhook_address_check (address, SRV_WEBHOOK_URL_STRICT, &strict_error) !=
          address_cases[i].strict_ok)
        g_error ("%s (strict): unexpected verdict", address_cases[i].address);
      if (srv_webhook_address_check (address, SRV_WEBHOOK_URL_ALLOW_INSECURE, &insecure_error) !=
          address_cases[i].insecure_ok)
        g_error ("%s (insecure): unexpected verdict", address_cases[i].address);
      if (!address_cases[i].strict_ok)
        {
          g_assert_error (strict_error, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_REJECTED);
          /* The message names the address, so the log says why. */
          g_assert_nonnull (strstr (strict_error->message, address_cases[i].address));
        }
    }
}

/* Names of /etc/hosts that point at loopback, other than localhost
 * ones: they pass the syntax rules and only resolution can catch them. */
static GPtrArray *
loopback_names_from_hosts (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/etc/hosts", &contents, NULL, NULL))
    return g_steal_pointer (&names);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (lines[i]);
      g_auto(GStrv) fields = NULL;
      g_autoptr(GInetAddress) address = NULL;
      char *hash = strchr (line, '#');

      if (hash != NULL)
        *hash = '\0';
      fields = g_strsplit_set (g_strstrip (line), " \t", -1);
      if (fields[0] == NULL || !(address = g_inet_address_new_from_string (fields[0])) ||
          !g_inet_address_get_is_loopback (address))
        continue;
      for (guint f = 1; fields[f] != NULL; f++)
        {
          g_autofree char *lower = g_ascii_strdown (fields[f], -1);

          if (*lower == '\0' || g_str_equal (lower, "localhost") ||
              g_str_has_suffix (lower, ".localhost") || g_str_has_prefix (lower, "localhost."))
            continue;
          g_ptr_array_add (names, g_steal_pointer (&lower));
        }
    }
  return g_steal_pointer (&names);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
  g_main_context_wakeup (NULL);
}

static GList *
resolve (const char          *url,
         SrvWebhookUrlFlags   flags,
         GError             **error)
{
  g_autoptr(GUri) uri = srv_webhook_url_check (url, flags, NULL, error);
  g_autoptr(GAsyncResult) result = NULL;

  if (uri == NULL)
    return NULL;
  srv_webhook_url_resolve_async (uri, flags, 5000, NULL, resolved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return srv_webhook_url_resolve_finish (result, error);
}

static void
test_resolve_local_names (void)
{
  g_autoptr(GPtrArray) names = loopback_names_from_hosts ();
  GList *addresses;

  /* Localhost names never get as far as the resolver... */
  {
    g_autoptr(GError) error = NULL;

    addresses = resolve ("https://localhost./", SRV_WEBHOOK_URL_STRICT, &error);
    g_assert_null (addresses);
    g_assert_error (error, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_REJECTED);
  }

  /* ...but with the switch they resolve, to loopback only. */
  {
    g_autoptr(GError) error = NULL;

    addresses = resolve ("http://localhost:1/", SRV_WEBHOOK_URL_ALLOW_INSECURE, &error);
    g_assert_no_error (error);
    g_assert_nonnull (addresses);
    for (const GList *l = addresses; l != NULL; l = l->next)
      g_assert_true (g_inet_address_get_is_loopback (l->data));
    g_resolver_free_addresses (addresses);
  }

  /* A literal is returned as it is, without a lookup. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;

    addresses = resolve ("https://8.8.4.4/", SRV_WEBHOOK_URL_STRICT, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_length (addresses), ==, 1);
    text = g_inet_address_to_string (addresses->data);
    g_assert_cmpstr (text, ==, "8.8.4.4");
    g_resolver_free_addresses (addresses);
  }

  if (names->len == 0)
    {
      g_test_message ("/etc/hosts names no loopback host besides localhost");
      return;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://%s/hook", (char *)g_ptr_array_index (names, i));
      g_autoptr(GError) error = NULL;
      g_autoptr(GUri) uri = srv_webhook_url_check (url, SRV_WEBHOOK_URL_STRICT, NULL, &error);

      /* The name itself is fine; what it resolves to is not. */
      g_assert_no_error (error);
      g_assert_nonnull (uri);
      addresses = resolve (url, SRV_WEBHOOK_URL_STRICT, &error);
      g_assert_null (addresses);
      g_assert_error (error, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_REJECTED);
      g_assert_nonnull (strstr (error->message, g_ptr_array_index (names, i)));
    }
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  char **host = user_data;

  g_free (*host);
  *host = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                  "Host"));
  soup_server_message_set_status (msg, 204, NULL);
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  g_assert_no_error (error);
}

/* The connection goes to the pinned address, whatever the name would
 * resolve to (here: nothing at all), and the request still names the
 * host, as TLS would. */
static void
test_pinned_connection (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GSocketConnectable) pinned = NULL;
  g_autoptr(GSocketAddressEnumerator) enumerator = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GInetAddress) other = g_inet_address_new_from_string ("192.0.2.1");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *host = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected_host = NULL;
  GSList *uris;
  GList *addresses = NULL;
  int port;

  soup_server_add_handler (server, NULL, server_cb, &host, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  addresses = g_list_append (addresses, loopback);
  pinned = srv_pinned_address_new ("hooks.rebind.invalid", port, "http", addresses);
  g_list_free (addresses);

  g_assert_true (G_IS_NETWORK_ADDRESS (pinned));
  g_assert_cmpstr (g_network_address_get_hostname (G_NETWORK_ADDRESS (pinned)), ==, "hooks.rebind.invalid");
  g_assert_true (srv_pinned_address_contains (SRV_PINNED_ADDRESS (pinned), loopback));
  g_assert_false (srv_pinned_address_contains (SRV_PINNED_ADDRESS (pinned), other));

  /* Both enumerations yield the pinned address and then end. */
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GSocketAddress) first = NULL;
      g_autoptr(GSocketAddress) second = NULL;

      enumerator = pass == 0 ? g_socket_connectable_enumerate (pinned)
                             : g_socket_connectable_proxy_enumerate (pinned);
      first = g_socket_address_enumerator_next (enumerator, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (G_IS_INET_SOCKET_ADDRESS (first));
      g_assert_true (g_inet_address_equal (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (first)),
                                           loopback));
      g_assert_cmpint (g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (first)), ==, port);
      second = g_socket_address_enumerator_next (enumerator, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (second);
      g_clear_object (&enumerator);
    }

  session = soup_session_new_with_options ("remote-connectable", pinned, NULL);
  soup_session_set_proxy_resolver (session, NULL);
  url = g_strdup_printf ("http://hooks.rebind.invalid:%d/hook", port);
  msg = soup_message_new ("POST", url);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &body);
  while (body == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (soup_message_get_status (msg), ==, 204);
  expected_host = g_strdup_printf ("hooks.rebind.invalid:%d", port);
  g_assert_cmpstr (host, ==, expected_host);
}

static void
test_signature (void)
{
  /* The test vector of the Standard Webhooks specification. */
  const char *secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const char *body = "{\"test\": 2432232314}";
  g_autofree char *signature = srv_webhook_sign (secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                                                 body, strlen (body));
  g_autofree char *other = srv_webhook_sign (secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331,
                                             body, strlen (body));

  g_assert_cmpstr (signature, ==, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  g_assert_cmpstr (other, !=, signature);
}

static void
test_secret (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 64; i++)
    {
      char *secret = srv_webhook_secret_new ();
      g_autofree char *preview = srv_webhook_secret_preview (secret);
      g_autofree guchar *key = NULL;
      g_autofree char *expected = NULL;
      gsize len = 0;
      const char *b64 = secret + strlen ("whsec_");

      g_assert_true (g_str_has_prefix (secret, "whsec_"));
      g_assert_cmpuint (strlen (secret), ==, 6 + 44);
      key = g_base64_decode (b64, &len);
      g_assert_cmpuint (len, ==, 32);

      /* whsec_ + first 2 + ... + last 6 of the key, padding left out. */
      expected = g_strdup_printf ("whsec_%.2s...%.6s", b64, b64 + 43 - 6);
      g_assert_cmpstr (preview, ==, expected);
      g_assert_null (strstr (preview, b64 + 2));

      g_assert_false (g_hash_table_contains (seen, secret));
      g_hash_table_add (seen, secret);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/webhook-url/rules", test_url_rules);
  g_test_add_func ("/webhook-url/literal", test_url_literal);
  g_test_add_func ("/webhook-url/addresses", test_address_rules);
  g_test_add_func ("/webhook-url/resolve-local-names", test_resolve_local_names);
  g_test_add_func ("/webhook-url/pinned-connection", test_pinned_connection);
  g_test_add_func ("/webhook-url/signature", test_signature);
  g_test_add_func ("/webhook-url/secret", test_secret);

  return g_test_run ();
}
