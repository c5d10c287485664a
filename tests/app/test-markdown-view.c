/* test-markdown-view.c
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

#include <adwaita.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "rd-markdown-code-block.h"
#include "rd-markdown-view-private.h"
#include "rd-test-utils.h"

/* The Markdown view: what widgets a chat answer becomes, that a streamed
 * answer ends as the same widgets as the whole answer at once while the
 * leading widgets are kept, that hostile input is shown as text, and
 * how long a render takes. Screenshots go into the build dir. */

#define TIMEOUT_MS 10000

static const char answer[] =
  "# Sorting in C\n"
  "\n"
  "Use *qsort* from the **standard library**, not ~~bubble sort~~. "
  "See `man 3 qsort` or [the reference](https://example.com/qsort?a=1&b=2).\n"
  "\n"
  "## Steps\n"
  "\n"
  "1. Write a comparison function\n"
  "   - it returns a negative number, zero or a positive number\n"
  "   - it takes `const void *` arguments\n"
  "2. Call qsort\n"
  "\n"
  "> Remember: qsort is not stable.\n"
  "\n"
  "| Function | Stable | Complexity |\n"
  "|:---------|:------:|-----------:|\n"
  "| qsort    | no     | n log n    |\n"
  "| mergesort | yes   | n log n    |\n"
  "\n"
  "```c\n"
  "static int\n"
  "compare (const void *a, const void *b)\n"
  "{\n"
  "  return *(const int *) a - *(const int *) b;\n"
  "}\n"
  "```\n"
  "\n"
  "---\n"
  "\n"
  "That is all.\n";

static const char code_c[] =
  "static int\n"
  "compare (const void *a, const void *b)\n"
  "{\n"
  "  return *(const int *) a - *(const int *) b;\n"
  "}";

static char *screenshot_dir;

typedef struct
{
  GtkWindow      *window;
  GtkWidget      *scroller;
  RdMarkdownView *view;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->scroller = gtk_scrolled_window_new ();
  f->view = RD_MARKDOWN_VIEW (rd_markdown_view_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (f->view), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (f->view), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (f->view), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (f->view), 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (f->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scroller), GTK_WIDGET (f->view));
  gtk_window_set_child (f->window, f->scroller);
  gtk_window_set_default_size (f->window, 1280, 800);
  gtk_window_present (f->window);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->view)), TIMEOUT_MS);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
}

static void
wait_rendered (RdMarkdownView *view)
{
  RD_TEST_WAIT_UNTIL (!_rd_markdown_view_is_pending (view), TIMEOUT_MS);
}

static void
collect_labels (GtkWidget *root,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (labels, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The label whose markup contains @needle. */
static GtkLabel *
find_markup (GtkWidget  *root,
             const char *needle)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_labels (root, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      if (strstr (gtk_label_get_label (labels->pdata[i]), needle) != NULL)
        return labels->pdata[i];
    }

  return NULL;
}

static guint
count_ancestors_with_class (GtkWidget  *widget,
                            GtkWidget  *stop,
                            const char *css_class)
{
  guint n = 0;

  for (; widget != NULL && widget != stop; widget = gtk_widget_get_parent (widget))
    n += gtk_widget_has_css_class (widget, css_class);
  return n;
}

/* Everything the view shows, as text, to compare two renders. */
static void
dump (GtkWidget *widget,
      GString   *out,
      guint      depth)
{
  g_string_append_printf (out, "%*s%s", depth * 2, "", G_OBJECT_TYPE_NAME (widget));
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, " [%s]", gtk_label_get_label (GTK_LABEL (widget)));
  if (GTK_SOURCE_IS_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkSourceLanguage *language = gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (buffer));
      GtkTextIter begin, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &begin, &end);
      text = gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);
      g_string_append_printf (out, " (%s) [%s]",
                              language ? gtk_source_language_get_id (language) : "-", text);
    }
  g_string_append_c (out, '\n');

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dump (child, out, depth + 1);
}

