/* test-api-chat.c
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

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <string.h>

#include "srv-test-utils.h"

/* The Chat API against the real server: sessions, history, images,
 * streaming (parsed here with a small SSE parser of our own, not the
 * client library's), hang-ups, every chat error, credits and the
 * OpenAI-compatible upstream (a stub server in this process). */

#define COMPLETIONS "/api/v1/chat/completions"
#define STREAM      "/api/v1/chat/completions/stream"
#define SESSIONS    "/api/v1/chat/sessions"

static SrvTestServer *shared;

/* The token rule the server documents, written again from its
 * description: runs of word characters (letters, digits, marks, "_")
 * and runs of other visible characters count one each. */
static gint64
count_tokens (const char *text)
{
  gint64 n = 0;
  int previous = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int kind;

      if (g_unichar_isspace (c))
        kind = 0;
      else if (g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_')
        kind = 1;
      else
        kind = 2;
      if (kind != 0 && kind != previous)
        n++;
      previous = kind;
    }
  return n;
}

/* B.13 */
static gint64
expected_credits (gint64 reserved,
                  gint64 total_tokens)
{
  gint64 by_usage = MAX (1, (total_tokens + 499) / 500);

  return MIN (reserved, by_usage);
}

static char *
body_for (const char *session_id,
          const char *message,
          const char *extra)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, "local-chat");
  if (session_id != NULL)
    {
      json_builder_set_member_name (b, "session_id");
      json_builder_add_string_value (b, session_id);
    }
  json_builder_set_member_name (b, "message");
  json_builder_add_string_value (b, message);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);

  /* extra is a JSON fragment of more members, e.g. "\"attachments\":[]". */
  if (extra != NULL)
    {
      text[strlen (text) - 1] = '\0';
      return g_strdup_printf ("%s,%s}", text, extra);
    }
  return g_steal_pointer (&text);
}

static SrvTestResponse *
chat (SrvTestServer *srv,
      const char    *key,
      const char    *body)
{
  return srv_test_call (srv, "POST", COMPLETIONS, key, body, NULL);
}

static JsonObject *
chat_ok (SrvTestServer *srv,
         const char    *key,
         const char    *session_id,
         const char    *message)
{
  g_autofree char *body = body_for (session_id, message, NULL);
  g_autoptr(SrvTestResponse) resp = chat (srv, key, body);

  srv_assert_status (resp, 200);
  return json_object_ref (srv_test_response_object (resp));
}

static const char *
content_of (JsonObject *completion)
{
  return json_object_get_string_member (json_object_get_object_member (completion, "message"),
                                        "content");
}

static JsonObject *
get_session (SrvTestServer *srv,
             const char    *key,
             const char    *id)
{
  g_autofree char *path = g_strconcat (SESSIONS "/", id, NULL);
  g_autoptr(SrvTestResponse) resp = srv_test_call (srv, "GET", path, key, NULL, NULL);

  srv_assert_status (resp, 200);
  return json_object_ref (srv_test_response_object (resp));
}

static void
assert_ledger_balanced (SrvTestServer *srv)
{
  g_autofree char *out = srv_test_admin (srv, NULL, "credits", "show", NULL);

  g_assert_null (strstr (out, "ledger does not match"));
}

static void
assert_id (const char *id,
           const char *prefix)
{
  g_assert_nonnull (id);
  g_assert_true (g_str_has_prefix (id, prefix));
  g_assert_cmpuint (strlen (id), ==, strlen (prefix) + 24);
}

/* A small SSE parser (B.9), fed bytes as they arrive in any chunking */

typedef struct
{
  guint64  id;
  char    *event;
  char    *data;
  gint64   arrived;   /* monotonic µs */
} SseEvent;

typedef struct
{
  SoupMessage   *msg;
  GInputStream  *stream;
  GString       *buffer;
  GPtrArray     *events;      /* SseEvent */
  GPtrArray     *comments;    /* char *, without the ':' */
  guint          consumed;    /* events handed out by sse_next */
  gboolean       eof;
  /* The event being built */
  char          *id;
  char          *event;
  GString       *data;
  gboolean       has_data;
} Sse;

static void
sse_event_free (SseEvent *e)
{
  g_free (e->event);
  g_free (e->data);
  g_free (e);
}

static void
sse_free (Sse *sse)
{
  g_clear_object (&sse->stream);
  g_clear_object (&sse->msg);
  g_string_free (sse->buffer, TRUE);
  g_ptr_array_unref (sse->events);
  g_ptr_array_unref (sse->comments);
  g_free (sse->id);
  g_free (sse->event);
  g_string_free (sse->data, TRUE);
  g_free (sse);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sse, sse_free)

static void
sse_line (Sse        *sse,
          const char *line,
          gint64      now)
{
  const char *colon, *value;
  g_autofree char *field = NULL;

  if (*line == '\0')
    {
      if (sse->event != NULL || sse->has_data || sse->id != NULL)
        {
          SseEvent *e = g_new0 (SseEvent, 1);

          g_assert_nonnull (sse->id);
          e->id = g_ascii_strtoull (sse->id, NULL, 10);
          e->event = g_strdup (sse->event ? sse->event : "message");
          e->data = g_strdup (sse->data->str);
          e->arrived = now;
          g_ptr_array_add (sse->events, e);
        }
      g_clear_pointer (&sse->id, g_free);
      g_clear_pointer (&sse->event, g_free);
      g_string_truncate (sse->data, 0);
      sse->has_data = FALSE;
      return;
    }

  if (*line == ':')
    {
      g_ptr_array_add (sse->comments, g_strdup (line + 1));
      return;
    }

  colon = strchr (line, ':');
  field = colon ? g_strndup (line, colon - line) : g_strdup (line);
  value = colon ? colon + 1 : "";
  if (*value == ' ')
    value++;

  if (g_str_equal (field, "id"))
    {
      g_free (sse->id);
      sse->id = g_strdup (value);
    }
  else if (g_str_equal (field, "event"))
    {
      g_free (sse->event);
      sse->event = g_strdup (value);
    }
  else if (g_str_equal (field, "data"))
    {
      /* B.9 promises one data line per event. */
      g_assert_false (sse->has_data);
      g_string_append (sse->data, value);
      sse->has_data = TRUE;
    }
  else
    g_error ("Unexpected SSE field “%s”", field);
}

static void
sse_feed (Sse        *sse,
          const char *bytes,
          gsize       len,
          gint64      now)
{
  char *nl;

  g_string_append_len (sse->buffer, bytes, len);
  while ((nl = memchr (sse->buffer->str, '\n', sse->buffer->len)) != NULL)
    {
      gsize line_len = nl - sse->buffer->str;
      g_autofree char *line = g_strndup (sse->buffer->str, line_len);

      if (line_len > 0 && line[line_len - 1] == '\r')
        line[line_len - 1] = '\0';
      g_string_erase (sse->buffer, 0, line_len + 1);
      sse_line (sse, line, now);
    }
}

/* Reads until one more event than already handed out is parsed, or the
 * stream ends; NULL at the end. */
