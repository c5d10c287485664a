/* rivya-chat-capabilities.c
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

#include "rivya-chat-capabilities.h"

#include "rivya-json-private.h"

/**
 * RivyaChatCapabilities:
 *
 * What a chat model supports (B.6): streaming, attachment kinds, web search,
 * reasoning efforts.
 */

struct _RivyaChatCapabilities
{
  GObject    parent_instance;

  gboolean   streaming;
  char     **attachments;
  gboolean   web_search;
  char     **reasoning_efforts;
  gboolean   thought_mode;
};

G_DEFINE_FINAL_TYPE (RivyaChatCapabilities, rivya_chat_capabilities, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STREAMING,
  PROP_ATTACHMENTS,
  PROP_WEB_SEARCH,
  PROP_REASONING_EFFORTS,
  PROP_THOUGHT_MODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_chat_capabilities_finalize (GObject *object)
{
  RivyaChatCapabilities *self = (RivyaChatCapabilities *)object;

  g_clear_pointer (&self->attachments, g_strfreev);
  g_clear_pointer (&self->reasoning_efforts, g_strfreev);

  G_OBJECT_CLASS (rivya_chat_capabilities_parent_class)->finalize (object);
}

static void
rivya_chat_capabilities_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RivyaChatCapabilities *self = RIVYA_CHAT_CAPABILITIES (object);

  switch (prop_id)
    {
    case PROP_STREAMING:
      g_value_set_boolean (value, self->streaming);
      break;

    case PROP_ATTACHMENTS:
      g_value_set_boxed (value, self->attachments);
      break;

    case PROP_WEB_SEARCH:
      g_value_set_boolean (value, self->web_search);
      break;

    case PROP_REASONING_EFFORTS:
      g_value_set_boxed (value, self->reasoning_efforts);
      break;

    case PROP_THOUGHT_MODE:
      g_value_set_boolean (value, self->thought_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_chat_capabilities_class_init (RivyaChatCapabilitiesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_chat_capabilities_finalize;
  object_class->get_property = rivya_chat_capabilities_get_property;

  /**
   * RivyaChatCapabilities:streaming:
   *
   * Whether the model answers `POST /api/v1/chat/completions/stream`.
   */
  properties [PROP_STREAMING] =
    g_param_spec_boolean ("streaming", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCapabilities:attachments:
   *
   * The kinds of attachment the model takes, such as `"image"`; empty when it
   * takes none.
   */
  properties [PROP_ATTACHMENTS] =
    g_param_spec_boxed ("attachments", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCapabilities:web-search:
   *
   * Whether `enable_web_search` may be set.
   */
  properties [PROP_WEB_SEARCH] =
    g_param_spec_boolean ("web-search", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCapabilities:reasoning-efforts:
   *
   * The values `reasoning_effort` accepts, such as `"default"` or `"high"`;
   * empty when it accepts none.
   */
  properties [PROP_REASONING_EFFORTS] =
    g_param_spec_boxed ("reasoning-efforts", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCapabilities:thought-mode:
   *
   * Whether the model has a thought mode.
   */
  properties [PROP_THOUGHT_MODE] =
    g_param_spec_boolean ("thought-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_chat_capabilities_init (RivyaChatCapabilities *self)
{
  self->attachments = g_new0 (char *, 1);
  self->reasoning_efforts = g_new0 (char *, 1);
}

/**
 * rivya_chat_capabilities_new_from_json:
 * @object: a model's `chat_capabilities` object
 * @error: return location for a #GError
 *
 * Reads a chat capabilities. Unknown members are ignored and optional ones
 * may be missing or null; a member of the wrong type, or a missing required
 * one, is a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaChatCapabilities, or %NULL with @error set
 */
RivyaChatCapabilities *
rivya_chat_capabilities_new_from_json (JsonObject  *object,
                                       GError     **error)
{
  g_autoptr(RivyaChatCapabilities) self = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_CHAT_CAPABILITIES, NULL);

  if (!_rivya_json_get_boolean (object, "chat capabilities", "streaming", FALSE,
                                &self->streaming, error) ||
      !_rivya_json_get_strv (object, "chat capabilities", "attachments", &self->attachments,
                             error) ||
      !_rivya_json_get_boolean (object, "chat capabilities", "web_search", FALSE,
                                &self->web_search, error) ||
      !_rivya_json_get_strv (object, "chat capabilities", "reasoning_efforts",
                             &self->reasoning_efforts, error) ||
      !_rivya_json_get_boolean (object, "chat capabilities", "thought_mode", FALSE,
                                &self->thought_mode, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_chat_capabilities_get_streaming:
 * @self: a #RivyaChatCapabilities
 *
 * Gets the #RivyaChatCapabilities:streaming property.
 *
 * Returns: the value of #RivyaChatCapabilities:streaming
 */
gboolean
rivya_chat_capabilities_get_streaming (RivyaChatCapabilities *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_CAPABILITIES (self), FALSE);

  return self->streaming;
}

/**
 * rivya_chat_capabilities_get_attachments:
 * @self: a #RivyaChatCapabilities
 *
 * Gets the #RivyaChatCapabilities:attachments property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaChatCapabilities:attachments
 */
const char * const *
rivya_chat_capabilities_get_attachments (RivyaChatCapabilities *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_CAPABILITIES (self), NULL);

  return (const char * const *)self->attachments;
}

/**
 * rivya_chat_capabilities_get_web_search:
 * @self: a #RivyaChatCapabilities
 *
 * Gets the #RivyaChatCapabilities:web-search property.
 *
 * Returns: the value of #RivyaChatCapabilities:web-search
 */
gboolean
rivya_chat_capabilities_get_web_search (RivyaChatCapabilities *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_CAPABILITIES (self), FALSE);

  return self->web_search;
}

/**
 * rivya_chat_capabilities_get_reasoning_efforts:
 * @self: a #RivyaChatCapabilities
 *
 * Gets the #RivyaChatCapabilities:reasoning-efforts property.
 *
 * Returns: (transfer none) (array zero-terminated=1): the value of
 * #RivyaChatCapabilities:reasoning-efforts
 */
const char * const *
rivya_chat_capabilities_get_reasoning_efforts (RivyaChatCapabilities *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_CAPABILITIES (self), NULL);

  return (const char * const *)self->reasoning_efforts;
}

/**
 * rivya_chat_capabilities_get_thought_mode:
 * @self: a #RivyaChatCapabilities
 *
 * Gets the #RivyaChatCapabilities:thought-mode property.
 *
 * Returns: the value of #RivyaChatCapabilities:thought-mode
 */
gboolean
rivya_chat_capabilities_get_thought_mode (RivyaChatCapabilities *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_CAPABILITIES (self), FALSE);

  return self->thought_mode;
}
