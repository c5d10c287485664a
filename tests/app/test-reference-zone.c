/* test-reference-zone.c
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
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "rd-create-page.h"
#include "rd-generation-form.h"
#include "rd-job-row.h"
#include "rd-job-store.h"
#include "rd-model-cache.h"
#include "rd-reference-tile.h"
#include "rd-reference-zone.h"
#include "rd-server-supervisor.h"
#include "rd-session.h"
#include "rd-test-utils.h"

#define START_TIMEOUT_MS 30000
#define MIB (1024 * 1024)

typedef struct
{
  RdServerSupervisor *supervisor;
  RdSession          *session;
  RdJobStore         *store;
  GtkWindow          *window;
  GtkWidget          *content;
  RdCreatePage       *page;
  RdGenerationForm   *form;
  RdReferenceZone    *zone;
  char               *dir;
} Fixture;

/* A PNG of noise: it does not compress, so its size is about
 * width * height * 3 bytes. */
static GFile *
write_noise_png (const char *dir,
                 const char *name,
                 int         size)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, size, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  gsize len = (gsize) gdk_pixbuf_get_rowstride (pixbuf) * size;
  GRand *rand = g_rand_new_with_seed (size);

  for (gsize i = 0; i < len; i++)
    pixels[i] = g_rand_int (rand) & 0xff;
  g_rand_free (rand);

  gdk_pixbuf_save (pixbuf, path, "png", &error, "compression", "1", NULL);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GFile *
write_bytes (const char   *dir,
             const char   *name,
             const guint8 *head,
             gsize         head_len,
             gsize         size)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree guint8 *data = g_malloc0 (size);
  g_autoptr(GError) error = NULL;

  memcpy (data, head, MIN (head_len, size));
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The test files are tens of megabytes: none is left behind. */
static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static gboolean
has_size (GtkWidget *widget,
          int        width,
          int        height)
{
  return gtk_widget_get_width (widget) == width && gtk_widget_get_height (widget) == height;
}

static void
resize (Fixture *fixture,
        int      width,
        int      height)
{
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  rd_test_wait_ms (200);
  /* The default size counts GTK's resize border: make the content the
   * size asked for. */
  if (!has_size (fixture->content, width, height))
    gtk_window_set_default_size (fixture->window,
                                 MAX (1, 2 * width - gtk_widget_get_width (fixture->content)),
                                 MAX (1, 2 * height - gtk_widget_get_height (fixture->content)));
  RD_TEST_WAIT_UNTIL (has_size (fixture->content, width, height), 5000);
  /* On a narrow window the page shows the form, not the list. */
  rd_create_page_select_model (fixture->page, "local-image");
  rd_test_wait_ms (300);
}

/* The zone as a person sees it, at the width of a laptop and of a phone. */
static void
screenshots (Fixture    *fixture,
             const char *state)
{
  const char *dir = g_getenv ("RD_SCREENSHOT_DIR");
  const int widths[] = { 1280, 400 };

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/reference-zone-%s-%dx800.png", dir, state, widths[i]);

      resize (fixture, widths[i], 800);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
      rd_test_save_screenshot (GTK_WIDGET (fixture->window), path);
      g_test_message ("wrote %s", path);
    }
  resize (fixture, 1280, 800);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("rd-reference-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->supervisor = rd_server_supervisor_new (NULL);
  fixture->session = rd_session_new ();
  rd_session_use_local (fixture->session, fixture->supervisor);
  rd_server_supervisor_start (fixture->supervisor);
  RD_TEST_WAIT_UNTIL (rd_session_get_ready (fixture->session), START_TIMEOUT_MS);

  fixture->store = rd_job_store_new (NULL);
  RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (fixture->store), 10000);
  rd_job_store_set_client (fixture->store, rd_session_get_client (fixture->session));
  rivya_poller_set_time_scale (rd_job_store_get_poller (fixture->store), 0.1);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->page = RD_CREATE_PAGE (rd_create_page_new ());
  rd_create_page_set_session (fixture->page, fixture->session);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  fixture->content = rd_test_get_content (GTK_WIDGET (fixture->window));
  fixture->form = rd_create_page_get_form (fixture->page);
  fixture->zone = rd_generation_form_get_reference_zone (fixture->form);
  rd_reference_zone_set_job_store (fixture->zone, fixture->store);

  gtk_window_set_default_size (fixture->window, 1280, 800);
  gtk_window_present (fixture->window);
  RD_TEST_WAIT_UNTIL (g_strcmp0 (rd_create_page_get_catalog_source (fixture->page), "network") == 0,
                      START_TIMEOUT_MS);
  resize (fixture, 1280, 800);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->store);
  rd_server_supervisor_stop (fixture->supervisor);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->supervisor);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static gboolean