static SseEvent *
sse_next (Sse *sse)
{
  while (sse->consumed >= sse->events->len && !sse->eof)
    {
      char buf[512];
      g_autoptr(GError) error = NULL;
      gssize n = g_input_stream_read (sse->stream, buf, sizeof buf, NULL, &error);

      g_assert_no_error (error);
      if (n == 0)
        {
          sse->eof = TRUE;
          /* Nothing may be left half-sent. */
          g_assert_cmpuint (sse->buffer->len, ==, 0);
          /* Hands the connection back to the session. */
          g_input_stream_close (sse->stream, NULL, &error);
          g_assert_no_error (error);
          break;
        }
      sse_feed (sse, buf, n, g_get_monotonic_time ());
    }

  if (sse->consumed < sse->events->len)
    return g_ptr_array_index (sse->events, sse->consumed++);
  return NULL;
}

static Sse *
sse_open (SrvTestServer *srv,
          const char    *key,
          const char    *body,
          const char    *idempotency_key)
{
  g_autofree char *uri = g_strconcat (srv->url, STREAM, NULL);
  g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GError) error = NULL;
  Sse *sse = g_new0 (Sse, 1);

  sse->buffer = g_string_new (NULL);
  sse->data = g_string_new (NULL);
  sse->events = g_ptr_array_new_with_free_func ((GDestroyNotify)sse_event_free);
  sse->comments = g_ptr_array_new_with_free_func (g_free);
  sse->msg = soup_message_new ("POST", uri);
  soup_message_headers_replace (soup_message_get_request_headers (sse->msg), "Authorization", auth);
  if (idempotency_key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (sse->msg), "Idempotency-Key",
                                  idempotency_key);
  soup_message_set_request_body_from_bytes (sse->msg, "application/json", bytes);
  sse->stream = soup_session_send (srv->session, sse->msg, NULL, &error);
  g_assert_no_error (error);
  return sse;
}

static void
sse_assert_ok (Sse *sse)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (sse->msg);

  g_assert_cmpuint (soup_message_get_status (sse->msg), ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "text/event-stream");
  g_assert_true (g_str_has_prefix (soup_message_headers_get_one (headers, "X-Request-Id"), "req_"));
}

static JsonObject *
event_object (SseEvent *e)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (e);
  json_parser_load_from_data (parser, e->data, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Reads a whole stream and checks the grammar: ids 1, 2, 3...; started
 * first; deltas; exactly one terminal event, last. Returns the terminal
 * event's object; *deltas gets the text the deltas add up to. */
static JsonObject *
sse_read_all (Sse        *sse,
              const char *terminal,
              char      **deltas)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonObject) started = NULL;
  SseEvent *e;
  JsonObject *last = NULL;
  guint64 expected_id = 1;

  sse_assert_ok (sse);
  while ((e = sse_next (sse)) != NULL)
    {
      g_assert_null (last);  /* nothing after the terminal event */
      g_assert_cmpuint (e->id, ==, expected_id++);
      if (e->id == 1)
        {
          g_assert_cmpstr (e->event, ==, "chat.started");
          started = event_object (e);
          assert_id (json_object_get_string_member (started, "id"), "chatcmpl_");
          assert_id (json_object_get_string_member (started, "session_id"), "sess_");
          assert_id (json_object_get_string_member (json_object_get_object_member (started, "message"),
                                                    "id"), "msg_");
          g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (started, "message"),
                                                          "role"), ==, "assistant");
          continue;
        }
      if (g_str_equal (e->event, "chat.delta"))
        {
          g_autoptr(JsonObject) d = event_object (e);
          g_assert_cmpuint (json_object_get_size (d), ==, 1);
          g_string_append (text, json_object_get_string_member (d, "content"));
          continue;
        }
      g_assert_cmpstr (e->event, ==, terminal);
      last = event_object (e);
    }
  g_assert_nonnull (started);
  g_assert_nonnull (last);

  if (g_str_equal (terminal, "chat.completed"))
    {
      g_assert_cmpstr (json_object_get_string_member (last, "id"), ==,
                       json_object_get_string_member (started, "id"));
      g_assert_cmpstr (json_object_get_string_member (last, "session_id"), ==,
                       json_object_get_string_member (started, "session_id"));
      g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (last, "message"), "id"),
                       ==,
                       json_object_get_string_member (json_object_get_object_member (started, "message"), "id"));
      g_assert_cmpstr (content_of (last), ==, text->str);
    }
  else
    {
      JsonObject *error = json_object_get_object_member (last, "error");

      g_assert_nonnull (error);
      g_assert_cmpstr (json_object_get_string_member (error, "requestId"), ==,
                       soup_message_headers_get_one (soup_message_get_response_headers (sse->msg),
                                                     "X-Request-Id"));
    }

  if (deltas != NULL)
    *deltas = g_strdup (text->str);
  return last;
}

static void
assert_completion (JsonObject *c,
                   gint64      input_tokens)
{
  JsonObject *message = json_object_get_object_member (c, "message");
  JsonObject *usage = json_object_get_object_member (c, "usage");
  JsonObject *credits = json_object_get_object_member (c, "credits");
  gint64 output_tokens = count_tokens (json_object_get_string_member (message, "content"));

  assert_id (json_object_get_string_member (c, "id"), "chatcmpl_");
  g_assert_cmpstr (json_object_get_string_member (c, "object"), ==, "chat.completion");
  assert_id (json_object_get_string_member (c, "session_id"), "sess_");
  g_assert_cmpstr (json_object_get_string_member (c, "model"), ==, "local-chat");
  g_assert_true (g_str_has_suffix (json_object_get_string_member (c, "created_at"), "Z"));
  assert_id (json_object_get_string_member (message, "id"), "msg_");
  g_assert_cmpstr (json_object_get_string_member (message, "role"), ==, "assistant");

  g_assert_cmpint (json_object_get_int_member (usage, "input_tokens"), ==, input_tokens);
  g_assert_cmpint (json_object_get_int_member (usage, "output_tokens"), ==, output_tokens);
  g_assert_cmpint (json_object_get_int_member (usage, "total_tokens"), ==, input_tokens + output_tokens);
  g_assert_cmpint (json_object_get_int_member (credits, "reserved"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (credits, "final"), ==,
                   expected_credits (2, input_tokens + output_tokens));
}

/* Sessions and history */

static void
test_new_and_continued (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "history", 100, NULL);
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autoptr(JsonObject) third = NULL;
  g_autoptr(JsonObject) session = NULL;
  const char *m1 = "Hello there, I grow tomatoes on my balcony.";
  const char *m2 = "What is 12 * (3 + 4)?";
  const char *m3 = "How many messages have I sent, and what was my first one?";
  JsonArray *messages;
  const char *sid;
  gint64 before = srv_test_credits (shared, key);
  gint64 history_tokens;

  first = chat_ok (shared, key, NULL, m1);
  assert_completion (first, count_tokens (m1));
  sid = json_object_get_string_member (first, "session_id");
  g_assert_nonnull (strstr (content_of (first), "**Local Chat**"));
  g_assert_nonnull (strstr (content_of (first), "**tomatoes**"));
  g_assert_cmpint (srv_test_credits (shared, key), ==, before - 1);

  second = chat_ok (shared, key, sid, m2);
  g_assert_cmpstr (json_object_get_string_member (second, "session_id"), ==, sid);
  history_tokens = count_tokens (m1) + count_tokens (content_of (first));
  assert_completion (second, history_tokens + count_tokens (m2));
  g_assert_nonnull (strstr (content_of (second), "`12 * (3 + 4)` = **84**"));

  third = chat_ok (shared, key, sid, m3);
  history_tokens += count_tokens (m2) + count_tokens (content_of (second));
  assert_completion (third, history_tokens + count_tokens (m3));
  /* The answer counts and quotes the earlier turns. */
  g_assert_nonnull (strstr (content_of (third),
                            "You have sent 3 messages in this conversation (this one included); "
                            "your first was “Hello there, I grow tomatoes on my balcony.”"));

  session = get_session (shared, key, sid);
  g_assert_cmpstr (json_object_get_string_member (session, "id"), ==, sid);
  g_assert_cmpstr (json_object_get_string_member (session, "object"), ==, "chat.session");
  g_assert_cmpstr (json_object_get_string_member (session, "model"), ==, "local-chat");
  g_assert_cmpstr (json_object_get_string_member (session, "title"), ==, m1);
  g_assert_cmpint (json_object_get_int_member (session, "message_count"), ==, 6);
  messages = json_object_get_array_member (session, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      JsonObject *m = json_array_get_object_element (messages, i);
      JsonObject *turn = i < 2 ? first : (i < 4 ? second : third);
      const char *user[] = { m1, m2, m3 };

      assert_id (json_object_get_string_member (m, "id"), "msg_");
      g_assert_cmpstr (json_object_get_string_member (m, "role"), ==, i % 2 == 0 ? "user" : "assistant");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "attachments")), ==, 0);
      if (i % 2 == 0)
        g_assert_cmpstr (json_object_get_string_member (m, "content"), ==, user[i / 2]);
      else
        {
          g_assert_cmpstr (json_object_get_string_member (m, "content"), ==, content_of (turn));
          g_assert_cmpstr (json_object_get_string_member (m, "id"), ==,
                           json_object_get_string_member (json_object_get_object_member (turn, "message"), "id"));
        }
    }

  g_assert_cmpint (srv_test_credits (shared, key), ==, before - 3);
  assert_ledger_balanced (shared);
}

