/* test-create-page.c
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

#include "rd-create-page.h"
#include "rd-generation-form.h"
#include "rd-model-cache.h"
#include "rd-session.h"
#include "rd-window.h"
#include "rd-window-private.h"
#include "rd-test-utils.h"

#define START_TIMEOUT_MS 30000

/* The documented example catalog (rivya-api-v1.md A.4), as the real
 * service would send it, with a few models for the other cases. */
static const char catalog_json[] =
  "{\"object\": \"list\", \"data\": ["
  "{\"id\": \"z-image\", \"display_name\": \"Z-Image\", \"category\": \"image\","
  " \"runtime\": \"async_task\", \"base_credits\": 1, \"billing_type\": \"FIXED\","
  " \"supported_modes\": [\"text-to-image\"], \"max_prompt_length\": 1000,"
  " \"params\": [{\"key\": \"aspect_ratio\", \"label\": \"Aspect ratio\", \"type\": \"select\","
  "   \"required\": false, \"default\": \"1:1\","
  "   \"options\": [\"1:1\", \"4:3\", \"3:4\", \"16:9\", \"9:16\"],"
  "   \"description\": \"The shape of the picture\"}],"
  " \"api_status\": \"available\", \"api_input_status\": \"available_text\", \"notices\": []},"
  "{\"id\": \"veo3-1-lite\", \"display_name\": \"Veo 3.1 Lite\", \"category\": \"video\","
  " \"base_credits\": 10, \"billing_type\": \"FIXED\", \"max_prompt_length\": 20,"
  " \"params\": ["
  "  {\"key\": \"aspectRatio\", \"label\": \"Aspect ratio\", \"type\": \"select\","
  "   \"default\": \"16:9\", \"options\": [\"16:9\", \"9:16\"]},"
  "  {\"key\": \"watermark\", \"label\": \"Watermark\", \"type\": \"text\", \"default\": \"rivya\"},"
  "  {\"key\": \"seeds\", \"label\": \"Seed\", \"type\": \"number\", \"required\": true,"
  "   \"default\": 12345, \"min\": 10000, \"max\": 99999, \"step\": 1},"
  "  {\"key\": \"enableTranslation\", \"label\": \"Translate the prompt\", \"type\": \"boolean\","
  "   \"default\": true}],"
  " \"api_status\": \"available\", \"api_input_status\": \"available_url_input\","
  " \"notices\": [{\"level\": \"warning\", \"text\": \"Videos take a few minutes.\"}]},"
  "{\"id\": \"elevenlabs-sound-effect-v2\", \"display_name\": \"ElevenLabs Sound Effects\","
  " \"category\": \"audio\", \"base_credits\": 2, \"billing_type\": \"METERED\","
  " \"max_prompt_length\": 500,"
  " \"params\": [{\"key\": \"duration_seconds\", \"label\": \"Duration\", \"type\": \"number\","
  "   \"default\": 3, \"min\": 0.5, \"max\": 22, \"step\": 0.5},"
  "  {\"key\": \"loop\", \"label\": \"Loop\", \"type\": \"select\", \"default\": \"false\","
  "   \"options\": [\"true\", \"false\"]}],"
  " \"api_status\": \"available\", \"api_input_status\": \"available_text\", \"notices\": []},"
  "{\"id\": \"seedance-2\", \"display_name\": \"Seedance 2\", \"category\": \"video\","
  " \"base_credits\": 30, \"max_prompt_length\": 1000, \"params\": [],"
  " \"api_status\": \"coming_soon\", \"api_input_status\": \"requires_files_api\", \"notices\": []},"
  "{\"id\": \"poster-maker\", \"display_name\": \"Poster Maker\", \"category\": \"image\","
  " \"base_credits\": 2, \"max_prompt_length\": 1000,"
  " \"params\": [{\"key\": \"title\", \"label\": \"Title\", \"type\": \"text\", \"required\": true}],"
  " \"api_status\": \"available\", \"api_input_status\": \"available_text\", \"notices\": []},"
  "{\"id\": \"gpt-5-2-chat\", \"display_name\": \"GPT-5.2\", \"category\": \"chat\","
  " \"runtime\": \"chat\", \"base_credits\": 1, \"billing_type\": \"TOKEN_BASED\","
  " \"max_prompt_length\": 20000, \"params\": [], \"api_status\": \"available\","
  " \"api_input_status\": \"available_text\", \"notices\": []}"
  "]}";

