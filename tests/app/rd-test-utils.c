/* rd-test-utils.c
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

#include "rd-test-utils.h"

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

/*
 * rd_test_init_display:
 *
 * g_test_init() with G_TEST_OPTION_ISOLATE_DIRS (GTK 4.8's gtk_test_init()
 * does not isolate), then GTK; or FALSE, after printing a TAP plan that
 * skips everything, when there is no display to open, which is the one
 * thing the machine may lack.
 */
gboolean
rd_test_init_display (int    *argc,
                      char ***argv)
{
  g_auto(GStrv) system_dirs = NULL;
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);
  GtkIconTheme *icon_theme;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }

  system_dirs = g_strdupv ((char **) g_get_system_data_dirs ());
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();

  /* The isolated dirs hide the system's data too, which GTK needs: the
   * MIME database (to load SVG icons) and the icon themes. Both are read
   * from the real system dirs, and from nothing a test may write. */
  icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *icons = g_build_filename (system_dirs[i], "icons", NULL);

      g_ptr_array_add (mime_dirs, g_build_filename (system_dirs[i], "mime", NULL));
      gtk_icon_theme_add_search_path (icon_theme, icons);
    }
  g_ptr_array_add (mime_dirs, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);

  return TRUE;
}

static gboolean
wake_cb (gpointer user_data)
{
  gboolean *woken = user_data;

  *woken = TRUE;
  return G_SOURCE_REMOVE;
}

/* One iteration of the default context, never blocking longer than
 * @max_ms. */
void
rd_test_iterate (guint max_ms)
{
  gboolean woken = FALSE;
  guint id = g_timeout_add (max_ms, wake_cb, &woken);

  g_main_context_iteration (NULL, TRUE);
  if (!woken)
    g_source_remove (id);
}

void
rd_test_wait_ms (guint ms)
{
  gboolean woken = FALSE;

  g_timeout_add (ms, wake_cb, &woken);
  while (!woken)
    g_main_context_iteration (NULL, TRUE);
}

/* Alive means listed in /proc and not a zombie. */
gboolean
rd_test_pid_alive (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *end;

  if (pid <= 0 || !g_file_get_contents (path, &stat, NULL, NULL))
    return FALSE;

  /* "pid (comm) S ...": the state follows the last parenthesis. */
  if (!(end = strrchr (stat, ')')) || end[1] == '\0')
    return FALSE;

  return end[2] != 'Z' && end[2] != 'X';
}

/* The first live child of @parent whose command name is @comm, or 0. */
GPid
rd_test_find_child (GPid        parent,
                    const char *comm)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stat = NULL;
      const char *open_paren, *close_paren;
      char state;
      int ppid;

      if (!g_ascii_isdigit (name[0]))
        continue;

      path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (path, &stat, NULL, NULL) ||
          !(open_paren = strchr (stat, '(')) ||
          !(close_paren = strrchr (stat, ')')))
        continue;

      if (sscanf (close_paren + 2, "%c %d", &state, &ppid) != 2 ||
          ppid != parent || state == 'Z' ||
          strncmp (open_paren + 1, comm, close_paren - open_paren - 1) != 0)
        continue;

      return (GPid) atoi (name);
    }

  return 0;
}

/* GET /api/v1/credits; returns the HTTP status (0 when unreachable). */
guint
rd_test_get_credits (const char *url,
                     const char *key,
                     gint64     *balance)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *uri = g_strconcat (url, "/api/v1/credits", NULL);
  g_autofree char *authorization = g_strconcat ("Bearer ", key, NULL);

  msg = soup_message_new (SOUP_METHOD_GET, uri);
  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                authorization);
  if (!(body = soup_session_send_and_read (session, msg, NULL, NULL)))
    return 0;

  if (balance != NULL &&
      soup_message_get_status (msg) == SOUP_STATUS_OK &&
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  NULL))
    *balance = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                           "current_credits");

  return soup_message_get_status (msg);
}

/* An executable shell script in the test's own cache directory. */
char *
rd_test_write_script (const char *name,
                      const char *body)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);
  g_autofree char *contents = g_strconcat ("#!/bin/sh\n", body, "\n", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_NONE, 0755, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

GtkWidget *
rd_test_find_widget (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rd_test_find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first GtkLabel under @root showing exactly @text, or NULL. */
GtkLabel *
rd_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = rd_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether one of @widget's shortcut controllers maps @trigger (as
 * gtk_shortcut_trigger_to_string() writes it) to @action with @argument
 * (printed GVariant, or NULL for none). */
gboolean
rd_test_has_shortcut (GtkWidget  *widget,
                      const char *trigger,
                      const char *action,
                      const char *argument)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger_str = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);
          GVariant *args = gtk_shortcut_get_arguments (shortcut);
          g_autofree char *args_str = args ? g_variant_print (args, FALSE) : NULL;

          if (g_str_equal (trigger_str, trigger) &&
              GTK_IS_NAMED_ACTION (shortcut_action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)), action) &&
              g_strcmp0 (args_str, argument) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* A visible toplevel of @type, or NULL. */
GtkWindow *
rd_test_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* What a screenshot of @widget shows: a window's content, or the widget. */
GtkWidget *
rd_test_get_content (GtkWidget *widget)
{
  if (GTK_IS_WINDOW (widget) && gtk_window_get_child (GTK_WINDOW (widget)) != NULL)
    return gtk_window_get_child (GTK_WINDOW (widget));

  return widget;
}

typedef struct
{
  GtkWidget  *widget;
  const char *path;
  gboolean    done;
} Screenshot;

static void
render_screenshot (Screenshot *shot)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_path_get_dirname (shot->path);
  GtkWidget *widget = shot->widget;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (GTK_IS_WINDOW (widget) && gtk_window_get_child (GTK_WINDOW (widget)) != NULL)
    {
      GtkWidget *child = gtk_window_get_child (GTK_WINDOW (widget));
      graphene_rect_t bounds;
      GdkRGBA background;

      /* gtk_widget_paintable_new() on a window gives an empty picture in
       * GTK 4.8 (it replays a render node windows do not keep), so draw
       * the window's content as the window does, on the window's colour.
       * Only the content: without a compositor GTK frames windows in a
       * solid resize border that a GNOME session never shows. */
      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "window_bg_color",
                                           &background))
        background = (GdkRGBA) { 1, 1, 1, 1 };
      gtk_snapshot_append_color (snapshot, &background,
                                 &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (child),
                                                      gtk_widget_get_height (child)));
      g_assert_true (gtk_widget_compute_bounds (child, widget, &bounds));
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-bounds.origin.x, -bounds.origin.y));
      gtk_widget_snapshot_child (widget, child, snapshot);
      width = gtk_widget_get_width (child);
      height = gtk_widget_get_height (child);
    }
  else
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
    }

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, shot->path));
}

static void
after_paint_cb (GdkFrameClock *clock,
                Screenshot    *shot)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, shot);
  render_screenshot (shot);
  shot->done = TRUE;
}

/* Renders @widget into a PNG (conventions §7, after GNOME Console's test
 * helpers), right after its window painted a frame: only then is the
 * layout sure to be current. */
void
rd_test_save_screenshot (GtkWidget  *widget,
                         const char *path)
{
  Screenshot shot = { widget, path, FALSE };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_assert_nonnull (clock);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &shot);
  gtk_widget_queue_draw (widget);
  RD_TEST_WAIT_UNTIL (shot.done, 5000);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* The text on @widget's clipboard, or "" when it holds none. */
char *
rd_test_read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  RD_TEST_WAIT_UNTIL (text != NULL, 10000);
  return text;
}