deliver (Fixture      *fixture,
         const GValue *value)
{
  gboolean accepted = FALSE;

  g_signal_emit_by_name (rd_reference_zone_get_drop_target (fixture->zone), "drop",
                         value, 20.0, 20.0, &accepted);
  return accepted;
}

/* What a file manager gives: a GdkFileList, delivered to the drop target. */
static gboolean
drop_files (Fixture *fixture,
            GFile  **files,
            gsize    n_files)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GdkFileList *list = gdk_file_list_new_from_array (files, n_files);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);
  return deliver (fixture, &value);
}

static RdReferenceItem *
find_item (Fixture    *fixture,
           const char *name)
{
  GListModel *items = rd_reference_zone_get_items (fixture->zone);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RdReferenceItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (rd_reference_item_get_name (item), name) == 0)
        return item;
    }
  return NULL;
}

typedef struct
{
  guint  updates;
  double intermediate;
} Progress;

static void
progress_cb (RdReferenceItem *item,
             GParamSpec      *pspec,
             Progress        *progress)
{
  double p = rd_reference_item_get_progress (item);

  progress->updates++;
  if (p > 0.0 && p < 1.0)
    progress->intermediate = p;
}

static void
submitted_cb (RdCreatePage            *page,
              RivyaModel              *model,
              RivyaGenerationRequest  *request,
              RivyaGeneration         *generation,
              Fixture                 *fixture)
{
  rd_job_store_add_submission (fixture->store,
                               rivya_client_get_base_url (rd_session_get_client (fixture->session)),
                               model, request, generation);
  g_object_set_data_full (G_OBJECT (page), "task-id", g_strdup (rivya_generation_get_id (generation)),
                          g_free);
}

/* What the server stored for the job: the mode it chose and the
 * references it resolved from params.referenceMediaItems (the uploaded
 * files it reads; it keeps the other params apart). */
static void
server_job (Fixture     *fixture,
            const char  *task_id,
            char       **mode,
            char       **refs)
{
  g_autofree char *path = g_build_filename (rd_server_supervisor_get_data_dir (fixture->supervisor),
                                            "rivya.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT mode, refs FROM generations WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, task_id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *refs = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static const char *
submit_and_wait (Fixture *fixture)
{
  const char *task_id;

  g_object_set_data (G_OBJECT (fixture->page), "task-id", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->form), "form.generate", NULL);
  RD_TEST_WAIT_UNTIL (g_object_get_data (G_OBJECT (fixture->page), "task-id") != NULL,
                      START_TIMEOUT_MS);
  task_id = g_object_get_data (G_OBJECT (fixture->page), "task-id");
  g_assert_true (g_str_has_prefix (task_id, "task_"));
  return task_id;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GtkDragSource *
find_drag_source (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        return GTK_DRAG_SOURCE (controller);
    }
  return NULL;
}

static RdReferenceTile *
find_tile (GtkWidget       *widget,
           RdReferenceItem *item)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      RdReferenceTile *tile;

      if (RD_IS_REFERENCE_TILE (child) && rd_reference_tile_get_item (RD_REFERENCE_TILE (child)) == item)
        return RD_REFERENCE_TILE (child);
      if ((tile = find_tile (child, item)) != NULL)
        return tile;
    }
  return NULL;
}

