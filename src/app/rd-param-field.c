/* rd-param-field.c
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

#define G_LOG_DOMAIN "rd-param-field"

#include "config.h"

#include "rd-param-field.h"

#include <glib/gi18n.h>

static double
default_number (RivyaModelParam *param)
{
  JsonNode *value = rivya_model_param_get_default_value (param);

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      (json_node_get_value_type (value) == G_TYPE_INT64 ||
       json_node_get_value_type (value) == G_TYPE_DOUBLE))
    return json_node_get_double (value);
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING)
    return g_ascii_strtod (json_node_get_string (value), NULL);

  return rivya_model_param_get_has_min (param) ? rivya_model_param_get_min (param) : 0;
}

/* Without libm: the values here are small enough for a gint64. */
static gint64
round_to_int (double value)
{
  return (gint64) (value + (value >= 0 ? 0.5 : -0.5));
}

static gboolean
is_integral (double value)
{
  double difference = value - (double) round_to_int (value);

  return difference < 1e-9 && difference > -1e-9;
}

static gboolean
spin_is_unset (GtkSpinButton *spin)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "rd-unset"));
}

static gboolean
unset_spin_output_cb (GtkSpinButton *spin)
{
  if (!spin_is_unset (spin))
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (spin), "");
  return TRUE;
}

static void
unset_spin_value_changed_cb (GtkSpinButton *spin)
{
  g_object_set_data (G_OBJECT (spin), "rd-unset", GINT_TO_POINTER (FALSE));
}

static GtkWidget *
make_number_control (RivyaModelParam *param)
{
  double min = rivya_model_param_get_has_min (param) ? rivya_model_param_get_min (param) : -G_MAXINT;
  double max = rivya_model_param_get_has_max (param) ? rivya_model_param_get_max (param) : G_MAXINT;
  double step = rivya_model_param_get_has_step (param) ? rivya_model_param_get_step (param) : 1;
  JsonNode *default_value = rivya_model_param_get_default_value (param);
  guint digits = 0;
  GtkWidget *spin;

  if (step <= 0)
    step = 1;
  /* As many decimals as the step has: 0.5 shows one, 0.25 two. */
  for (double scaled = step; digits < 4 && !is_integral (scaled); scaled *= 10)
    digits++;

  spin = gtk_spin_button_new_with_range (min, max, step);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), default_number (param));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  /* GTK sizes a spin button for its largest value (a seed goes to 2^31):
   * that must not make the window wider than a phone. */
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (spin), 10);
  /* An optional number with no default starts empty, and is not sent
   * until it is set. */
  if ((default_value == NULL || JSON_NODE_HOLDS_NULL (default_value)) &&
      !rivya_model_param_get_required (param))
    {
      g_object_set_data (G_OBJECT (spin), "rd-unset", GINT_TO_POINTER (TRUE));
      g_signal_connect (spin, "output", G_CALLBACK (unset_spin_output_cb), NULL);
      g_signal_connect (spin, "value-changed", G_CALLBACK (unset_spin_value_changed_cb), NULL);
      gtk_editable_set_text (GTK_EDITABLE (spin), "");
    }
  return spin;
}

static gboolean
default_boolean (RivyaModelParam *param)
{
  JsonNode *value = rivya_model_param_get_default_value (param);

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (value);
  if (value != NULL && JSON_NODE_HOLDS_VALUE (value) &&
      json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (value), "true") == 0;
  return FALSE;
}

