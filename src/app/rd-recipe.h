/* rd-recipe.h
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

#include <glib.h>

#include "rd-job.h"

G_BEGIN_DECLS

/* "Copy as…": the docs' safe migration pattern (try a task by hand, keep
 * its model, prompt, params and input files, then move it to the API) in
 * one click. Every function here is pure: text in, text out, no widgets
 * and no I/O, so that tests can run what they produce.
 *
 * What every recipe promises:
 *  - the API key is read from $RIVYA_API_KEY, never written in the text;
 *  - the base URL is $RIVYA_BASE_URL, defaulting to the job's account;
 *  - reference files are local paths to upload again (the job's upload
 *    URLs expire); unknown paths become ./reference-N.EXT with a comment;
 *  - any prompt survives: shell words are built with g_shell_quote(),
 *    JSON with json-glib, C strings with octal escapes. */
typedef enum
{
  RD_RECIPE_FORMAT_CURL,  /* a bash script: upload, create with an Idempotency-Key, poll */
  RD_RECIPE_FORMAT_CLI,   /* a shell script running `rivya generate` or `rivya chat` */
  RD_RECIPE_FORMAT_C,     /* a C program over librivya on a GMainLoop */
} RdRecipeFormat;

/* The names used by the `job.copy-as` action: "curl", "cli", "c". */
gboolean  rd_recipe_format_from_string   (const char          *name,
                                          RdRecipeFormat      *format);
const char *rd_recipe_format_to_string   (RdRecipeFormat       format);

/* A generation. @params_json is the job's params object as stored; its
 * `referenceMediaItems` (if any) tell the kind, name and type of each
 * reference. @reference_paths (nullable, NULL-terminated) are the local
 * files of those references, in the same order; a missing or NULL entry
 * becomes a placeholder. Paths beyond the items are added as references
 * too (their kind guessed from the name). @category (image, video, audio;
 * nullable) picks the polling cadence; @title (nullable, e.g. the task id)
 * only goes into the leading comment. */
char     *rd_recipe_for_generation       (RdRecipeFormat       format,
                                          const char          *base_url,
                                          const char          *model_id,
                                          const char          *category,
                                          const char          *prompt,
                                          const char          *params_json,
                                          const char * const  *reference_paths,
                                          const char          *title);

/* The same for a job of the history, from its getters; @reference_paths
 * as above (the Jobs page finds them in the history's upload records). */
char     *rd_recipe_for_job              (RdJob               *job,
                                          RdRecipeFormat       format,
                                          const char * const  *reference_paths);

/* One chat turn, for the Chat page: RD_RECIPE_FORMAT_CURL gives a bash
 * script that uploads @attachment_paths (nullable, NULL-terminated) to the
 * Files API, then sends `POST /api/v1/chat/completions` with `model`,
 * `message`, `session_id` (when @session_id is not NULL, to continue that
 * session), `attachments` ([{"file_id"}]), `enable_web_search` (only when
 * TRUE) and `reasoning_effort` (when not NULL), under a fresh
 * Idempotency-Key, and prints the completion. RD_RECIPE_FORMAT_CLI gives
 * `rivya chat --model … [--session …] [--web-search] [--reasoning-effort …]
 * MESSAGE` (a message starting with a dash is piped to its standard input
 * instead); `rivya chat` takes no attachments, so those are listed in a
 * comment pointing to the curl recipe. RD_RECIPE_FORMAT_C is not offered
 * for chat: it returns NULL. */
char     *rd_recipe_for_chat_turn        (RdRecipeFormat       format,
                                          const char          *base_url,
                                          const char          *model_id,
                                          const char          *session_id,
                                          const char          *message,
                                          const char * const  *attachment_paths,
                                          gboolean             enable_web_search,
                                          const char          *reasoning_effort);

G_END_DECLS
