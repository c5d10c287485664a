/* rd-session.c
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

#define G_LOG_DOMAIN "rd-session"

#include "config.h"

#include "rd-session.h"

#include <glib/gi18n.h>

/* The app's connection to a Rivya server: the local server run by the
 * supervisor ("This computer", no account), or a Rivya account of the
 * accounts store. Switching builds a new client rather than mutating
 * the old one, and everything that talks to the server asks for it
 * again on notify::client.
 *
 * The local server is not stopped when a remote account becomes active.
 * A person who switches accounts expects what they started here to go
 * on: generations already running on the local server finish there, and
 * switching back is instant, with the job list following those jobs
 * again. It costs one idle process, stopped at quit as always. When the
 * app starts with a remote account active it is not started at all
 * (rd-application.c): it starts the first time "This computer" is
 * chosen, or when the account's key cannot be found. */
struct _RdSession
{
  GObject             parent_instance;

  RdServerSupervisor *supervisor;
  RdAccountStore     *accounts;
  RdAccount          *account;      /* NULL: the local server */
  RivyaClient        *client;
  GCancellable       *balance_cancellable;
  GCancellable       *switch_cancellable;
  char               *account_name;
  gint64              balance;
};

G_DEFINE_FINAL_TYPE (RdSession, rd_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BASE_URL,
  PROP_ACCOUNT_NAME,
  PROP_BALANCE,
  PROP_READY,
  PROP_ACCOUNT,
  N_PROPS
};

enum {
  BALANCE_ERROR,
  ACCOUNT_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_balance (RdSession *self,
             gint64     balance)
{
  if (self->balance == balance)
    return;

  self->balance = balance;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE]);
}

