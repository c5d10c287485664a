/* rd-reference-item.c
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

#define G_LOG_DOMAIN "rd-reference-item"

#include "config.h"

#include "rd-reference-item.h"

#include <glib/gi18n.h>

/* One reference file of the Create view: read and checked here (its
 * type sniffed from its bytes, its size, against the model's limits)
 * before a byte is sent, then uploaded through the Files API, or taken
 * from the history when the same file was uploaded for the same model
 * and the server still has it. */
struct _RdReferenceItem
{
  GObject           parent_instance;

  GFile            *file;
  char             *name;
  char             *kind;
  char             *mime_type;
  char             *message;
  char             *key;
  gint64            size;
  gint64            mtime;
  double            progress;
  RdReferenceState  state;
  RdUploadRecord   *record;
  GCancellable     *cancellable;
  guint             reused : 1;
};

G_DEFINE_FINAL_TYPE (RdReferenceItem, rd_reference_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_KIND,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  RdReferenceItem *self;
  RivyaClient     *client;
  RivyaModel      *model;
  RdJobStore      *store;
} Start;

static void
start_free (Start *start)
{
  g_clear_object (&start->self);
  g_clear_object (&start->client);
  g_clear_object (&start->model);
  g_clear_object (&start->store);
  g_free (start);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Start, start_free)

typedef struct
{
  char   *name;
  char   *mime_type;
  gint64  size;
  gint64  mtime;
} Inspection;

static void
inspection_free (Inspection *inspection)
{
  g_free (inspection->name);
  g_free (inspection->mime_type);
  g_free (inspection);
}

static void
set_state (RdReferenceItem  *self,
           RdReferenceState  state,
           const char       *message)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
