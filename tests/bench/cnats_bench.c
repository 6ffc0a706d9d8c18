/* The official NATS C client (Debian's libnats) running the workloads of
 * `nervure bench`, with the same flags and the same JSON line, so that
 * scripts/bench.sh can set the two side by side on one server in one run.
 * Keep it in step with core/cli/bench_workloads.cpp and bench_report.cpp.
 *
 *   cnats_bench pub|pubsub|reqrep|js-pub|js-async|js-fetch|js-ordered|kv-put|kv-get
 *               [--server URL] [--msgs N] [--size BYTES]
 *               [--duration 10s] [--subject S] [--json]
 *
 * Each client is used the way its documentation recommends for the workload:
 * here, the responder's connection sends replies at once (natsOptions_SetSendAsap,
 * whose documentation names exactly this case); without it every reply waits
 * for libnats' background flusher and a round trip costs about a millisecond. */
#include <math.h>
#include <nats/nats.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cnats_bench.h"

double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void check(natsStatus s, const char* what) {
  if (s != NATS_OK) {
    fprintf(stderr, "cnats_bench: %s: %s\n", what, natsStatus_GetText(s));
    nats_PrintLastErrorStack(stderr);
    exit(1);
  }
}

static void usage(const char* why) {
  if (why) fprintf(stderr, "cnats_bench: %s\n", why);
  fprintf(stderr,
          "usage: cnats_bench pub|pubsub|reqrep|js-pub|js-async|js-fetch|js-ordered|kv-put|kv-get [--server URL] [--msgs N] [--size BYTES] [--duration 10s]\n"
          "                   [--subject S] [--no-send-asap] [--json]\n");
  exit(2);
}

/* "10s", "500ms", "1m": the syntax nervure bench accepts. */
static double parse_duration_s(const char* text) {
  char* end = NULL;
  double v = strtod(text, &end);
  if (end == text || v <= 0) usage("bad --duration");
  if (strcmp(end, "ms") == 0) return v / 1e3;
  if (strcmp(end, "s") == 0) return v;
  if (strcmp(end, "m") == 0) return v * 60;
  usage("--duration needs a unit: ms, s or m");
  return 0;
}

static long long parse_count(const char* text, const char* flag, long long min) {
  char* end = NULL;
  long long v = strtoll(text, &end, 10);
  if (end == text || *end != '\0' || v < min) {
    fprintf(stderr, "cnats_bench: bad %s '%s'\n", flag, text);
    exit(2);
  }
  return v;
}

natsConnection* connect_to(const char* url, bool send_asap) {
  natsOptions* o = NULL;
  natsConnection* nc = NULL;
  check(natsOptions_Create(&o), "options");
  check(natsOptions_SetURL(o, url), "server URL");
  check(natsOptions_SetName(o, "cnats-bench"), "name");
  if (send_asap) check(natsOptions_SetSendAsap(o, true), "send asap");
  check(natsConnection_Connect(&nc, o), "connect");
  natsOptions_Destroy(o);
  return nc;
}

char* make_payload(long long size) {
  char* p = malloc((size_t)size + 1);
  if (!p) exit(1);
  memset(p, 'x', (size_t)size);
  return p;
}

int cmp_double(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return x < y ? -1 : x > y;
}

/* Nearest rank, as BenchResult::percentile. */
static double percentile(const result_t* r, double p) {
  if (r->n_lat == 0) return 0;
  long long rank = (long long)ceil(p * (double)r->n_lat);
  if (rank < 1) rank = 1;
  if (rank > r->n_lat) rank = r->n_lat;
  return r->lat_us[rank - 1];
}

static void bench_pub(const plan_t* plan, result_t* r) {
  natsConnection* nc = connect_to(plan->url, false);
  char* payload = make_payload(plan->size);
  double start = now_s(), stop_at = start + plan->duration_s;
  for (; r->msgs < plan->msgs; ++r->msgs) {
    if (r->msgs % CLOCK_EVERY == 0 && now_s() >= stop_at) {
      r->hit_duration = true;
      break;
    }
    check(natsConnection_Publish(nc, plan->subject, payload, (int)plan->size), "publish");
  }
  check(natsConnection_FlushTimeout(nc, 60000), "flush"); /* the clock stops once the server has everything */
  r->seconds = now_s() - start;
  natsConnection_Destroy(nc);
  free(payload);
}

/* Shared between the publishing thread and libnats' delivery thread. The
 * callback does no more per message than nervure's consumer does per batch:
 * one atomic increment; the clock is read only for the message that completes
 * the run. */
