/* rd-job-store.c
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

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-job-download.h"
#include "rd-job-history.h"
#include "rd-job-store.h"
#include "rd-util.h"

/* The job history: a GListModel of RdJob, newest first, backed by
 * SQLite. The rows are read in a thread and announced with a single
 * items-changed, so that even a long history costs the first frame
 * nothing. Unfinished jobs are followed with one RivyaPoller. */
struct _RdJobStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GPtrArray *jobs;
  GHashTable *by_id;
  GHashTable *running;
  GHashTable *downloading;
  RivyaClient *client;
  RivyaPoller *poller;
  GCancellable *cancellable;
  guint tick_id;
  guint loaded : 1;
  guint offline : 1;
  guint unanswered : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RdJobStore, rd_job_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_PATH,
  PROP_LOADED,
  PROP_N_RUNNING,
  PROP_CLIENT,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  JOB_FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  sqlite3 *db;
  GPtrArray *jobs;
} LoadData;

static void
load_data_free (LoadData *data)
{
  if (data->db != NULL)
    sqlite3_close (data->db);
  g_clear_pointer (&data->jobs, g_ptr_array_unref);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  data->jobs = g_ptr_array_new_with_free_func (g_object_unref);
  data->db = rd_job_history_open (path, data->jobs, &error);

  /* Not fatal: the jobs of this run are still listed and followed,
   * they are only not remembered. */
  if (error != NULL)
    g_message ("Could not open the job history, jobs will not be kept: %s", error->message);
  g_task_return_pointer (task, data, (GDestroyNotify) load_data_free);
}

static void
save_job (RdJobStore *self,
          RdJob      *job)
{
  if (self->db != NULL)
    rd_job_history_save (self->db, job);
}

static gboolean
tick_cb (gpointer user_data)
{
  RdJobStore *self = user_data;
  GHashTableIter iter;
  gpointer job;

  g_hash_table_iter_init (&iter, self->running);
  while (g_hash_table_iter_next (&iter, NULL, &job))
    g_object_notify (job, "elapsed");

  return G_SOURCE_CONTINUE;
}

/* Unfinished jobs wait for a server that does not answer: no client
 * (the local server gave up, say), no network, or the last poll got no
 * answer. The poller keeps trying by itself; this only tells people. */
static void
update_offline (RdJobStore *self)
{
  gboolean offline = g_hash_table_size (self->running) > 0 &&
                     (self->client == NULL || self->unanswered ||
                      (self->poller != NULL && rivya_poller_get_paused (self->poller)));

  if (self->offline == offline)
    return;
  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

static void
request_finished_cb (RdJobStore  *self,
                     const char  *method,
                     const char  *path,
                     guint        status,
                     const char  *request_id,
                     gint64       duration_us,
                     RivyaClient *client)
{
  /* Any answer says the server is there; only a poll left unanswered
   * says it is not (a cancelled balance read is no news). */
  if (status != 0)
    self->unanswered = FALSE;
  else if (g_strcmp0 (method, "GET") == 0 && path != NULL && strstr (path, "/generations/") != NULL)
    self->unanswered = TRUE;
  update_offline (self);
}

/* One timer for every running job, and none while nothing runs. */
static void
update_running (RdJobStore *self,
                RdJob      *job)
{
  guint before = g_hash_table_size (self->running);

  if (rd_job_is_finished (job) || g_hash_table_lookup (self->by_id, rd_job_get_task_id (job)) != job)
    g_hash_table_remove (self->running, rd_job_get_task_id (job));
  else
    g_hash_table_insert (self->running, g_strdup (rd_job_get_task_id (job)), job);

  if (g_hash_table_size (self->running) > 0 && self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
  else if (g_hash_table_size (self->running) == 0)
    g_clear_handle_id (&self->tick_id, g_source_remove);

  if (before != g_hash_table_size (self->running))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_RUNNING]);
  update_offline (self);
}

