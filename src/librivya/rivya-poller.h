/* rivya-poller.h
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(RIVYA_INSIDE) && !defined(RIVYA_COMPILATION)
# error "Only <rivya.h> can be included directly."
#endif

#include <gio/gio.h>

#include "rivya-types.h"

G_BEGIN_DECLS

#define RIVYA_TYPE_POLLER (rivya_poller_get_type ())

RIVYA_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (RivyaPoller, rivya_poller, RIVYA, POLLER, GObject)

RIVYA_AVAILABLE_IN_ALL
RivyaPoller     *rivya_poller_new                 (RivyaClient     *client);
RIVYA_AVAILABLE_IN_ALL
RivyaClient     *rivya_poller_get_client          (RivyaPoller     *self);
RIVYA_AVAILABLE_IN_ALL
void             rivya_poller_add                 (RivyaPoller     *self,
                                                   const char      *task_id,
                                                   const char      *category);
RIVYA_AVAILABLE_IN_ALL
void             rivya_poller_remove              (RivyaPoller     *self,
                                                   const char      *task_id);
RIVYA_AVAILABLE_IN_ALL
gboolean         rivya_poller_contains            (RivyaPoller     *self,
                                                   const char      *task_id);
RIVYA_AVAILABLE_IN_ALL
guint            rivya_poller_get_n_items         (RivyaPoller     *self);
RIVYA_AVAILABLE_IN_ALL
void             rivya_poller_poll_now            (RivyaPoller     *self,
                                                   const char      *task_id);
RIVYA_AVAILABLE_IN_ALL
double           rivya_poller_get_time_scale      (RivyaPoller     *self);
RIVYA_AVAILABLE_IN_ALL
void             rivya_poller_set_time_scale      (RivyaPoller     *self,
                                                   double           time_scale);
RIVYA_AVAILABLE_IN_ALL
guint            rivya_poller_get_max_in_flight   (RivyaPoller     *self);
RIVYA_AVAILABLE_IN_ALL
void             rivya_poller_set_max_in_flight   (RivyaPoller     *self,
                                                   guint            max_in_flight);
RIVYA_AVAILABLE_IN_ALL
GNetworkMonitor *rivya_poller_get_network_monitor (RivyaPoller     *self);
RIVYA_AVAILABLE_IN_ALL
void             rivya_poller_set_network_monitor (RivyaPoller     *self,
                                                   GNetworkMonitor *monitor);
RIVYA_AVAILABLE_IN_ALL
gboolean         rivya_poller_get_paused          (RivyaPoller     *self);
RIVYA_AVAILABLE_IN_ALL
guint64          rivya_poller_get_requests_sent   (RivyaPoller     *self);
RIVYA_AVAILABLE_IN_ALL
guint64          rivya_poller_get_wakeups         (RivyaPoller     *self);

G_END_DECLS
