/* rivya-chat-completion.c
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

#include "rivya-chat-completion.h"

#include "rivya-json-private.h"

/**
 * RivyaChatCompletion:
 *
 * One chat turn, whole (A.8): the assistant's message, the session to
 * continue, token usage and credits.
 */

struct _RivyaChatCompletion
{
  GObject           parent_instance;

  char             *id;
  char             *session_id;
  char             *model;
  char             *created_at;
  RivyaChatMessage *message;
  gint64            input_tokens;
  gint64            output_tokens;
  gint64            total_tokens;
  gint64            reserved_credits;
  gint64            final_credits;
};

G_DEFINE_FINAL_TYPE (RivyaChatCompletion, rivya_chat_completion, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SESSION_ID,
  PROP_MODEL,
  PROP_CREATED_AT,
  PROP_MESSAGE,
  PROP_INPUT_TOKENS,
  PROP_OUTPUT_TOKENS,
  PROP_TOTAL_TOKENS,
  PROP_RESERVED_CREDITS,
  PROP_FINAL_CREDITS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rivya_chat_completion_finalize (GObject *object)
{
  RivyaChatCompletion *self = (RivyaChatCompletion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_object (&self->message);

  G_OBJECT_CLASS (rivya_chat_completion_parent_class)->finalize (object);
}

static void
rivya_chat_completion_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RivyaChatCompletion *self = RIVYA_CHAT_COMPLETION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SESSION_ID:
      g_value_set_string (value, self->session_id);
      break;

    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_MESSAGE:
      g_value_set_object (value, self->message);
      break;

    case PROP_INPUT_TOKENS:
      g_value_set_int64 (value, self->input_tokens);
      break;

    case PROP_OUTPUT_TOKENS:
      g_value_set_int64 (value, self->output_tokens);
      break;

    case PROP_TOTAL_TOKENS:
      g_value_set_int64 (value, self->total_tokens);
      break;

    case PROP_RESERVED_CREDITS:
      g_value_set_int64 (value, self->reserved_credits);
      break;

    case PROP_FINAL_CREDITS:
      g_value_set_int64 (value, self->final_credits);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_chat_completion_class_init (RivyaChatCompletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rivya_chat_completion_finalize;
  object_class->get_property = rivya_chat_completion_get_property;

  /**
   * RivyaChatCompletion:id:
   *
   * The completion id, `chatcmpl_...`.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:session-id:
   *
   * The session to pass to continue the conversation.
   */
  properties [PROP_SESSION_ID] =
    g_param_spec_string ("session-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:model:
   *
   * The chat model.
   */
  properties [PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:created-at:
   *
   * When the turn was made, ISO-8601.
   */
  properties [PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:message:
   *
   * The assistant's message.
   */
  properties [PROP_MESSAGE] =
    g_param_spec_object ("message", NULL, NULL,
                         RIVYA_TYPE_CHAT_MESSAGE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:input-tokens:
   *
   * Tokens read by the model.
   */
  properties [PROP_INPUT_TOKENS] =
    g_param_spec_int64 ("input-tokens", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:output-tokens:
   *
   * Tokens written by the model.
   */
  properties [PROP_OUTPUT_TOKENS] =
    g_param_spec_int64 ("output-tokens", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:total-tokens:
   *
   * All tokens of the turn.
   */
  properties [PROP_TOTAL_TOKENS] =
    g_param_spec_int64 ("total-tokens", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:reserved-credits:
   *
   * Credits reserved before the model ran.
   */
  properties [PROP_RESERVED_CREDITS] =
    g_param_spec_int64 ("reserved-credits", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaChatCompletion:final-credits:
   *
   * Credits charged, or -1 when not given.
   */
  properties [PROP_FINAL_CREDITS] =
    g_param_spec_int64 ("final-credits", NULL, NULL,
                        G_MININT64, G_MAXINT64, -1,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rivya_chat_completion_init (RivyaChatCompletion *self)
{
  self->final_credits = -1;
}

/**
 * rivya_chat_completion_new_from_json:
 * @object: a `chat.completion` object, the answer of `POST /api/v1/chat/completions`
 * @error: return location for a #GError
 *
 * Reads a chat completion. Unknown members are ignored and optional ones may
 * be missing or null; a member of the wrong type, or a missing required one,
 * is a %RIVYA_ERROR_PARSE error.
 *
 * Returns: (transfer full): the new #RivyaChatCompletion, or %NULL with @error set
 */
RivyaChatCompletion *
rivya_chat_completion_new_from_json (JsonObject  *object,
                                     GError     **error)
{
  g_autoptr(RivyaChatCompletion) self = NULL;
  JsonObject *usage = NULL;
  JsonObject *credits = NULL;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RIVYA_TYPE_CHAT_COMPLETION, NULL);

  if (!_rivya_json_get_string (object, "chat completion", "id", TRUE, &self->id, error) ||
      !_rivya_json_get_string (object, "chat completion", "session_id", FALSE,
                               &self->session_id, error) ||
      !_rivya_json_get_string (object, "chat completion", "model", FALSE, &self->model, error) ||
      !_rivya_json_get_string (object, "chat completion", "created_at", FALSE,
                               &self->created_at, error) ||
      !_rivya_json_get_child (object, "chat completion", "message",
                              (RivyaJsonObjectFunc)rivya_chat_message_new_from_json,
                              (gpointer *)&self->message, error))
    return NULL;

  if (!_rivya_json_get_object (object, "chat completion", "usage", &usage, error) ||
      (usage != NULL &&
       (!_rivya_json_get_int (usage, "chat completion usage", "input_tokens", 0,
                              &self->input_tokens, error) ||
        !_rivya_json_get_int (usage, "chat completion usage", "output_tokens", 0,
                              &self->output_tokens, error) ||
        !_rivya_json_get_int (usage, "chat completion usage", "total_tokens",
                              self->input_tokens + self->output_tokens,
                              &self->total_tokens, error))) ||
      !_rivya_json_get_object (object, "chat completion", "credits", &credits, error) ||
      (credits != NULL &&
       (!_rivya_json_get_int (credits, "chat completion credits", "reserved", 0,
                              &self->reserved_credits, error) ||
        !_rivya_json_get_int (credits, "chat completion credits", "final", -1,
                              &self->final_credits, error))))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * rivya_chat_completion_get_id:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:id property.
 *
 * Returns: the value of #RivyaChatCompletion:id
 */
const char *
rivya_chat_completion_get_id (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), NULL);

  return self->id;
}

/**
 * rivya_chat_completion_get_session_id:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:session-id property.
 *
 * Returns: (nullable): the value of #RivyaChatCompletion:session-id
 */
const char *
rivya_chat_completion_get_session_id (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), NULL);

  return self->session_id;
}

/**
 * rivya_chat_completion_get_model:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:model property.
 *
 * Returns: (nullable): the value of #RivyaChatCompletion:model
 */
const char *
rivya_chat_completion_get_model (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), NULL);

  return self->model;
}

/**
 * rivya_chat_completion_get_created_at:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:created-at property.
 *
 * Returns: (nullable): the value of #RivyaChatCompletion:created-at
 */
const char *
rivya_chat_completion_get_created_at (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), NULL);

  return self->created_at;
}

/**
 * rivya_chat_completion_get_message:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:message property.
 *
 * Returns: (transfer none) (nullable): the value of
 * #RivyaChatCompletion:message
 */
RivyaChatMessage *
rivya_chat_completion_get_message (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), NULL);

  return self->message;
}

/**
 * rivya_chat_completion_get_input_tokens:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:input-tokens property.
 *
 * Returns: the value of #RivyaChatCompletion:input-tokens
 */
gint64
rivya_chat_completion_get_input_tokens (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), 0);

  return self->input_tokens;
}

