/* rd-chat-page-recipe.c
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
#include "rd-chat-message.h"
#include "rd-chat-page-private.h"
#include "rd-recipe.h"
#include "rd-window.h"

/* "Copy As…" on a question: the same turn sent through the API with curl
 * or the rivya command, to continue the same session when the question was
 * not the first of it. Attachments were uploaded files whose addresses
 * expire, so the recipe asks for the local files again (placeholders). */

static RdChatMessage *
find_message (RdChatConversation *conversation,
              gint64              local_id,
              gboolean           *first)
{
  GListModel *messages = G_LIST_MODEL (rd_chat_conversation_get_messages (conversation));
  gboolean seen_question = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(RdChatMessage) message = g_list_model_get_item (messages, i);

      if (rd_chat_message_get_local_id (message) == local_id)
        {
          *first = !seen_question;
          return message;
        }
      if (rd_chat_message_is_user (message))
        seen_question = TRUE;
    }
  return NULL;
}

void
_rd_chat_page_copy_as (RdChatPage *self,
                       gint64      local_id,
                       const char *format_name)
{
  g_auto(GStrv) placeholders = NULL;
  g_autofree char *text = NULL;
  const char * const *attachments;
  RdChatMessage *message;
  RivyaClient *client;
  RdRecipeFormat format;
  gboolean first = TRUE;
  GtkRoot *root;

  if (self->current == NULL || self->session == NULL ||
      !rd_recipe_format_from_string (format_name, &format) || format == RD_RECIPE_FORMAT_C ||
      (message = find_message (self->current, local_id, &first)) == NULL ||
      (client = rd_session_get_client (self->session)) == NULL)
    return;

  attachments = rd_chat_message_get_attachments (message);
  if (attachments != NULL)
    {
      guint n = g_strv_length ((char **) attachments);

      placeholders = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        placeholders[i] = g_strdup_printf ("./attachment-%u.png", i + 1);
    }

  text = rd_recipe_for_chat_turn (format,
                                  rivya_client_get_base_url (client),
                                  rd_chat_conversation_get_model (self->current),
                                  first ? NULL : rd_chat_conversation_get_server_id (self->current),
                                  rd_chat_message_get_content (message),
                                  (const char * const *) placeholders,
                                  FALSE, NULL);
  if (text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (RD_IS_WINDOW (root))
    rd_window_add_toast (RD_WINDOW (root),
                         format == RD_RECIPE_FORMAT_CURL ? _("Copied as a curl script")
                                                         : _("Copied as a rivya command"),
                         NULL, NULL);
}
