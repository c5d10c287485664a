/* rivya-webhook-verify.c
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

#include "config.h"

#include "rivya-webhook-verify.h"

#include <string.h>

/* Standard Webhooks (B.11): HMAC-SHA256 over "<id>.<timestamp>.<body>",
 * keyed with the base64-decoded part of the secret after "whsec_". */

#define SECRET_PREFIX  "whsec_"
#define DIGEST_LENGTH  32
#define MAX_KEY_LENGTH 1024

/**
 * rivya_webhook_error_quark:
 *
 * Returns: the quark of %RIVYA_WEBHOOK_ERROR
 */
G_DEFINE_QUARK (rivya-webhook-error-quark, rivya_webhook_error)

static gboolean
is_base64_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '/';
}

/* g_base64_decode() skips characters it does not know, so "garbage" would
 * decode to something: check the alphabet and padding first. Padding may
 * be left out, as some senders do. */
static guchar *
decode_base64_strict (const char *str,
                      gsize       len,
                      gsize      *out_len)
{
  g_autofree char *padded = NULL;
  gsize n_chars = len;
  gsize n_pad = 0;

  while (n_chars > 0 && str[n_chars - 1] == '=' && n_pad < 2)
    n_chars--, n_pad++;

  if (n_chars == 0 || n_chars % 4 == 1)
    return NULL;
  if (n_pad > 0 && (n_chars + n_pad) % 4 != 0)
    return NULL;

  for (gsize i = 0; i < n_chars; i++)
    if (!is_base64_char (str[i]))
      return NULL;

  padded = g_malloc (n_chars + 4);
  memcpy (padded, str, n_chars);
  while (n_chars % 4 != 0)
    padded[n_chars++] = '=';
  padded[n_chars] = '\0';

  return g_base64_decode (padded, out_len);
}

static guchar *
decode_secret (const char  *secret,
               gsize       *key_len,
               GError     **error)
{
  guchar *key;

  if (!g_str_has_prefix (secret, SECRET_PREFIX) ||
      !(key = decode_base64_strict (secret + strlen (SECRET_PREFIX),
                                    strlen (secret + strlen (SECRET_PREFIX)),
                                    key_len)))
    {
      g_set_error_literal (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_BAD_SECRET,
                           "The signing secret is not “whsec_” followed by base64");
      return NULL;
    }

  if (*key_len == 0 || *key_len > MAX_KEY_LENGTH)
    {
      g_free (key);
      g_set_error (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_BAD_SECRET,
                   "The signing secret decodes to %" G_GSIZE_FORMAT " bytes", *key_len);
      return NULL;
    }

  return key;
}

static void
compute_digest (const guchar *key,
                gsize         key_len,
                const char   *webhook_id,
                const char   *timestamp,
                GBytes       *body,
                guint8        digest[DIGEST_LENGTH])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  gsize body_len = 0;
  const guchar *body_data = g_bytes_get_data (body, &body_len);
  gsize digest_len = DIGEST_LENGTH;

  g_hmac_update (hmac, (const guchar *) webhook_id, strlen (webhook_id));
  g_hmac_update (hmac, (const guchar *) ".", 1);
  g_hmac_update (hmac, (const guchar *) timestamp, strlen (timestamp));
  g_hmac_update (hmac, (const guchar *) ".", 1);
  if (body_len > 0)
    g_hmac_update (hmac, body_data, body_len);
  g_hmac_get_digest (hmac, digest, &digest_len);
  g_assert (digest_len == DIGEST_LENGTH);
}

