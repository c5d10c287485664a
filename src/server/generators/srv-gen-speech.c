/* srv-gen-speech.c
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

#include "srv-gen-speech-private.h"

#include <math.h>
#include <string.h>

#include "srv-gen-util-private.h"

gboolean
_srv_gen_speech_synthesize (const char    *text,
                            const char    *voice,
                            int            speed,
                            int            pitch,
                            const char    *wav_path,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GBytes) errors = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *program = NULL;
  g_autofree char *speed_arg = NULL;
  g_autofree char *pitch_arg = NULL;
  g_autofree char *clean = NULL;

  g_assert (voice != NULL);
  g_assert (wav_path != NULL);

  if (!(program = g_find_program_in_path ("espeak-ng")))
    {
      g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_MISSING_TOOL,
                           "Speech needs eSpeak NG, which is not installed on the server "
                           "(package espeak-ng)");
      return FALSE;
    }

  clean = g_utf8_make_valid (text ? text : "", -1);
  g_strstrip (clean);
  if (*clean == '\0')
    {
      g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT,
                           "There is nothing to say: the prompt is empty");
      return FALSE;
    }

  speed_arg = g_strdup_printf ("%d", speed);
  pitch_arg = g_strdup_printf ("%d", pitch);

  /* The text goes through stdin, never argv, so a prompt that looks like
   * an option is still only spoken. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawn (launcher, &local_error, program,
                                         "-v", voice, "-s", speed_arg, "-p", pitch_arg,
                                         "-b", "1", "-w", wav_path, "--stdin", NULL);
  if (process == NULL)
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "eSpeak NG could not be started: %s", local_error->message);
      return FALSE;
    }

  input = g_bytes_new (clean, strlen (clean));
  if (!g_subprocess_communicate (process, input, cancellable, NULL, &errors, &local_error))
    {
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                     "eSpeak NG could not be run: %s", local_error->message);
      return FALSE;
    }

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);
      g_autofree char *valid = NULL;

      if (errors != NULL && g_bytes_get_size (errors) > 0)
        {
          valid = g_utf8_make_valid (g_bytes_get_data (errors, NULL), g_bytes_get_size (errors));
          g_string_append (message, g_strstrip (valid));
          /* Shown to API users, who need not know the server's paths. */
          g_string_replace (message, wav_path, "the output file", 0);
        }
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "eSpeak NG failed: %s",
                   message->len ? message->str : "it stopped without saying why");
      return FALSE;
    }

  return TRUE;
}

static guint32
read_le32 (const guchar *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
read_le16 (const guchar *p)
{
  return p[0] | (p[1] << 8);
}

gboolean
_srv_gen_wav_load (const char  *path,
                   SrvGenWav   *wav,
                   GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  const guchar *data;
  gsize size, pos;
  guint bits = 0;

  g_assert (path != NULL);
  g_assert (wav != NULL);

  memset (wav, 0, sizeof *wav);

  if (!(file = g_mapped_file_new (path, FALSE, &local_error)))
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The synthesized speech could not be read: %s", local_error->message);
      return FALSE;
    }

  data = (const guchar *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);

  if (size < 12 || memcmp (data, "RIFF", 4) != 0 || memcmp (data + 8, "WAVE", 4) != 0)
    goto bad;

  /* Walk the chunks; a writer that never came back to fix the sizes
   * leaves the data chunk running to the end of the file. */
  for (pos = 12; pos + 8 <= size; )
    {
      guint32 chunk = read_le32 (data + pos + 4);
      gsize body = pos + 8;
      gsize length = MIN ((gsize) chunk, size - body);

      if (memcmp (data + pos, "fmt ", 4) == 0 && length >= 16)
        {
          guint format = read_le16 (data + body);

          if (format != 1 && format != 0xfffe)
            goto bad;
          wav->channels = read_le16 (data + body + 2);
          wav->rate = read_le32 (data + body + 4);
          bits = read_le16 (data + body + 14);
        }
      else if (memcmp (data + pos, "data", 4) == 0 && bits == 16 &&
               wav->channels > 0 && wav->channels <= 8 &&
               wav->rate >= 8000 && wav->rate <= 192000)
        {
          length -= length % (2 * wav->channels);
          wav->samples = g_bytes_new (data + body, length);
          return TRUE;
        }

      pos = body + length + (length & 1);
    }

bad:
  g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                       "The synthesized speech is not a WAV file this server can read");
  return FALSE;
}

