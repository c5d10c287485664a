/* rd-webhook-secret-dialog.h
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

G_BEGIN_DECLS

#define RD_TYPE_WEBHOOK_SECRET_DIALOG (rd_webhook_secret_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RdWebhookSecretDialog, rd_webhook_secret_dialog, RD, WEBHOOK_SECRET_DIALOG, AdwMessageDialog)

RdWebhookSecretDialog *rd_webhook_secret_dialog_new        (GtkWindow             *parent,
                                                            const char            *secret,
                                                            gboolean               rotated);
const char            *rd_webhook_secret_dialog_get_secret (RdWebhookSecretDialog *self);

G_END_DECLS
