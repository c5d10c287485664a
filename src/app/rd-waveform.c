/* rd-waveform.c
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

#define G_LOG_DOMAIN "rd-waveform"

#include "config.h"

#include "rd-waveform.h"

#include <glib/gi18n.h>
#include <math.h>
#include <gst/gst.h>
#include <gst/app/gstappsink.h>

#include "rd-media-error.h"

/* Peaks are first reduced to one value per BLOCK samples while decoding
 * (the length of the file is not known up front), then those blocks are
 * folded into the buckets asked for. */
#define BLOCK 64

typedef struct
{
  GFile *file;
  guint  n_buckets;
} Compute;

static void
compute_free (Compute *compute)
{
  g_clear_object (&compute->file);
  g_free (compute);
}

static GstMessage *
pop_error (GstElement *pipeline)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);

  return gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);
}

/* Call before going to NULL, which flushes the bus. */
static GError *
error_from_bus (GstElement *pipeline,
                GstMessage *msg)
{
  g_autoptr(GstMessage) owned = msg != NULL ? msg : pop_error (pipeline);
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *words = NULL;

  if (owned != NULL)
    gst_message_parse_error (owned, &gst_error, NULL);
  words = gst_error != NULL ? rd_media_error_describe (gst_error) : g_strdup (_("it holds no sound"));

  return g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                      _("The sound could not be read: %s"), words);
}

static GArray *
fold_blocks (GArray *blocks,
             guint   n_buckets)
{
  GArray *peaks = g_array_sized_new (FALSE, TRUE, sizeof (float), n_buckets);

  g_array_set_size (peaks, n_buckets);
  if (blocks->len == 0)
    return peaks;

  for (guint i = 0; i < blocks->len; i++)
    {
      guint bucket = (guint) ((guint64) i * n_buckets / blocks->len);
      float *peak = &g_array_index (peaks, float, bucket);

      *peak = MAX (*peak, g_array_index (blocks, float, i));
    }

  /* With fewer blocks than buckets some buckets got none: repeat the
   * previous one so a very short sound does not draw as a comb. */
  for (guint i = 1; i < n_buckets && blocks->len < n_buckets; i++)
    if (g_array_index (peaks, float, i) == 0.f)
      g_array_index (peaks, float, i) = g_array_index (peaks, float, i - 1);

  return peaks;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Compute *compute = task_data;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) sink = NULL;
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (compute->file);
  g_autofree char *desc = NULL;
  float block_peak = 0.f;
  guint in_block = 0;

  desc = g_strdup_printf ("uridecodebin uri=\"%s\" ! audioconvert ! audioresample ! "
                          "audio/x-raw,format=F32LE,channels=1,rate=16000 ! "
                          "appsink name=sink sync=false", uri);
  pipeline = gst_parse_launch (desc, &error);
  if (pipeline == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_task_return_error (task, error_from_bus (pipeline, NULL));
      gst_element_set_state (pipeline, GST_STATE_NULL);
      return;
    }

  for (;;)
    {
      g_autoptr(GstSample) sample = NULL;
      GstBuffer *buffer;
      GstMapInfo map;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      /* A timeout so that cancellation is noticed even while decoding
       * stalls. */
      sample = gst_app_sink_try_pull_sample (GST_APP_SINK (sink), 200 * GST_MSECOND);
      if (sample == NULL)
        {
          if (gst_app_sink_is_eos (GST_APP_SINK (sink)))
            break;
          else
            {
              GstMessage *msg = pop_error (pipeline);

              if (msg != NULL)
                {
                  g_task_return_error (task, error_from_bus (pipeline, msg));
                  gst_element_set_state (pipeline, GST_STATE_NULL);
                  return;
                }
              continue;
            }
        }

      buffer = gst_sample_get_buffer (sample);
      if (!gst_buffer_map (buffer, &map, GST_MAP_READ))
        continue;

      for (gsize i = 0; i < map.size / sizeof (float); i++)
        {
          float v = fabsf (((const float *) map.data)[i]);

          block_peak = MAX (block_peak, v);
          if (++in_block == BLOCK)
            {
              g_array_append_val (blocks, block_peak);
              block_peak = 0.f;
              in_block = 0;
            }
        }
      gst_buffer_unmap (buffer, &map);
    }

  if (in_block > 0)
    g_array_append_val (blocks, block_peak);

  if (blocks->len == 0 && !g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_error (task, error_from_bus (pipeline, NULL));
      gst_element_set_state (pipeline, GST_STATE_NULL);
      return;
    }

  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task,
                         fold_blocks (blocks, compute->n_buckets),
                         (GDestroyNotify) g_array_unref);
}

/**
 * rd_waveform_compute_async:
 * @file: a sound (or a video with sound)
 * @n_buckets: how many peaks to compute
 *
 * Decodes @file on a worker thread and computes @n_buckets peaks, each the
 * largest absolute sample (0 to 1) of its share of the sound.
 */
void
rd_waveform_compute_async (GFile               *file,
                           guint                n_buckets,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Compute *compute;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (n_buckets > 0);

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  compute = g_new0 (Compute, 1);
  compute->file = g_object_ref (file);
  compute->n_buckets = n_buckets;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_waveform_compute_async);
  g_task_set_task_data (task, compute, (GDestroyNotify) compute_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * rd_waveform_compute_finish:
 *
 * Returns: (transfer full): a #GArray of float peaks
 */
GArray *
rd_waveform_compute_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