static char *
dump_view (RdMarkdownView *view)
{
  GString *out = g_string_new (NULL);

  dump (GTK_WIDGET (view), out, 0);
  return g_string_free (out, FALSE);
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
activate_link_cb (RdMarkdownView *view,
                  const char     *uri,
                  char          **out)
{
  g_free (*out);
  *out = g_strdup (uri);
  return TRUE;
}

static void
test_blocks (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  GtkLabel *label;
  GtkWidget *widget;
  GtkWidget *grid;
  GtkSourceView *source_view;
  GtkTextBuffer *buffer;
  GtkSourceLanguage *language;
  GtkTextIter begin, end;
  g_autofree char *code = NULL;
  g_autofree char *clipboard = NULL;
  g_autofree char *clicked = NULL;
  GtkWidget *button;
  gboolean handled = FALSE;

  rd_markdown_view_set_markdown (f->view, answer);
  g_assert_cmpstr (rd_markdown_view_get_markdown (f->view), ==, answer);
  wait_rendered (f->view);

  /* Headings, with libadwaita's title styles. */
  label = rd_test_find_label (view, "Sorting in C");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "title-1"));
  label = rd_test_find_label (view, "Steps");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "title-2"));

  /* Inline styles, and the link, its address escaped. */
  label = find_markup (view, "Use ");
  g_assert_nonnull (label);
  g_assert_true (gtk_label_get_selectable (label));
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<i>qsort</i>"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<b>standard library</b>"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "<s>bubble sort</s>"));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "font_family=\"monospace\""));
  g_assert_nonnull (strstr (gtk_label_get_label (label),
                            "<a href=\"https://example.com/qsort?a=1&amp;b=2\">the reference</a>"));
  g_assert_cmpstr (gtk_label_get_text (label), ==,
                   "Use qsort from the standard library, not bubble sort. "
                   "See man 3 qsort or the reference.");

  /* A click on the link reaches the view's signal. */
  g_signal_connect (view, "activate-link", G_CALLBACK (activate_link_cb), &clicked);
  g_signal_emit_by_name (label, "activate-link", "https://example.com/qsort?a=1&b=2", &handled);
  g_assert_true (handled);
  g_assert_cmpstr (clicked, ==, "https://example.com/qsort?a=1&b=2");

  /* The nested list: its items inside the outer list's first item. */
  label = rd_test_find_label (view, "Write a comparison function");
  g_assert_nonnull (label);
  g_assert_cmpuint (count_ancestors_with_class (GTK_WIDGET (label), view, "markdown-list"), ==, 1);
  label = find_markup (view, "it takes ");
  g_assert_nonnull (label);
  g_assert_cmpuint (count_ancestors_with_class (GTK_WIDGET (label), view, "markdown-list"), ==, 2);
  g_assert_nonnull (rd_test_find_label (view, "1."));
  g_assert_nonnull (rd_test_find_label (view, "2."));
  g_assert_nonnull (rd_test_find_label (view, "•"));

  /* The quote. */
  label = rd_test_find_label (view, "Remember: qsort is not stable.");
  g_assert_nonnull (label);
  g_assert_cmpuint (count_ancestors_with_class (GTK_WIDGET (label), view, "markdown-quote"), ==, 1);

  /* The table: a grid of 3 × 3 labels, the header in bold, aligned. */
  grid = rd_test_find_widget (view, GTK_TYPE_GRID);
  g_assert_nonnull (grid);
  widget = gtk_grid_get_child_at (GTK_GRID (grid), 0, 0);
  g_assert_true (GTK_IS_LABEL (widget));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, "Function");
  g_assert_true (gtk_widget_has_css_class (widget, "markdown-header"));
  widget = gtk_grid_get_child_at (GTK_GRID (grid), 0, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, "mergesort");
  widget = gtk_grid_get_child_at (GTK_GRID (grid), 2, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (widget)), ==, "n log n");
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (widget)), ==, 1.0);
  widget = gtk_grid_get_child_at (GTK_GRID (grid), 1, 1);
  g_assert_cmpfloat (gtk_label_get_xalign (GTK_LABEL (widget)), ==, 0.5);
  g_assert_null (gtk_grid_get_child_at (GTK_GRID (grid), 3, 0));

  /* The rule and the last paragraph. */
  g_assert_nonnull (rd_test_find_widget (view, GTK_TYPE_SEPARATOR));
  g_assert_nonnull (rd_test_find_label (view, "That is all."));

  /* The code: highlighted as C, read-only, labelled. */
  source_view = GTK_SOURCE_VIEW (rd_test_find_widget (view, GTK_SOURCE_TYPE_VIEW));
  g_assert_nonnull (source_view);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (source_view)));
  g_assert_true (gtk_text_view_get_monospace (GTK_TEXT_VIEW (source_view)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (source_view));
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  code = gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);
  g_assert_cmpstr (code, ==, code_c);
  language = gtk_source_buffer_get_language (GTK_SOURCE_BUFFER (buffer));
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, "c");
  widget = rd_test_find_widget (view, RD_TYPE_MARKDOWN_CODE_BLOCK);
  g_assert_nonnull (rd_test_find_label (widget, "C"));

  /* Copy puts the code on the clipboard and says so. */
  button = rd_test_find_widget (widget, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "edit-copy-symbolic");
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (view), "something else");
  g_signal_emit_by_name (button, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (view), NULL, read_text_cb, &clipboard);
  RD_TEST_WAIT_UNTIL (clipboard != NULL, TIMEOUT_MS);
  g_assert_cmpstr (clipboard, ==, code_c);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (button)), ==, "object-select-symbolic");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (rd_test_find_widget (widget, GTK_TYPE_REVEALER))));
  RD_TEST_WAIT_UNTIL (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "edit-copy-symbolic") == 0,
                      TIMEOUT_MS);

  /* The code's colours follow the dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (buffer))),
                   ==, "Adwaita-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_cmpstr (gtk_source_style_scheme_get_id (gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (buffer))),
                   ==, "Adwaita");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Emptied, the view shows nothing. */
  rd_markdown_view_set_markdown (f->view, NULL);
  wait_rendered (f->view);
  g_assert_null (rd_test_find_widget (view, GTK_TYPE_LABEL));
}

