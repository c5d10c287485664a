/* rivya-webhook-verify.h
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(RIVYA_INSIDE) && !defined(RIVYA_COMPILATION)
# error "Only <rivya.h> can be included directly."
#endif

#include <glib.h>

#include "rivya-types.h"

G_BEGIN_DECLS

/**
 * RIVYA_WEBHOOK_DEFAULT_TOLERANCE:
 *
 * How far, in seconds, a delivery's `webhook-timestamp` may be from now,
 * in either direction, when no tolerance is given (300 s, as B.11 says).
 */
#define RIVYA_WEBHOOK_DEFAULT_TOLERANCE 300

/**
 * RIVYA_WEBHOOK_ERROR:
 *
 * The error domain of rivya_webhook_verify().
 */
#define RIVYA_WEBHOOK_ERROR (rivya_webhook_error_quark ())

/**
 * RivyaWebhookError:
 * @RIVYA_WEBHOOK_ERROR_BAD_SECRET: the secret is not `whsec_` followed by
 *   base64
 * @RIVYA_WEBHOOK_ERROR_BAD_HEADER: a header is missing or malformed (empty
 *   `webhook-id` or `webhook-signature`, a `webhook-timestamp` that is not
 *   digits)
 * @RIVYA_WEBHOOK_ERROR_TIMESTAMP: the timestamp is too far in the past or
 *   in the future
 * @RIVYA_WEBHOOK_ERROR_SIGNATURE: no `v1` signature of the header matches
 *
 * Why a webhook delivery was rejected.
 */
typedef enum
{
  RIVYA_WEBHOOK_ERROR_BAD_SECRET,
  RIVYA_WEBHOOK_ERROR_BAD_HEADER,
  RIVYA_WEBHOOK_ERROR_TIMESTAMP,
  RIVYA_WEBHOOK_ERROR_SIGNATURE,
} RivyaWebhookError;

RIVYA_AVAILABLE_IN_ALL
GQuark   rivya_webhook_error_quark (void);
RIVYA_AVAILABLE_IN_ALL
gboolean rivya_webhook_verify      (const char  *secret,
                                    const char  *webhook_id,
                                    const char  *webhook_timestamp,
                                    const char  *webhook_signature,
                                    GBytes      *body,
                                    gint64       now_unix,
                                    guint        tolerance_seconds,
                                    GError     **error);
RIVYA_AVAILABLE_IN_ALL
char    *rivya_webhook_sign        (const char  *secret,
                                    const char  *webhook_id,
                                    gint64       timestamp,
                                    GBytes      *body);

G_END_DECLS
