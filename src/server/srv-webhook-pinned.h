/* srv-webhook-pinned.h
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


#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A host name pinned to addresses that were resolved and checked.
 * Connections go only to those addresses, so a DNS answer that changes
 * between the check and the connection (rebinding) has no effect, while
 * TLS still sees the name: it is a GNetworkAddress, whose host name is
 * what GIO sends as SNI and verifies the certificate against. libsoup
 * takes it as a session's "remote-connectable".
 */

#define SRV_TYPE_PINNED_ADDRESS (srv_pinned_address_get_type ())
G_DECLARE_FINAL_TYPE (SrvPinnedAddress, srv_pinned_address, SRV, PINNED_ADDRESS, GNetworkAddress)

GSocketConnectable *srv_pinned_address_new       (const char       *hostname,
                                                  guint16           port,
                                                  const char       *scheme,
                                                  GList            *addresses);
gboolean            srv_pinned_address_contains  (SrvPinnedAddress *self,
                                                  GInetAddress     *address);

G_END_DECLS
