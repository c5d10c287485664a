/* rivya-webhook-event.c
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

#include "rivya-webhook-event.h"

#include "rivya-json-private.h"

/**
 * RivyaWebhookEvent:
 *
 * An event (A.9, B.12): `generation.succeeded` and `generation.failed` carry
 * the generation; `webhook.test` carries the endpoint id.
 */

struct _RivyaWebhookEvent
{
  GObject          parent_instance;

  char            *id;
  char            *event_type;
  char            *api_version;
  char            *created_at;
  JsonNode        *data;
  RivyaGeneration *generation;
};

G_DEFINE_FINAL_TYPE (RivyaWebhookEvent, rivya_webhook_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_EVENT_TYPE,
  PROP_API_VERSION,
  PROP_CREATED_AT,
  PROP_DATA,
  PROP_GENERATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_webhook_event_finalize (GObject *object)
{
  RivyaWebhookEvent *self = (RivyaWebhookEvent *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->event_type, g_free);
  g_clear_pointer (&self->api_version, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->data, json_node_unref);
  g_clear_object (&self->generation);

  G_OBJECT_CLASS (rivya_webhook_event_parent_class)->finalize (object);
}

static void
rivya_webhook_event_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RivyaWebhookEvent *self = RIVYA_WEBHOOK_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_EVENT_TYPE:
      g_value_set_string (value, self->event_type);
      break;

    case PROP_API_VERSION:
      g_value_set_string (value, self->api_version);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;

    case PROP_GENERATION:
      g_value_set_object (value, self->generation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_webhook_event_class_init (RivyaWebhookEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_webhook_event_finalize;
  object_class->get_property = rivya_webhook_event_get_property;

  /**
   * RivyaWebhookEvent:id:
   *
   * The event id, `evt_...`; receivers dedupe on it.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEvent:event-type:
   *
   * The type, such as `"generation.succeeded"`.
   */
  properties [PROP_EVENT_TYPE] =
    g_param_spec_string ("event-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEvent:api-version:
   *
   * The API version of the payload, such as `"2026-05-11"`.
   */
  properties [PROP_API_VERSION] =
    g_param_spec_string ("api-version", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEvent:created-at:
   *
   * When the event happened, ISO-8601.
   */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEvent:data:
   *
   * The payload, as JSON.
   */
  properties [PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL,
                        JSON_TYPE_NODE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEvent:generation:
   *
   * The generation of a `generation.*` event, or %NULL.
   */
  properties [PROP_GENERATION] =
    g_param_spec_object ("generation", NULL, NULL,
                         RIVYA_TYPE_GENERATION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_webhook_event_init (RivyaWebhookEvent *self)
{
}

/**
 * rivya_webhook_event_new_from_json:
 * @object: an `event` object, from `GET /api/v1/webhook-events` or a delivery's body
 * @error: return location for a #GError
 *
 * Reads a webhook event. Unknown members are ignored and optional ones may be
 * missing or null; a member of the wrong type, or a missing required one, is
 * a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaWebhookEvent, or %NULL with @error set
 */
RivyaWebhookEvent *
rivya_webhook_event_new_from_json (JsonObject  *object,
                                   GError     **error)
{
  g_autoptr(RivyaWebhookEvent) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_WEBHOOK_EVENT, NULL);

  if (!_rivya_json_get_string (object, "webhook event", "id", TRUE, &self->id, error) ||
      !_rivya_json_get_string (object, "webhook event", "type", FALSE, &self->event_type, error) ||
      !_rivya_json_get_string (object, "webhook event", "api_version", FALSE,
                               &self->api_version, error) ||
      !_rivya_json_get_string (object, "webhook event", "created_at", FALSE, &self->created_at,
                               error) ||
      !_rivya_json_get_node (object, "webhook event", "data", &self->data, error))
    return NULL;

  /* generation.* events carry the generation object of the status route. */
  if (self->event_type != NULL && g_str_has_prefix (self->event_type, "generation.") &&
      !_rivya_json_get_child (object, "webhook event", "data",
                              (RivyaJsonObjectFunc)rivya_generation_new_from_json,
                              (gpointer *)&self->generation, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_webhook_event_get_id:
 * @self: a #RivyaWebhookEvent
 *
 * Gets the #RivyaWebhookEvent:id property.
 *
 * Returns: the value of #RivyaWebhookEvent:id
 */
const char *
rivya_webhook_event_get_id (RivyaWebhookEvent *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_EVENT (self), NULL);

  return self->id;
}

/**
 * rivya_webhook_event_get_event_type:
 * @self: a #RivyaWebhookEvent
 *
 * Gets the #RivyaWebhookEvent:event-type property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEvent:event-type
 */
const char *
rivya_webhook_event_get_event_type (RivyaWebhookEvent *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_EVENT (self), NULL);

  return self->event_type;
}

/**
 * rivya_webhook_event_get_api_version:
 * @self: a #RivyaWebhookEvent
 *
 * Gets the #RivyaWebhookEvent:api-version property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEvent:api-version
 */
const char *
rivya_webhook_event_get_api_version (RivyaWebhookEvent *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_EVENT (self), NULL);

  return self->api_version;
}

/**
 * rivya_webhook_event_get_created_at:
 * @self: a #RivyaWebhookEvent
 *
 * Gets the #RivyaWebhookEvent:created-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEvent:created-at
 */
const char *
rivya_webhook_event_get_created_at (RivyaWebhookEvent *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_EVENT (self), NULL);

  return self->created_at;
}

/**
 * rivya_webhook_event_get_data:
 * @self: a #RivyaWebhookEvent
 *
 * Gets the #RivyaWebhookEvent:data property.
 *
 * Returns: (transfer none) (nullable): the value of #RivyaWebhookEvent:data
 */
JsonNode *
rivya_webhook_event_get_data (RivyaWebhookEvent *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_EVENT (self), NULL);

  return self->data;
}

/**
 * rivya_webhook_event_get_generation:
 * @self: a #RivyaWebhookEvent
 *
 * Gets the #RivyaWebhookEvent:generation property.
 *
 * Returns: (transfer none) (nullable): the value of
 * #RivyaWebhookEvent:generation
 */
RivyaGeneration *
rivya_webhook_event_get_generation (RivyaWebhookEvent *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_EVENT (self), NULL);

  return self->generation;
}
