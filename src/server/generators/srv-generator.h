/* srv-generator.h
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

G_BEGIN_DECLS

/* The local generators of Part C. They run on worker threads, never on
 * the HTTP thread, and touch nothing but the files they are given: the
 * caller owns the database and the credits. Every function here is
 * thread-safe and may run concurrently with itself.
 */

#define SRV_GENERATOR_ERROR (srv_generator_error_quark ())

typedef enum
{
  SRV_GENERATOR_ERROR_FAILED,       /* the generator could not produce media */
  SRV_GENERATOR_ERROR_BAD_INPUT,    /* a reference could not be decoded */
  SRV_GENERATOR_ERROR_MISSING_TOOL, /* espeak-ng or a GStreamer element is absent */
} SrvGeneratorError;

typedef struct
{
  char *path;       /* a file on disk, readable */
  char *kind;       /* "image", "video" or "audio" */
  char *mime_type;  /* sniffed at upload */
} SrvGenReference;

typedef struct
{
  const char    *model;       /* "local-image", "local-speech", "local-video" */
  const char    *mode;        /* e.g. "text-to-image", "image-to-image" */
  const char    *prompt;
  JsonObject    *params;      /* validated, every default filled in; select values are strings */
  GPtrArray     *references;  /* of SrvGenReference*, may be empty, never NULL */
  const char    *output_dir;  /* existing directory the output is written into */
  GCancellable  *cancellable;
} SrvGenRequest;

typedef struct
{
  char    *path;             /* the file written inside output_dir */
  char    *mime_type;        /* "image/png", "audio/ogg", "video/webm", ... */
  char    *extension;        /* "png", "jpg", "ogg", "wav", "webm" */
  int      width;            /* pixels, 0 for audio */
  int      height;
  double   duration_seconds; /* 0 for images */
} SrvGenOutput;

GQuark    srv_generator_error_quark     (void);
gboolean  srv_generator_run             (const SrvGenRequest  *request,
                                         SrvGenOutput         *output,
                                         GError              **error);
void      srv_gen_output_clear          (SrvGenOutput         *output);
void      srv_gen_reference_free        (SrvGenReference      *reference);

/* Each generator, called by srv_generator_run() after it dispatched on
 * request->model. */
gboolean  srv_gen_image_run             (const SrvGenRequest  *request,
                                         SrvGenOutput         *output,
                                         GError              **error);
gboolean  srv_gen_speech_run            (const SrvGenRequest  *request,
                                         SrvGenOutput         *output,
                                         GError              **error);
gboolean  srv_gen_video_run             (const SrvGenRequest  *request,
                                         SrvGenOutput         *output,
                                         GError              **error);

/* The aspect ratio string ("16:9") to a size whose longest side is
 * long_side, both even (encoders want even sizes). */
gboolean  srv_gen_size_for_aspect       (const char           *aspect_ratio,
                                         int                   long_side,
                                         int                  *width,
                                         int                  *height);
/* The same from the short side, as video resolutions are named ("360p"
 * is a short side of 360). */
gboolean  srv_gen_size_for_short_side   (const char           *aspect_ratio,
                                         int                   short_side,
                                         int                  *width,
                                         int                  *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvGenReference, srv_gen_reference_free)

G_END_DECLS
