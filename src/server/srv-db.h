/* srv-db.h
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
#include <sqlite3.h>

G_BEGIN_DECLS

/* A thin layer over SQLite that turns its errors into GErrors, as
 * Epiphany's EphySQLiteConnection does. The server uses one connection,
 * on its main thread only; admin commands open their own.
 */

#define SRV_DB_ERROR (srv_db_error_quark ())

#define SRV_TYPE_DB (srv_db_get_type ())
G_DECLARE_FINAL_TYPE (SrvDb, srv_db, SRV, DB, GObject)

typedef struct _SrvStmt SrvStmt;

/* Makes one item from the current row of a statement. */
typedef gpointer (*SrvRowFunc) (SrvStmt *stmt);

GQuark        srv_db_error_quark    (void);
SrvDb        *srv_db_open           (const char   *path,
                                     GError      **error);
gboolean      srv_db_exec           (SrvDb        *self,
                                     const char   *sql,
                                     GError      **error);
gboolean      srv_db_begin          (SrvDb        *self,
                                     GError      **error);
gboolean      srv_db_commit         (SrvDb        *self,
                                     GError      **error);
void          srv_db_rollback       (SrvDb        *self);
int           srv_db_get_user_version (SrvDb      *self);
gint64        srv_db_changes        (SrvDb        *self);

SrvStmt      *srv_db_prepare        (SrvDb        *self,
                                     const char   *sql,
                                     GError      **error);
void          srv_stmt_free         (SrvStmt      *stmt);
void          srv_stmt_bind_text    (SrvStmt      *stmt,
                                     int           index,
                                     const char   *value);
void          srv_stmt_bind_int64   (SrvStmt      *stmt,
                                     int           index,
                                     gint64        value);
void          srv_stmt_bind_double  (SrvStmt      *stmt,
                                     int           index,
                                     double        value);
void          srv_stmt_bind_blob    (SrvStmt      *stmt,
                                     int           index,
                                     const void   *data,
                                     gsize         len);
void          srv_stmt_bind_null    (SrvStmt      *stmt,
                                     int           index);
gboolean      srv_stmt_next         (SrvStmt      *stmt,
                                     GError      **error);
gboolean      srv_stmt_run          (SrvStmt      *stmt,
                                     GError      **error);
const char   *srv_stmt_get_text     (SrvStmt      *stmt,
                                     int           column);
char         *srv_stmt_dup_text     (SrvStmt      *stmt,
                                     int           column);
gint64        srv_stmt_get_int64    (SrvStmt      *stmt,
                                     int           column);
double        srv_stmt_get_double   (SrvStmt      *stmt,
                                     int           column);
gboolean      srv_stmt_is_null      (SrvStmt      *stmt,
                                     int           column);
GBytes       *srv_stmt_get_bytes    (SrvStmt      *stmt,
                                     int           column);
gpointer      srv_stmt_dup_first_text (SrvStmt    *stmt);
GPtrArray    *srv_stmt_collect      (SrvStmt      *stmt,
                                     SrvRowFunc    func,
                                     GDestroyNotify free_func,
                                     GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvStmt, srv_stmt_free)

G_END_DECLS
