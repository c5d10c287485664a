/* rd-chat-page-scroll.c
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

#include "rd-chat-page-private.h"

/* The conversation follows its end (a streaming answer, a session just
 * opened) until the person scrolls up, and again once they scroll back
 * down to it. Only a move up with the content's height unchanged counts
 * as the person's: the list view itself moves the adjustment when it
 * measures rows anew. The scroll to the end happens when the list view
 * has just configured the adjustment ("changed", from its allocation):
 * set at any other time, after a model swap, the adjustment may still
 * describe the previous model, which GTK 4.8's list view rejects. */

#define END_SLACK 32

static void
scroll_to_end (RdChatPage    *self,
               GtkAdjustment *adjustment)
{
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) >= end - 0.5)
    return;
  self->scrolling = TRUE;
  gtk_adjustment_set_value (adjustment, end);
  self->scrolling = FALSE;
}

static void
value_changed_cb (RdChatPage    *self,
                  GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  double end = upper - gtk_adjustment_get_page_size (adjustment);

  if (!self->scrolling)
    {
      if (value >= end - END_SLACK)
        self->follow_end = TRUE;
      else if (value < self->last_value && upper == self->last_upper)
        self->follow_end = FALSE;
    }
  self->last_value = value;
  self->last_upper = upper;
}

static void
changed_cb (RdChatPage    *self,
            GtkAdjustment *adjustment)
{
  self->last_upper = gtk_adjustment_get_upper (adjustment);
  if (self->follow_end && !self->scrolling)
    scroll_to_end (self, adjustment);
}

void
_rd_chat_page_scroll_init (RdChatPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->messages_scroller);

  self->follow_end = TRUE;
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (value_changed_cb), self);
  g_signal_connect_swapped (adjustment, "changed", G_CALLBACK (changed_cb), self);
}

/* Goes to the end at the list's next allocation, and stays there while
 * the content grows. */
void
_rd_chat_page_follow_end (RdChatPage *self)
{
  self->follow_end = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self->messages_view));
}
