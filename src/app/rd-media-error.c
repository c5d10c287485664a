/* rd-media-error.c
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

#define G_LOG_DOMAIN "rd-media-error"

#include "config.h"

#include "rd-media-error.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <gst/gst.h>

/* GStreamer's messages name elements and source lines; people need to
 * know whether the file is broken, missing or needs a plugin. */

static const char *
describe_stream (int code)
{
  switch ((GstStreamError) code)
    {
    case GST_STREAM_ERROR_CODEC_NOT_FOUND:
      return _("a plugin needed to play it is not installed");

    case GST_STREAM_ERROR_DECRYPT:
    case GST_STREAM_ERROR_DECRYPT_NOKEY:
      return _("it is encrypted");

    case GST_STREAM_ERROR_FAILED:
    case GST_STREAM_ERROR_TOO_LAZY:
    case GST_STREAM_ERROR_NOT_IMPLEMENTED:
    case GST_STREAM_ERROR_TYPE_NOT_FOUND:
    case GST_STREAM_ERROR_WRONG_TYPE:
    case GST_STREAM_ERROR_DECODE:
    case GST_STREAM_ERROR_ENCODE:
    case GST_STREAM_ERROR_DEMUX:
    case GST_STREAM_ERROR_MUX:
    case GST_STREAM_ERROR_FORMAT:
    case GST_STREAM_ERROR_NUM_ERRORS:
    default:
      return _("the file is damaged or is not in a format this app can play");
    }
}

static const char *
describe_resource (int code)
{
  switch ((GstResourceError) code)
    {
    case GST_RESOURCE_ERROR_NOT_FOUND:
      return _("the file does not exist any more");

    case GST_RESOURCE_ERROR_NOT_AUTHORIZED:
      return _("you are not allowed to read the file");

    case GST_RESOURCE_ERROR_NO_SPACE_LEFT:
      return _("the disk is full");

    case GST_RESOURCE_ERROR_FAILED:
    case GST_RESOURCE_ERROR_TOO_LAZY:
    case GST_RESOURCE_ERROR_BUSY:
    case GST_RESOURCE_ERROR_OPEN_READ:
    case GST_RESOURCE_ERROR_OPEN_WRITE:
    case GST_RESOURCE_ERROR_OPEN_READ_WRITE:
    case GST_RESOURCE_ERROR_CLOSE:
    case GST_RESOURCE_ERROR_READ:
    case GST_RESOURCE_ERROR_WRITE:
    case GST_RESOURCE_ERROR_SEEK:
    case GST_RESOURCE_ERROR_SYNC:
    case GST_RESOURCE_ERROR_SETTINGS:
    case GST_RESOURCE_ERROR_NUM_ERRORS:
    default:
      return _("the file could not be read");
    }
}

/**
 * rd_media_error_describe:
 * @error: an error from GStreamer, GTK's media stream or GdkTexture
 *
 * Returns: (transfer full): what went wrong in a few words, to follow
 *   "The video could not be played: "
 */
char *
rd_media_error_describe (const GError *error)
{
  const char *message;
  const char *newline;
  const char *colon;

  g_return_val_if_fail (error != NULL, NULL);

  g_debug ("Media error: %s", error->message);

  if (error->domain == GST_STREAM_ERROR)
    return g_strdup (describe_stream (error->code));
  if (error->domain == GST_RESOURCE_ERROR)
    return g_strdup (describe_resource (error->code));
  if (error->domain == GST_CORE_ERROR && error->code == GST_CORE_ERROR_MISSING_PLUGIN)
    return g_strdup (_("a plugin needed to play it is not installed"));
  if (error->domain == GDK_TEXTURE_ERROR || error->domain == GDK_PIXBUF_ERROR)
    return g_strdup (_("the file is damaged or is not an image in a format this app can show"));

  /* Otherwise the first line, without GStreamer's "Error from element
   * /GstPlayBin:…: " in front. */
  message = error->message;
  newline = strchr (message, '\n');
  if (g_str_has_prefix (message, "Error from element ") &&
      (colon = g_strstr_len (message, newline != NULL ? newline - message : -1, ": ")) != NULL)
    message = colon + 2;
  newline = strchr (message, '\n');

  return newline != NULL ? g_strndup (message, newline - message) : g_strdup (message);
}
