/* rd-markdown-view.c
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

#define G_LOG_DOMAIN "rd-markdown-view"

#include "config.h"

#include <string.h>

#include "rd-markdown-code-block.h"
#include "rd-markdown-node.h"
#include "rd-markdown-view-private.h"
#include "rd-markdown-widgets.h"

/* A chat answer's Markdown, drawn as a column of blocks: paragraphs and
 * headings as labels, lists, quotes, tables, rules and code blocks.
 *
 * While an answer streams in, the chat sets the whole text so far many
 * times a second. So the view renders at most once per frame, and each
 * render keeps the widgets of the blocks that did not change: md4c parses
 * the whole text again (cheap), every block gets a hash of its content,
 * and the widgets are only touched from the first block whose hash
 * differs, where a block of the same kind is updated in place (usually
 * the last paragraph or the code block being written). */

typedef struct _Block Block;

struct _Block
{
  RdMarkdownKind  kind;
  guint           level;
  guint64         hash;
  /* The block's widget, a child of its parent block's box. */
  GtkWidget      *widget;
  /* Lists, items and quotes: where their blocks go, and those blocks. */
  GtkWidget      *box;
  GtkWidget      *marker;
  GPtrArray      *children;
};

struct _RdMarkdownView
{
  GtkWidget  parent_instance;

  char      *markdown;
  GtkWidget *box;
  GPtrArray *blocks;

  guint      tick_id;
  guint      pending : 1;
  guint      n_renders;
  gint64     last_render_usec;
};

enum {
  PROP_0,
  PROP_MARKDOWN,
  N_PROPS
};

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RdMarkdownView, rd_markdown_view, GTK_TYPE_WIDGET)

static void reconcile (RdMarkdownView *self,
                       GtkWidget      *box,
                       GPtrArray      *blocks,
                       RdMarkdownNode *parent);

static void
block_free (Block *block)
{
  g_clear_pointer (&block->children, g_ptr_array_unref);
  g_free (block);
}

static gboolean
label_activate_link_cb (RdMarkdownView *self,
                        const char     *uri,
                        GtkLabel       *label)
{
  gboolean handled = FALSE;

  g_assert (RD_IS_MARKDOWN_VIEW (self));

  g_signal_emit (self, signals [ACTIVATE_LINK], 0, uri, &handled);
  /* Links that were not opened are not left to GtkLabel either. */
  return TRUE;
}

static gboolean
rd_markdown_view_real_activate_link (RdMarkdownView *self,
                                     const char     *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* A model's answer may hold any address: only open what a browser or
   * a mail client should get, never files or scripts. */
  if (scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "http") != 0 &&
       g_ascii_strcasecmp (scheme, "https") != 0 &&
       g_ascii_strcasecmp (scheme, "mailto") != 0))
    return FALSE;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static GtkWidget *
text_label_new (RdMarkdownView *self,
                const GString  *markup)
{
  return _rd_markdown_label_new (markup, G_CALLBACK (label_activate_link_cb), self);
}

static Block *
block_new (RdMarkdownView *self,
           RdMarkdownNode *node)
{
  Block *block = g_new0 (Block, 1);

  block->kind = node->kind;
  block->level = node->level;
  block->hash = node->hash;

  switch (node->kind)
    {
    case RD_MARKDOWN_HEADING:
      block->widget = text_label_new (self, node->text);
      gtk_widget_add_css_class (block->widget, _rd_markdown_heading_class (node->level));
      gtk_widget_add_css_class (block->widget, "markdown-heading");
      break;

    case RD_MARKDOWN_CODE:
      block->widget = rd_markdown_code_block_new ();
      rd_markdown_code_block_set_code (RD_MARKDOWN_CODE_BLOCK (block->widget),
                                       node->attr, node->text->str);
      break;

    case RD_MARKDOWN_RULE:
      block->widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
      gtk_widget_add_css_class (block->widget, "markdown-rule");
      break;

    case RD_MARKDOWN_TABLE:
      block->widget = _rd_markdown_table_new (node, G_CALLBACK (label_activate_link_cb), self);
      break;

    case RD_MARKDOWN_QUOTE:
    case RD_MARKDOWN_LIST:
      block->widget = block->box = gtk_box_new (GTK_ORIENTATION_VERTICAL,
                                                node->kind == RD_MARKDOWN_LIST ? 6 : 12);
      gtk_widget_add_css_class (block->widget, node->kind == RD_MARKDOWN_LIST ?
                                               "markdown-list" : "markdown-quote");
      break;

    case RD_MARKDOWN_ITEM:
      block->widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      block->marker = gtk_label_new (node->attr);
      block->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_label_set_xalign (GTK_LABEL (block->marker), 1);
      gtk_label_set_width_chars (GTK_LABEL (block->marker), 2);
      gtk_widget_set_valign (block->marker, GTK_ALIGN_START);
      gtk_widget_add_css_class (block->marker, "markdown-marker");
      gtk_widget_set_hexpand (block->box, TRUE);
      gtk_box_append (GTK_BOX (block->widget), block->marker);
      gtk_box_append (GTK_BOX (block->widget), block->box);
      break;

    case RD_MARKDOWN_PARAGRAPH:
    case RD_MARKDOWN_ROOT:
    case RD_MARKDOWN_ROW:
    case RD_MARKDOWN_CELL:
    default:
      block->widget = text_label_new (self, node->text);
      gtk_widget_add_css_class (block->widget, "markdown-paragraph");
      break;
    }

  if (block->box != NULL)
    {
      block->children = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
      reconcile (self, block->box, block->children, node);
    }

  return block;
}

