/* srv-chat-arith.c
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

/* local-chat's arithmetic: + - * × / ÷ ^, unary signs and parentheses,
 * by recursive descent over doubles. */

/* Deep enough for any sum a person writes, shallow enough for the
 * worker thread's stack whatever the message holds. */
#define MAX_DEPTH 64

typedef struct
{
  const char *p;
  gboolean    failed;
  gboolean    divided_by_zero;
  guint       n_operators;
  guint       depth;
} Expr;

static double parse_sum (Expr *e);

static void
skip_spaces (Expr *e)
{
  while (*e->p == ' ')
    e->p++;
}

static gboolean
accept (Expr       *e,
        const char *op)
{
  skip_spaces (e);
  if (g_str_has_prefix (e->p, op))
    {
      e->p += strlen (op);
      return TRUE;
    }
  return FALSE;
}

static double
parse_primary (Expr *e)
{
  char *end = NULL;
  double v;

  skip_spaces (e);
  if (accept (e, "("))
    {
      if (++e->depth > MAX_DEPTH)
        {
          e->failed = TRUE;
          return 0;
        }
      v = parse_sum (e);
      e->depth--;
      if (!accept (e, ")"))
        e->failed = TRUE;
      return v;
    }
  if (!g_ascii_isdigit (*e->p) && *e->p != '.')
    {
      e->failed = TRUE;
      return 0;
    }
  v = g_ascii_strtod (e->p, &end);
  if (end == e->p)
    e->failed = TRUE;
  e->p = end;
  return v;
}

static double
parse_unary (Expr *e)
{
  double v;

  if (e->failed || ++e->depth > MAX_DEPTH)
    {
      e->failed = TRUE;
      return 0;
    }
  if (accept (e, "-"))
    v = -parse_unary (e);
  else if (accept (e, "+"))
    v = parse_unary (e);
  else
    v = parse_primary (e);
  e->depth--;
  return v;
}

static double
parse_power (Expr *e)
{
  double base = parse_unary (e);

  if (accept (e, "^"))
    {
      double exponent;

      e->n_operators++;
      if (++e->depth > MAX_DEPTH)
        {
          e->failed = TRUE;
          return 0;
        }
      exponent = parse_power (e);
      e->depth--;
      return pow (base, exponent);
    }
  return base;
}

static double
parse_product (Expr *e)
{
  double v = parse_power (e);

  while (!e->failed)
    {
      if (accept (e, "*") || accept (e, "×"))
        v *= parse_power (e);
      else if (accept (e, "/") || accept (e, "÷"))
        {
          double d = parse_power (e);

          if (d == 0)
            e->divided_by_zero = TRUE;
          v = d == 0 ? 0 : v / d;
        }
      else
        break;
      e->n_operators++;
    }
  return v;
}

static double
parse_sum (Expr *e)
{
  double v = parse_product (e);

  while (!e->failed)
    {
      if (accept (e, "+"))
        v += parse_product (e);
      else if (accept (e, "-"))
        v -= parse_product (e);
      else
        break;
      e->n_operators++;
    }
  return v;
}

static gboolean
is_expression_char (const char *p)
{
  return strchr ("0123456789.+-*/^() ", *p) != NULL ||
         g_str_has_prefix (p, "×") || g_str_has_prefix (p, "÷");
}

/* The longest run of expression characters holding a digit; NULL when
 * there is none. */
static char *
find_expression (const char *message)
{
  g_autofree char *best = NULL;
  gsize best_len = 0;

  for (const char *p = message; *p != '\0';)
    {
      const char *start = p;
      gboolean digit = FALSE;

      while (*p != '\0' && is_expression_char (p))
        {
          digit |= g_ascii_isdigit (*p);
          p = g_utf8_next_char (p);
        }
      if (digit && (gsize)(p - start) > best_len)
        {
          g_free (best);
          best = g_strstrip (g_strndup (start, p - start));
          best_len = p - start;
        }
      if (p == start)
        p = g_utf8_next_char (p);
    }
  return g_steal_pointer (&best);
}

static char *
format_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (fabs (v) < 1e15 && v == floor (v))
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)v);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

/* The answer of local-chat to a sum in the message, in Markdown, or
 * NULL. asked tells whether the message asks for a calculation in
 * words; otherwise only a message that is nothing but the sum counts,
 * so that dates and phone numbers in a sentence are not sums. */
char *
srv_chat_arithmetic (const char *message,
                     gboolean    asked)
{
  g_autofree char *expression = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *value = NULL;
  Expr e = { 0 };
  double v;

  g_return_val_if_fail (message != NULL, NULL);

  if (!(expression = find_expression (message)))
    return NULL;

  rest = g_strdup (message);
  g_strstrip (g_strdelimit (rest, "?=", ' '));
  if (!g_str_equal (rest, expression) && !asked && strchr (message, '=') == NULL)
    return NULL;

  e.p = expression;
  v = parse_sum (&e);
  skip_spaces (&e);
  if (e.failed || *e.p != '\0' || e.n_operators == 0)
    return NULL;

  if (e.divided_by_zero)
    return g_strdup_printf ("`%s` has no value: it divides by zero.", expression);
  value = format_number (v);
  return g_strdup_printf ("`%s` = **%s**", expression, value);
}
