/* rivya-chat-session.c
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

#include "rivya-chat-session.h"

#include "rivya-json-private.h"

/**
 * RivyaChatSession:
 *
 * An API-created chat session (A.8, B.10). Sessions read from the list have
 * no messages; rivya_client_get_chat_session_async() gives them in order.
 */

struct _RivyaChatSession
{
  GObject     parent_instance;

  char       *id;
  char       *model;
  char       *title;
  gint64      message_count;
  char       *created_at;
  char       *updated_at;
  GListStore *messages;
};

G_DEFINE_FINAL_TYPE (RivyaChatSession, rivya_chat_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_MODEL,
  PROP_TITLE,
  PROP_MESSAGE_COUNT,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_MESSAGES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_chat_session_finalize (GObject *object)
{
  RivyaChatSession *self = (RivyaChatSession *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_object (&self->messages);

  G_OBJECT_CLASS (rivya_chat_session_parent_class)->finalize (object);
}

static void
rivya_chat_session_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RivyaChatSession *self = RIVYA_CHAT_SESSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_MESSAGE_COUNT:
      g_value_set_int64 (value, self->message_count);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_MESSAGES:
      g_value_set_object (value, self->messages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_chat_session_class_init (RivyaChatSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_chat_session_finalize;
  object_class->get_property = rivya_chat_session_get_property;

  /**
   * RivyaChatSession:id:
   *
   * The session id, to continue the conversation.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatSession:model:
   *
   * The chat model of the session; only this model may continue it.
   */
  properties [PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatSession:title:
   *
   * A title: the start of the first message.
   */
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatSession:message-count:
   *
   * How many messages the session holds.
   */
  properties [PROP_MESSAGE_COUNT] =
    g_param_spec_int64 ("message-count", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatSession:created-at:
   *
   * When the session started, ISO-8601.
   */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatSession:updated-at:
   *
   * When the session last changed, ISO-8601.
   */
  properties [PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatSession:messages:
   *
   * The messages in order, a #GListModel of #RivyaChatMessage; empty for
   * sessions read from the list.
   */
  properties [PROP_MESSAGES] =
    g_param_spec_object ("messages", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_chat_session_init (RivyaChatSession *self)
{
  self->messages = g_list_store_new (RIVYA_TYPE_CHAT_MESSAGE);
}

/**
 * rivya_chat_session_new_from_json:
 * @object: a session object, from `GET /api/v1/chat/sessions` or `.../sessions/{id}`
 * @error: return location for a #GError
 *
 * Reads a chat session. Unknown members are ignored and optional ones may be
 * missing or null; a member of the wrong type, or a missing required one, is
 * a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaChatSession, or %NULL with @error set
 */
RivyaChatSession *
rivya_chat_session_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  g_autoptr(RivyaChatSession) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_CHAT_SESSION, NULL);

  if (!_rivya_json_get_string (object, "chat session", "id", TRUE, &self->id, error) ||
      !_rivya_json_get_string (object, "chat session", "model", FALSE, &self->model, error) ||
      !_rivya_json_get_string (object, "chat session", "title", FALSE, &self->title, error) ||
      !_rivya_json_get_int (object, "chat session", "message_count", 0, &self->message_count,
                            error) ||
      !_rivya_json_get_string (object, "chat session", "created_at", FALSE, &self->created_at,
                               error) ||
      !_rivya_json_get_string (object, "chat session", "updated_at", FALSE, &self->updated_at,
                               error))
    return NULL;

  g_clear_object (&self->messages);
  self->messages = _rivya_json_get_list (object, "chat session", "messages",
                                         RIVYA_TYPE_CHAT_MESSAGE,
                                         (RivyaJsonObjectFunc)rivya_chat_message_new_from_json,
                                         error);
  if (self->messages == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_chat_session_get_id:
 * @self: a #RivyaChatSession
 *
 * Gets the #RivyaChatSession:id property.
 *
 * Returns: the value of #RivyaChatSession:id
 */
const char *
rivya_chat_session_get_id (RivyaChatSession *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_SESSION (self), NULL);

  return self->id;
}

/**
 * rivya_chat_session_get_model:
 * @self: a #RivyaChatSession
 *
 * Gets the #RivyaChatSession:model property.
 *
 * Returns: (nullable): the value of #RivyaChatSession:model
 */
const char *
rivya_chat_session_get_model (RivyaChatSession *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_SESSION (self), NULL);

  return self->model;
}

/**
 * rivya_chat_session_get_title:
 * @self: a #RivyaChatSession
 *
 * Gets the #RivyaChatSession:title property.
 *
 * Returns: (nullable): the value of #RivyaChatSession:title
 */
const char *
rivya_chat_session_get_title (RivyaChatSession *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_SESSION (self), NULL);

  return self->title;
}

/**
 * rivya_chat_session_get_message_count:
 * @self: a #RivyaChatSession
 *
 * Gets the #RivyaChatSession:message-count property.
 *
 * Returns: the value of #RivyaChatSession:message-count
 */
gint64
rivya_chat_session_get_message_count (RivyaChatSession *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_SESSION (self), 0);

  return self->message_count;
}

/**
 * rivya_chat_session_get_created_at:
 * @self: a #RivyaChatSession
 *
 * Gets the #RivyaChatSession:created-at property.
 *
 * Returns: (nullable): the value of #RivyaChatSession:created-at
 */
const char *
rivya_chat_session_get_created_at (RivyaChatSession *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_SESSION (self), NULL);

  return self->created_at;
}

/**
 * rivya_chat_session_get_updated_at:
 * @self: a #RivyaChatSession
 *
 * Gets the #RivyaChatSession:updated-at property.
 *
 * Returns: (nullable): the value of #RivyaChatSession:updated-at
 */
const char *
rivya_chat_session_get_updated_at (RivyaChatSession *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_SESSION (self), NULL);

  return self->updated_at;
}

/**
 * rivya_chat_session_get_messages:
 * @self: a #RivyaChatSession
 *
 * Gets the #RivyaChatSession:messages property.
 *
 * Returns: (transfer none): the value of #RivyaChatSession:messages
 */
GListModel *
rivya_chat_session_get_messages (RivyaChatSession *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_SESSION (self), NULL);

  return G_LIST_MODEL (self->messages);
}
