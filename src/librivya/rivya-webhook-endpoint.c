/* rivya-webhook-endpoint.c
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

#include "rivya-webhook-endpoint.h"

#include "rivya-json-private.h"

/**
 * RivyaWebhookEndpoint:
 *
 * A webhook endpoint (A.9, B.12). Its #RivyaWebhookEndpoint:signing-secret is
 * only set in the answers of create and rotate-secret: store it then.
 */

struct _RivyaWebhookEndpoint
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *url;
  char    **event_types;
  char     *status;
  char     *secret_preview;
  char     *signing_secret;
  char     *last_success_at;
  char     *last_failure_at;
  gint64    failure_count;
  char     *created_at;
  char     *updated_at;
  char     *disabled_at;
  char     *revoked_at;
};

G_DEFINE_FINAL_TYPE (RivyaWebhookEndpoint, rivya_webhook_endpoint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_URL,
  PROP_EVENT_TYPES,
  PROP_STATUS,
  PROP_SECRET_PREVIEW,
  PROP_SIGNING_SECRET,
  PROP_LAST_SUCCESS_AT,
  PROP_LAST_FAILURE_AT,
  PROP_FAILURE_COUNT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DISABLED_AT,
  PROP_REVOKED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_webhook_endpoint_finalize (GObject *object)
{
  RivyaWebhookEndpoint *self = (RivyaWebhookEndpoint *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->event_types, g_strfreev);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->secret_preview, g_free);
  g_clear_pointer (&self->signing_secret, g_free);
  g_clear_pointer (&self->last_success_at, g_free);
  g_clear_pointer (&self->last_failure_at, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->disabled_at, g_free);
  g_clear_pointer (&self->revoked_at, g_free);

  G_OBJECT_CLASS (rivya_webhook_endpoint_parent_class)->finalize (object);
}