static GListStore *
load_catalog (void)
{
  g_autoptr(GError) error = NULL;
  GListStore *store = rd_model_cache_parse (catalog_json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 6);
  return store;
}

static RivyaModel *
find_model (GListModel *models,
            const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (models); i++)
    {
      g_autoptr(RivyaModel) model = g_list_model_get_item (models, i);

      if (g_strcmp0 (rivya_model_get_id (model), id) == 0)
        return model;
    }
  g_assert_not_reached ();
}

static char *
params_to_string (RdGenerationForm *form)
{
  g_autoptr(JsonObject) params = rd_generation_form_dup_params (form);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), params);

  return json_to_string (node, FALSE);
}

static void
write_cache (const char *json)
{
  g_autofree char *path = rd_model_cache_get_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

/* Each param type of the documented models, with its default and range. */
static void
test_form_params (void)
{
  g_autoptr(GListStore) catalog = load_catalog ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RdGenerationForm *form = RD_GENERATION_FORM (rd_generation_form_new ());
  GtkWidget *widget;
  GtkAdjustment *adjustment;
  g_autofree char *z_params = NULL;
  g_autofree char *veo_params = NULL;
  g_autofree char *veo_changed = NULL;
  g_autofree char *sound_params = NULL;

  gtk_window_set_child (window, GTK_WIDGET (form));
  gtk_window_present (window);

  rd_generation_form_set_model (form, find_model (G_LIST_MODEL (catalog), "z-image"));
  widget = rd_generation_form_get_param_widget (form, "aspect_ratio");
  g_assert_true (ADW_IS_COMBO_ROW (widget));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (widget))), ==, 5);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (widget)), ==, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), ==, "The shape of the picture");
  z_params = params_to_string (form);
  g_assert_cmpstr (z_params, ==, "{\"aspect_ratio\":\"1:1\"}");

  rd_generation_form_set_model (form, find_model (G_LIST_MODEL (catalog), "veo3-1-lite"));
  g_assert_true (ADW_IS_COMBO_ROW (rd_generation_form_get_param_widget (form, "aspectRatio")));
  widget = rd_generation_form_get_param_widget (form, "watermark");
  g_assert_true (ADW_IS_ENTRY_ROW (widget));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (widget)), ==, "rivya");
  widget = rd_generation_form_get_param_widget (form, "seeds");
  g_assert_true (GTK_IS_SPIN_BUTTON (widget));
  adjustment = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (widget));
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 10000);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 99999);
  g_assert_cmpfloat (gtk_adjustment_get_step_increment (adjustment), ==, 1);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)), ==, 12345);
  /* Required, and marked so. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW))),
                   ==, "Seed *");
  widget = rd_generation_form_get_param_widget (form, "enableTranslation");
  g_assert_true (GTK_IS_SWITCH (widget));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (widget)));
  if (g_getenv ("RD_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("RD_SCREENSHOT_DIR"),
                                                "create-form-documented.png", NULL);

      rd_generation_form_set_balance (form, 3);
      gtk_window_set_default_size (window, 640, 900);
      rd_test_wait_ms (300);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      rd_test_save_screenshot (GTK_WIDGET (window), path);
      rd_generation_form_set_balance (form, -1);
    }
  veo_params = params_to_string (form);
  g_assert_cmpstr (veo_params, ==,
                   "{\"aspectRatio\":\"16:9\",\"watermark\":\"rivya\",\"seeds\":12345,\"enableTranslation\":true}");

  /* What the user sets is what is sent, typed per the schema. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (rd_generation_form_get_param_widget (form, "aspectRatio")), 1);
  gtk_editable_set_text (GTK_EDITABLE (rd_generation_form_get_param_widget (form, "watermark")), "");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rd_generation_form_get_param_widget (form, "seeds")), 100000);
  gtk_switch_set_active (GTK_SWITCH (rd_generation_form_get_param_widget (form, "enableTranslation")), FALSE);
  veo_changed = params_to_string (form);
  g_assert_cmpstr (veo_changed, ==, "{\"aspectRatio\":\"9:16\",\"seeds\":99999,\"enableTranslation\":false}");

  rd_generation_form_set_model (form, find_model (G_LIST_MODEL (catalog), "elevenlabs-sound-effect-v2"));
  widget = rd_generation_form_get_param_widget (form, "duration_seconds");
  adjustment = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (widget));
  g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, 0.5);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 22);
  g_assert_cmpfloat (gtk_adjustment_get_step_increment (adjustment), ==, 0.5);
  g_assert_cmpuint (gtk_spin_button_get_digits (GTK_SPIN_BUTTON (widget)), ==, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 2.5);
  sound_params = params_to_string (form);
  g_assert_cmpstr (sound_params, ==, "{\"duration_seconds\":2.5,\"loop\":\"false\"}");

  gtk_window_destroy (window);
}

/* Generate is disabled, and the form says why. */
static void
test_form_reasons (void)
{
  g_autoptr(GListStore) catalog = load_catalog ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RdGenerationForm *form = RD_GENERATION_FORM (rd_generation_form_new ());
  g_autoptr(GString) long_prompt = g_string_new (NULL);
  g_autoptr(RivyaGenerationRequest) request = NULL;

  gtk_window_set_child (window, GTK_WIDGET (form));
  gtk_window_present (window);

  g_assert_false (rd_generation_form_get_can_generate (form));
  g_assert_cmpstr (rd_generation_form_get_reason (form), ==, "Choose a model to generate with.");

  rd_generation_form_set_model (form, find_model (G_LIST_MODEL (catalog), "veo3-1-lite"));
  g_assert_cmpstr (rd_generation_form_get_reason (form), ==, "Write a prompt first.");
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (form), "Videos take a few minutes."));

  /* 20 characters is the limit: 20 "é" (40 bytes) fit, 21 do not. */
  for (guint i = 0; i < 20; i++)
    g_string_append (long_prompt, "é");
  rd_generation_form_set_prompt (form, long_prompt->str);
  g_assert_true (rd_generation_form_get_can_generate (form));
  g_assert_null (rd_generation_form_get_reason (form));
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (form), "20 / 20"));
  g_string_append (long_prompt, "é");
  rd_generation_form_set_prompt (form, long_prompt->str);
  g_assert_false (rd_generation_form_get_can_generate (form));
  g_assert_cmpstr (rd_generation_form_get_reason (form), ==,
                   "The prompt is too long: 21 characters, at most 20.");
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (form), "21 / 20"));

  rd_generation_form_set_prompt (form, "A red fox");
  rd_generation_form_set_balance (form, 3);
  g_assert_false (rd_generation_form_get_can_generate (form));
  g_assert_cmpstr (rd_generation_form_get_reason (form), ==,
                   "Not enough credits: this costs 10 credits and the balance is 3 credits.");
  rd_generation_form_set_balance (form, 10);
  g_assert_true (rd_generation_form_get_can_generate (form));
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (form), "Costs 10 credits · Balance: 10 credits"));

  request = rd_generation_form_build_request (form);
  g_assert_cmpstr (rivya_generation_request_get_model (request), ==, "veo3-1-lite");
  g_assert_cmpstr (rivya_generation_request_get_prompt (request), ==, "A red fox");
  g_assert_nonnull (rivya_generation_request_get_idempotency_key (request));

  rd_generation_form_set_model (form, find_model (G_LIST_MODEL (catalog), "poster-maker"));
  g_assert_cmpstr (rd_generation_form_get_reason (form), ==, "Fill in “Title”: it is required.");
  gtk_editable_set_text (GTK_EDITABLE (rd_generation_form_get_param_widget (form, "title")), "Sale");
  g_assert_true (rd_generation_form_get_can_generate (form));

  rd_generation_form_set_model (form, find_model (G_LIST_MODEL (catalog), "seedance-2"));
  g_assert_false (rd_generation_form_get_can_generate (form));
  g_assert_cmpstr (rd_generation_form_get_reason (form), ==,
                   "This model is coming soon: it cannot be used through the API yet.");

  rd_generation_form_set_model (form, find_model (G_LIST_MODEL (catalog), "gpt-5-2-chat"));
  g_assert_false (rd_generation_form_get_can_generate (form));
  g_assert_cmpstr (rd_generation_form_get_reason (form), ==,
                   "Chat models are used in the Chat view, not here.");

  gtk_window_destroy (window);
}

