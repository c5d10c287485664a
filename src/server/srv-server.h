/* srv-server.h
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

#include "srv-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint     workers;          /* generator threads */
  guint     rate_per_minute;  /* per key (B.4) */
  guint     rate_burst;
  guint     job_latency_ms;   /* extra time a job spends queued, to mimic a cloud service */
  guint       chat_word_delay_ms;     /* local-chat's pace when streaming, per word */
  guint       chat_ping_interval_ms;  /* ": ping" after this much silence in a chat stream */
  const char *chat_upstream;          /* OpenAI-compatible base URL for local-chat, or NULL */
  const char *chat_upstream_model;    /* the model name sent to it */
  gboolean    allow_insecure_webhooks; /* development: http and loopback webhook targets */
  double      webhook_retry_scale;     /* multiplies the webhook retry delays (tests) */
} SrvServerOptions;

#define SRV_TYPE_SERVER (srv_server_get_type ())
G_DECLARE_FINAL_TYPE (SrvServer, srv_server, SRV, SERVER, GObject)

void        srv_server_options_init  (SrvServerOptions        *options);
SrvServer  *srv_server_new           (SrvStore                *store,
                                      const SrvServerOptions  *options,
                                      GError                 **error);
char       *srv_server_listen        (SrvServer               *self,
                                      const char              *address,
                                      GError                 **error);
void        srv_server_shutdown      (SrvServer               *self);

typedef struct
{
  const char *method;
  const char *pattern;
  const char *scope;
} SrvRouteInfo;

/* What the server serves, for the OpenAPI document's consistency test. */
SrvRouteInfo *srv_server_list_routes (guint                   *n_routes);

G_END_DECLS
