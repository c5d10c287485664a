/* srv-error.h
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

G_BEGIN_DECLS

/* The API's error codes (A.10 and B.2), each with its HTTP status. */
typedef enum
{
  SRV_ERROR_PUBLIC_API_DISABLED,
  SRV_ERROR_API_KEY_MISSING,
  SRV_ERROR_API_KEY_INVALID,
  SRV_ERROR_API_KEY_REVOKED,
  SRV_ERROR_API_KEY_EXPIRED,
  SRV_ERROR_API_SCOPE_DENIED,
  SRV_ERROR_RATE_LIMITED,
  SRV_ERROR_VALIDATION_FAILED,
  SRV_ERROR_NOT_FOUND,
  SRV_ERROR_WEBHOOK_URL_REJECTED,
  SRV_ERROR_CHAT_MODEL_NOT_SUPPORTED,
  SRV_ERROR_CHAT_SESSION_CONFLICT,
  SRV_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED,
  SRV_ERROR_IDEMPOTENCY_CONFLICT,
  SRV_ERROR_INSUFFICIENT_CREDITS,
  SRV_ERROR_INTERNAL_ERROR,
  SRV_ERROR_METHOD_NOT_ALLOWED,
  SRV_ERROR_PAYLOAD_TOO_LARGE,
  SRV_ERROR_UNSUPPORTED_MEDIA_TYPE,
  SRV_ERROR_LAST
} SrvErrorCode;

const char *srv_error_code_to_string (SrvErrorCode code);
guint       srv_error_code_to_status (SrvErrorCode code);

G_END_DECLS
