/* rivya-cli-json.h
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

typedef JsonNode *(*RivyaCliJsonFunc) (gpointer item);

/* librivya's objects do not keep the JSON they were read from, so
 * --json writes them back with the contract's field names (A.4-B.12);
 * fields newer than librivya are not shown. */
JsonNode *rivya_cli_json_from_model      (RivyaModel           *model);
JsonNode *rivya_cli_json_from_generation (RivyaGeneration      *generation);
JsonNode *rivya_cli_json_from_file       (RivyaFile            *file);
JsonNode *rivya_cli_json_from_credits    (RivyaCredits         *credits);
JsonNode *rivya_cli_json_from_endpoint   (RivyaWebhookEndpoint *endpoint);
JsonNode *rivya_cli_json_from_delivery   (RivyaWebhookDelivery *delivery);
JsonNode *rivya_cli_json_from_completion (RivyaChatCompletion  *completion);
JsonNode *rivya_cli_json_list            (GListModel           *items,
                                          RivyaCliJsonFunc      to_json,
                                          RivyaPage            *page);

G_END_DECLS
