/* rd-generation-form.c
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

#define G_LOG_DOMAIN "rd-generation-form"

#include "config.h"

#include "rd-generation-form.h"

#include "rd-param-field.h"

#include <glib/gi18n.h>
/* PRId64 in translatable strings: xgettext knows it, not G_GINT64_FORMAT. */
#include <inttypes.h>

/* The form for one model, built from its params schema (B.6). What it
 * would send and whether it may are properties: the page and the tests
 * read the same state the Generate button shows. */
struct _RdGenerationForm
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkScrolledWindow   *scroller;
  GtkLabel            *title_label;
  GtkLabel            *summary_label;
  GtkBox              *notices_box;
  GtkLabel            *chat_label;
  GtkBox              *prompt_box;
  GtkTextView         *prompt_view;
  GtkLabel            *counter_label;
  RdReferenceZone     *reference_zone;
  AdwPreferencesGroup *params_group;
  GtkLabel            *price_label;

  /* Owned references */
  RivyaModel          *model;
  GPtrArray           *fields;
  GPtrArray           *extra_widgets;
  char                *reason;
  gint64               balance;
  gboolean             busy;
  gboolean             can_generate;
};

G_DEFINE_FINAL_TYPE (RdGenerationForm, rd_generation_form, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_BALANCE,
  PROP_BUSY,
  PROP_CAN_GENERATE,
  PROP_REASON,
  N_PROPS
};

enum {
  GENERATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
credits_text (gint64 credits)
{
  g_autofree char *number = g_strdup_printf ("%'" G_GINT64_FORMAT, credits);

  /* translators: an amount of credits, e.g. "1,000 credits" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s credit", "%s credits",
                                       credits % 1000000),
                          number);
}

static char *
find_reason (RdGenerationForm *self)
{
  g_autofree char *prompt = NULL;
  const char *status;
  gint64 max_length;
  glong length;

  if (self->model == NULL)
    return g_strdup (_("Choose a model to generate with."));

  if (rivya_model_is_chat (self->model))
    return g_strdup (_("Chat models are used in the Chat view, not here."));

  status = rivya_model_get_api_status (self->model);
  if (!rivya_model_is_available (self->model))
    {
      if (g_strcmp0 (status, "coming_soon") == 0)
        return g_strdup (_("This model is coming soon: it cannot be used through the API yet."));
      if (g_strcmp0 (status, "studio_only") == 0)
        return g_strdup (_("This model is only available in the Rivya studio, not through the API."));
      return g_strdup (_("This model is not available through the API."));
    }

  prompt = rd_generation_form_dup_prompt (self);
  length = g_utf8_strlen (prompt, -1);
  max_length = rivya_model_get_max_prompt_length (self->model);
  if (g_strstrip (prompt)[0] == '\0')
    return g_strdup (_("Write a prompt first."));
  if (max_length > 0 && length > max_length)
    return g_strdup_printf (_("The prompt is too long: %ld characters, at most %" PRId64 "."),
                            length, max_length);

  for (guint i = 0; i < self->fields->len; i++)
    {
      RdParamField *field = g_ptr_array_index (self->fields, i);

      if (rivya_model_param_get_required (field->param) && rd_param_field_is_empty (field))
        /* translators: %s is the label of a setting, e.g. "Watermark" */
        return g_strdup_printf (_("Fill in “%s”: it is required."),
                                rivya_model_param_get_label (field->param));
    }

  if (rd_reference_zone_model_needs_references (self->model) &&
      rd_reference_zone_get_n_ready (self->reference_zone) == 0 &&
      rd_reference_zone_get_n_pending (self->reference_zone) == 0)
    return g_strdup (_("Add a reference file first: this model needs one."));

  if (self->balance >= 0 && self->balance < rivya_model_get_base_credits (self->model))
    {
      g_autofree char *price = credits_text (rivya_model_get_base_credits (self->model));
      g_autofree char *balance = credits_text (self->balance);

      /* translators: both are amounts of credits, e.g. "10 credits" and "3 credits" */
      return g_strdup_printf (_("Not enough credits: this costs %s and the balance is %s."),
                              price, balance);
    }