set_progress (RdReferenceItem *self,
              double           progress)
{
  progress = CLAMP (progress, 0.0, 1.0);
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Reads what decides whether the file may be sent: its size and the
 * type its first bytes say, never its name. */
static void
inspect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RdReferenceItem *self = source_object;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint8 head[RIVYA_MEDIA_SNIFF_BYTES];
  gsize head_len = 0;
  Inspection *inspection;

  info = g_file_query_info (self->file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL ||
      !(stream = g_file_read (self->file, cancellable, &error)) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &head_len,
                                cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  inspection = g_new0 (Inspection, 1);
  inspection->name = g_strdup (g_file_info_get_display_name (info));
  inspection->size = g_file_info_get_size (info);
  inspection->mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  inspection->mime_type = g_strdup (rivya_media_sniff_mime_type (head, head_len));
  g_task_return_pointer (task, inspection, (GDestroyNotify) inspection_free);
}

static char *
join_kinds (const char * const *kinds)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, kinds[i + 1] ? ", " : _(" or "));
      g_string_append (text, kinds[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The model's limits (B.6) where it gives them, the Files API's defaults
 * (A.6) otherwise. Returns: (nullable): why the file is refused */
static char *
check (RdReferenceItem *self,
       RivyaModel      *model)
{
  RivyaReferenceMedia *media = rivya_model_get_reference_media (model);
  const char *model_id = rivya_model_get_id (model);
  const char * const *types;
  gint64 max_bytes;

  if (self->mime_type == NULL || self->kind == NULL)
    /* translators: %s is a file name */
    return g_strdup_printf (_("“%s” is refused: its content is not a PNG, JPEG or WebP picture, "
                              "nor a supported video or audio format."), self->name);

  if (media != NULL && !rivya_reference_media_accepts_kind (media, self->kind))
    {
      g_autofree char *kinds = join_kinds (rivya_reference_media_get_kinds (media));

      /* translators: a file name, its type, a model id, then kinds such as "image or video" */
      return g_strdup_printf (_("“%s” is refused: it is %s, and %s takes only %s references."),
                              self->name, self->mime_type, model_id, kinds);
    }

  types = media ? rivya_reference_media_get_mime_types (media, self->kind) : NULL;
  if (types == NULL)
    types = rivya_media_get_default_mime_types (self->kind);
  if (types != NULL && !g_strv_contains (types, self->mime_type))
    {
      g_autofree char *list = join_kinds (types);

      /* translators: a file name, its type, a model id, then a list of types */
      return g_strdup_printf (_("“%s” is refused: its type is %s, and %s takes %s."),
                              self->name, self->mime_type, model_id, list);
    }

  max_bytes = media ? rivya_reference_media_get_max_bytes (media, self->kind) : -1;
  if (max_bytes < 0)
    max_bytes = rivya_media_get_default_max_bytes (self->kind);
  if (max_bytes >= 0 && self->size > max_bytes)
    {
      g_autofree char *size = g_format_size_full (self->size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

      /* translators: a file name, its size, the limit, a model id and a kind:
       * "“big.png” is refused: it is 12.0 MiB, over the 10.0 MiB limit of local-image for image files." */
      return g_strdup_printf (_("“%s” is refused: it is %s, over the %s limit of %s for %s files."),
                              self->name, size, limit, model_id, self->kind);
    }

  if (self->size == 0)
    return g_strdup_printf (_("“%s” is refused: it is empty."), self->name);

  return NULL;
}

static void
upload_progress_cb (RdReferenceItem *self,
                    guint64          bytes_sent,
                    gint64           total_bytes)
{
  if (total_bytes > 0)
    set_progress (self, (double) bytes_sent / total_bytes);
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Start) start = user_data;
  RdReferenceItem *self = start->self;
  g_autoptr(RivyaFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = rivya_client_upload_finish (RIVYA_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_state (self, RD_REFERENCE_CANCELLED, _("Upload cancelled."));
      return;
    }
  if (file == NULL)
    {
      /* translators: a file name, then the server's reason */
      g_autofree char *message = g_strdup_printf (_("“%s” could not be uploaded: %s"),
                                                  self->name, error->message);
      set_state (self, RD_REFERENCE_FAILED, message);
      return;
    }

  self->record = rd_upload_record_new_for_file (rivya_client_get_base_url (start->client),
                                                rivya_model_get_id (start->model),
                                                self->key, self->size, self->mtime, file);
  if (start->store != NULL)
    rd_job_store_remember_upload (start->store, self->record);
  set_progress (self, 1.0);
  set_state (self, RD_REFERENCE_READY, NULL);
}

static void
inspect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RdReferenceItem *self = RD_REFERENCE_ITEM (object);
  g_autoptr(Start) start = user_data;
  g_autoptr(RivyaUpload) upload = NULL;
  g_autoptr(RdUploadRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = NULL;
  RivyaClient *client;
  Inspection *inspection;

  inspection = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_state (self, RD_REFERENCE_CANCELLED, _("Upload cancelled."));
      return;
    }
  if (inspection == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be read: %s"),
                                                  self->name, error->message);
      set_state (self, RD_REFERENCE_FAILED, message);
      return;
    }

  g_free (self->name);
  self->name = g_steal_pointer (&inspection->name);
  self->mime_type = g_steal_pointer (&inspection->mime_type);
  self->kind = g_strdup (self->mime_type ? rivya_media_kind_for_mime_type (self->mime_type) : NULL);
  self->size = inspection->size;
  self->mtime = inspection->mtime;
  inspection_free (inspection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);

  if ((refused = check (self, start->model)) != NULL)
    {
      set_state (self, RD_REFERENCE_REFUSED, refused);
      return;
    }

  if (start->client == NULL)
    {
      set_state (self, RD_REFERENCE_FAILED, _("Not connected to a server: nothing was uploaded."));
      return;
    }

  if (start->store != NULL)
    record = rd_job_store_find_upload (start->store, rivya_client_get_base_url (start->client),
                                       rivya_model_get_id (start->model), self->key);
  if (record != NULL && record->size == self->size && record->mtime == self->mtime &&
      rd_upload_record_is_usable (record, g_get_real_time () / G_USEC_PER_SEC))
    {
      self->record = g_steal_pointer (&record);
      self->reused = TRUE;
      set_progress (self, 1.0);
      set_state (self, RD_REFERENCE_READY, NULL);
      return;
    }

  upload = rivya_upload_new_for_file (self->file, self->kind);
  rivya_upload_set_model (upload, start->model);
  rivya_upload_set_filename (upload, self->name);
  g_signal_connect_object (upload, "progress", G_CALLBACK (upload_progress_cb), self,
                           G_CONNECT_SWAPPED);
  set_progress (self, 0.0);
  set_state (self, RD_REFERENCE_UPLOADING, NULL);
  client = start->client;
  rivya_client_upload_async (client, upload, self->cancellable, upload_cb, g_steal_pointer (&start));
}

static void
rd_reference_item_dispose (GObject *object)
{
  RdReferenceItem *self = RD_REFERENCE_ITEM (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (rd_reference_item_parent_class)->dispose (object);
}

static void
rd_reference_item_finalize (GObject *object)
{
  RdReferenceItem *self = RD_REFERENCE_ITEM (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->record, rd_upload_record_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->mime_type, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (rd_reference_item_parent_class)->finalize (object);
}

static void
rd_reference_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RdReferenceItem *self = RD_REFERENCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_reference_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RdReferenceItem *self = RD_REFERENCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_reference_item_constructed (GObject *object)
{
  RdReferenceItem *self = RD_REFERENCE_ITEM (object);

  G_OBJECT_CLASS (rd_reference_item_parent_class)->constructed (object);

  self->name = g_file_get_basename (self->file);
  /* What the history is keyed by: the path, or for files that have none
   * (a remote location) their URI. */
  self->key = g_file_get_path (self->file);
  if (self->key == NULL)
    self->key = g_file_get_uri (self->file);
}

static void
rd_reference_item_class_init (RdReferenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rd_reference_item_dispose;
  object_class->finalize = rd_reference_item_finalize;
  object_class->get_property = rd_reference_item_get_property;
  object_class->set_property = rd_reference_item_set_property;
  object_class->constructed = rd_reference_item_constructed;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* An RdReferenceState. */
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, 0, RD_REFERENCE_CANCELLED, RD_REFERENCE_CHECKING,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Why the file was refused or not uploaded, to show as it is. */
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rd_reference_item_init (RdReferenceItem *self)
{
  self->state = RD_REFERENCE_CHECKING;
  self->size = -1;
  self->cancellable = g_cancellable_new ();
}

RdReferenceItem *
rd_reference_item_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (RD_TYPE_REFERENCE_ITEM, "file", file, NULL);
}

GFile *
rd_reference_item_get_file (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), NULL);
  return self->file;
}

const char *
rd_reference_item_get_name (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), NULL);
  return self->name;
}