static gboolean
in_open_fence (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "```")) != NULL; p += 3)
    n++;
  return n % 2 == 1;
}

static void
test_streaming (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *streamed = NULL;
  g_autofree char *whole = NULL;
  RdMarkdownView *other;
  gsize len = strlen (answer);
  guint renders;
  gboolean saw_open_fence = FALSE;
  GtkWidget *first_grid = NULL;
  GtkWidget *grid;

  for (gsize n = 5; ; n += 5)
    {
      g_autofree char *part = g_strndup (answer, MIN (n, len));
      GtkWidget *last;

      rd_markdown_view_set_markdown (f->view, part);
      wait_rendered (f->view);

      /* A fence still open is already a code block, never paragraphs,
       * and the fence's first backticks never show. */
      last = gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (f->view)));
      if (in_open_fence (part) && strstr (part, "```c\n") != NULL)
        {
          g_assert_true (RD_IS_MARKDOWN_CODE_BLOCK (last));
          saw_open_fence = TRUE;
        }
      g_assert_null (find_markup (GTK_WIDGET (f->view), "``"));

      /* A table streams in row by row into the same grid, never with
       * too few columns first. */
      grid = rd_test_find_widget (GTK_WIDGET (f->view), GTK_TYPE_GRID);
      if (grid != NULL)
        g_assert_nonnull (gtk_grid_get_child_at (GTK_GRID (grid), 2, 0));
      if (first_grid == NULL)
        first_grid = grid;
      g_assert_true (grid == NULL || grid == first_grid);

      /* Once the answer is half there, its blocks but the last are done. */
      if (kept->len == 0 && n >= len / 2)
        {
          GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (f->view));

          for (GtkWidget *child = gtk_widget_get_first_child (box);
               child != gtk_widget_get_last_child (box);
               child = gtk_widget_get_next_sibling (child))
            g_ptr_array_add (kept, child);
        }

      if (n >= len)
        break;
    }

  g_assert_true (saw_open_fence);
  g_assert_nonnull (first_grid);
  g_assert_cmpuint (kept->len, >=, 3);

  /* The same widgets still show the leading blocks. */
  {
    GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (f->view)));

    for (guint i = 0; i < kept->len; i++, child = gtk_widget_get_next_sibling (child))
      g_assert_true (child == kept->pdata[i]);
  }

  /* And they show what a view given the whole answer at once shows. */
  other = RD_MARKDOWN_VIEW (g_object_ref_sink (rd_markdown_view_new ()));
  rd_markdown_view_set_markdown (other, answer);
  streamed = dump_view (f->view);
  whole = dump_view (other);
  g_assert_cmpstr (streamed, ==, whole);
  g_object_unref (other);

  /* Many changes within a frame make one render. */
  rd_markdown_view_set_markdown (f->view, "");
  wait_rendered (f->view);
  renders = _rd_markdown_view_get_n_renders (f->view);
  for (gsize n = 5; n < len; n += 5)
    {
      g_autofree char *part = g_strndup (answer, n);

      rd_markdown_view_set_markdown (f->view, part);
    }
  rd_markdown_view_set_markdown (f->view, answer);
  g_assert_true (_rd_markdown_view_is_pending (f->view));
  wait_rendered (f->view);
  g_assert_cmpuint (_rd_markdown_view_get_n_renders (f->view), ==, renders + 1);
  g_free (streamed);
  streamed = dump_view (f->view);
  g_assert_cmpstr (streamed, ==, whole);
}

