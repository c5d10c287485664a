/* fuzz-json.c
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

/* librivya's object parsers read what a server sent. The first byte
 * picks the parser, the rest is the JSON document, read the way the
 * client reads a response body (_rivya_json_parse_object()).
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rivya.h"
#include "rivya-error-private.h"
#include "rivya-json-private.h"
#include "rivya-page-private.h"

#include "fuzz-common.h"

typedef gpointer (*ParseFunc) (JsonObject  *object,
                               GError     **error);

static gpointer
parse_error (JsonObject  *object,
             GError     **error)
{
  g_autoptr(GError) e = _rivya_error_new_from_json (object, 400, "req_fuzz", 0);

  /* Not an object: returned as a GError only, checked for sanity here. */
  g_assert (e != NULL && e->message != NULL);
  return NULL;
}

#define PAGE_PARSER(fname, type, item_func)                                   \
  static gpointer                                                             \
  fname (JsonObject  *object,                                                 \
         GError     **error)                                                  \
  {                                                                           \
    return _rivya_page_new_from_json (object, "fuzz list", type,              \
                                      (RivyaJsonObjectFunc)item_func, error); \
  }

PAGE_PARSER (parse_session_page, RIVYA_TYPE_CHAT_SESSION, rivya_chat_session_new_from_json)
PAGE_PARSER (parse_endpoint_page, RIVYA_TYPE_WEBHOOK_ENDPOINT, rivya_webhook_endpoint_new_from_json)
PAGE_PARSER (parse_delivery_page, RIVYA_TYPE_WEBHOOK_DELIVERY, rivya_webhook_delivery_new_from_json)
PAGE_PARSER (parse_event_page, RIVYA_TYPE_WEBHOOK_EVENT, rivya_webhook_event_new_from_json)

static const ParseFunc parsers[] = {
  (ParseFunc)rivya_model_new_from_json,
  (ParseFunc)rivya_model_param_new_from_json,
  (ParseFunc)rivya_model_notice_new_from_json,
  (ParseFunc)rivya_reference_media_new_from_json,
  (ParseFunc)rivya_generation_new_from_json,
  (ParseFunc)rivya_file_new_from_json,
  (ParseFunc)rivya_credits_new_from_json,
  (ParseFunc)rivya_chat_session_new_from_json,
  (ParseFunc)rivya_chat_completion_new_from_json,
  (ParseFunc)rivya_chat_message_new_from_json,
  (ParseFunc)rivya_chat_capabilities_new_from_json,
  (ParseFunc)rivya_webhook_endpoint_new_from_json,
  (ParseFunc)rivya_webhook_delivery_new_from_json,
  (ParseFunc)rivya_webhook_event_new_from_json,
  parse_session_page,
  parse_endpoint_page,
  parse_delivery_page,
  parse_event_page,
  parse_error,
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  gpointer result;
  ParseFunc parse;

  if (size < 1)
    return 0;
  parse = parsers[data[0] % G_N_ELEMENTS (parsers)];
  bytes = g_bytes_new (data + 1, size - 1);

  object = _rivya_json_parse_object (bytes, "fuzz input", &error);
  if (object == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  result = parse (object, &error);
  /* Exactly one of the two, always. */
  if (parse != parse_error)
    g_assert ((result == NULL) != (error == NULL));
  g_clear_object (&result);
  return 0;
}
