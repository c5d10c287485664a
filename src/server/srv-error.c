/* srv-error.c
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

#include "srv-error.h"

static const struct {
  const char *code;
  guint       status;
} errors[] = {
  [SRV_ERROR_PUBLIC_API_DISABLED]           = { "public_api_disabled", 503 },
  [SRV_ERROR_API_KEY_MISSING]               = { "api_key_missing", 401 },
  [SRV_ERROR_API_KEY_INVALID]               = { "api_key_invalid", 401 },
  [SRV_ERROR_API_KEY_REVOKED]               = { "api_key_revoked", 401 },
  [SRV_ERROR_API_KEY_EXPIRED]               = { "api_key_expired", 401 },
  [SRV_ERROR_API_SCOPE_DENIED]              = { "api_scope_denied", 403 },
  [SRV_ERROR_RATE_LIMITED]                  = { "rate_limited", 429 },
  [SRV_ERROR_VALIDATION_FAILED]             = { "validation_failed", 400 },
  [SRV_ERROR_NOT_FOUND]                     = { "not_found", 404 },
  [SRV_ERROR_WEBHOOK_URL_REJECTED]          = { "webhook_url_rejected", 400 },
  [SRV_ERROR_CHAT_MODEL_NOT_SUPPORTED]      = { "chat_model_not_supported", 400 },
  [SRV_ERROR_CHAT_SESSION_CONFLICT]         = { "chat_session_conflict", 409 },
  [SRV_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED] = { "chat_attachment_not_supported", 400 },
  [SRV_ERROR_IDEMPOTENCY_CONFLICT]          = { "idempotency_conflict", 409 },
  [SRV_ERROR_INSUFFICIENT_CREDITS]          = { "insufficient_credits", 402 },
  [SRV_ERROR_INTERNAL_ERROR]                = { "internal_error", 500 },
  [SRV_ERROR_METHOD_NOT_ALLOWED]            = { "method_not_allowed", 405 },
  [SRV_ERROR_PAYLOAD_TOO_LARGE]             = { "payload_too_large", 413 },
  [SRV_ERROR_UNSUPPORTED_MEDIA_TYPE]        = { "unsupported_media_type", 415 },
};

G_STATIC_ASSERT (G_N_ELEMENTS (errors) == SRV_ERROR_LAST);

const char *
srv_error_code_to_string (SrvErrorCode code)
{
  g_return_val_if_fail (code < SRV_ERROR_LAST, "internal_error");
  return errors[code].code;
}

guint
srv_error_code_to_status (SrvErrorCode code)
{
  g_return_val_if_fail (code < SRV_ERROR_LAST, 500);
  return errors[code].status;
}