/* Makes @block show @node without new widgets, when they are alike. */
static gboolean
block_update (RdMarkdownView *self,
              Block          *block,
              RdMarkdownNode *node)
{
  if (block->kind != node->kind)
    return FALSE;

  switch (node->kind)
    {
    case RD_MARKDOWN_PARAGRAPH:
      _rd_markdown_label_set_markup (GTK_LABEL (block->widget), node->text);
      break;

    case RD_MARKDOWN_HEADING:
      if (block->level != node->level)
        return FALSE;
      _rd_markdown_label_set_markup (GTK_LABEL (block->widget), node->text);
      break;

    case RD_MARKDOWN_CODE:
      rd_markdown_code_block_set_code (RD_MARKDOWN_CODE_BLOCK (block->widget),
                                       node->attr, node->text->str);
      break;

    case RD_MARKDOWN_ITEM:
      gtk_label_set_label (GTK_LABEL (block->marker), node->attr);
      reconcile (self, block->box, block->children, node);
      break;

    case RD_MARKDOWN_QUOTE:
    case RD_MARKDOWN_LIST:
      reconcile (self, block->box, block->children, node);
      break;

    case RD_MARKDOWN_RULE:
      break;

    case RD_MARKDOWN_TABLE:
      if (!_rd_markdown_table_update (block->widget, node, G_CALLBACK (label_activate_link_cb), self))
        return FALSE;
      break;

    case RD_MARKDOWN_ROOT:
    case RD_MARKDOWN_ROW:
    case RD_MARKDOWN_CELL:
    default:
      return FALSE;
    }

  block->level = node->level;
  block->hash = node->hash;
  return TRUE;
}

/* Makes the children of @box, described by @blocks, show the children
 * of @parent, keeping whatever widgets still fit. */
static void
reconcile (RdMarkdownView *self,
           GtkWidget      *box,
           GPtrArray      *blocks,
           RdMarkdownNode *parent)
{
  GtkWidget *prev = NULL;
  guint n = parent->children->len;

  for (guint i = 0; i < n; i++)
    {
      RdMarkdownNode *node = g_ptr_array_index (parent->children, i);
      Block *block = i < blocks->len ? g_ptr_array_index (blocks, i) : NULL;

      if (block != NULL && (block->hash == node->hash || block_update (self, block, node)))
        {
          prev = block->widget;
          continue;
        }

      if (block != NULL)
        gtk_box_remove (GTK_BOX (box), block->widget);

      block = block_new (self, node);
      gtk_box_insert_child_after (GTK_BOX (box), block->widget, prev);
      prev = block->widget;

      if (i < blocks->len)
        {
          block_free (g_ptr_array_index (blocks, i));
          g_ptr_array_index (blocks, i) = block;
        }
      else
        g_ptr_array_add (blocks, block);
    }

  while (blocks->len > n)
    {
      Block *block = g_ptr_array_index (blocks, blocks->len - 1);

      gtk_box_remove (GTK_BOX (box), block->widget);
      g_ptr_array_set_size (blocks, blocks->len - 1);
    }
}

/* How much of the text to draw. While an answer streams in, its last
 * line may be the start of a code fence ("`", "``"), of a list item or a
 * rule ("-", "*"), of a heading's underline ("=") or a table's delimiter
 * row ("|--"): drawn, it would flash as text, turn the paragraph above
 * into a heading, or make a table of too few columns, for a frame or
 * two. Such a last line is left out until it is complete. */
static gsize
drawn_length (const char *markdown)
{
  gsize len = strlen (markdown);
  const char *line = strrchr (markdown, '\n');
  const char *p;
  guint n = 0;

  line = line ? line + 1 : markdown;

  /* A table's delimiter row being written: md4c would already make a
   * table of it, with as many columns as it has so far. */
  if (strchr (line, '|') != NULL && strchr (line, '-') != NULL &&
      line[strspn (line, " |:-")] == '\0')
    return line - markdown;

  for (p = line; *p == ' ' && p - line < 3; p++)
    ;
  if (*p == '\0' || strchr ("`~-=*+_", *p) == NULL)
    return len;
  for (char c = *p; *p == c; p++)
    n++;
  if (*p == '\0' && n < 3)
    return line - markdown;
  return len;
}