static void
test_zone (Fixture       *fixture,
           gconstpointer  data)
{
  static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const char wav_magic[] = "RIFF\x24\x00\x00\x00WAVEfmt ";
  g_autoptr(GFile) photo = write_noise_png (fixture->dir, "photo.png", 1750);
  g_autoptr(GFile) huge = write_bytes (fixture->dir, "huge.png", png_magic, sizeof png_magic, 11 * MIB);
  g_autoptr(GFile) fake = write_bytes (fixture->dir, "notes.png", (const guint8 *) "just some text\n", 15, 15);
  g_autoptr(GFile) wav = write_bytes (fixture->dir, "voice.wav", (const guint8 *) wav_magic,
                                      sizeof wav_magic - 1, 64);
  GFile *dropped[] = { photo, huge, fake, wav };
  Progress progress = { 0, 0.0 };
  RdReferenceItem *item;
  const RdUploadRecord *record;
  GPid server = rd_server_supervisor_get_pid (fixture->supervisor);
  g_autofree char *photo_url = NULL;
  g_autofree char *params = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *refs = NULL;
  g_autofree char *task_id = NULL;
  RdJob *job;

  /* local-image takes up to 4 images of 10 MiB: the zone is shown. */
  g_assert_true (rd_create_page_select_model (fixture->page, "local-image"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->zone)));
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (fixture->zone), "0 of 4"));
  rd_generation_form_set_prompt (fixture->form, "A lighthouse in the style of the reference");
  screenshots (fixture, "empty");

  /* Dropped with the server stopped: the upload stalls part way, and a
   * submit waits for it. */
  g_assert_cmpint (kill (server, SIGSTOP), ==, 0);
  g_assert_true (drop_files (fixture, dropped, G_N_ELEMENTS (dropped)));
  g_assert_cmpuint (g_list_model_get_n_items (rd_reference_zone_get_items (fixture->zone)), ==, 4);
  item = find_item (fixture, "photo.png");
  g_signal_connect (item, "notify::progress", G_CALLBACK (progress_cb), &progress);
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (item) == RD_REFERENCE_UPLOADING, 10000);
  RD_TEST_WAIT_UNTIL (progress.intermediate > 0.0, 10000);
  rd_test_wait_ms (500);
  g_test_message ("stalled at %.0f %% of the upload", rd_reference_item_get_progress (item) * 100);
  g_assert_cmpint (rd_reference_item_get_state (item), ==, RD_REFERENCE_UPLOADING);
  g_assert_cmpuint (rd_reference_zone_get_n_pending (fixture->zone), ==, 1);

  /* The wrong ones are refused before anything is sent, each with its reason. */
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (find_item (fixture, "huge.png")) == RD_REFERENCE_REFUSED,
                      10000);
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (find_item (fixture, "notes.png")) == RD_REFERENCE_REFUSED,
                      10000);
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (find_item (fixture, "voice.wav")) == RD_REFERENCE_REFUSED,
                      10000);
  g_test_message ("%s", rd_reference_item_get_message (find_item (fixture, "huge.png")));
  g_test_message ("%s", rd_reference_item_get_message (find_item (fixture, "notes.png")));
  g_test_message ("%s", rd_reference_item_get_message (find_item (fixture, "voice.wav")));
  g_assert_cmpstr (rd_reference_item_get_message (find_item (fixture, "huge.png")), ==,
                   "“huge.png” is refused: it is 11.0\xc2\xa0MiB, over the 10.0\xc2\xa0MiB limit of local-image "
                   "for image files.");
  g_assert_cmpstr (rd_reference_item_get_message (find_item (fixture, "notes.png")), ==,
                   "“notes.png” is refused: its content is not a PNG, JPEG or WebP picture, "
                   "nor a supported video or audio format.");
  g_assert_cmpstr (rd_reference_item_get_message (find_item (fixture, "voice.wav")), ==,
                   "“voice.wav” is refused: it is audio/wav, and local-image takes only image "
                   "references.");
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (fixture->zone),
                                        rd_reference_item_get_message (find_item (fixture, "huge.png"))));
  screenshots (fixture, "uploading");

  gtk_widget_activate_action (GTK_WIDGET (fixture->form), "form.generate", NULL);
  g_assert_true (rd_generation_form_get_busy (fixture->form));
  g_assert_cmpstr (rd_generation_form_get_reason (fixture->form), ==,
                   "Waiting for the references to upload…");
  rd_test_wait_ms (300);
  g_assert_null (g_object_get_data (G_OBJECT (fixture->page), "task-id"));

  g_signal_connect (fixture->page, "submitted", G_CALLBACK (submitted_cb), fixture);
  g_assert_cmpint (kill (server, SIGCONT), ==, 0);
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (item) == RD_REFERENCE_READY, START_TIMEOUT_MS);
  g_test_message ("%u progress updates", progress.updates);
  g_assert_cmpuint (progress.updates, >=, 3);
  g_assert_cmpfloat (rd_reference_item_get_progress (item), ==, 1.0);
  record = rd_reference_item_get_record (item);
  g_assert_nonnull (record);
  g_assert_true (g_str_has_prefix (record->file_id, "file_"));
  g_assert_cmpstr (record->kind, ==, "image");
  g_assert_cmpstr (record->mime_type, ==, "image/png");
  photo_url = g_strdup (record->url);
  g_assert_cmpuint (rd_reference_zone_get_n_ready (fixture->zone), ==, 1);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (fixture->zone), "1 of 4"));

  /* The waiting submit went out by itself, with the one reference. */
  RD_TEST_WAIT_UNTIL (g_object_get_data (G_OBJECT (fixture->page), "task-id") != NULL,
                      START_TIMEOUT_MS);
  task_id = g_strdup (g_object_get_data (G_OBJECT (fixture->page), "task-id"));
  server_job (fixture, task_id, &mode, &refs);
  g_test_message ("server: mode %s, references %s", mode, refs);
  g_assert_cmpstr (mode, ==, "image-to-image");
  g_assert_true (g_str_has_prefix (refs, "[{\"file_id\":\""));
  g_assert_nonnull (strstr (refs, record->file_id));
  /* Only the one that was uploaded: the refused ones never went. */
  g_assert_null (strstr (strstr (refs, "file_id") + 1, "file_id"));
  /* What was sent, as the job list keeps it. */
  job = rd_job_store_lookup (fixture->store, task_id);
  g_assert_nonnull (job);
  params = g_strdup (rd_job_get_params (job));
  g_test_message ("sent params: %s", params);
  g_assert_nonnull (strstr (params, "\"referenceMediaItems\":[{"));
  g_assert_nonnull (strstr (params, photo_url));
  g_assert_nonnull (strstr (params, "\"name\":\"photo.png\""));
  g_assert_nonnull (strstr (params, "\"mimeType\":\"image/png\""));
  g_assert_null (strstr (params, "huge.png"));

  /* It runs as image-to-image and succeeds; its result is downloaded. */
  RD_TEST_WAIT_UNTIL (rd_job_is_finished (job), 120000);
  g_assert_cmpstr (rd_job_format_error (job), ==, NULL);
  g_assert_cmpint (rd_job_get_status (job), ==, RIVYA_GENERATION_STATUS_SUCCEEDED);
  RD_TEST_WAIT_UNTIL (rd_job_get_local_path (job) != NULL, START_TIMEOUT_MS);
  g_assert_false (rd_generation_form_get_busy (fixture->form));

  /* Screenshots with the thumbnail in. */
  RD_TEST_WAIT_UNTIL (rd_test_find_widget (GTK_WIDGET (fixture->zone), RD_TYPE_REFERENCE_TILE) != NULL &&
                      rd_reference_tile_has_thumbnail (RD_REFERENCE_TILE (rd_test_find_widget (GTK_WIDGET (fixture->zone),
                                                                                                RD_TYPE_REFERENCE_TILE))),
                      10000);
  screenshots (fixture, "refused");

  /* The result, dragged from its row in the Jobs list, becomes a
   * reference: the next job is chained to this one. */
  {
    GtkWidget *row = g_object_new (RD_TYPE_JOB_ROW, "job", job, NULL);
    GtkDragSource *source;
    g_autoptr(GdkContentProvider) content = NULL;
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GError) error = NULL;
    g_autofree char *result_name = g_path_get_basename (rd_job_get_local_path (job));
    RdReferenceItem *chained;

    g_object_ref_sink (row);
    source = find_drag_source (row);
    g_assert_nonnull (source);
    g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
    g_assert_nonnull (content);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_assert_true (gdk_content_provider_get_value (content, &value, &error));
    g_assert_no_error (error);
    g_assert_true (deliver (fixture, &value));
    g_object_unref (row);

    chained = find_item (fixture, result_name);
    g_assert_nonnull (chained);
    RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (chained) == RD_REFERENCE_READY, START_TIMEOUT_MS);
    g_assert_cmpstr (g_file_peek_path (rd_reference_item_get_file (chained)), ==, rd_job_get_local_path (job));
    g_assert_cmpuint (rd_reference_zone_get_n_ready (fixture->zone), ==, 2);
  }

  /* Removed and dropped again: the file is not uploaded twice. */
  rd_reference_zone_clear (fixture->zone);
  g_assert_true (drop_files (fixture, &photo, 1));
  item = find_item (fixture, "photo.png");
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (item) == RD_REFERENCE_READY, START_TIMEOUT_MS);
  g_assert_true (rd_reference_item_get_reused (item));
  g_assert_cmpstr (rd_reference_item_get_record (item)->url, ==, photo_url);

  /* ... even after a restart: the record is in the history. */
  {
    g_autofree char *path = g_strdup (rd_job_store_get_path (fixture->store));
    g_autoptr(RdJobStore) reopened = NULL;
    g_autoptr(RdUploadRecord) remembered = NULL;

    g_clear_object (&fixture->store);
    rd_reference_zone_set_job_store (fixture->zone, NULL);
    reopened = rd_job_store_new (path);
    RD_TEST_WAIT_UNTIL (rd_job_store_get_loaded (reopened), 10000);
    remembered = rd_job_store_find_upload (reopened,
                                           rivya_client_get_base_url (rd_session_get_client (fixture->session)),
                                           "local-image", g_file_peek_path (photo));
    g_assert_nonnull (remembered);
    g_assert_cmpstr (remembered->url, ==, photo_url);
    g_assert_nonnull (rd_job_store_lookup (reopened, task_id));
    fixture->store = g_steal_pointer (&reopened);
    rd_job_store_set_client (fixture->store, rd_session_get_client (fixture->session));
    rd_reference_zone_set_job_store (fixture->zone, fixture->store);
  }
}

