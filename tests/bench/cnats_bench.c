/* The official NATS C client (Debian's libnats) running the same workloads as
 * `nervure bench`, with the same JSON output, so the two can be compared
 * side by side on one server in one run. */
#include <nats/nats.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

static int cmp_double(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return x < y ? -1 : x > y;
}

static void check(natsStatus s, const char* what) {
  if (s != NATS_OK) {
    fprintf(stderr, "cnats_bench: %s: %s\n", what, natsStatus_GetText(s));
    exit(1);
  }
}

static natsConnection* connect_to(const char* url) {
  natsConnection* nc = NULL;
  check(natsConnection_ConnectTo(&nc, url), "connect");
  return nc;
}

static void print_json(const char* mode, long size, long msgs, double secs, long dropped, double* lat, long n) {
  printf("{\"client\":\"c\",\"mode\":\"%s\",\"size\":%ld,\"msgs\":%ld,\"seconds\":%.4f,\"msgs_per_sec\":%.0f,\"dropped\":%ld",
         mode, size, msgs, secs, secs > 0 ? msgs / secs : 0, dropped);
  if (lat && n > 0) {
    qsort(lat, (size_t)n, sizeof(double), cmp_double);
    printf(",\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f", lat[n / 2], lat[n * 90 / 100],
           lat[n * 99 / 100], lat[n * 999 / 1000]);
  }
  printf("}\n");
}

static void bench_pub(const char* url, long msgs, long size, double limit) {
  natsConnection* nc = connect_to(url);
  char* payload = malloc((size_t)size + 1);
  memset(payload, 'x', (size_t)size);
  double start = now_s();
  long sent = 0;
  for (; sent < msgs; ++sent) {
    check(natsConnection_Publish(nc, "bench.pub", payload, (int)size), "publish");
    if ((sent & 1023) == 0 && now_s() - start > limit) break;
  }
  check(natsConnection_FlushTimeout(nc, 60000), "flush");
  print_json("pub", size, sent, now_s() - start, 0, NULL, 0);
  natsConnection_Destroy(nc);
  free(payload);
}

static void bench_pubsub(const char* url, long msgs, long size, double limit) {
  natsConnection* sc = connect_to(url);
  natsConnection* pc = connect_to(url);
  natsSubscription* sub = NULL;
  check(natsConnection_SubscribeSync(&sub, sc, "bench.pubsub"), "subscribe");
  check(natsSubscription_SetPendingLimits(sub, -1, -1), "pending limits");
  check(natsConnection_Flush(sc), "flush");
  char* payload = malloc((size_t)size + 1);
  memset(payload, 'x', (size_t)size);
  double start = now_s();
  long sent = 0, received = 0;
  /* Publish everything, then drain: the subscriber's queue absorbs the burst,
     as nervure's does, and the clock stops when the last message is in hand. */
  for (; sent < msgs; ++sent) {
    check(natsConnection_Publish(pc, "bench.pubsub", payload, (int)size), "publish");
    if ((sent & 1023) == 0 && now_s() - start > limit) break;
  }
  check(natsConnection_FlushTimeout(pc, 60000), "flush");
  while (received < sent) {
    natsMsg* m = NULL;
    if (natsSubscription_NextMsg(&m, sub, 10000) != NATS_OK) break;
    natsMsg_Destroy(m);
    ++received;
  }
  print_json("pubsub", size, received, now_s() - start, sent - received, NULL, 0);
  natsSubscription_Destroy(sub);
  natsConnection_Destroy(pc);
  natsConnection_Destroy(sc);
  free(payload);
}

static void on_request(natsConnection* nc, natsSubscription* sub, natsMsg* m, void* closure) {
  natsConnection_Publish(nc, natsMsg_GetReply(m), natsMsg_GetData(m), natsMsg_GetDataLength(m));
  natsMsg_Destroy(m);
}

static void bench_reqrep(const char* url, long msgs, long size, double limit) {
  natsConnection* server = connect_to(url);
  natsConnection* client = connect_to(url);
  natsSubscription* sub = NULL;
  check(natsConnection_Subscribe(&sub, server, "bench.reqrep", on_request, NULL), "subscribe");
  check(natsConnection_Flush(server), "flush");
  char* payload = malloc((size_t)size + 1);
  memset(payload, 'x', (size_t)size);
  double* lat = malloc(sizeof(double) * (size_t)msgs);
  double start = now_s();
  long n = 0;
  for (; n < msgs && now_s() - start < limit; ++n) {
    natsMsg* reply = NULL;
    double t0 = now_s();
    check(natsConnection_Request(&reply, client, "bench.reqrep", payload, (int)size, 5000), "request");
    lat[n] = (now_s() - t0) * 1e6;
    natsMsg_Destroy(reply);
  }
  print_json("reqrep", size, n, now_s() - start, 0, lat, n);
  natsSubscription_Destroy(sub);
  natsConnection_Destroy(client);
  natsConnection_Destroy(server);
  free(payload);
  free(lat);
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: cnats_bench URL pub|pubsub|reqrep [MSGS] [SIZE] [SECONDS]\n");
    return 2;
  }
  const char* url = argv[1];
  const char* mode = argv[2];
  long msgs = argc > 3 ? atol(argv[3]) : (strcmp(mode, "reqrep") == 0 ? 20000 : 1000000);
  long size = argc > 4 ? atol(argv[4]) : 16;
  double limit = argc > 5 ? atof(argv[5]) : 10;
  if (strcmp(mode, "pub") == 0) bench_pub(url, msgs, size, limit);
  else if (strcmp(mode, "pubsub") == 0) bench_pubsub(url, msgs, size, limit);
  else if (strcmp(mode, "reqrep") == 0) bench_reqrep(url, msgs, size, limit);
  else {
    fprintf(stderr, "cnats_bench: unknown mode %s\n", mode);
    return 2;
  }
  nats_Close();
  return 0;
}
