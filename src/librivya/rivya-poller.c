/* rivya-poller.c
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * This library is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the GNU
 * Lesser General Public License for more details.
 *
 * You should have received a copy of the GNU Lesser General Public
 * License along with this library; if not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "rivya-poller.h"

#include "rivya-client.h"
#include "rivya-error.h"
#include "rivya-generation.h"

/**
 * RivyaPoller:
 *
 * Follows any number of generations until they finish, with one timer.
 *
 * The schedule follows the API's polling guidance (A.5): the first poll
 * 2.5 s after rivya_poller_add(), then every 5 s, growing by half at each
 * poll up to 10 s for images (and unknown categories) or 30 s for video
 * and audio, each delay with ±10 % jitter so that jobs submitted together
 * spread out.
 *
 * - A `Retry-After` (on `429`, or on a 5xx) holds back every request (the
 *   limit is per key) for that many real seconds;
 *   [property@Rivya.Poller:time-scale] does not shorten it.
 * - Transport errors, and 5xx answers without `Retry-After`, back off
 *   exponentially from 1 s to 60 s.
 * - After any of these, a single request probes the server until one
 *   succeeds, then two at once, and so on, so a dead or throttling server
 *   costs one request per step, not one per job.
 * - Other errors (such as `not_found`) are reported with
 *   [signal@Rivya.Poller::error] and that job is dropped.
 * - While [property@Rivya.Poller:network-monitor] says the network is
 *   down, nothing is sent and no timer runs; polling resumes by itself
 *   when it comes back. A client whose base URL is a loopback address
 *   (a local rivya-server) gets no monitor by default: such a server is
 *   reachable whatever the network does.
 * - At most [property@Rivya.Poller:max-in-flight] requests run at once.
 *
 * There is a single #GSource, re-armed for the earliest due time, and it
 * only exists while something is due: an idle poller never wakes up.
 */

#define FIRST_DELAY_MS        2500.0
#define BASE_INTERVAL_MS      5000.0
#define GROWTH                1.5
#define IMAGE_CAP_MS          10000.0
#define MEDIA_CAP_MS          30000.0
#define JITTER                0.10
#define BACKOFF_BASE_MS       1000.0
#define BACKOFF_CAP_MS        60000.0
#define DEFAULT_MAX_IN_FLIGHT 4
#define COALESCE_MS           100.0

typedef struct
{
  char                  *task_id;
  char                  *last_updated_at;
  GSequenceIter         *iter;         /* in the schedule while waiting */
  gint64                 due;          /* monotonic µs */
  guint                  n_polls;
  RivyaGenerationStatus  last_status;
  guint                  slow : 1;     /* video or audio */
  guint                  seen : 1;
  guint                  removed : 1;
} Item;

typedef struct
{
  GWeakRef  poller;
  Item     *item;
} Request;

struct _RivyaPoller
{
  GObject          parent_instance;

  /* Owned References */
  RivyaClient     *client;
  GNetworkMonitor *monitor;
  GMainContext    *context;
  GCancellable    *cancellable;
  GHashTable      *items;          /* task id -> Item */
  GSequence       *schedule;       /* waiting Items, earliest first */
  GSource         *timer;
  GRand           *rand;

  double           time_scale;
  guint            max_in_flight;
  guint            n_in_flight;
  guint            n_failures;     /* consecutive transient errors */
  guint            window;         /* requests at once while recovering; 0: no limit */
  gint64           backoff_until;
  gint64           retry_after_until;

  guint64          requests_sent;
  guint64          wakeups;
  guint64          rate_limited;
  guint64          transport_errors;

  guint            paused : 1;
};

G_DEFINE_FINAL_TYPE (RivyaPoller, rivya_poller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_TIME_SCALE,
  PROP_MAX_IN_FLIGHT,
  PROP_NETWORK_MONITOR,
  PROP_PAUSED,
  PROP_N_ITEMS,
  PROP_N_IN_FLIGHT,
  PROP_HAS_PENDING_TIMER,
  PROP_REQUESTS_SENT,
  PROP_WAKEUPS,
  PROP_RATE_LIMITED,
  PROP_TRANSPORT_ERRORS,
  N_PROPS
};