typedef struct {
  pthread_mutex_t mu;
  pthread_cond_t cond;
  long long received; /* atomic */
  long long target;   /* atomic: plan->msgs, lowered to the count sent when --duration cuts the run */
  double last_receipt; /* under mu */
} receiver_t;

static void on_msg(natsConnection* nc, natsSubscription* sub, natsMsg* m, void* closure) {
  receiver_t* rc = closure;
  natsMsg_Destroy(m);
  long long n = __atomic_add_fetch(&rc->received, 1, __ATOMIC_ACQ_REL);
  if (n == __atomic_load_n(&rc->target, __ATOMIC_ACQUIRE)) {
    pthread_mutex_lock(&rc->mu);
    rc->last_receipt = now_s();
    pthread_cond_signal(&rc->cond);
    pthread_mutex_unlock(&rc->mu);
  }
}

static void bench_pubsub(const plan_t* plan, result_t* r) {
  receiver_t rc = {.received = 0, .target = plan->msgs, .last_receipt = 0};
  pthread_mutex_init(&rc.mu, NULL);
  pthread_cond_init(&rc.cond, NULL);
  natsConnection* sc = connect_to(plan->url, false);
  natsConnection* pc = connect_to(plan->url, false);
  natsSubscription* sub = NULL;
  /* An asynchronous subscription is libnats' fast path: its own delivery thread
     calls back per message, as nervure's consumer takes batches on its own thread.
     Unlimited pending, as in nervure bench: client-side drops would measure the limit. */
  check(natsConnection_Subscribe(&sub, sc, plan->subject, on_msg, &rc), "subscribe");
  check(natsSubscription_SetPendingLimits(sub, -1, -1), "pending limits");
  check(natsConnection_Flush(sc), "flush");
  char* payload = make_payload(plan->size);
  double start = now_s(), stop_at = start + plan->duration_s;
  long long sent = 0;
  for (; sent < plan->msgs; ++sent) {
    if (sent % CLOCK_EVERY == 0 && now_s() >= stop_at) {
      r->hit_duration = true;
      break;
    }
    check(natsConnection_Publish(pc, plan->subject, payload, (int)plan->size), "publish");
  }
  check(natsConnection_FlushTimeout(pc, 60000), "flush");
  pthread_mutex_lock(&rc.mu);
  if (sent < plan->msgs) {
    __atomic_store_n(&rc.target, sent, __ATOMIC_RELEASE);
    /* Everything may be in already, past the lowered target: then the end is now. */
    if (__atomic_load_n(&rc.received, __ATOMIC_ACQUIRE) >= sent) rc.last_receipt = now_s();
  }
  long long seen = -1;
  double last_progress = now_s();
  while (rc.last_receipt == 0) {
    long long got = __atomic_load_n(&rc.received, __ATOMIC_ACQUIRE);
    if (got != seen) {
      seen = got;
      last_progress = now_s();
    } else if (now_s() - last_progress > STALL_LIMIT_S) {
      rc.last_receipt = last_progress; /* messages were lost; the run ended at the last progress seen */
      break;
    }
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 100 * 1000 * 1000;
    if (until.tv_nsec >= 1000000000L) {
      until.tv_sec += 1;
      until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&rc.cond, &rc.mu, &until);
  }
  r->msgs = __atomic_load_n(&rc.received, __ATOMIC_ACQUIRE);
  if (r->msgs > sent) r->msgs = sent;
  r->seconds = rc.last_receipt - start;
  pthread_mutex_unlock(&rc.mu);
  r->dropped = sent - r->msgs;
  natsSubscription_Unsubscribe(sub); /* no callback may run once rc is gone */
  natsSubscription_Destroy(sub);
  natsConnection_Destroy(pc);
  natsConnection_Destroy(sc);
  free(payload);
}

static void on_request(natsConnection* nc, natsSubscription* sub, natsMsg* m, void* closure) {
  natsConnection_Publish(nc, natsMsg_GetReply(m), natsMsg_GetData(m), natsMsg_GetDataLength(m));
  natsMsg_Destroy(m);
}

