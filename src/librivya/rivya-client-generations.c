/* rivya-client-generations.c
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

/**
 * rivya_client_create_generation_async:
 * @self: a #RivyaClient
 * @request: what to generate
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the job was accepted or refused
 * @user_data: (closure): data for @callback
 *
 * Submits an image, video or audio job, `POST /api/v1/generations`
 * (A.5), with the request's `Idempotency-Key`. Submitting the same
 * request again, even from another process with the stored key, gives
 * back the same job instead of a second one.
 *
 * The job runs on the service; poll it with
 * rivya_client_get_generation_async() (or a #RivyaPoller).
 */
void
rivya_client_create_generation_async (RivyaClient            *self,
                                      RivyaGenerationRequest *request,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data)
{
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (request));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  body = rivya_generation_request_to_json (request);
  _rivya_client_call (self, "POST", "/api/v1/generations", TRUE, body,
                      rivya_generation_request_get_idempotency_key (request), "generation",
                      (RivyaJsonObjectFunc)rivya_generation_new_from_json,
                      rivya_client_create_generation_async, cancellable, callback, user_data);
}

/**
 * rivya_client_create_generation_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_create_generation_async().
 *
 * Returns: (transfer full): the new job, usually queued, or %NULL with
 *   @error set
 */
RivyaGeneration *
rivya_client_create_generation_finish (RivyaClient   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_create_generation_async, error);
}

/**
 * rivya_client_get_generation_async:
 * @self: a #RivyaClient
 * @task_id: the job's id, `task_...`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the status has arrived
 * @user_data: (closure): data for @callback
 *
 * Reads a job's status, `GET /api/v1/generations/{taskId}` (A.5). A job
 * of another account answers %RIVYA_ERROR_NOT_FOUND, like a missing one.
 *
 * Poll 2-3 s after submitting, then every 5-10 s, and stop at a terminal
 * status (rivya_generation_is_terminal()).
 */
void
rivya_client_get_generation_async (RivyaClient         *self,
                                   const char          *task_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (task_id != NULL && *task_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/generations/", task_id, NULL, 0, NULL);
  _rivya_client_call (self, "GET", path, TRUE, NULL, NULL, "generation",
                      (RivyaJsonObjectFunc)rivya_generation_new_from_json,
                      rivya_client_get_generation_async, cancellable, callback, user_data);
}

/**
 * rivya_client_get_generation_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_get_generation_async().
 *
 * Returns: (transfer full): the job, or %NULL with @error set
 */
RivyaGeneration *
rivya_client_get_generation_finish (RivyaClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_get_generation_async, error);
}

/**
 * rivya_client_get_file_async:
 * @self: a #RivyaClient
 * @file_id: the file's id, `file_...`
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the metadata has arrived
 * @user_data: (closure): data for @callback
 *
 * Reads the metadata of an uploaded file of this account,
 * `GET /api/v1/files/{fileId}` (A.6).
 */
void
rivya_client_get_file_async (RivyaClient         *self,
                             const char          *file_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (RIVYA_IS_CLIENT (self));
  g_return_if_fail (file_id != NULL && *file_id != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  path = _rivya_client_build_path ("/api/v1/files/", file_id, NULL, 0, NULL);
  _rivya_client_call (self, "GET", path, TRUE, NULL, NULL, "file",
                      (RivyaJsonObjectFunc)rivya_file_new_from_json,
                      rivya_client_get_file_async, cancellable, callback, user_data);
}

/**
 * rivya_client_get_file_finish:
 * @self: a #RivyaClient
 * @result: the #GAsyncResult given to the callback
 * @error: return location for a #GError
 *
 * Completes rivya_client_get_file_async().
 *
 * Returns: (transfer full): the file, or %NULL with @error set
 */
RivyaFile *
rivya_client_get_file_finish (RivyaClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return _rivya_client_call_finish (self, result, rivya_client_get_file_async, error);
}
