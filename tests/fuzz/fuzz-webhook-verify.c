/* fuzz-webhook-verify.c
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

/* rivya_webhook_verify() reads the headers and body of a request that
 * anyone can send to a webhook receiver. Lines: secret, webhook-id,
 * webhook-timestamp, webhook-signature; the rest is the body. Whatever
 * the input, the verdict and the error agree; and a body signed with a
 * valid secret always verifies (rivya_webhook_sign() is its inverse).
 */

#include "config.h"

#include "rivya.h"

#include "fuzz-common.h"

#define NOW 1767225600 /* fixed: the fuzzer must not depend on the clock */

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *secret = fuzz_take_line (&data, &size);
  g_autofree char *id = fuzz_take_line (&data, &size);
  g_autofree char *timestamp = fuzz_take_line (&data, &size);
  g_autofree char *signature = fuzz_take_line (&data, &size);
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *good = NULL;
  gboolean ok;

  ok = rivya_webhook_verify (secret, id, timestamp, signature, body, NOW, 300, &error);
  g_assert (ok == (error == NULL));
  if (!ok)
    g_assert (error->domain == RIVYA_WEBHOOK_ERROR);
  g_clear_error (&error);

  good = rivya_webhook_sign (secret, id, NOW, body);
  if (good != NULL)
    {
      g_autofree char *now = g_strdup_printf ("%d", NOW);

      ok = rivya_webhook_verify (secret, id, now, good, body, NOW, 300, &error);
      /* Only a missing webhook-id is refused before the signature. */
      if (id[0] != '\0')
        g_assert_no_error (error);
      else
        g_assert_error (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_BAD_HEADER);
    }
  return 0;
}
