/* srv-server-private.h
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

#include "srv-context.h"
#include "srv-jobs.h"
#include "srv-server.h"

G_BEGIN_DECLS

typedef void (*SrvRouteHandler) (SrvContext *ctx);

typedef enum
{
  SRV_ROUTE_PUBLIC    = 1 << 0, /* no key needed */
  SRV_ROUTE_UPLOAD    = 1 << 1, /* multipart, streamed to disk */
} SrvRouteFlags;

struct _SrvRoute
{
  const char      *method;
  const char      *pattern;     /* "{x}" matches one path segment */
  const char      *scope;
  SrvRouteHandler  handler;
  SrvRouteFlags    flags;
  gsize            body_limit;
};

SrvStore   *_srv_server_get_store  (SrvServer       *self);
SrvJobs    *_srv_server_get_jobs   (SrvServer       *self);
const SrvServerOptions *_srv_server_get_options (SrvServer *self);
char       *_srv_route_allow       (const SrvRoute  *route);

/* Route handlers, one file each. */
void srv_route_models_list        (SrvContext *ctx);
void srv_route_openapi            (SrvContext *ctx);
void srv_route_generations_create (SrvContext *ctx);
void srv_route_generations_get    (SrvContext *ctx);
void srv_route_files_create       (SrvContext *ctx);
void srv_route_files_get          (SrvContext *ctx);
void srv_route_credits_get        (SrvContext *ctx);
void srv_route_media_get          (SrvContext *ctx);
void srv_route_chat_completions_create (SrvContext *ctx);
void srv_route_chat_completions_stream (SrvContext *ctx);
void srv_route_chat_sessions_list      (SrvContext *ctx);
void srv_route_chat_sessions_get       (SrvContext *ctx);
void srv_route_webhooks_create        (SrvContext *ctx);
void srv_route_webhooks_list          (SrvContext *ctx);
void srv_route_webhooks_get           (SrvContext *ctx);
void srv_route_webhooks_update        (SrvContext *ctx);
void srv_route_webhooks_delete        (SrvContext *ctx);
void srv_route_webhooks_rotate_secret (SrvContext *ctx);
void srv_route_webhooks_test          (SrvContext *ctx);
void srv_route_webhooks_deliveries    (SrvContext *ctx);
void srv_route_webhook_events_list    (SrvContext *ctx);

G_END_DECLS
