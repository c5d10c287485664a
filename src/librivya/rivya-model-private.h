/* rivya-model-private.h
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "rivya-model.h"

G_BEGIN_DECLS

/* Shared by rivya-model.c (the type and its parsing) and
 * rivya-model-accessors.c (the getters). */
struct _RivyaModel
{
  GObject                 parent_instance;

  char                   *id;
  char                   *display_name;
  char                   *category;
  char                   *runtime;
  gint64                  base_credits;
  char                   *billing_type;
  char                  **supported_modes;
  gint64                  max_prompt_length;
  RivyaReferenceMedia    *reference_media;
  GListStore             *params;
  char                   *api_status;
  char                   *api_input_status;
  char                  **supported_api_inputs;
  gboolean                requires_files_api;
  char                  **requires_upload_for_modes;
  gboolean                url_input_supported;
  char                  **file_kinds;
  RivyaChatCapabilities  *chat_capabilities;
  GListStore             *notices;
};

G_END_DECLS