  if (self->busy && rd_reference_zone_get_n_pending (self->reference_zone) > 0)
    return g_strdup (_("Waiting for the references to upload…"));
  if (self->busy)
    return g_strdup (_("Submitting…"));

  return NULL;
}

static void
update_counter (RdGenerationForm *self)
{
  g_autofree char *prompt = rd_generation_form_dup_prompt (self);
  g_autofree char *text = NULL;
  gint64 max_length = self->model ? rivya_model_get_max_prompt_length (self->model) : 0;
  glong length = g_utf8_strlen (prompt, -1);

  if (max_length > 0)
    /* translators: characters in the prompt, of those allowed: "12 / 1000" */
    text = g_strdup_printf (_("%ld / %" PRId64), length, max_length);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters",
                                         length % 1000000),
                            length);
  gtk_label_set_label (self->counter_label, text);

  if (max_length > 0 && length > max_length)
    gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");
}

static void
update_price (RdGenerationForm *self)
{
  g_autofree char *price = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *text = NULL;

  if (self->model == NULL || rivya_model_is_chat (self->model))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->price_label), FALSE);
      return;
    }

  price = credits_text (rivya_model_get_base_credits (self->model));
  balance = self->balance >= 0 ? credits_text (self->balance) : g_strdup (_("unknown"));
  if (g_strcmp0 (rivya_model_get_billing_type (self->model), "FIXED") == 0)
    /* translators: "Costs 1 credit · Balance: 1,000 credits" */
    text = g_strdup_printf (_("Costs %s · Balance: %s"), price, balance);
  else
    /* translators: a price that depends on the result, e.g. its duration */
    text = g_strdup_printf (_("Costs from %s · Balance: %s"), price, balance);

  gtk_label_set_label (self->price_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->price_label), TRUE);
}

static void
update_state (RdGenerationForm *self)
{
  g_autofree char *reason = find_reason (self);
  gboolean can_generate = reason == NULL;

  update_counter (self);
  update_price (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (reason, self->reason) != 0)
    {
      g_free (self->reason);
      self->reason = g_steal_pointer (&reason);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
    }
  if (can_generate != self->can_generate)
    {
      self->can_generate = can_generate;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GENERATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.generate", can_generate);
}

static void
clear_fields (RdGenerationForm *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      RdParamField *field = g_ptr_array_index (self->fields, i);
      adw_preferences_group_remove (self->params_group, field->row);
    }
  g_ptr_array_set_size (self->fields, 0);

  for (guint i = 0; i < self->extra_widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (self->extra_widgets, i);
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (parent == GTK_WIDGET (self->notices_box))
        gtk_box_remove (self->notices_box, widget);
      else
        adw_preferences_group_remove (self->params_group, widget);
    }
  g_ptr_array_set_size (self->extra_widgets, 0);
}

static void
add_notices (RdGenerationForm *self)
{
  GListModel *notices = rivya_model_get_notices (self->model);

  for (guint i = 0; notices != NULL && i < g_list_model_get_n_items (notices); i++)
    {
      g_autoptr(RivyaModelNotice) notice = g_list_model_get_item (notices, i);
      gboolean warning = g_strcmp0 (rivya_model_notice_get_level (notice), "warning") == 0;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name (warning ? "dialog-warning-symbolic"
                                                              : "dialog-information-symbolic");
      GtkWidget *label = gtk_label_new (rivya_model_notice_get_text (notice));

      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_add_css_class (box, "model-notice");
      if (warning)
        gtk_widget_add_css_class (box, "warning");
      gtk_box_append (self->notices_box, box);
      g_ptr_array_add (self->extra_widgets, box);
    }
}

