/* test-job-download.c
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

/* Downloading a result where it cannot be written: a read-only folder, or
 * a disk that fills up half-way (a file size limit stands in for a full
 * disk: the write fails the same way, with EFBIG instead of ENOSPC). The
 * error comes back in words and nothing is left under the final name,
 * nor a temporary file beside it. */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rd-job-download.h"

#define BODY_SIZE (1024 * 1024)

typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *url;
  char        *dir;
} Fixture;

static void
result_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  guchar *body = g_malloc (BODY_SIZE);

  for (gsize i = 0; i < BODY_SIZE; i++)
    body[i] = (guchar) (i * 31);
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_TAKE, (char *) body, BODY_SIZE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, "/media", result_cb, NULL, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_strdup_printf ("http://127.0.0.1:%d/media/result.png", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->session = soup_session_new ();
  soup_session_set_proxy_resolver (f->session, NULL);
  f->dir = g_dir_make_tmp ("rd-download-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (f->dir, 0700);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->url);
  g_clear_object (&f->session);
  g_clear_object (&f->server);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
download (Fixture  *f,
          GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rd_job_download_async (NULL, f->session, f->url, f->dir, "task_x", NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return rd_job_download_finish (result, error);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_whole (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = download (f, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "/task_x.png"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, BODY_SIZE);
  g_assert_cmpuint (count_files (f->dir), ==, 1);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (geteuid () == 0)
    {
      /* root writes through permissions: use a folder that is not one. */
      g_autofree char *file = g_build_filename (f->dir, "not-a-folder", NULL);

      g_assert_true (g_file_set_contents (file, "", 0, NULL));
      g_free (f->dir);
      f->dir = g_strdup (file);
      path = download (f, &error);
      g_free (f->dir);
      f->dir = g_path_get_dirname (file);
      g_test_message ("%s", error ? error->message : "(no error)");
      g_assert_null (path);
      g_assert_nonnull (error);
      g_assert_cmpuint (count_files (f->dir), ==, 1);
      return;
    }

  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  path = download (f, &error);
  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  struct rlimit old, small = { 64 * 1024, 64 * 1024 };
  g_autofree char *final = g_build_filename (f->dir, "task_x.png", NULL);

  /* An earlier whole download must survive a failed one. */
  g_assert_true (g_file_set_contents (final, "earlier", -1, NULL));

  signal (SIGXFSZ, SIG_IGN);
  getrlimit (RLIMIT_FSIZE, &old);
  small.rlim_max = old.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  path = download (f, &error);
  setrlimit (RLIMIT_FSIZE, &old);

  g_test_message ("%s", error ? error->message : "(no error)");
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (strlen (error->message), >, 10);
  /* Only the earlier file, untouched; no partial file anywhere. */
  g_assert_cmpuint (count_files (f->dir), ==, 1);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (final, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "earlier");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/job-download/whole", Fixture, NULL, fixture_set_up, test_whole, fixture_tear_down);
  g_test_add ("/job-download/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/job-download/disk-full", Fixture, NULL, fixture_set_up, test_disk_full, fixture_tear_down);

  return g_test_run ();
}
