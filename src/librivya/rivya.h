/* rivya.h
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

#define RIVYA_INSIDE
# include "rivya-types.h"
# include "rivya-enums.h"
# include "rivya-error.h"
# include "rivya-chat-capabilities.h"
# include "rivya-chat-completion.h"
# include "rivya-chat-message.h"
# include "rivya-chat-request.h"
# include "rivya-chat-session.h"
# include "rivya-chat-stream.h"
# include "rivya-client.h"
# include "rivya-credits.h"
# include "rivya-file.h"
# include "rivya-generation.h"
# include "rivya-generation-request.h"
# include "rivya-media.h"
# include "rivya-model.h"
# include "rivya-model-notice.h"
# include "rivya-model-param.h"
# include "rivya-page.h"
# include "rivya-poller.h"
# include "rivya-reference-media.h"
# include "rivya-request-record.h"
# include "rivya-sse-parser.h"
# include "rivya-upload.h"
# include "rivya-webhook-delivery.h"
# include "rivya-webhook-endpoint.h"
# include "rivya-webhook-event.h"
# include "rivya-webhook-verify.h"
#undef RIVYA_INSIDE
