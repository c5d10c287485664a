/* srv-chat.h
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

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "srv-context.h"
#include "srv-store-chat.h"

G_BEGIN_DECLS

/* The pieces of the Chat API (A.8, B.9, B.10, Part C): the local
 * assistant, image analysis, the optional OpenAI-compatible upstream
 * and the turn that drives one of them and answers the client.
 */

#define SRV_CHAT_MAX_ATTACHMENTS     8
#define SRV_CHAT_MAX_MESSAGE_CHARS   20000
#define SRV_CHAT_TOKENS_PER_CREDIT   500

/* An attached image: the Files API record it came from and, once
 * srv_chat_image_analyse() ran, what its pixels look like. */
typedef struct
{
  char      *file_id;
  char      *name;
  char      *mime_type;
  char      *path;

  gboolean   decoded;
  char      *error;       /* why it could not be decoded */
  int        width;
  int        height;
  gboolean   has_alpha;
  double     brightness;  /* mean luma, 0 to 1 */
  guint      n_colours;
  struct {
    char     name[24];
    guint8   r, g, b;
    double   share;       /* of the opaque pixels, 0 to 1 */
  } colours[3];
} SrvChatImage;

/* srv-chat-local.c */
gint64     srv_chat_count_tokens     (const char   *text);
gint64     srv_chat_final_credits    (gint64        reserved,
                                      gint64        total_tokens);
char     **srv_chat_split_words      (const char   *text);
char      *srv_chat_local_answer     (const char   *message,
                                      GPtrArray    *history,
                                      GPtrArray    *images);

/* srv-chat-arith.c */
char      *srv_chat_arithmetic       (const char   *message,
                                      gboolean      asked);

/* srv-chat-image.c */
void       srv_chat_image_analyse    (SrvChatImage *image);
char      *srv_chat_image_summary    (SrvChatImage *image);
void       srv_chat_image_free       (SrvChatImage *image);

/* srv-chat-upstream.c: one streamed completion from an OpenAI-compatible
 * server. on_delta runs on the caller's main context for every piece of
 * text; the operation completes after "[DONE]" or with an error. */
typedef void (*SrvChatDeltaFunc) (const char *text,
                                  gpointer    user_data);

void       srv_chat_upstream_stream_async  (const char           *base_url,
                                            const char           *model,
                                            JsonArray            *messages,
                                            SrvChatDeltaFunc      on_delta,
                                            gpointer              delta_data,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   srv_chat_upstream_stream_finish (GAsyncResult         *result,
                                            GError              **error);

/* srv-chat-turn.c: runs a turn that srv_store_chat_begin_turn()
 * recorded, and answers ctx with a chat.completion or a stream. Takes
 * ownership of record, history (SrvChatMessage) and images. */
void       srv_chat_turn_run         (SrvContext         *ctx,
                                      SrvChatTurnRecord  *record,
                                      GPtrArray          *history,
                                      GPtrArray          *images,
                                      gboolean            streaming);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvChatImage, srv_chat_image_free)

G_END_DECLS
