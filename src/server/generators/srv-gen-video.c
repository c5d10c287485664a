/* srv-gen-video.c
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

#include "srv-generator.h"

#include <gst/app/app.h>
#include <math.h>
#include <string.h>

#include "srv-gen-image-private.h"
#include "srv-gen-speech-private.h"
#include "srv-gen-util-private.h"

#define FPS  24
#define ZOOM 1.2 /* the closest the camera gets, relative to the full picture */

/* Little-endian cairo RGB24 pixels are B, G, R, x in memory. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
# define VIDEO_FORMAT "BGRx"
#else
# define VIDEO_FORMAT "xRGB"
#endif

typedef struct
{
  cairo_surface_t *picture;   /* ZOOM times the frame size, panned over */
  cairo_surface_t *caption;   /* fixed over the moving picture, or NULL */
  int              width;
  int              height;
  guint            n_frames;
  guint            next;
  double           zoom[2];   /* from, to */
  double           pan[2][2]; /* from, to; 0..1 across the room left */
  GCancellable    *cancellable;
} Frames;

typedef struct
{
  GstBuffer *buffer;          /* the whole soundtrack, pushed at once */
} Soundtrack;

static double
ease (double t)
{
  return t * t * (3 - 2 * t);
}

static GstBuffer *
render_frame (Frames *frames,
              guint   index)
{
  g_autoptr(cairo_surface_t) target = NULL;
  g_autoptr(cairo_t) cr = NULL;
  GstBuffer *buffer;
  GstMapInfo map;
  double t = frames->n_frames > 1 ? ease ((double) index / (frames->n_frames - 1)) : 0;
  double zoom = frames->zoom[0] + (frames->zoom[1] - frames->zoom[0]) * t;
  double pan_x = frames->pan[0][0] + (frames->pan[1][0] - frames->pan[0][0]) * t;
  double pan_y = frames->pan[0][1] + (frames->pan[1][1] - frames->pan[0][1]) * t;
  double pw = cairo_image_surface_get_width (frames->picture);
  double ph = cairo_image_surface_get_height (frames->picture);
  double scale = frames->width * zoom / pw;
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, frames->width);

  buffer = gst_buffer_new_allocate (NULL, (gsize) stride * frames->height, NULL);
  if (buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_WRITE))
    {
      g_clear_pointer (&buffer, gst_buffer_unref);
      return NULL;
    }

  target = cairo_image_surface_create_for_data (map.data, CAIRO_FORMAT_RGB24,
                                                frames->width, frames->height, stride);
  cr = cairo_create (target);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, frames->picture,
                            -MAX (0, pw - frames->width / scale) * pan_x,
                            -MAX (0, ph - frames->height / scale) * pan_y);
  /* The scale stays between 1/ZOOM and 1: bilinear is enough, and fast. */
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);

  if (frames->caption != NULL)
    {
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      cairo_set_source_surface (cr, frames->caption, 0, 0);
      cairo_paint (cr);
    }

  g_clear_pointer (&cr, cairo_destroy);
  g_clear_pointer (&target, cairo_surface_destroy);
  gst_buffer_unmap (buffer, &map);

  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (index, GST_SECOND, FPS);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (index + 1, GST_SECOND, FPS) -
                                 GST_BUFFER_PTS (buffer);

  return buffer;
}

/* Runs on the appsrc streaming thread, one frame per call, so frames are
 * drawn only as fast as the encoder takes them. */
static void
frames_need_data_cb (GstAppSrc *appsrc,
                     guint      length,
                     gpointer   user_data)
{
  Frames *frames = user_data;
  GstBuffer *buffer;

  if (frames->next >= frames->n_frames ||
      g_cancellable_is_cancelled (frames->cancellable) ||
      !(buffer = render_frame (frames, frames->next)))
    {
      gst_app_src_end_of_stream (appsrc);
      return;
    }

  frames->next++;
  gst_app_src_push_buffer (appsrc, buffer);
}

static void
soundtrack_need_data_cb (GstAppSrc *appsrc,
                         guint      length,
                         gpointer   user_data)
{
  Soundtrack *soundtrack = user_data;

  if (soundtrack->buffer != NULL)
    gst_app_src_push_buffer (appsrc, g_steal_pointer (&soundtrack->buffer));
  else
    gst_app_src_end_of_stream (appsrc);
}