enum {
  UPDATED,
  FINISHED,
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void rivya_poller_update_timer (RivyaPoller *self);
static void rivya_poller_run_due      (RivyaPoller *self);

static void
item_clear (Item *item)
{
  g_free (item->task_id);
  g_free (item->last_updated_at);
}

static Item *
item_ref (Item *item)
{
  return g_rc_box_acquire (item);
}

static void
item_unref (Item *item)
{
  g_rc_box_release_full (item, (GDestroyNotify) item_clear);
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->poller);
  item_unref (request->item);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static gint
compare_due (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const Item *item_a = a;
  const Item *item_b = b;

  return (item_a->due > item_b->due) - (item_a->due < item_b->due);
}

static gint64
jittered_us (RivyaPoller *self,
             double       ms)
{
  double factor = g_rand_double_range (self->rand, 1.0 - JITTER, 1.0 + JITTER);

  return (gint64) (ms * self->time_scale * factor * 1000.0);
}

static gint64
next_delay_us (RivyaPoller *self,
               Item        *item)
{
  double cap = item->slow ? MEDIA_CAP_MS : IMAGE_CAP_MS;
  double ms = BASE_INTERVAL_MS;

  if (item->n_polls == 0)
    return jittered_us (self, FIRST_DELAY_MS);

  for (guint i = 1; i < item->n_polls && ms < cap; i++)
    ms *= GROWTH;

  return jittered_us (self, MIN (ms, cap));
}

/* Puts @item in the schedule at its due time. */
static void
queue_item (RivyaPoller *self,
            Item        *item)
{
  if (item->iter != NULL)
    g_sequence_remove (item->iter);
  item->iter = g_sequence_insert_sorted (self->schedule, item, compare_due, NULL);
}

static void
schedule_item (RivyaPoller *self,
               Item        *item,
               gint64       delay_us)
{
  item->due = g_get_monotonic_time () + delay_us;
  queue_item (self, item);
}

static void
unschedule_item (Item *item)
{
  g_clear_pointer (&item->iter, g_sequence_remove);
}

/* Forgets @item; a request still running for it finds it removed. */
static void
drop_item (RivyaPoller *self,
           Item        *item)
{
  unschedule_item (item);
  item->removed = TRUE;
  g_hash_table_remove (self->items, item->task_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static guint
effective_max_in_flight (RivyaPoller *self)
{
  return self->window > 0 ? MIN (self->window, self->max_in_flight) : self->max_in_flight;
}

static void
destroy_source (GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

static gboolean
timer_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  return callback (user_data);
}

static GSourceFuncs timer_source_funcs = {
  NULL, NULL, timer_source_dispatch, NULL, NULL, NULL,
};

static gboolean
rivya_poller_timer_cb (gpointer user_data)
{
  RivyaPoller *self = user_data;

  g_assert (RIVYA_IS_POLLER (self));

  self->wakeups++;
  g_source_set_ready_time (self->timer, -1);
  rivya_poller_run_due (self);
  rivya_poller_update_timer (self);

  return G_SOURCE_CONTINUE;
}

static void
set_timer (RivyaPoller *self,
           gint64       ready_time)
{
  gboolean had_timer = self->timer != NULL;

  if (ready_time < 0)
    {
      g_clear_pointer (&self->timer, destroy_source);
    }
  else
    {
      if (self->timer == NULL)
        {
          self->timer = g_source_new (&timer_source_funcs, sizeof (GSource));
          g_source_set_static_name (self->timer, "[rivya-poller]");
          g_source_set_callback (self->timer, rivya_poller_timer_cb, self, NULL);
          g_source_attach (self->timer, self->context);
        }
      g_source_set_ready_time (self->timer, ready_time);
    }

  if (had_timer != (self->timer != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HAS_PENDING_TIMER]);
}

/* The one place that decides whether a wake-up is needed, and when. */
static void
rivya_poller_update_timer (RivyaPoller *self)
{
  GSequenceIter *first;
  Item *item;

  if (self->paused ||
      g_sequence_is_empty (self->schedule) ||
      self->n_in_flight >= effective_max_in_flight (self))
    {
      /* Completions, or the network coming back, re-arm it. */
      set_timer (self, -1);
      return;
    }

  first = g_sequence_get_begin_iter (self->schedule);
  item = g_sequence_get (first);
  set_timer (self, MAX (item->due, MAX (self->backoff_until, self->retry_after_until)));
}

static void rivya_poller_response_cb (GObject      *object,
                                      GAsyncResult *result,
                                      gpointer      user_data);

static void
start_request (RivyaPoller *self,
               Item        *item)
{
  Request *request = g_new0 (Request, 1);

  unschedule_item (item);
  g_weak_ref_init (&request->poller, self);
  request->item = item_ref (item);

  self->n_in_flight++;
  self->requests_sent++;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REQUESTS_SENT]);

  rivya_client_get_generation_async (self->client, item->task_id, self->cancellable,
                                     rivya_poller_response_cb, request);
}

static void
rivya_poller_run_due (RivyaPoller *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 horizon;

  if (self->paused || now < self->backoff_until || now < self->retry_after_until)
    return;

  /* Jobs due in the next moment go now too: a few percent early costs
   * nothing, and saves a wake-up each. */
  horizon = now + (gint64) (COALESCE_MS * 1000.0 * self->time_scale);

  while (self->n_in_flight < effective_max_in_flight (self) &&
         !g_sequence_is_empty (self->schedule))
    {
      Item *item = g_sequence_get (g_sequence_get_begin_iter (self->schedule));

      if (item->due > horizon)
        break;
      start_request (self, item);
    }
}

static gboolean
is_terminal (RivyaGenerationStatus status)
{
  return status == RIVYA_GENERATION_STATUS_SUCCEEDED ||
         status == RIVYA_GENERATION_STATUS_FAILED;
}

static void
handle_generation (RivyaPoller     *self,
                   Item            *item,
                   RivyaGeneration *generation)
{
  RivyaGenerationStatus status = rivya_generation_get_status (generation);
  const char *updated_at = rivya_generation_get_updated_at (generation);
  gboolean changed;

  self->n_failures = 0;
  self->backoff_until = 0;
  /* Recovering: double the requests allowed at once at each success. */
  if (self->window > 0 && (self->window *= 2) >= self->max_in_flight)
    self->window = 0;

  changed = !item->seen ||
            status != item->last_status ||
            g_strcmp0 (updated_at, item->last_updated_at) != 0;
  item->seen = TRUE;
  item->last_status = status;
  if (g_strcmp0 (updated_at, item->last_updated_at) != 0)
    {
      g_free (item->last_updated_at);
      item->last_updated_at = g_strdup (updated_at);
    }
  item->n_polls++;

  /* Dropped before the signals, so that handlers see the poller as it
   * is now and may add the id again. */
  if (is_terminal (status))
    drop_item (self, item);
  else
    schedule_item (self, item, next_delay_us (self, item));

  if (changed)
    g_signal_emit (self, signals [UPDATED], 0, generation);
  if (is_terminal (status))
    g_signal_emit (self, signals [FINISHED], 0, generation);
}

static gboolean
is_transient (const GError *error)
{
  if (rivya_error_is_transport (error))
    return TRUE;
  /* 5xx (internal_error, public_api_disabled, a proxy's 502) say
   * nothing about the job: try again later. */
  return error->domain == RIVYA_ERROR && rivya_error_get_http_status (error) >= 500;
}

static void
handle_error (RivyaPoller  *self,
              Item         *item,
              const GError *error)
{
  gboolean rate_limited = g_error_matches (error, RIVYA_ERROR, RIVYA_ERROR_RATE_LIMITED);
  gint64 now = g_get_monotonic_time ();
  guint retry_after;

  if (!rate_limited && !is_transient (error))
    {
      g_autofree char *task_id = g_strdup (item->task_id);

      g_debug ("Stopped polling %s: %s", task_id, error->message);
      drop_item (self, item);
      g_signal_emit (self, signals [ERROR], 0, task_id, error);
      return;
    }

  if (rate_limited)
    {
      self->rate_limited++;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_RATE_LIMITED]);
    }

  /* Whatever let the server down or made it refuse, a single request
   * tells when it is back; the others wait for that one. */
  self->window = 1;

  /* The server's word wins over our back-off, whatever the error. */
  if ((retry_after = rivya_error_get_retry_after (error)) > 0)
    {
      self->retry_after_until = MAX (self->retry_after_until, now + retry_after * G_USEC_PER_SEC);
    }
  else
    {
      double ms = BACKOFF_BASE_MS;

      self->transport_errors++;
      self->n_failures++;
      for (guint i = 1; i < self->n_failures && ms < BACKOFF_CAP_MS; i++)
        ms *= 2;
      self->backoff_until = MAX (self->backoff_until,
                                 now + jittered_us (self, MIN (ms, BACKOFF_CAP_MS)));
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TRANSPORT_ERRORS]);
    }

  /* Back in its old place, due since then: were it due now, it could
   * lose the race for the one request let through at each step, again
   * and again, behind jobs due after it. */
  queue_item (self, item);
}