/* Returns: (nullable): "image", "video" or "audio" once the file was read */
const char *
rd_reference_item_get_kind (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), NULL);
  return self->kind;
}

/* Returns: (nullable): the type sniffed from the file's bytes */
const char *
rd_reference_item_get_mime_type (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), NULL);
  return self->mime_type;
}

gint64
rd_reference_item_get_size (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), -1);
  return self->size;
}

RdReferenceState
rd_reference_item_get_state (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), RD_REFERENCE_FAILED);
  return self->state;
}

/* Whether the item is still being read or uploaded. */
gboolean
rd_reference_item_is_pending (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), FALSE);
  return self->state == RD_REFERENCE_CHECKING || self->state == RD_REFERENCE_UPLOADING;
}

double
rd_reference_item_get_progress (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), 0.0);
  return self->progress;
}

const char *
rd_reference_item_get_message (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), NULL);
  return self->message;
}

/* Whether the upload was taken from the history instead of sent again. */
gboolean
rd_reference_item_get_reused (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), FALSE);
  return self->reused;
}

/* Returns: (nullable): the uploaded file, once ready */
const RdUploadRecord *
rd_reference_item_get_record (RdReferenceItem *self)
{
  g_return_val_if_fail (RD_IS_REFERENCE_ITEM (self), NULL);
  return self->record;
}

/* Reads and checks the file for @model, then uploads it with @client
 * unless @store remembers a usable upload of it. Called once. */
void
rd_reference_item_start (RdReferenceItem *self,
                         RivyaClient     *client,
                         RivyaModel      *model,
                         RdJobStore      *store)
{
  g_autoptr(GTask) task = NULL;
  Start *start;

  g_return_if_fail (RD_IS_REFERENCE_ITEM (self));
  g_return_if_fail (!client || RIVYA_IS_CLIENT (client));
  g_return_if_fail (RIVYA_IS_MODEL (model));
  g_return_if_fail (!store || RD_IS_JOB_STORE (store));

  start = g_new0 (Start, 1);
  start->self = g_object_ref (self);
  start->client = client ? g_object_ref (client) : NULL;
  start->model = g_object_ref (model);
  start->store = store ? g_object_ref (store) : NULL;

  task = g_task_new (self, self->cancellable, inspect_cb, start);
  g_task_set_source_tag (task, rd_reference_item_start);
  g_task_run_in_thread (task, inspect_thread);
}

/* Stops reading or uploading; the item ends cancelled. */
void
rd_reference_item_cancel (RdReferenceItem *self)
{
  g_return_if_fail (RD_IS_REFERENCE_ITEM (self));

  g_cancellable_cancel (self->cancellable);
}

/* Refuses the item for a reason found outside it (too many files),
 * before it is started. */
void
rd_reference_item_refuse (RdReferenceItem *self,
                          const char      *message)
{
  g_return_if_fail (RD_IS_REFERENCE_ITEM (self));
  g_return_if_fail (message != NULL);

  g_cancellable_cancel (self->cancellable);
  set_state (self, RD_REFERENCE_REFUSED, message);
}
