/* srv-gen-util-private.h
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

#include <cairo.h>
#include <gst/gst.h>

#include "srv-generator.h"

G_BEGIN_DECLS

/* Neither cairo 1.16 nor GLib declare these; only GTK does, and the
 * server does not link GTK. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_pattern_t, cairo_pattern_destroy)

/* Helpers shared by the generators, implemented in srv-generator.c. */

/* A file being written: a hidden name in the output directory that is
 * removed when the value is freed unless it was committed first, so that
 * a failed or cancelled job leaves nothing behind. */
typedef char SrvGenTempFile;

SrvGenTempFile *_srv_gen_temp_file_new     (const char       *output_dir,
                                            GError          **error);
void            _srv_gen_temp_file_free    (SrvGenTempFile   *temp);
gboolean        _srv_gen_temp_file_commit  (SrvGenTempFile  **temp,
                                            const char       *output_dir,
                                            const char       *stem,
                                            const char       *extension,
                                            char            **final_path,
                                            GError          **error);

const char     *_srv_gen_param_string      (JsonObject       *params,
                                            const char       *key,
                                            const char       *fallback);
double          _srv_gen_param_number      (JsonObject       *params,
                                            const char       *key,
                                            double            fallback,
                                            double            min,
                                            double            max);
gboolean        _srv_gen_param_has_number  (JsonObject       *params,
                                            const char       *key);
gboolean        _srv_gen_param_boolean     (JsonObject       *params,
                                            const char       *key,
                                            gboolean          fallback);
gboolean        _srv_gen_reference_is_image (const SrvGenReference *reference);
gboolean        _srv_gen_string_in         (const char       *value,
                                            const char *const *allowed);

/* A reference picture as a cairo ARGB32 surface, upright and at most a
 * few thousand pixels large; SRV_GENERATOR_ERROR_BAD_INPUT naming the file
 * when it cannot be decoded. mime_type, when known, picks the decoder. */
cairo_surface_t *_srv_gen_load_image       (const char       *path,
                                            const char       *mime_type,
                                            GError          **error);
/* Paints source over the rectangle, cropped to fill it. */
void            _srv_gen_paint_cover       (cairo_t          *cr,
                                            cairo_surface_t  *source,
                                            double            x,
                                            double            y,
                                            double            width,
                                            double            height);
gboolean        _srv_gen_save_image        (cairo_surface_t  *surface,
                                            const char       *path,
                                            gboolean          jpeg,
                                            GError          **error);

gboolean        _srv_gen_ensure_gstreamer  (GError          **error);
GstElement     *_srv_gen_pipeline_new      (const char       *description,
                                            GError          **error);
gboolean        _srv_gen_pipeline_run      (GstElement       *pipeline,
                                            GCancellable     *cancellable,
                                            GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SrvGenTempFile, _srv_gen_temp_file_free)

G_END_DECLS
