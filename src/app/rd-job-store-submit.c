/* rd-job-store-submit.c
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

#include "config.h"

#include <glib/gi18n.h>

#include "rd-job-store.h"

/* Submitting a job of the history again. */

static void
submit_again_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdJobStore *self = g_task_get_source_object (task);
  RdJob *old = g_task_get_task_data (task);
  RivyaGenerationRequest *request = g_object_get_data (G_OBJECT (task), "request");
  g_autoptr(GError) error = NULL;
  g_autoptr(RivyaGeneration) generation = NULL;

  generation = rivya_client_create_generation_finish (RIVYA_CLIENT (object), result, &error);
  if (generation == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task,
                         g_object_ref (rd_job_store_add_generation (self, rd_job_get_base_url (old),
                                                                    rd_job_get_model_name (old),
                                                                    rd_job_get_category (old),
                                                                    request, generation)),
                         g_object_unref);
}

/* The same model, prompt and params as @job, under a new idempotency
 * key so that the server runs it again. */
void
rd_job_store_submit_again_async (RdJobStore          *self,
                                 RdJob               *job,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(RivyaGenerationRequest) request = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autofree char *key = g_uuid_string_random ();
  RivyaClient *client;

  g_return_if_fail (RD_IS_JOB_STORE (self));
  g_return_if_fail (RD_IS_JOB (job));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_job_store_submit_again_async);
  g_task_set_task_data (task, g_object_ref (job), g_object_unref);

  client = rd_job_store_get_client (self);
  if (client == NULL || g_strcmp0 (rivya_client_get_base_url (client), rd_job_get_base_url (job)) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("Not connected to the server that ran this job"));
      return;
    }

  request = rivya_generation_request_new (rd_job_get_model_id (job), rd_job_get_prompt (job));
  rivya_generation_request_set_idempotency_key (request, key);
  params = rd_job_get_params (job) ? json_from_string (rd_job_get_params (job), NULL) : NULL;
  if (params != NULL && JSON_NODE_HOLDS_OBJECT (params))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (params));
      while (json_object_iter_next (&iter, &name, &value))
        if (g_strcmp0 (name, "referenceMediaItems") != 0)
          rivya_generation_request_set_param (request, name, value);
    }

  g_object_set_data_full (G_OBJECT (task), "request", g_object_ref (request), g_object_unref);
  rivya_client_create_generation_async (client, request, cancellable,
                                        submit_again_cb, g_object_ref (task));
}

RdJob *
rd_job_store_submit_again_finish (RdJobStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
