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

/* Submitting a job of the history again, with its references: those
 * the server still keeps are sent as they were; an expired one is
 * uploaded again from the local file it came from. */

typedef struct
{
  RivyaGenerationRequest *request;
  JsonArray              *references;
  guint                   index;
} Again;

static void
again_free (Again *again)
{
  g_clear_object (&again->request);
  g_clear_pointer (&again->references, json_array_unref);
  g_free (again);
}

static void next_reference (GTask *task);

static void
submit_again_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdJobStore *self = g_task_get_source_object (task);
  RdJob *old = g_object_get_data (G_OBJECT (task), "job");
  Again *again = g_task_get_task_data (task);
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
                                                                    again->request, generation)),
                         g_object_unref);
}

static void
reupload_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RdJobStore *self = g_task_get_source_object (task);
  RdJob *job = g_object_get_data (G_OBJECT (task), "job");
  RdUploadRecord *old = g_object_get_data (G_OBJECT (task), "record");
  Again *again = g_task_get_task_data (task);
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(RdUploadRecord) record = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) local = NULL;
  g_autoptr(GError) error = NULL;

  file = rivya_client_upload_finish (RIVYA_CLIENT (object), result, &error);
  if (file == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The size and time the record is matched by later: one stat of a
   * local file the upload has just read. */
  local = g_file_new_for_path (old->local_path);
  info = g_file_query_info (local, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  record = rd_upload_record_new_for_file (rd_job_get_base_url (job), rd_job_get_model_id (job),
                                          old->local_path,
                                          info ? g_file_info_get_size (info) : old->size,
                                          info ? (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED)
                                               : old->mtime,
                                          file);
  rd_job_store_remember_upload (self, record);
  {
    /* In place, so that the references keep the job's order. */
    JsonObject *item = json_array_get_object_element (again->references, again->index);
    g_autoptr(JsonNode) fresh = rd_upload_record_to_reference (record);
    JsonObjectIter iter;
    const char *name;
    JsonNode *value;

    json_object_iter_init (&iter, json_node_get_object (fresh));
    while (json_object_iter_next (&iter, &name, &value))
      json_object_set_member (item, name, json_node_copy (value));
  }
  again->index++;
  next_reference (g_steal_pointer (&task));
}

/* Takes the task. */
static void
next_reference (GTask *task)
{
  RdJobStore *self = g_task_get_source_object (task);
  RdJob *job = g_object_get_data (G_OBJECT (task), "job");
  Again *again = g_task_get_task_data (task);
  RivyaClient *client = rd_job_store_get_client (self);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (; again->index < json_array_get_length (again->references); again->index++)
    {
      JsonNode *node = json_array_get_element (again->references, again->index);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *url = item ? json_object_get_string_member_with_default (item, "url", NULL) : NULL;
      g_autoptr(RdUploadRecord) record = NULL;
      g_autoptr(RivyaUpload) upload = NULL;
      g_autoptr(GFile) local = NULL;

      record = rd_job_store_find_upload_by_url (self, rd_job_get_base_url (job), url);
      /* Unknown here (uploaded elsewhere) or still kept: sent as it was. */
      if (record == NULL || rd_upload_record_is_usable (record, now))
        continue;

      if (record->local_path == NULL || !g_file_test (record->local_path, G_FILE_TEST_IS_REGULAR))
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                   /* translators: a file name */
                                   _("The reference “%s” has expired on the server and its "
                                     "local file is gone: add it again in the Create view"),
                                   record->name ? record->name : record->local_path);
          g_object_unref (task);
          return;
        }

      local = g_file_new_for_path (record->local_path);
      upload = rivya_upload_new_for_file (local, record->kind);
      rivya_upload_set_model_id (upload, rd_job_get_model_id (job));
      if (record->name != NULL)
        rivya_upload_set_filename (upload, record->name);
      g_object_set_data_full (G_OBJECT (task), "record", g_steal_pointer (&record),
                              (GDestroyNotify) rd_upload_record_free);
      rivya_client_upload_async (client, upload, g_task_get_cancellable (task), reupload_cb, task);
      return;
    }

  if (json_array_get_length (again->references) > 0)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), again->references);

      rivya_generation_request_set_param (again->request, "referenceMediaItems", node);
    }
  rivya_client_create_generation_async (client, again->request, g_task_get_cancellable (task),
                                        submit_again_cb, task);
}

/* The same model, prompt, params and references as @job, under a new
 * idempotency key so that the server runs it again. */
void
rd_job_store_submit_again_async (RdJobStore          *self,
                                 RdJob               *job,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) params = NULL;
  g_autofree char *key = g_uuid_string_random ();
  RivyaClient *client;
  Again *again;

  g_return_if_fail (RD_IS_JOB_STORE (self));
  g_return_if_fail (RD_IS_JOB (job));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_job_store_submit_again_async);
  g_object_set_data_full (G_OBJECT (task), "job", g_object_ref (job), g_object_unref);

  client = rd_job_store_get_client (self);
  if (client == NULL || g_strcmp0 (rivya_client_get_base_url (client), rd_job_get_base_url (job)) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("Not connected to the server that ran this job"));
      return;
    }

  again = g_new0 (Again, 1);
  again->request = rivya_generation_request_new (rd_job_get_model_id (job), rd_job_get_prompt (job));
  again->references = json_array_new ();
  g_task_set_task_data (task, again, (GDestroyNotify) again_free);
  rivya_generation_request_set_idempotency_key (again->request, key);

  params = rd_job_get_params (job) ? json_from_string (rd_job_get_params (job), NULL) : NULL;
  if (params != NULL && JSON_NODE_HOLDS_OBJECT (params))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (params));
      while (json_object_iter_next (&iter, &name, &value))
        {
          if (g_strcmp0 (name, "referenceMediaItems") != 0)
            rivya_generation_request_set_param (again->request, name, value);
          else if (JSON_NODE_HOLDS_ARRAY (value))
            {
              JsonArray *items = json_node_get_array (value);

              for (guint i = 0; i < json_array_get_length (items); i++)
                json_array_add_element (again->references,
                                        json_node_copy (json_array_get_element (items, i)));
            }
        }
    }

  next_reference (g_steal_pointer (&task));
}

RdJob *
rd_job_store_submit_again_finish (RdJobStore    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
