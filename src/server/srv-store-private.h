/* srv-store-private.h
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

#include "srv-store.h"

G_BEGIN_DECLS

struct _SrvStore
{
  GObject  parent_instance;
  SrvDb   *db;
  char    *data_dir;
  char    *secret;
};

gboolean _srv_store_ledger_add (SrvStore    *self,
                                gint64       account_id,
                                const char  *kind,
                                gint64       delta,
                                const char  *ref,
                                GError     **error);

/* B.5 paging over a table with an increasing `seq` column, newest
 * first. seq_sql maps (?1 after, ?2 scope) to the cursor's seq; rows_sql
 * takes (?1 scope, ?2 seq bound, ?3 limit + 1). An `after` that names no
 * row of the scope is SRV_STORE_ERROR_INVALID. */
GPtrArray *_srv_store_page      (SrvStore        *self,
                                 const char      *seq_sql,
                                 const char      *rows_sql,
                                 const char      *scope_text,
                                 gint64           scope_int,
                                 const char      *after,
                                 guint            limit,
                                 SrvRowFunc       func,
                                 GDestroyNotify   free_func,
                                 gboolean        *has_more,
                                 GError         **error);

G_END_DECLS
