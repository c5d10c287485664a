/* rivya-client-chat.c
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

#include "config.h"

#include "rivya-client.h"

#include "rivya-client-private.h"
#include "rivya-page-private.h"

/**
 * rivya_client_create_chat_completion_async:
 * @self: a #RivyaClient
 * @request: the chat turn
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the whole answer has arrived
 * @user_data: (closure): data for @callback
 *
 * Sends one chat turn and waits for the whole answer,
 * `POST /api/v1/chat/completions` (A.8). To show the answer as it is
 * written, use a #RivyaChatStream instead.
 */
void
rivya_client_create_chat_completion_async (RivyaClient         *self,
                                           RivyaChatRequest    *request,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (RIVYA_IS_CHAT_REQUEST (request));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  body = rivya_chat_request_to_json (request);
  _rivya_client_call (self, "POST", "/api/v1/chat/completions", TRUE, body,
                      rivya_chat_request_get_idempotency_key (request), "chat completion",
                      (RivyaJsonObjectFunc)rivya_chat_completion_new_from_json,
                      rivya_client_create_chat_completion_async, cancellable, callback, user_data);
}

/**
 * rivya_client_create_chat_completion_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_create_chat_completion_async().
 *
 * Returns: (transfer full): the completion, or %NULL with @error set
 */
RivyaChatCompletion *
rivya_client_create_chat_completion_finish (RivyaClient   *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_create_chat_completion_async, error);
}

static gpointer
parse_session_page (JsonObject  *root,
                    GError     **error)
{
  return _rivya_page_new_from_json (root, "chat session list", RIVYA_TYPE_CHAT_SESSION,
                                    (RivyaJsonObjectFunc)rivya_chat_session_new_from_json, error);
}

/**
 * rivya_client_list_chat_sessions_async:
 * @self: a #RivyaClient
 * @limit: how many sessions, 1 to 100, or 0 for the service's default
 * @after: (nullable): #RivyaPage:next-after of the previous page, or %NULL
 *   for the first page
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the page has arrived
 * @user_data: (closure): data for @callback
 *
 * Lists the account's API-created chat sessions, newest first,
 * `GET /api/v1/chat/sessions` (B.5, B.10).
 */
void
rivya_client_list_chat_sessions_async (RivyaClient         *self,
                                       guint                limit,
                                       const char          *after,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/chat/sessions", NULL, NULL, limit, after);
  _rivya_client_call (self, "GET", path, TRUE, NULL, NULL, "chat session list",
                      parse_session_page, rivya_client_list_chat_sessions_async,
                      cancellable, callback, user_data);
}

/**
 * rivya_client_list_chat_sessions_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_list_chat_sessions_async().
 *
 * Returns: (transfer full): a page of #RivyaChatSession, or %NULL with
 *   @error set
 */
RivyaPage *
rivya_client_list_chat_sessions_finish (RivyaClient   *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_list_chat_sessions_async, error);
}

/**
 * rivya_client_get_chat_session_async:
 * @self: a #RivyaClient
 * @session_id: the session's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the session has arrived
 * @user_data: (closure): data for @callback
 *
 * Reads one chat session with its messages in order,
 * `GET /api/v1/chat/sessions/{sessionId}` (B.10).
 */
void
rivya_client_get_chat_session_async (RivyaClient         *self,
                                     const char          *session_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (session_id != NULL && *session_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/chat/sessions/", session_id, NULL, 0, NULL);
  _rivya_client_call (self, "GET", path, TRUE, NULL, NULL, "chat session",
                      (RivyaJsonObjectFunc)rivya_chat_session_new_from_json,
                      rivya_client_get_chat_session_async, cancellable, callback, user_data);
}

/**
 * rivya_client_get_chat_session_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_get_chat_session_async().
 *
 * Returns: (transfer full): the session, or %NULL with @error set
 */
RivyaChatSession *
rivya_client_get_chat_session_finish (RivyaClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_get_chat_session_async, error);
}
