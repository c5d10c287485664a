/* rd-webhook-editor.h
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

#include <adwaita.h>
#include <rivya.h>

G_BEGIN_DECLS

#define RD_TYPE_WEBHOOK_EDITOR (rd_webhook_editor_get_type ())

G_DECLARE_FINAL_TYPE (RdWebhookEditor, rd_webhook_editor, RD, WEBHOOK_EDITOR, AdwMessageDialog)

RdWebhookEditor  *rd_webhook_editor_new             (GtkWindow            *parent,
                                                     RivyaWebhookEndpoint *endpoint);
const char       *rd_webhook_editor_get_name        (RdWebhookEditor      *self);
void              rd_webhook_editor_set_name        (RdWebhookEditor      *self,
                                                     const char           *name);
const char       *rd_webhook_editor_get_url         (RdWebhookEditor      *self);
void              rd_webhook_editor_set_url         (RdWebhookEditor      *self,
                                                     const char           *url);
char            **rd_webhook_editor_dup_event_types (RdWebhookEditor      *self);

G_END_DECLS