static void
rebuild (RdGenerationForm *self)
{
  GListModel *params;
  gboolean usable;
  g_autofree char *summary = NULL;

  clear_fields (self);

  usable = self->model != NULL && !rivya_model_is_chat (self->model);
  rd_reference_zone_set_model (self->reference_zone, usable ? self->model : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reference_zone),
                          usable && rd_reference_zone_model_takes_references (self->model));
  gtk_widget_set_visible (GTK_WIDGET (self->chat_label),
                          self->model != NULL && rivya_model_is_chat (self->model));
  gtk_widget_set_visible (GTK_WIDGET (self->prompt_box), usable);
  gtk_widget_set_visible (GTK_WIDGET (self->params_group), FALSE);

  if (self->model == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->summary_label, "");
      update_state (self);
      return;
    }

  gtk_label_set_label (self->title_label, rivya_model_get_display_name (self->model));
  summary = g_strdup_printf ("%s · %s", rivya_model_get_id (self->model),
                             rivya_model_get_category (self->model) ? rivya_model_get_category (self->model) : "");
  gtk_label_set_label (self->summary_label, summary);
  add_notices (self);

  params = usable ? rivya_model_get_params (self->model) : NULL;
  for (guint i = 0; params != NULL && i < g_list_model_get_n_items (params); i++)
    {
      g_autoptr(RivyaModelParam) param = g_list_model_get_item (params, i);
      RdParamField *field = rd_param_field_new (param, G_CALLBACK (update_state), self);

      adw_preferences_group_add (self->params_group, field->row);
      g_ptr_array_add (self->fields, field);
      gtk_widget_set_visible (GTK_WIDGET (self->params_group), TRUE);
    }

  update_state (self);
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RdGenerationForm *self = RD_GENERATION_FORM (widget);

  if (self->can_generate)
    g_signal_emit (self, signals[GENERATE], 0);
}

static void
rd_generation_form_dispose (GObject *object)
{
  RdGenerationForm *self = RD_GENERATION_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_GENERATION_FORM);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->extra_widgets, g_ptr_array_unref);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (rd_generation_form_parent_class)->dispose (object);
}

static void
rd_generation_form_finalize (GObject *object)
{
  RdGenerationForm *self = RD_GENERATION_FORM (object);

  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (rd_generation_form_parent_class)->finalize (object);
}

static void
rd_generation_form_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RdGenerationForm *self = RD_GENERATION_FORM (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_BALANCE:
      g_value_set_int64 (value, self->balance);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_CAN_GENERATE:
      g_value_set_boolean (value, self->can_generate);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_generation_form_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RdGenerationForm *self = RD_GENERATION_FORM (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      rd_generation_form_set_model (self, g_value_get_object (value));
      break;

    case PROP_BALANCE:
      rd_generation_form_set_balance (self, g_value_get_int64 (value));
      break;

    case PROP_BUSY:
      rd_generation_form_set_busy (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_generation_form_class_init (RdGenerationFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_generation_form_dispose;
  object_class->finalize = rd_generation_form_finalize;
  object_class->get_property = rd_generation_form_get_property;
  object_class->set_property = rd_generation_form_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, RIVYA_TYPE_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BALANCE] =
    g_param_spec_int64 ("balance", NULL, NULL, -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GENERATE] =
    g_param_spec_boolean ("can-generate", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked to generate and the form allows it. */
  signals[GENERATE] =
    g_signal_new ("generate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rivyadesktop/RivyaDesktop/ui/rd-generation-form.ui");
  g_type_ensure (RD_TYPE_REFERENCE_ZONE);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, notices_box);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, chat_label);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, prompt_box);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, prompt_view);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, counter_label);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, reference_zone);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, params_group);
  gtk_widget_class_bind_template_child (widget_class, RdGenerationForm, price_label);

  gtk_widget_class_install_action (widget_class, "form.generate", NULL, generate_action);
}

static void
rd_generation_form_init (RdGenerationForm *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  self->balance = -1;
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_param_field_free);
  self->extra_widgets = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the capture phase, or the prompt's text view would take
   * Ctrl+Return as a new line. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                               gtk_named_action_new ("form.generate"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (gtk_text_view_get_buffer (self->prompt_view), "changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reference_zone, "notify::n-ready",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reference_zone, "notify::n-pending",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  rebuild (self);
}

GtkWidget *
rd_generation_form_new (void)
{
  return g_object_new (RD_TYPE_GENERATION_FORM, NULL);
}

RivyaModel *
rd_generation_form_get_model (RdGenerationForm *self)
{
  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), NULL);
  return self->model;
}

