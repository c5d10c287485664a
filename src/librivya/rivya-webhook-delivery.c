/* rivya-webhook-delivery.c
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

#include "rivya-webhook-delivery.h"

#include "rivya-json-private.h"

/**
 * RivyaWebhookDelivery:
 *
 * One delivery attempt of an event to an endpoint (B.12).
 */

struct _RivyaWebhookDelivery
{
  GObject  parent_instance;

  char    *id;
  char    *endpoint_id;
  char    *event_id;
  char    *event_type;
  gint64   attempt;
  char    *status;
  gint64   response_status;
  char    *error;
  gint64   duration_ms;
  char    *created_at;
  char    *next_retry_at;
};

G_DEFINE_FINAL_TYPE (RivyaWebhookDelivery, rivya_webhook_delivery, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ENDPOINT_ID,
  PROP_EVENT_ID,
  PROP_EVENT_TYPE,
  PROP_ATTEMPT,
  PROP_STATUS,
  PROP_RESPONSE_STATUS,
  PROP_ERROR,
  PROP_DURATION_MS,
  PROP_CREATED_AT,
  PROP_NEXT_RETRY_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_webhook_delivery_finalize (GObject *object)
{
  RivyaWebhookDelivery *self = (RivyaWebhookDelivery *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->endpoint_id, g_free);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->event_type, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->next_retry_at, g_free);

  G_OBJECT_CLASS (rivya_webhook_delivery_parent_class)->finalize (object);
}

