/* srv-webhook-objects.c
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

#include "srv-webhook-objects.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "srv-objects.h"
#include "srv-util.h"

char *
srv_webhook_secret_new (void)
{
  guint8 key[SRV_WEBHOOK_SECRET_BYTES];
  g_autofree char *encoded = NULL;
  gsize done = 0;
  char *secret;

  /* Key material comes from the kernel's CSPRNG, as API keys do. */
  while (done < sizeof key)
    {
      gssize n = getrandom (key + done, sizeof key - done, 0);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("getrandom() failed: %s", g_strerror (errno));
        }
      done += n;
    }

  encoded = g_base64_encode (key, sizeof key);
  secret = g_strconcat (SRV_WEBHOOK_SECRET_PREFIX, encoded, NULL);
  memset (key, 0, sizeof key);
  memset (encoded, 0, strlen (encoded));
  return secret;
}

/* Enough to tell secrets apart, never enough to use one: the first two
 * and last six characters of the key, like whsec_12...abc123. */
char *
srv_webhook_secret_preview (const char *secret)
{
  const char *key;
  gsize len;

  g_return_val_if_fail (g_str_has_prefix (secret, SRV_WEBHOOK_SECRET_PREFIX), NULL);

  key = secret + strlen (SRV_WEBHOOK_SECRET_PREFIX);
  len = strlen (key);
  while (len > 0 && key[len - 1] == '=')
    len--;
  if (len < 8)
    return g_strdup (SRV_WEBHOOK_SECRET_PREFIX "...");
  return g_strdup_printf (SRV_WEBHOOK_SECRET_PREFIX "%.2s...%.6s", key, key + len - 6);
}

/* v1,<base64 of HMAC-SHA256(key, "<id>.<timestamp>.<body>")>, the key
 * being the decoded bytes after whsec_. */
char *
srv_webhook_sign (const char *secret,
                  const char *webhook_id,
                  gint64      timestamp,
                  const char *body,
                  gsize       length)
{
  g_autoptr(GHmac) hmac = NULL;
  g_autofree guchar *key = NULL;
  g_autofree char *encoded = NULL;
  char prefix[128];
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  gsize key_len = 0;

  g_return_val_if_fail (g_str_has_prefix (secret, SRV_WEBHOOK_SECRET_PREFIX), NULL);

  key = g_base64_decode (secret + strlen (SRV_WEBHOOK_SECRET_PREFIX), &key_len);
  if (key_len == 0)
    return NULL;

  g_snprintf (prefix, sizeof prefix, "%s.%" G_GINT64_FORMAT ".", webhook_id, timestamp);
  hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  memset (key, 0, key_len);
  g_hmac_update (hmac, (const guchar *)prefix, strlen (prefix));
  g_hmac_update (hmac, (const guchar *)body, length);
  g_hmac_get_digest (hmac, digest, &digest_len);

  encoded = g_base64_encode (digest, digest_len);
  return g_strconcat ("v1,", encoded, NULL);
}

JsonNode *
srv_webhook_endpoint_to_json (SrvWebhookEndpoint *w,
                              gboolean            with_secret)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *preview = srv_webhook_secret_preview (w->secret);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, w->id);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "webhook_endpoint");
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, w->name);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, w->url);
  json_builder_set_member_name (b, "event_types");
  json_builder_begin_array (b);
  for (guint i = 0; w->event_types[i] != NULL; i++)
    json_builder_add_string_value (b, w->event_types[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, w->status);
  json_builder_set_member_name (b, "secret_preview");
  json_builder_add_string_value (b, preview);
  /* Only in the answers of create and rotate-secret. */
  if (with_secret)
    {
      json_builder_set_member_name (b, "signing_secret");
      json_builder_add_string_value (b, w->secret);
    }
  srv_json_add_time (b, "last_success_at", w->last_success_at);
  srv_json_add_time (b, "last_failure_at", w->last_failure_at);
  json_builder_set_member_name (b, "failure_count");
  json_builder_add_int_value (b, w->failure_count);
  srv_json_add_time (b, "created_at", w->created_at);
  srv_json_add_time (b, "updated_at", w->updated_at);
  srv_json_add_time (b, "disabled_at", w->disabled_at);
  srv_json_add_time (b, "revoked_at", w->revoked_at);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
srv_webhook_delivery_to_json (SrvWebhookDelivery *d)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, d->id);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "webhook_delivery");
  json_builder_set_member_name (b, "endpoint_id");
  json_builder_add_string_value (b, d->endpoint_id);
  json_builder_set_member_name (b, "event_id");
  json_builder_add_string_value (b, d->event_id);
  json_builder_set_member_name (b, "event_type");
  json_builder_add_string_value (b, d->event_type);
  json_builder_set_member_name (b, "attempt");
  json_builder_add_int_value (b, d->attempt);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, d->status);
  json_builder_set_member_name (b, "response_status");
  if (d->response_status > 0)
    json_builder_add_int_value (b, d->response_status);
  else
    json_builder_add_null_value (b);
  srv_json_add_string_or_null (b, "error", d->error);
  json_builder_set_member_name (b, "duration_ms");
  if (d->duration_ms >= 0)
    json_builder_add_int_value (b, d->duration_ms);
  else
    json_builder_add_null_value (b);
  srv_json_add_time (b, "created_at", d->created_at);
  srv_json_add_time (b, "next_retry_at", d->next_retry_at);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

/* A generation event carries the generation as the status route shows
 * it (A.9); it is read when the event is shown or sent, which changes
 * nothing since a finished generation never changes again, and keeps
 * its result URLs on this server's current address. */
JsonNode *
srv_webhook_event_to_json (SrvStore         *store,
                           SrvWebhookEvent  *e,
                           const char       *base_url,
                           GError          **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) data = NULL;

  if (e->generation_id != NULL)
    {
      g_autoptr(SrvGeneration) g = srv_store_get_generation (store, e->generation_id, 0, error);

      if (g == NULL)
        return NULL;
      data = srv_generation_to_json (g, base_url);
    }
  else
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, e->data ? e->data : "{}", -1, error))
        return NULL;
      data = json_node_ref (json_parser_get_root (parser));
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, e->id);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "event");
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, e->type);
  json_builder_set_member_name (b, "api_version");
  json_builder_add_string_value (b, SRV_WEBHOOK_API_VERSION);
  srv_json_add_time (b, "created_at", e->created_at);
  json_builder_set_member_name (b, "data");
  json_builder_add_value (b, g_steal_pointer (&data));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}