static void
test_title_and_determinism (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "titles", 100, NULL);
  g_autoptr(GString) long_message = g_string_new (NULL);
  g_autoptr(JsonObject) a = NULL;
  g_autoptr(JsonObject) b = NULL;
  g_autoptr(JsonObject) session = NULL;

  for (guint i = 0; i < 20; i++)
    g_string_append_printf (long_message, "Ünïcode wörd %u ", i);
  a = chat_ok (shared, key, NULL, long_message->str);
  b = chat_ok (shared, key, NULL, long_message->str);
  g_assert_cmpstr (json_object_get_string_member (a, "session_id"), !=,
                   json_object_get_string_member (b, "session_id"));
  /* No language model: the same conversation, the same answer. */
  g_assert_cmpstr (content_of (a), ==, content_of (b));

  session = get_session (shared, key, json_object_get_string_member (a, "session_id"));
  {
    g_autofree char *title = g_utf8_substring (long_message->str, 0, 60);
    g_assert_cmpstr (json_object_get_string_member (session, "title"), ==, title);
  }
}

static void
test_other_account (void)
{
  g_autofree char *alice = srv_test_new_account_key (shared, "alice", 100, NULL);
  g_autofree char *bob = srv_test_new_account_key (shared, "bob", 100, NULL);
  const char *secret = "My secret plan is about purple elephants.";
  g_autoptr(JsonObject) turn = chat_ok (shared, alice, NULL, secret);
  const char *sid = json_object_get_string_member (turn, "session_id");
  g_autofree char *path = g_strconcat (SESSIONS "/", sid, NULL);
  g_autofree char *body = body_for (sid, "What was my first message?", NULL);
  g_autoptr(SrvTestResponse) get = srv_test_call (shared, "GET", path, bob, NULL, NULL);
  g_autoptr(SrvTestResponse) missing = srv_test_call (shared, "GET", SESSIONS "/sess_000000000000000000000000",
                                                      bob, NULL, NULL);
  g_autoptr(SrvTestResponse) cont = chat (shared, bob, body);
  g_autoptr(SrvTestResponse) list = srv_test_call (shared, "GET", SESSIONS, bob, NULL, NULL);
  g_autoptr(JsonObject) session = NULL;
  gint64 bob_credits = srv_test_credits (shared, bob);

  /* The same answer as for a session that does not exist, and never
   * its content. */
  srv_assert_error (get, 404, "not_found");
  srv_assert_error (missing, 404, "not_found");
  g_assert_null (strstr (g_bytes_get_data (get->body, NULL), "elephants"));
  srv_assert_error (cont, 404, "not_found");
  g_assert_null (strstr (g_bytes_get_data (cont->body, NULL), "elephants"));
  g_assert_cmpint (srv_test_credits (shared, bob), ==, bob_credits);
  srv_assert_status (list, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (srv_test_response_object (list),
                                                                         "data")), ==, 0);

  /* Alice's session is untouched. */
  session = get_session (shared, alice, sid);
  g_assert_cmpint (json_object_get_int_member (session, "message_count"), ==, 2);
}

static void
test_session_paging (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "pager", 100, NULL);
  g_autofree char *other = srv_test_new_account_key (shared, "pager2", 100, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) other_turn = chat_ok (shared, other, NULL, "Not yours");

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *message = g_strdup_printf ("Session number %u", i);
      g_autoptr(JsonObject) turn = chat_ok (shared, key, NULL, message);
      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (turn, "session_id")));
    }

  /* Newest first, two by two. */
  for (guint page = 0; page < 3; page++)
    {
      g_autofree char *path = after ? g_strdup_printf (SESSIONS "?limit=2&after=%s", after)
                                    : g_strdup (SESSIONS "?limit=2");
      g_autoptr(SrvTestResponse) resp = srv_test_call (shared, "GET", path, key, NULL, NULL);
      JsonObject *list;
      JsonArray *data;
      guint expected = page < 2 ? 2 : 1;

      srv_assert_status (resp, 200);
      list = srv_test_response_object (resp);
      g_assert_cmpstr (json_object_get_string_member (list, "object"), ==, "list");
      data = json_object_get_array_member (list, "data");
      g_assert_cmpuint (json_array_get_length (data), ==, expected);
      for (guint i = 0; i < expected; i++)
        {
          JsonObject *s = json_array_get_object_element (data, i);
          g_autofree char *title = g_strdup_printf ("Session number %u", 4 - (page * 2 + i));

          g_assert_cmpstr (json_object_get_string_member (s, "id"), ==,
                           g_ptr_array_index (ids, 4 - (page * 2 + i)));
          g_assert_cmpstr (json_object_get_string_member (s, "object"), ==, "chat.session");
          g_assert_cmpstr (json_object_get_string_member (s, "title"), ==, title);
          g_assert_cmpint (json_object_get_int_member (s, "message_count"), ==, 2);
          g_assert_false (json_object_has_member (s, "messages"));
        }
      g_assert_true (json_object_get_boolean_member (list, "has_more") == (page < 2));
      g_clear_pointer (&after, g_free);
      if (page < 2)
        {
          after = g_strdup (json_object_get_string_member (list, "next_after"));
          g_assert_cmpstr (after, ==, g_ptr_array_index (ids, 4 - (page * 2 + 1)));
        }
      else
        g_assert_true (json_object_get_null_member (list, "next_after"));
    }

  /* The default page holds them all. */
  {
    g_autoptr(SrvTestResponse) resp = srv_test_call (shared, "GET", SESSIONS, key, NULL, NULL);
    JsonObject *list = srv_test_response_object (resp);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "data")), ==, 5);
    g_assert_false (json_object_get_boolean_member (list, "has_more"));
    g_assert_true (json_object_get_null_member (list, "next_after"));
  }

  /* Bad paging parameters name themselves. */
  {
    struct { const char *query; const char *param; } bad[] = {
      { "?limit=0", "limit" }, { "?limit=101", "limit" }, { "?limit=abc", "limit" },
      { "?limit=-1", "limit" }, { "?limit=", "limit" }, { "?after=nope", "after" },
      { "?after=sess_000000000000000000000000", "after" },
    };
    g_autofree char *foreign = g_strdup_printf ("?after=%s",
                                                json_object_get_string_member (other_turn, "session_id"));

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *path = g_strconcat (SESSIONS, bad[i].query, NULL);
        g_autoptr(SrvTestResponse) resp = srv_test_call (shared, "GET", path, key, NULL, NULL);

        srv_assert_error (resp, 400, "validation_failed");
        g_assert_cmpstr (srv_test_error_param (resp), ==, bad[i].param);
      }
    {
      g_autofree char *path = g_strconcat (SESSIONS, foreign, NULL);
      g_autoptr(SrvTestResponse) resp = srv_test_call (shared, "GET", path, key, NULL, NULL);

      srv_assert_error (resp, 400, "validation_failed");
      g_assert_cmpstr (srv_test_error_param (resp), ==, "after");
    }
  }
}

