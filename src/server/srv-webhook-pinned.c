/* srv-webhook-pinned.c
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

#include "srv-webhook-pinned.h"

struct _SrvPinnedAddress
{
  GNetworkAddress  parent_instance;
  GList           *addresses;   /* GInetAddress, checked */
};

static void srv_pinned_address_connectable_iface_init (GSocketConnectableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SrvPinnedAddress, srv_pinned_address, G_TYPE_NETWORK_ADDRESS,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SOCKET_CONNECTABLE,
                                                      srv_pinned_address_connectable_iface_init))

/* Yields the pinned addresses, in order, and nothing else. */
#define SRV_TYPE_PINNED_ENUMERATOR (srv_pinned_enumerator_get_type ())
G_DECLARE_FINAL_TYPE (SrvPinnedEnumerator, srv_pinned_enumerator, SRV, PINNED_ENUMERATOR,
                      GSocketAddressEnumerator)

struct _SrvPinnedEnumerator
{
  GSocketAddressEnumerator  parent_instance;
  GList                    *addresses;
  GList                    *next;
  guint16                   port;
};

G_DEFINE_FINAL_TYPE (SrvPinnedEnumerator, srv_pinned_enumerator, G_TYPE_SOCKET_ADDRESS_ENUMERATOR)

static GSocketAddress *
srv_pinned_enumerator_next (GSocketAddressEnumerator  *enumerator,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  SrvPinnedEnumerator *self = SRV_PINNED_ENUMERATOR (enumerator);
  GInetAddress *address;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (self->next == NULL)
    return NULL;

  address = self->next->data;
  self->next = self->next->next;
  return g_inet_socket_address_new (address, self->port);
}

static void
srv_pinned_enumerator_finalize (GObject *object)
{
  SrvPinnedEnumerator *self = SRV_PINNED_ENUMERATOR (object);

  g_list_free_full (self->addresses, g_object_unref);

  G_OBJECT_CLASS (srv_pinned_enumerator_parent_class)->finalize (object);
}

static void
srv_pinned_enumerator_class_init (SrvPinnedEnumeratorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = srv_pinned_enumerator_finalize;
  /* The default next_async runs next, which never blocks here. */
  G_SOCKET_ADDRESS_ENUMERATOR_CLASS (klass)->next = srv_pinned_enumerator_next;
}

static void
srv_pinned_enumerator_init (SrvPinnedEnumerator *self)
{
}

static GSocketAddressEnumerator *
srv_pinned_address_enumerate (GSocketConnectable *connectable)
{
  SrvPinnedAddress *self = SRV_PINNED_ADDRESS (connectable);
  SrvPinnedEnumerator *enumerator = g_object_new (SRV_TYPE_PINNED_ENUMERATOR, NULL);

  enumerator->addresses = g_list_copy_deep (self->addresses, (GCopyFunc)g_object_ref, NULL);
  enumerator->next = enumerator->addresses;
  enumerator->port = g_network_address_get_port (G_NETWORK_ADDRESS (self));
  return G_SOCKET_ADDRESS_ENUMERATOR (enumerator);
}

static char *
srv_pinned_address_to_string (GSocketConnectable *connectable)
{
  return g_strdup (g_network_address_get_hostname (G_NETWORK_ADDRESS (connectable)));
}

/* A webhook never goes through a proxy: the proxy would resolve the
 * name itself, around the check. */
static void
srv_pinned_address_connectable_iface_init (GSocketConnectableIface *iface)
{
  iface->enumerate = srv_pinned_address_enumerate;
  iface->proxy_enumerate = srv_pinned_address_enumerate;
  iface->to_string = srv_pinned_address_to_string;
}

static void
srv_pinned_address_finalize (GObject *object)
{
  SrvPinnedAddress *self = SRV_PINNED_ADDRESS (object);

  g_list_free_full (self->addresses, g_object_unref);

  G_OBJECT_CLASS (srv_pinned_address_parent_class)->finalize (object);
}

static void
srv_pinned_address_class_init (SrvPinnedAddressClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = srv_pinned_address_finalize;
}

static void
srv_pinned_address_init (SrvPinnedAddress *self)
{
}

GSocketConnectable *
srv_pinned_address_new (const char *hostname,
                        guint16     port,
                        const char *scheme,
                        GList      *addresses)
{
  SrvPinnedAddress *self;

  g_return_val_if_fail (hostname != NULL, NULL);
  g_return_val_if_fail (addresses != NULL, NULL);

  self = g_object_new (SRV_TYPE_PINNED_ADDRESS,
                       "hostname", hostname,
                       "port", (guint)port,
                       "scheme", scheme,
                       NULL);
  self->addresses = g_list_copy_deep (addresses, (GCopyFunc)g_object_ref, NULL);
  return G_SOCKET_CONNECTABLE (self);
}

gboolean
srv_pinned_address_contains (SrvPinnedAddress *self,
                             GInetAddress     *address)
{
  g_return_val_if_fail (SRV_IS_PINNED_ADDRESS (self), FALSE);

  for (const GList *l = self->addresses; l != NULL; l = l->next)
    {
      if (g_inet_address_equal (l->data, address))
        return TRUE;
    }
  return FALSE;
}