static void
clear_tick (RdMarkdownView *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
}

static void
render (RdMarkdownView *self)
{
  g_autoptr(RdMarkdownNode) root = NULL;
  const char *markdown = self->markdown ? self->markdown : "";
  gint64 begin = g_get_monotonic_time ();

  self->pending = FALSE;
  clear_tick (self);

  root = rd_markdown_node_parse (markdown, drawn_length (markdown));
  reconcile (self, self->box, self->blocks, root);

  self->n_renders++;
  self->last_render_usec = g_get_monotonic_time () - begin;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  RdMarkdownView *self = RD_MARKDOWN_VIEW (widget);

  self->tick_id = 0;
  if (self->pending)
    render (self);
  return G_SOURCE_REMOVE;
}

static void
queue_render (RdMarkdownView *self)
{
  self->pending = TRUE;

  /* Unmapped, nobody sees a render: do it now, so that a list measuring
   * a row before mapping it gets its real height. Mapped, once per frame,
   * before the frame's layout. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    render (self);
  else if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
rd_markdown_view_unmap (GtkWidget *widget)
{
  RdMarkdownView *self = RD_MARKDOWN_VIEW (widget);

  clear_tick (self);

  GTK_WIDGET_CLASS (rd_markdown_view_parent_class)->unmap (widget);

  if (self->pending)
    render (self);
}

static void
rd_markdown_view_dispose (GObject *object)
{
  RdMarkdownView *self = (RdMarkdownView *)object;

  clear_tick (self);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (rd_markdown_view_parent_class)->dispose (object);
}

static void
rd_markdown_view_finalize (GObject *object)
{
  RdMarkdownView *self = (RdMarkdownView *)object;

  g_clear_pointer (&self->markdown, g_free);

  G_OBJECT_CLASS (rd_markdown_view_parent_class)->finalize (object);
}

static void
rd_markdown_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RdMarkdownView *self = RD_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      g_value_set_string (value, self->markdown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_markdown_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RdMarkdownView *self = RD_MARKDOWN_VIEW (object);

  switch (prop_id)
    {
    case PROP_MARKDOWN:
      rd_markdown_view_set_markdown (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_markdown_view_class_init (RdMarkdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_markdown_view_dispose;
  object_class->finalize = rd_markdown_view_finalize;
  object_class->get_property = rd_markdown_view_get_property;
  object_class->set_property = rd_markdown_view_set_property;

  widget_class->unmap = rd_markdown_view_unmap;

  properties [PROP_MARKDOWN] =
    g_param_spec_string ("markdown", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RdMarkdownView::activate-link:
   * @uri: the link's address, as written in the Markdown
   *
   * Emitted when a link is clicked. The default handler opens http,
   * https and mailto addresses and ignores the rest.
   *
   * Returns: %TRUE when the link was handled
   */
  signals [ACTIVATE_LINK] =
    g_signal_new_class_handler ("activate-link",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (rd_markdown_view_real_activate_link),
                                g_signal_accumulator_true_handled, NULL,
                                NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdown");
}

static void
rd_markdown_view_init (RdMarkdownView *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
rd_markdown_view_new (void)
{
  return g_object_new (RD_TYPE_MARKDOWN_VIEW, NULL);
}

const char *
rd_markdown_view_get_markdown (RdMarkdownView *self)
{
  g_return_val_if_fail (RD_IS_MARKDOWN_VIEW (self), NULL);

  return self->markdown;
}

/**
 * rd_markdown_view_set_markdown:
 * @markdown: (nullable): the whole text to show
 *
 * Cheap to call on every delta of a streamed answer: the view draws the
 * latest text once per frame.
 */
void
rd_markdown_view_set_markdown (RdMarkdownView *self,
                               const char     *markdown)
{
  g_return_if_fail (RD_IS_MARKDOWN_VIEW (self));

  if (g_strcmp0 (self->markdown, markdown) == 0)
    return;

  g_free (self->markdown);
  self->markdown = g_strdup (markdown);
  queue_render (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MARKDOWN]);
}

/**
 * rd_markdown_view_render_now:
 *
 * Draws the latest text right away instead of at the next frame, for
 * callers that measure or scroll to the view at once.
 */
void
rd_markdown_view_render_now (RdMarkdownView *self)
{
  g_return_if_fail (RD_IS_MARKDOWN_VIEW (self));

  if (self->pending)
    render (self);
}

gboolean
_rd_markdown_view_is_pending (RdMarkdownView *self)
{
  return self->pending;
}

guint
_rd_markdown_view_get_n_renders (RdMarkdownView *self)
{
  return self->n_renders;
}

gint64
_rd_markdown_view_get_last_render_usec (RdMarkdownView *self)
{
  return self->last_render_usec;
}
