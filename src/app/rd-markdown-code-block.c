/* rd-markdown-code-block.c
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

#define G_LOG_DOMAIN "rd-markdown-code-block"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "rd-markdown-code-block.h"

/* One code block of a Markdown answer: the code, highlighted for the
 * fence's language in the style that suits the light or dark theme, and
 * a button that copies it. */

#define COPIED_MS 1500

struct _RdMarkdownCodeBlock
{
  GtkWidget        parent_instance;

  /* Template Widgets */
  GtkWidget       *box;
  GtkLabel        *language_label;
  GtkRevealer     *copied_revealer;
  GtkButton       *copy_button;
  GtkSourceView   *source_view;

  /* Owned References */
  GtkSourceBuffer *buffer;
  char            *language;
  GString         *code;
  guint            copied_source;
};

G_DEFINE_FINAL_TYPE (RdMarkdownCodeBlock, rd_markdown_code_block, GTK_TYPE_WIDGET)

/* What people write after the fence, where it is not the language's id
 * in GtkSourceView. */
static const struct {
  const char *alias;
  const char *id;
} aliases[] = {
  { "bash", "sh" }, { "shell", "sh" }, { "zsh", "sh" }, { "console", "sh" },
  { "c++", "cpp" }, { "cxx", "cpp" }, { "h", "chdr" }, { "hpp", "cpphdr" },
  { "javascript", "js" }, { "node", "js" }, { "py", "python3" }, { "python", "python3" },
  { "ts", "typescript" }, { "yml", "yaml" }, { "rs", "rust" }, { "rb", "ruby" },
  { "md", "markdown" }, { "golang", "go" }, { "cs", "csharp" }, { "c#", "csharp" },
  { "kt", "kotlin" }, { "objc", "objc" }, { "patch", "diff" }, { "make", "makefile" },
  { "dockerfile", "docker" }, { "html", "html" }, { "xml", "xml" }, { "jsonc", "json" },
  { "sql", "sql" }, { "toml", "toml" }, { "ini", "ini" }, { "meson", "meson" },
};

static GtkSourceLanguage *
find_language (const char *name)
{
  GtkSourceLanguageManager *manager = gtk_source_language_manager_get_default ();
  g_autofree char *id = NULL;
  g_autofree char *filename = NULL;
  GtkSourceLanguage *language;

  if (name == NULL || name[0] == '\0')
    return NULL;

  id = g_ascii_strdown (name, -1);
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      if (g_str_equal (id, aliases[i].alias))
        {
          g_free (id);
          id = g_strdup (aliases[i].id);
          break;
        }
    }

  if ((language = gtk_source_language_manager_get_language (manager, id)) != NULL)
    return language;

  /* Failing the id, what a file named after the language would be. */
  filename = g_strdup_printf ("file.%s", name);
  return gtk_source_language_manager_guess_language (manager, filename, NULL);
}

static void
update_style_scheme (RdMarkdownCodeBlock *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "Adwaita-dark" : "Adwaita");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, dark ? "classic-dark" : "classic");
  gtk_source_buffer_set_style_scheme (self->buffer, scheme);
}

static void
notify_dark_cb (RdMarkdownCodeBlock *self)
{
  g_assert (RD_IS_MARKDOWN_CODE_BLOCK (self));

  update_style_scheme (self);
}

static gboolean
copied_timeout_cb (gpointer user_data)
{
  RdMarkdownCodeBlock *self = user_data;

  self->copied_source = 0;
  gtk_revealer_set_reveal_child (self->copied_revealer, FALSE);
  gtk_button_set_icon_name (self->copy_button, "edit-copy-symbolic");
  return G_SOURCE_REMOVE;
}

static void
copy_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  RdMarkdownCodeBlock *self = RD_MARKDOWN_CODE_BLOCK (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->code->str);

  /* Say it worked where the eyes are, for a moment. */
  gtk_revealer_set_reveal_child (self->copied_revealer, TRUE);
  gtk_button_set_icon_name (self->copy_button, "object-select-symbolic");
  g_clear_handle_id (&self->copied_source, g_source_remove);
  self->copied_source = g_timeout_add (COPIED_MS, copied_timeout_cb, self);
}

