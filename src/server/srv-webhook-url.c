/* srv-webhook-url.c
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

#include "srv-webhook-url.h"

#include <string.h>

/* The path, query and fragment stay as sent; the host is decoded and,
 * for international names, turned into its ASCII form, which is what
 * gets checked, resolved and sent as Host. */
#define PARSE_FLAGS (G_URI_FLAGS_ENCODED_PATH | G_URI_FLAGS_ENCODED_QUERY | \
                     G_URI_FLAGS_ENCODED_FRAGMENT | G_URI_FLAGS_SCHEME_NORMALIZE)

G_DEFINE_QUARK (srv-webhook-url-error-quark, srv_webhook_url_error)

static gboolean reject (GError     **error,
                        const char  *format,
                        ...) G_GNUC_PRINTF (2, 3);

static gboolean
reject (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_REJECTED, format, args);
  va_end (args);
  return FALSE;
}

/* What is wrong with an IPv4 address as a webhook target, or NULL. */
static const char *
ipv4_problem (const guint8       b[4],
              SrvWebhookUrlFlags flags)
{
  if (b[0] == 127)
    return (flags & SRV_WEBHOOK_URL_ALLOW_INSECURE) ? NULL : "a loopback address";
  if (b[0] == 0)
    return "an unspecified (“this network”) address";
  if (b[0] == 10 ||
      (b[0] == 172 && (b[1] & 0xf0) == 16) ||
      (b[0] == 192 && b[1] == 168))
    return "a private address";
  if (b[0] == 100 && (b[1] & 0xc0) == 64)
    return "a shared (CGNAT) address";
  if (b[0] == 169 && b[1] == 254)
    return "a link-local address";
  if (b[0] >= 224 && b[0] <= 239)
    return "a multicast address";
  if (b[0] >= 240)
    return "a reserved or broadcast address";
  if ((b[0] == 192 && b[1] == 0 && b[2] == 0) ||      /* IETF protocol assignments */
      (b[0] == 192 && b[1] == 0 && b[2] == 2) ||      /* TEST-NET-1 */
      (b[0] == 198 && b[1] == 51 && b[2] == 100) ||   /* TEST-NET-2 */
      (b[0] == 203 && b[1] == 0 && b[2] == 113) ||    /* TEST-NET-3 */
      (b[0] == 192 && b[1] == 88 && b[2] == 99) ||    /* 6to4 relays */
      (b[0] == 198 && (b[1] & 0xfe) == 18))           /* benchmarking */
    return "a reserved address";
  return NULL;
}

static gboolean
all_zero (const guint8 *b,
          gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (b[i] != 0)
        return FALSE;
    }
  return TRUE;
}

/* IPv6 forms that carry an IPv4 address are judged by that address;
 * of the rest, only global unicast (2000::/3) outside the special
 * blocks is a place a webhook may go. */
static const char *
ipv6_problem (const guint8       b[16],
              SrvWebhookUrlFlags flags)
{
  static const guint8 nat64[12] = { 0x00, 0x64, 0xff, 0x9b };

  if (all_zero (b, 16))
    return "an unspecified address";
  if (all_zero (b, 15) && b[15] == 1)
    return (flags & SRV_WEBHOOK_URL_ALLOW_INSECURE) ? NULL : "a loopback address";
  if (all_zero (b, 10) && b[10] == 0xff && b[11] == 0xff)           /* ::ffff:0:0/96, mapped */
    return ipv4_problem (b + 12, flags);
  if (all_zero (b, 12))                                             /* ::/96, compatible */
    return ipv4_problem (b + 12, flags);
  if (all_zero (b, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
    return ipv4_problem (b + 12, flags);                            /* ::ffff:0:0:0/96, translated */
  if (memcmp (b, nat64, 12) == 0)                                   /* 64:ff9b::/96 */
    return ipv4_problem (b + 12, flags);
  if (b[0] == 0x20 && b[1] == 0x02)                                 /* 2002::/16, 6to4 */
    return ipv4_problem (b + 2, flags);
  if ((b[0] & 0xfe) == 0xfc)
    return "a unique local (private) address";
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)
    return "a link-local address";
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)
    return "a site-local address";
  if (b[0] == 0xff)
    return "a multicast address";
  if ((b[0] & 0xe0) != 0x20)
    return "a reserved address";
  if ((b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02) ||              /* 2001::/23, IETF (Teredo...) */
      (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) || /* 2001:db8::/32 */
      (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0))         /* 3fff::/20, documentation */
    return "a reserved address";
  return NULL;
}

gboolean
srv_webhook_address_check (GInetAddress        *address,
                           SrvWebhookUrlFlags   flags,
                           GError             **error)
{
  const guint8 *bytes;
  const char *problem;

  g_return_val_if_fail (G_IS_INET_ADDRESS (address), FALSE);

  bytes = g_inet_address_to_bytes (address);
  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    problem = ipv4_problem (bytes, flags);
  else
    problem = ipv6_problem (bytes, flags);

  if (problem != NULL)
    {
      g_autofree char *text = g_inet_address_to_string (address);
      return reject (error, "Webhooks may not be sent to %s (%s)", problem, text);
    }
  return TRUE;
}

