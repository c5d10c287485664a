/* srv-store.h
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

#include "srv-db.h"

G_BEGIN_DECLS

/* The server's durable state: accounts, keys, the credits ledger, jobs,
 * files, media blobs and idempotency records, in one SQLite database in
 * WAL mode under the data directory. Writes that belong together run in
 * one transaction, so the balance always equals the sum of the ledger.
 */

#define SRV_STORE_ERROR (srv_store_error_quark ())

typedef enum
{
  SRV_STORE_ERROR_NOT_FOUND,
  SRV_STORE_ERROR_EXISTS,
  SRV_STORE_ERROR_INSUFFICIENT_CREDITS,
  SRV_STORE_ERROR_INVALID,
  SRV_STORE_ERROR_CONFLICT,
} SrvStoreError;

#define SRV_FILE_LIFETIME_MS   (7 * G_GINT64_CONSTANT (86400000))
#define SRV_RESULT_LIFETIME_MS (30 * G_GINT64_CONSTANT (86400000))
#define SRV_IDEMPOTENCY_MS     (G_GINT64_CONSTANT (86400000))

typedef struct
{
  gint64   id;
  gint64   account_id;
  char    *account_name;
  char    *prefix;
  char   **scopes;
  gint64   created_at;
  gint64   expires_at;  /* 0: never */
  gint64   revoked_at;  /* 0: not revoked */
} SrvKeyInfo;

typedef struct
{
  char    *id;
  gint64   account_id;
  char    *model;
  char    *mode;
  char    *prompt;
  char    *params;        /* JSON object text, defaults filled in */
  char    *references;    /* JSON array text of resolved references */
  char    *status;        /* queued, processing, succeeded, failed */
  gint64   reserved_credits;
  gint64   final_credits; /* -1: not settled yet */
  char    *result;        /* JSON array text of "token.ext", or NULL */
  char    *error_code;
  char    *error_message;
  char    *client_request_id;
  gint64   created_at;
  gint64   updated_at;
} SrvGeneration;

typedef struct
{
  char    *id;
  gint64   account_id;
  char    *kind;
  char    *name;
  char    *mime_type;
  gint64   size_bytes;
  char    *token;
  char    *extension;
  double   duration_seconds; /* < 0: none */
  char    *model;
  char    *client_request_id;
  gint64   created_at;
  gint64   expires_at;
} SrvFileRecord;

typedef struct
{
  char    *token;
  char    *path;
  char    *mime_type;
  char    *filename;
  gint64   size;
  gint64   expires_at;
} SrvBlob;

typedef struct
{
  char    *route;
  char    *body_hash;   /* NULL while the first request still runs */
  guint    status;      /* 0 while the first request still runs */
  char    *content_type;
  GBytes  *body;
} SrvIdempotencyRecord;

#define SRV_TYPE_STORE (srv_store_get_type ())
G_DECLARE_FINAL_TYPE (SrvStore, srv_store, SRV, STORE, GObject)

GQuark          srv_store_error_quark        (void);
SrvStore       *srv_store_open               (const char            *data_dir,
                                              GError               **error);
SrvDb          *srv_store_get_db             (SrvStore              *self);
const char     *srv_store_get_data_dir       (SrvStore              *self);
char           *srv_store_build_path         (SrvStore              *self,
                                              const char            *first,
                                              ...) G_GNUC_NULL_TERMINATED;
const char     *srv_store_get_secret         (SrvStore              *self);

/* Accounts, keys and credits (srv-store.c) */
gint64          srv_store_create_account     (SrvStore              *self,
                                              const char            *name,
                                              GError               **error);
gint64          srv_store_find_account       (SrvStore              *self,
                                              const char            *name,
                                              GError               **error);
GPtrArray      *srv_store_list_accounts      (SrvStore              *self,
                                              GError               **error);
char           *srv_store_create_key         (SrvStore              *self,
                                              gint64                 account_id,
                                              const char * const    *scopes,
                                              gint64                 expires_at,
                                              GError               **error);
SrvKeyInfo     *srv_store_lookup_key         (SrvStore              *self,
                                              const char            *key,
                                              GError               **error);
GPtrArray      *srv_store_list_keys          (SrvStore              *self,
                                              gint64                 account_id,
                                              GError               **error);
gboolean        srv_store_revoke_key         (SrvStore              *self,
                                              const char            *prefix,
                                              GError               **error);
gboolean        srv_store_grant_credits      (SrvStore              *self,
                                              gint64                 account_id,
                                              gint64                 amount,
                                              GError               **error);
gboolean        srv_store_get_balance        (SrvStore              *self,
                                              gint64                 account_id,
                                              gint64                *balance,
                                              gint64                *ledger_sum,
                                              GError               **error);

/* Generations (srv-store-jobs.c) */
gboolean        srv_store_insert_generation  (SrvStore              *self,
                                              SrvGeneration         *generation,
                                              GError               **error);
SrvGeneration  *srv_store_get_generation     (SrvStore              *self,
                                              const char            *id,
                                              gint64                 account_id,
                                              GError               **error);
gboolean        srv_store_mark_processing    (SrvStore              *self,
                                              const char            *id,
                                              GError               **error);
gboolean        srv_store_finish_success     (SrvStore              *self,
                                              const char            *id,
                                              const char            *path,
                                              const char            *mime_type,
                                              const char            *extension,
                                              GError               **error);
gboolean        srv_store_finish_failure     (SrvStore              *self,
                                              const char            *id,
                                              const char            *message,
                                              GError               **error);
guint           srv_store_fail_unfinished    (SrvStore              *self,
                                              const char            *message,
                                              GError               **error);

/* Files, blobs and idempotency (srv-store-files.c) */
gboolean        srv_store_insert_file        (SrvStore              *self,
                                              SrvFileRecord         *file,
                                              const char            *path,
                                              GError               **error);
SrvFileRecord  *srv_store_get_file           (SrvStore              *self,
                                              const char            *id,
                                              gint64                 account_id,
                                              GError               **error);
SrvFileRecord  *srv_store_get_file_by_token  (SrvStore              *self,
                                              const char            *token,
                                              gint64                 account_id,
                                              GError               **error);
SrvBlob        *srv_store_get_blob           (SrvStore              *self,
                                              const char            *token,
                                              GError               **error);
guint           srv_store_purge_expired      (SrvStore              *self,
                                              GError               **error);
gboolean        srv_store_idempotency_claim  (SrvStore              *self,
                                              gint64                 account_id,
                                              const char            *key,
                                              const char            *route,
                                              SrvIdempotencyRecord **existing,
                                              GError               **error);
gboolean        srv_store_idempotency_complete (SrvStore            *self,
                                              gint64                 account_id,
                                              const char            *key,
                                              const char            *body_hash,
                                              guint                  status,
                                              const char            *content_type,
                                              GBytes                *body,
                                              GError               **error);
void            srv_store_idempotency_release (SrvStore             *self,
                                              gint64                 account_id,
                                              const char            *key);

void            srv_key_info_free            (SrvKeyInfo            *info);
void            srv_generation_free          (SrvGeneration         *generation);
void            srv_file_record_free         (SrvFileRecord         *file);
void            srv_blob_free                (SrvBlob               *blob);
void            srv_idempotency_record_free  (SrvIdempotencyRecord  *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvKeyInfo, srv_key_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvGeneration, srv_generation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvFileRecord, srv_file_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvBlob, srv_blob_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvIdempotencyRecord, srv_idempotency_record_free)

G_END_DECLS