static GtkWidget *
make_row (RivyaModelParam  *param,
          GCallback         changed,
          gpointer          instance,
          GtkWidget       **control)
{
  const char *label = rivya_model_param_get_label (param);
  const char *description = rivya_model_param_get_description (param);
  g_autofree char *title = NULL;
  g_autofree char *fallback = NULL;
  GtkWidget *row = NULL;

  if (label == NULL || label[0] == '\0')
    label = rivya_model_param_get_key (param);
  /* translators: the title of a required setting, e.g. "Aspect ratio *" */
  title = rivya_model_param_get_required (param) ? g_strdup_printf (_("%s *"), label)
                                                : g_strdup (label);
  *control = NULL;

  switch (rivya_model_param_get_value_type (param))
    {
    case RIVYA_MODEL_PARAM_TYPE_SELECT:
      {
        const char * const *options = rivya_model_param_get_options (param);
        g_autoptr(GtkStringList) list = gtk_string_list_new ((const char **)options);
        g_autofree char *value = rivya_model_param_dup_default_string (param);
        guint selected = options && options[0] ? 0 : GTK_INVALID_LIST_POSITION;

        for (guint i = 0; value != NULL && options != NULL && options[i] != NULL; i++)
          if (g_strcmp0 (options[i], value) == 0)
            selected = i;

        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
        g_signal_connect_object (row, "notify::selected", changed, instance,
                                 G_CONNECT_SWAPPED);
      }
      break;

    case RIVYA_MODEL_PARAM_TYPE_TEXT:
      {
        g_autofree char *value = rivya_model_param_dup_default_string (param);

        row = adw_entry_row_new ();
        gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
        /* AdwEntryRow has no subtitle in libadwaita 1.2. */
        gtk_widget_set_tooltip_text (row, description);
        g_signal_connect_object (row, "changed", changed, instance,
                                 G_CONNECT_SWAPPED);
      }
      break;

    case RIVYA_MODEL_PARAM_TYPE_NUMBER:
      row = adw_action_row_new ();
      *control = make_number_control (param);
      gtk_accessible_update_property (GTK_ACCESSIBLE (*control),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *control);
      break;

    case RIVYA_MODEL_PARAM_TYPE_BOOLEAN:
      row = adw_action_row_new ();
      *control = gtk_switch_new ();
      gtk_switch_set_active (GTK_SWITCH (*control), default_boolean (param));
      gtk_widget_set_valign (*control, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (*control),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), *control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *control);
      break;

    case RIVYA_MODEL_PARAM_TYPE_UNKNOWN:
    default:
      /* Not sent: the server takes its default. Said rather than hidden. */
      row = adw_action_row_new ();
      fallback = g_strdup_printf (_("This version cannot set “%s” settings; the model’s default is used."),
                                  rivya_model_param_get_type_name (param));
      description = fallback;
      break;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (ADW_IS_ACTION_ROW (row) && description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);

  return row;
}

/* Returns: (transfer full): the field for @param; @changed is called
 * swapped on @instance when a select or text value changes */
RdParamField *
rd_param_field_new (RivyaModelParam *param,
                    GCallback        changed,
                    gpointer         instance)
{
  RdParamField *field = g_new0 (RdParamField, 1);

  field->param = g_object_ref (param);
  field->row = make_row (param, changed, instance, &field->control);
  return field;
}

void
rd_param_field_free (RdParamField *field)
{
  g_clear_object (&field->param);
  g_free (field);
}

/* Whether a required field has a value. */
gboolean
rd_param_field_is_empty (RdParamField *field)
{
  switch (rivya_model_param_get_value_type (field->param))
    {
    case RIVYA_MODEL_PARAM_TYPE_SELECT:
      return adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)) == GTK_INVALID_LIST_POSITION;

    case RIVYA_MODEL_PARAM_TYPE_TEXT:
      return gtk_editable_get_text (GTK_EDITABLE (field->row))[0] == '\0';

    case RIVYA_MODEL_PARAM_TYPE_NUMBER:
    case RIVYA_MODEL_PARAM_TYPE_BOOLEAN:
    case RIVYA_MODEL_PARAM_TYPE_UNKNOWN:
    default:
      return FALSE;
    }
}

/* Adds the field's value to @params as it is sent: select values as
 * strings, numbers as JSON numbers, booleans as JSON booleans. */
void
rd_param_field_add_to (RdParamField *field,
                       JsonObject   *params)
{
  const char *key = rivya_model_param_get_key (field->param);

  switch (rivya_model_param_get_value_type (field->param))
    {
    case RIVYA_MODEL_PARAM_TYPE_SELECT:
      {
        GObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (field->row));

        if (item != NULL)
          json_object_set_string_member (params, key,
                                         gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      }
      break;

    case RIVYA_MODEL_PARAM_TYPE_TEXT:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (field->row));

        /* An empty optional text is left to the server's default. */
        if (text[0] != '\0')
          json_object_set_string_member (params, key, text);
      }
      break;

    case RIVYA_MODEL_PARAM_TYPE_NUMBER:
      {
        GtkSpinButton *spin = GTK_SPIN_BUTTON (field->control);
        double value = gtk_spin_button_get_value (spin);
        double step = rivya_model_param_get_has_step (field->param)
                      ? rivya_model_param_get_step (field->param) : 1;

        /* Left empty, the server picks (a seed, say). */
        if (spin_is_unset (spin))
          break;
        if (is_integral (step) && is_integral (value))
          json_object_set_int_member (params, key, round_to_int (value));
        else
          json_object_set_double_member (params, key, value);
      }
      break;

    case RIVYA_MODEL_PARAM_TYPE_BOOLEAN:
      json_object_set_boolean_member (params, key,
                                      gtk_switch_get_active (GTK_SWITCH (field->control)));
      break;

    case RIVYA_MODEL_PARAM_TYPE_UNKNOWN:
    default:
      break;
    }
}

/* Returns: (transfer none): the spin button or switch of a number or
 * boolean, else the row */
GtkWidget *
rd_param_field_get_widget (RdParamField *field)
{
  return field->control ? field->control : field->row;
}
