/* srv-route-media.c
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

#include <string.h>

#include "srv-server-private.h"
#include "srv-util.h"

/* Capability URLs (B.7, B.8): /media/<token>.<ext>, readable without a
 * key, with Range support so that players can seek. */
void
srv_route_media_get (SrvContext *ctx)
{
  SoupMessageHeaders *req = soup_server_message_get_request_headers (ctx->msg);
  SoupMessageHeaders *resp = soup_server_message_get_response_headers (ctx->msg);
  g_autoptr(SrvBlob) blob = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *disposition = NULL;
  SoupRange *ranges = NULL;
  int n_ranges = 0;
  const char *name = ctx->args[0];
  const char *dot = strchr (name, '.');
  const char *range;
  gsize size;

  token = dot ? g_strndup (name, dot - name) : g_strdup (name);
  if (!srv_token_is_valid (token) ||
      !(blob = srv_store_get_blob (srv_context_get_store (ctx), token, NULL)))
    {
      srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "There is no media here, or it expired");
      return;
    }

  mapped = g_mapped_file_new (blob->path, FALSE, &error);
  if (mapped == NULL)
    {
      srv_context_reply_error (ctx, SRV_ERROR_NOT_FOUND, NULL, "This media is no longer stored");
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  size = g_bytes_get_size (bytes);

  soup_message_headers_replace (resp, "Accept-Ranges", "bytes");
  soup_message_headers_replace (resp, "Cache-Control", "private, max-age=86400, immutable");
  soup_message_headers_replace (resp, "X-Content-Type-Options", "nosniff");
  disposition = g_strdup_printf ("inline; filename=\"%s\"", blob->filename);
  soup_message_headers_replace (resp, "Content-Disposition", disposition);

  range = soup_message_headers_get_one (req, "Range");
  /* HTTP says a range unit we do not know is ignored: the whole body. */
  if (range != NULL && !g_str_has_prefix (range, "bytes="))
    range = NULL;

  if (range != NULL && size > 0 && soup_message_headers_get_ranges (req, size, &ranges, &n_ranges) &&
      ranges[0].start < (goffset)size && ranges[0].start <= ranges[0].end)
    {
      /* One range is what players ask for; several are answered with the
       * first only, which HTTP allows. */
      /* libsoup 3.2 leaves a suffix range longer than the file ("bytes=-N",
       * N > size) negative; HTTP says it is the whole file. */
      goffset start = MAX (ranges[0].start, 0);
      goffset end = ranges[0].end;
      g_autoptr(GBytes) slice = NULL;

      end = MIN (end, (goffset)size - 1);
      slice = g_bytes_new_from_bytes (bytes, start, end - start + 1);
      soup_message_headers_free_ranges (req, ranges);
      soup_message_headers_set_content_range (resp, start, end, size);
      soup_server_message_set_status (ctx->msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
      soup_server_message_set_response (ctx->msg, blob->mime_type, SOUP_MEMORY_COPY, NULL, 0);
      soup_message_body_append_bytes (soup_server_message_get_response_body (ctx->msg), slice);
      ctx->answered = TRUE;
      return;
    }

  if (ranges != NULL)
    soup_message_headers_free_ranges (req, ranges);

  if (range != NULL)
    {
      char buf[64];

      g_snprintf (buf, sizeof buf, "bytes */%" G_GSIZE_FORMAT, size);
      soup_message_headers_replace (resp, "Content-Range", buf);
      soup_server_message_set_status (ctx->msg, SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE, NULL);
      ctx->answered = TRUE;
      return;
    }

  soup_server_message_set_status (ctx->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (ctx->msg, blob->mime_type, SOUP_MEMORY_COPY, NULL, 0);
  soup_message_body_append_bytes (soup_server_message_get_response_body (ctx->msg), bytes);
  ctx->answered = TRUE;
}