static void
rivya_webhook_endpoint_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RivyaWebhookEndpoint *self = RIVYA_WEBHOOK_ENDPOINT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_EVENT_TYPES:
      g_value_set_boxed (value, self->event_types);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_SECRET_PREVIEW:
      g_value_set_string (value, self->secret_preview);
      break;

    case PROP_SIGNING_SECRET:
      g_value_set_string (value, self->signing_secret);
      break;

    case PROP_LAST_SUCCESS_AT:
      g_value_set_string (value, self->last_success_at);
      break;

    case PROP_LAST_FAILURE_AT:
      g_value_set_string (value, self->last_failure_at);
      break;

    case PROP_FAILURE_COUNT:
      g_value_set_int64 (value, self->failure_count);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_DISABLED_AT:
      g_value_set_string (value, self->disabled_at);
      break;

    case PROP_REVOKED_AT:
      g_value_set_string (value, self->revoked_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_webhook_endpoint_class_init (RivyaWebhookEndpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_webhook_endpoint_finalize;
  object_class->get_property = rivya_webhook_endpoint_get_property;

  /**
   * RivyaWebhookEndpoint:id:
   *
   * The endpoint id, `whend_...`.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:name:
   *
   * A name for people.
   */
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:url:
   *
   * The HTTPS URL deliveries go to.
   */
  properties [PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:event-types:
   *
   * The event types delivered, such as `"generation.succeeded"`.
   */
  properties [PROP_EVENT_TYPES] =
    g_param_spec_boxed ("event-types", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:status:
   *
   * The status: `"active"`, `"disabled"` or `"revoked"`.
   */
  properties [PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:secret-preview:
   *
   * A recognisable preview of the signing secret.
   */
  properties [PROP_SECRET_PREVIEW] =
    g_param_spec_string ("secret-preview", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:signing-secret:
   *
   * The signing secret, `whsec_...`, only in the answers of create and
   * rotate-secret; %NULL otherwise.
   */
  properties [PROP_SIGNING_SECRET] =
    g_param_spec_string ("signing-secret", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:last-success-at:
   *
   * The last successful delivery, or %NULL.
   */
  properties [PROP_LAST_SUCCESS_AT] =
    g_param_spec_string ("last-success-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:last-failure-at:
   *
   * The last failed delivery, or %NULL.
   */
  properties [PROP_LAST_FAILURE_AT] =
    g_param_spec_string ("last-failure-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:failure-count:
   *
   * Consecutive failed events.
   */
  properties [PROP_FAILURE_COUNT] =
    g_param_spec_int64 ("failure-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:created-at:
   *
   * When the endpoint was created, ISO-8601.
   */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:updated-at:
   *
   * When the endpoint last changed, ISO-8601.
   */
  properties [PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:disabled-at:
   *
   * When too many failures disabled the endpoint, or %NULL.
   */
  properties [PROP_DISABLED_AT] =
    g_param_spec_string ("disabled-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaWebhookEndpoint:revoked-at:
   *
   * When the endpoint was deleted, or %NULL.
   */
  properties [PROP_REVOKED_AT] =
    g_param_spec_string ("revoked-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_webhook_endpoint_init (RivyaWebhookEndpoint *self)
{
  self->event_types = g_new0 (char *, 1);
}

/**
 * rivya_webhook_endpoint_new_from_json:
 * @object: a `webhook_endpoint` object
 * @error: return location for a #GError
 *
 * Reads a webhook endpoint. Unknown members are ignored and optional ones may
 * be missing or null; a member of the wrong type, or a missing required one,
 * is a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaWebhookEndpoint, or %NULL with @error set
 */
RivyaWebhookEndpoint *
rivya_webhook_endpoint_new_from_json (JsonObject  *object,
                                      GError     **error)
{
  g_autoptr(RivyaWebhookEndpoint) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_WEBHOOK_ENDPOINT, NULL);

  if (!_rivya_json_get_string (object, "webhook endpoint", "id", TRUE, &self->id, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "name", FALSE, &self->name, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "url", FALSE, &self->url, error) ||
      !_rivya_json_get_strv (object, "webhook endpoint", "event_types", &self->event_types,
                             error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "status", FALSE, &self->status,
                               error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "secret_preview", FALSE,
                               &self->secret_preview, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "signing_secret", FALSE,
                               &self->signing_secret, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "last_success_at", FALSE,
                               &self->last_success_at, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "last_failure_at", FALSE,
                               &self->last_failure_at, error) ||
      !_rivya_json_get_int (object, "webhook endpoint", "failure_count", 0,
                            &self->failure_count, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "created_at", FALSE,
                               &self->created_at, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "updated_at", FALSE,
                               &self->updated_at, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "disabled_at", FALSE,
                               &self->disabled_at, error) ||
      !_rivya_json_get_string (object, "webhook endpoint", "revoked_at", FALSE,
                               &self->revoked_at, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_webhook_endpoint_get_id:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:id property.
 *
 * Returns: the value of #RivyaWebhookEndpoint:id
 */
const char *
rivya_webhook_endpoint_get_id (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->id;
}

/**
 * rivya_webhook_endpoint_get_name:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:name property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:name
 */
const char *
rivya_webhook_endpoint_get_name (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->name;
}

/**
 * rivya_webhook_endpoint_get_url:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:url property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:url
 */
const char *
rivya_webhook_endpoint_get_url (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->url;
}

/**
 * rivya_webhook_endpoint_get_event_types:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:event-types property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaWebhookEndpoint:event-types
 */
const char * const *
rivya_webhook_endpoint_get_event_types (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return (const char * const *)self->event_types;
}

/**
 * rivya_webhook_endpoint_get_status:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:status property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:status
 */
const char *
rivya_webhook_endpoint_get_status (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->status;
}

/**
 * rivya_webhook_endpoint_get_secret_preview:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:secret-preview property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:secret-preview
 */
const char *
rivya_webhook_endpoint_get_secret_preview (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->secret_preview;
}

/**
 * rivya_webhook_endpoint_get_signing_secret:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:signing-secret property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:signing-secret
 */
const char *
rivya_webhook_endpoint_get_signing_secret (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->signing_secret;
}

/**
 * rivya_webhook_endpoint_get_last_success_at:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:last-success-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:last-success-at
 */
const char *
rivya_webhook_endpoint_get_last_success_at (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->last_success_at;
}

/**
 * rivya_webhook_endpoint_get_last_failure_at:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:last-failure-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:last-failure-at
 */
const char *
rivya_webhook_endpoint_get_last_failure_at (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->last_failure_at;
}

/**
 * rivya_webhook_endpoint_get_failure_count:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:failure-count property.
 *
 * Returns: the value of #RivyaWebhookEndpoint:failure-count
 */
gint64
rivya_webhook_endpoint_get_failure_count (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), 0);

  return self->failure_count;
}

/**
 * rivya_webhook_endpoint_get_created_at:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:created-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:created-at
 */
const char *
rivya_webhook_endpoint_get_created_at (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->created_at;
}

/**
 * rivya_webhook_endpoint_get_updated_at:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:updated-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:updated-at
 */
const char *
rivya_webhook_endpoint_get_updated_at (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->updated_at;
}

/**
 * rivya_webhook_endpoint_get_disabled_at:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:disabled-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:disabled-at
 */
const char *
rivya_webhook_endpoint_get_disabled_at (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->disabled_at;
}

/**
 * rivya_webhook_endpoint_get_revoked_at:
 * @self: a #RivyaWebhookEndpoint
 *
 * Gets the #RivyaWebhookEndpoint:revoked-at property.
 *
 * Returns: (nullable): the value of #RivyaWebhookEndpoint:revoked-at
 */
const char *
rivya_webhook_endpoint_get_revoked_at (RivyaWebhookEndpoint *self)
{
  g_return_val_if_fail (RIVYA_IS_WEBHOOK_ENDPOINT (self), NULL);

  return self->revoked_at;
}
