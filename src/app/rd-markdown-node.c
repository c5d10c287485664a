/* rd-markdown-node.c
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

#define G_LOG_DOMAIN "rd-markdown-node"

#include "config.h"

#include <md4c.h>
#include <string.h>

#include "rd-markdown-node.h"
#include "rd-markdown-text.h"

/* Quotes and lists nest at most this deep; deeper ones are drawn at this
 * depth. Thousands of nested boxes would overflow the stack when GTK
 * measures them, and would be indented out of sight anyway. */
#define MAX_DEPTH 8

/* Past this many bytes of markup, a paragraph, heading or cell is cut
 * short: Pango takes seconds to lay out a megabyte long line. */
#define MAX_INLINE (64 * 1024)

/* Words longer than this get a zero-width space every WORD_STEP bytes.
 * Pango 1.50 shapes the rest of a paragraph again for every line it
 * has to break inside a word: a line of 64 KiB without spaces takes
 * minutes to lay out; with these break opportunities, milliseconds. */
#define MAX_WORD  256
#define WORD_STEP 32

/* Raw HTML is shown as the text it is, never interpreted. */
#define PARSER_FLAGS (MD_DIALECT_GITHUB | MD_FLAG_NOHTML)

typedef struct
{
  RdMarkdownNode *node;
  gboolean        real;
} Frame;

typedef struct
{
  GArray         *stack;
  /* The paragraph that text directly inside a tight list item goes to,
   * until the next block starts or ends. */
  RdMarkdownNode *implicit;
  guint           depth;
  guint           in_head : 1;
  /* Pango cannot nest links: inside one, images become their alt text. */
  guint           link_depth;
  guint           image_depth;
  /* Where the text of the link being read starts, to give empty links
   * their address as text. */
  gsize           link_start;
  /* Bytes since the last space, in the current block. */
  gsize           word;
} Parser;

static RdMarkdownNode *
node_new (RdMarkdownKind kind)
{
  RdMarkdownNode *node = g_new0 (RdMarkdownNode, 1);

  node->kind = kind;
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_markdown_node_free);
  return node;
}

