/* srv-webhook-url.h
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

/* Where a webhook may point (A.9): HTTPS only, no credentials, no
 * fragment, no localhost names and no address that leads back into this
 * machine or its networks: loopback, private, link-local, CGNAT,
 * multicast, unspecified and reserved ranges, in any of their spellings
 * (IPv4-mapped IPv6, decimal, hex, octal or short IPv4). Names are
 * checked again on every address they resolve to, at creation and at
 * each delivery, and a delivery connects only to an address checked.
 */

#define SRV_WEBHOOK_URL_ERROR (srv_webhook_url_error_quark ())

typedef enum
{
  SRV_WEBHOOK_URL_ERROR_REJECTED,   /* the URL or one of its addresses is not allowed */
  SRV_WEBHOOK_URL_ERROR_UNRESOLVED, /* the name did not resolve (in time) */
} SrvWebhookUrlError;

typedef enum
{
  SRV_WEBHOOK_URL_STRICT         = 0,
  /* Development only: http and loopback targets (127.0.0.0/8, ::1,
   * localhost) are allowed too. Credentials and fragments never are. */
  SRV_WEBHOOK_URL_ALLOW_INSECURE = 1 << 0,
} SrvWebhookUrlFlags;

#define SRV_WEBHOOK_URL_MAX_LEN 2048

GQuark        srv_webhook_url_error_quark     (void);
GUri         *srv_webhook_url_check           (const char          *url,
                                               SrvWebhookUrlFlags   flags,
                                               GInetAddress       **literal,
                                               GError             **error);
gboolean      srv_webhook_address_check       (GInetAddress        *address,
                                               SrvWebhookUrlFlags   flags,
                                               GError             **error);
void          srv_webhook_url_resolve_async   (GUri                *uri,
                                               SrvWebhookUrlFlags   flags,
                                               guint                timeout_ms,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GList        *srv_webhook_url_resolve_finish  (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
