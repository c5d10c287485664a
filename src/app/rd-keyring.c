/* rd-keyring.c
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

#define G_LOG_DOMAIN "rd-keyring"

#include "config.h"

#include "rd-keyring.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

/* API keys live in the Secret Service only. The schema is the one the
 * command line reads (src/cli/rivya-cli-keyring.c), with the account's
 * base URL, without a trailing slash, as the only attribute: keep the
 * two in step, or `rivya` stops finding the keys the app saved. */
static const SecretSchema *
get_schema (void)
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

/* Whether a session bus is already there. Without one, GIO would try
 * to autolaunch a bus of its own through X11, which leaves a daemon
 * behind and cannot have a keyring on it anyway. */
gboolean
rd_keyring_has_bus (void)
{
  g_autofree char *socket = NULL;

  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL)
    return TRUE;

  socket = g_build_filename (g_get_user_runtime_dir (), "bus", NULL);
  return g_file_test (socket, G_FILE_TEST_EXISTS);
}

/* Our own answer (no bus), told from libsecret's, which are GTasks too. */
static gboolean
is_ours (GAsyncResult *result,
         gpointer      source_tag)
{
  return G_IS_TASK (result) && g_task_get_source_tag (G_TASK (result)) == source_tag;
}

static gboolean
no_bus (gpointer             source_tag,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  if (rd_keyring_has_bus ())
    return FALSE;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("No keyring is available"));
  return TRUE;
}

void
rd_keyring_store_async (const char          *base_url,
                        const char          *label,
                        const char          *key,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (base_url != NULL);
  g_return_if_fail (key != NULL);

  if (no_bus (rd_keyring_store_async, cancellable, callback, user_data))
    return;

  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, key,
                         cancellable, callback, user_data,
                         "base-url", base_url,
                         NULL);
}

gboolean
rd_keyring_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  if (is_ours (result, rd_keyring_store_async))
    return g_task_propagate_boolean (G_TASK (result), error);
  return secret_password_store_finish (result, error);
}

void
rd_keyring_lookup_async (const char          *base_url,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (base_url != NULL);

  if (no_bus (rd_keyring_lookup_async, cancellable, callback, user_data))
    return;

  secret_password_lookup (get_schema (), cancellable, callback, user_data,
                          "base-url", base_url,
                          NULL);
}

/* Returns: (transfer full) (nullable): the key, or %NULL with no error
 * when the keyring has none for the base URL */
char *
rd_keyring_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  char *secret;
  char *key;

  if (is_ours (result, rd_keyring_lookup_async))
    return g_task_propagate_pointer (G_TASK (result), error);

  secret = secret_password_lookup_finish (result, error);
  if (secret == NULL)
    return NULL;

  /* Out of libsecret's non-pageable memory, into the client's. */
  key = g_strstrip (g_strdup (secret));
  secret_password_free (secret);

  return key;
}

void
rd_keyring_clear_async (const char          *base_url,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (base_url != NULL);

  if (no_bus (rd_keyring_clear_async, cancellable, callback, user_data))
    return;

  secret_password_clear (get_schema (), cancellable, callback, user_data,
                         "base-url", base_url,
                         NULL);
}

/* Returns: %TRUE when an item was removed, %FALSE with no error when
 * there was none */
gboolean
rd_keyring_clear_finish (GAsyncResult  *result,
                         GError       **error)
{
  if (is_ours (result, rd_keyring_clear_async))
    return g_task_propagate_boolean (G_TASK (result), error);
  return secret_password_clear_finish (result, error);
}