void
rd_markdown_node_free (RdMarkdownNode *node)
{
  if (node == NULL)
    return;

  g_string_free (node->text, TRUE);
  g_free (node->attr);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static void
append_text (Parser     *p,
             GString    *out,
             const char *text,
             gsize       size)
{
  gsize start = 0;

  for (gsize i = 0; i < size; i++)
    {
      if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')
        p->word = 0;
      else if (++p->word > MAX_WORD && p->word % WORD_STEP == 0 &&
               (i + 1 == size || ((guchar) text[i + 1] & 0xC0) != 0x80))
        {
          _rd_markdown_append_escaped (out, text + start, i + 1 - start);
          g_string_append (out, "\xe2\x80\x8b");
          start = i + 1;
        }
    }

  _rd_markdown_append_escaped (out, text + start, size - start);
}

static RdMarkdownNode *
top (Parser *p)
{
  return g_array_index (p->stack, Frame, p->stack->len - 1).node;
}

static void
push (Parser         *p,
      RdMarkdownNode *node,
      gboolean        real)
{
  Frame frame = { node, real };

  if (real)
    g_ptr_array_add (top (p)->children, node);
  g_array_append_val (p->stack, frame);
}

/* Where inline content goes now, or NULL where there is none. */
static GString *
sink (Parser *p)
{
  RdMarkdownNode *node = top (p);

  switch (node->kind)
    {
    case RD_MARKDOWN_PARAGRAPH:
    case RD_MARKDOWN_HEADING:
    case RD_MARKDOWN_CELL:
    case RD_MARKDOWN_CODE:
      return node->text;

    case RD_MARKDOWN_ROOT:
    case RD_MARKDOWN_ITEM:
    case RD_MARKDOWN_QUOTE:
      /* md4c sends the text of tight list items without a paragraph. */
      if (p->implicit == NULL)
        {
          p->implicit = node_new (RD_MARKDOWN_PARAGRAPH);
          g_ptr_array_add (node->children, p->implicit);
        }
      return p->implicit->text;

    case RD_MARKDOWN_LIST:
    case RD_MARKDOWN_RULE:
    case RD_MARKDOWN_TABLE:
    case RD_MARKDOWN_ROW:
    default:
      return NULL;
    }
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Parser *p = user_data;
  RdMarkdownNode *parent = top (p);
  RdMarkdownNode *node = NULL;

  p->implicit = NULL;
  p->word = 0;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_TBODY:
      push (p, parent, FALSE);
      return 0;

    case MD_BLOCK_THEAD:
      p->in_head = TRUE;
      push (p, parent, FALSE);
      return 0;

    case MD_BLOCK_QUOTE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      if (p->depth >= MAX_DEPTH)
        {
          push (p, parent, FALSE);
          return 0;
        }
      node = node_new (type == MD_BLOCK_QUOTE ? RD_MARKDOWN_QUOTE : RD_MARKDOWN_LIST);
      if (type == MD_BLOCK_OL)
        node->level = ((MD_BLOCK_OL_DETAIL *) detail)->start;
      else if (type == MD_BLOCK_UL)
        node->level = G_MAXUINT;
      break;

    case MD_BLOCK_LI:
      {
        MD_BLOCK_LI_DETAIL *li = detail;

        if (parent->kind != RD_MARKDOWN_LIST)
          {
            push (p, parent, FALSE);
            return 0;
          }
        node = node_new (RD_MARKDOWN_ITEM);
        if (li->is_task)
          node->attr = g_strdup (li->task_mark == ' ' ? "☐" : "☑");
        else if (parent->level == G_MAXUINT)
          node->attr = g_strdup ("•");
        else
          node->attr = g_strdup_printf ("%u.", parent->level + parent->children->len);
      }
      break;

    case MD_BLOCK_HR:
      node = node_new (RD_MARKDOWN_RULE);
      break;

    case MD_BLOCK_H:
      node = node_new (RD_MARKDOWN_HEADING);
      node->level = CLAMP (((MD_BLOCK_H_DETAIL *) detail)->level, 1, 6);
      break;

    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;

        node = node_new (RD_MARKDOWN_CODE);
        node->attr = g_strndup (code->lang.text, code->lang.size);
      }
      break;

    case MD_BLOCK_TABLE:
      node = node_new (RD_MARKDOWN_TABLE);
      break;

    case MD_BLOCK_TR:
      if (parent->kind != RD_MARKDOWN_TABLE)
        {
          push (p, parent, FALSE);
          return 0;
        }
      node = node_new (RD_MARKDOWN_ROW);
      node->header = p->in_head;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (parent->kind != RD_MARKDOWN_ROW)
        {
          push (p, parent, FALSE);
          return 0;
        }
      node = node_new (RD_MARKDOWN_CELL);
      node->header = type == MD_BLOCK_TH;
      node->level = ((MD_BLOCK_TD_DETAIL *) detail)->align;
      break;

    case MD_BLOCK_HTML:
    case MD_BLOCK_P:
    default:
      node = node_new (RD_MARKDOWN_PARAGRAPH);
      break;
    }

  /* Tables, rows and cells only live in their parent; anything else
   * reaching one (it cannot, with md4c) would not be drawn. */
  if ((parent->kind == RD_MARKDOWN_TABLE && node->kind != RD_MARKDOWN_ROW) ||
      (parent->kind == RD_MARKDOWN_ROW && node->kind != RD_MARKDOWN_CELL) ||
      (parent->kind == RD_MARKDOWN_LIST && node->kind != RD_MARKDOWN_ITEM))
    {
      rd_markdown_node_free (node);
      push (p, parent, FALSE);
      return 0;
    }

  if (node->kind == RD_MARKDOWN_QUOTE || node->kind == RD_MARKDOWN_LIST)
    p->depth++;
  push (p, node, TRUE);
  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Parser *p = user_data;
  Frame *frame = &g_array_index (p->stack, Frame, p->stack->len - 1);

  p->implicit = NULL;

  if (type == MD_BLOCK_THEAD)
    p->in_head = FALSE;
  if (frame->real && (frame->node->kind == RD_MARKDOWN_QUOTE || frame->node->kind == RD_MARKDOWN_LIST))
    p->depth--;
  if (frame->real && frame->node->kind == RD_MARKDOWN_CODE &&
      g_str_has_suffix (frame->node->text->str, "\n"))
    g_string_truncate (frame->node->text, frame->node->text->len - 1);

  /* The document's own frame stays: it is the root. */
  if (p->stack->len > 1)
    g_array_set_size (p->stack, p->stack->len - 1);
  return 0;
}

/* Pango markup tag of the spans that only wrap their text, or NULL. */
static const char *
span_tag (MD_SPANTYPE type)
{
  switch (type)
    {
    case MD_SPAN_EM:
      return "i";

    case MD_SPAN_STRONG:
      return "b";

    case MD_SPAN_DEL:
      return "s";

    case MD_SPAN_U:
      return "u";

    case MD_SPAN_CODE:
    case MD_SPAN_A:
    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      return NULL;
    }
}

/* Both span callbacks: @entering says whether the span opens or closes,
 * so that each opening tag has its closing one next to it. */