/* Attachments */

static GBytes *
make_jpeg (int width,
           int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  char *data = NULL;
  gsize len = 0;

  /* Left half green, right half white. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * stride + x * 3;

        p[0] = x < width / 2 ? 0x20 : 0xFF;
        p[1] = x < width / 2 ? 0xA0 : 0xFF;
        p[2] = x < width / 2 ? 0x30 : 0xFF;
      }
  gdk_pixbuf_save_to_buffer (pixbuf, &data, &len, "jpeg", &error, "quality", "95", NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static GBytes *
make_wav (void)
{
  guint32 n_samples = 8000;
  guint32 data_len = n_samples * 2;
  GByteArray *out = g_byte_array_new ();
  guint32 u32;
  guint16 u16;

#define PUT32(v) (u32 = GUINT32_TO_LE (v), g_byte_array_append (out, (guint8 *)&u32, 4))
#define PUT16(v) (u16 = GUINT16_TO_LE (v), g_byte_array_append (out, (guint8 *)&u16, 2))
  g_byte_array_append (out, (guint8 *)"RIFF", 4);
  PUT32 (36 + data_len);
  g_byte_array_append (out, (guint8 *)"WAVEfmt ", 8);
  PUT32 (16);
  PUT16 (1);
  PUT16 (1);
  PUT32 (8000);
  PUT32 (16000);
  PUT16 (2);
  PUT16 (16);
  g_byte_array_append (out, (guint8 *)"data", 4);
  PUT32 (data_len);
  for (guint32 i = 0; i < n_samples; i++)
    PUT16 ((guint16)((i % 40) < 20 ? 6000 : -6000));
#undef PUT32
#undef PUT16
  return g_byte_array_free_to_bytes (out);
}

static char *
upload (SrvTestServer *srv,
        const char    *key,
        const char    *kind,
        const char    *name,
        GBytes        *bytes)
{
  g_autoptr(SrvTestResponse) resp = srv_test_upload (srv, key, kind, NULL, name, bytes);

  srv_assert_status (resp, 201);
  return g_strdup (json_object_get_string_member (srv_test_response_object (resp), "id"));
}

static void
test_attachments (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "pictures", 100, NULL);
  g_autofree char *stranger = srv_test_new_account_key (shared, "stranger", 100, NULL);
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autoptr(GBytes) jpeg = make_jpeg (40, 30);
  g_autoptr(GBytes) wav = make_wav ();
  g_autofree char *png_id = upload (shared, key, "image", "flag.png", png);
  g_autofree char *jpeg_id = upload (shared, key, "image", "field.jpg", jpeg);
  g_autofree char *wav_id = upload (shared, key, "audio", "tone.wav", wav);
  g_autofree char *foreign_id = upload (shared, stranger, "image", "theirs.png", png);
  g_autofree char *extra = g_strdup_printf ("\"attachments\":[{\"file_id\":\"%s\"},{\"file_id\":\"%s\"}]",
                                            png_id, jpeg_id);
  g_autofree char *body = body_for (NULL, "What do you see in these pictures?", extra);
  g_autoptr(SrvTestResponse) resp = chat (shared, key, body);
  g_autoptr(JsonObject) session = NULL;
  JsonObject *c;
  JsonArray *attached;
  const char *content;
  gint64 before;

  srv_assert_status (resp, 200);
  c = srv_test_response_object (resp);
  content = content_of (c);
  /* Sizes and colours, really computed from the pixels. */
  g_assert_nonnull (strstr (content, "**flag.png** is a 64 × 48 pixel PNG image (landscape, 4:3)."));
  g_assert_nonnull (strstr (content, "Its dominant colours are **orange** (75%"));
  g_assert_nonnull (strstr (content, "and **blue** (25%"));
  g_assert_nonnull (strstr (content, "**field.jpg** is a 40 × 30 pixel JPEG image (landscape, 4:3)."));
  g_assert_nonnull (strstr (content, "**green** ("));
  g_assert_nonnull (strstr (content, "**white** ("));

  session = get_session (shared, key, json_object_get_string_member (c, "session_id"));
  attached = json_object_get_array_member (json_array_get_object_element (
                                             json_object_get_array_member (session, "messages"), 0),
                                           "attachments");
  g_assert_cmpuint (json_array_get_length (attached), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attached, 0), "file_id"),
                   ==, png_id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (attached, 1), "file_id"),
                   ==, jpeg_id);
  g_assert_cmpuint (json_object_get_size (json_array_get_object_element (attached, 0)), ==, 1);

  /* Not an own image: nothing is created or charged. */
  before = srv_test_credits (shared, key);
  {
    g_autofree char *foreign = g_strdup_printf ("\"attachments\":[{\"file_id\":\"%s\"}]", foreign_id);
    g_autofree char *audio = g_strdup_printf ("\"attachments\":[{\"file_id\":\"%s\"}]", wav_id);
    g_autofree char *with_url = g_strdup_printf ("\"attachments\":[{\"file_id\":\"%s\",\"url\":\"x\"}]", png_id);
    const char *extras[] = {
      foreign, audio, with_url,
      "\"attachments\":[\"https://example.com/cat.png\"]",
      "\"attachments\":[{\"url\":\"https://example.com/cat.png\"}]",
      "\"attachments\":[{\"file_id\":\"file_000000000000000000000000\"}]",
      "\"attachments\":[{\"file_id\":\"../etc/passwd\"}]",
      "\"attachments\":[{\"file_id\":42}]",
    };

    for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
      {
        g_autofree char *bad = body_for (NULL, "Look", extras[i]);
        g_autoptr(SrvTestResponse) r = chat (shared, key, bad);

        srv_assert_error (r, 400, "chat_attachment_not_supported");
        g_assert_cmpstr (srv_test_error_param (r), ==, "attachments[0]");
      }
  }
  {
    g_autofree char *bad = body_for (NULL, "Look", "\"attachments\":\"https://example.com/cat.png\"");
    g_autoptr(SrvTestResponse) r = chat (shared, key, bad);

    srv_assert_error (r, 400, "validation_failed");
    g_assert_cmpstr (srv_test_error_param (r), ==, "attachments");
  }
  g_assert_cmpint (srv_test_credits (shared, key), ==, before);
}

