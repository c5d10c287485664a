/* srv-chat-local.c
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

#include <math.h>
#include <string.h>

#include "srv-chat.h"

/* local-chat (Part C): a deterministic assistant without a language
 * model. It answers from what it is given and nothing else: the new
 * message, the session's earlier messages and the attached images. The
 * same inputs always give the same answer, in Markdown, because the
 * desktop app renders it. */

#define QUOTE_CHARS 80

typedef enum
{
  CLASS_SPACE,
  CLASS_WORD,
  CLASS_PUNCT,
} CharClass;

static CharClass
char_class (gunichar c)
{
  if (g_unichar_isspace (c))
    return CLASS_SPACE;
  if (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_')
    return CLASS_WORD;
  return CLASS_PUNCT;
}

/* The token rule of rivya-server, for usage and billing: a token is a
 * maximal run of word characters (letters, digits, combining marks and
 * "_") or a maximal run of other visible characters (punctuation and
 * symbols); white space separates tokens and is not counted. "Hello,
 * world!" is 4 tokens, "don't" 3, "3.14" 3. */
gint64
srv_chat_count_tokens (const char *text)
{
  CharClass previous = CLASS_SPACE;
  gint64 n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      CharClass c = char_class (g_utf8_get_char (p));

      if (c != CLASS_SPACE && c != previous)
        n++;
      previous = c;
    }
  return n;
}

/* B.13: the reservation caps the price; every started turn costs at
 * least one credit; beyond that, one credit per 500 tokens begun. */
gint64
srv_chat_final_credits (gint64 reserved,
                        gint64 total_tokens)
{
  gint64 by_usage = MAX (1, (total_tokens + SRV_CHAT_TOKENS_PER_CREDIT - 1) / SRV_CHAT_TOKENS_PER_CREDIT);

  return MIN (reserved, by_usage);
}

/* Streaming pieces: each word with the white space after it, so that
 * the pieces put together are exactly the text, line breaks and all. */
char **
srv_chat_split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_ptr_array_add (words, g_strndup (start, p - start));
    }
  g_ptr_array_add (words, NULL);
  return (char **)g_ptr_array_free (words, FALSE);
}