static void
check_evil (Fixture    *f,
            const char *markdown,
            const char *shown)
{
  rd_markdown_view_set_markdown (f->view, markdown);
  wait_rendered (f->view);
  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  if (shown != NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      gboolean found = FALSE;

      collect_labels (GTK_WIDGET (f->view), labels);
      for (guint i = 0; i < labels->len && !found; i++)
        found = strstr (gtk_label_get_text (labels->pdata[i]), shown) != NULL;
      if (!found)
        {
          g_autofree char *tree = dump_view (f->view);

          g_test_message ("“%s” not in:\n%.2000s", shown, tree);
        }
      g_assert_true (found);
    }
}

static void
test_evil (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *huge = NULL;
  g_autofree char *huge_code = NULL;
  gboolean handled = TRUE;
  gint64 begin;

  check_evil (f, "<b>not bold</b> & <script>alert(1)</script>", "<b>not bold</b> & <script>");
  check_evil (f, "<div>\n*html block*\n</div>", "<div>");
  check_evil (f, "&amp; &lt;b&gt; &#0; &#xFFFFFFFF; &bogus; &copy;", "& <b> \xef\xbf\xbd &#xFFFFFFFF; &bogus; ©");
  check_evil (f, "[x](javascript:alert(1)) [](<a\"b>) ![alt \"q\"](x.png \"t'\")", "x a\"b alt \"q\"");
  /* Only web and mail addresses open. */
  g_signal_emit_by_name (f->view, "activate-link", "javascript:alert(1)", &handled);
  g_assert_false (handled);
  g_signal_emit_by_name (f->view, "activate-link", "file:///etc/passwd", &handled);
  g_assert_false (handled);
  check_evil (f, "| <b> | & |\n|---|---|\n| `<i>` | \"' |\n", "<i>");
  check_evil (f, "```\nunterminated <b> &", NULL);
  g_assert_nonnull (rd_test_find_widget (GTK_WIDGET (f->view), RD_TYPE_MARKDOWN_CODE_BLOCK));
  check_evil (f, "~~~~python\nx = '<b>'\n```\n", NULL);
  check_evil (f, "***bold _and* strange**_ `unclosed [link](", "unclosed [link](");
  check_evil (f, "bad \xff\xfe utf-8 \xc3", "bad ");
  check_evil (f, "- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g\n"
                 "              - h\n                - i\n                  - j\n", "j");

  for (guint i = 0; i < 10000; i++)
    g_string_append (deep, "> ");
  g_string_append (deep, "deep down\n");
  for (guint i = 0; i < 10000; i++)
    g_string_append (deep, "- ");
  g_string_append (deep, "deep list\n");
  begin = g_get_monotonic_time ();
  check_evil (f, deep->str, "deep down");
  g_test_message ("10 000 nested quotes: render %.1f ms, with layout and drawing %.1f ms",
                  _rd_markdown_view_get_last_render_usec (f->view) / 1000.,
                  (g_get_monotonic_time () - begin) / 1000.);

  huge = g_strnfill (1024 * 1024, 'a');
  memcpy (huge + 1000, " <b>&amp; ", 10);
  begin = g_get_monotonic_time ();
  check_evil (f, huge, "aaa <b>& aaa");
  g_test_message ("a 1 MB line: render %.1f ms, with layout and drawing %.1f ms",
                  _rd_markdown_view_get_last_render_usec (f->view) / 1000.,
                  (g_get_monotonic_time () - begin) / 1000.);

  huge_code = g_strdup_printf ("```\n%s\n```\n", huge);
  begin = g_get_monotonic_time ();
  check_evil (f, huge_code, NULL);
  g_test_message ("a 1 MB line of code: render %.1f ms, with layout and drawing %.1f ms",
                  _rd_markdown_view_get_last_render_usec (f->view) / 1000.,
                  (g_get_monotonic_time () - begin) / 1000.);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *wide = g_build_filename (screenshot_dir, "markdown-view-1280.png", NULL);
  g_autofree char *narrow = g_build_filename (screenshot_dir, "markdown-view-400.png", NULL);
  g_autofree char *dark = g_build_filename (screenshot_dir, "markdown-view-400-dark.png", NULL);
  g_autofree char *again = g_build_filename (screenshot_dir, "markdown-view-1280-again.png", NULL);
  g_autofree char *text = g_strconcat (answer,
                                       "\nA long line of code:\n\n"
                                       "```python\n"
                                       "print ('a line of code much longer than a narrow window is wide, which scrolls')\n"
                                       "```\n\n"
                                       "| A wide | table | with | many | columns | that | must | scroll | sideways |\n"
                                       "|---|---|---|---|---|---|---|---|---|\n"
                                       "| one | two | three | four | five | six | seven | eight | nine |\n"
                                       "\n- [x] done\n- [ ] to do\n\n"
                                       "A link that is long: https://example.com/a/very/long/path/that/does/not/fit\n",
                                       NULL);
  int min_width;

  rd_markdown_view_set_markdown (f->view, text);
  wait_rendered (f->view);
  /* GtkTextView lays its lines out in an idle, after the first frame. */
  rd_test_wait_ms (500);
  rd_test_save_screenshot (GTK_WIDGET (f->window), wide);

  /* Nothing in an answer may keep the window from being 400 px wide. */
  gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 400 - 24);

  gtk_window_set_default_size (f->window, 400, 800);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 400, TIMEOUT_MS);
  rd_test_wait_ms (500);
  rd_test_save_screenshot (GTK_WIDGET (f->window), narrow);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->view)), <=, 400 - 24);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  rd_test_wait_ms (300);
  rd_test_save_screenshot (GTK_WIDGET (f->window), dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* And back: the blocks adapt to a wider window again. */
  gtk_window_set_default_size (f->window, 1280, 800);
  RD_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (f->window)) > 1000, TIMEOUT_MS);
  rd_test_wait_ms (300);
  rd_test_save_screenshot (GTK_WIDGET (f->window), again);
}