/* Streaming */

static void
test_stream_grammar (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "streamer", 100, NULL);
  g_autofree char *body = body_for (NULL, "Hello! Tell me something about lighthouses and sailing.", NULL);
  g_autoptr(Sse) sse = sse_open (shared, key, body, NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) done = sse_read_all (sse, "chat.completed", &text);
  g_autoptr(JsonObject) session = NULL;
  g_autofree char *again = NULL;
  g_autoptr(Sse) second = NULL;
  g_autoptr(JsonObject) done2 = NULL;
  JsonArray *messages;

  assert_completion (done, count_tokens ("Hello! Tell me something about lighthouses and sailing."));
  g_assert_cmpuint (sse->events->len, >, 20);
  /* Deltas are words with their spacing. */
  for (guint i = 1; i + 1 < sse->events->len; i++)
    {
      SseEvent *e = g_ptr_array_index (sse->events, i);
      g_autoptr(JsonObject) d = event_object (e);
      const char *piece = json_object_get_string_member (d, "content");
      g_autofree char *word = g_strstrip (g_strdup (piece));

      g_assert_cmpuint (strlen (word), >, 0);
      g_assert_null (strpbrk (word, " \n"));
    }

  /* The same turn is in the session, and it continues with history. */
  session = get_session (shared, key, json_object_get_string_member (done, "session_id"));
  messages = json_object_get_array_member (session, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 1), "content"),
                   ==, text);

  again = body_for (json_object_get_string_member (done, "session_id"), "Recap what I said so far, please.",
                    NULL);
  second = sse_open (shared, key, again, NULL);
  done2 = sse_read_all (second, "chat.completed", NULL);
  g_assert_nonnull (strstr (content_of (done2), "You have sent 2 messages in this conversation"));

  /* Errors before the stream starts are plain JSON errors. */
  {
    g_autofree char *bad = g_strdup ("{\"model\":\"local-image\",\"message\":\"hi\"}");
    g_autoptr(SrvTestResponse) r = srv_test_call (shared, "POST", STREAM, key, bad, NULL);

    srv_assert_error (r, 400, "chat_model_not_supported");
    g_assert_cmpstr (soup_message_headers_get_content_type (r->headers, NULL), ==, "application/json");
  }
  assert_ledger_balanced (shared);
}

static void
test_stream_pacing_and_pings (void)
{
  const char *args[] = { "--chat-word-delay", "100", "--chat-ping-interval", "25", NULL };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autofree char *body = body_for (NULL, "What is 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10?", NULL);
  g_autoptr(Sse) sse = sse_open (srv, srv->key, body, NULL);
  g_autoptr(JsonObject) done = sse_read_all (sse, "chat.completed", NULL);
  SseEvent *first_delta = g_ptr_array_index (sse->events, 1);
  SseEvent *last_delta = g_ptr_array_index (sse->events, sse->events->len - 2);
  guint n_deltas = sse->events->len - 2;
  gint64 spread = last_delta->arrived - first_delta->arrived;
  guint spaced = 0;

  g_assert_cmpuint (n_deltas, >=, 10);
  /* Flushed one by one: the first word arrived long before the last
   * was produced (with buffering they would arrive together). */
  g_test_message ("%u deltas over %" G_GINT64_FORMAT " ms", n_deltas, spread / 1000);
  g_assert_cmpint (spread, >=, (gint64)(n_deltas - 1) * 100 * 1000 * 8 / 10);
  /* And one by one, not in bursts (a busy machine may merge a few). */
  for (guint i = 2; i < sse->events->len - 1; i++)
    {
      SseEvent *a = g_ptr_array_index (sse->events, i - 1);
      SseEvent *b = g_ptr_array_index (sse->events, i);

      if (b->arrived - a->arrived >= 50 * 1000)
        spaced++;
    }
  g_assert_cmpuint (spaced, >=, (n_deltas - 1) / 2);

  /* 100 ms between words and a ping after every 25 ms of silence. */
  g_assert_cmpuint (sse->comments->len, >=, n_deltas);
  for (guint i = 0; i < sse->comments->len; i++)
    g_assert_cmpstr (g_ptr_array_index (sse->comments, i), ==, " ping");
  g_assert_cmpstr (content_of (done), ==, "`1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10` = **55**");
}

static void
test_stream_hang_up (void)
{
  const char *args[] = { "--chat-word-delay", "40", NULL };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  const char *message = "Tell me everything about glaciers, volcanoes and deserts, please.";
  g_autofree char *body = body_for (NULL, message, NULL);
  g_autoptr(JsonObject) full = chat_ok (srv, srv->key, NULL, message);
  g_autoptr(GString) received = g_string_new (NULL);
  g_autoptr(JsonObject) started = NULL;
  g_autoptr(JsonObject) session = NULL;
  g_autofree char *sid = NULL;
  const char *partial = NULL;
  gint64 before = srv_test_credits (srv, srv->key);
  gint64 deadline;
  Sse *sse = sse_open (srv, srv->key, body, NULL);

  sse_assert_ok (sse);
  started = event_object (sse_next (sse));
  sid = g_strdup (json_object_get_string_member (started, "session_id"));
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(JsonObject) d = event_object (sse_next (sse));
      g_string_append (received, json_object_get_string_member (d, "content"));
    }
  /* Hang up mid-answer. */
  g_input_stream_close (sse->stream, NULL, NULL);
  sse_free (sse);

  /* The turn is kept with what was produced, once the server noticed. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (TRUE)
    {
      g_clear_pointer (&session, json_object_unref);
      session = get_session (srv, srv->key, sid);
      if (json_object_get_int_member (session, "message_count") == 2)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }
  partial = json_object_get_string_member (json_array_get_object_element (
                                             json_object_get_array_member (session, "messages"), 1),
                                           "content");
  g_test_message ("kept %zu of %zu bytes", strlen (partial), strlen (content_of (full)));
  g_assert_true (g_str_has_prefix (partial, received->str));
  g_assert_true (g_str_has_prefix (content_of (full), partial));
  g_assert_cmpuint (strlen (partial), <, strlen (content_of (full)));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                                                    json_object_get_array_member (session, "messages"), 1),
                                                  "id"), ==,
                   json_object_get_string_member (json_object_get_object_member (started, "message"), "id"));

  /* Billed for that: the reservation settled by the formula, the rest
   * refunded, and the ledger still equal to the balance. */
  g_assert_cmpint (srv_test_credits (srv, srv->key), ==,
                   before - expected_credits (2, count_tokens (message) + count_tokens (partial)));
  assert_ledger_balanced (srv);

  /* The session goes on from the partial turn. */
  {
    g_autoptr(JsonObject) next = chat_ok (srv, srv->key, sid, "How many messages have I sent?");
    g_assert_nonnull (strstr (content_of (next), "You have sent 2 messages"));
  }
}

