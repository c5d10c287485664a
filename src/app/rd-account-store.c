/* rd-account-store.c
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

#define G_LOG_DOMAIN "rd-account-store"

#include "config.h"

#include "rd-account-store.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-keyring.h"
#include "rd-util.h"

/* The Rivya accounts set up in the app, as a GListModel of RdAccount.
 * Names and base URLs are not secret and live in GSettings ("accounts",
 * "active-account"); each key lives only in the Secret Service. Where no
 * Secret Service answers, a key is held in this object's memory for the
 * session and never written anywhere: the person is told it will be
 * forgotten at quit (keyring-missing). */
struct _RdAccountStore
{
  GObject     parent_instance;

  GSettings  *settings;
  GPtrArray  *accounts;
  GHashTable *keys;       /* base URL → key: held for this session only */
  guint       keyring_missing : 1;
  guint       probing : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RdAccountStore, rd_account_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_KEYRING_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
free_key (gpointer key)
{
  /* Not left behind in freed memory. */
  if (key != NULL)
    explicit_bzero (key, strlen (key));
  g_free (key);
}

static GType
get_item_type (GListModel *model)
{
  return RD_TYPE_ACCOUNT;
}

static guint
get_n_items (GListModel *model)
{
  return RD_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RdAccountStore *self = RD_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
set_keyring_missing (RdAccountStore *self,
                     gboolean        missing)
{
  if (self->keyring_missing == !!missing)
    return;
  self->keyring_missing = !!missing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYRING_MISSING]);
}

/* Another store of the same settings (a second window, a test) may
 * change the list: follow it, keeping the objects that did not change. */
static void
load_accounts (RdAccountStore *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "accounts");
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  GVariantIter iter;
  const char *url, *name;
  guint removed = self->accounts->len;

  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s)", &url, &name))
    {
      RdAccount *old = rd_account_store_lookup (self, url);

      if (old != NULL && g_str_equal (rd_account_get_name (old), name))
        g_ptr_array_add (accounts, g_object_ref (old));
      else
        g_ptr_array_add (accounts, rd_account_new (name, url));
    }

  if (removed == accounts->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < removed; i++)
        same = g_ptr_array_index (accounts, i) == g_ptr_array_index (self->accounts, i);
      if (same)
        return;
    }

  g_ptr_array_unref (self->accounts);
  self->accounts = g_steal_pointer (&accounts);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->accounts->len);
}

static void
save_accounts (RdAccountStore *self)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; i < self->accounts->len; i++)
    {
      RdAccount *account = g_ptr_array_index (self->accounts, i);

      g_variant_builder_add (&builder, "(ss)",
                             rd_account_get_base_url (account), rd_account_get_name (account));
    }
  g_settings_set_value (self->settings, "accounts", g_variant_builder_end (&builder));
}

static void
active_changed_cb (RdAccountStore *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
rd_account_store_dispose (GObject *object)
{
  RdAccountStore *self = RD_ACCOUNT_STORE (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rd_account_store_parent_class)->dispose (object);
}

static void
rd_account_store_finalize (GObject *object)
{
  RdAccountStore *self = RD_ACCOUNT_STORE (object);

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);

  G_OBJECT_CLASS (rd_account_store_parent_class)->finalize (object);
}