/* A 20 KB answer: parsing and building every widget, then what one more
 * delta at its end costs, the case that repeats while it streams. */
static void
test_timing (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *longer = NULL;
  gint64 full, delta, begin;

  while (text->len < 20 * 1024)
    g_string_append (text, answer);
  g_string_append (text, "\nAnd one more paragraph");

  begin = g_get_monotonic_time ();
  rd_markdown_view_set_markdown (f->view, text->str);
  rd_markdown_view_render_now (f->view);
  full = _rd_markdown_view_get_last_render_usec (f->view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_test_message ("20 KB answer (%zu bytes): first render %.2f ms, with layout and drawing %.1f ms",
                  text->len, full / 1000., (g_get_monotonic_time () - begin) / 1000.);

  longer = g_strconcat (text->str, " that grows", NULL);
  begin = g_get_monotonic_time ();
  rd_markdown_view_set_markdown (f->view, longer);
  rd_markdown_view_render_now (f->view);
  delta = _rd_markdown_view_get_last_render_usec (f->view);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_test_message ("20 KB answer: re-render after a delta %.2f ms, with layout and drawing %.1f ms",
                  delta / 1000., (g_get_monotonic_time () - begin) / 1000.);

  /* Re-rendering must not cost what building everything does. */
  g_assert_cmpint (delta, <, full);
}

static void
test_new_destroy (void)
{
  GtkWidget *view = g_object_ref_sink (rd_markdown_view_new ());

  rd_markdown_view_set_markdown (RD_MARKDOWN_VIEW (view), answer);
  g_assert_false (_rd_markdown_view_is_pending (RD_MARKDOWN_VIEW (view)));
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) system_dirs = g_strdupv ((char **) g_get_system_data_dirs ());
  g_autoptr(GStrvBuilder) langs = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) styles = g_strv_builder_new ();
  g_auto(GStrv) lang_path = NULL;
  g_auto(GStrv) style_path = NULL;

  if (!rd_test_init_display (&argc, &argv))
    return 0;
  adw_init ();
  gtk_source_init ();

  /* The isolated dirs hide GtkSourceView's languages and styles: read
   * them from the real system dirs, as the app does. */
  g_strv_builder_addv (langs, (const char **) gtk_source_language_manager_get_search_path (
                                gtk_source_language_manager_get_default ()));
  g_strv_builder_addv (styles, (const char **) gtk_source_style_scheme_manager_get_search_path (
                                 gtk_source_style_scheme_manager_get_default ()));
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *lang_dir = g_build_filename (system_dirs[i], "gtksourceview-5", "language-specs", NULL);
      g_autofree char *style_dir = g_build_filename (system_dirs[i], "gtksourceview-5", "styles", NULL);

      g_strv_builder_add (langs, lang_dir);
      g_strv_builder_add (styles, style_dir);
    }
  lang_path = g_strv_builder_end (langs);
  style_path = g_strv_builder_end (styles);
  gtk_source_language_manager_set_search_path (gtk_source_language_manager_get_default (),
                                               (const char * const *) lang_path);
  gtk_source_style_scheme_manager_set_search_path (gtk_source_style_scheme_manager_get_default (),
                                                   (const char * const *) style_path);

  /* The app's style sheet, which AdwApplication loads in the app. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/rivyadesktop/RivyaDesktop/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  screenshot_dir = g_strdup (g_getenv ("RD_SCREENSHOT_DIR"));
  if (screenshot_dir == NULL)
    screenshot_dir = g_get_current_dir ();
  g_assert_cmpint (g_mkdir_with_parents (screenshot_dir, 0755), ==, 0);

  g_test_add_func ("/markdown-view/new-destroy", test_new_destroy);
  g_test_add ("/markdown-view/blocks", Fixture, NULL, fixture_setup, test_blocks, fixture_teardown);
  g_test_add ("/markdown-view/streaming", Fixture, NULL, fixture_setup, test_streaming, fixture_teardown);
  g_test_add ("/markdown-view/evil", Fixture, NULL, fixture_setup, test_evil, fixture_teardown);
  g_test_add ("/markdown-view/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);
  g_test_add ("/markdown-view/timing", Fixture, NULL, fixture_setup, test_timing, fixture_teardown);

  return g_test_run ();
}
