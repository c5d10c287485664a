/* rd-recipe-private.h
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

#include <json-glib/json-glib.h>

#include "rd-recipe.h"

G_BEGIN_DECLS

/* One reference file to upload again. */
typedef struct
{
  char *kind;   /* image, video or audio */
  char *path;   /* the local path written in the recipe */
  char *note;   /* comment text, already made safe for comments */
} RdRecipeRef;

/* A generation, normalised from the job. */
typedef struct
{
  char       *base_url;  /* without a trailing slash */
  char       *model_id;
  char       *category;
  char       *prompt;
  JsonObject *params;    /* without referenceMediaItems */
  GPtrArray  *refs;      /* of RdRecipeRef */
  char       *title;     /* comment text, safe for comments */
} RdRecipeGen;

void  _rd_recipe_ref_free            (RdRecipeRef       *ref);
char *_rd_recipe_comment_text        (const char        *text);
char *_rd_recipe_normalise_base_url  (const char        *base_url);
char *_rd_recipe_guess_kind          (const char        *path);
char *_rd_recipe_curl_generation     (const RdRecipeGen *gen);
char *_rd_recipe_cli_generation      (const RdRecipeGen *gen);
char *_rd_recipe_c_program           (const RdRecipeGen *gen);

G_END_DECLS
