/* lib-test-utils.h
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

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rivya.h"
#include "srv-test-utils.h"

G_BEGIN_DECLS

/* Drives the async API from straight-line tests: the callback stores the
 * result, and lib_test_await() spins the main context until it came. */
static inline void
lib_test_store_result (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static inline GAsyncResult *
lib_test_await (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* A client for a test server: loopback, so no proxy (and no GSettings
 * lookup for one under isolated directories). */
static inline RivyaClient *
lib_test_client (SrvTestServer *srv,
                 const char    *key)
{
  RivyaClient *client = rivya_client_new (srv->url, key);

  rivya_client_set_proxy_resolver (client, NULL);
  return client;
}

static inline void
lib_test_count_request (RivyaClient *client,
                        const char  *method,
                        const char  *path,
                        guint        status,
                        const char  *request_id,
                        gint64       duration_us,
                        guint       *count)
{
  (*count)++;
}

/* Skips while a route of the server is still being written (it answers
 * 404 not_found for unknown paths). */
static inline gboolean
lib_test_route_missing (SrvTestServer *srv,
                        const char    *method,
                        const char    *path)
{
  g_autoptr(SrvTestResponse) resp = srv_test_call (srv, method, path, srv->key, NULL, NULL);

  if (resp->status == 404 && g_strcmp0 (srv_test_error_code (resp), "not_found") == 0)
    {
      g_autofree char *message = g_strdup_printf ("%s %s is not served yet", method, path);

      g_test_skip (message);
      return TRUE;
    }
  return FALSE;
}

static inline JsonObject *
lib_test_parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static inline void
lib_test_assert_strv (const char * const *strv,
                      const char         *joined)
{
  g_autofree char *got = NULL;

  g_assert_nonnull (strv);
  got = g_strjoinv ("|", (char **)strv);
  g_assert_cmpstr (got, ==, joined);
}

typedef gpointer (*LibTestParseFunc) (JsonObject *object, GError **error);

/* A payload that must be refused with a PARSE error naming @param. */
static inline void
lib_test_assert_parse_error (LibTestParseFunc  func,
                             const char       *json,
                             const char       *param)
{
  g_autoptr(JsonObject) object = lib_test_parse_object (json);
  g_autoptr(GError) error = NULL;
  gpointer result;

  result = func (object, &error);
  if (result != NULL)
    g_error ("%s was accepted", json);
  g_assert_error (error, RIVYA_ERROR, RIVYA_ERROR_PARSE);
  g_assert_cmpstr (rivya_error_get_param (error), ==, param);
  g_assert_cmpuint (rivya_error_get_http_status (error), ==, 0);
  g_assert_null (rivya_error_get_request_id (error));
}

G_END_DECLS
