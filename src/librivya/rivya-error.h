/* rivya-error.h
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

#if !defined(RIVYA_INSIDE) && !defined(RIVYA_COMPILATION)
# error "Only <rivya.h> can be included directly."
#endif

#include <glib.h>
#include <libsoup/soup.h>

#include "rivya-types.h"

G_BEGIN_DECLS

/**
 * RIVYA_ERROR:
 *
 * The error domain of every librivya call. Errors of this domain carry
 * what the server said besides the message: see rivya_error_get_request_id(),
 * rivya_error_get_http_status(), rivya_error_get_code_string(),
 * rivya_error_get_param() and rivya_error_get_retry_after().
 *
 * Cancelled calls fail with %G_IO_ERROR_CANCELLED instead, so that callers
 * can ignore them silently.
 */
#define RIVYA_ERROR (rivya_error_quark ())

/**
 * RivyaError:
 * @RIVYA_ERROR_PUBLIC_API_DISABLED: `public_api_disabled` (503)
 * @RIVYA_ERROR_API_KEY_MISSING: `api_key_missing` (401)
 * @RIVYA_ERROR_API_KEY_INVALID: `api_key_invalid` (401)
 * @RIVYA_ERROR_API_KEY_REVOKED: `api_key_revoked` (401)
 * @RIVYA_ERROR_API_KEY_EXPIRED: `api_key_expired` (401)
 * @RIVYA_ERROR_API_SCOPE_DENIED: `api_scope_denied` (403)
 * @RIVYA_ERROR_RATE_LIMITED: `rate_limited` (429); see
 *   rivya_error_get_retry_after()
 * @RIVYA_ERROR_VALIDATION_FAILED: `validation_failed` (400); see
 *   rivya_error_get_param(). Also raised before sending when a file does
 *   not fit a model's kinds or types (HTTP status 0)
 * @RIVYA_ERROR_NOT_FOUND: `not_found` (404)
 * @RIVYA_ERROR_WEBHOOK_URL_REJECTED: `webhook_url_rejected` (400)
 * @RIVYA_ERROR_CHAT_MODEL_NOT_SUPPORTED: `chat_model_not_supported` (400)
 * @RIVYA_ERROR_CHAT_SESSION_CONFLICT: `chat_session_conflict` (409)
 * @RIVYA_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED: `chat_attachment_not_supported` (400)
 * @RIVYA_ERROR_IDEMPOTENCY_CONFLICT: `idempotency_conflict` (409)
 * @RIVYA_ERROR_INSUFFICIENT_CREDITS: `insufficient_credits` (402)
 * @RIVYA_ERROR_INTERNAL_ERROR: `internal_error` (500)
 * @RIVYA_ERROR_METHOD_NOT_ALLOWED: `method_not_allowed` (405)
 * @RIVYA_ERROR_PAYLOAD_TOO_LARGE: `payload_too_large` (413). Also raised
 *   before sending when a file is over a size limit (HTTP status 0)
 * @RIVYA_ERROR_UNSUPPORTED_MEDIA_TYPE: `unsupported_media_type` (415)
 * @RIVYA_ERROR_GENERATION_FAILED: `generation_failed`, the task-level code
 *   of a failed generation; see rivya_generation_to_error()
 * @RIVYA_ERROR_UNKNOWN_CODE: the server answered an error code this
 *   version does not know; rivya_error_get_code_string() gives it
 * @RIVYA_ERROR_HTTP: the server answered an HTTP error without an API
 *   error body (a proxy's HTML page, for example); see
 *   rivya_error_get_http_status()
 * @RIVYA_ERROR_TRANSPORT: no HTTP answer at all: the connection failed,
 *   was refused or was cut
 * @RIVYA_ERROR_PARSE: a successful answer, or a stream event, could not be
 *   read as the documented JSON
 *
 * The error codes of %RIVYA_ERROR. The first ones mirror the API's codes
 * (A.10, B.2 and `generation_failed`); the last ones are the client's own.
 * Future API codes arrive as %RIVYA_ERROR_UNKNOWN_CODE, never as a
 * failure to read the error.
 */
typedef enum
{
  RIVYA_ERROR_PUBLIC_API_DISABLED,
  RIVYA_ERROR_API_KEY_MISSING,
  RIVYA_ERROR_API_KEY_INVALID,
  RIVYA_ERROR_API_KEY_REVOKED,
  RIVYA_ERROR_API_KEY_EXPIRED,
  RIVYA_ERROR_API_SCOPE_DENIED,
  RIVYA_ERROR_RATE_LIMITED,
  RIVYA_ERROR_VALIDATION_FAILED,
  RIVYA_ERROR_NOT_FOUND,
  RIVYA_ERROR_WEBHOOK_URL_REJECTED,
  RIVYA_ERROR_CHAT_MODEL_NOT_SUPPORTED,
  RIVYA_ERROR_CHAT_SESSION_CONFLICT,
  RIVYA_ERROR_CHAT_ATTACHMENT_NOT_SUPPORTED,
  RIVYA_ERROR_IDEMPOTENCY_CONFLICT,
  RIVYA_ERROR_INSUFFICIENT_CREDITS,
  RIVYA_ERROR_INTERNAL_ERROR,
  RIVYA_ERROR_METHOD_NOT_ALLOWED,
  RIVYA_ERROR_PAYLOAD_TOO_LARGE,
  RIVYA_ERROR_UNSUPPORTED_MEDIA_TYPE,
  RIVYA_ERROR_GENERATION_FAILED,
  RIVYA_ERROR_UNKNOWN_CODE,
  RIVYA_ERROR_HTTP,
  RIVYA_ERROR_TRANSPORT,
  RIVYA_ERROR_PARSE,
} RivyaError;

RIVYA_AVAILABLE_IN_ALL
GQuark      rivya_error_quark             (void);
RIVYA_AVAILABLE_IN_ALL
RivyaError  rivya_error_code_from_string  (const char         *code);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_error_code_to_string    (RivyaError          code);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_error_get_request_id    (const GError       *error);
RIVYA_AVAILABLE_IN_ALL
guint       rivya_error_get_http_status   (const GError       *error);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_error_get_code_string   (const GError       *error);
RIVYA_AVAILABLE_IN_ALL
const char *rivya_error_get_param         (const GError       *error);
RIVYA_AVAILABLE_IN_ALL
guint       rivya_error_get_retry_after   (const GError       *error);
RIVYA_AVAILABLE_IN_ALL
gboolean    rivya_error_is_transport      (const GError       *error);
RIVYA_AVAILABLE_IN_ALL
GError     *rivya_error_new_from_response (guint               http_status,
                                           SoupMessageHeaders *headers,
                                           GBytes             *body);

G_END_DECLS