static void
rd_account_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdAccountStore *self = RD_ACCOUNT_STORE (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_object (value, rd_account_store_get_active (self));
      break;

    case PROP_KEYRING_MISSING:
      g_value_set_boolean (value, self->keyring_missing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_account_store_class_init (RdAccountStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_account_store_dispose;
  object_class->finalize = rd_account_store_finalize;
  object_class->get_property = rd_account_store_get_property;

  /* The account the app uses; NULL for the local server. */
  properties[PROP_ACTIVE] =
    g_param_spec_object ("active", NULL, NULL, RD_TYPE_ACCOUNT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* No Secret Service answered: keys are held until the app quits. */
  properties[PROP_KEYRING_MISSING] =
    g_param_spec_boolean ("keyring-missing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_account_store_init (RdAccountStore *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_key);
  self->settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::accounts",
                           G_CALLBACK (load_accounts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::active-account",
                           G_CALLBACK (active_changed_cb), self, G_CONNECT_SWAPPED);
  load_accounts (self);
}

RdAccountStore *
rd_account_store_new (void)
{
  return g_object_new (RD_TYPE_ACCOUNT_STORE, NULL);
}

/* Returns: (transfer none) (nullable): the account of @base_url */
RdAccount *
rd_account_store_lookup (RdAccountStore *self,
                         const char     *base_url)
{
  g_return_val_if_fail (RD_IS_ACCOUNT_STORE (self), NULL);

  for (guint i = 0; base_url != NULL && i < self->accounts->len; i++)
    {
      RdAccount *account = g_ptr_array_index (self->accounts, i);

      if (g_str_equal (rd_account_get_base_url (account), base_url))
        return account;
    }
  return NULL;
}

/* Returns: (transfer none) (nullable): the active account, NULL for the
 * local server (also when the saved one is no longer in the list) */
RdAccount *
rd_account_store_get_active (RdAccountStore *self)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (RD_IS_ACCOUNT_STORE (self), NULL);

  url = g_settings_get_string (self->settings, "active-account");
  return rd_account_store_lookup (self, url);
}

void
rd_account_store_set_active (RdAccountStore *self,
                             RdAccount      *account)
{
  g_return_if_fail (RD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (!account || RD_IS_ACCOUNT (account));

  g_settings_set_string (self->settings, "active-account",
                         account ? rd_account_get_base_url (account) : "");
}

gboolean
rd_account_store_get_keyring_missing (RdAccountStore *self)
{
  g_return_val_if_fail (RD_IS_ACCOUNT_STORE (self), FALSE);
  return self->keyring_missing;
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(RdAccountStore) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = rd_keyring_lookup_finish (result, &error);

  self->probing = FALSE;
  if (error != NULL)
    g_debug ("No keyring: %s", error->message);
  set_keyring_missing (self, error != NULL);
}

/* Asks the Secret Service for nothing in particular, to tell people
 * before they type a key whether it can be remembered. */
void
rd_account_store_probe_keyring (RdAccountStore *self)
{
  g_return_if_fail (RD_IS_ACCOUNT_STORE (self));

  if (self->probing)
    return;
  self->probing = TRUE;
  rd_keyring_lookup_async ("", NULL, probe_cb, g_object_ref (self));
}

typedef struct
{
  char     *name;
  char     *base_url;
  char     *key;
  gboolean  remembered;
} AddData;

static void
add_data_free (AddData *data)
{
  g_free (data->name);
  g_free (data->base_url);
  free_key (data->key);
  g_free (data);
}

static void
add_finish_account (GTask *task)
{
  RdAccountStore *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  RdAccount *account;

  /* Checked again: another add may have finished meanwhile. */
  if (rd_account_store_lookup (self, data->base_url) == NULL)
    {
      g_ptr_array_add (self->accounts, rd_account_new (data->name, data->base_url));
      g_list_model_items_changed (G_LIST_MODEL (self), self->accounts->len - 1, 0, 1);
      save_accounts (self);
    }

  account = rd_account_store_lookup (self, data->base_url);
  g_task_return_pointer (task, g_object_ref (account), g_object_unref);
}

static void
add_store_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdAccountStore *self = g_task_get_source_object (task);
  AddData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!rd_keyring_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* Not the key: only why the keyring did not take it. */
      g_debug ("The keyring did not store the key: %s", error->message);
      set_keyring_missing (self, TRUE);
      data->remembered = FALSE;
    }
  else
    {
      set_keyring_missing (self, FALSE);
      data->remembered = TRUE;
    }

  g_hash_table_replace (self->keys, g_strdup (data->base_url), g_strdup (data->key));
  add_finish_account (task);
}

static void
add_credits_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  g_autoptr(RivyaCredits) credits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  credits = rivya_client_get_credits_finish (RIVYA_CLIENT (object), result, &error);
  if (credits == NULL)
    {
      const char *request_id = error->domain == RIVYA_ERROR ? rivya_error_get_request_id (error)
                                                            : NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (request_id != NULL)
        /* translators: %s are the server's message and the request id */
        g_task_return_new_error (task, error->domain, error->code,
                                 _("The server refused the key: %s (request %s)"),
                                 error->message, request_id);
      else
        g_task_return_new_error (task, error->domain, error->code,
                                 _("The key could not be checked: %s"), error->message);
      return;
    }

  /* translators: the label of the key in the keyring, %s is the server */
  label = g_strdup_printf (_("Rivya API key for %s"), data->base_url);
  rd_keyring_store_async (data->base_url, label, data->key,
                          g_task_get_cancellable (task), add_store_cb, g_object_ref (task));
}

/* Checks @key against @base_url's server (GET /api/v1/credits) and only
 * then keeps it: in the keyring, or in memory when there is none. */
void
rd_account_store_add_async (RdAccountStore      *self,
                            const char          *name,
                            const char          *base_url,
                            const char          *key,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *clean_key = NULL;
  AddData *data;

  g_return_if_fail (RD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_account_store_add_async);

  if (!(url = rd_account_normalize_url (base_url, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (rd_account_store_lookup (self, url) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("An account for %s is already set up: remove it first to change its key"),
                               url);
      return;
    }

  clean_key = g_strstrip (g_strdup (key ? key : ""));
  if (clean_key[0] == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Enter the API key of the account"));
      return;
    }

  data = g_new0 (AddData, 1);
  data->base_url = g_steal_pointer (&url);
  data->key = g_steal_pointer (&clean_key);
  data->name = g_strstrip (g_strdup (name ? name : ""));
  if (data->name[0] == '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (data->base_url, G_URI_FLAGS_NONE, NULL);

      g_free (data->name);
      data->name = g_strdup (g_uri_get_host (uri));
    }
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  client = rd_account_new_client (data->base_url, data->key);
  rivya_client_get_credits_async (client, cancellable, add_credits_cb, g_steal_pointer (&task));
}

/* Returns: (transfer full): the new account; @remembered tells whether
 * the keyring took the key (FALSE: held until the app quits) */
RdAccount *
rd_account_store_add_finish (RdAccountStore  *self,
                             GAsyncResult    *result,
                             gboolean        *remembered,
                             GError         **error)
{
  RdAccount *account;

  g_return_val_if_fail (RD_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  account = g_task_propagate_pointer (G_TASK (result), error);
  if (remembered != NULL)
    *remembered = account != NULL && ((AddData *) g_task_get_task_data (G_TASK (result)))->remembered;
  return account;
}

static void
remove_clear_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdAccountStore *self = g_task_get_source_object (task);
  RdAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint position;

  /* No keyring: nothing was kept in one, so nothing to clear there. */
  if (!rd_keyring_clear_finish (result, &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED) &&
      !g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN))
    {
      g_task_return_new_error (task, error->domain, error->code,
                               _("The key could not be removed from the keyring: %s"),
                               error->message);
      return;
    }

  g_hash_table_remove (self->keys, rd_account_get_base_url (account));
  if (rd_account_store_get_active (self) == account)
    rd_account_store_set_active (self, NULL);
  if (g_ptr_array_find (self->accounts, account, &position))
    {
      g_ptr_array_remove_index (self->accounts, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
      save_accounts (self);
    }
  g_task_return_boolean (task, TRUE);
}

/* Forgets @account and clears its key from the keyring. */
void
rd_account_store_remove_async (RdAccountStore      *self,
                               RdAccount           *account,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (RD_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_account_store_remove_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  rd_keyring_clear_async (rd_account_get_base_url (account), cancellable,
                          remove_clear_cb, g_steal_pointer (&task));
}

gboolean
rd_account_store_remove_finish (RdAccountStore  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (RD_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
get_key_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdAccountStore *self = g_task_get_source_object (task);
  RdAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = rd_keyring_lookup_finish (result, &error);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_keyring_missing (self, TRUE);
      g_task_return_new_error (task, error->domain, error->code,
                               _("The key of %s could not be read from the keyring: %s"),
                               rd_account_get_name (account), error->message);
      return;
    }

  set_keyring_missing (self, FALSE);
  if (key == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The keyring has no key for %s: remove the account and add it again"),
                               rd_account_get_name (account));
      return;
    }

  g_hash_table_replace (self->keys, g_strdup (rd_account_get_base_url (account)), g_strdup (key));
  g_task_return_pointer (task, g_steal_pointer (&key), free_key);
}

/* The key of @account: from memory when this session already has it,
 * else from the keyring. */
void
rd_account_store_get_key_async (RdAccountStore      *self,
                                RdAccount           *account,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  const char *key;

  g_return_if_fail (RD_IS_ACCOUNT_STORE (self));
  g_return_if_fail (RD_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_account_store_get_key_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  if ((key = g_hash_table_lookup (self->keys, rd_account_get_base_url (account))) != NULL)
    {
      g_task_return_pointer (task, g_strdup (key), free_key);
      return;
    }

  rd_keyring_lookup_async (rd_account_get_base_url (account), cancellable,
                           get_key_cb, g_steal_pointer (&task));
}

/* Returns: (transfer full): the key */
char *
rd_account_store_get_key_finish (RdAccountStore  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (RD_IS_ACCOUNT_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
