/* rd-chat-composer.h
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

#pragma once

#include <gtk/gtk.h>
#include <rivya.h>

#include "rd-session.h"

G_BEGIN_DECLS

#define RD_TYPE_CHAT_COMPOSER (rd_chat_composer_get_type ())

G_DECLARE_FINAL_TYPE (RdChatComposer, rd_chat_composer, RD, CHAT_COMPOSER, GtkWidget)

void        rd_chat_composer_set_session          (RdChatComposer        *self,
                                                   RdSession             *session);
void        rd_chat_composer_set_model            (RdChatComposer        *self,
                                                   RivyaModel            *model);
char       *rd_chat_composer_dup_text             (RdChatComposer        *self);
void        rd_chat_composer_set_text             (RdChatComposer        *self,
                                                   const char            *text);
GStrv       rd_chat_composer_dup_file_ids         (RdChatComposer        *self);
guint       rd_chat_composer_get_n_uploading      (RdChatComposer        *self);
void        rd_chat_composer_clear_attachments    (RdChatComposer        *self);
void        rd_chat_composer_add_file             (RdChatComposer        *self,
                                                   GFile                 *file);
void        rd_chat_composer_add_texture          (RdChatComposer        *self,
                                                   GdkTexture            *texture);
gboolean    rd_chat_composer_get_web_search       (RdChatComposer        *self);
const char *rd_chat_composer_get_reasoning_effort (RdChatComposer        *self);
void        rd_chat_composer_set_streaming        (RdChatComposer        *self,
                                                   gboolean               streaming);
void        rd_chat_composer_grab_focus           (RdChatComposer        *self);

G_END_DECLS
