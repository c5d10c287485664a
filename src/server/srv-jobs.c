/* srv-jobs.c
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

#include "srv-generator-process.h"
#include "srv-jobs.h"
#include "srv-util.h"

#define STOPPED_MESSAGE "The server stopped before this job finished"

typedef struct
{
  SrvJobs       *jobs;        /* borrowed: outlives every job */
  char          *id;
  char          *model;
  char          *mode;
  char          *prompt;
  JsonObject    *params;
  GPtrArray     *references;
  char          *output_dir;
  GCancellable  *cancellable;

  /* Written by the worker, read on the main context after it is done. */
  gboolean       ok;
  SrvGenOutput   output;
  GError        *error;
} Job;

struct _SrvJobs
{
  SrvStore      *store;
  GThreadPool   *pool;
  GMainContext  *context;
  GHashTable    *active;      /* id -> Job, from submit to the end of finish */
  guint          latency_ms;
};

static void
job_free (Job *job)
{
  g_free (job->id);
  g_free (job->model);
  g_free (job->mode);
  g_free (job->prompt);
  g_clear_pointer (&job->params, json_object_unref);
  g_clear_pointer (&job->references, g_ptr_array_unref);
  g_free (job->output_dir);
  g_clear_object (&job->cancellable);
  srv_gen_output_clear (&job->output);
  g_clear_error (&job->error);
  g_free (job);
}

static gboolean
mark_processing_cb (gpointer data)
{
  struct { SrvJobs *jobs; char *id; } *p = data;
  g_autoptr(GError) error = NULL;

  if (!srv_store_mark_processing (p->jobs->store, p->id, &error))
    g_warning ("Could not mark %s as processing: %s", p->id, error->message);
  g_free (p->id);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static gboolean
finish_cb (gpointer data)
{
  Job *job = data;
  SrvJobs *self = job->jobs;
  g_autoptr(GError) error = NULL;
  gboolean stored;

  if (job->ok)
    {
      stored = srv_store_finish_success (self->store, job->id, job->output.path,
                                         job->output.mime_type, job->output.extension, &error);
    }
  else
    {
      const char *message = job->error ? job->error->message : "The generator failed";

      if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = STOPPED_MESSAGE;
      else
        g_message ("%s failed: %s", job->id, message);
      stored = srv_store_finish_failure (self->store, job->id, message, &error);
    }

  if (!stored)
    g_warning ("Could not record the end of %s: %s", job->id, error->message);

  g_hash_table_remove (self->active, job->id);
  return G_SOURCE_REMOVE;
}

/* Always later, on the main context: g_main_context_invoke() would run
 * the function right here, in the worker, whenever no thread owns the
 * context (as during shutdown, after the main loop returned). */
static void
defer_to_main (SrvJobs     *self,
               GSourceFunc  func,
               gpointer     data)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_callback (source, func, data, NULL);
  g_source_set_static_name (source, "[rivya-server] job update");
  g_source_attach (source, self->context);
}

static void
worker_cb (gpointer data,
           gpointer user_data)
{
  Job *job = data;
  SrvJobs *self = user_data;
  SrvGenRequest request = { 0 };
  struct { SrvJobs *jobs; char *id; } *p;

  /* A cloud service takes a while even for small jobs; the latency
   * option lets the app's progress UI be seen and tested. */
  for (guint waited = 0; waited < self->latency_ms; waited += 20)
    {
      if (g_cancellable_is_cancelled (job->cancellable))
        break;
      g_usleep (20 * 1000);
    }

  p = g_malloc (sizeof *p);
  p->jobs = self;
  p->id = g_strdup (job->id);
  defer_to_main (self, mark_processing_cb, p);

  request.model = job->model;
  request.mode = job->mode;
  request.prompt = job->prompt;
  request.params = job->params;
  request.references = job->references;
  request.output_dir = job->output_dir;
  request.cancellable = job->cancellable;

  if (g_cancellable_set_error_if_cancelled (job->cancellable, &job->error))
    job->ok = FALSE;
  else if (srv_ensure_directory (job->output_dir, &job->error))
    job->ok = srv_generator_run_isolated (&request, &job->output, &job->error);

  defer_to_main (self, finish_cb, job);
}

SrvJobs *
srv_jobs_new (SrvStore *store,
              guint     workers,
              guint     latency_ms)
{
  SrvJobs *self = g_new0 (SrvJobs, 1);

  self->store = g_object_ref (store);
  self->context = g_main_context_ref_thread_default ();
  self->latency_ms = latency_ms;
  self->active = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)job_free);
  self->pool = g_thread_pool_new (worker_cb, self, MAX (workers, 1), FALSE, NULL);
  return self;
}

static GPtrArray *
parse_references (const char  *json,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify)srv_gen_reference_free);
  JsonArray *arr;

  if (!json_parser_load_from_data (parser, json ? json : "[]", -1, error))
    return NULL;
  arr = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      JsonObject *o = json_array_get_object_element (arr, i);
      SrvGenReference *ref = g_new0 (SrvGenReference, 1);

      ref->path = g_strdup (json_object_get_string_member (o, "path"));
      ref->kind = g_strdup (json_object_get_string_member (o, "kind"));
      ref->mime_type = g_strdup (json_object_get_string_member (o, "mime_type"));
      g_ptr_array_add (refs, ref);
    }
  return g_steal_pointer (&refs);
}

gboolean
srv_jobs_submit (SrvJobs        *self,
                 SrvGeneration  *generation,
                 GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  Job *job;

  if (!json_parser_load_from_data (parser, generation->params, -1, error))
    return FALSE;

  job = g_new0 (Job, 1);
  job->jobs = self;
  job->id = g_strdup (generation->id);
  job->model = g_strdup (generation->model);
  job->mode = g_strdup (generation->mode);
  job->prompt = g_strdup (generation->prompt);
  job->params = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  job->cancellable = g_cancellable_new ();
  job->output_dir = srv_store_build_path (self->store, "results", generation->id, NULL);
  job->references = parse_references (generation->references, error);
  if (job->references == NULL)
    {
      job_free (job);
      return FALSE;
    }

  g_hash_table_insert (self->active, job->id, job);
  return g_thread_pool_push (self->pool, job, error);
}

guint
srv_jobs_get_active (SrvJobs *self)
{
  return g_hash_table_size (self->active);
}

void
srv_jobs_shutdown (SrvJobs *self)
{
  GHashTableIter iter;
  Job *job;

  if (self->pool == NULL)
    return;

  g_hash_table_iter_init (&iter, self->active);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&job))
    g_cancellable_cancel (job->cancellable);

  /* Drop what has not started, wait for what has: cancelled generators
   * return quickly. Their results then arrive as idle callbacks. */
  g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, TRUE);
  while (g_main_context_iteration (self->context, FALSE))
    ;

  /* Jobs still here never reached a worker; the caller fails them in
   * the store. */
  g_hash_table_remove_all (self->active);
}

void
srv_jobs_free (SrvJobs *self)
{
  if (self == NULL)
    return;
  srv_jobs_shutdown (self);
  g_clear_pointer (&self->active, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->store);
  g_free (self);
}
