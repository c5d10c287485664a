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

/* The app's connection to a Rivya server: today the local server run by
 * the supervisor; accounts of the real service switch it later, which is
 * why the client is rebuilt rather than mutated and everything that talks
 * to the server asks for it again on notify::client. */
struct _RdSession
{
  GObject             parent_instance;

  RdServerSupervisor *supervisor;
  RivyaClient        *client;
  GCancellable       *balance_cancellable;
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
  N_PROPS
};

enum {
  BALANCE_ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

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
      g_autoptr(RivyaClient) client = rivya_client_new (url, key);

      /* The system proxy must not see requests to our own loopback server. */
      if (is_loopback_url (url))
        rivya_client_set_proxy_resolver (client, NULL);
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
  if (self->supervisor != NULL)
    g_signal_handlers_disconnect_by_data (self->supervisor, self);
  g_clear_object (&self->supervisor);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The balance could not be read: the message says why, in words. */
  signals[BALANCE_ERROR] =
    g_signal_new ("balance-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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

/* Follows @supervisor's local server: a client while it runs, none when
 * it does not. The account of the real service will get its own
 * rd_session_use_account(). */
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

  if (g_strcmp0 (self->account_name, _("Local server")) != 0)
    {
      g_free (self->account_name);
      self->account_name = g_strdup (_("Local server"));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
    }

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