static void
rivya_webhook_delivery_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RivyaWebhookDelivery *self = RIVYA_WEBHOOK_DELIVERY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ENDPOINT_ID:
      g_value_set_string (value, self->endpoint_id);
      break;

    case PROP_EVENT_ID:
      g_value_set_string (value, self->event_id);
      break;

    case PROP_EVENT_TYPE:
      g_value_set_string (value, self->event_type);
      break;

    case PROP_ATTEMPT:
      g_value_set_int64 (value, self->attempt);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_RESPONSE_STATUS:
      g_value_set_int64 (value, self->response_status);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_DURATION_MS:
      g_value_set_int64 (value, self->duration_ms);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_NEXT_RETRY_AT:
      g_value_set_string (value, self->next_retry_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_webhook_delivery_class_init (RivyaWebhookDeliveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_webhook_delivery_finalize;
  object_class->get_property = rivya_webhook_delivery_get_property;

  /**
   * RivyaWebhookDelivery:id:
   *
   * The delivery id, `whdel_...`.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:endpoint-id:
   *
   * The endpoint delivered to.
   */
  properties [PROP_ENDPOINT_ID] =
    g_param_spec_string ("endpoint-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:event-id:
   *
   * The event delivered, also its `webhook-id` header.
   */
  properties [PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:event-type:
   *
   * The event's type, such as `"webhook.test"`.
   */
  properties [PROP_EVENT_TYPE] =
    g_param_spec_string ("event-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:attempt:
   *
   * The attempt number, from 1.
   */
  properties [PROP_ATTEMPT] =
    g_param_spec_int64 ("attempt", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:status:
   *
   * The status: `"pending"`, `"succeeded"` or `"failed"`.
   */
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:response-status:
   *
   * The receiver's HTTP status, or -1 when there was none.
   */
  properties [PROP_RESPONSE_STATUS] =
    g_param_spec_int64 ("response-status", NULL, NULL,
                        G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:error:
   *
   * Why the attempt failed, or %NULL.
   */
  properties [PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:duration-ms:
   *
   * How long the attempt took, in milliseconds.
   */
  properties [PROP_DURATION_MS] =
    g_param_spec_int64 ("duration-ms", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:created-at:
   *
   * When the attempt was made, ISO-8601.
   */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookDelivery:next-retry-at:
   *
   * When the next attempt is due, or %NULL.
   */
  properties [PROP_NEXT_RETRY_AT] =
    g_param_spec_string ("next-retry-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_webhook_delivery_init (RivyaWebhookDelivery *self)
{
  self->response_status = -1;
}

/**
 * rivya_webhook_delivery_new_from_json:
 * @object: a `webhook_delivery` object
 * @error: return location for a #GError
 *
 * Reads a webhook delivery. Unknown members are ignored and optional ones may
 * be missing or null; a member of the wrong type, or a missing required one,
 * is a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaWebhookDelivery, or %NULL with @error set
 */
RivyaWebhookDelivery *
rivya_webhook_delivery_new_from_json (JsonObject  *object,
                                      GError     **error)
{
  g_autoptr(RivyaWebhookDelivery) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_WEBHOOK_DELIVERY, NULL);

  if (!_rivya_json_get_string (object, "webhook delivery", "id", TRUE, &self->id, error) ||
      !_rivya_json_get_string (object, "webhook delivery", "endpoint_id", FALSE,
                               &self->endpoint_id, error) ||
      !_rivya_json_get_string (object, "webhook delivery", "event_id", FALSE, &self->event_id,
                               error) ||
      !_rivya_json_get_string (object, "webhook delivery", "event_type", FALSE,
                               &self->event_type, error) ||
      !_rivya_json_get_int (object, "webhook delivery", "attempt", 0, &self->attempt, error) ||
      !_rivya_json_get_string (object, "webhook delivery", "status", FALSE, &self->status,
                               error) ||
      !_rivya_json_get_int (object, "webhook delivery", "response_status", -1,
                            &self->response_status, error) ||
      !_rivya_json_get_string (object, "webhook delivery", "error", FALSE, &self->error, error) ||
      !_rivya_json_get_int (object, "webhook delivery", "duration_ms", 0, &self->duration_ms,
                            error) ||
      !_rivya_json_get_string (object, "webhook delivery", "created_at", FALSE,
                               &self->created_at, error) ||
      !_rivya_json_get_string (object, "webhook delivery", "next_retry_at", FALSE,
                               &self->next_retry_at, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_webhook_delivery_get_id:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:id property.
 *
 * Returns: the value of #RivyaWebhookDelivery:id
 */
const char *
rivya_webhook_delivery_get_id (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->id;
}

/**
 * rivya_webhook_delivery_get_endpoint_id:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:endpoint-id property.
 *
 * Returns: (nullable): the value of #RivyaWebhookDelivery:endpoint-id
 */
const char *
rivya_webhook_delivery_get_endpoint_id (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->endpoint_id;
}

/**
 * rivya_webhook_delivery_get_event_id:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:event-id property.
 *
 * Returns: (nullable): the value of #RivyaWebhookDelivery:event-id
 */
const char *
rivya_webhook_delivery_get_event_id (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->event_id;
}

/**
 * rivya_webhook_delivery_get_event_type:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:event-type property.
 *
 * Returns: (nullable): the value of #RivyaWebhookDelivery:event-type
 */
const char *
rivya_webhook_delivery_get_event_type (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->event_type;
}

/**
 * rivya_webhook_delivery_get_attempt:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:attempt property.
 *
 * Returns: the value of #RivyaWebhookDelivery:attempt
 */
gint64
rivya_webhook_delivery_get_attempt (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), 0);

  return self->attempt;
}

/**
 * rivya_webhook_delivery_get_status:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:status property.
 *
 * Returns: (nullable): the value of #RivyaWebhookDelivery:status
 */
const char *
rivya_webhook_delivery_get_status (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->status;
}

/**
 * rivya_webhook_delivery_get_response_status:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:response-status property.
 *
 * Returns: the value of #RivyaWebhookDelivery:response-status
 */
gint64
rivya_webhook_delivery_get_response_status (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), 0);

  return self->response_status;
}

/**
 * rivya_webhook_delivery_get_error:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:error property.
 *
 * Returns: (nullable): the value of #RivyaWebhookDelivery:error
 */
const char *
rivya_webhook_delivery_get_error (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->error;
}

/**
 * rivya_webhook_delivery_get_duration_ms:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:duration-ms property.
 *
 * Returns: the value of #RivyaWebhookDelivery:duration-ms
 */
gint64
rivya_webhook_delivery_get_duration_ms (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), 0);

  return self->duration_ms;
}

/**
 * rivya_webhook_delivery_get_created_at:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:created-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookDelivery:created-at
 */
const char *
rivya_webhook_delivery_get_created_at (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->created_at;
}

/**
 * rivya_webhook_delivery_get_next_retry_at:
 * @self: a #RivyaWebhookDelivery
 *
 * Gets the #RivyaWebhookDelivery:next-retry-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookDelivery:next-retry-at
 */
const char *
rivya_webhook_delivery_get_next_retry_at (RivyaWebhookDelivery *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_DELIVERY (self), NULL);

  return self->next_retry_at;
}