/* The saved catalog is shown before the server answers, then replaced
 * by the server's, which is saved in turn. */
static void
test_page_cache (void)
{
  g_autoptr(RdServerSupervisor) supervisor = rd_server_supervisor_new (NULL);
  g_autoptr(RdSession) session = rd_session_new ();
  g_autoptr(GListStore) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rd_model_cache_get_path ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RdCreatePage *page;

  write_cache (catalog_json);
  rd_session_use_local (session, supervisor);
  g_assert_false (rd_session_get_ready (session));

  page = RD_CREATE_PAGE (rd_create_page_new ());
  rd_create_page_set_session (page, session);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  g_assert_cmpstr (rd_create_page_get_catalog_source (page), ==, "cache");
  g_assert_cmpuint (g_list_model_get_n_items (rd_create_page_get_models (page)), ==, 6);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (page), "Veo 3.1 Lite"));
  g_assert_true (rd_create_page_select_model (page, "z-image"));

  rd_server_supervisor_start (supervisor);
  RD_TEST_WAIT_UNTIL (g_strcmp0 (rd_create_page_get_catalog_source (page), "network") == 0,
                      START_TIMEOUT_MS);
  g_assert_true (rd_session_get_ready (session));
  g_assert_cmpuint (g_list_model_get_n_items (rd_create_page_get_models (page)), ==, 4);
  g_assert_cmpstr (rivya_model_get_id (find_model (rd_create_page_get_models (page), "local-image")),
                   ==, "local-image");
  /* z-image is gone, so nothing is chosen any more. */
  g_assert_null (rd_generation_form_get_model (rd_create_page_get_form (page)));

  saved = rd_model_cache_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (saved)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (rivya_model_get_params (find_model (G_LIST_MODEL (saved),
                                                                                  "local-image"))),
                    ==, 4);

  RD_TEST_WAIT_UNTIL (rd_session_get_balance (session) >= 0, START_TIMEOUT_MS);
  g_assert_cmpint (rd_session_get_balance (session), ==, 1000);
  g_assert_cmpint (rd_generation_form_get_balance (rd_create_page_get_form (page)), ==, 1000);

  gtk_window_destroy (window);
  rd_server_supervisor_stop (supervisor);
  g_assert_false (rd_session_get_ready (session));
  g_assert_cmpint (rd_session_get_balance (session), ==, -1);
}

