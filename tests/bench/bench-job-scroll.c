/* bench-job-scroll.c
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

/* The Jobs page over a history of N jobs (100 000 by default): the time
 * to open it, what each job costs in memory, and the frame times while
 * the list is scrolled to its end and back:
 *
 *   ninja -C _build tests/bench/bench-job-scroll && \
 *     xvfb-run -a -s "-screen 0 1920x1200x24" _build/tests/bench/bench-job-scroll [N [FRAMES]]
 *
 * The history is written into a temporary directory, with results on
 * disk as the app leaves them (1024 px PNGs, as the local image model
 * makes), so the rows show real thumbnails. The scroll moves the list's
 * GtkAdjustment once per frame, from a tick callback, over FRAMES frames
 * each way (300 by default: about 330 rows per frame at 100 000 jobs,
 * like dragging the scrollbar), so every frame binds fresh rows. A
 * frame's cost is the main thread's time from the frame clock's
 * before-paint to its after-paint; the interval is the time between two
 * after-paints. At 60 Hz both must stay under 16.7 ms. GSK_RENDERER
 * picks the renderer (cairo unless set). */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "rd-job-row.h"
#include "rd-job-store.h"
#include "rd-jobs-page.h"

#define N_PICTURES 64
#define FRAME_BUDGET_US 16667

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return -1;
  return strtol (line + 6, NULL, 10);
}

static void
iterate_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Pictures with some texture, so that decoding them costs what a real
 * result costs. */
