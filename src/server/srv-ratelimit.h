/* srv-ratelimit.h
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

#include <glib.h>

G_BEGIN_DECLS

/* A token bucket per API key (B.4): `burst` requests at once, refilled
 * at `per_minute` requests a minute. In memory: a restart forgives. */
typedef struct _SrvRateLimiter SrvRateLimiter;

typedef struct
{
  guint   limit;        /* X-RateLimit-Limit: requests per minute */
  guint   remaining;    /* X-RateLimit-Remaining */
  gint64  reset;        /* X-RateLimit-Reset: unix time the bucket is full again */
  guint   retry_after;  /* seconds, when refused */
} SrvRateState;

SrvRateLimiter *srv_rate_limiter_new   (guint            per_minute,
                                        guint            burst);
void            srv_rate_limiter_free  (SrvRateLimiter  *self);
gboolean        srv_rate_limiter_take  (SrvRateLimiter  *self,
                                        gint64           key_id,
                                        gint64           now_us,   /* monotonic */
                                        SrvRateState    *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvRateLimiter, srv_rate_limiter_free)

G_END_DECLS
