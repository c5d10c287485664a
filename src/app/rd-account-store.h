/* rd-account-store.h
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

#pragma once

#include <gio/gio.h>

#include "rd-account.h"

G_BEGIN_DECLS

#define RD_TYPE_ACCOUNT_STORE (rd_account_store_get_type ())

G_DECLARE_FINAL_TYPE (RdAccountStore, rd_account_store, RD, ACCOUNT_STORE, GObject)

RdAccountStore *rd_account_store_new                 (void);
RdAccount      *rd_account_store_lookup              (RdAccountStore       *self,
                                                      const char           *base_url);
RdAccount      *rd_account_store_get_active          (RdAccountStore       *self);
void            rd_account_store_set_active          (RdAccountStore       *self,
                                                      RdAccount            *account);
gboolean        rd_account_store_get_keyring_missing (RdAccountStore       *self);
void            rd_account_store_probe_keyring       (RdAccountStore       *self);
void            rd_account_store_add_async           (RdAccountStore       *self,
                                                      const char           *name,
                                                      const char           *base_url,
                                                      const char           *key,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
RdAccount      *rd_account_store_add_finish          (RdAccountStore       *self,
                                                      GAsyncResult         *result,
                                                      gboolean             *remembered,
                                                      GError              **error);
void            rd_account_store_remove_async        (RdAccountStore       *self,
                                                      RdAccount            *account,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean        rd_account_store_remove_finish       (RdAccountStore       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void            rd_account_store_get_key_async       (RdAccountStore       *self,
                                                      RdAccount            *account,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
char           *rd_account_store_get_key_finish      (RdAccountStore       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