/* Builds the form anew for @model; the prompt is kept, as one often
 * tries the same prompt with another model. */
void
rd_generation_form_set_model (RdGenerationForm *self,
                              RivyaModel       *model)
{
  g_return_if_fail (RD_IS_GENERATION_FORM (self));
  g_return_if_fail (model == NULL || RIVYA_IS_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

gint64
rd_generation_form_get_balance (RdGenerationForm *self)
{
  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), -1);
  return self->balance;
}

/* -1 when unknown: the server then decides. */
void
rd_generation_form_set_balance (RdGenerationForm *self,
                                gint64            balance)
{
  g_return_if_fail (RD_IS_GENERATION_FORM (self));

  if (self->balance == balance)
    return;

  self->balance = balance;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE]);
}

gboolean
rd_generation_form_get_busy (RdGenerationForm *self)
{
  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), FALSE);
  return self->busy;
}

/* While a submission is on its way, a second click must not send it twice. */
void
rd_generation_form_set_busy (RdGenerationForm *self,
                             gboolean          busy)
{
  g_return_if_fail (RD_IS_GENERATION_FORM (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

char *
rd_generation_form_dup_prompt (RdGenerationForm *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), NULL);

  buffer = gtk_text_view_get_buffer (self->prompt_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
rd_generation_form_set_prompt (RdGenerationForm *self,
                               const char       *prompt)
{
  g_return_if_fail (RD_IS_GENERATION_FORM (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->prompt_view),
                            prompt ? prompt : "", -1);
}

gboolean
rd_generation_form_get_can_generate (RdGenerationForm *self)
{
  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), FALSE);
  return self->can_generate;
}

/* Returns: (nullable): why Generate is disabled, in words; NULL when it is not */
const char *
rd_generation_form_get_reason (RdGenerationForm *self)
{
  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), NULL);
  return self->reason;
}

/* Returns: (transfer full): the params as they are sent: select values
 * as strings, numbers as JSON numbers, booleans as JSON booleans */
JsonObject *
rd_generation_form_dup_params (RdGenerationForm *self)
{
  JsonObject *params;

  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), NULL);

  params = json_object_new ();
  for (guint i = 0; i < self->fields->len; i++)
    rd_param_field_add_to (g_ptr_array_index (self->fields, i), params);

  return params;
}

/* Returns: (transfer full) (nullable): the request for what the form
 * shows, with a fresh idempotency key; NULL without a model */
RivyaGenerationRequest *
rd_generation_form_build_request (RdGenerationForm *self)
{
  g_autoptr(RivyaGenerationRequest) request = NULL;
  g_autoptr(JsonObject) params = NULL;
  g_autofree char *prompt = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), NULL);

  if (self->model == NULL)
    return NULL;

  prompt = rd_generation_form_dup_prompt (self);
  request = rivya_generation_request_new (rivya_model_get_id (self->model), prompt);
  params = rd_generation_form_dup_params (self);
  json_object_iter_init (&iter, params);
  while (json_object_iter_next (&iter, &key, &value))
    rivya_generation_request_set_param (request, key, value);

  if (gtk_widget_get_visible (GTK_WIDGET (self->reference_zone)))
    {
      g_autoptr(JsonArray) items = rd_reference_zone_dup_reference_items (self->reference_zone);

      if (json_array_get_length (items) > 0)
        {
          g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), items);

          rivya_generation_request_set_param (request, "referenceMediaItems", node);
        }
    }

  return g_steal_pointer (&request);
}

/* Returns: (transfer none) (nullable): the row of the param @key, or for
 * numbers and booleans the spin button or switch in it */
GtkWidget *
rd_generation_form_get_param_widget (RdGenerationForm *self,
                                     const char       *key)
{
  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      RdParamField *field = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (rivya_model_param_get_key (field->param), key) == 0)
        return rd_param_field_get_widget (field);
    }

  return NULL;
}

/* Returns: (transfer none): the reference files of the form */
RdReferenceZone *
rd_generation_form_get_reference_zone (RdGenerationForm *self)
{
  g_return_val_if_fail (RD_IS_GENERATION_FORM (self), NULL);
  return self->reference_zone;
}