static gboolean
has_word (const char *folded,
          const char *word)
{
  gsize len = strlen (word);

  for (const char *p = strstr (folded, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean start_ok = p == folded ||
                          char_class (g_utf8_get_char (g_utf8_prev_char (p))) != CLASS_WORD;
      gboolean end_ok = p[len] == '\0' || char_class (g_utf8_get_char (p + len)) != CLASS_WORD;

      if (start_ok && end_ok)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_any (const char         *folded,
         const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (has_word (folded, words[i]))
        return TRUE;
    }
  return FALSE;
}

/* Quotes a message on one line, shortened, for a sentence. */
static char *
quote (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  g_autoptr(GString) s = NULL;
  glong len;

  g_strdelimit (flat, "\r\n\t", ' ');
  g_strstrip (flat);
  len = g_utf8_strlen (flat, -1);
  if (len <= QUOTE_CHARS)
    return g_strdup_printf ("“%s”", flat);

  s = g_string_new ("“");
  g_string_append_len (s, flat, g_utf8_offset_to_pointer (flat, QUOTE_CHARS) - flat);
  g_string_append (s, "…”");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Ends a sentence that closes on a quote, without doubling the quote's
 * own final punctuation. */
static void
end_sentence (GString *out)
{
  static const char * const endings[] = { ".”", "?”", "!”", "…”", NULL };

  for (guint i = 0; endings[i] != NULL; i++)
    {
      if (g_str_has_suffix (out->str, endings[i]))
        return;
    }
  g_string_append_c (out, '.');
}

static const char *
mime_label (const char *mime_type)
{
  if (g_strcmp0 (mime_type, "image/png") == 0)
    return "PNG";
  if (g_strcmp0 (mime_type, "image/jpeg") == 0)
    return "JPEG";
  if (g_strcmp0 (mime_type, "image/webp") == 0)
    return "WebP";
  return mime_type;
}

static void
compose_image (GString      *out,
               SrvChatImage *image)
{
  int a = image->width, b = image->height;

  if (!image->decoded)
    {
      g_string_append_printf (out, "I could not decode **%s**: %s.\n\n", image->name, image->error);
      return;
    }

  while (b != 0)
    {
      int t = a % b;
      a = b;
      b = t;
    }

  g_string_append_printf (out, "**%s** is a %d × %d pixel %s image (%s", image->name,
                          image->width, image->height, mime_label (image->mime_type),
                          image->width > image->height ? "landscape" :
                          image->width < image->height ? "portrait" : "square");
  if (image->width != image->height && a > 0 && image->width / a <= 21 && image->height / a <= 21)
    g_string_append_printf (out, ", %d:%d", image->width / a, image->height / a);
  g_string_append (out, ").");

  for (guint i = 0; i < image->n_colours; i++)
    {
      const char *sep = i == 0 ? (image->n_colours == 1 ? " Its dominant colour is "
                                                         : " Its dominant colours are ")
                               : (i + 1 == image->n_colours ? " and " : ", ");

      g_string_append_printf (out, "%s**%s** (%d%%, `#%02X%02X%02X`)", sep, image->colours[i].name,
                              (int)lround (image->colours[i].share * 100),
                              image->colours[i].r, image->colours[i].g, image->colours[i].b);
    }
  if (image->n_colours > 0)
    g_string_append_c (out, '.');

  if (image->brightness < 0.3)
    g_string_append (out, " Overall it is quite dark.");
  else if (image->brightness > 0.7)
    g_string_append (out, " Overall it is bright.");
  else
    g_string_append (out, " Its overall brightness is medium.");
  if (image->has_alpha)
    g_string_append (out, " It has an alpha channel, so parts of it may be transparent.");
  g_string_append (out, "\n\n");
}

static void
compose_recall (GString    *out,
                const char *folded,
                GPtrArray  *earlier)
{
  static const char * const previous_words[] = { "last", "previous", "before", "just", NULL };
  static const char * const summary_words[] = {
    "summary", "summarize", "summarise", "recap", "so far", "conversation", "history", "list", NULL
  };
  g_autofree char *first = NULL;

  if (earlier->len == 0)
    {
      g_string_append (out, "This is your first message in this conversation, so there is nothing "
                            "earlier to recall yet.\n\n");
      return;
    }

  first = quote (g_ptr_array_index (earlier, 0));
  g_string_append_printf (out, "You have sent %u messages in this conversation (this one included); "
                               "your first was %s", earlier->len + 1, first);
  end_sentence (out);
  if (earlier->len > 1 && has_any (folded, previous_words))
    {
      g_autofree char *last = quote (g_ptr_array_index (earlier, earlier->len - 1));
      g_string_append_printf (out, " Just before this one you wrote %s", last);
      end_sentence (out);
    }
  g_string_append (out, "\n\n");

  if (earlier->len > 1 && has_any (folded, summary_words))
    {
      guint from = earlier->len > 10 ? earlier->len - 10 : 0;

      g_string_append (out, "### So far\n\n");
      for (guint i = from; i < earlier->len; i++)
        {
          g_autofree char *q = quote (g_ptr_array_index (earlier, i));
          g_string_append_printf (out, "%u. %s\n", i + 1, q);
        }
      g_string_append (out, "\n");
    }
}

static void
compose_capabilities (GString *out)
{
  g_string_append (out, "Here is what I can do:\n\n"
                        "- **remember this conversation**: ask me how many messages you have "
                        "sent, what your first or last one was, or for a recap;\n"
                        "- **look at images** you attach: their size and dominant colours;\n"
                        "- **work out arithmetic**, for example `12 * (3 + 4)`;\n"
                        "- **reflect on your text**: its length and the words that stand out.\n\n"
                        "_I am deterministic: the same conversation always gets the same "
                        "answer._\n");
}

static int
compare_keywords (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GHashTable *counts = user_data;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(char **)a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(char **)b));

  /* More frequent first; ties keep the order of appearance (stable). */
  return ca == cb ? 0 : (ca > cb ? -1 : 1);
}

static void
compose_reflection (GString    *out,
                    const char *message,
                    GPtrArray  *earlier)
{
  static const char * const stopwords[] = {
    "about", "above", "after", "again", "also", "because", "been", "before", "being", "below",
    "between", "both", "could", "does", "doing", "down", "during", "each", "from", "further",
    "have", "having", "here", "hers", "into", "just", "like", "more", "most", "much", "must",
    "once", "only", "other", "over", "please", "really", "same", "should", "some", "such", "tell",
    "than", "that", "their", "them", "then", "there", "these", "they", "thing", "things", "think",
    "this", "those", "through", "under", "until", "very", "want", "were", "what", "when", "where",
    "which", "while", "whom", "will", "with", "would", "your", "yours", "know", "make",
    "hello", "hallo", "bonjour", "hola", "greetings", "thanks", "thank", NULL
  };
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = g_strstrip (g_strdup (message));
  const char *p = message;
  guint n_words = 0, n_keywords;

  while (*p != '\0')
    {
      const char *start;
      g_autofree char *word = NULL;
      gpointer count;

      if (char_class (g_utf8_get_char (p)) != CLASS_WORD)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      while (*p != '\0' && char_class (g_utf8_get_char (p)) == CLASS_WORD)
        p = g_utf8_next_char (p);
      n_words++;

      word = g_utf8_casefold (start, p - start);
      if (g_utf8_strlen (word, -1) < 4 || g_strv_contains (stopwords, word) ||
          strspn (word, "0123456789") == strlen (word))
        continue;
      count = g_hash_table_lookup (counts, word);
      if (count == NULL)
        g_ptr_array_add (order, g_strdup (word));
      g_hash_table_replace (counts, g_steal_pointer (&word), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
    }
  /* The table owns its keys; order holds copies, for sorting. */
  g_ptr_array_sort_with_data (order, compare_keywords, counts);

  g_string_append_printf (out, "You wrote %u word%s (%ld characters).", n_words,
                          n_words == 1 ? "" : "s", g_utf8_strlen (message, -1));
  n_keywords = MIN (order->len, 3);
  for (guint i = 0; i < n_keywords; i++)
    g_string_append_printf (out, "%s**%s**", i == 0 ? " The words that stand out are "
                                                    : (i + 1 == n_keywords ? " and " : ", "),
                            (const char *)g_ptr_array_index (order, i));
  if (n_keywords == 1)
    g_string_append (out, " (the only one that does).");
  else if (n_keywords > 1)
    g_string_append_c (out, '.');
  g_string_append (out, "\n\n");

  for (guint i = 0; i < n_keywords; i++)
    {
      const char *keyword = g_ptr_array_index (order, i);

      for (guint m = 0; m < earlier->len; m++)
        {
          g_autofree char *folded = g_utf8_casefold (g_ptr_array_index (earlier, m), -1);

          if (has_word (folded, keyword))
            {
              g_autofree char *q = quote (g_ptr_array_index (earlier, m));
              g_string_append_printf (out, "> You mentioned **%s** before, in your message %u: %s\n\n",
                                      keyword, m + 1, q);
              break;
            }
        }
    }

  if (g_str_has_suffix (stripped, "?"))
    g_string_append (out, "That is a question, and I can only answer from what is in this "
                          "conversation: I have no language model and no network, so I cannot look "
                          "anything up or reason about the world.\n\n");
}

/* The answer to one turn. history holds the session's earlier messages
 * (SrvChatMessage, in order), images the analysed attachments. */
char *
srv_chat_local_answer (const char *message,
                       GPtrArray  *history,
                       GPtrArray  *images)
{
  static const char * const greetings[] = {
    "hello", "hi", "hey", "hallo", "bonjour", "hola", "good morning", "good evening", "greetings", NULL
  };
  static const char * const thanks[] = { "thanks", "thank you", "merci", NULL };
  static const char * const help[] = {
    "help", "what can you do", "who are you", "what are you", NULL
  };
  static const char * const recall[] = {
    "first message", "first question", "how many messages", "how many questions", "what did i say",
    "what did i ask", "what did i write", "what was my", "my last message", "my previous message",
    "recap", "summarize our", "summarise our", "so far", "our conversation", "this conversation",
    "do you remember", NULL
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) earlier = g_ptr_array_new ();
  g_autofree char *folded = g_utf8_casefold (message, -1);
  gboolean answered = FALSE;
  guint n_images = images != NULL ? images->len : 0;

  for (guint i = 0; history != NULL && i < history->len; i++)
    {
      SrvChatMessage *m = g_ptr_array_index (history, i);

      if (g_str_equal (m->role, "user"))
        g_ptr_array_add (earlier, m->content);
    }

  if (has_any (folded, greetings))
    g_string_append (out, earlier->len == 0
                          ? "Hello! I'm **Local Chat**, an assistant that runs entirely on this "
                            "computer, without a language model or network.\n\n"
                          : "Hello again!\n\n");
  else if (has_any (folded, thanks))
    g_string_append (out, "You're welcome!\n\n");

  if (n_images > 0)
    {
      g_string_append_printf (out, "### Your image%s\n\n", n_images == 1 ? "" : "s");
      for (guint i = 0; i < n_images; i++)
        compose_image (out, g_ptr_array_index (images, i));
      answered = TRUE;
    }

  {
    static const char * const cues[] = {
      "calculate", "compute", "what is", "what's", "how much is", "solve", "evaluate", NULL
    };
    g_autofree char *sum = srv_chat_arithmetic (message, has_any (folded, cues));

    if (sum != NULL)
      {
        g_string_append_printf (out, "%s\n\n", sum);
        answered = TRUE;
      }
  }

  if (has_any (folded, recall))
    {
      compose_recall (out, folded, earlier);
      answered = TRUE;
    }

  if (has_any (folded, help))
    {
      compose_capabilities (out);
      answered = TRUE;
    }

  if (!answered)
    {
      compose_reflection (out, message, earlier);
      if (earlier->len == 0)
        compose_capabilities (out);
    }

  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