/* The prompt spoken, or silence, padded or cut to the video's length. */
static GstBuffer *
soundtrack_new (const SrvGenWav *speech,
                double           duration,
                GstCaps        **caps)
{
  guint rate = speech ? speech->rate : 48000;
  guint channels = speech ? speech->channels : 1;
  gsize frame_size = 2 * channels;
  gsize n_frames;
  GstBuffer *buffer;
  GstMapInfo map;

  /* Opus works in 20 ms packets and may round the last one up: keep
   * clear of the end so that sound never outlasts the picture. */
  n_frames = (gsize) (rate * (duration - 0.04));
  buffer = gst_buffer_new_allocate (NULL, n_frames * frame_size, NULL);
  gst_buffer_map (buffer, &map, GST_MAP_WRITE);
  memset (map.data, 0, map.size);
  if (speech != NULL && speech->samples != NULL)
    memcpy (map.data, g_bytes_get_data (speech->samples, NULL),
            MIN (map.size, g_bytes_get_size (speech->samples)));
  gst_buffer_unmap (buffer, &map);

  GST_BUFFER_PTS (buffer) = 0;
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n_frames, GST_SECOND, rate);

  *caps = gst_caps_new_simple ("audio/x-raw",
                               "format", G_TYPE_STRING, "S16LE",
                               "layout", G_TYPE_STRING, "interleaved",
                               "rate", G_TYPE_INT, (int) rate,
                               "channels", G_TYPE_INT, (int) channels,
                               NULL);

  return buffer;
}

static gboolean
encode_webm (Frames        *frames,
             Soundtrack    *soundtrack,
             GstCaps       *audio_caps,
             const char    *path,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) video = NULL;
  g_autoptr(GstElement) audio = NULL;
  g_autoptr(GstElement) vp8 = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GstCaps) video_caps = NULL;
  GstAppSrcCallbacks video_callbacks = { .need_data = frames_need_data_cb };
  GstAppSrcCallbacks audio_callbacks = { .need_data = soundtrack_need_data_cb };

  pipeline = _srv_gen_pipeline_new ("appsrc name=video format=time ! videoconvert ! "
                                    "vp8enc name=vp8 ! queue ! webmmux name=mux ! "
                                    "filesink name=sink "
                                    "appsrc name=audio format=time ! audioconvert ! "
                                    "audioresample ! opusenc bitrate=64000 ! queue ! mux.",
                                    error);
  if (pipeline == NULL)
    return FALSE;

  video = gst_bin_get_by_name (GST_BIN (pipeline), "video");
  audio = gst_bin_get_by_name (GST_BIN (pipeline), "audio");
  vp8 = gst_bin_get_by_name (GST_BIN (pipeline), "vp8");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");

  video_caps = gst_caps_new_simple ("video/x-raw",
                                    "format", G_TYPE_STRING, VIDEO_FORMAT,
                                    "width", G_TYPE_INT, frames->width,
                                    "height", G_TYPE_INT, frames->height,
                                    "framerate", GST_TYPE_FRACTION, FPS, 1,
                                    "pixel-aspect-ratio", GST_TYPE_FRACTION, 1, 1,
                                    NULL);
  g_object_set (video, "caps", video_caps, NULL);
  g_object_set (audio, "caps", audio_caps, NULL);
  gst_app_src_set_callbacks (GST_APP_SRC (video), &video_callbacks, frames, NULL);
  gst_app_src_set_callbacks (GST_APP_SRC (audio), &audio_callbacks, soundtrack, NULL);

  /* Realtime and the fastest speed setting: a short clip must be ready
   * within seconds on a small machine. About 3.5 bits per pixel per
   * second keeps slow pans free of blocks. */
  g_object_set (vp8,
                "deadline", (gint64) 1,
                "cpu-used", 16,
                "threads", CLAMP ((int) g_get_num_processors (), 1, 4),
                "target-bitrate", (int) MIN (frames->width * frames->height * 3.5, 4000000),
                "keyframe-max-dist", 2 * FPS,
                NULL);
  g_object_set (sink, "location", path, NULL);

  return _srv_gen_pipeline_run (pipeline, cancellable, error);
}

static cairo_surface_t *
picture_from_reference (GPtrArray  *references,
                        int         width,
                        int         height,
                        GError    **error)
{
  g_autoptr(cairo_surface_t) source = NULL;
  g_autoptr(cairo_t) cr = NULL;
  cairo_surface_t *picture;

  for (guint i = 0; references != NULL && i < references->len && source == NULL; i++)
    {
      const SrvGenReference *reference = g_ptr_array_index (references, i);

      if (!_srv_gen_reference_is_image (reference))
        continue;

      if (!(source = _srv_gen_load_image (reference->path, reference->mime_type, error)))
        return NULL;
    }

  if (source == NULL)
    {
      g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT,
                           "Image-to-video needs a reference image");
      return NULL;
    }

  /* Cover the picture once, with a good filter, so that frames only ever
   * scale by a little. */
  picture = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (picture);
  _srv_gen_paint_cover (cr, source, 0, 0, width, height);

  return picture;
}