/* A turn the server itself cut short, stopping (SIGTERM) or killed, is
 * refunded: at once, or when it starts again. */
static void
test_stream_server_stops (void)
{
  const char *args[] = { "--chat-word-delay", "100", NULL };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autofree char *body = body_for (NULL, "Tell me about rivers, mountains and the sea.", NULL);

  for (guint kill = 0; kill < 2; kill++)
    {
      gint64 before = srv_test_credits (srv, srv->key);
      g_autoptr(JsonObject) started = NULL;
      g_autoptr(JsonObject) session = NULL;
      g_autoptr(Sse) sse = sse_open (srv, srv->key, body, NULL);
      JsonArray *messages;

      sse_assert_ok (sse);
      started = event_object (sse_next (sse));
      for (guint i = 0; i < 3; i++)
        g_assert_nonnull (sse_next (sse));
      /* The reservation is taken while the turn runs. */
      g_assert_cmpint (srv_test_credits (srv, srv->key), ==, before - 2);

      if (kill)
        srv_test_server_kill (srv);
      else
        srv_test_server_stop (srv);
      g_clear_pointer (&sse, sse_free);
      srv_test_server_restart (srv);

      session = get_session (srv, srv->key, json_object_get_string_member (started, "session_id"));
      messages = json_object_get_array_member (session, "messages");
      g_assert_cmpuint (json_array_get_length (messages), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 0), "role"),
                       ==, "user");
      g_assert_cmpint (srv_test_credits (srv, srv->key), ==, before);
      assert_ledger_balanced (srv);
    }
}

/* Credits */

static void
test_credits_formula (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "ledger", 10, NULL);
  g_autofree char *poor = srv_test_new_account_key (shared, "poor", 1, NULL);
  g_autoptr(GString) essay = g_string_new (NULL);
  g_autoptr(JsonObject) small = NULL;
  g_autoptr(JsonObject) big = NULL;
  gint64 before, total;

  /* A short turn: max(1, ceil(total / 500)) = 1 of the 2 reserved. */
  before = srv_test_credits (shared, key);
  small = chat_ok (shared, key, NULL, "Short and sweet.");
  total = json_object_get_int_member (json_object_get_object_member (small, "usage"), "total_tokens");
  g_assert_cmpint (total, <=, 500);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (small, "credits"), "final"), ==, 1);
  g_assert_cmpint (srv_test_credits (shared, key), ==, before - 1);

  /* A long one: ceil(total / 500) >= 2, capped by the reservation. */
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (essay, "river%u ", i % 37);
  before = srv_test_credits (shared, key);
  big = chat_ok (shared, key, NULL, essay->str);
  assert_completion (big, count_tokens (essay->str));
  total = json_object_get_int_member (json_object_get_object_member (big, "usage"), "total_tokens");
  g_assert_cmpint (total, >, 500);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (big, "credits"), "final"), ==, 2);
  g_assert_cmpint (srv_test_credits (shared, key), ==, before - 2);

  /* Too few credits for the reservation: 402, nothing created. */
  {
    g_autofree char *body = body_for (NULL, "Hello", NULL);
    g_autoptr(SrvTestResponse) r = chat (shared, poor, body);
    g_autoptr(SrvTestResponse) s = NULL;
    g_autoptr(Sse) stream = NULL;

    srv_assert_error (r, 402, "insufficient_credits");
    g_clear_pointer (&r, srv_test_response_free);
    r = srv_test_call (shared, "POST", STREAM, poor, body, NULL);
    srv_assert_error (r, 402, "insufficient_credits");
    s = srv_test_call (shared, "GET", SESSIONS, poor, NULL, NULL);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (srv_test_response_object (s),
                                                                           "data")), ==, 0);
    g_assert_cmpint (srv_test_credits (shared, poor), ==, 1);
  }
  assert_ledger_balanced (shared);
}

/* Errors */

static void
test_errors (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "errors", 100, NULL);
  g_autofree char *reader = srv_test_new_account_key (shared, "reader", 100, "chat:read");
  g_autofree char *writer = srv_test_new_account_key (shared, "writer", 100, "chat:create");
  g_autoptr(JsonObject) turn = chat_ok (shared, key, NULL, "A session to misuse");
  const char *sid = json_object_get_string_member (turn, "session_id");
  g_autofree char *too_long = g_strnfill (20001, 'a');
  g_autofree char *long_body = body_for (NULL, too_long, NULL);
  g_autofree char *wrong_model = g_strdup_printf ("{\"model\":\"local-image\",\"session_id\":\"%s\","
                                                  "\"message\":\"hi\"}", sid);
  g_autofree char *crid = g_strnfill (129, 'x');
  g_autofree char *crid_body = g_strdup_printf ("{\"model\":\"local-chat\",\"message\":\"hi\","
                                                "\"client_request_id\":\"%s\"}", crid);
  struct {
    const char *body;
    guint       status;
    const char *code;
    const char *param;
  } cases[] = {
    { "{\"model\":\"local-image\",\"message\":\"hi\"}", 400, "chat_model_not_supported", "model" },
    { "{\"model\":\"no-such-model\",\"message\":\"hi\"}", 400, "chat_model_not_supported", "model" },
    { wrong_model, 409, "chat_session_conflict", "model" },
    { "{\"model\":\"local-chat\",\"session_id\":\"sess_000000000000000000000000\",\"message\":\"hi\"}",
      404, "not_found", "session_id" },
    { "{\"model\":\"local-chat\",\"session_id\":\"nope\",\"message\":\"hi\"}", 404, "not_found", "session_id" },
    { "{\"model\":\"local-chat\"}", 400, "validation_failed", "message" },
    { "{\"message\":\"hi\"}", 400, "validation_failed", "model" },
    { "{\"model\":\"local-chat\",\"message\":\"  \\n \"}", 400, "validation_failed", "message" },
    { "{\"model\":\"local-chat\",\"message\":42}", 400, "validation_failed", "message" },
    { "{\"model\":7,\"message\":\"hi\"}", 400, "validation_failed", "model" },
    { long_body, 400, "validation_failed", "message" },
    { "{\"model\":\"local-chat\",\"message\":\"hi\",\"messages\":[]}", 400, "validation_failed", "messages" },
    { "{\"model\":\"local-chat\",\"message\":\"hi\",\"enable_web_search\":true}", 400, "validation_failed",
      "enable_web_search" },
    { "{\"model\":\"local-chat\",\"message\":\"hi\",\"enable_web_search\":\"no\"}", 400, "validation_failed",
      "enable_web_search" },
    { "{\"model\":\"local-chat\",\"message\":\"hi\",\"reasoning_effort\":\"high\"}", 400, "validation_failed",
      "reasoning_effort" },
    { crid_body, 400, "validation_failed", "client_request_id" },
    { "[1, 2]", 400, "validation_failed", "body" },
  };
  gint64 before = srv_test_credits (shared, key);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      for (guint route = 0; route < 2; route++)
        {
          g_autoptr(SrvTestResponse) r = srv_test_call (shared, "POST", route ? STREAM : COMPLETIONS, key,
                                                        cases[i].body, NULL);

          srv_assert_error (r, cases[i].status, cases[i].code);
          g_assert_cmpstr (srv_test_error_param (r), ==, cases[i].param);
        }
    }

  /* Options the model has are accepted. */
  {
    g_autoptr(SrvTestResponse) r = chat (shared, key, "{\"model\":\"local-chat\",\"message\":\"hi\","
                                                     "\"enable_web_search\":false,\"reasoning_effort\":\"default\","
                                                     "\"client_request_id\":\"trace-1\",\"attachments\":[]}");
    srv_assert_status (r, 200);
  }
  g_assert_cmpint (srv_test_credits (shared, key), ==, before - 1);

  /* Scopes: chat:create for the completions, chat:read for sessions. */
  {
    g_autofree char *body = body_for (NULL, "hi", NULL);
    g_autoptr(SrvTestResponse) a = chat (shared, reader, body);
    g_autoptr(SrvTestResponse) b = srv_test_call (shared, "POST", STREAM, reader, body, NULL);
    g_autoptr(SrvTestResponse) c = srv_test_call (shared, "GET", SESSIONS, writer, NULL, NULL);
    g_autofree char *path = g_strconcat (SESSIONS "/", sid, NULL);
    g_autoptr(SrvTestResponse) d = srv_test_call (shared, "GET", path, writer, NULL, NULL);
    g_autoptr(SrvTestResponse) e = srv_test_call (shared, "GET", SESSIONS, reader, NULL, NULL);
    g_autoptr(SrvTestResponse) f = chat (shared, writer, body);

    srv_assert_error (a, 403, "api_scope_denied");
    srv_assert_error (b, 403, "api_scope_denied");
    srv_assert_error (c, 403, "api_scope_denied");
    srv_assert_error (d, 403, "api_scope_denied");
    srv_assert_status (e, 200);
    srv_assert_status (f, 200);
  }

  /* Methods and the body's type. */
  {
    g_autoptr(SrvTestResponse) a = srv_test_call (shared, "GET", COMPLETIONS, key, NULL, NULL);
    g_autoptr(SrvTestResponse) b = srv_test_call (shared, "POST", SESSIONS, key, "{}", NULL);
    g_autoptr(SrvTestResponse) c = NULL;
    g_autofree char *uri = g_strconcat (shared->url, COMPLETIONS, NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
    g_autofree char *auth = g_strconcat ("Bearer ", key, NULL);
    g_autoptr(GBytes) text = g_bytes_new_static ("hello", 5);

    srv_assert_error (a, 405, "method_not_allowed");
    srv_assert_error (b, 405, "method_not_allowed");
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    soup_message_set_request_body_from_bytes (msg, "text/plain", text);
    c = srv_test_send (shared, msg);
    srv_assert_error (c, 415, "unsupported_media_type");
  }
}