static void
notify_finished (RdJobStore *self,
                 RdJob      *job)
{
  GApplication *app = g_application_get_default ();
  GtkWindow *window;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GSettings) settings = NULL;
  const char *category = rd_job_get_category (job);
  const char *title;

  /* Notifications travel over the session bus; without one (a bare X
   * session, a test) GLib would only complain. */
  if (!GTK_IS_APPLICATION (app) || g_application_get_dbus_connection (app) == NULL)
    return;
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  /* Someone looking at the window sees the row change. */
  if (window != NULL && gtk_window_is_active (window))
    return;
  /* Preferences → Notify When Jobs Finish. */
  settings = g_settings_new (RD_SETTINGS_SCHEMA_ID);
  if (!g_settings_get_boolean (settings, "notifications"))
    return;

  if (rd_job_get_status (job) == RIVYA_GENERATION_STATUS_FAILED)
    title = _("Generation failed");
  else if (g_strcmp0 (category, "video") == 0)
    title = _("Video ready");
  else if (g_strcmp0 (category, "audio") == 0 || g_strcmp0 (category, "speech") == 0)
    title = _("Audio ready");
  else
    title = _("Picture ready");

  notification = g_notification_new (title);
  g_notification_set_body (notification, rd_job_get_prompt (job));
  g_application_send_notification (app, rd_job_get_task_id (job), notification);
}

static void
download_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RdJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rd_job_download_finish (result, &error);
  RdJobStore *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = RD_JOB_STORE (object);
  g_hash_table_remove (self->downloading, rd_job_get_task_id (job));
  if (path == NULL)
    {
      /* A full or read-only disk: the job row says so, with Retry. */
      g_debug ("Could not download %s: %s", rd_job_get_task_id (job), error->message);
      g_object_set (job, "download-error", error->message, NULL);
      return;
    }
  if (g_hash_table_lookup (self->by_id, rd_job_get_task_id (job)) != job)
    return;

  g_object_set (job, "local-path", path, "download-error", NULL, NULL);
  save_job (self, job);
}

/* Once per job: the result stays in the cache, the URL may expire. */
static void
download_result (RdJobStore *self,
                 RdJob      *job)
{
  g_autofree char *dir = NULL;

  if (self->client == NULL ||
      rd_job_get_status (job) != RIVYA_GENERATION_STATUS_SUCCEEDED ||
      rd_job_get_result_url (job) == NULL ||
      (rd_job_get_local_path (job) != NULL && g_file_test (rd_job_get_local_path (job), G_FILE_TEST_EXISTS)) ||
      g_strcmp0 (rd_job_get_base_url (job), rivya_client_get_base_url (self->client)) != 0 ||
      g_hash_table_contains (self->downloading, rd_job_get_task_id (job)))
    return;

  g_hash_table_add (self->downloading, g_strdup (rd_job_get_task_id (job)));
  dir = g_build_filename (g_get_user_cache_dir (), "rivya-desktop", "results", NULL);
  rd_job_download_async (G_OBJECT (self), rivya_client_get_session (self->client),
                         rd_job_get_result_url (job), dir, rd_job_get_task_id (job),
                         self->cancellable, download_cb, g_object_ref (job));
}

static void
apply_generation (RdJobStore      *self,
                  RdJob           *job,
                  RivyaGeneration *generation)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  RivyaGenerationStatus status = rivya_generation_get_status (generation);
  gboolean finished = rivya_generation_is_terminal (generation);

  g_object_freeze_notify (G_OBJECT (job));
  g_object_set (job,
                "status", status,
                "updated-at", now,
                NULL);
  if (rivya_generation_get_reserved_credits (generation) > 0)
    g_object_set (job, "reserved-credits", rivya_generation_get_reserved_credits (generation), NULL);
  if (finished)
    g_object_set (job,
                  "final-credits", MAX (rivya_generation_get_final_credits (generation), 0),
                  "finished-at", rd_job_get_finished_at (job) != 0 ? rd_job_get_finished_at (job) : now,
                  "result-url", rivya_generation_get_primary_url (generation),
                  NULL);
  if (status == RIVYA_GENERATION_STATUS_FAILED)
    {
      g_autoptr(GError) error = rivya_generation_to_error (generation);

      g_object_set (job,
                    "error-code", rivya_generation_get_error_code (generation),
                    "error-message", rivya_generation_get_error_message (generation),
                    NULL);
      if (error != NULL && rivya_error_get_request_id (error) != NULL)
        g_object_set (job, "request-id", rivya_error_get_request_id (error), NULL);
    }
  g_object_thaw_notify (G_OBJECT (job));

  save_job (self, job);
  update_running (self, job);
}

static void
poller_updated_cb (RdJobStore      *self,
                   RivyaGeneration *generation,
                   RivyaPoller     *poller)
{
  RdJob *job = g_hash_table_lookup (self->by_id, rivya_generation_get_id (generation));

  if (job != NULL)
    apply_generation (self, job, generation);
}

