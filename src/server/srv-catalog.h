/* srv-catalog.h
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

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The models this server runs (Part C), as listed by GET /api/v1/models,
 * and the checks of a generation's params against a model's schema. The
 * catalog is data (models.json in the resources), loaded once.
 */

JsonArray   *srv_catalog_get_models        (void);
JsonObject  *srv_catalog_find              (const char   *model_id);
JsonObject  *srv_catalog_validate_params   (JsonObject   *model,
                                            JsonNode     *params,
                                            char        **bad_param,
                                            char        **message);
gint64       srv_catalog_max_reference_bytes (JsonObject *model,
                                            const char   *kind);
gboolean     srv_catalog_accepts_mime      (JsonObject   *model,
                                            const char   *kind,
                                            const char   *mime_type);

G_END_DECLS