static void
rivya_poller_response_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(RivyaPoller) self = g_weak_ref_get (&request->poller);
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(GError) error = NULL;
  Item *item = request->item;

  g_assert (RIVYA_IS_CLIENT (object));

  generation = rivya_client_get_generation_finish (RIVYA_CLIENT (object), result, &error);

  /* The poller is gone: nothing to do, and nobody to tell. */
  if (self == NULL)
    return;

  self->n_in_flight--;

  if (item->removed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (generation != NULL)
    handle_generation (self, item, generation);
  else
    handle_error (self, item, error);

  rivya_poller_run_due (self);
  rivya_poller_update_timer (self);
}

static void
set_paused (RivyaPoller *self,
            gboolean     paused)
{
  if (self->paused == !!paused)
    return;

  self->paused = !!paused;
  if (!paused)
    {
      /* The network is back: whatever failed while it was down says
       * nothing about the server. */
      self->n_failures = 0;
      self->backoff_until = 0;
      self->window = 0;
    }
  rivya_poller_update_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAUSED]);
}

static void
rivya_poller_network_changed_cb (RivyaPoller     *self,
                                 gboolean         available,
                                 GNetworkMonitor *monitor)
{
  g_assert (RIVYA_IS_POLLER (self));
  g_assert (G_IS_NETWORK_MONITOR (monitor));

  set_paused (self, !g_network_monitor_get_network_available (monitor));
}