static void
poller_finished_cb (RdJobStore      *self,
                    RivyaGeneration *generation,
                    RivyaPoller     *poller)
{
  RdJob *job = g_hash_table_lookup (self->by_id, rivya_generation_get_id (generation));

  if (job == NULL)
    return;

  download_result (self, job);
  notify_finished (self, job);
  g_signal_emit (self, signals[JOB_FINISHED], 0, job);
}

static void
poller_error_cb (RdJobStore  *self,
                 const char  *task_id,
                 GError      *error,
                 RivyaPoller *poller)
{
  RdJob *job = g_hash_table_lookup (self->by_id, task_id);

  if (job == NULL)
    return;

  /* Waiting will not fix it (the server forgot the job, say): record why. */
  g_object_set (job,
                "status", RIVYA_GENERATION_STATUS_FAILED,
                "error-code", rivya_error_get_code_string (error),
                "error-message", error->message,
                "request-id", rivya_error_get_request_id (error),
                "finished-at", g_get_real_time () / G_USEC_PER_SEC,
                NULL);
  save_job (self, job);
  update_running (self, job);
}

static void
follow (RdJobStore *self,
        RdJob      *job)
{
  if (self->poller == NULL ||
      g_strcmp0 (rd_job_get_base_url (job), rivya_client_get_base_url (self->client)) != 0)
    return;

  if (!rd_job_is_finished (job))
    {
      if (!rivya_poller_contains (self->poller, rd_job_get_task_id (job)))
        rivya_poller_add (self->poller, rd_job_get_task_id (job), rd_job_get_category (job));
    }
  else
    download_result (self, job);
}

static void
follow_all (RdJobStore *self)
{
  for (guint i = 0; i < self->jobs->len; i++)
    follow (self, g_ptr_array_index (self->jobs, i));
}

static void
set_poller (RdJobStore  *self,
            RivyaPoller *poller)
{
  if (self->poller != NULL)
    g_signal_handlers_disconnect_by_data (self->poller, self);
  g_set_object (&self->poller, poller);
  if (poller == NULL)
    return;

  g_signal_connect_object (poller, "updated", G_CALLBACK (poller_updated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (poller, "finished", G_CALLBACK (poller_finished_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (poller, "error", G_CALLBACK (poller_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (poller, "notify::paused", G_CALLBACK (update_offline), self, G_CONNECT_SWAPPED);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  RdJobStore *self = RD_JOB_STORE (object);
  LoadData *data = g_task_propagate_pointer (G_TASK (result), NULL);
  guint position = self->jobs->len;
  guint added = 0;

  if (data == NULL)
    return;

  self->db = g_steal_pointer (&data->db);
  /* Jobs added while loading are newer than anything on disk. */
  for (guint i = 0; i < data->jobs->len; i++)
    {
      RdJob *job = g_ptr_array_index (data->jobs, i);

      if (g_hash_table_contains (self->by_id, rd_job_get_task_id (job)))
        continue;
      g_hash_table_insert (self->by_id, (char *) rd_job_get_task_id (job), job);
      g_ptr_array_add (self->jobs, g_object_ref (job));
      added++;
      if (!rd_job_is_finished (job))
        update_running (self, job);
    }
  /* Those added while loading were not saved yet. */
  for (guint i = 0; i < position; i++)
    save_job (self, g_ptr_array_index (self->jobs, i));
  load_data_free (data);

  self->loaded = TRUE;
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);

  if (self->client != NULL)
    follow_all (self);
}

static GType
rd_job_store_get_item_type (GListModel *model)
{
  return RD_TYPE_JOB;
}

static guint
rd_job_store_get_n_items (GListModel *model)
{
  return RD_JOB_STORE (model)->jobs->len;
}

static gpointer
rd_job_store_get_item (GListModel *model,
                       guint       position)
{
  RdJobStore *self = RD_JOB_STORE (model);

  if (position >= self->jobs->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->jobs, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rd_job_store_get_item_type;
  iface->get_n_items = rd_job_store_get_n_items;
  iface->get_item = rd_job_store_get_item;
}

static void
rd_job_store_constructed (GObject *object)
{
  RdJobStore *self = RD_JOB_STORE (object);
  g_autoptr(GTask) task = NULL;

  G_OBJECT_CLASS (rd_job_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = rd_job_store_get_default_path ();

  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, rd_job_store_constructed);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  g_task_run_in_thread (task, load_thread);
}

static void
rd_job_store_dispose (GObject *object)
{
  RdJobStore *self = RD_JOB_STORE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  set_poller (self, NULL);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (rd_job_store_parent_class)->dispose (object);
}

static void
rd_job_store_finalize (GObject *object)
{
  RdJobStore *self = RD_JOB_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->running, g_hash_table_unref);
  g_clear_pointer (&self->downloading, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  g_free (self->path);

  G_OBJECT_CLASS (rd_job_store_parent_class)->finalize (object);
}

static void
rd_job_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RdJobStore *self = RD_JOB_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    case PROP_N_RUNNING:
      g_value_set_uint (value, rd_job_store_get_n_running (self));
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_job_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RdJobStore *self = RD_JOB_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_CLIENT:
      rd_job_store_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_job_store_class_init (RdJobStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rd_job_store_constructed;
  object_class->dispose = rd_job_store_dispose;
  object_class->finalize = rd_job_store_finalize;
  object_class->get_property = rd_job_store_get_property;
  object_class->set_property = rd_job_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_RUNNING] =
    g_param_spec_uint ("n-running", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, RIVYA_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Unfinished jobs cannot be followed right now (see update_offline()). */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A followed job settled: the balance changed. */
  signals[JOB_FINISHED] =
    g_signal_new ("job-finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RD_TYPE_JOB);
}

static void
rd_job_store_init (RdJobStore *self)
{
  self->jobs = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->running = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->downloading = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
}

/* @path: the database, or %NULL for <XDG data>/rivya-desktop/history.db */
RdJobStore *
rd_job_store_new (const char *path)
{
  return g_object_new (RD_TYPE_JOB_STORE, "path", path, NULL);
}

char *
rd_job_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rivya-desktop", "history.db", NULL);
}

const char *
rd_job_store_get_path (RdJobStore *self)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), NULL);
  return self->path;
}

gboolean
rd_job_store_get_loaded (RdJobStore *self)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), FALSE);
  return self->loaded;
}

