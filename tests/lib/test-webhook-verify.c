/* test-webhook-verify.c
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

#include <string.h>

#include "rivya.h"

/* The vectors below were computed independently of librivya with:
 *
 * /usr/bin/python3 -c '
 * import hmac,hashlib,base64
 * def sign(sec,i,t,b):
 *     k=base64.b64decode(sec[len("whsec_"):])
 *     return "v1,"+base64.b64encode(hmac.new(k,(i+"."+str(t)+".").encode()+b,
 *                                            hashlib.sha256).digest()).decode()
 * print(sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","msg_p5jXN8AQM9LWM0D4loKWxJek",
 *            1614265330,b"{\"test\": 2432232314}"))
 * s1="whsec_"+base64.b64encode(bytes(range(32))).decode()
 * s2="whsec_"+base64.b64encode(bytes(range(100,132))).decode()
 * body=(b"{\"id\":\"evt_000000000000000000000001\",\"object\":\"event\","
 *       b"\"type\":\"generation.succeeded\"}")
 * print(sign(s1,"evt_000000000000000000000001",1778457600,body))
 * print(sign(s2,"evt_000000000000000000000001",1778457600,body))
 * print(sign(s1,"evt_000000000000000000000001",1778457600,b""))'
 *
 * The first one is also the published Standard Webhooks example. */

#define SW_SECRET    "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
#define SW_ID        "msg_p5jXN8AQM9LWM0D4loKWxJek"
#define SW_TIMESTAMP "1614265330"
#define SW_BODY      "{\"test\": 2432232314}"
#define SW_SIG       "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

#define SECRET1      "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
#define SECRET2      "whsec_ZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoM="
#define EVT_ID       "evt_000000000000000000000001"
#define EVT_TS       "1778457600"
#define EVT_NOW      G_GINT64_CONSTANT (1778457600)
#define EVT_BODY     "{\"id\":\"evt_000000000000000000000001\",\"object\":\"event\"," \
                     "\"type\":\"generation.succeeded\"}"
#define EVT_SIG1     "v1,PfTN4VE0CzOttwyAWamWGvXhGIjlK76pVsMO7YVJbko="
#define EVT_SIG2     "v1,V0qzVnlQ6ImqwX8s/4rs7KO/IbhC5jFzVaHQRk1I2co="
#define EMPTY_SIG1   "v1,THtybe7wicBoHpGPLicqhsdOzGdO7+qmtey4AwGy37w="

static GBytes *
body_new (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
assert_verify (const char *secret,
               const char *id,
               const char *timestamp,
               const char *signature,
               const char *body_text,
               gint64      now,
               guint       tolerance,
               int         expected_code)  /* -1: accepted */
{
  g_autoptr(GBytes) body = body_new (body_text);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = rivya_webhook_verify (secret, id, timestamp, signature, body, now, tolerance, &error);
  if (expected_code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_error (error, RIVYA_WEBHOOK_ERROR, expected_code);
      g_assert_false (ok);
    }
}

static void
test_standard_webhooks_vector (void)
{
  assert_verify (SW_SECRET, SW_ID, SW_TIMESTAMP, SW_SIG, SW_BODY, 1614265330, 0, -1);
}

static void
test_vectors (void)
{
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW, 0, -1);
  assert_verify (SECRET2, EVT_ID, EVT_TS, EVT_SIG2, EVT_BODY, EVT_NOW, 0, -1);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EMPTY_SIG1, "", EVT_NOW, 0, -1);

  /* Each secret rejects the other one's signature. */
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG2, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET2, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
}

static void
test_sign_matches_vectors (void)
{
  g_autoptr(GBytes) body = body_new (EVT_BODY);
  g_autoptr(GBytes) sw_body = body_new (SW_BODY);
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autofree char *sig1 = rivya_webhook_sign (SECRET1, EVT_ID, EVT_NOW, body);
  g_autofree char *sig2 = rivya_webhook_sign (SECRET2, EVT_ID, EVT_NOW, body);
  g_autofree char *sig3 = rivya_webhook_sign (SECRET1, EVT_ID, EVT_NOW, empty);
  g_autofree char *sw = rivya_webhook_sign (SW_SECRET, SW_ID, 1614265330, sw_body);

  g_assert_cmpstr (sig1, ==, EVT_SIG1);
  g_assert_cmpstr (sig2, ==, EVT_SIG2);
  g_assert_cmpstr (sig3, ==, EMPTY_SIG1);
  g_assert_cmpstr (sw, ==, SW_SIG);

  g_assert_null (rivya_webhook_sign ("sk_nope", EVT_ID, EVT_NOW, body));
  g_assert_null (rivya_webhook_sign ("whsec_", EVT_ID, EVT_NOW, body));
}

