/* rivya-cli-params.c
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

#include "rivya-cli-params.h"

#include <math.h>
#include <string.h>

#include "rivya-cli-context.h"

static char *
list_keys (RivyaModel *model)
{
  GListModel *params = rivya_model_get_params (model);
  guint n_params = params ? g_list_model_get_n_items (params) : 0;
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < n_params; i++)
    {
      g_autoptr(RivyaModelParam) param = g_list_model_get_item (params, i);

      if (i > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, rivya_model_param_get_key (param));
    }

  return g_string_free (keys, FALSE);
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  const char * const yes[] = { "true", "yes", "on", "1", NULL };
  const char * const no[] = { "false", "no", "off", "0", NULL };

  for (guint i = 0; yes[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        {
          *value = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        {
          *value = FALSE;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
apply_number (RivyaModelParam         *param,
              RivyaGenerationRequest  *request,
              const char              *key,
              const char              *text,
              GError                 **error)
{
  char *end = NULL;
  double value;

  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (value))
    return rivya_cli_set_usage_error (error, "parameter '%s' is a number, not '%s'", key, text);

  if (rivya_model_param_get_has_min (param) && value < rivya_model_param_get_min (param))
    return rivya_cli_set_usage_error (error, "parameter '%s' is at least %g, not %s", key,
                                      rivya_model_param_get_min (param), text);
  if (rivya_model_param_get_has_max (param) && value > rivya_model_param_get_max (param))
    return rivya_cli_set_usage_error (error, "parameter '%s' is at most %g, not %s", key,
                                      rivya_model_param_get_max (param), text);

  /* Whole numbers travel as JSON integers, as the docs' examples do. */
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    rivya_generation_request_set_param_int (request, key, (gint64)value);
  else
    rivya_generation_request_set_param_double (request, key, value);

  return TRUE;
}

static gboolean
apply_one (RivyaModel              *model,
           RivyaGenerationRequest  *request,
           const char              *assignment,
           GError                 **error)
{
  const char *equals = strchr (assignment, '=');
  g_autofree char *key = NULL;
  g_autofree char *keys = NULL;
  RivyaModelParam *param;
  const char *value;
  gboolean boolean;

  if (equals == NULL || equals == assignment)
    return rivya_cli_set_usage_error (error, "--param takes KEY=VALUE, not '%s'", assignment);

  key = g_strndup (assignment, equals - assignment);
  value = equals + 1;

  if (!(param = rivya_model_find_param (model, key)))
    {
      keys = list_keys (model);
      if (*keys == '\0')
        return rivya_cli_set_usage_error (error, "unknown parameter '%s': %s takes no parameters",
                                          key, rivya_model_get_id (model));
      return rivya_cli_set_usage_error (error,
                                        "unknown parameter '%s' for %s; valid parameters: %s",
                                        key, rivya_model_get_id (model), keys);
    }

  switch (rivya_model_param_get_value_type (param))
    {
    case RIVYA_MODEL_PARAM_TYPE_SELECT:
      {
        const char * const *options = rivya_model_param_get_options (param);

        if (options != NULL && options[0] != NULL && !g_strv_contains (options, value))
          {
            g_autofree char *joined = g_strjoinv (", ", (char **)options);

            return rivya_cli_set_usage_error (error, "parameter '%s' is one of %s, not '%s'",
                                              key, joined, value);
          }
        /* Select values are strings even when they look like numbers. */
        rivya_generation_request_set_param_string (request, key, value);
      }
      return TRUE;

    case RIVYA_MODEL_PARAM_TYPE_NUMBER:
      return apply_number (param, request, key, value, error);

    case RIVYA_MODEL_PARAM_TYPE_BOOLEAN:
      if (!parse_boolean (value, &boolean))
        return rivya_cli_set_usage_error (error, "parameter '%s' is true or false, not '%s'",
                                          key, value);
      rivya_generation_request_set_param_boolean (request, key, boolean);
      return TRUE;

    case RIVYA_MODEL_PARAM_TYPE_TEXT:
    case RIVYA_MODEL_PARAM_TYPE_UNKNOWN:
    default:
      /* Text, or a type newer than this tool: the service decides. */
      rivya_generation_request_set_param_string (request, key, value);
      return TRUE;
    }
}

/* Types each KEY=VALUE by the model's schema (B.6) and refuses keys the
 * model does not have, naming the ones it has. */
gboolean
rivya_cli_params_apply (RivyaModel              *model,
                        RivyaGenerationRequest  *request,
                        const char * const      *params,
                        GError                 **error)
{
  for (guint i = 0; params != NULL && params[i] != NULL; i++)
    {
      if (!apply_one (model, request, params[i], error))
        return FALSE;
    }

  return TRUE;
}