/* "Submit again" keeps the references; one expired on the server is
 * uploaded again from its local file. */
static void
test_submit_again (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) photo = write_noise_png (fixture->dir, "small.png", 64);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RdJob) again = NULL;
  g_autofree char *old_url = NULL;
  g_autofree char *task_id = NULL;
  g_autofree char *params = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *refs = NULL;
  RdReferenceItem *item;
  RdJob *job;

  g_signal_connect (fixture->page, "submitted", G_CALLBACK (submitted_cb), fixture);
  g_assert_true (rd_create_page_select_model (fixture->page, "local-image"));
  rd_generation_form_set_prompt (fixture->form, "The same, again");

  /* An upload in flight, cancelled from its tile: the reference goes. */
  {
    g_autoptr(GFile) big = write_noise_png (fixture->dir, "big.png", 1700);
    GPid server = rd_server_supervisor_get_pid (fixture->supervisor);
    RdReferenceTile *tile;

    g_assert_cmpint (kill (server, SIGSTOP), ==, 0);
    g_assert_true (drop_files (fixture, &big, 1));
    item = find_item (fixture, "big.png");
    RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (item) == RD_REFERENCE_UPLOADING, 10000);
    tile = find_tile (GTK_WIDGET (fixture->zone), item);
    g_assert_nonnull (tile);
    gtk_widget_activate_action (GTK_WIDGET (tile), "tile.remove", NULL);
    RD_TEST_WAIT_UNTIL (find_item (fixture, "big.png") == NULL, 10000);
    g_assert_cmpuint (rd_reference_zone_get_n_pending (fixture->zone), ==, 0);
    g_assert_cmpint (kill (server, SIGCONT), ==, 0);
  }

  g_assert_true (drop_files (fixture, &photo, 1));
  item = find_item (fixture, "small.png");
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (item) == RD_REFERENCE_READY, START_TIMEOUT_MS);
  old_url = g_strdup (rd_reference_item_get_record (item)->url);
  task_id = g_strdup (submit_and_wait (fixture));
  job = rd_job_store_lookup (fixture->store, task_id);

  /* Expired, as if a week had passed. */
  {
    sqlite3 *db = NULL;
    g_autofree char *sql = g_strdup_printf ("UPDATE uploads SET expires_at = %" G_GINT64_FORMAT,
                                            g_get_real_time () / G_USEC_PER_SEC - 60);

    g_assert_cmpint (sqlite3_open (rd_job_store_get_path (fixture->store), &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  rd_job_store_submit_again_async (fixture->store, job, NULL, result_cb, &result);
  RD_TEST_WAIT_UNTIL (result != NULL, START_TIMEOUT_MS);
  again = rd_job_store_submit_again_finish (fixture->store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_object_ref (again);
  g_assert_cmpstr (rd_job_get_task_id (again), !=, task_id);

  server_job (fixture, rd_job_get_task_id (again), &mode, &refs);
  g_test_message ("server: mode %s, references %s", mode, refs);
  g_assert_cmpstr (mode, ==, "image-to-image");
  params = g_strdup (rd_job_get_params (again));
  g_test_message ("sent params: %s", params);
  g_assert_nonnull (strstr (params, "\"referenceMediaItems\""));
  g_assert_nonnull (strstr (params, "\"name\":\"small.png\""));
  /* Uploaded again: a new file, not the expired one. */
  g_assert_null (strstr (params, old_url));
  g_assert_true (g_str_has_prefix (refs, "[{\"file_id\":\"file_"));

  RD_TEST_WAIT_UNTIL (rd_job_is_finished (again), 120000);
  g_assert_cmpint (rd_job_get_status (again), ==, RIVYA_GENERATION_STATUS_SUCCEEDED);
}

/* A model of the real service's kind that takes pictures and sounds,
 * needs a reference, and takes two at most. */
static const char catalog_json[] =
  "{\"object\": \"list\", \"data\": ["
  "{\"id\": \"clip-maker\", \"display_name\": \"Clip Maker\", \"category\": \"video\","
  " \"base_credits\": 4, \"billing_type\": \"FIXED\", \"max_prompt_length\": 500,"
  " \"supported_modes\": [\"image-to-video\", \"audio-to-video\"],"
  " \"reference_media\": {\"kinds\": [\"image\", \"audio\"], \"max_files\": 2,"
  "   \"max_bytes\": {\"image\": 1048576}, \"required_for_modes\": [\"image-to-video\"]},"
  " \"requires_files_api\": true, \"params\": [], \"api_status\": \"available\","
  " \"api_input_status\": \"requires_files_api\", \"notices\": []}"
  "]}";

/* One second of a 400 Hz triangle wave, 16-bit mono PCM. */
static GFile *
write_wav (const char *dir,
           const char *name)
{
  const guint32 rate = 8000;
  const guint32 data_len = rate * 2;
  g_autoptr(GByteArray) wav = g_byte_array_new ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  guint32 u32;
  guint16 u16;

#define PUT(bytes, n) g_byte_array_append (wav, (const guint8 *) (bytes), n)
#define PUT32(v) (u32 = GUINT32_TO_LE (v), PUT (&u32, 4))
#define PUT16(v) (u16 = GUINT16_TO_LE (v), PUT (&u16, 2))
  PUT ("RIFF", 4); PUT32 (36 + data_len); PUT ("WAVE", 4);
  PUT ("fmt ", 4); PUT32 (16); PUT16 (1); PUT16 (1); PUT32 (rate); PUT32 (rate * 2); PUT16 (2); PUT16 (16);
  PUT ("data", 4); PUT32 (data_len);
  for (guint i = 0; i < rate; i++)
    {
      int phase = i % 20;
      gint16 sample = (gint16) ((phase < 10 ? phase : 20 - phase) * 2400 - 12000);

      PUT16 ((guint16) sample);
    }
#undef PUT16
#undef PUT32
#undef PUT

  g_file_set_contents (path, (const char *) wav->data, wav->len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Without a server: the thumbnails (a picture, a waveform), the paste
 * of a picture and of copied files, the model's file count, and the
 * form's reason while a model that needs a reference has none. */
static void
test_zone_offline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) catalog = rd_model_cache_parse (catalog_json, -1, &error);
  g_autoptr(RivyaModel) model = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rd-reference-XXXXXX", NULL);
  g_autoptr(GFile) sound = write_wav (dir, "tone.wav");
  g_autoptr(GFile) picture = write_noise_png (dir, "small.png", 80);
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (picture, &error);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RdGenerationForm *form = RD_GENERATION_FORM (rd_generation_form_new ());
  RdReferenceZone *zone = rd_generation_form_get_reference_zone (form);
  GListModel *items = rd_reference_zone_get_items (zone);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (zone));
  g_autoptr(RdReferenceItem) tone = NULL;
  g_autoptr(RdReferenceItem) pasted = NULL;
  g_autoptr(RdReferenceItem) third = NULL;
  RdReferenceTile *tile;

  g_assert_no_error (error);
  model = g_list_model_get_item (G_LIST_MODEL (catalog), 0);
  gtk_window_set_child (window, GTK_WIDGET (form));
  gtk_window_set_default_size (window, 600, 800);
  gtk_window_present (window);

  rd_generation_form_set_model (form, model);
  rd_generation_form_set_prompt (form, "A slow zoom");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (zone)));
  g_assert_false (rd_generation_form_get_can_generate (form));
  g_assert_cmpstr (rd_generation_form_get_reason (form), ==,
                   "Add a reference file first: this model needs one.");

  /* A sound gets its waveform; with no server it is not uploaded, and says so. */
  rd_reference_zone_add_file (zone, sound);
  tone = g_list_model_get_item (items, 0);
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (tone) == RD_REFERENCE_FAILED, 10000);
  g_assert_cmpstr (rd_reference_item_get_kind (tone), ==, "audio");
  g_assert_cmpstr (rd_reference_item_get_mime_type (tone), ==, "audio/wav");
  g_assert_cmpstr (rd_reference_item_get_message (tone), ==,
                   "Not connected to a server: nothing was uploaded.");
  tile = find_tile (GTK_WIDGET (zone), tone);
  g_assert_nonnull (tile);
  RD_TEST_WAIT_UNTIL (rd_reference_tile_has_thumbnail (tile), 10000);

  /* A picture copied in another application, pasted. */
  gdk_clipboard_set_texture (clipboard, texture);
  gtk_widget_activate_action (GTK_WIDGET (zone), "zone.paste", NULL);
  RD_TEST_WAIT_UNTIL (g_list_model_get_n_items (items) == 2, 10000);
  pasted = g_list_model_get_item (items, 1);
  RD_TEST_WAIT_UNTIL (rd_reference_item_get_state (pasted) == RD_REFERENCE_FAILED, 10000);
  g_assert_cmpstr (rd_reference_item_get_mime_type (pasted), ==, "image/png");
  g_assert_true (g_str_has_prefix (rd_reference_item_get_name (pasted), "pasted-"));
  RD_TEST_WAIT_UNTIL (rd_reference_tile_has_thumbnail (find_tile (GTK_WIDGET (zone), pasted)), 10000);

  /* Files copied in a file manager, pasted: the model takes two at most. */
  rd_reference_zone_clear (zone);
  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/three.png");
    GFile *files[] = { picture, sound, missing };
    GdkFileList *list = gdk_file_list_new_from_array (files, G_N_ELEMENTS (files));

    gdk_clipboard_set (clipboard, GDK_TYPE_FILE_LIST, list);
    g_boxed_free (GDK_TYPE_FILE_LIST, list);
  }
  gtk_widget_activate_action (GTK_WIDGET (zone), "zone.paste", NULL);
  RD_TEST_WAIT_UNTIL (g_list_model_get_n_items (items) == 3, 10000);
  third = g_list_model_get_item (items, 0);
  g_assert_true (g_file_equal (rd_reference_item_get_file (third), picture));
  g_clear_object (&third);
  third = g_list_model_get_item (items, 2);
  g_assert_cmpint (rd_reference_item_get_state (third), ==, RD_REFERENCE_REFUSED);
  g_assert_cmpstr (rd_reference_item_get_message (third), ==,
                   "“three.png” is refused: clip-maker takes at most 2 reference files.");
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (zone), "image files up to 1.0\xc2\xa0MiB · audio files up to 10.0\xc2\xa0MiB · needed by this model"));

  /* A model without references hides the zone and empties it. */
  rd_generation_form_set_model (form, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (zone)));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);

  gtk_window_destroy (window);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  if (!rd_test_init_display (&argc, &argv))
    return 0;

  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/rivyadesktop/RivyaDesktop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/reference-zone/offline", test_zone_offline);
  g_test_add ("/reference-zone/drop-upload-submit", Fixture, NULL,
              fixture_set_up, test_zone,
              fixture_tear_down);
  g_test_add ("/reference-zone/submit-again", Fixture, NULL,
              fixture_set_up, test_submit_again,
              fixture_tear_down);

  return g_test_run ();
}
