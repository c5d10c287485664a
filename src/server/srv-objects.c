/* srv-objects.c
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

#include "srv-objects.h"

#include <string.h>
#include "srv-util.h"

char *
srv_media_url (const char *base_url,
               const char *token,
               const char *extension)
{
  return g_strdup_printf ("%s/media/%s.%s", base_url, token, extension);
}

/* B.7: an HMAC over the file id and its duration, so that a
 * durationSeconds sent back in referenceMediaItems can be trusted. */
char *
srv_duration_token (const char *secret,
                    const char *file_id,
                    double      duration_seconds)
{
  g_autofree char *msg = g_strdup_printf ("%s:%.3f", file_id, duration_seconds);

  return g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *)secret, strlen (secret),
                                    msg, -1);
}

JsonNode *
srv_generation_to_json (SrvGeneration *g,
                        const char    *base_url)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, g->id);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "generation");
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, g->status);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, g->model);
  json_builder_set_member_name (b, "reserved_credits");
  json_builder_add_int_value (b, g->reserved_credits);
  json_builder_set_member_name (b, "final_credits");
  if (g->final_credits >= 0)
    json_builder_add_int_value (b, g->final_credits);
  else
    json_builder_add_null_value (b);
  srv_json_add_time (b, "created_at", g->created_at);
  srv_json_add_time (b, "updated_at", g->updated_at);

  json_builder_set_member_name (b, "result");
  if (g->result != NULL && g_str_equal (g->status, "succeeded"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonArray *entries = NULL;

      if (json_parser_load_from_data (parser, g->result, -1, NULL))
        entries = json_node_get_array (json_parser_get_root (parser));

      json_builder_begin_object (b);
      for (guint pass = 0; pass < 2; pass++)
        {
          json_builder_set_member_name (b, pass == 0 ? "primary_url" : "urls");
          if (pass == 1)
            json_builder_begin_array (b);
          for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
            {
              g_autofree char *url = g_strdup_printf ("%s/media/%s", base_url,
                                                      json_array_get_string_element (entries, i));
              json_builder_add_string_value (b, url);
              if (pass == 0)
                break;
            }
          if (pass == 1)
            json_builder_end_array (b);
        }
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  json_builder_set_member_name (b, "error");
  if (g->error_code != NULL)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, g->error_code);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, g->error_message ? g->error_message : "");
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  srv_json_add_string_or_null (b, "client_request_id", g->client_request_id);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
srv_file_to_json (SrvFileRecord *f,
                  const char    *base_url,
                  const char    *secret)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *url = srv_media_url (base_url, f->token, f->extension);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, f->id);
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "file");
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, f->kind);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, f->name);
  json_builder_set_member_name (b, "mime_type");
  json_builder_add_string_value (b, f->mime_type);
  json_builder_set_member_name (b, "size_bytes");
  json_builder_add_int_value (b, f->size_bytes);
  json_builder_set_member_name (b, "url");
  json_builder_add_string_value (b, url);
  json_builder_set_member_name (b, "duration_seconds");
  if (f->duration_seconds >= 0)
    json_builder_add_double_value (b, f->duration_seconds);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "duration_token");
  if (f->duration_seconds >= 0)
    {
      g_autofree char *token = srv_duration_token (secret, f->id, f->duration_seconds);
      json_builder_add_string_value (b, token);
    }
  else
    json_builder_add_null_value (b);
  srv_json_add_string_or_null (b, "model", f->model);
  srv_json_add_string_or_null (b, "client_request_id", f->client_request_id);
  srv_json_add_time (b, "created_at", f->created_at);
  srv_json_add_time (b, "expires_at", f->expires_at);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}