static void
test_timestamps (void)
{
  /* The window is inclusive on both sides. */
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW + 300, 0, -1);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW - 300, 0, -1);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW + 301, 0,
                 RIVYA_WEBHOOK_ERROR_TIMESTAMP);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW - 301, 0,
                 RIVYA_WEBHOOK_ERROR_TIMESTAMP);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW + 86400, 0,
                 RIVYA_WEBHOOK_ERROR_TIMESTAMP);

  /* A custom tolerance. */
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW + 10, 10, -1);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW + 11, 10,
                 RIVYA_WEBHOOK_ERROR_TIMESTAMP);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW - 11, 10,
                 RIVYA_WEBHOOK_ERROR_TIMESTAMP);

  /* now = 0 is the system clock, years after these vectors. */
  assert_verify (SECRET1, EVT_ID, "1614265330", EVT_SIG1, EVT_BODY, 0, 0,
                 RIVYA_WEBHOOK_ERROR_TIMESTAMP);
}

static void
test_current_time (void)
{
  g_autoptr(GBytes) body = body_new (EVT_BODY);
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  g_autofree char *sig = rivya_webhook_sign (SECRET1, EVT_ID, now, body);

  g_assert_true (rivya_webhook_verify (SECRET1, EVT_ID, stamp, sig, body, 0, 0, &error));
  g_assert_no_error (error);
}

static void
test_rotation (void)
{
  /* During a rotation both secrets sign: either one verifies, and the
   * valid signature may be anywhere in the list. */
  assert_verify (SECRET2, EVT_ID, EVT_TS, EVT_SIG1 " " EVT_SIG2, EVT_BODY, EVT_NOW, 0, -1);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1 " " EVT_SIG2, EVT_BODY, EVT_NOW, 0, -1);
  assert_verify (SECRET2, EVT_ID, EVT_TS, "v1,AAAA " EVT_SIG2, EVT_BODY, EVT_NOW, 0, -1);
  /* Extra spaces are tolerated. */
  assert_verify (SECRET2, EVT_ID, EVT_TS, "  " EVT_SIG1 "   " EVT_SIG2 " ", EVT_BODY,
                 EVT_NOW, 0, -1);
  /* Neither matches a third secret. */
  assert_verify (SW_SECRET, EVT_ID, EVT_TS, EVT_SIG1 " " EVT_SIG2, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
}