static void
test_idempotency (void)
{
  g_autofree char *key = srv_test_new_account_key (shared, "retries", 100, NULL);
  g_autofree char *body = body_for (NULL, "Remember this only once.", NULL);
  g_autoptr(SrvTestResponse) first = srv_test_call (shared, "POST", COMPLETIONS, key, body,
                                                    "Idempotency-Key", "chat-key-1", NULL);
  g_autoptr(SrvTestResponse) replay = srv_test_call (shared, "POST", COMPLETIONS, key, body,
                                                     "Idempotency-Key", "chat-key-1", NULL);
  g_autoptr(SrvTestResponse) list = NULL;
  gint64 after_first;

  /* A whole completion replays, creating nothing. */
  srv_assert_status (first, 200);
  srv_assert_status (replay, 200);
  g_assert_cmpstr (soup_message_headers_get_one (replay->headers, "Idempotent-Replayed"), ==, "true");
  g_assert_true (g_bytes_equal (first->body, replay->body));
  list = srv_test_call (shared, "GET", SESSIONS, key, NULL, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (srv_test_response_object (list),
                                                                         "data")), ==, 1);
  after_first = srv_test_credits (shared, key);

  /* A stream is never replayed: its key, reused, is a conflict, with
   * the same body or another. */
  {
    g_autoptr(Sse) sse = sse_open (shared, key, body, "stream-key-1");
    g_autoptr(JsonObject) done = sse_read_all (sse, "chat.completed", NULL);
    g_autofree char *other = body_for (NULL, "Something else", NULL);
    g_autoptr(SrvTestResponse) same = srv_test_call (shared, "POST", STREAM, key, body,
                                                     "Idempotency-Key", "stream-key-1", NULL);
    g_autoptr(SrvTestResponse) different = srv_test_call (shared, "POST", STREAM, key, other,
                                                          "Idempotency-Key", "stream-key-1", NULL);
    g_autoptr(SrvTestResponse) whole = srv_test_call (shared, "POST", COMPLETIONS, key, body,
                                                      "Idempotency-Key", "stream-key-1", NULL);

    srv_assert_error (same, 409, "idempotency_conflict");
    srv_assert_error (different, 409, "idempotency_conflict");
    srv_assert_error (whole, 409, "idempotency_conflict");
    g_assert_cmpstr (srv_test_error_param (same), ==, "Idempotency-Key");
    /* One stream, one charge. */
    g_assert_cmpint (srv_test_credits (shared, key), ==,
                     after_first - json_object_get_int_member (json_object_get_object_member (done, "credits"),
                                                               "final"));
  }
}

/* The OpenAI-compatible upstream, stubbed in a thread of this process */

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  char         *url;
  GMutex        lock;
  GCond         ready;
  GPtrArray    *requests;   /* JsonNode, what the server sent */
} Stub;

static const char * const stub_pieces[] = { "Hi", " there", "! You sent me ", NULL };

