/* rd-account.c
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

#define G_LOG_DOMAIN "rd-account"

#include "config.h"

#include "rd-account.h"

#include <glib/gi18n.h>
#include <string.h>

/* A Rivya account: what a person calls it and where its server is.
 * Its API key is deliberately not here: it lives in the keyring (see
 * RdAccountStore), so nothing that lists or saves accounts can leak it. */
struct _RdAccount
{
  GObject  parent_instance;

  char    *name;
  char    *base_url;
};

G_DEFINE_FINAL_TYPE (RdAccount, rd_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_BASE_URL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rd_account_finalize (GObject *object)
{
  RdAccount *self = RD_ACCOUNT (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->base_url, g_free);

  G_OBJECT_CLASS (rd_account_parent_class)->finalize (object);
}

static void
rd_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RdAccount *self = RD_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  RdAccount *self = RD_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_account_class_init (RdAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_account_finalize;
  object_class->get_property = rd_account_get_property;
  object_class->set_property = rd_account_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_account_init (RdAccount *self)
{
}

RdAccount *
rd_account_new (const char *name,
                const char *base_url)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (RD_TYPE_ACCOUNT,
                       "name", name,
                       "base-url", base_url,
                       NULL);
}

const char *
rd_account_get_name (RdAccount *self)
{
  g_return_val_if_fail (RD_IS_ACCOUNT (self), NULL);
  return self->name;
}

const char *
rd_account_get_base_url (RdAccount *self)
{
  g_return_val_if_fail (RD_IS_ACCOUNT (self), NULL);
  return self->base_url;
}

/* Returns: (transfer full) (nullable): @url as the keyring and the
 * command line spell it: http or https, a host, no trailing slash */
char *
rd_account_normalize_url (const char  *url,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *text = g_strstrip (g_strdup (url ? url : ""));
  const char *scheme;
  gsize len;

  if (text[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of the Rivya server"));
      return NULL;
    }

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a server address: it should look like https://rivya.ai"),
                   text);
      return NULL;
    }

  len = strlen (text);
  while (len > 0 && text[len - 1] == '/')
    text[--len] = '\0';

  return g_steal_pointer (&text);
}

static gboolean
is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Returns: (transfer full): a client for @base_url that sends @key */
RivyaClient *
rd_account_new_client (const char *base_url,
                       const char *key)
{
  RivyaClient *client;

  g_return_val_if_fail (base_url != NULL, NULL);

  client = rivya_client_new (base_url, key);
  /* The system proxy must not see requests to a server on this machine. */
  if (is_loopback_url (base_url))
    rivya_client_set_proxy_resolver (client, NULL);

  return client;
}