static gboolean
is_loopback_url (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static void
rivya_poller_constructed (GObject *object)
{
  RivyaPoller *self = (RivyaPoller *) object;

  G_OBJECT_CLASS (rivya_poller_parent_class)->constructed (object);

  g_return_if_fail (RIVYA_IS_CLIENT (self->client));

  /* A "network-monitor" given to g_object_new() replaces this later. */
  if (!is_loopback_url (rivya_client_get_base_url (self->client)))
    rivya_poller_set_network_monitor (self, g_network_monitor_get_default ());
}

static void
rivya_poller_dispose (GObject *object)
{
  RivyaPoller *self = (RivyaPoller *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->timer, destroy_source);

  /* Someone else may keep the monitor: stop listening to it. */
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_func (self->monitor,
                                          G_CALLBACK (rivya_poller_network_changed_cb),
                                          self);
  g_clear_object (&self->monitor);

  if (self->items != NULL)
    {
      GHashTableIter iter;
      Item *item;

      /* Requests still running hold their item: mark it, as drop_item()
       * would, without touching the schedule one by one. */
      g_hash_table_iter_init (&iter, self->items);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &item))
        {
          item->iter = NULL;
          item->removed = TRUE;
        }
      g_sequence_remove_range (g_sequence_get_begin_iter (self->schedule),
                               g_sequence_get_end_iter (self->schedule));
      g_hash_table_remove_all (self->items);
    }

  G_OBJECT_CLASS (rivya_poller_parent_class)->dispose (object);
}

static void
rivya_poller_finalize (GObject *object)
{
  RivyaPoller *self = (RivyaPoller *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->schedule, g_sequence_free);
  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (rivya_poller_parent_class)->finalize (object);
}