/* Search as you type over names and ids, and the category filter. */
static void
test_page_filter (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  RdCreatePage *page;
  GListModel *models;

  write_cache (catalog_json);
  page = RD_CREATE_PAGE (rd_create_page_new ());
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  models = rd_create_page_get_models (page);
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 6);

  rd_create_page_set_search_text (page, "VEO");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 1);
  rd_create_page_set_search_text (page, "elevenlabs-sound");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 1);
  /* All but GPT-5.2 (gpt-5-2-chat) have an “e”. */
  rd_create_page_set_search_text (page, "e");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 5);

  rd_create_page_set_category (page, "image");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 2);
  rd_create_page_set_category (page, "video");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 2);
  rd_create_page_set_category (page, "audio");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 1);
  rd_create_page_set_category (page, "chat");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 0);
  rd_create_page_set_search_text (page, "gpt");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 1);

  rd_create_page_set_search_text (page, "nothing like this");
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 0);
  g_assert_nonnull (rd_test_find_label (GTK_WIDGET (page), "No Models Found"));

  rd_create_page_set_search_text (page, "");
  rd_create_page_set_category (page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (models), ==, 6);

  gtk_window_destroy (window);
}

static gboolean
has_size (GtkWidget *widget,
          int        width,
          int        height)
{
  if (gtk_widget_get_width (widget) == width && gtk_widget_get_height (widget) == height)
    return TRUE;

  g_test_message ("content is %dx%d, waiting for %dx%d", gtk_widget_get_width (widget),
                  gtk_widget_get_height (widget), width, height);
  return FALSE;
}

/* A window at @width x @height content with the Create page, its
 * catalog read from the server. Narrower than the main window's header
 * allows (417 px with the account box), the page is shown alone. */
