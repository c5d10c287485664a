/* Submit a picture to Rivya and wait for it.
 *
 *   cc getting-started.c $(pkg-config --cflags --libs rivya-1.0) -o getting-started
 *   RIVYA_API_KEY=rvya_sk_... ./getting-started "a lighthouse at dusk"
 */
#include <rivya.h>

static GMainLoop *loop;
static int exit_status = 1;

static void
finished_cb (RivyaPoller     *poller,
             RivyaGeneration *generation,
             gpointer         user_data)
{
  if (rivya_generation_get_status (generation) == RIVYA_GENERATION_STATUS_SUCCEEDED)
    {
      g_print ("%s\n", rivya_generation_get_primary_url (generation));
      exit_status = 0;
    }
  else
    g_printerr ("Failed: %s\n", rivya_generation_get_error_message (generation));

  g_main_loop_quit (loop);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  RivyaPoller *poller = user_data;
  g_autoptr(RivyaGeneration) generation = NULL;
  g_autoptr(GError) error = NULL;

  generation = rivya_client_create_generation_finish (RIVYA_CLIENT (object), result, &error);
  if (generation == NULL)
    {
      /* Every API error carries the service's request id. */
      g_printerr ("%s (request %s)\n", error->message, rivya_error_get_request_id (error));
      g_main_loop_quit (loop);
      return;
    }

  g_printerr ("Submitted %s\n", rivya_generation_get_id (generation));
  /* One poller follows any number of jobs at the documented cadence. */
  rivya_poller_add (poller, rivya_generation_get_id (generation), "image");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RivyaClient) client = NULL;
  g_autoptr(RivyaPoller) poller = NULL;
  g_autoptr(RivyaGenerationRequest) request = NULL;
  const char *model = g_getenv ("RIVYA_MODEL");

  /* NULL picks https://rivya.ai; the key never appears in the source. */
  client = rivya_client_new (g_getenv ("RIVYA_BASE_URL"), g_getenv ("RIVYA_API_KEY"));
  poller = rivya_poller_new (client);
  g_signal_connect (poller, "finished", G_CALLBACK (finished_cb), NULL);

  request = rivya_generation_request_new (model ? model : "local-image",
                                          argc > 1 ? argv[1] : "a lighthouse at dusk");
  rivya_generation_request_set_param_string (request, "aspect_ratio", "16:9");

  loop = g_main_loop_new (NULL, FALSE);
  rivya_client_create_generation_async (client, request, NULL, created_cb, poller);
  g_main_loop_run (loop);
  g_main_loop_unref (loop);

  return exit_status;
}