/* Leaves speech empty, for silence, when there is nothing to say. */
static gboolean
narrate (const SrvGenRequest  *request,
         SrvGenWav            *speech,
         GError              **error)
{
  g_autoptr(SrvGenTempFile) wav_file = NULL;
  g_autofree char *text = g_strdup (request->prompt ? request->prompt : "");

  if (*g_strstrip (text) == '\0')
    return TRUE;

  return (wav_file = _srv_gen_temp_file_new (request->output_dir, error)) &&
         _srv_gen_speech_synthesize (request->prompt, "en", 175, 50, wav_file,
                                     request->cancellable, error) &&
         _srv_gen_wav_load (wav_file, speech, error);
}

gboolean
srv_gen_video_run (const SrvGenRequest  *request,
                   SrvGenOutput         *output,
                   GError              **error)
{
  static const char * const aspects[] = { "16:9", "9:16", "1:1", NULL };
  static const char * const resolutions[] = { "360p", "480p", "720p", NULL };
  g_autoptr(cairo_surface_t) picture = NULL;
  g_autoptr(cairo_surface_t) caption = NULL;
  g_autoptr(SrvGenTempFile) temp = NULL;
  g_autoptr(GstCaps) audio_caps = NULL;
  g_autoptr(GRand) rand = NULL;
  g_auto(SrvGenWav) speech = { 0 };
  Soundtrack soundtrack = { 0 };
  Frames frames = { 0 };
  const char *aspect, *resolution;
  int seconds, pw, ph;
  gboolean zoom_in, ok;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  if (!_srv_gen_ensure_gstreamer (error))
    return FALSE;

  aspect = _srv_gen_param_string (request->params, "aspect_ratio", "16:9");
  resolution = _srv_gen_param_string (request->params, "resolution", "360p");
  seconds = (int) round (_srv_gen_param_number (request->params, "duration_seconds", 4, 1, 20));

  if (!_srv_gen_string_in (aspect, aspects) || !_srv_gen_string_in (resolution, resolutions) ||
      !srv_gen_size_for_short_side (aspect, (int) g_ascii_strtoll (resolution, NULL, 10),
                                    &frames.width, &frames.height))
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "Unsupported parameters: aspect ratio “%s”, resolution “%s”",
                   aspect, resolution);
      return FALSE;
    }

  pw = 2 * (int) ceil (frames.width * ZOOM / 2);
  ph = 2 * (int) ceil (frames.height * ZOOM / 2);

  if (g_strcmp0 (request->mode, "image-to-video") == 0)
    {
      if (!(picture = picture_from_reference (request->references, pw, ph, error)))
        return FALSE;
    }
  else if (g_strcmp0 (request->mode, "text-to-video") == 0)
    {
      SrvGenImageSpec spec = {
        .prompt = request->prompt,
        .style = "vivid",
        .seed = _srv_gen_image_seed_for_prompt (request->prompt),
        .width = pw,
        .height = ph,
      };

      if (!(picture = _srv_gen_image_render (&spec, request->cancellable, error)))
        return FALSE;
      caption = _srv_gen_image_caption ("vivid", request->prompt, frames.width, frames.height);
    }
  else
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The local video model cannot do “%s”", request->mode);
      return FALSE;
    }

  if (_srv_gen_param_boolean (request->params, "narrate", FALSE) &&
      !narrate (request, &speech, error))
    return FALSE;

  /* The camera's path comes from the prompt: the same prompt moves the
   * same way. */
  rand = g_rand_new_with_seed (_srv_gen_image_seed_for_prompt (request->prompt));
  zoom_in = g_rand_boolean (rand);
  frames.zoom[0] = zoom_in ? 1.0 : ZOOM;
  frames.zoom[1] = zoom_in ? ZOOM : 1.0;
  for (guint i = 0; i < 4; i++)
    frames.pan[i / 2][i % 2] = g_rand_double_range (rand, 0.1, 0.9);
  frames.picture = picture;
  frames.caption = caption;
  frames.n_frames = seconds * FPS;
  frames.cancellable = request->cancellable;

  soundtrack.buffer = soundtrack_new (speech.samples ? &speech : NULL, seconds, &audio_caps);

  ok = (temp = _srv_gen_temp_file_new (request->output_dir, error)) &&
       encode_webm (&frames, &soundtrack, audio_caps, temp, request->cancellable, error);
  g_clear_pointer (&soundtrack.buffer, gst_buffer_unref);
  if (!ok)
    return FALSE;

  if (frames.next < frames.n_frames)
    {
      g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                           "The video stopped early: a frame could not be drawn");
      return FALSE;
    }

  if (!_srv_gen_temp_file_commit (&temp, request->output_dir, "video", "webm",
                                  &output->path, error))
    return FALSE;

  output->mime_type = g_strdup ("video/webm");
  output->extension = g_strdup ("webm");
  output->width = frames.width;
  output->height = frames.height;
  output->duration_seconds = (double) frames.n_frames / FPS;

  return TRUE;
}
