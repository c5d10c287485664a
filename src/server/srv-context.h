/* srv-context.h
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

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "srv-error.h"
#include "srv-store.h"

G_BEGIN_DECLS

typedef struct _SrvServer  SrvServer;
typedef struct _SrvRoute   SrvRoute;
typedef struct _SrvUpload  SrvUpload;
typedef struct _SrvContext SrvContext;

#define SRV_MAX_PATH_ARGS 2

/* Everything the server knows about one request, from its headers to
 * its answer. It lives exactly as long as the SoupServerMessage. */
struct _SrvContext
{
  SrvServer            *server;        /* borrowed */
  SoupServerMessage    *msg;           /* borrowed: the context is its data */
  char                 *request_id;

  const SrvRoute       *route;         /* NULL when nothing matched */
  gboolean              method_allowed;
  char                 *args[SRV_MAX_PATH_ARGS];

  /* The body, never more than body_limit bytes in memory. */
  GByteArray           *body;
  gsize                 body_limit;
  guint64               body_length;
  gboolean              body_too_large;
  GChecksum            *body_hash;
  SrvUpload            *upload;

  SrvKeyInfo           *key;

  char                 *idempotency_key;
  gboolean              idempotency_claimed;
  SrvIdempotencyRecord *idempotency_existing;

  guint                 answered : 1;
  guint                 paused : 1;
};

SrvContext *srv_context_get              (SoupServerMessage *msg);
SrvContext *srv_context_new              (SrvServer         *server,
                                          SoupServerMessage *msg);
SrvStore   *srv_context_get_store        (SrvContext        *ctx);
char       *srv_context_base_url         (SrvContext        *ctx);
JsonNode   *srv_context_parse_json_body  (SrvContext        *ctx);
void        srv_context_reply_json       (SrvContext        *ctx,
                                          guint              status,
                                          JsonNode          *node);
void        srv_context_reply_builder    (SrvContext        *ctx,
                                          guint              status,
                                          JsonBuilder       *builder);
void        srv_context_reply_error      (SrvContext        *ctx,
                                          SrvErrorCode       code,
                                          const char        *param,
                                          const char        *format,
                                          ...) G_GNUC_PRINTF (4, 5);
void        srv_context_reply_raw        (SrvContext        *ctx,
                                          guint              status,
                                          const char        *content_type,
                                          GBytes            *body);
void        srv_context_reply_internal   (SrvContext        *ctx,
                                          const GError      *error);
void        srv_context_pause            (SrvContext        *ctx);
void        srv_context_unpause          (SrvContext        *ctx);

G_END_DECLS
