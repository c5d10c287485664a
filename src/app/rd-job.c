/* rd-job.c
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

#include <string.h>

#include "rd-job.h"

/* One generation in the history. The store owns the only writers (it
 * sets the properties as the poller reports); everything else reads. */
struct _RdJob
{
  GObject parent_instance;

  char *strings[13];
  /* Why the result could not be saved to the cache; not kept in the
   * history: the next start tries again. */
  char *download_error;
  RivyaGenerationStatus status;
  gint64 reserved_credits;
  gint64 final_credits;
  gint64 created_at;
  gint64 updated_at;
  gint64 finished_at;
};

G_DEFINE_FINAL_TYPE (RdJob, rd_job, G_TYPE_OBJECT)

/* The string properties come first so that their id indexes strings[]. */
enum {
  PROP_0,
  PROP_TASK_ID,
  PROP_BASE_URL,
  PROP_MODEL_ID,
  PROP_MODEL_NAME,
  PROP_CATEGORY,
  PROP_PROMPT,
  PROP_PARAMS,
  PROP_IDEMPOTENCY_KEY,
  PROP_ERROR_CODE,
  PROP_ERROR_MESSAGE,
  PROP_REQUEST_ID,
  PROP_RESULT_URL,
  PROP_LOCAL_PATH,
  PROP_STATUS,
  PROP_RESERVED_CREDITS,
  PROP_FINAL_CREDITS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_FINISHED_AT,
  PROP_ELAPSED,
  PROP_DOWNLOAD_ERROR,
  N_PROPS
};

#define STR(self, prop) ((self)->strings[(prop) - PROP_TASK_ID])

static GParamSpec *properties [N_PROPS];

static void
rd_job_finalize (GObject *object)
{
  RdJob *self = (RdJob *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  g_free (self->download_error);

  G_OBJECT_CLASS (rd_job_parent_class)->finalize (object);
}

static void
rd_job_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  RdJob *self = RD_JOB (object);

  if (prop_id >= PROP_TASK_ID && prop_id <= PROP_LOCAL_PATH)
    {
      g_value_set_string (value, STR (self, prop_id));
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_RESERVED_CREDITS:
      g_value_set_int64 (value, self->reserved_credits);
      break;
    case PROP_FINAL_CREDITS:
      g_value_set_int64 (value, self->final_credits);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_FINISHED_AT:
      g_value_set_int64 (value, self->finished_at);
      break;
    case PROP_ELAPSED:
      g_value_set_int64 (value, rd_job_get_elapsed (self));
      break;
    case PROP_DOWNLOAD_ERROR:
      g_value_set_string (value, self->download_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_job_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  RdJob *self = RD_JOB (object);

  if (prop_id >= PROP_TASK_ID && prop_id <= PROP_LOCAL_PATH)
    {
      char **slot = &STR (self, prop_id);

      if (g_strcmp0 (*slot, g_value_get_string (value)) != 0)
        {
          g_free (*slot);
          *slot = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_STATUS:
      if (self->status != (RivyaGenerationStatus) g_value_get_enum (value))
        {
          self->status = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_RESERVED_CREDITS:
      self->reserved_credits = g_value_get_int64 (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_FINAL_CREDITS:
      self->final_credits = g_value_get_int64 (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      g_object_notify_by_pspec (object, pspec);
      g_object_notify_by_pspec (object, properties[PROP_ELAPSED]);
      break;
    case PROP_UPDATED_AT:
      self->updated_at = g_value_get_int64 (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_FINISHED_AT:
      self->finished_at = g_value_get_int64 (value);
      g_object_notify_by_pspec (object, pspec);
      g_object_notify_by_pspec (object, properties[PROP_ELAPSED]);
      break;
    case PROP_DOWNLOAD_ERROR:
      if (g_strcmp0 (self->download_error, g_value_get_string (value)) != 0)
        {
          g_free (self->download_error);
          self->download_error = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ELAPSED:
    case PROP_0:
    case PROP_TASK_ID:
    case PROP_BASE_URL:
    case PROP_MODEL_ID:
    case PROP_MODEL_NAME:
    case PROP_CATEGORY:
    case PROP_PROMPT:
    case PROP_PARAMS:
    case PROP_IDEMPOTENCY_KEY:
    case PROP_ERROR_CODE:
    case PROP_ERROR_MESSAGE:
    case PROP_REQUEST_ID:
    case PROP_RESULT_URL:
    case PROP_LOCAL_PATH:
    case N_PROPS:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_job_class_init (RdJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[] = {
    "task-id", "base-url", "model-id", "model-name", "category", "prompt",
    "params", "idempotency-key", "error-code", "error-message", "request-id",
    "result-url", "local-path",
  };
  static const char * const times[] = { "created-at", "updated-at", "finished-at" };

  object_class->finalize = rd_job_finalize;
  object_class->get_property = rd_job_get_property;
  object_class->set_property = rd_job_set_property;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    properties[PROP_TASK_ID + i] =
      g_param_spec_string (names[i], NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RIVYA_TYPE_GENERATION_STATUS, RIVYA_GENERATION_STATUS_QUEUED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESERVED_CREDITS] =
    g_param_spec_int64 ("reserved-credits", NULL, NULL, -1, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* -1 until the job settles. */
  properties[PROP_FINAL_CREDITS] =
    g_param_spec_int64 ("final-credits", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Times are Unix seconds; finished-at is 0 while the job runs. */
  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    properties[PROP_CREATED_AT + i] =
      g_param_spec_int64 (times[i], NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ELAPSED] =
    g_param_spec_int64 ("elapsed", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Set by the store when the result could not be downloaded. */
  properties[PROP_DOWNLOAD_ERROR] =
    g_param_spec_string ("download-error", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_job_init (RdJob *self)
{
  self->final_credits = -1;
}

RdJob *
rd_job_new_take (char                  **strings,
                 RivyaGenerationStatus   status,
                 const gint64           *ints)
{
  RdJob *self = g_object_new (RD_TYPE_JOB, NULL);

  memcpy (self->strings, strings, sizeof self->strings);
  self->status = status;
  self->reserved_credits = ints[0];
  self->final_credits = ints[1];
  self->created_at = ints[2];
  self->updated_at = ints[3];
  self->finished_at = ints[4];

  return self;
}

const char *
rd_job_get_task_id (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), NULL);
  return STR (self, PROP_TASK_ID);
}

#define STRING_GETTER(name, prop)                \
  const char *                                   \
  rd_job_get_##name (RdJob *self)                \
  {                                              \
    g_return_val_if_fail (RD_IS_JOB (self), NULL); \
    return STR (self, prop);                     \
  }

STRING_GETTER (base_url, PROP_BASE_URL)
STRING_GETTER (model_id, PROP_MODEL_ID)
STRING_GETTER (model_name, PROP_MODEL_NAME)
STRING_GETTER (category, PROP_CATEGORY)
STRING_GETTER (prompt, PROP_PROMPT)
STRING_GETTER (params, PROP_PARAMS)
STRING_GETTER (idempotency_key, PROP_IDEMPOTENCY_KEY)
STRING_GETTER (error_code, PROP_ERROR_CODE)
STRING_GETTER (error_message, PROP_ERROR_MESSAGE)
STRING_GETTER (request_id, PROP_REQUEST_ID)
STRING_GETTER (result_url, PROP_RESULT_URL)
STRING_GETTER (local_path, PROP_LOCAL_PATH)

const char *
rd_job_get_download_error (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), NULL);
  return self->download_error;
}

RivyaGenerationStatus
rd_job_get_status (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), RIVYA_GENERATION_STATUS_UNKNOWN);
  return self->status;
}

gint64
rd_job_get_reserved_credits (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), 0);
  return self->reserved_credits;
}

gint64
rd_job_get_final_credits (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), -1);
  return self->final_credits;
}

gint64
rd_job_get_created_at (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), 0);
  return self->created_at;
}

gint64
rd_job_get_updated_at (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), 0);
  return self->updated_at;
}

gint64
rd_job_get_finished_at (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), 0);
  return self->finished_at;
}

