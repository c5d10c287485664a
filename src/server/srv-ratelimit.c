/* srv-ratelimit.c
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

#include <math.h>

#include "srv-ratelimit.h"

typedef struct
{
  double tokens;
  gint64 updated_us;
} Bucket;

struct _SrvRateLimiter
{
  guint       per_minute;
  guint       burst;
  GHashTable *buckets;
};

SrvRateLimiter *
srv_rate_limiter_new (guint per_minute,
                      guint burst)
{
  SrvRateLimiter *self = g_new0 (SrvRateLimiter, 1);

  self->per_minute = MAX (per_minute, 1);
  self->burst = MAX (burst, 1);
  self->buckets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return self;
}

void
srv_rate_limiter_free (SrvRateLimiter *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->buckets);
  g_free (self);
}

gboolean
srv_rate_limiter_take (SrvRateLimiter *self,
                       gint64          key_id,
                       gint64          now_us,
                       SrvRateState   *state)
{
  double per_second = self->per_minute / 60.0;
  Bucket *bucket = g_hash_table_lookup (self->buckets, &key_id);
  gboolean allowed;

  if (bucket == NULL)
    {
      gint64 *k = g_new (gint64, 1);

      *k = key_id;
      bucket = g_new0 (Bucket, 1);
      bucket->tokens = self->burst;
      bucket->updated_us = now_us;
      g_hash_table_insert (self->buckets, k, bucket);
    }

  bucket->tokens = MIN ((double)self->burst,
                        bucket->tokens + (now_us - bucket->updated_us) / 1e6 * per_second);
  bucket->updated_us = now_us;

  allowed = bucket->tokens >= 1.0;
  if (allowed)
    bucket->tokens -= 1.0;

  state->limit = self->per_minute;
  state->remaining = (guint)floor (bucket->tokens);
  state->reset = g_get_real_time () / G_USEC_PER_SEC +
                 (gint64)ceil ((self->burst - bucket->tokens) / per_second);
  state->retry_after = allowed ? 0 : (guint)MAX (1, ceil ((1.0 - bucket->tokens) / per_second));
  return allowed;
}
