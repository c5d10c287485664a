/* rivya-generation.c
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

#include "rivya-generation.h"

#include "rivya-enums.h"
#include "rivya-error-private.h"
#include "rivya-json-private.h"

/**
 * RivyaGeneration:
 *
 * An asynchronous image, video or audio job (A.5): the same object in the
 * create answer, the status answer and webhook events.
 */

struct _RivyaGeneration
{
  GObject                 parent_instance;

  char                   *id;
  char                   *model;
  RivyaGenerationStatus   status;
  char                   *status_string;
  gint64                  reserved_credits;
  gint64                  final_credits;
  char                   *created_at;
  char                   *updated_at;
  char                   *primary_url;
  char                  **urls;
  char                   *error_code;
  char                   *error_message;
  char                   *client_request_id;
};

G_DEFINE_FINAL_TYPE (RivyaGeneration, rivya_generation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MODEL,
  PROP_STATUS,
  PROP_STATUS_STRING,
  PROP_RESERVED_CREDITS,
  PROP_FINAL_CREDITS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_PRIMARY_URL,
  PROP_URLS,
  PROP_ERROR_CODE,
  PROP_ERROR_MESSAGE,
  PROP_CLIENT_REQUEST_ID,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static RivyaGenerationStatus
status_from_string (const char *status)
{
  static const char * const names[] = { "queued", "processing", "succeeded", "failed" };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (status, names[i]))
        return (RivyaGenerationStatus)i;
    }

  return RIVYA_GENERATION_STATUS_UNKNOWN;
}

static void
rivya_generation_finalize (GObject *object)
{
  RivyaGeneration *self = (RivyaGeneration *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->status_string, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->primary_url, g_free);
  g_clear_pointer (&self->urls, g_strfreev);
  g_clear_pointer (&self->error_code, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->client_request_id, g_free);

  G_OBJECT_CLASS (rivya_generation_parent_class)->finalize (object);
}