/**
 * rivya_chat_completion_get_output_tokens:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:output-tokens property.
 *
 * Returns: the value of #RivyaChatCompletion:output-tokens
 */
gint64
rivya_chat_completion_get_output_tokens (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), 0);

  return self->output_tokens;
}

/**
 * rivya_chat_completion_get_total_tokens:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:total-tokens property.
 *
 * Returns: the value of #RivyaChatCompletion:total-tokens
 */
gint64
rivya_chat_completion_get_total_tokens (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), 0);

  return self->total_tokens;
}

/**
 * rivya_chat_completion_get_reserved_credits:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:reserved-credits property.
 *
 * Returns: the value of #RivyaChatCompletion:reserved-credits
 */
gint64
rivya_chat_completion_get_reserved_credits (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), 0);

  return self->reserved_credits;
}

/**
 * rivya_chat_completion_get_final_credits:
 * @self: a #RivyaChatCompletion
 *
 * Gets the #RivyaChatCompletion:final-credits property.
 *
 * Returns: the value of #RivyaChatCompletion:final-credits
 */
gint64
rivya_chat_completion_get_final_credits (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), 0);

  return self->final_credits;
}

/**
 * rivya_chat_completion_get_content:
 * @self: a #RivyaChatCompletion
 *
 * Gives the text of the assistant's answer.
 *
 * Returns: (nullable): the answer's text
 */
const char *
rivya_chat_completion_get_content (RivyaChatCompletion *self)
{
  g_return_val_if_fail (RIVYA_IS_CHAT_COMPLETION (self), NULL);

  return self->message ? rivya_chat_message_get_content (self->message) : NULL;
}
