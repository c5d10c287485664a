/* rd-about.c
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

#define G_LOG_DOMAIN "rd-about"

#include "config.h"

#include "rd-about.h"

#include <glib/gi18n.h>

#include "rd-enums.h"

/* The About window, with the release notes taken from the metainfo the
 * resources bundle (libadwaita 1.2 has no adw_about_window_new_from_appdata). */

typedef struct
{
  GString *notes;
  char    *version;
  int      depth;
  int      description_depth;  /* depth of the <description> being copied, or 0 */
  int      skip_depth;         /* depth of a translated element being skipped, or 0 */
  guint    in_release : 1;
  guint    done : 1;
} NotesParser;

static gboolean
is_translated (const char **names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "xml:lang"))
      return TRUE;

  return FALSE;
}

static void
notes_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  NotesParser *p = user_data;

  p->depth++;
  if (p->done || p->skip_depth)
    return;

  if (p->description_depth)
    {
      if (is_translated (names))
        p->skip_depth = p->depth;
      else
        g_string_append_printf (p->notes, "<%s>", element);
    }
  else if (g_str_equal (element, "release") && p->version == NULL)
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "version"))
          p->version = g_strdup (values[i]);
      p->in_release = TRUE;
    }
  else if (p->in_release && g_str_equal (element, "description") && !is_translated (names))
    {
      p->description_depth = p->depth;
    }
}

static void
notes_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  NotesParser *p = user_data;

  if (p->skip_depth == p->depth)
    p->skip_depth = 0;
  else if (p->skip_depth == 0 && p->description_depth == p->depth)
    p->description_depth = 0, p->done = TRUE;
  else if (p->skip_depth == 0 && p->description_depth)
    g_string_append_printf (p->notes, "</%s>", element);
  else if (g_str_equal (element, "release"))
    p->in_release = FALSE, p->done = p->done || p->version != NULL;

  p->depth--;
}

static void
notes_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  NotesParser *p = user_data;
  g_autofree char *escaped = NULL;

  if (!p->description_depth || p->skip_depth || p->done)
    return;

  escaped = g_markup_escape_text (text, len);
  g_string_append (p->notes, escaped);
}

/**
 * rd_about_parse_release_notes:
 * @version: (out): the version of the newest release
 *
 * Returns: (nullable): the newest release's description, in the markup
 *   AdwAboutWindow takes (<p>, <ul>, <li>, ...), untranslated.
 */
char *
rd_about_parse_release_notes (const char  *metainfo,
                              gssize       length,
                              char       **version)
{
  static const GMarkupParser parser = { notes_start, notes_end, notes_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) notes = g_string_new (NULL);
  NotesParser p = { notes, NULL };
  gboolean ok;

  g_return_val_if_fail (metainfo != NULL, NULL);

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &p, NULL);
  ok = g_markup_parse_context_parse (context, metainfo, length, NULL) &&
       g_markup_parse_context_end_parse (context, NULL);

  if (!ok || p.version == NULL || notes->len == 0)
    {
      g_free (p.version);
      return NULL;
    }

  if (version != NULL)
    *version = g_steal_pointer (&p.version);
  g_free (p.version);

  return g_strstrip (g_string_free (g_steal_pointer (&notes), FALSE));
}

static char *
debug_info (RdServerSupervisor *supervisor)
{
  g_autoptr(GString) info = g_string_new (NULL);
  g_autoptr(GEnumClass) states = g_type_class_ref (RD_TYPE_SERVER_STATE);

  g_string_append_printf (info, "%s %s (%s)\n", PACKAGE_NAME, PACKAGE_VERSION, APP_ID);
  g_string_append_printf (info, "GLib %u.%u.%u\n",
                          glib_major_version, glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n",
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n",
                          adw_get_major_version (), adw_get_minor_version (),
                          adw_get_micro_version ());

  /* The local server's whereabouts, for bug reports; never its key. */
  if (supervisor != NULL)
    {
      RdServerState state = rd_server_supervisor_get_state (supervisor);
      GEnumValue *value = g_enum_get_value (states, state);
      const char *error = rd_server_supervisor_get_error_message (supervisor);

      g_string_append_printf (info, "\nLocal server: %s\n", value ? value->value_nick : "?");
      g_string_append_printf (info, "Program: %s\n",
                              rd_server_supervisor_get_program (supervisor) ?: "(not looked up)");
      g_string_append_printf (info, "Data: %s\n",
                              rd_server_supervisor_get_data_dir (supervisor) ?: "(not started)");
      if (rd_server_supervisor_get_url (supervisor) != NULL)
        g_string_append_printf (info, "URL: %s\n", rd_server_supervisor_get_url (supervisor));
      if (error != NULL)
        g_string_append_printf (info, "Error: %s\n", error);
    }

  return g_string_free (g_steal_pointer (&info), FALSE);
}

GtkWindow *
rd_about_window_new (GtkWindow          *parent,
                     RdServerSupervisor *supervisor)
{
  static const char *developers[] = { "The Rivya Desktop authors", NULL };
  g_autoptr(GBytes) metainfo = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *notes_version = NULL;
  g_autofree char *debug = NULL;
  AdwAboutWindow *about;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (!supervisor || RD_IS_SERVER_SUPERVISOR (supervisor), NULL);

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Rivya Desktop"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Rivya Desktop authors"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_copyright (about, "© 2026 The Rivya Desktop authors");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (about, "https://github.com/rivyadesktop/RivyaDesktop");
  adw_about_window_set_issue_url (about, "https://github.com/rivyadesktop/RivyaDesktop/issues");
  adw_about_window_set_comments (about,
                                 _("Generate images, speech and video and chat with AI models, "
                                   "from Rivya or from a local server that needs no account."));
  /* translators: put your name here, one per line, to be credited */
  adw_about_window_set_translator_credits (about, _("translator-credits"));

  metainfo = g_resources_lookup_data ("/io/github/rivyadesktop/RivyaDesktop/metainfo.xml",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (metainfo != NULL &&
      (notes = rd_about_parse_release_notes (g_bytes_get_data (metainfo, NULL),
                                             g_bytes_get_size (metainfo), &notes_version)))
    {
      adw_about_window_set_release_notes_version (about, notes_version);
      adw_about_window_set_release_notes (about, notes);
    }

  debug = debug_info (supervisor);
  adw_about_window_set_debug_info (about, debug);
  adw_about_window_set_debug_info_filename (about, "rivya-desktop-debug.txt");

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }

  return GTK_WINDOW (about);
}