static void
rivya_poller_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RivyaPoller *self = RIVYA_POLLER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_TIME_SCALE:
      g_value_set_double (value, self->time_scale);
      break;
    case PROP_MAX_IN_FLIGHT:
      g_value_set_uint (value, self->max_in_flight);
      break;
    case PROP_NETWORK_MONITOR:
      g_value_set_object (value, self->monitor);
      break;
    case PROP_PAUSED:
      g_value_set_boolean (value, self->paused);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, rivya_poller_get_n_items (self));
      break;
    case PROP_N_IN_FLIGHT:
      g_value_set_uint (value, self->n_in_flight);
      break;
    case PROP_HAS_PENDING_TIMER:
      g_value_set_boolean (value, self->timer != NULL);
      break;
    case PROP_REQUESTS_SENT:
      g_value_set_uint64 (value, self->requests_sent);
      break;
    case PROP_WAKEUPS:
      g_value_set_uint64 (value, self->wakeups);
      break;
    case PROP_RATE_LIMITED:
      g_value_set_uint64 (value, self->rate_limited);
      break;
    case PROP_TRANSPORT_ERRORS:
      g_value_set_uint64 (value, self->transport_errors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_poller_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RivyaPoller *self = RIVYA_POLLER (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_TIME_SCALE:
      rivya_poller_set_time_scale (self, g_value_get_double (value));
      break;
    case PROP_MAX_IN_FLIGHT:
      rivya_poller_set_max_in_flight (self, g_value_get_uint (value));
      break;
    case PROP_NETWORK_MONITOR:
      rivya_poller_set_network_monitor (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rivya_poller_class_init (RivyaPollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rivya_poller_constructed;
  object_class->dispose = rivya_poller_dispose;
  object_class->finalize = rivya_poller_finalize;
  object_class->get_property = rivya_poller_get_property;
  object_class->set_property = rivya_poller_set_property;

  /**
   * RivyaPoller:client:
   *
   * The client the status requests go through.
   */
  properties [PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         RIVYA_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:time-scale:
   *
   * Multiplies every delay of the schedule and of the back-off, for tests
   * and benchmarks (0.01 runs a minute of polling in 0.6 s). It does not
   * shorten a server's `Retry-After`.
   */
  properties [PROP_TIME_SCALE] =
    g_param_spec_double ("time-scale", NULL, NULL,
                         0.0001, 1000.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:max-in-flight:
   *
   * How many status requests may run at once, whatever the number of jobs.
   */
  properties [PROP_MAX_IN_FLIGHT] =
    g_param_spec_uint ("max-in-flight", NULL, NULL,
                       1, 64, DEFAULT_MAX_IN_FLIGHT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:network-monitor:
   *
   * The monitor that pauses polling while the network is down, or %NULL
   * to poll regardless. By default the system's monitor, except for a
   * client of a loopback server.
   */
  properties [PROP_NETWORK_MONITOR] =
    g_param_spec_object ("network-monitor", NULL, NULL,
                         G_TYPE_NETWORK_MONITOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:paused:
   *
   * Whether polling is paused because the network is down.
   */
  properties [PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:n-items:
   *
   * How many generations are being followed.
   */
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:n-in-flight:
   *
   * How many status requests are running (not notified).
   */
  properties [PROP_N_IN_FLIGHT] =
    g_param_spec_uint ("n-in-flight", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:has-pending-timer:
   *
   * Whether the poller's timer exists; %FALSE whenever nothing is due.
   */
  properties [PROP_HAS_PENDING_TIMER] =
    g_param_spec_boolean ("has-pending-timer", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:requests-sent:
   *
   * How many status requests were sent, for benchmarks.
   */
  properties [PROP_REQUESTS_SENT] =
    g_param_spec_uint64 ("requests-sent", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:wakeups:
   *
   * How many times the timer fired, for benchmarks (not notified).
   */
  properties [PROP_WAKEUPS] =
    g_param_spec_uint64 ("wakeups", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:rate-limited:
   *
   * How many `rate_limited` answers were received.
   */
  properties [PROP_RATE_LIMITED] =
    g_param_spec_uint64 ("rate-limited", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * RivyaPoller:transport-errors:
   *
   * How many requests failed in a way that made the poller back off.
   */
  properties [PROP_TRANSPORT_ERRORS] =
    g_param_spec_uint64 ("transport-errors", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RivyaPoller::updated:
   * @self: a #RivyaPoller
   * @generation: the generation as the server now describes it
   *
   * Emitted when a poll finds a generation changed (its status or its
   * `updated_at`), including the first poll and the final one; not on
   * polls that find nothing new.
   */
  signals [UPDATED] =
    g_signal_new ("updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RIVYA_TYPE_GENERATION);

  /**
   * RivyaPoller::finished:
   * @self: a #RivyaPoller
   * @generation: the generation, `succeeded` or `failed`
   *
   * Emitted once per generation when it reaches a terminal status, after
   * #RivyaPoller::updated. The poller has already dropped it.
   */
  signals [FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, RIVYA_TYPE_GENERATION);

  /**
   * RivyaPoller::error:
   * @self: a #RivyaPoller
   * @task_id: the generation's id
   * @error: why it cannot be followed, such as %RIVYA_ERROR_NOT_FOUND
   *
   * Emitted when polling a generation failed for a reason that waiting
   * will not fix. The poller has already dropped it. Transport errors,
   * 5xx answers and rate limits are retried, never reported here.
   */
  signals [ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
rivya_poller_init (RivyaPoller *self)
{
  self->time_scale = 1.0;
  self->max_in_flight = DEFAULT_MAX_IN_FLIGHT;
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) item_unref);
  self->schedule = g_sequence_new (NULL);
  self->rand = g_rand_new ();
}

/**
 * rivya_poller_new:
 * @client: the client to poll with
 *
 * Creates a poller. It runs on the thread-default main context of the
 * thread that creates it.
 *
 * Returns: (transfer full): a new #RivyaPoller
 */
RivyaPoller *
rivya_poller_new (RivyaClient *client)
{
  g_return_val_if_fail (RIVYA_IS_CLIENT (client), NULL);

  return g_object_new (RIVYA_TYPE_POLLER, "client", client, NULL);
}

/**
 * rivya_poller_get_client:
 * @self: a #RivyaPoller
 *
 * Returns: (transfer none): the client
 */
RivyaClient *
rivya_poller_get_client (RivyaPoller *self)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), NULL);

  return self->client;
}

/**
 * rivya_poller_add:
 * @self: a #RivyaPoller
 * @task_id: the id of a generation, `task_...`
 * @category: (nullable): the model's category, `image`, `video` or
 *   `audio`; video and audio jobs are polled less often as they age
 *
 * Starts following a generation; its first poll is 2.5 s from now. Adding
 * an id already followed only updates its category.
 */
void
rivya_poller_add (RivyaPoller *self,
                  const char  *task_id,
                  const char  *category)
{
  gboolean slow;
  Item *item;

  g_return_if_fail (RIVYA_IS_POLLER (self));
  g_return_if_fail (task_id != NULL && task_id[0] != '\0');

  slow = g_strcmp0 (category, "video") == 0 || g_strcmp0 (category, "audio") == 0;

  if ((item = g_hash_table_lookup (self->items, task_id)) != NULL)
    {
      item->slow = slow;
      return;
    }

  item = g_rc_box_new0 (Item);
  item->task_id = g_strdup (task_id);
  item->slow = slow;
  g_hash_table_insert (self->items, item->task_id, item);
  schedule_item (self, item, next_delay_us (self, item));

  rivya_poller_update_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

/**
 * rivya_poller_remove:
 * @self: a #RivyaPoller
 * @task_id: the id of a generation
 *
 * Stops following a generation, without any signal. A request already
 * sent for it is ignored when it returns.
 */
void
rivya_poller_remove (RivyaPoller *self,
                     const char  *task_id)
{
  Item *item;

  g_return_if_fail (RIVYA_IS_POLLER (self));
  g_return_if_fail (task_id != NULL);

  if ((item = g_hash_table_lookup (self->items, task_id)) == NULL)
    return;

  drop_item (self, item);
  rivya_poller_update_timer (self);
}

/**
 * rivya_poller_contains:
 * @self: a #RivyaPoller
 * @task_id: the id of a generation
 *
 * Returns: whether @task_id is being followed
 */
gboolean
rivya_poller_contains (RivyaPoller *self,
                       const char  *task_id)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), FALSE);
  g_return_val_if_fail (task_id != NULL, FALSE);

  return g_hash_table_contains (self->items, task_id);
}

/**
 * rivya_poller_get_n_items:
 * @self: a #RivyaPoller
 *
 * Returns: how many generations are being followed
 */
guint
rivya_poller_get_n_items (RivyaPoller *self)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), 0);

  return g_hash_table_size (self->items);
}

/**
 * rivya_poller_poll_now:
 * @self: a #RivyaPoller
 * @task_id: (nullable): the id of a generation, or %NULL for all of them
 *
 * Makes a generation (or all) due now, for example when the user asks
 * for a refresh. The requests still wait for a `Retry-After` or a
 * back-off in progress, and for a free slot.
 */
void
rivya_poller_poll_now (RivyaPoller *self,
                       const char  *task_id)
{
  g_return_if_fail (RIVYA_IS_POLLER (self));

  if (task_id != NULL)
    {
      Item *item = g_hash_table_lookup (self->items, task_id);

      /* One in flight is being polled already. */
      if (item != NULL && item->iter != NULL)
        schedule_item (self, item, 0);
    }
  else
    {
      GHashTableIter iter;
      Item *item;

      g_hash_table_iter_init (&iter, self->items);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &item))
        if (item->iter != NULL)
          schedule_item (self, item, 0);
    }

  rivya_poller_update_timer (self);
}

/**
 * rivya_poller_get_time_scale:
 * @self: a #RivyaPoller
 *
 * Returns: the factor applied to every delay
 */
double
rivya_poller_get_time_scale (RivyaPoller *self)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), 1.0);

  return self->time_scale;
}

/**
 * rivya_poller_set_time_scale:
 * @self: a #RivyaPoller
 * @time_scale: the factor applied to every delay from now on
 *
 * Sets [property@Rivya.Poller:time-scale].
 */
void
rivya_poller_set_time_scale (RivyaPoller *self,
                             double       time_scale)
{
  g_return_if_fail (RIVYA_IS_POLLER (self));
  g_return_if_fail (time_scale > 0.0);

  if (self->time_scale == time_scale)
    return;

  self->time_scale = time_scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME_SCALE]);
}

