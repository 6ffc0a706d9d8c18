/* What the two halves of cnats_bench share: the plan, the result and the helpers
 * (cnats_bench.c: the core workloads and main; cnats_bench_jetstream.c). */
#pragma once
#include <nats/nats.h>
#include <stdbool.h>

/* After the last publish, how long the receiver may go without progress before
 * the missing messages count as dropped (as in nervure bench). */
#define STALL_LIMIT_S 3.0
/* Reading the clock per message would cost as much as publishing a small one. */
#define CLOCK_EVERY 1024

typedef struct {
  const char* mode;
  const char* url;
  char subject[256];
  long long msgs;
  long long size;
  double duration_s;
  long long send_asap; /* reqrep responder; --no-send-asap measures libnats' default */
} plan_t;

typedef struct {
  long long msgs;
  double seconds;
  long long dropped;
  bool hit_duration;
  double* lat_us; /* sorted; reqrep only */
  long long n_lat;
} result_t;

double now_s(void);
void check(natsStatus s, const char* what);
natsConnection* connect_to(const char* url, bool send_asap);
char* make_payload(long long size);
int cmp_double(const void* a, const void* b);

bool is_jetstream_mode(const char* mode);
void bench_jetstream(const plan_t* plan, result_t* r);
