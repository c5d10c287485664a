/* rd-account.h
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

#include <rivya.h>

G_BEGIN_DECLS

#define RD_TYPE_ACCOUNT (rd_account_get_type ())

G_DECLARE_FINAL_TYPE (RdAccount, rd_account, RD, ACCOUNT, GObject)

RdAccount   *rd_account_new           (const char  *name,
                                       const char  *base_url);
const char  *rd_account_get_name      (RdAccount   *self);
const char  *rd_account_get_base_url  (RdAccount   *self);
char        *rd_account_normalize_url (const char  *url,
                                       GError     **error);
RivyaClient *rd_account_new_client    (const char  *base_url,
                                       const char  *key);

G_END_DECLS