static int
span (Parser      *p,
      MD_SPANTYPE  type,
      void        *detail,
      gboolean     entering)
{
  GString *out = sink (p);
  const char *tag = span_tag (type);
  const MD_ATTRIBUTE *href = NULL;
  guint *depth = NULL;
  guint other_depth = 0;

  if (out == NULL)
    return 0;

  if (tag != NULL)
    {
      g_string_append_printf (out, entering ? "<%s>" : "</%s>", tag);
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_CODE:
      g_string_append (out, entering
                            ? "<span font_family=\"monospace\" bgcolor=\"#888888\" bgalpha=\"20%\">"
                            : "</span>");
      return 0;

    case MD_SPAN_A:
      href = &((MD_SPAN_A_DETAIL *) detail)->href;
      depth = &p->link_depth;
      other_depth = p->image_depth;
      break;

    case MD_SPAN_IMG:
      /* No images inline: the alt text, which links to the image. */
      href = &((MD_SPAN_IMG_DETAIL *) detail)->src;
      depth = &p->image_depth;
      other_depth = p->link_depth;
      break;

    case MD_SPAN_EM:
    case MD_SPAN_STRONG:
    case MD_SPAN_DEL:
    case MD_SPAN_U:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      return 0;
    }

  /* Only the outermost link or image becomes a link: Pango cannot
   * nest them. */
  if (entering)
    {
      if ((*depth)++ == 0 && other_depth == 0)
        {
          g_string_append (out, "<a href=\"");
          _rd_markdown_append_attribute (out, href);
          g_string_append (out, "\">");
          p->link_start = out->len;
        }
    }
  else if (--(*depth) == 0 && other_depth == 0)
    {
      /* An empty link could not be clicked: show where it goes. */
      if (out->len == p->link_start)
        _rd_markdown_append_attribute (out, href);
      g_string_append (out, "</a>");
    }

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  return span (user_data, type, detail, TRUE);
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  return span (user_data, type, detail, FALSE);
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Parser *p = user_data;
  GString *out = sink (p);

  if (out == NULL)
    return 0;

  if (top (p)->kind != RD_MARKDOWN_CODE && out->len + size > MAX_INLINE)
    {
      gsize room = out->len < MAX_INLINE ? MAX_INLINE - out->len : 0;

      /* Tags still go in (see the span callbacks), so that they pair. */
      (p->implicit ? p->implicit : top (p))->truncated = TRUE;
      while (room > 0 && ((guchar) text[room] & 0xC0) == 0x80)
        room--;
      if (room == 0 || type != MD_TEXT_NORMAL)
        return 0;
      size = room;
    }

  if (top (p)->kind == RD_MARKDOWN_CODE)
    {
      /* Code is kept as is: the code view takes it as plain text. */
      if (type == MD_TEXT_NULLCHAR)
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, text, size);
      return 0;
    }

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (out, "\xef\xbf\xbd");
      break;

    case MD_TEXT_BR:
      p->word = 0;
      g_string_append_c (out, '\n');
      break;

    case MD_TEXT_SOFTBR:
      p->word = 0;
      g_string_append_c (out, ' ');
      break;

    case MD_TEXT_ENTITY:
      _rd_markdown_append_entity (out, text, size);
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      append_text (p, out, text, size);
      break;
    }

  return 0;
}

#define FNV_PRIME 0x100000001b3ull

static guint64
hash_bytes (guint64     hash,
            const void *data,
            gsize       size)
{
  const guchar *bytes = data;

  for (gsize i = 0; i < size; i++)
    hash = (hash ^ bytes[i]) * FNV_PRIME;
  return hash;
}

static void
compute_hash (RdMarkdownNode *node)
{
  guint64 hash = 0xcbf29ce484222325ull;
  guint values[3] = { node->kind, node->level, node->header };

  if (node->truncated)
    {
      g_string_append (node->text, "…");
      node->truncated = FALSE;
    }

  hash = hash_bytes (hash, values, sizeof values);
  hash = hash_bytes (hash, node->text->str, node->text->len + 1);
  if (node->attr != NULL)
    hash = hash_bytes (hash, node->attr, strlen (node->attr) + 1);

  for (guint i = 0; i < node->children->len; i++)
    {
      RdMarkdownNode *child = g_ptr_array_index (node->children, i);

      compute_hash (child);
      hash = hash_bytes (hash, &child->hash, sizeof child->hash);
    }

  node->hash = hash;
}

/**
 * rd_markdown_node_parse:
 * @markdown: the document, UTF-8 (invalid sequences are replaced)
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (transfer full): the document's root node; never %NULL,
 *   whatever @markdown holds.
 */
RdMarkdownNode *
rd_markdown_node_parse (const char *markdown,
                        gsize       length)
{
  static const MD_PARSER parser = {
    .abi_version = 0,
    .flags = PARSER_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };
  g_autofree char *valid = NULL;
  RdMarkdownNode *root = node_new (RD_MARKDOWN_ROOT);
  Parser p = { 0 };
  Frame frame = { root, TRUE };

  if (markdown == NULL)
    markdown = "";
  if (length == (gsize) -1)
    length = strlen (markdown);
  if (!g_utf8_validate_len (markdown, length, NULL))
    {
      valid = g_utf8_make_valid (markdown, length);
      markdown = valid;
      length = strlen (valid);
    }

  p.stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_append_val (p.stack, frame);
  md_parse (markdown, length, &parser, &p);
  g_array_unref (p.stack);

  compute_hash (root);
  return root;
}
