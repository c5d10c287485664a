/* srv-util.c
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

#include "srv-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/random.h>

static const char base62[] =
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

static void
fill_random (guint8 *buf,
             gsize   len)
{
  gsize done = 0;

  while (done < len)
    {
      gssize n = getrandom (buf + done, len - done, 0);

      /* getrandom only fails when interrupted or before the pool is
       * seeded; there is no safe fallback for key material. */
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          g_error ("getrandom() failed: %s", g_strerror (errno));
        }
      done += n;
    }
}

char *
srv_random_base62 (gsize len)
{
  GString *out = g_string_sized_new (len + 1);
  guint8 buf[64];

  while (out->len < len)
    {
      fill_random (buf, sizeof buf);
      for (guint i = 0; i < sizeof buf && out->len < len; i++)
        {
          /* Rejection sampling keeps every character equally likely. */
          if (buf[i] < 248)
            g_string_append_c (out, base62[buf[i] % 62]);
        }
    }

  return g_string_free (out, FALSE);
}

char *
srv_id_new (const char *prefix)
{
  g_autofree char *rand = srv_random_base62 (SRV_ID_RANDOM_LEN);

  return g_strconcat (prefix, rand, NULL);
}

static gboolean
is_base62 (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (s[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
srv_id_is_valid (const char *id,
                 const char *prefix)
{
  gsize plen;

  if (id == NULL || prefix == NULL)
    return FALSE;

  plen = strlen (prefix);
  return strncmp (id, prefix, plen) == 0 &&
         strlen (id) == plen + SRV_ID_RANDOM_LEN &&
         is_base62 (id + plen, SRV_ID_RANDOM_LEN);
}

gboolean
srv_token_is_valid (const char *token)
{
  return token != NULL &&
         strlen (token) == SRV_TOKEN_LEN &&
         is_base62 (token, SRV_TOKEN_LEN);
}

char *
srv_key_new (void)
{
  g_autofree char *rand = srv_random_base62 (SRV_KEY_RANDOM_LEN);

  return g_strconcat (SRV_KEY_PREFIX, rand, NULL);
}

gboolean
srv_key_looks_valid (const char *key)
{
  return key != NULL &&
         g_str_has_prefix (key, SRV_KEY_PREFIX) &&
         strlen (key) == strlen (SRV_KEY_PREFIX) + SRV_KEY_RANDOM_LEN &&
         is_base62 (key + strlen (SRV_KEY_PREFIX), SRV_KEY_RANDOM_LEN);
}

char *
srv_sha256_hex (const guint8 *data,
                gsize         len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

char *
srv_key_hash (const char *key)
{
  return srv_sha256_hex ((const guint8 *)key, strlen (key));
}

static const char * const scopes[] = {
  "models:read", "generations:create", "generations:read", "files:create", "files:read",
  "credits:read", "webhooks:manage", "chat:create", "chat:read", NULL
};

const char * const *
srv_scopes_all (void)
{
  return scopes;
}

gboolean
srv_scope_is_known (const char *scope)
{
  return scope != NULL && g_strv_contains (scopes, scope);
}

gint64
srv_now_ms (void)
{
  return g_get_real_time () / 1000;
}

char *
srv_time_format (gint64 ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *base = NULL;

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00.000Z");

  base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", base, (int)(((ms % 1000) + 1000) % 1000));
}

gboolean
srv_time_parse (const char *iso8601,
                gint64     *ms)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (iso8601 == NULL)
    return FALSE;

  dt = g_date_time_new_from_iso8601 (iso8601, utc);
  if (dt == NULL)
    return FALSE;

  *ms = g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
  return TRUE;
}

char *
srv_json_to_string (JsonNode *node,
                    gsize    *length)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, length);
}

void
srv_json_add_time (JsonBuilder *builder,
                   const char  *member,
                   gint64       ms)
{
  json_builder_set_member_name (builder, member);
  if (ms <= 0)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      g_autofree char *s = srv_time_format (ms);
      json_builder_add_string_value (builder, s);
    }
}

void
srv_json_add_string_or_null (JsonBuilder *builder,
                             const char  *member,
                             const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* json-glib's parser recurses once per nesting level: a body of a few
 * hundred kilobytes of "[" would exhaust the stack. Count the depth
 * first, outside strings, without parsing anything else. json-glib 1.6
 * also takes 'single-quoted' strings (no escapes in them) and C comments:
 * skip those as it does, or a quote inside one would hide what follows. */
gboolean
srv_json_depth_ok (const char *data,
                   gsize       len,
                   guint       max_depth)
{
  char quote = '\0';
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (quote != '\0')
        {
          if (c == '\\' && quote == '"')
            i++;
          else if (c == quote)
            quote = '\0';
        }
      else if (c == '"' || c == '\'')
        quote = c;
      else if (c == '/' && i + 1 < len && data[i + 1] == '*')
        {
          const char *end = g_strstr_len (data + i + 2, len - i - 2, "*/");

          if (end == NULL)
            break;
          i = end - data + 1;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

gboolean
srv_ensure_directory (const char  *path,
                      GError     **error)
{
  if (g_mkdir_with_parents (path, 0700) != 0)
    {
      int errsv = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "Could not create the directory %s: %s", path, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}