static void
make_pictures (const char *dir)
{
  for (guint i = 0; i < N_PICTURES; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/result-%02u.png", dir, i);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1024, 768);
      cairo_t *cr = cairo_create (surface);
      cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 1024, 768);
      GRand *rand = g_rand_new_with_seed (i);

      cairo_pattern_add_color_stop_rgb (gradient, 0, 0.1, 0.2, 0.4 + i / 200.);
      cairo_pattern_add_color_stop_rgb (gradient, 1, 0.9, 0.6, 0.3);
      cairo_set_source (cr, gradient);
      cairo_paint (cr);
      for (guint j = 0; j < 200; j++)
        {
          cairo_set_source_rgba (cr, g_rand_double (rand), g_rand_double (rand), g_rand_double (rand), 0.5);
          cairo_arc (cr, g_rand_double (rand) * 1024, g_rand_double (rand) * 768,
                     g_rand_double (rand) * 120, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
        g_error ("Could not write %s", path);
      g_rand_free (rand);
      cairo_pattern_destroy (gradient);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
fill (const char *path,
      const char *pictures,
      guint       n)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO jobs (task_id, base_url, model_id, model_name, category, prompt,"
                      " params, idempotency_key, status, reserved_credits, final_credits, result_url,"
                      " local_path, created_at, updated_at, finished_at) VALUES (?, 'http://127.0.0.1:8080',"
                      " 'local-image', 'Local Image', 'image', ?, '{\"aspect_ratio\":\"4:3\",\"style\":\"photo\"}',"
                      " ?, 'succeeded', 4, 4, ?, ?, ?, ?, ?)",
                      -1, &stmt, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("task_%020u", i);
      g_autofree char *prompt = g_strdup_printf ("A lighthouse on a cliff at dusk, waves below, number %u", i);
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:8080/media/%s.png", id);
      g_autofree char *local = g_strdup_printf ("%s/result-%02u.png", pictures, i % N_PICTURES);

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, prompt, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, url, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, local, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 6, 1700000000 + i);
      sqlite3_bind_int64 (stmt, 7, 1700000000 + i + 6);
      sqlite3_bind_int64 (stmt, 8, 1700000000 + i + 6);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a row of the list shows @job, which is only the case when the
 * list really scrolled there. */
static gboolean
shows_job (GtkWidget *root,
           RdJob     *job)
{
  if (RD_IS_JOB_ROW (root) && gtk_widget_get_mapped (root))
    return rd_job_row_get_job (RD_JOB_ROW (root)) == job;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_job (child, job))
      return TRUE;
  return FALSE;
}

static guint
count_rows (GtkWidget *root)
{
  guint n = RD_IS_JOB_ROW (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

typedef struct
{
  RdJobStore    *store;
  GtkWidget     *list_view;
  GtkAdjustment *vadjustment;
  guint          frames;      /* each way */
  guint          frame;       /* of the scroll, 0 .. 2 * frames */
  gboolean       scrolling;
  gboolean       reached_end;
  gboolean       reached_top;
  gint64         loaded_at;
  gint64         opened_at;   /* the first frame painted after the load */
  gint64         paint_start;
  gint64         last_paint;
  GArray        *costs;       /* gint64 µs, one per scroll frame */
  GArray        *intervals;
} Bench;

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->paint_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->opened_at == 0 && bench->loaded_at != 0)
    bench->opened_at = now;
  if (bench->scrolling)
    {
      gint64 cost = now - bench->paint_start;

      g_array_append_val (bench->costs, cost);
      if (bench->last_paint != 0)
        {
          gint64 interval = now - bench->last_paint;

          g_array_append_val (bench->intervals, interval);
        }
    }
  bench->last_paint = now;
}

static void
loaded_cb (Bench *bench)
{
  if (bench->loaded_at == 0)
    bench->loaded_at = g_get_monotonic_time ();
}

/* Down over the first half of the frames, up over the second, the last
 * frame of each at the very end. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  GtkAdjustment *adj = bench->vadjustment;
  double range = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj);
  double fraction;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bench->store));

  if (bench->frame == bench->frames + 1)
    {
      g_autoptr(GObject) last = g_list_model_get_item (G_LIST_MODEL (bench->store), n - 1);

      bench->reached_end = shows_job (bench->list_view, RD_JOB (last));
    }
  if (bench->frame > 2 * bench->frames)
    {
      g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (bench->store), 0);

      bench->reached_top = shows_job (bench->list_view, RD_JOB (first));
      bench->scrolling = FALSE;
      return G_SOURCE_REMOVE;
    }

  if (bench->frame <= bench->frames)
    fraction = (double) bench->frame / bench->frames;
  else
    fraction = 1.0 - (double) (bench->frame - bench->frames) / bench->frames;
  gtk_adjustment_set_value (adj, gtk_adjustment_get_lower (adj) + fraction * range);
  bench->frame++;

  return G_SOURCE_CONTINUE;
}

static int
cmp_int64 (gconstpointer a,
           gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
print_times (const char *what,
             GArray     *times)
{
  guint over = 0;

  g_array_sort (times, cmp_int64);
  for (guint i = 0; i < times->len; i++)
    over += g_array_index (times, gint64, i) > FRAME_BUDGET_US;

#define AT(q) (g_array_index (times, gint64, MIN (times->len - 1, (guint) ((q) * times->len))) / 1000.)
  printf ("  %-9s median %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms  over 16.7 ms: %u of %u\n",
          what, AT (0.5), AT (0.95), AT (0.99),
          g_array_index (times, gint64, times->len - 1) / 1000., over, times->len);
#undef AT
}

static GtkWindow *
open_page (RdJobStore *store)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_set_child (window, g_object_new (RD_TYPE_JOBS_PAGE, "store", store, NULL));
  gtk_window_present (window);
  return window;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  guint frames = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 300;
  g_autofree char *dir = g_dir_make_tmp ("bench-job-scroll-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "history.db", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  RdJobStore *store;
  GtkWindow *window;
  GdkFrameClock *clock;
  Bench bench = { 0 };
  long rss_before, rss_opened, rss_scrolled;
  gint64 start;

  if (n == 0 || frames == 0)
    g_error ("usage: %s [N_JOBS [FRAMES]]", argv[0]);

  /* Mesa's software GL, all that a machine without a GPU (Xvfb included)
   * has, spends seconds compiling shaders with LLVM over the first
   * frames: measure with the cairo renderer unless told otherwise. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gtk_init ();
  adw_init ();
  /* The app's own style, which AdwApplication would load. */
  gtk_css_provider_load_from_resource (css, "/io/github/rivyadesktop/RivyaDesktop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_printerr ("bench-job-scroll: writing %u pictures and %u jobs in %s…\n", N_PICTURES, n, dir);
  make_pictures (dir);
  /* Creating it once makes the schema; the rows go in directly. */
  store = rd_job_store_new (path);
  while (!rd_job_store_get_loaded (store))
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&store);
  fill (path, dir, n);

  /* What any first window costs (theme, fonts, renderer) is not the
   * history's: pay it once with an empty one. */
  store = rd_job_store_new (empty_path);
  window = open_page (store);
  iterate_ms (1000);
  gtk_window_destroy (window);
  g_clear_object (&store);
  iterate_ms (300);

  g_printerr ("bench-job-scroll: opening…\n");
  rss_before = rss_kib ();
  start = g_get_monotonic_time ();
  store = rd_job_store_new (path);
  bench.store = store;
  g_signal_connect_swapped (store, "notify::loaded", G_CALLBACK (loaded_cb), &bench);
  window = open_page (store);
  gtk_widget_realize (GTK_WIDGET (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  while (bench.opened_at == 0)
    g_main_context_iteration (NULL, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) != n)
    g_error ("loaded %u jobs of %u", g_list_model_get_n_items (G_LIST_MODEL (store)), n);
  /* Let the preview of the selected job and the thumbnails settle. */
  iterate_ms (2000);
  rss_opened = rss_kib ();

  g_printerr ("bench-job-scroll: scrolling…\n");
  bench.list_view = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  bench.vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (bench.list_view));
  bench.frames = frames;
  bench.costs = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.scrolling = TRUE;
  bench.last_paint = 0;
  gtk_widget_add_tick_callback (bench.list_view, tick_cb, &bench, NULL);
  while (bench.scrolling)
    g_main_context_iteration (NULL, TRUE);
  iterate_ms (1000);
  rss_scrolled = rss_kib ();

  printf ("bench-job-scroll: the Jobs page over %u jobs (renderer: %s)\n", n,
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  printf ("  open (new store to the first frame with rows): %.1f ms"
          " (history loaded after %.1f ms)\n",
          (bench.opened_at - start) / 1000., (bench.loaded_at - start) / 1000.);
  printf ("  rows the list made: %u for %d px of list\n", count_rows (bench.list_view),
          gtk_widget_get_height (bench.list_view));
  printf ("  memory: %.1f MiB after opening, %.0f bytes per job; %.1f MiB after scrolling\n",
          (rss_opened - rss_before) / 1024., (rss_opened - rss_before) * 1024. / n,
          (rss_scrolled - rss_before) / 1024.);
  printf ("  scroll to the end and back, %u frames each way (%.0f rows per frame); end reached: %s,"
          " top reached: %s\n",
          frames, (double) n / frames, bench.reached_end ? "yes" : "NO", bench.reached_top ? "yes" : "NO");
  print_times ("cost", bench.costs);
  print_times ("interval", bench.intervals);
  printf ("  reproduce: GSK_RENDERER=%s xvfb-run -a -s \"-screen 0 1920x1200x24\" %s %u %u\n",
          g_getenv ("GSK_RENDERER"), argv[0], n, frames);

  gtk_window_destroy (window);
  g_clear_object (&store);
  g_array_unref (bench.costs);
  g_array_unref (bench.intervals);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (dir);
  return (bench.reached_end && bench.reached_top) ? 0 : 1;
}
