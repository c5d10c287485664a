/* test-waveform.c
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

#include <gst/gst.h>

#include "rd-waveform.h"

/* Peaks of sounds made at test time with GStreamer: a sine at a known
 * amplitude peaks near that amplitude, silence near zero, and a file
 * that is no sound gives an error in words. */

#define N_BUCKETS 32

/* Each test case has its own isolated dirs, which g_test_run () removes. */
static char *
media_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "media", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static GFile *
make_media (const char *name,
            const char *pipeline_head)
{
  g_autofree char *path = media_path (name);
  g_autofree char *desc = g_strdup_printf ("%s ! filesink location=\"%s\"", pipeline_head, path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GstElement) pipeline = gst_parse_launch (desc, &error);
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) msg = NULL;

  g_assert_no_error (error);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  msg = gst_bus_timed_pop_filtered (bus, 30 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (msg);
  g_assert_cmpint (GST_MESSAGE_TYPE (msg), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return g_file_new_for_path (path);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GArray *
compute (GFile   *file,
         GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rd_waveform_compute_async (file, N_BUCKETS, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rd_waveform_compute_finish (result, error);
}

static void
assert_peaks (GArray *peaks,
              float   expected,
              float   epsilon)
{
  g_assert_nonnull (peaks);
  g_assert_cmpuint (peaks->len, ==, N_BUCKETS);
  for (guint i = 0; i < peaks->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (peaks, float, i), expected, epsilon);
}

static void
test_waveform_sine_wav (void)
{
  g_autoptr(GFile) file = make_media ("sine.wav",
                                      "audiotestsrc wave=sine freq=440 volume=0.5 num-buffers=40 ! "
                                      "audioconvert ! audio/x-raw,format=S16LE ! wavenc");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) peaks = compute (file, &error);

  g_assert_no_error (error);
  assert_peaks (peaks, .5f, .01f);
}

static void
test_waveform_sine_opus (void)
{
  g_autoptr(GFile) file = make_media ("sine.ogg",
                                      "audiotestsrc wave=sine freq=440 volume=0.8 num-buffers=60 ! "
                                      "audioconvert ! opusenc ! oggmux");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) peaks = compute (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (peaks);
  /* Opus is lossy and fades in its first frame: check the middle. */
  for (guint i = 2; i < N_BUCKETS - 2; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (peaks, float, i), .8f, .08f);
}

static void
test_waveform_silence (void)
{
  g_autoptr(GFile) file = make_media ("silence.wav",
                                      "audiotestsrc wave=silence num-buffers=40 ! "
                                      "audioconvert ! audio/x-raw,format=S16LE ! wavenc");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) peaks = compute (file, &error);

  g_assert_no_error (error);
  assert_peaks (peaks, 0.f, .001f);
}

static void
test_waveform_not_sound (void)
{
  g_autofree char *path = media_path ("noise.ogg");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) peaks = NULL;

  g_assert_true (g_file_set_contents (path, "this is not a sound, only some words", -1, NULL));
  peaks = compute (file, &error);
  g_assert_null (peaks);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "The sound could not be read: the file is damaged or is not in a format this app can play");
  g_test_message ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gst_init (NULL, NULL);

  g_test_add_func ("/waveform/sine-wav", test_waveform_sine_wav);
  g_test_add_func ("/waveform/sine-opus", test_waveform_sine_opus);
  g_test_add_func ("/waveform/silence", test_waveform_silence);
  g_test_add_func ("/waveform/not-sound", test_waveform_not_sound);

  ret = g_test_run ();
  return ret;
}