/**
 * rivya_poller_get_max_in_flight:
 * @self: a #RivyaPoller
 *
 * Returns: how many requests may run at once
 */
guint
rivya_poller_get_max_in_flight (RivyaPoller *self)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), 0);

  return self->max_in_flight;
}

/**
 * rivya_poller_set_max_in_flight:
 * @self: a #RivyaPoller
 * @max_in_flight: how many requests may run at once, at least 1
 *
 * Sets [property@Rivya.Poller:max-in-flight].
 */
void
rivya_poller_set_max_in_flight (RivyaPoller *self,
                                guint        max_in_flight)
{
  g_return_if_fail (RIVYA_IS_POLLER (self));
  g_return_if_fail (max_in_flight > 0);

  if (self->max_in_flight == max_in_flight)
    return;

  self->max_in_flight = max_in_flight;
  rivya_poller_update_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MAX_IN_FLIGHT]);
}

/**
 * rivya_poller_get_network_monitor:
 * @self: a #RivyaPoller
 *
 * Returns: (transfer none) (nullable): the network monitor, if any
 */
GNetworkMonitor *
rivya_poller_get_network_monitor (RivyaPoller *self)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), NULL);

  return self->monitor;
}

/**
 * rivya_poller_set_network_monitor:
 * @self: a #RivyaPoller
 * @monitor: (nullable): a network monitor, or %NULL to poll regardless
 *   of the network
 *
 * Sets the monitor that pauses polling while the network is down. A
 * monitor set here is obeyed even for a loopback server.
 */
