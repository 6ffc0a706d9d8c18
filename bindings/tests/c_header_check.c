/* nervure.h is plain C: this file is compiled as C99 with every warning an
   error, and runs the calls that need no server. */
#include <stdio.h>
#include <string.h>

#include "nervure.h"

static void on_done(void* user_data, nervure_completion* completion) {
  (void)user_data;
  (void)completion;
}

int main(void) {
  nervure_completion_fn fn = on_done;
  nervure_options* options = NULL;
  nervure_connection* connection = NULL;
  nervure_message_batch* batch = NULL;
  char* error = NULL;
  nervure_stats stats;
  (void)fn;
  memset(&stats, 0, sizeof stats);

  if (strcmp(nervure_status_name(NERVURE_NO_RESPONDERS), "NoRespondersError") != 0) return 1;
  if (strcmp(nervure_event_name(NERVURE_EVENT_LAME_DUCK), "lame_duck") != 0) return 2;
  if (nervure_options_create(&options, &error) != NERVURE_OK) return 3;
  if (nervure_options_set_reconnect_wait_ms(options, -1, &error) != NERVURE_INVALID_ARGUMENT) return 4;
  if (error == NULL) return 5;
  nervure_free_string(error);
  nervure_options_destroy(&options);
  if (options != NULL) return 6;
  /* Destroying NULL handles and counting NULL batches is harmless. */
  nervure_connection_destroy(&connection);
  nervure_message_batch_destroy(&batch);
  if (nervure_message_batch_count(NULL) != 0) return 7;
  if (nervure_connection_publish(NULL, "a", "x", 1, "", NULL, NULL) != NERVURE_INVALID_ARGUMENT) return 8;
  printf("nervure %s: the C header compiles as C99 and the server-less calls behave\n", nervure_version());
  return 0;
}
