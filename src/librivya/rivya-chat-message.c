/* rivya-chat-message.c
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

#include "rivya-chat-message.h"

#include "rivya-error-private.h"
#include "rivya-json-private.h"

/**
 * RivyaChatMessage:
 *
 * One message of a chat session (A.8, B.10): the user's or the assistant's.
 */

struct _RivyaChatMessage
{
  GObject   parent_instance;

  char     *id;
  char     *role;
  char     *content;
  char    **attachments;
  char     *created_at;
};

G_DEFINE_FINAL_TYPE (RivyaChatMessage, rivya_chat_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROLE,
  PROP_CONTENT,
  PROP_ATTACHMENTS,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_chat_message_finalize (GObject *object)
{
  RivyaChatMessage *self = (RivyaChatMessage *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->attachments, g_strfreev);
  g_clear_pointer (&self->created_at, g_free);

  G_OBJECT_CLASS (rivya_chat_message_parent_class)->finalize (object);
}

static void
rivya_chat_message_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RivyaChatMessage *self = RIVYA_CHAT_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;

    case PROP_ATTACHMENTS:
      g_value_set_boxed (value, self->attachments);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_chat_message_class_init (RivyaChatMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_chat_message_finalize;
  object_class->get_property = rivya_chat_message_get_property;

  /**
   * RivyaChatMessage:id:
   *
   * The message id, `msg_...`.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatMessage:role:
   *
   * Who wrote it: `"user"` or `"assistant"`.
   */
  properties [PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatMessage:content:
   *
   * The text of the message.
   */
  properties [PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatMessage:attachments:
   *
   * The ids of the files attached to the message.
   */
  properties [PROP_ATTACHMENTS] =
    g_param_spec_boxed ("attachments", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatMessage:created-at:
   *
   * When the message was written, ISO-8601.
   */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_chat_message_init (RivyaChatMessage *self)
{
  self->attachments = g_new0 (char *, 1);
}

/**
 * rivya_chat_message_new_from_json:
 * @object: a message object, from a session's `messages` or a completion's `message`
 * @error: return location for a #GError
 *
 * Reads a chat message. Unknown members are ignored and optional ones may be
 * missing or null; a member of the wrong type, or a missing required one, is
 * a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaChatMessage, or %NULL with @error set
 */
RivyaChatMessage *
rivya_chat_message_new_from_json (JsonObject  *object,
                                  GError     **error)
{
  g_autoptr(RivyaChatMessage) self = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *attachments = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_CHAT_MESSAGE, NULL);

  if (!_rivya_json_get_string (object, "chat message", "id", FALSE, &self->id, error) ||
      !_rivya_json_get_string (object, "chat message", "role", FALSE, &self->role, error) ||
      !_rivya_json_get_string (object, "chat message", "content", FALSE, &self->content, error) ||
      !_rivya_json_get_string (object, "chat message", "created_at", FALSE, &self->created_at,
                               error))
    return NULL;

  if (!_rivya_json_get_array (object, "chat message", "attachments", &attachments, error))
    return NULL;

  /* [{"file_id": "file_..."}]: only the ids matter. */
  for (guint i = 0; attachments != NULL && i < json_array_get_length (attachments); i++)
    {
      JsonNode *element = json_array_get_element (attachments, i);
      g_autofree char *file_id = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_propagate_error (error,
                             _rivya_error_new (RIVYA_ERROR_PARSE, NULL, 0, NULL, "attachments", 0,
                                               "Could not read the chat message: "
                                               "“attachments[%u]” is not an object", i));
          return NULL;
        }
      if (!_rivya_json_get_string (json_node_get_object (element), "chat message attachment",
                                   "file_id", TRUE, &file_id, error))
        return NULL;
      g_strv_builder_add (builder, file_id);
    }

  g_strfreev (self->attachments);
  self->attachments = g_strv_builder_end (builder);

  return g_steal_pointer (&self);
}

/**
 * rivya_chat_message_get_id:
 * @self: a #RivyaChatMessage
 *
 * Gets the #RivyaChatMessage:id property.
 *
 * Returns: (nullable): the value of #RivyaChatMessage:id
 */
const char *
rivya_chat_message_get_id (RivyaChatMessage *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_MESSAGE (self), NULL);

  return self->id;
}

/**
 * rivya_chat_message_get_role:
 * @self: a #RivyaChatMessage
 *
 * Gets the #RivyaChatMessage:role property.
 *
 * Returns: (nullable): the value of #RivyaChatMessage:role
 */
const char *
rivya_chat_message_get_role (RivyaChatMessage *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_MESSAGE (self), NULL);

  return self->role;
}

/**
 * rivya_chat_message_get_content:
 * @self: a #RivyaChatMessage
 *
 * Gets the #RivyaChatMessage:content property.
 *
 * Returns: (nullable): the value of #RivyaChatMessage:content
 */
const char *
rivya_chat_message_get_content (RivyaChatMessage *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_MESSAGE (self), NULL);

  return self->content;
}

/**
 * rivya_chat_message_get_attachments:
 * @self: a #RivyaChatMessage
 *
 * Gets the #RivyaChatMessage:attachments property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaChatMessage:attachments
 */
const char * const *
rivya_chat_message_get_attachments (RivyaChatMessage *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_MESSAGE (self), NULL);

  return (const char * const *)self->attachments;
}

/**
 * rivya_chat_message_get_created_at:
 * @self: a #RivyaChatMessage
 *
 * Gets the #RivyaChatMessage:created-at property.
 *
 * Returns: (nullable): the value of #RivyaChatMessage:created-at
 */
const char *
rivya_chat_message_get_created_at (RivyaChatMessage *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_MESSAGE (self), NULL);

  return self->created_at;
}