static void
rivya_generation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RivyaGeneration *self = RIVYA_GENERATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_STATUS_STRING:
      g_value_set_string (value, self->status_string);
      break;

    case PROP_RESERVED_CREDITS:
      g_value_set_int64 (value, self->reserved_credits);
      break;

    case PROP_FINAL_CREDITS:
      g_value_set_int64 (value, self->final_credits);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_PRIMARY_URL:
      g_value_set_string (value, self->primary_url);
      break;

    case PROP_URLS:
      g_value_set_boxed (value, self->urls);
      break;

    case PROP_ERROR_CODE:
      g_value_set_string (value, self->error_code);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    case PROP_CLIENT_REQUEST_ID:
      g_value_set_string (value, self->client_request_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_generation_class_init (RivyaGenerationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_generation_finalize;
  object_class->get_property = rivya_generation_get_property;

  /**
   * RivyaGeneration:id:
   *
   * The public task id, `task_...`.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:model:
   *
   * The model id.
   */
  properties [PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:status:
   *
   * The status; %RIVYA_GENERATION_STATUS_UNKNOWN for statuses this version
   * does not know.
   */
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       RIVYA_TYPE_GENERATION_STATUS,
                       RIVYA_GENERATION_STATUS_UNKNOWN,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:status-string:
   *
   * The status as the service wrote it, such as `"queued"`.
   */
  properties [PROP_STATUS_STRING] =
    g_param_spec_string ("status-string", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:reserved-credits:
   *
   * The credits reserved at submit.
   */
  properties [PROP_RESERVED_CREDITS] =
    g_param_spec_int64 ("reserved-credits", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:final-credits:
   *
   * The credits finally charged (0 for a failed job), or -1 while unknown.
   */
  properties [PROP_FINAL_CREDITS] =
    g_param_spec_int64 ("final-credits", NULL, NULL,
                        G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:created-at:
   *
   * When the job was created, ISO-8601 as the service wrote it.
   */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:updated-at:
   *
   * When the job last changed, ISO-8601 as the service wrote it.
   */
  properties [PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:primary-url:
   *
   * The main result URL of a succeeded job, or %NULL.
   */
  properties [PROP_PRIMARY_URL] =
    g_param_spec_string ("primary-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:urls:
   *
   * Every result URL of a succeeded job; empty otherwise.
   */
  properties [PROP_URLS] =
    g_param_spec_boxed ("urls", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:error-code:
   *
   * The task-level error code of a failed job, such as `"generation_failed"`,
   * or %NULL.
   */
  properties [PROP_ERROR_CODE] =
    g_param_spec_string ("error-code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:error-message:
   *
   * The error message of a failed job, or %NULL.
   */
  properties [PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaGeneration:client-request-id:
   *
   * The caller's trace id, when one was sent and echoed.
   */
  properties [PROP_CLIENT_REQUEST_ID] =
    g_param_spec_string ("client-request-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_generation_init (RivyaGeneration *self)
{
  self->status = RIVYA_GENERATION_STATUS_UNKNOWN;
  self->final_credits = -1;
  self->urls = g_new0 (char *, 1);
}

/**
 * rivya_generation_new_from_json:
 * @object: a generation object, as the create and status routes answer it
 * @error: return location for a #GError
 *
 * Reads a generation. Unknown members are ignored and optional ones may be
 * missing or null; a member of the wrong type, or a missing required one, is
 * a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaGeneration, or %NULL with @error set
 */
RivyaGeneration *
rivya_generation_new_from_json (JsonObject  *object,
                                GError     **error)
{
  g_autoptr(RivyaGeneration) self = NULL;
  JsonObject *result = NULL;
  JsonObject *failure = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_GENERATION, NULL);

  if (!_rivya_json_get_string (object, "generation", "id", TRUE, &self->id, error) ||
      !_rivya_json_get_string (object, "generation", "model", FALSE, &self->model, error) ||
      !_rivya_json_get_string (object, "generation", "status", FALSE, &self->status_string,
                               error) ||
      !_rivya_json_get_int (object, "generation", "reserved_credits", 0,
                            &self->reserved_credits, error) ||
      !_rivya_json_get_int (object, "generation", "final_credits", -1, &self->final_credits,
                            error) ||
      !_rivya_json_get_string (object, "generation", "created_at", FALSE, &self->created_at,
                               error) ||
      !_rivya_json_get_string (object, "generation", "updated_at", FALSE, &self->updated_at,
                               error) ||
      !_rivya_json_get_string (object, "generation", "client_request_id", FALSE,
                               &self->client_request_id, error))
    return NULL;

  self->status = status_from_string (self->status_string);

  if (!_rivya_json_get_object (object, "generation", "result", &result, error) ||
      (result != NULL &&
       (!_rivya_json_get_string (result, "generation result", "primary_url", FALSE,
                                 &self->primary_url, error) ||
        !_rivya_json_get_strv (result, "generation result", "urls", &self->urls, error))) ||
      !_rivya_json_get_object (object, "generation", "error", &failure, error) ||
      (failure != NULL &&
       (!_rivya_json_get_string (failure, "generation error", "code", FALSE,
                                 &self->error_code, error) ||
        !_rivya_json_get_string (failure, "generation error", "message", FALSE,
                                 &self->error_message, error))))
    return NULL;

  /* A result with only urls still has a first one. */
  if (self->primary_url == NULL && self->urls[0] != NULL)
    self->primary_url = g_strdup (self->urls[0]);

  return g_steal_pointer (&self);
}

/**
 * rivya_generation_get_id:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:id property.
 *
 * Returns: the value of #RivyaGeneration:id
 */
const char *
rivya_generation_get_id (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->id;
}

/**
 * rivya_generation_get_model:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:model property.
 *
 * Returns: (nullable): the value of #RivyaGeneration:model
 */
const char *
rivya_generation_get_model (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->model;
}

/**
 * rivya_generation_get_status:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:status property.
 *
 * Returns: the value of #RivyaGeneration:status
 */
RivyaGenerationStatus
rivya_generation_get_status (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), RIVYA_GENERATION_STATUS_UNKNOWN);

  return self->status;
}

/**
 * rivya_generation_get_status_string:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:status-string property.
 *
 * Returns: (nullable): the value of #RivyaGeneration:status-string
 */
const char *
rivya_generation_get_status_string (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->status_string;
}

/**
 * rivya_generation_get_reserved_credits:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:reserved-credits property.
 *
 * Returns: the value of #RivyaGeneration:reserved-credits
 */
gint64
rivya_generation_get_reserved_credits (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), 0);

  return self->reserved_credits;
}

/**
 * rivya_generation_get_final_credits:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:final-credits property.
 *
 * Returns: the value of #RivyaGeneration:final-credits
 */
gint64
rivya_generation_get_final_credits (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), 0);

  return self->final_credits;
}

/**
 * rivya_generation_get_created_at:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:created-at property.
 *
 * Returns: (nullable): the value of #RivyaGeneration:created-at
 */
const char *
rivya_generation_get_created_at (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->created_at;
}

/**
 * rivya_generation_get_updated_at:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:updated-at property.
 *
 * Returns: (nullable): the value of #RivyaGeneration:updated-at
 */
const char *
rivya_generation_get_updated_at (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->updated_at;
}

/**
 * rivya_generation_get_primary_url:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:primary-url property.
 *
 * Returns: (nullable): the value of #RivyaGeneration:primary-url
 */
const char *
rivya_generation_get_primary_url (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->primary_url;
}

/**
 * rivya_generation_get_urls:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:urls property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaGeneration:urls
 */
const char * const *
rivya_generation_get_urls (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return (const char * const *)self->urls;
}

/**
 * rivya_generation_get_error_code:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:error-code property.
 *
 * Returns: (nullable): the value of #RivyaGeneration:error-code
 */
const char *
rivya_generation_get_error_code (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->error_code;
}

/**
 * rivya_generation_get_error_message:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:error-message property.
 *
 * Returns: (nullable): the value of #RivyaGeneration:error-message
 */
const char *
rivya_generation_get_error_message (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->error_message;
}

/**
 * rivya_generation_get_client_request_id:
 * @self: a #RivyaGeneration
 *
 * Gets the #RivyaGeneration:client-request-id property.
 *
 * Returns: (nullable): the value of #RivyaGeneration:client-request-id
 */
const char *
rivya_generation_get_client_request_id (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  return self->client_request_id;
}

/**
 * rivya_generation_is_terminal:
 * @self: a #RivyaGeneration
 *
 * Tells whether the generation reached a terminal status, where polling
 * stops: %RIVYA_GENERATION_STATUS_SUCCEEDED or %RIVYA_GENERATION_STATUS_FAILED.
 *
 * Returns: %TRUE if the generation is done
 */
gboolean
rivya_generation_is_terminal (RivyaGeneration *self)
{
  g_return_val_if_fail (RIVYA_IS_GENERATION (self), FALSE);

  return self->status == RIVYA_GENERATION_STATUS_SUCCEEDED ||
         self->status == RIVYA_GENERATION_STATUS_FAILED;
}

/**
 * rivya_generation_to_error:
 * @self: a #RivyaGeneration
 *
 * Turns the task-level error of a failed generation into a #GError of
 * %RIVYA_ERROR, usually %RIVYA_ERROR_GENERATION_FAILED, with the
 * service's message.
 *
 * Returns: (transfer full) (nullable): the error, or %NULL when the
 *   generation did not fail
 */
GError *
rivya_generation_to_error (RivyaGeneration *self)
{
  const char *code;

  g_return_val_if_fail (RIVYA_IS_GENERATION (self), NULL);

  if (self->status != RIVYA_GENERATION_STATUS_FAILED)
    return NULL;

  code = self->error_code ? self->error_code : "generation_failed";
  return _rivya_error_new (rivya_error_code_from_string (code), code, 0, NULL, NULL, 0, "%s",
                           self->error_message ? self->error_message : "The generation failed");
}