guint
rd_job_store_get_n_running (RdJobStore *self)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), 0);
  return g_hash_table_size (self->running);
}

gboolean
rd_job_store_get_offline (RdJobStore *self)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), FALSE);
  return self->offline;
}

/* Downloads @job's result again after a failure (a full disk that was
 * cleared, say). */
void
rd_job_store_retry_download (RdJobStore *self,
                             RdJob      *job)
{
  g_return_if_fail (RD_IS_JOB_STORE (self));
  g_return_if_fail (RD_IS_JOB (job));

  g_object_set (job, "download-error", NULL, NULL);
  download_result (self, job);
}

RivyaClient *
rd_job_store_get_client (RdJobStore *self)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), NULL);
  return self->client;
}

RivyaPoller *
rd_job_store_get_poller (RdJobStore *self)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), NULL);
  return self->poller;
}

RdJob *
rd_job_store_lookup (RdJobStore *self,
                     const char *task_id)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), NULL);
  return g_hash_table_lookup (self->by_id, task_id);
}

void
rd_job_store_remove (RdJobStore *self,
                     RdJob      *job)
{
  guint position;

  g_return_if_fail (RD_IS_JOB_STORE (self));
  g_return_if_fail (RD_IS_JOB (job));

  if (!g_ptr_array_find (self->jobs, job, &position))
    return;

  if (self->poller != NULL)
    rivya_poller_remove (self->poller, rd_job_get_task_id (job));
  if (self->db != NULL)
    rd_job_history_delete (self->db, rd_job_get_task_id (job));

  g_hash_table_remove (self->by_id, rd_job_get_task_id (job));
  update_running (self, job);
  g_ptr_array_remove_index (self->jobs, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/* Unfinished jobs of @client's server resume here, in this process or
 * in a new one reading the same history. */
void
rd_job_store_set_client (RdJobStore  *self,
                         RivyaClient *client)
{
  g_autoptr(RivyaPoller) poller = NULL;

  g_return_if_fail (RD_IS_JOB_STORE (self));
  g_return_if_fail (!client || RIVYA_IS_CLIENT (client));

  if (self->client == client)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, request_finished_cb, self);
  g_set_object (&self->client, client);
  self->unanswered = FALSE;
  if (client != NULL)
    {
      poller = rivya_poller_new (client);
      g_signal_connect_object (client, "request-finished",
                               G_CALLBACK (request_finished_cb), self, G_CONNECT_SWAPPED);
    }
  set_poller (self, poller);
  update_offline (self);
  if (client != NULL && self->loaded)
    follow_all (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static char *
params_to_json (RivyaGenerationRequest *request)
{
  g_autoptr(JsonNode) body = rivya_generation_request_to_json (request);
  JsonObject *object = json_node_get_object (body);
  g_autoptr(JsonNode) params = NULL;

  if (object != NULL && json_object_has_member (object, "params"))
    params = json_node_copy (json_object_get_member (object, "params"));
  else
    params = json_node_init_object (json_node_alloc (), json_object_new ());

  return json_to_string (params, FALSE);
}

/* Records @generation, submitted with @request, and follows it.
 * Returns: (transfer none): its job (the existing one if the same
 * idempotency key gave the same task back) */
RdJob *
rd_job_store_add_generation (RdJobStore             *self,
                             const char             *base_url,
                             const char             *model_name,
                             const char             *category,
                             RivyaGenerationRequest *request,
                             RivyaGeneration        *generation)
{
  char *strings[13] = { NULL };
  gint64 ints[5] = { 0, -1, 0, 0, 0 };
  RdJob *job;

  strings[0] = g_strdup (rivya_generation_get_id (generation));
  strings[1] = g_strdup (base_url);
  strings[2] = g_strdup (rivya_generation_request_get_model (request));
  strings[3] = g_strdup (model_name != NULL ? model_name : rivya_generation_request_get_model (request));
  strings[4] = g_strdup (category);
  strings[5] = g_strdup (rivya_generation_request_get_prompt (request));
  strings[6] = params_to_json (request);
  strings[7] = g_strdup (rivya_generation_request_get_idempotency_key (request));
  ints[2] = ints[3] = g_get_real_time () / G_USEC_PER_SEC;
  job = rd_job_new_take (strings, RIVYA_GENERATION_STATUS_QUEUED, ints);

  if (g_hash_table_contains (self->by_id, rd_job_get_task_id (job)))
    {
      /* The same idempotency key gave the same job back. */
      g_object_unref (job);
      return g_hash_table_lookup (self->by_id, rivya_generation_get_id (generation));
    }

  g_hash_table_insert (self->by_id, (char *) rd_job_get_task_id (job), job);
  g_ptr_array_insert (self->jobs, 0, job);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, 1);

  apply_generation (self, job, generation);
  follow (self, job);
  if (rd_job_is_finished (job))
    download_result (self, job);

  return job;
}

/* Called by whoever submitted @generation (the Create page): records it
 * and follows it to the end. */
void
rd_job_store_add_submission (RdJobStore             *self,
                             const char             *base_url,
                             RivyaModel             *model,
                             RivyaGenerationRequest *request,
                             RivyaGeneration        *generation)
{
  g_return_if_fail (RD_IS_JOB_STORE (self));
  g_return_if_fail (base_url != NULL);
  g_return_if_fail (!model || RIVYA_IS_MODEL (model));
  g_return_if_fail (RIVYA_IS_GENERATION_REQUEST (request));
  g_return_if_fail (RIVYA_IS_GENERATION (generation));

  rd_job_store_add_generation (self, base_url,
                               model ? rivya_model_get_display_name (model) : NULL,
                               model ? rivya_model_get_category (model) : "image",
                               request, generation);
}

/* Uploaded reference files. The history is read in a thread at start:
 * until then nothing is known, and a file is simply uploaded again. */

/* Returns: (transfer full) (nullable): the remembered upload of
 * @local_path for @model_id, expired or not */
RdUploadRecord *
rd_job_store_find_upload (RdJobStore *self,
                          const char *base_url,
                          const char *model_id,
                          const char *local_path)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), NULL);

  if (self->db == NULL || base_url == NULL || model_id == NULL || local_path == NULL)
    return NULL;
  return rd_job_history_find_upload (self->db, base_url, model_id, local_path);
}

/* Returns: (transfer full) (nullable): the remembered upload the server
 * gave @url to */
RdUploadRecord *
rd_job_store_find_upload_by_url (RdJobStore *self,
                                 const char *base_url,
                                 const char *url)
{
  g_return_val_if_fail (RD_IS_JOB_STORE (self), NULL);

  if (self->db == NULL || base_url == NULL || url == NULL)
    return NULL;
  return rd_job_history_find_upload_by_url (self->db, base_url, url);
}

void
rd_job_store_remember_upload (RdJobStore           *self,
                              const RdUploadRecord *record)
{
  g_return_if_fail (RD_IS_JOB_STORE (self));
  g_return_if_fail (record != NULL);

  if (self->db != NULL)
    rd_job_history_save_upload (self->db, record);
}