static void
test_tampered (void)
{
  /* The body, the id and the timestamp are all covered. */
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY " ", EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1,
                 "{\"id\":\"evt_000000000000000000000001\",\"object\":\"event\","
                 "\"type\":\"generation.failed\"}",
                 EVT_NOW, 0, RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET1, "evt_000000000000000000000002", EVT_TS, EVT_SIG1, EVT_BODY,
                 EVT_NOW, 0, RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET1, EVT_ID, "1778457601", EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
  /* One flipped bit of the signature (P -> Q in the first character). */
  assert_verify (SECRET1, EVT_ID, EVT_TS, "v1,QfTN4VE0CzOttwyAWamWGvXhGIjlK76pVsMO7YVJbko=",
                 EVT_BODY, EVT_NOW, 0, RIVYA_WEBHOOK_ERROR_SIGNATURE);
  /* A truncated signature, and one with trailing bytes. */
  assert_verify (SECRET1, EVT_ID, EVT_TS, "v1,PfTN4VE0CzOttwyAWamWGvXhGIjlK76pVsMO7YVJ",
                 EVT_BODY, EVT_NOW, 0, RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET1, EVT_ID, EVT_TS, EVT_SIG1 "AAAA", EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
}

static void
test_other_versions (void)
{
  /* A v2 entry carrying the right bytes is still not a v1 signature. */
  assert_verify (SECRET1, EVT_ID, EVT_TS, "v2,PfTN4VE0CzOttwyAWamWGvXhGIjlK76pVsMO7YVJbko=",
                 EVT_BODY, EVT_NOW, 0, RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET1, EVT_ID, EVT_TS, "v1a,whatever v2,xyz " EVT_SIG1, EVT_BODY, EVT_NOW,
                 0, -1);
  assert_verify (SECRET1, EVT_ID, EVT_TS, "V1,PfTN4VE0CzOttwyAWamWGvXhGIjlK76pVsMO7YVJbko=",
                 EVT_BODY, EVT_NOW, 0, RIVYA_WEBHOOK_ERROR_SIGNATURE);
}

static void
test_malformed_headers (void)
{
  assert_verify (SECRET1, NULL, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, "", EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, NULL, EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, "", EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, "-1778457600", EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, "+1778457600", EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, " 1778457600", EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, "1778457600.5", EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, "99999999999999999999999", EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, EVT_TS, NULL, EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, EVT_TS, "", EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);
  assert_verify (SECRET1, EVT_ID, EVT_TS, "   ", EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_BAD_HEADER);

  /* Entries that are not signatures at all are no match, never a crash. */
  assert_verify (SECRET1, EVT_ID, EVT_TS, "garbage", EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET1, EVT_ID, EVT_TS, "v1,", EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET1, EVT_ID, EVT_TS, "v1,!!!!", EVT_BODY, EVT_NOW, 0,
                 RIVYA_WEBHOOK_ERROR_SIGNATURE);
  assert_verify (SECRET1, EVT_ID, EVT_TS, "v1,PfTN4VE0CzOttwyAWamWGvXhGIjlK76pVsMO7YVJbko=,x",
                 EVT_BODY, EVT_NOW, 0, RIVYA_WEBHOOK_ERROR_SIGNATURE);
}

static void
test_malformed_secrets (void)
{
  const char *bad[] = {
    "",
    "whsec_",
    "whsec_===",
    "whsec_!!notbase64!!",
    "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=garbage",
    "whsec_A",
    "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    "WHSEC_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_verify (bad[i], EVT_ID, EVT_TS, EVT_SIG1, EVT_BODY, EVT_NOW, 0,
                   RIVYA_WEBHOOK_ERROR_BAD_SECRET);

  /* Padding may be left out: the same key as SECRET1. */
  assert_verify ("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8", EVT_ID, EVT_TS,
                 EVT_SIG1, EVT_BODY, EVT_NOW, 0, -1);
}

static void
test_binary_body (void)
{
  static const guint8 raw[] = { 0x00, 0xff, 0x7b, 0x00, 0x0a, 0x80 };
  g_autoptr(GBytes) body = g_bytes_new_static (raw, sizeof raw);
  g_autoptr(GBytes) shorter = g_bytes_new_static (raw, sizeof raw - 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *sig = rivya_webhook_sign (SECRET1, EVT_ID, EVT_NOW, body);

  /* Bytes after a NUL are signed too. */
  g_assert_true (rivya_webhook_verify (SECRET1, EVT_ID, EVT_TS, sig, body, EVT_NOW, 0, &error));
  g_assert_no_error (error);
  g_assert_false (rivya_webhook_verify (SECRET1, EVT_ID, EVT_TS, sig, shorter, EVT_NOW, 0,
                                        &error));
  g_assert_error (error, RIVYA_WEBHOOK_ERROR, RIVYA_WEBHOOK_ERROR_SIGNATURE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/webhook/verify/standard-webhooks-vector", test_standard_webhooks_vector);
  g_test_add_func ("/webhook/verify/vectors", test_vectors);
  g_test_add_func ("/webhook/sign/vectors", test_sign_matches_vectors);
  g_test_add_func ("/webhook/verify/timestamps", test_timestamps);
  g_test_add_func ("/webhook/verify/current-time", test_current_time);
  g_test_add_func ("/webhook/verify/rotation", test_rotation);
  g_test_add_func ("/webhook/verify/tampered", test_tampered);
  g_test_add_func ("/webhook/verify/other-versions", test_other_versions);
  g_test_add_func ("/webhook/verify/malformed-headers", test_malformed_headers);
  g_test_add_func ("/webhook/verify/malformed-secrets", test_malformed_secrets);
  g_test_add_func ("/webhook/verify/binary-body", test_binary_body);

  return g_test_run ();
}
