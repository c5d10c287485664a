/* rd-chat-message.c
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

#include "rd-chat-message.h"

/* One message of a conversation, the item of the conversation's
 * GListModel. An answer being streamed grows in place (append), so
 * the row showing it follows notify::content and nothing else in the
 * list changes. */
struct _RdChatMessage
{
  GObject             parent_instance;

  gint64              local_id;
  char               *role;
  GString            *content;
  char              **attachments;
  char               *server_id;
  char               *error;
  gint64              input_tokens;
  gint64              output_tokens;
  gint64              final_credits;
  gint64              created;
  RdChatMessageState  state;
};

G_DEFINE_FINAL_TYPE (RdChatMessage, rd_chat_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_STATE,
  PROP_ERROR,
  PROP_USAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rd_chat_message_finalize (GObject *object)
{
  RdChatMessage *self = (RdChatMessage *)object;

  g_clear_pointer (&self->role, g_free);
  g_string_free (self->content, TRUE);
  g_clear_pointer (&self->attachments, g_strfreev);
  g_clear_pointer (&self->server_id, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rd_chat_message_parent_class)->finalize (object);
}

static void
rd_chat_message_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RdChatMessage *self = RD_CHAT_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_string (value, self->content->str);
      break;

    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_USAGE:
      g_value_set_int64 (value, self->input_tokens + self->output_tokens);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_chat_message_class_init (RdChatMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_chat_message_finalize;
  object_class->get_property = rd_chat_message_get_property;

  properties [PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      RD_CHAT_MESSAGE_DONE, RD_CHAT_MESSAGE_FAILED, RD_CHAT_MESSAGE_DONE,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_USAGE] =
    g_param_spec_int64 ("usage", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_chat_message_init (RdChatMessage *self)
{
  self->content = g_string_new (NULL);
  self->final_credits = -1;
  self->created = g_get_real_time () / G_USEC_PER_SEC;
}

RdChatMessage *
rd_chat_message_new (const char *role,
                     const char *content)
{
  RdChatMessage *self;

  g_return_val_if_fail (role != NULL, NULL);

  self = g_object_new (RD_TYPE_CHAT_MESSAGE, NULL);
  self->role = g_strdup (role);
  g_string_assign (self->content, content ? content : "");
  return self;
}

gint64
rd_chat_message_get_local_id (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), 0);
  return self->local_id;
}

void
rd_chat_message_set_local_id (RdChatMessage *self,
                              gint64         local_id)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));
  self->local_id = local_id;
}

const char *
rd_chat_message_get_role (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), NULL);
  return self->role;
}

gboolean
rd_chat_message_is_user (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), FALSE);
  return g_strcmp0 (self->role, "user") == 0;
}

const char *
rd_chat_message_get_content (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), NULL);
  return self->content->str;
}

void
rd_chat_message_set_content (RdChatMessage *self,
                             const char    *content)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));

  if (g_strcmp0 (self->content->str, content) == 0)
    return;
  g_string_assign (self->content, content ? content : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTENT]);
}

void
rd_chat_message_append (RdChatMessage *self,
                        const char    *delta)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));

  if (delta == NULL || *delta == '\0')
    return;
  g_string_append (self->content, delta);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTENT]);
}

const char * const *
rd_chat_message_get_attachments (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), NULL);
  return (const char * const *) self->attachments;
}

void
rd_chat_message_set_attachments (RdChatMessage      *self,
                                 const char * const *file_ids)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));

  g_clear_pointer (&self->attachments, g_strfreev);
  if (file_ids != NULL && file_ids[0] != NULL)
    self->attachments = g_strdupv ((char **) file_ids);
}

RdChatMessageState
rd_chat_message_get_state (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), RD_CHAT_MESSAGE_DONE);
  return self->state;
}

void
rd_chat_message_set_state (RdChatMessage      *self,
                           RdChatMessageState  state)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));

  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATE]);
}

const char *
rd_chat_message_get_server_id (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), NULL);
  return self->server_id;
}

void
rd_chat_message_set_server_id (RdChatMessage *self,
                               const char    *server_id)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));

  if (server_id == self->server_id)
    return;
  g_free (self->server_id);
  self->server_id = g_strdup (server_id);
}

const char *
rd_chat_message_get_error (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), NULL);
  return self->error;
}

void
rd_chat_message_set_error (RdChatMessage *self,
                           const char    *error)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));

  if (g_strcmp0 (self->error, error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ERROR]);
}

void
rd_chat_message_set_usage (RdChatMessage *self,
                           gint64         input_tokens,
                           gint64         output_tokens,
                           gint64         final_credits)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));

  self->input_tokens = input_tokens;
  self->output_tokens = output_tokens;
  self->final_credits = final_credits;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_USAGE]);
}

gint64
rd_chat_message_get_input_tokens (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), 0);
  return self->input_tokens;
}

gint64
rd_chat_message_get_output_tokens (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), 0);
  return self->output_tokens;
}

/* Returns: the credits the turn settled at, -1 when not known */
gint64
rd_chat_message_get_final_credits (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), -1);
  return self->final_credits;
}

/* Returns: when the message was written, in Unix seconds */
gint64
rd_chat_message_get_created (RdChatMessage *self)
{
  g_return_val_if_fail (RD_IS_CHAT_MESSAGE (self), 0);
  return self->created;
}

void
rd_chat_message_set_created (RdChatMessage *self,
                             gint64         created)
{
  g_return_if_fail (RD_IS_CHAT_MESSAGE (self));
  self->created = created;
}