static GtkWindow *
open_window (RdServerSupervisor *supervisor,
             int                 width,
             int                 height)
{
  GtkWindow *window;
  GtkWidget *content;
  RdCreatePage *page;

  if (width >= 600)
    {
      window = g_object_new (RD_TYPE_WINDOW, "supervisor", supervisor, NULL);
    }
  else
    {
      g_autoptr(RdSession) session = rd_session_new ();

      rd_session_use_local (session, supervisor);
      window = GTK_WINDOW (gtk_window_new ());
      page = RD_CREATE_PAGE (rd_create_page_new ());
      rd_create_page_set_session (page, session);
      gtk_window_set_child (window, GTK_WIDGET (page));
    }
  content = rd_test_get_content (GTK_WIDGET (window));
  page = RD_CREATE_PAGE (rd_test_find_widget (GTK_WIDGET (window), RD_TYPE_CREATE_PAGE));

  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  RD_TEST_WAIT_UNTIL (g_strcmp0 (rd_create_page_get_catalog_source (page), "network") == 0,
                      START_TIMEOUT_MS);
  RD_TEST_WAIT_UNTIL (rd_session_get_balance (rd_create_page_get_session (page)) >= 0,
                      START_TIMEOUT_MS);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* The default size counts GTK's resize border: make the content the size asked for. */
  gtk_window_set_default_size (window,
                               2 * width - gtk_widget_get_width (content),
                               2 * height - gtk_widget_get_height (content));
  RD_TEST_WAIT_UNTIL (has_size (content, width, height), 5000);
  return window;
}

/* Pictures of the Create view with a model chosen, to look at. */
static void
save_screenshots (RdServerSupervisor *supervisor,
                  int                 width,
                  int                 height)
{
  const char *dir = g_getenv ("RD_SCREENSHOT_DIR");
  g_autofree char *form_path = NULL;
  g_autofree char *list_path = NULL;
  RdCreatePage *page;
  GtkWindow *window;

  if (dir == NULL)
    return;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  window = open_window (supervisor, width, height);
  page = RD_CREATE_PAGE (rd_test_find_widget (GTK_WIDGET (window), RD_TYPE_CREATE_PAGE));
  rd_generation_form_set_prompt (rd_create_page_get_form (page),
                                 "A lighthouse on a cliff at dusk, warm light in the windows");
  g_assert_true (rd_create_page_select_model (page, "local-image"));
  rd_test_wait_ms (500);

  form_path = g_strdup_printf ("%s/create-form-%dx%d.png", dir, width, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rd_test_save_screenshot (GTK_WIDGET (window), form_path);
  g_test_message ("wrote %s", form_path);

  gtk_widget_activate_action (GTK_WIDGET (page), "create.back", NULL);
  rd_test_wait_ms (500);
  list_path = g_strdup_printf ("%s/create-list-%dx%d.png", dir, width, height);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rd_test_save_screenshot (GTK_WIDGET (window), list_path);
  g_test_message ("wrote %s", list_path);

  gtk_window_destroy (window);
}

static void
submitted_cb (RdCreatePage            *page,
              RivyaModel              *model,
              RivyaGenerationRequest  *request,
              RivyaGeneration         *generation,
              RivyaGeneration        **out)
{
  g_assert_cmpstr (rivya_model_get_id (model), ==, "local-image");
  g_assert_cmpstr (rivya_generation_request_get_prompt (request), ==, "A lighthouse at dusk");
  g_set_object (out, generation);
}

static void
get_generation_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RivyaGeneration **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rivya_client_get_generation_finish (RIVYA_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

/* A real submission of local-image to a real server, through the
 * window's session over the supervisor. */
static void
test_page_submit (void)
{
  g_autoptr(RdServerSupervisor) supervisor = rd_server_supervisor_new (NULL);
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(RivyaGeneration) on_server = NULL;
  RdSession *session;
  RdCreatePage *page;
  RdGenerationForm *form;
  RdWindow *window;

  rd_server_supervisor_start (supervisor);
  save_screenshots (supervisor, 1280, 800);
  save_screenshots (supervisor, 400, 800);

  window = RD_WINDOW (open_window (supervisor, 1280, 800));
  g_assert_true (rd_test_has_shortcut (GTK_WIDGET (window), "<Control>f", "win.search", NULL));
  g_object_get (window, "session", &session, NULL);
  g_object_unref (session);
  page = RD_CREATE_PAGE (rd_test_find_widget (GTK_WIDGET (window), RD_TYPE_CREATE_PAGE));
  form = rd_create_page_get_form (page);
  g_assert_true (rd_create_page_get_session (page) == session);
  g_assert_cmpint (rd_window_get_balance (window), ==, 1000);
  g_assert_cmpstr (rd_session_get_account_name (session), ==, "Local server");
  g_assert_true (rd_session_get_client (session) != NULL);

  rd_generation_form_set_prompt (form, "A lighthouse at dusk");
  g_assert_true (rd_create_page_select_model (page, "local-image"));
  g_assert_true (rd_generation_form_get_can_generate (form));
  /* The seed has no default: left empty, it is not sent. */
  {
    g_autofree char *params = params_to_string (form);

    g_assert_cmpstr (params, ==,
                     "{\"aspect_ratio\":\"1:1\",\"style\":\"vivid\",\"output_format\":\"png\"}");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rd_generation_form_get_param_widget (form, "seed"))),
                     ==, "");
  }
  g_signal_connect (page, "submitted", G_CALLBACK (submitted_cb), &generation);
  gtk_widget_activate_action (GTK_WIDGET (form), "form.generate", NULL);
  g_assert_true (rd_generation_form_get_busy (form));
  RD_TEST_WAIT_UNTIL (generation != NULL, START_TIMEOUT_MS);
  g_assert_false (rd_generation_form_get_busy (form));
  g_assert_true (g_str_has_prefix (rivya_generation_get_id (generation), "task_"));
  g_assert_cmpstr (rd_window_get_visible_view (window), ==, "jobs");
  g_assert_null (_rd_window_get_last_toast (window));

  /* The server has it. */
  rivya_client_get_generation_async (rd_session_get_client (session),
                                     rivya_generation_get_id (generation), NULL,
                                     get_generation_cb, &on_server);
  RD_TEST_WAIT_UNTIL (on_server != NULL, START_TIMEOUT_MS);
  g_assert_cmpstr (rivya_generation_get_id (on_server), ==, rivya_generation_get_id (generation));
  RD_TEST_WAIT_UNTIL (rd_window_get_balance (window) == 999, START_TIMEOUT_MS);

  /* Ctrl+F brings the search back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_cmpstr (rd_window_get_visible_view (window), ==, "create");

  gtk_window_destroy (GTK_WINDOW (window));
  rd_server_supervisor_stop (supervisor);
}

/* The server's refusal is told in a toast, with its message and the
 * request id: here a model of the saved catalog the server does not have. */