void
rivya_poller_set_network_monitor (RivyaPoller     *self,
                                  GNetworkMonitor *monitor)
{
  g_return_if_fail (RIVYA_IS_POLLER (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  if (self->monitor == monitor)
    return;

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor,
                                            G_CALLBACK (rivya_poller_network_changed_cb),
                                            self);
      g_clear_object (&self->monitor);
    }

  if (monitor != NULL)
    {
      self->monitor = g_object_ref (monitor);
      g_signal_connect_object (monitor, "network-changed",
                               G_CALLBACK (rivya_poller_network_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  set_paused (self, monitor != NULL && !g_network_monitor_get_network_available (monitor));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NETWORK_MONITOR]);
}

/**
 * rivya_poller_get_paused:
 * @self: a #RivyaPoller
 *
 * Returns: whether polling is paused because the network is down
 */
gboolean
rivya_poller_get_paused (RivyaPoller *self)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), FALSE);

  return self->paused;
}

/**
 * rivya_poller_get_requests_sent:
 * @self: a #RivyaPoller
 *
 * Returns: how many status requests were sent
 */
guint64
rivya_poller_get_requests_sent (RivyaPoller *self)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), 0);

  return self->requests_sent;
}

/**
 * rivya_poller_get_wakeups:
 * @self: a #RivyaPoller
 *
 * Returns: how many times the timer fired
 */
guint64
rivya_poller_get_wakeups (RivyaPoller *self)
{
  g_return_val_if_fail (RIVYA_IS_POLLER (self), 0);

  return self->wakeups;
}