static gboolean
parse_timestamp (const char *str,
                 gint64     *out)
{
  gint64 value = 0;
  gsize len = strlen (str);

  /* 18 digits always fit a gint64; real timestamps have 10. */
  if (len == 0 || len > 18)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      value = value * 10 + (str[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Every byte is looked at whatever the earlier ones were, so the time it
 * takes says nothing about how much of a forged signature was right. */
static guint8
digest_difference (const guint8 *a,
                   const guint8 *b)
{
  guint8 diff = 0;

  for (guint i = 0; i < DIGEST_LENGTH; i++)
    diff |= a[i] ^ b[i];
  return diff;
}

/**
 * rivya_webhook_verify:
 * @secret: the endpoint's signing secret, `whsec_` followed by base64
 * @webhook_id: the `webhook-id` header
 * @webhook_timestamp: the `webhook-timestamp` header, unix seconds
 * @webhook_signature: the `webhook-signature` header: space-separated
 *   `v1,<base64>` entries (entries of other versions are ignored)
 * @body: the raw request body, exactly as received
 * @now_unix: the current time in unix seconds, or 0 for the system clock
 * @tolerance_seconds: how far the timestamp may be from @now_unix, in
 *   either direction, or 0 for %RIVYA_WEBHOOK_DEFAULT_TOLERANCE
 * @error: return location for a #GError in the %RIVYA_WEBHOOK_ERROR domain
 *
 * Checks that a webhook delivery was signed with @secret, following the
 * Standard Webhooks scheme: the signature is the HMAC-SHA256 of
 * `<webhook-id>.<webhook-timestamp>.<body>` keyed with the decoded secret.
 * The delivery is accepted if any `v1` entry matches, which covers the
 * 24 hours after a secret rotation when both secrets sign. Signatures are
 * compared in constant time.
 *
 * Receivers should also remember the `webhook-id`s they accepted:
 * deliveries are at least once.
 *
 * Returns: %TRUE if the delivery is authentic and fresh
 */
gboolean
rivya_webhook_verify (const char  *secret,
                      const char  *webhook_id,
                      const char  *webhook_timestamp,
                      const char  *webhook_signature,
                      GBytes      *body,
                      gint64       now_unix,
                      guint        tolerance_seconds,
                      GError     **error)
{
  g_autofree guchar *key = NULL;
  g_auto(GStrv) entries = NULL;
  guint8 expected[DIGEST_LENGTH];
  gsize key_len = 0;
  gint64 timestamp = 0;
  guint n_v1 = 0;
  gboolean matched = FALSE;

  g_return_val_if_fail (secret != NULL, FALSE);
  g_return_val_if_fail (body != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(key = decode_secret (secret, &key_len, error)))
    return FALSE;

  if (webhook_id == NULL || webhook_id[0] == '\0')
    {
      g_set_error_literal (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_BAD_HEADER,
                           "The webhook-id header is missing");
      return FALSE;
    }

  if (webhook_timestamp == NULL || !parse_timestamp (webhook_timestamp, &timestamp))
    {
      g_set_error_literal (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_BAD_HEADER,
                           "The webhook-timestamp header is not unix seconds");
      return FALSE;
    }

  if (webhook_signature == NULL || webhook_signature[strspn (webhook_signature, " ")] == '\0')
    {
      g_set_error_literal (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_BAD_HEADER,
                           "The webhook-signature header is missing");
      return FALSE;
    }

  if (now_unix == 0)
    now_unix = g_get_real_time () / G_USEC_PER_SEC;
  if (tolerance_seconds == 0)
    tolerance_seconds = RIVYA_WEBHOOK_DEFAULT_TOLERANCE;

  if (timestamp < now_unix - (gint64) tolerance_seconds)
    {
      g_set_error (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_TIMESTAMP,
                   "The delivery is too old (%" G_GINT64_FORMAT " s)", now_unix - timestamp);
      return FALSE;
    }
  if (timestamp > now_unix + (gint64) tolerance_seconds)
    {
      g_set_error (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_TIMESTAMP,
                   "The delivery is dated %" G_GINT64_FORMAT " s in the future",
                   timestamp - now_unix);
      return FALSE;
    }

  compute_digest (key, key_len, webhook_id, webhook_timestamp, body, expected);

  entries = g_strsplit (webhook_signature, " ", -1);
  for (guint i = 0; entries[i] != NULL; i++)
    {
      g_autofree guchar *sig = NULL;
      gsize sig_len = 0;
      const char *value;

      if (!g_str_has_prefix (entries[i], "v1,"))
        continue;

      n_v1++;
      value = entries[i] + strlen ("v1,");
      sig = decode_base64_strict (value, strlen (value), &sig_len);
      if (sig == NULL || sig_len != DIGEST_LENGTH)
        continue;

      /* No early exit: every entry is compared. */
      matched |= (digest_difference (sig, expected) == 0);
    }

  if (!matched)
    {
      if (n_v1 == 0)
        g_set_error_literal (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_SIGNATURE,
                             "The webhook-signature header has no v1 signature");
      else
        g_set_error_literal (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_SIGNATURE,
                             "No signature matches");
      return FALSE;
    }

  return TRUE;
}

/**
 * rivya_webhook_sign:
 * @secret: a signing secret, `whsec_` followed by base64
 * @webhook_id: the `webhook-id` of the delivery
 * @timestamp: the `webhook-timestamp`, unix seconds
 * @body: the raw body
 *
 * Signs a delivery as rivya-server does, for tests and for tools that
 * forward deliveries.
 *
 * Returns: (transfer full) (nullable): a `webhook-signature` entry,
 *   `v1,<base64>`, or %NULL if @secret is not a valid secret
 */
char *
rivya_webhook_sign (const char *secret,
                    const char *webhook_id,
                    gint64      timestamp,
                    GBytes     *body)
{
  g_autofree guchar *key = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *encoded = NULL;
  guint8 digest[DIGEST_LENGTH];
  gsize key_len = 0;

  g_return_val_if_fail (secret != NULL, NULL);
  g_return_val_if_fail (webhook_id != NULL, NULL);
  g_return_val_if_fail (timestamp >= 0, NULL);
  g_return_val_if_fail (body != NULL, NULL);

  if (!(key = decode_secret (secret, &key_len, NULL)))
    return NULL;

  stamp = g_strdup_printf ("%" G_GINT64_FORMAT, timestamp);
  compute_digest (key, key_len, webhook_id, stamp, body, digest);
  encoded = g_base64_encode (digest, DIGEST_LENGTH);

  return g_strconcat ("v1,", encoded, NULL);
}
