/* srv-gen-speech-private.h
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

#include "srv-generator.h"

G_BEGIN_DECLS

/* The local-speech synthesizer, also used by local-video to narrate. */

typedef struct
{
  guint   rate;
  guint   channels;
  GBytes *samples;  /* interleaved, signed 16-bit little-endian */
} SrvGenWav;

gboolean  _srv_gen_speech_synthesize  (const char    *text,
                                       const char    *voice,
                                       int            speed,
                                       int            pitch,
                                       const char    *wav_path,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean  _srv_gen_wav_load           (const char    *path,
                                       SrvGenWav     *wav,
                                       GError       **error);
double    _srv_gen_wav_duration       (const SrvGenWav *wav);
void      _srv_gen_wav_clear          (SrvGenWav     *wav);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SrvGenWav, _srv_gen_wav_clear)

G_END_DECLS
