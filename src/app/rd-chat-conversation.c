/* rd-chat-conversation.c
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

#include <glib/gi18n.h>

#include "rd-chat-conversation.h"

/* One chat session as the sessions list shows it: kept in the local
 * history, known to the server (server-id), or both. Its messages are
 * read only when it is opened (loaded), since a history can hold many
 * long conversations. */
struct _RdChatConversation
{
  GObject     parent_instance;

  gint64      local_id;
  char       *server_id;
  char       *model;
  char       *title;
  gint64      updated;
  guint       message_count;
  GListStore *messages;
  guint       loaded : 1;
};

G_DEFINE_FINAL_TYPE (RdChatConversation, rd_chat_conversation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
dup_subtitle (RdChatConversation *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  if (self->updated <= 0)
    return g_strdup (self->model);
  when = g_date_time_new_from_unix_local (self->updated);
  /* translators: a chat session's date in the sessions list, see g_date_time_format() */
  date = g_date_time_format (when, _("%e %b, %H:%M"));
  /* translators: model id · date, under a chat session's title */
  return g_strdup_printf (_("%s · %s"), self->model, g_strstrip (date));
}

static void
rd_chat_conversation_finalize (GObject *object)
{
  RdChatConversation *self = (RdChatConversation *)object;

  g_clear_pointer (&self->server_id, g_free);
  g_clear_pointer (&self->model, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->messages);

  G_OBJECT_CLASS (rd_chat_conversation_parent_class)->finalize (object);
}

static void
rd_chat_conversation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RdChatConversation *self = RD_CHAT_CONVERSATION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, rd_chat_conversation_get_title (self));
      break;

    case PROP_SUBTITLE:
      g_value_take_string (value, dup_subtitle (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_chat_conversation_class_init (RdChatConversationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rd_chat_conversation_finalize;
  object_class->get_property = rd_chat_conversation_get_property;

  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_chat_conversation_init (RdChatConversation *self)
{
  self->messages = g_list_store_new (RD_TYPE_CHAT_MESSAGE);
}

RdChatConversation *
rd_chat_conversation_new (const char *model)
{
  RdChatConversation *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = g_object_new (RD_TYPE_CHAT_CONVERSATION, NULL);
  self->model = g_strdup (model);
  return self;
}

gint64
rd_chat_conversation_get_local_id (RdChatConversation *self)
{
  g_return_val_if_fail (RD_IS_CHAT_CONVERSATION (self), 0);
  return self->local_id;
}

void
rd_chat_conversation_set_local_id (RdChatConversation *self,
                                   gint64              local_id)
{
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (self));
  self->local_id = local_id;
}

const char *
rd_chat_conversation_get_server_id (RdChatConversation *self)
{
  g_return_val_if_fail (RD_IS_CHAT_CONVERSATION (self), NULL);
  return self->server_id;
}

void
rd_chat_conversation_set_server_id (RdChatConversation *self,
                                    const char         *server_id)
{
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (self));

  if (server_id == self->server_id)
    return;
  g_free (self->server_id);
  self->server_id = g_strdup (server_id);
}

const char *
rd_chat_conversation_get_model (RdChatConversation *self)
{
  g_return_val_if_fail (RD_IS_CHAT_CONVERSATION (self), NULL);
  return self->model;
}

const char *
rd_chat_conversation_get_title (RdChatConversation *self)
{
  g_return_val_if_fail (RD_IS_CHAT_CONVERSATION (self), NULL);
  return self->title && *self->title ? self->title : _("New chat");
}

void
rd_chat_conversation_set_title (RdChatConversation *self,
                                const char         *title)
{
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

gint64
rd_chat_conversation_get_updated (RdChatConversation *self)
{
  g_return_val_if_fail (RD_IS_CHAT_CONVERSATION (self), 0);
  return self->updated;
}

void
rd_chat_conversation_set_updated (RdChatConversation *self,
                                  gint64              updated)
{
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (self));

  if (self->updated == updated)
    return;
  self->updated = updated;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SUBTITLE]);
}

guint
rd_chat_conversation_get_message_count (RdChatConversation *self)
{
  g_return_val_if_fail (RD_IS_CHAT_CONVERSATION (self), 0);

  if (self->loaded)
    return g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  return self->message_count;
}

void
rd_chat_conversation_set_message_count (RdChatConversation *self,
                                        guint               count)
{
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (self));
  self->message_count = count;
}

/* Returns: (transfer none): the messages, in order, once loaded */
GListStore *
rd_chat_conversation_get_messages (RdChatConversation *self)
{
  g_return_val_if_fail (RD_IS_CHAT_CONVERSATION (self), NULL);
  return self->messages;
}

gboolean
rd_chat_conversation_get_loaded (RdChatConversation *self)
{
  g_return_val_if_fail (RD_IS_CHAT_CONVERSATION (self), FALSE);
  return self->loaded;
}

void
rd_chat_conversation_set_loaded (RdChatConversation *self,
                                 gboolean            loaded)
{
  g_return_if_fail (RD_IS_CHAT_CONVERSATION (self));
  self->loaded = !!loaded;
}
