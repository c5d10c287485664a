/* rd-keyring.h
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

G_BEGIN_DECLS

gboolean  rd_keyring_has_bus       (void);
void      rd_keyring_store_async   (const char           *base_url,
                                    const char           *label,
                                    const char           *key,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  rd_keyring_store_finish  (GAsyncResult         *result,
                                    GError              **error);
void      rd_keyring_lookup_async  (const char           *base_url,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
char     *rd_keyring_lookup_finish (GAsyncResult         *result,
                                    GError              **error);
void      rd_keyring_clear_async   (const char           *base_url,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  rd_keyring_clear_finish  (GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