static void
stub_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Stub *stub = user_data;
  SoupMessageBody *request = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (request);
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  JsonArray *messages;
  const char *last;
  guint n;

  g_assert_cmpstr (path, ==, "/v1/chat/completions");
  g_assert_nonnull (root);
  messages = json_object_get_array_member (json_node_get_object (root), "messages");
  n = json_array_get_length (messages);
  last = json_object_get_string_member (json_array_get_object_element (messages, n - 1), "content");

  g_mutex_lock (&stub->lock);
  g_ptr_array_add (stub->requests, json_node_ref (root));
  g_mutex_unlock (&stub->lock);

  if (strstr (last, "FAIL-HTTP") != NULL)
    {
      soup_server_message_set_status (msg, 503, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_COPY, "model is loading", 16);
      return;
    }

  for (guint i = 0; stub_pieces[i] != NULL; i++)
    {
      g_autofree char *piece = g_strescape (stub_pieces[i], NULL);
      g_string_append_printf (out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},"
                                   "\"finish_reason\":null}]}\n\n", piece);
      if (strstr (last, "FAIL-MIDWAY") != NULL)
        break;
    }
  if (strstr (last, "FAIL-MIDWAY") == NULL)
    {
      g_string_append_printf (out, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%u messages.\"},"
                                   "\"finish_reason\":null}]}\n\n", n);
      g_string_append (out, ": a comment the server ignores\n\n");
      g_string_append (out, "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
      g_string_append (out, "data: [DONE]\n\n");
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/event-stream", SOUP_MEMORY_COPY, out->str, out->len);
}

static gpointer
stub_thread (gpointer user_data)
{
  Stub *stub = user_data;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (stub->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/v1", stub_handler, stub, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);

  g_mutex_lock (&stub->lock);
  stub->url = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_cond_signal (&stub->ready);
  g_mutex_unlock (&stub->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (stub->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (stub->context);
  return NULL;
}

static Stub *
stub_start (void)
{
  Stub *stub = g_new0 (Stub, 1);

  g_mutex_init (&stub->lock);
  g_cond_init (&stub->ready);
  stub->requests = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  stub->context = g_main_context_new ();
  stub->loop = g_main_loop_new (stub->context, FALSE);
  stub->thread = g_thread_new ("upstream-stub", stub_thread, stub);
  g_mutex_lock (&stub->lock);
  while (stub->url == NULL)
    g_cond_wait (&stub->ready, &stub->lock);
  g_mutex_unlock (&stub->lock);
  return stub;
}

static gboolean
stub_quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
stub_stop (Stub *stub)
{
  g_main_context_invoke (stub->context, stub_quit_cb, stub->loop);
  g_thread_join (stub->thread);
  g_main_loop_unref (stub->loop);
  g_main_context_unref (stub->context);
  g_ptr_array_unref (stub->requests);
  g_mutex_clear (&stub->lock);
  g_cond_clear (&stub->ready);
  g_free (stub->url);
  g_free (stub);
}

static JsonArray *
stub_request_messages (Stub  *stub,
                       guint  index)
{
  JsonArray *messages;

  g_mutex_lock (&stub->lock);
  g_assert_cmpuint (stub->requests->len, >, index);
  messages = json_object_get_array_member (json_node_get_object (g_ptr_array_index (stub->requests, index)),
                                           "messages");
  g_mutex_unlock (&stub->lock);
  return messages;
}

static void
assert_message (JsonArray  *messages,
                guint       i,
                const char *role,
                const char *content)
{
  JsonObject *m = json_array_get_object_element (messages, i);

  g_assert_cmpstr (json_object_get_string_member (m, "role"), ==, role);
  if (content != NULL)
    g_assert_cmpstr (json_object_get_string_member (m, "content"), ==, content);
}

static gint64
sent_tokens (JsonArray *messages)
{
  gint64 n = 0;

  for (guint i = 0; i < json_array_get_length (messages); i++)
    n += count_tokens (json_object_get_string_member (json_array_get_object_element (messages, i), "content"));
  return n;
}

static void
test_upstream (void)
{
  Stub *stub = stub_start ();
  const char *args[] = { "--chat-upstream", stub->url, "--chat-upstream-model", "stub-model", NULL };
  g_autoptr(SrvTestServer) srv = srv_test_server_start (args);
  g_autoptr(JsonObject) first = chat_ok (srv, srv->key, NULL, "Hello upstream");
  const char *sid = json_object_get_string_member (first, "session_id");
  g_autoptr(GBytes) png = srv_test_make_png (64, 48);
  g_autofree char *png_id = upload (srv, srv->key, "image", "flag.png", png);
  g_autofree char *extra = g_strdup_printf ("\"attachments\":[{\"file_id\":\"%s\"}]", png_id);
  g_autofree char *body = body_for (sid, "And now?", extra);
  g_autoptr(Sse) sse = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autofree char *deltas = NULL;
  JsonArray *sent;
  JsonObject *request;

  /* The first turn: the system prompt and the message. */
  g_assert_cmpstr (content_of (first), ==, "Hi there! You sent me 2 messages.");
  sent = stub_request_messages (stub, 0);
  g_assert_cmpuint (json_array_get_length (sent), ==, 2);
  assert_message (sent, 0, "system", NULL);
  assert_message (sent, 1, "user", "Hello upstream");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first, "usage"), "input_tokens"),
                   ==, sent_tokens (sent));
  g_mutex_lock (&stub->lock);
  request = json_node_get_object (g_ptr_array_index (stub->requests, 0));
  g_assert_cmpstr (json_object_get_string_member (request, "model"), ==, "stub-model");
  g_assert_true (json_object_get_boolean_member (request, "stream"));
  g_mutex_unlock (&stub->lock);

  /* The second, streamed: the whole history goes up, the image as words,
   * and the upstream's deltas come back one for one. */
  sse = sse_open (srv, srv->key, body, NULL);
  second = sse_read_all (sse, "chat.completed", &deltas);
  g_assert_cmpstr (deltas, ==, "Hi there! You sent me 4 messages.");
  g_assert_cmpuint (sse->events->len, ==, 1 + 4 + 1);
  sent = stub_request_messages (stub, 1);
  g_assert_cmpuint (json_array_get_length (sent), ==, 4);
  assert_message (sent, 1, "user", "Hello upstream");
  assert_message (sent, 2, "assistant", "Hi there! You sent me 2 messages.");
  assert_message (sent, 3, "user", NULL);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (sent, 3),
                                                                  "content"),
                                   "And now?\n\n[Attached image “flag.png”: 64×48 pixels, image/png; "
                                   "dominant colours orange (75%), blue (25%)]"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (second, "usage"), "input_tokens"),
                   ==, sent_tokens (sent));

  /* Upstream failures: an error event, and the turn refunded. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *fail = body_for (NULL, i == 0 ? "FAIL-HTTP please" : "FAIL-MIDWAY please", NULL);
      g_autoptr(Sse) failing = NULL;
      g_autoptr(JsonObject) error = NULL;
      g_autofree char *partial = NULL;
      gint64 before = srv_test_credits (srv, srv->key);
      JsonObject *e;

      failing = sse_open (srv, srv->key, fail, NULL);
      error = sse_read_all (failing, "error", &partial);
      e = json_object_get_object_member (error, "error");
      g_assert_cmpstr (json_object_get_string_member (e, "code"), ==, "internal_error");
      g_assert_cmpstr (partial, ==, i == 0 ? "" : "Hi");
      if (i == 0)
        g_assert_nonnull (strstr (json_object_get_string_member (e, "message"), "503"));
      g_assert_cmpint (srv_test_credits (srv, srv->key), ==, before);

      /* The whole route answers a plain 500. */
      {
        g_autoptr(SrvTestResponse) r = chat (srv, srv->key, fail);
        srv_assert_error (r, 500, "internal_error");
        g_assert_cmpint (srv_test_credits (srv, srv->key), ==, before);
      }
    }
  assert_ledger_balanced (srv);

  srv_test_server_stop (srv);
  stub_stop (stub);
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--chat-word-delay", "2", NULL };
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chat/sessions/new-and-continued", test_new_and_continued);
  g_test_add_func ("/chat/sessions/title-and-determinism", test_title_and_determinism);
  g_test_add_func ("/chat/sessions/other-account", test_other_account);
  g_test_add_func ("/chat/sessions/paging", test_session_paging);
  g_test_add_func ("/chat/attachments", test_attachments);
  g_test_add_func ("/chat/stream/grammar", test_stream_grammar);
  g_test_add_func ("/chat/stream/pacing-and-pings", test_stream_pacing_and_pings);
  g_test_add_func ("/chat/stream/hang-up", test_stream_hang_up);
  g_test_add_func ("/chat/stream/server-stops", test_stream_server_stops);
  g_test_add_func ("/chat/credits", test_credits_formula);
  g_test_add_func ("/chat/errors", test_errors);
  g_test_add_func ("/chat/idempotency", test_idempotency);
  g_test_add_func ("/chat/upstream", test_upstream);

  shared = srv_test_server_start (args);
  ret = g_test_run ();
  srv_test_server_free (shared);
  return ret;
}