gboolean
rd_job_is_finished (RdJob *self)
{
  g_return_val_if_fail (RD_IS_JOB (self), FALSE);
  return self->status == RIVYA_GENERATION_STATUS_SUCCEEDED ||
         self->status == RIVYA_GENERATION_STATUS_FAILED;
}

/* Seconds from submission to the end, or to now while it runs. */
gint64
rd_job_get_elapsed (RdJob *self)
{
  gint64 end;

  g_return_val_if_fail (RD_IS_JOB (self), 0);

  if (self->created_at == 0)
    return 0;
  end = self->finished_at != 0 ? self->finished_at : g_get_real_time () / G_USEC_PER_SEC;
  return MAX (0, end - self->created_at);
}

const char *
rd_job_status_to_string (RivyaGenerationStatus status)
{
  switch (status)
    {
    case RIVYA_GENERATION_STATUS_QUEUED: return "queued";
    case RIVYA_GENERATION_STATUS_PROCESSING: return "processing";
    case RIVYA_GENERATION_STATUS_SUCCEEDED: return "succeeded";
    case RIVYA_GENERATION_STATUS_FAILED: return "failed";
    case RIVYA_GENERATION_STATUS_UNKNOWN:
    default: return "unknown";
    }
}

RivyaGenerationStatus
rd_job_status_from_string (const char *status)
{
  static const RivyaGenerationStatus all[] = {
    RIVYA_GENERATION_STATUS_QUEUED, RIVYA_GENERATION_STATUS_PROCESSING,
    RIVYA_GENERATION_STATUS_SUCCEEDED, RIVYA_GENERATION_STATUS_FAILED,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (status, rd_job_status_to_string (all[i])) == 0)
      return all[i];
  return RIVYA_GENERATION_STATUS_UNKNOWN;
}