static void bench_reqrep(const plan_t* plan, result_t* r) {
  natsConnection* responder = connect_to(plan->url, plan->send_asap);
  natsConnection* client = connect_to(plan->url, false);
  natsSubscription* sub = NULL;
  check(natsConnection_Subscribe(&sub, responder, plan->subject, on_request, NULL), "subscribe");
  check(natsConnection_Flush(responder), "flush");
  char* payload = make_payload(plan->size);
  long long cap = plan->msgs < (1LL << 22) ? plan->msgs : (1LL << 22);
  r->lat_us = malloc(sizeof(double) * (size_t)cap);
  double start = now_s(), stop_at = start + plan->duration_s;
  for (; r->msgs < plan->msgs; ++r->msgs) {
    double t0 = now_s();
    if (t0 >= stop_at) {
      r->hit_duration = true;
      break;
    }
    natsMsg* reply = NULL;
    check(natsConnection_Request(&reply, client, plan->subject, payload, (int)plan->size, 5000), "request");
    if (r->n_lat == cap) {
      cap *= 2;
      r->lat_us = realloc(r->lat_us, sizeof(double) * (size_t)cap);
    }
    r->lat_us[r->n_lat++] = (now_s() - t0) * 1e6;
    natsMsg_Destroy(reply);
  }
  r->seconds = now_s() - start;
  qsort(r->lat_us, (size_t)r->n_lat, sizeof(double), cmp_double);
  natsSubscription_Unsubscribe(sub);
  natsSubscription_Destroy(sub);
  natsConnection_Destroy(client);
  natsConnection_Destroy(responder);
  free(payload);
}

static void print_json(const plan_t* plan, const result_t* r) {
  double rate = r->seconds > 0 ? (double)r->msgs / r->seconds : 0;
  printf("{\"client\":\"c\",\"mode\":\"%s\",\"size\":%lld,\"msgs\":%lld,\"seconds\":%.4f,\"msgs_per_sec\":%.0f,"
         "\"mb_per_sec\":%.2f,\"dropped\":%lld,\"hit_duration\":%s",
         plan->mode, plan->size, r->msgs, r->seconds, rate, rate * (double)plan->size / 1e6, r->dropped,
         r->hit_duration ? "true" : "false");
  if (r->n_lat > 0)
    printf(",\"p50_us\":%.1f,\"p90_us\":%.1f,\"p99_us\":%.1f,\"p999_us\":%.1f,\"max_us\":%.1f", percentile(r, 0.5),
           percentile(r, 0.9), percentile(r, 0.99), percentile(r, 0.999), percentile(r, 1.0));
  if (strcmp(plan->mode, "reqrep") == 0 || is_jetstream_mode(plan->mode))
    printf(",\"send_asap\":%s", plan->send_asap ? "true" : "false");
  printf("}\n");
}

int main(int argc, char** argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) usage(NULL);
  plan_t plan = {.mode = argv[1], .url = NULL, .size = 16, .duration_s = 10, .send_asap = 1};
  bool is_reqrep = strcmp(plan.mode, "reqrep") == 0, jetstream = is_jetstream_mode(plan.mode);
  if (strcmp(plan.mode, "pub") != 0 && strcmp(plan.mode, "pubsub") != 0 && !is_reqrep && !jetstream)
    usage("unknown mode");
  bool one_at_a_time = is_reqrep || strcmp(plan.mode, "js-pub") == 0 || strncmp(plan.mode, "kv-", 3) == 0;
  plan.msgs = one_at_a_time ? 20000 : jetstream ? 200000 : 1000000;
  snprintf(plan.subject, sizeof plan.subject, "bench.%s", plan.mode);
  plan.url = getenv("NERVURE_URL");
  if (!plan.url || !*plan.url) plan.url = getenv("NATS_URL");
  if (!plan.url || !*plan.url) plan.url = "nats://127.0.0.1:4222";
  for (int i = 2; i < argc; ++i) {
    const char* a = argv[i];
    const char* v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--json") == 0) continue; /* JSON is the only output; accepted for symmetry */
    if (strcmp(a, "--no-send-asap") == 0) {
      plan.send_asap = 0;
      continue;
    }
    if (!v) usage("an option is missing its value");
    if (strcmp(a, "--server") == 0) plan.url = v;
    else if (strcmp(a, "--msgs") == 0) plan.msgs = parse_count(v, a, 1);
    else if (strcmp(a, "--size") == 0) plan.size = parse_count(v, a, 0);
    else if (strcmp(a, "--duration") == 0) plan.duration_s = parse_duration_s(v);
    else if (strcmp(a, "--subject") == 0) snprintf(plan.subject, sizeof plan.subject, "%s", v);
    else usage("unknown option");
    ++i;
  }
  result_t r = {0};
  if (jetstream) bench_jetstream(&plan, &r);
  else if (strcmp(plan.mode, "pub") == 0) bench_pub(&plan, &r);
  else if (strcmp(plan.mode, "pubsub") == 0) bench_pubsub(&plan, &r);
  else bench_reqrep(&plan, &r);
  print_json(&plan, &r);
  free(r.lat_us);
  nats_Close();
  return 0;
}