static void
test_page_submit_error (void)
{
  g_autoptr(RdServerSupervisor) supervisor = rd_server_supervisor_new (NULL);
  g_autoptr(RdSession) session = rd_session_new ();
  RdCreatePage *page;
  RdGenerationForm *form;
  const char *toast;
  RdWindow *window;

  rd_session_use_local (session, supervisor);
  rd_server_supervisor_start (supervisor);
  RD_TEST_WAIT_UNTIL (rd_session_get_ready (session), START_TIMEOUT_MS);
  write_cache (catalog_json);

  window = g_object_new (RD_TYPE_WINDOW, "supervisor", supervisor, "session", session, NULL);
  gtk_window_present (GTK_WINDOW (window));
  page = RD_CREATE_PAGE (rd_test_find_widget (GTK_WIDGET (window), RD_TYPE_CREATE_PAGE));
  form = rd_create_page_get_form (page);
  /* Before the server's catalog replaces the saved one. */
  g_assert_cmpstr (rd_create_page_get_catalog_source (page), ==, "cache");
  g_assert_true (rd_create_page_select_model (page, "z-image"));
  rd_generation_form_set_prompt (form, "A red fox");
  g_assert_true (rd_generation_form_get_can_generate (form));
  gtk_widget_activate_action (GTK_WIDGET (form), "form.generate", NULL);

  RD_TEST_WAIT_UNTIL (_rd_window_get_last_toast (window) != NULL, START_TIMEOUT_MS);
  toast = _rd_window_get_last_toast (window);
  g_test_message ("toast: %s", toast);
  g_assert_true (g_str_has_prefix (toast, "Could not generate: "));
  g_assert_nonnull (strstr (toast, " (request "));
  g_assert_true (g_str_has_suffix (toast, ")"));
  g_assert_cmpstr (rd_window_get_visible_view (window), ==, "create");
  g_assert_false (rd_generation_form_get_busy (form));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_server_supervisor_stop (supervisor);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  if (!rd_test_init_display (&argc, &argv))
    return 0;

  /* What AdwApplication does for the app: libadwaita's style and ours,
   * so that the screenshots look like the app. */
  adw_init ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/rivyadesktop/RivyaDesktop/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/create/form-params", test_form_params);
  g_test_add_func ("/create/form-reasons", test_form_reasons);
  g_test_add_func ("/create/page-cache", test_page_cache);
  g_test_add_func ("/create/page-filter", test_page_filter);
  g_test_add_func ("/create/page-submit", test_page_submit);
  g_test_add_func ("/create/page-submit-error", test_page_submit_error);

  return g_test_run ();
}
