/* rivya-cli-keyring.c
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

#include "rivya-cli-keyring.h"

/* Rivya Desktop stores each account's API key in the Secret Service
 * under this same schema, with the account's base URL (without a
 * trailing slash) as the only attribute: keep the two in step, or the
 * command line stops finding the keys the app saved. */
const SecretSchema *
rivya_cli_keyring_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.rivyadesktop.RivyaDesktop.ApiKey",
    SECRET_SCHEMA_NONE,
    {
      { "base-url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

void
rivya_cli_keyring_lookup_async (const char          *base_url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_assert (base_url != NULL);

  secret_password_lookup (rivya_cli_keyring_get_schema (), cancellable, callback, user_data,
                          "base-url", base_url,
                          NULL);
}

/* Returns: (transfer full) (nullable): the key, or %NULL with no error
 * when the keyring has none for the base URL. */
char *
rivya_cli_keyring_lookup_finish (GAsyncResult  *result,
                                 GError       **error)
{
  char *secret = secret_password_lookup_finish (result, error);
  char *key;

  if (secret == NULL)
    return NULL;

  /* Out of libsecret's non-pageable memory, into the client's. */
  key = g_strstrip (g_strdup (secret));
  secret_password_free (secret);

  return key;
}