static void
rd_markdown_code_block_dispose (GObject *object)
{
  RdMarkdownCodeBlock *self = (RdMarkdownCodeBlock *)object;

  g_clear_handle_id (&self->copied_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_MARKDOWN_CODE_BLOCK);

  G_OBJECT_CLASS (rd_markdown_code_block_parent_class)->dispose (object);
}

static void
rd_markdown_code_block_finalize (GObject *object)
{
  RdMarkdownCodeBlock *self = (RdMarkdownCodeBlock *)object;

  g_clear_object (&self->buffer);
  g_clear_pointer (&self->language, g_free);
  g_string_free (self->code, TRUE);

  G_OBJECT_CLASS (rd_markdown_code_block_parent_class)->finalize (object);
}

static void
rd_markdown_code_block_class_init (RdMarkdownCodeBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_markdown_code_block_dispose;
  object_class->finalize = rd_markdown_code_block_finalize;

  gtk_source_init ();
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "markdowncode");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-markdown-code-block.ui");
  gtk_widget_class_bind_template_child (widget_class, RdMarkdownCodeBlock, box);
  gtk_widget_class_bind_template_child (widget_class, RdMarkdownCodeBlock, language_label);
  gtk_widget_class_bind_template_child (widget_class, RdMarkdownCodeBlock, copied_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdMarkdownCodeBlock, copy_button);
  gtk_widget_class_bind_template_child (widget_class, RdMarkdownCodeBlock, source_view);

  gtk_widget_class_install_action (widget_class, "code.copy", NULL, copy_action_cb);
}

static void
rd_markdown_code_block_init (RdMarkdownCodeBlock *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->code = g_string_new (NULL);
  self->buffer = gtk_source_buffer_new (NULL);
  /* Nobody edits it: keeping undo history would only cost memory. */
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self->buffer), FALSE);
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->source_view), GTK_TEXT_BUFFER (self->buffer));
  gtk_label_set_label (self->language_label, _("Code"));

  update_style_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (notify_dark_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
rd_markdown_code_block_new (void)
{
  return g_object_new (RD_TYPE_MARKDOWN_CODE_BLOCK, NULL);
}

/**
 * rd_markdown_code_block_get_language:
 *
 * Returns: (nullable): the GtkSourceView id of the language the code is
 *   highlighted as, or %NULL when none was recognised.
 */
const char *
rd_markdown_code_block_get_language (RdMarkdownCodeBlock *self)
{
  GtkSourceLanguage *language;

  g_return_val_if_fail (RD_IS_MARKDOWN_CODE_BLOCK (self), NULL);

  language = gtk_source_buffer_get_language (self->buffer);
  return language ? gtk_source_language_get_id (language) : NULL;
}

const char *
rd_markdown_code_block_get_code (RdMarkdownCodeBlock *self)
{
  g_return_val_if_fail (RD_IS_MARKDOWN_CODE_BLOCK (self), NULL);

  return self->code->str;
}

/**
 * rd_markdown_code_block_set_code:
 * @language: (nullable): what followed the opening fence
 * @code: the code
 *
 * While an answer streams in, the code mostly grows at its end: then only
 * the new text is inserted, so that the highlighter does not start over.
 */
void
rd_markdown_code_block_set_code (RdMarkdownCodeBlock *self,
                                 const char          *language,
                                 const char          *code)
{
  GtkTextBuffer *buffer;
  gsize len;

  g_return_if_fail (RD_IS_MARKDOWN_CODE_BLOCK (self));

  if (language == NULL)
    language = "";
  if (code == NULL)
    code = "";

  buffer = GTK_TEXT_BUFFER (self->buffer);

  if (g_strcmp0 (self->language, language) != 0)
    {
      GtkSourceLanguage *found = find_language (language);

      g_free (self->language);
      self->language = g_strdup (language);
      gtk_source_buffer_set_language (self->buffer, found);
      if (found != NULL)
        gtk_label_set_label (self->language_label, gtk_source_language_get_name (found));
      else
        gtk_label_set_label (self->language_label, language[0] ? language : _("Code"));
    }

  len = strlen (code);
  if (len >= self->code->len && strncmp (code, self->code->str, self->code->len) == 0)
    {
      GtkTextIter end;

      if (len == self->code->len)
        return;
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, code + self->code->len, len - self->code->len);
      g_string_append_len (self->code, code + self->code->len, len - self->code->len);
    }
  else
    {
      gtk_text_buffer_set_text (buffer, code, len);
      g_string_assign (self->code, code);
    }
}
