/* srv-generator-process.c
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

#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>
#include <gst/gst.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "srv-generator-process.h"
#include "srv-util.h"

static char *
request_to_json (const SrvGenRequest *request)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, request->model);
  json_builder_set_member_name (b, "mode");
  json_builder_add_string_value (b, request->mode);
  json_builder_set_member_name (b, "prompt");
  json_builder_add_string_value (b, request->prompt);
  json_builder_set_member_name (b, "output_dir");
  json_builder_add_string_value (b, request->output_dir);
  json_builder_set_member_name (b, "params");
  json_builder_add_value (b, json_node_init_object (json_node_alloc (), request->params));
  json_builder_set_member_name (b, "references");
  json_builder_begin_array (b);
  for (guint i = 0; i < request->references->len; i++)
    {
      SrvGenReference *ref = g_ptr_array_index (request->references, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, ref->path);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, ref->kind);
      json_builder_set_member_name (b, "mime_type");
      json_builder_add_string_value (b, ref->mime_type);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return srv_json_to_string (root, NULL);
}

static void
die_with_parent (gpointer user_data)
{
  /* A generator must not outlive the server that asked for it. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
remove_partial_outputs (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      if (g_str_has_prefix (name, ".srv-gen-"))
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          g_unlink (path);
        }
    }
}

gboolean
srv_generator_run_isolated (const SrvGenRequest  *request,
                            SrvGenOutput         *output,
                            GError              **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *input = request_to_json (request);
  g_autofree char *answer = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *result;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  /* /proc/self/exe is this very binary even after a rebuild replaced
   * the file on disk. */
  child = g_subprocess_launcher_spawn (launcher, error, "/proc/self/exe", "generate-job", NULL);
  if (child == NULL)
    return FALSE;

  if (!g_subprocess_communicate_utf8 (child, input, request->cancellable, &answer, NULL, &local_error))
    {
      /* A child that dies before it has read the whole request makes the
       * write fail (EPIPE): its death is the cause to report. It is reaped
       * on GLib's worker thread, so give that a moment. */
      for (guint i = 0; i < 200 && g_subprocess_get_identifier (child) != NULL &&
                        !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED); i++)
        g_usleep (10 * G_TIME_SPAN_MILLISECOND);
      if (g_subprocess_get_identifier (child) == NULL && g_subprocess_get_if_signaled (child))
        {
          remove_partial_outputs (request->output_dir);
          g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                       "The %s generator crashed (%s); nothing was charged",
                       request->model, g_strsignal (g_subprocess_get_term_sig (child)));
          return FALSE;
        }
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, NULL);
      remove_partial_outputs (request->output_dir);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_subprocess_get_if_signaled (child))
    {
      remove_partial_outputs (request->output_dir);
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The %s generator crashed (%s); nothing was charged",
                   request->model, g_strsignal (g_subprocess_get_term_sig (child)));
      return FALSE;
    }

  parser = json_parser_new ();
  if (answer == NULL || !json_parser_load_from_data (parser, answer, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      remove_partial_outputs (request->output_dir);
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The %s generator crashed (it exited with status %d and no answer); "
                   "nothing was charged",
                   request->model, g_subprocess_get_exit_status (child));
      return FALSE;
    }

  result = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_get_boolean_member_with_default (result, "ok", FALSE))
    {
      g_set_error_literal (error, SRV_GENERATOR_ERROR,
                           json_object_get_int_member_with_default (result, "code",
                                                                    SRV_GENERATOR_ERROR_FAILED),
                           json_object_get_string_member_with_default (result, "message",
                                                                       "The generator failed"));
      return FALSE;
    }

  output->path = g_strdup (json_object_get_string_member_with_default (result, "path", NULL));
  output->mime_type = g_strdup (json_object_get_string_member_with_default (result, "mime_type", NULL));
  output->extension = g_strdup (json_object_get_string_member_with_default (result, "extension", NULL));
  output->width = json_object_get_int_member_with_default (result, "width", 0);
  output->height = json_object_get_int_member_with_default (result, "height", 0);
  output->duration_seconds = json_object_get_double_member_with_default (result, "duration_seconds", 0);

  if (output->path == NULL || output->mime_type == NULL || output->extension == NULL)
    {
      srv_gen_output_clear (output);
      g_set_error (error, SRV_GENERATOR_ERROR, SRV_GENERATOR_ERROR_FAILED,
                   "The %s generator gave an incomplete answer", request->model);
      return FALSE;
    }

  return TRUE;
}

static void
print_answer (JsonBuilder *b)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = srv_json_to_string (root, NULL);

  fputs (text, stdout);
  fflush (stdout);
}

int
srv_generator_child_main (void)
{
  g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  g_autoptr(GOutputStream) buffer = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify)srv_gen_reference_free);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GError) error = NULL;
  SrvGenOutput output = { 0 };
  SrvGenRequest request = { 0 };
  JsonObject *req;
  JsonArray *arr;

  /* A crash must reach the server as the signal it is, not as
   * GStreamer's own report-and-exit. */
  gst_segtrap_set_enabled (FALSE);

  if (g_output_stream_splice (buffer, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error) < 0 ||
      !json_parser_load_from_data (parser,
                                   g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (buffer)),
                                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (buffer)),
                                   &error) ||
      !gst_init_check (NULL, NULL, &error))
    {
      g_printerr ("rivya-server generate-job: %s\n", error->message);
      return 1;
    }

  req = json_node_get_object (json_parser_get_root (parser));
  arr = json_object_get_array_member (req, "references");
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      SrvGenReference *ref = g_new0 (SrvGenReference, 1);

      ref->path = g_strdup (json_object_get_string_member (o, "path"));
      ref->kind = g_strdup (json_object_get_string_member (o, "kind"));
      ref->mime_type = g_strdup (json_object_get_string_member (o, "mime_type"));
      g_ptr_array_add (refs, ref);
    }

  request.model = json_object_get_string_member (req, "model");
  request.mode = json_object_get_string_member (req, "mode");
  request.prompt = json_object_get_string_member (req, "prompt");
  request.params = json_object_get_object_member (req, "params");
  request.output_dir = json_object_get_string_member (req, "output_dir");
  request.references = refs;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ok");
  if (srv_generator_run (&request, &output, &error))
    {
      json_builder_add_boolean_value (b, TRUE);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, output.path);
      json_builder_set_member_name (b, "mime_type");
      json_builder_add_string_value (b, output.mime_type);
      json_builder_set_member_name (b, "extension");
      json_builder_add_string_value (b, output.extension);
      json_builder_set_member_name (b, "width");
      json_builder_add_int_value (b, output.width);
      json_builder_set_member_name (b, "height");
      json_builder_add_int_value (b, output.height);
      json_builder_set_member_name (b, "duration_seconds");
      json_builder_add_double_value (b, output.duration_seconds);
      srv_gen_output_clear (&output);
    }
  else
    {
      json_builder_add_boolean_value (b, FALSE);
      json_builder_set_member_name (b, "code");
      json_builder_add_int_value (b, error->domain == SRV_GENERATOR_ERROR ? error->code
                                                                          : SRV_GENERATOR_ERROR_FAILED);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, error->message);
    }
  json_builder_end_object (b);
  print_answer (b);
  return 0;
}