double
_srv_gen_wav_duration (const SrvGenWav *wav)
{
  if (wav->samples == NULL || wav->rate == 0 || wav->channels == 0)
    return 0;

  return (double) g_bytes_get_size (wav->samples) / (2.0 * wav->channels * wav->rate);
}

void
_srv_gen_wav_clear (SrvGenWav *wav)
{
  g_clear_pointer (&wav->samples, g_bytes_unref);
  wav->rate = 0;
  wav->channels = 0;
}

static gboolean
encode_ogg_opus (const char    *wav_path,
                 const char    *ogg_path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) source = NULL;
  g_autoptr(GstElement) sink = NULL;

  pipeline = _srv_gen_pipeline_new ("filesrc name=source ! wavparse ! audioconvert ! "
                                    "audioresample ! opusenc bitrate=48000 ! oggmux ! "
                                    "filesink name=sink", error);
  if (pipeline == NULL)
    return FALSE;

  source = gst_bin_get_by_name (GST_BIN (pipeline), "source");
  sink = gst_bin_get_by_name (GST_BIN (pipeline), "sink");
  g_object_set (source, "location", wav_path, NULL);
  g_object_set (sink, "location", ogg_path, NULL);

  return _srv_gen_pipeline_run (pipeline, cancellable, error);
}

gboolean
srv_gen_speech_run (const SrvGenRequest  *request,
                    SrvGenOutput         *output,
                    GError              **error)
{
  static const char * const voices[] = { "en", "en-us", "en-gb-x-rp", "fr", "de", "es", "it", NULL };
  static const char * const formats[] = { "ogg", "wav", NULL };
  g_autoptr(SrvGenTempFile) wav_file = NULL;
  g_autoptr(SrvGenTempFile) ogg_file = NULL;
  g_auto(SrvGenWav) wav = { 0 };
  const char *voice, *format;
  SrvGenTempFile **result;
  gboolean ogg;
  int speed, pitch;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  if (g_strcmp0 (request->mode, "text-to-speech") != 0)
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The local speech model cannot do “%s”", request->mode);
      return FALSE;
    }

  voice = _srv_gen_param_string (request->params, "voice", "en");
  format = _srv_gen_param_string (request->params, "output_format", "ogg");
  speed = (int) round (_srv_gen_param_number (request->params, "speed", 175, 80, 450));
  pitch = (int) round (_srv_gen_param_number (request->params, "pitch", 50, 0, 99));

  if (!_srv_gen_string_in (voice, voices) || !_srv_gen_string_in (format, formats))
    {
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "Unsupported parameters: voice “%s”, format “%s”", voice, format);
      return FALSE;
    }

  ogg = g_str_equal (format, "ogg");

  if (!(wav_file = _srv_gen_temp_file_new (request->output_dir, error)) ||
      !_srv_gen_speech_synthesize (request->prompt, voice, speed, pitch, wav_file,
                                   request->cancellable, error) ||
      !_srv_gen_wav_load (wav_file, &wav, error))
    return FALSE;

  if (g_bytes_get_size (wav.samples) == 0)
    {
      g_set_error_literal (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_BAD_INPUT,
                           "eSpeak NG found nothing to say in this prompt");
      return FALSE;
    }

  result = &wav_file;
  if (ogg)
    {
      if (!(ogg_file = _srv_gen_temp_file_new (request->output_dir, error)) ||
          !encode_ogg_opus (wav_file, ogg_file, request->cancellable, error))
        return FALSE;
      result = &ogg_file;
    }

  if (g_cancellable_set_error_if_cancelled (request->cancellable, error) ||
      !_srv_gen_temp_file_commit (result, request->output_dir, "speech", format,
                                  &output->path, error))
    return FALSE;

  output->mime_type = g_strdup (ogg ? "audio/ogg" : "audio/wav");
  output->extension = g_strdup (format);
  output->width = 0;
  output->height = 0;
  output->duration_seconds = _srv_gen_wav_duration (&wav);

  return TRUE;
}