static void
set_client (RdSession   *self,
            RivyaClient *client)
{
  gboolean was_ready = self->client != NULL;

  if (self->client == client)
    return;

  g_cancellable_cancel (self->balance_cancellable);
  g_clear_object (&self->balance_cancellable);
  g_set_object (&self->client, client);

  g_object_freeze_notify (G_OBJECT (self));
  set_balance (self, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
  if (was_ready != (client != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* A restarted server has a new port and key: a new client then, so that
 * nothing keeps talking to the old address. */
static void
sync_supervisor (RdSession *self)
{
  const char *url = NULL;
  const char *key = NULL;

  /* A remote account is active: the local server's comings and goings
   * are not the session's business until it is chosen again. */
  if (self->account != NULL)
    return;

  if (self->supervisor != NULL &&
      rd_server_supervisor_get_state (self->supervisor) == RD_SERVER_STATE_RUNNING)
    {
      url = rd_server_supervisor_get_url (self->supervisor);
      key = rd_server_supervisor_get_api_key (self->supervisor);
    }

  if (url == NULL)
    {
      set_client (self, NULL);
      return;
    }

  if (self->client == NULL ||
      g_strcmp0 (rivya_client_get_base_url (self->client), url) != 0 ||
      g_strcmp0 (rivya_client_get_api_key (self->client), key) != 0)
    {
      g_autoptr(RivyaClient) client = rd_account_new_client (url, key);

      set_client (self, client);
    }

  rd_session_refresh_balance (self);
}

static void
balance_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RdSession) self = user_data;
  g_autoptr(RivyaCredits) credits = NULL;
  g_autoptr(GError) error = NULL;

  credits = rivya_client_get_credits_finish (RIVYA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* An answer from a client that was replaced meanwhile is stale. */
  if (RIVYA_CLIENT (object) != self->client)
    return;

  if (error != NULL)
    {
      set_balance (self, -1);
      g_signal_emit (self, signals[BALANCE_ERROR], 0, error->message);
      return;
    }

  set_balance (self, rivya_credits_get_current_credits (credits));
}

static void
rd_session_dispose (GObject *object)
{
  RdSession *self = RD_SESSION (object);

  g_cancellable_cancel (self->balance_cancellable);
  g_clear_object (&self->balance_cancellable);
  g_cancellable_cancel (self->switch_cancellable);
  g_clear_object (&self->switch_cancellable);
  if (self->supervisor != NULL)
    g_signal_handlers_disconnect_by_data (self->supervisor, self);
  g_clear_object (&self->supervisor);
  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);
  g_clear_object (&self->account);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rd_session_parent_class)->dispose (object);
}

static void
rd_session_finalize (GObject *object)
{
  RdSession *self = RD_SESSION (object);

  g_clear_pointer (&self->account_name, g_free);

  G_OBJECT_CLASS (rd_session_parent_class)->finalize (object);
}

static void
rd_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RdSession *self = RD_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, rd_session_get_base_url (self));
      break;

    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;

    case PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;

    case PROP_READY:
      g_value_set_boolean (value, rd_session_get_ready (self));
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_session_class_init (RdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_session_dispose;
  object_class->finalize = rd_session_finalize;
  object_class->get_property = rd_session_get_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, RIVYA_TYPE_CLIENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACCOUNT_NAME] =
    g_param_spec_string ("account-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The Rivya account in use, NULL for the local server. */
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, RD_TYPE_ACCOUNT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The balance could not be read: the message says why, in words. */
  signals[BALANCE_ERROR] =
    g_signal_new ("balance-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* The saved account could not be used at start and the session went
   * back to the local server: the message says why, in words. */
  signals[ACCOUNT_ERROR] =
    g_signal_new ("account-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rd_session_init (RdSession *self)
{
  self->balance = -1;
  self->account_name = g_strdup (_("Local server"));
}

RdSession *
rd_session_new (void)
{
  return g_object_new (RD_TYPE_SESSION, NULL);
}

/* Gives the session @supervisor's local server: a client while it runs,
 * none when it does not, whenever no Rivya account is in use (see
 * rd_session_switch_async() for those). */
void
rd_session_use_local (RdSession          *self,
                      RdServerSupervisor *supervisor)
{
  g_return_if_fail (RD_IS_SESSION (self));
  g_return_if_fail (supervisor == NULL || RD_IS_SERVER_SUPERVISOR (supervisor));

  if (self->supervisor != NULL)
    g_signal_handlers_disconnect_by_data (self->supervisor, self);
  g_set_object (&self->supervisor, supervisor);

  if (supervisor != NULL)
    {
      g_signal_connect_swapped (supervisor, "notify::state", G_CALLBACK (sync_supervisor), self);
      g_signal_connect_swapped (supervisor, "notify::url", G_CALLBACK (sync_supervisor), self);
    }

  if (self->account == NULL)
    sync_supervisor (self);
}

/* Returns: (transfer none) (nullable): the client, NULL when not connected */
RivyaClient *
rd_session_get_client (RdSession *self)
{
  g_return_val_if_fail (RD_IS_SESSION (self), NULL);
  return self->client;
}

const char *
rd_session_get_base_url (RdSession *self)
{
  g_return_val_if_fail (RD_IS_SESSION (self), NULL);
  return self->client ? rivya_client_get_base_url (self->client) : NULL;
}

const char *
rd_session_get_account_name (RdSession *self)
{
  g_return_val_if_fail (RD_IS_SESSION (self), NULL);
  return self->account_name;
}

/* Returns: the balance in credits, or -1 while it is not known */
gint64
rd_session_get_balance (RdSession *self)
{
  g_return_val_if_fail (RD_IS_SESSION (self), -1);
  return self->balance;
}

gboolean
rd_session_get_ready (RdSession *self)
{
  g_return_val_if_fail (RD_IS_SESSION (self), FALSE);
  return self->client != NULL;
}

void
rd_session_refresh_balance (RdSession *self)
{
  g_return_if_fail (RD_IS_SESSION (self));

  g_cancellable_cancel (self->balance_cancellable);
  g_clear_object (&self->balance_cancellable);

  if (self->client == NULL)
    {
      set_balance (self, -1);
      return;
    }

  self->balance_cancellable = g_cancellable_new ();
  rivya_client_get_credits_async (self->client, self->balance_cancellable,
                                  balance_cb, g_object_ref (self));
}

static void
set_account (RdSession  *self,
             RdAccount  *account,
             const char *name)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_set_object (&self->account, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
  if (g_strcmp0 (self->account_name, name) != 0)
    {
      g_free (self->account_name);
      self->account_name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
use_local (RdSession *self)
{
  set_account (self, NULL, _("Local server"));
  sync_supervisor (self);

  /* Chosen again, the local server runs again. */
  if (self->supervisor != NULL &&
      (rd_server_supervisor_get_state (self->supervisor) == RD_SERVER_STATE_STOPPED ||
       rd_server_supervisor_get_state (self->supervisor) == RD_SERVER_STATE_FAILED))
    rd_server_supervisor_start (self->supervisor);
}

/* The account in use was removed (here or by another window): back to
 * the local server, which is always there. */
static void
accounts_changed_cb (RdSession *self)
{
  guint position;

  if (self->account == NULL)
    return;

  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); position++)
    {
      g_autoptr(RdAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), position);

      if (account == self->account)
        return;
    }

  g_cancellable_cancel (self->switch_cancellable);
  use_local (self);
}

/* Returns: (transfer none): the accounts set up in the app */
RdAccountStore *
rd_session_get_accounts (RdSession *self)
{
  g_return_val_if_fail (RD_IS_SESSION (self), NULL);

  /* Made on first use: a session for the local server alone never
   * needs the settings of accounts. */
  if (self->accounts == NULL)
    {
      self->accounts = rd_account_store_new ();
      g_signal_connect_swapped (self->accounts, "items-changed",
                                G_CALLBACK (accounts_changed_cb), self);
    }
  return self->accounts;
}

/* Returns: (transfer none) (nullable): the account in use, NULL for the
 * local server */
RdAccount *
rd_session_get_account (RdSession *self)
{
  g_return_val_if_fail (RD_IS_SESSION (self), NULL);
  return self->account;
}

static void
switch_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdSession *self = g_task_get_source_object (task);
  RdAccount *account = g_task_get_task_data (task);
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  key = rd_account_store_get_key_finish (RD_ACCOUNT_STORE (object), result, &error);
  if (key == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  client = rd_account_new_client (rd_account_get_base_url (account), key);
  set_account (self, account, rd_account_get_name (account));
  set_client (self, client);
  rd_account_store_set_active (self->accounts, account);
  rd_session_refresh_balance (self);

  g_task_return_boolean (task, TRUE);
}

static void
cancel_cb (GCancellable *cancellable,
           GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/* Makes @account the one in use, or the local server when it is NULL,
 * and remembers the choice for the next start. The key is read from
 * the keyring; when it cannot be, the session stays as it was. */
void
rd_session_switch_async (RdSession           *self,
                         RdAccount           *account,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RdAccountStore *accounts;

  g_return_if_fail (RD_IS_SESSION (self));
  g_return_if_fail (!account || RD_IS_ACCOUNT (account));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  accounts = rd_session_get_accounts (self);

  /* The last choice wins. */
  g_cancellable_cancel (self->switch_cancellable);
  g_clear_object (&self->switch_cancellable);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_session_switch_async);

  if (account == NULL)
    {
      rd_account_store_set_active (accounts, NULL);
      use_local (self);
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Ours, so that the next switch cancels this one and nothing of the
   * caller's; the caller's still cancels it. */
  self->switch_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    g_cancellable_connect (cancellable, G_CALLBACK (cancel_cb),
                           g_object_ref (self->switch_cancellable), g_object_unref);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);
  rd_account_store_get_key_async (accounts, account, self->switch_cancellable,
                                  switch_key_cb, g_steal_pointer (&task));
}

gboolean
rd_session_switch_finish (RdSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (RD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RdSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (rd_session_switch_finish (self, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The saved choice stays saved: the keyring may be there next time. */
  use_local (self);
  g_signal_emit (self, signals[ACCOUNT_ERROR], 0, error->message);
}

/* At start: uses the account chosen last time, if any. */
void
rd_session_restore (RdSession *self)
{
  RdAccount *active;

  g_return_if_fail (RD_IS_SESSION (self));

  active = rd_account_store_get_active (rd_session_get_accounts (self));
  if (active != NULL)
    rd_session_switch_async (self, active, NULL, restore_cb, g_object_ref (self));
}
