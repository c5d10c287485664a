/* rivya-types.h
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

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RIVYA_AVAILABLE_IN_ALL:
 *
 * Marks a symbol as part of librivya's ABI. The library is built with
 * hidden visibility, so every public function (and every
 * `G_DECLARE_*_TYPE`) of a public header must carry it.
 */
#define RIVYA_AVAILABLE_IN_ALL __attribute__((visibility ("default"))) extern

/* Forward declarations, so that headers can name one another without
 * include cycles. */
typedef struct _RivyaChatCapabilities  RivyaChatCapabilities;
typedef struct _RivyaChatCompletion    RivyaChatCompletion;
typedef struct _RivyaChatMessage       RivyaChatMessage;
typedef struct _RivyaChatRequest       RivyaChatRequest;
typedef struct _RivyaChatSession       RivyaChatSession;
typedef struct _RivyaChatStream        RivyaChatStream;
typedef struct _RivyaClient            RivyaClient;
typedef struct _RivyaCredits           RivyaCredits;
typedef struct _RivyaFile              RivyaFile;
typedef struct _RivyaGeneration        RivyaGeneration;
typedef struct _RivyaGenerationRequest RivyaGenerationRequest;
typedef struct _RivyaModel             RivyaModel;
typedef struct _RivyaModelNotice       RivyaModelNotice;
typedef struct _RivyaModelParam        RivyaModelParam;
typedef struct _RivyaPage              RivyaPage;
typedef struct _RivyaPoller            RivyaPoller;
typedef struct _RivyaReferenceMedia    RivyaReferenceMedia;
typedef struct _RivyaSseParser         RivyaSseParser;
typedef struct _RivyaUpload            RivyaUpload;
typedef struct _RivyaWebhookDelivery   RivyaWebhookDelivery;
typedef struct _RivyaWebhookEndpoint   RivyaWebhookEndpoint;
typedef struct _RivyaWebhookEvent      RivyaWebhookEvent;

G_END_DECLS