/* WHATWG's “ends in a number”: such a host is an IPv4 address in one of
 * the many spellings inet_aton() accepts (2130706433, 0x7f000001,
 * 0177.0.0.1, 127.1), whatever else it looks like. */
static gboolean
ends_in_number (const char *host)
{
  g_autofree char *copy = g_strdup (host);
  gsize len = strlen (copy);
  const char *last;

  if (len > 0 && copy[len - 1] == '.')
    copy[len - 1] = '\0';
  last = strrchr (copy, '.');
  last = last ? last + 1 : copy;

  if (*last == '\0')
    return FALSE;
  if (last[0] == '0' && (last[1] == 'x' || last[1] == 'X'))
    {
      for (const char *p = last + 2; *p; p++)
        {
          if (!g_ascii_isxdigit (*p))
            return FALSE;
        }
      return TRUE;
    }
  for (const char *p = last; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  return TRUE;
}

/* Only the one unambiguous spelling is taken: four decimal parts from
 * 0 to 255 without leading zeros. */
static GInetAddress *
parse_dotted_quad (const char *host)
{
  g_auto(GStrv) parts = g_strsplit (host, ".", -1);
  guint8 bytes[4];

  if (g_strv_length (parts) != 4)
    return NULL;
  for (guint i = 0; i < 4; i++)
    {
      guint64 value;
      gsize len = strlen (parts[i]);

      if (len == 0 || len > 3 || (len > 1 && parts[i][0] == '0') ||
          !g_ascii_string_to_unsigned (parts[i], 10, 0, 255, &value, NULL))
        return NULL;
      bytes[i] = (guint8)value;
    }
  return g_inet_address_new_from_bytes (bytes, G_SOCKET_FAMILY_IPV4);
}

static gboolean
check_name (const char          *host,
            SrvWebhookUrlFlags   flags,
            GError             **error)
{
  g_autofree char *name = g_strdup (host);
  g_auto(GStrv) labels = NULL;
  gsize len = strlen (name);

  /* One trailing dot makes the name absolute; it names the same host. */
  if (len > 0 && name[len - 1] == '.')
    name[--len] = '\0';
  if (len == 0 || len > 253)
    return reject (error, "The URL's host “%s” is not a valid name", host);

  labels = g_strsplit (name, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize label_len = strlen (labels[i]);

      if (label_len == 0 || label_len > 63 ||
          labels[i][0] == '-' || labels[i][label_len - 1] == '-')
        return reject (error, "The URL's host “%s” is not a valid name", host);
      for (const char *p = labels[i]; *p; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
            return reject (error, "The URL's host “%s” is not a valid name", host);
        }
    }

  if (!(flags & SRV_WEBHOOK_URL_ALLOW_INSECURE) &&
      (g_str_equal (name, "localhost") || g_str_has_suffix (name, ".localhost")))
    return reject (error, "Webhooks may not be sent to localhost names (%s)", host);

  return TRUE;
}

/* Everything that can be decided without the network. Returns the
 * parsed URL; *literal is set when the host is an IP address (already
 * checked), else the name still has to be resolved and checked. */
GUri *
srv_webhook_url_check (const char          *url,
                       SrvWebhookUrlFlags   flags,
                       GInetAddress       **literal,
                       GError             **error)
{
  gboolean insecure = (flags & SRV_WEBHOOK_URL_ALLOW_INSECURE) != 0;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *host = NULL;
  const char *scheme;

  if (literal != NULL)
    *literal = NULL;

  if (url == NULL || *url == '\0' || strlen (url) > SRV_WEBHOOK_URL_MAX_LEN)
    {
      reject (error, "A webhook URL is 1 to %d bytes", SRV_WEBHOOK_URL_MAX_LEN);
      return NULL;
    }
  for (const char *p = url; *p; p++)
    {
      if ((guchar)*p <= 0x20 || *p == 0x7f)
        {
          reject (error, "A webhook URL has no spaces or control characters");
          return NULL;
        }
    }

  uri = g_uri_parse (url, PARSE_FLAGS, NULL);
  if (uri == NULL)
    {
      reject (error, "The webhook URL is not an absolute URL");
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (!g_str_equal (scheme, "https") && !(insecure && g_str_equal (scheme, "http")))
    {
      reject (error, "A webhook URL must use https (not “%s”)", scheme);
      return NULL;
    }

  /* Even an empty “@” is refused: the host must be the only authority. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      reject (error, "A webhook URL may not carry credentials");
      return NULL;
    }
  if (g_uri_get_fragment (uri) != NULL)
    {
      reject (error, "A webhook URL may not have a fragment");
      return NULL;
    }
  if (g_uri_get_port (uri) == 0)
    {
      reject (error, "A webhook URL may not use port 0");
      return NULL;
    }
  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      reject (error, "A webhook URL needs a host");
      return NULL;
    }

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (strchr (host, ':') != NULL)
    {
      if (strchr (host, '%') != NULL || !(address = g_inet_address_new_from_string (host)))
        {
          reject (error, "The URL's host [%s] is not a usable IPv6 address", host);
          return NULL;
        }
    }
  else if (ends_in_number (host))
    {
      if (!(address = parse_dotted_quad (host)))
        {
          reject (error, "A numeric host must be a plain dotted IPv4 address like 192.0.2.1 (not “%s”)",
                  host);
          return NULL;
        }
    }
  else if (!check_name (host, flags, error))
    {
      return NULL;
    }

  if (address != NULL && !srv_webhook_address_check (address, flags, error))
    return NULL;

  if (literal != NULL)
    *literal = g_steal_pointer (&address);
  return g_steal_pointer (&uri);
}

typedef struct
{
  SrvWebhookUrlFlags  flags;
  char               *host;
  GCancellable       *lookup;       /* cancelled by the caller or the timeout */
  GCancellable       *outer;
  gulong              outer_id;
  guint               timeout_id;
  gboolean            timed_out;
} Resolve;

static void
resolve_free (Resolve *r)
{
  g_clear_handle_id (&r->timeout_id, g_source_remove);
  if (r->outer != NULL)
    g_cancellable_disconnect (r->outer, r->outer_id);
  g_clear_object (&r->outer);
  g_clear_object (&r->lookup);
  g_free (r->host);
  g_free (r);
}

static void
free_addresses (gpointer list)
{
  g_resolver_free_addresses (list);
}

static void
outer_cancelled_cb (GCancellable *outer,
                    GCancellable *lookup)
{
  g_cancellable_cancel (lookup);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Resolve *r = user_data;

  r->timeout_id = 0;
  r->timed_out = TRUE;
  g_cancellable_cancel (r->lookup);
  return G_SOURCE_REMOVE;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Resolve *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GList *addresses;

  g_clear_handle_id (&r->timeout_id, g_source_remove);
  addresses = g_resolver_lookup_by_name_finish (G_RESOLVER (object), result, &error);

  if (addresses == NULL)
    {
      if (r->timed_out)
        g_task_return_new_error (task, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_UNRESOLVED,
                                 "%s did not resolve in time", r->host);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_UNRESOLVED,
                                 "%s", error ? error->message : "No address");
      return;
    }

  /* One bad address spoils the name: a resolver answering both a
   * public and a private address must not get a chance to pick. */
  for (const GList *l = addresses; l != NULL; l = l->next)
    {
      if (!srv_webhook_address_check (l->data, r->flags, &error))
        {
          g_resolver_free_addresses (addresses);
          g_task_return_new_error (task, SRV_WEBHOOK_URL_ERROR, SRV_WEBHOOK_URL_ERROR_REJECTED,
                                   "%s resolves to an address webhooks may not reach: %s",
                                   r->host, error->message);
          return;
        }
    }

  g_task_return_pointer (task, addresses, free_addresses);
}

/* Resolves the URL's host and checks every address it has. The
 * addresses returned are the only ones a delivery may connect to. */
void
srv_webhook_url_resolve_async (GUri                *uri,
                               SrvWebhookUrlFlags   flags,
                               guint                timeout_ms,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GInetAddress) literal = NULL;
  g_autoptr(GUri) checked = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GResolver) resolver = NULL;
  Resolve *r;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, srv_webhook_url_resolve_async);

  /* The syntax rules again: the URL may come from the database, written
   * under other flags. */
  text = g_uri_to_string (uri);
  checked = srv_webhook_url_check (text, flags, &literal, &error);
  if (checked == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (literal != NULL)
    {
      g_task_return_pointer (task, g_list_prepend (NULL, g_steal_pointer (&literal)),
                             free_addresses);
      return;
    }

  r = g_new0 (Resolve, 1);
  r->flags = flags;
  r->host = g_ascii_strdown (g_uri_get_host (checked), -1);
  r->lookup = g_cancellable_new ();
  if (cancellable != NULL)
    {
      r->outer = g_object_ref (cancellable);
      r->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (outer_cancelled_cb),
                                           g_object_ref (r->lookup), g_object_unref);
    }
  if (timeout_ms > 0)
    r->timeout_id = g_timeout_add (timeout_ms, timeout_cb, r);
  g_task_set_task_data (task, r, (GDestroyNotify)resolve_free);

  resolver = g_resolver_get_default ();
  g_resolver_lookup_by_name_async (resolver, r->host, r->lookup, lookup_cb, g_steal_pointer (&task));
}

GList *
srv_webhook_url_resolve_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == srv_webhook_url_resolve_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
