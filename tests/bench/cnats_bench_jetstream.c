/* The JetStream and key-value workloads of nervure bench (core/cli/bench_jetstream.cpp)
 * with the official C client: the same memory-stored stream or bucket, created
 * fresh and deleted afterwards, the same counts and the same JSON line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cnats_bench.h"

#define STREAM "NERVURE_BENCH"
#define BUCKET "nervure_bench"
#define FETCH_BATCH 256
#define ASYNC_WINDOW 256
#define KEYS 1000

static const char* const modes[] = {"js-pub", "js-async", "js-fetch", "js-ordered", "kv-put", "kv-get"};

bool is_jetstream_mode(const char* mode) {
  for (size_t i = 0; i < sizeof modes / sizeof *modes; ++i)
    if (strcmp(mode, modes[i]) == 0) return true;
  return false;
}

static long long async_failures = 0;

static void on_async_error(jsCtx* js, jsPubAckErr* pae, void* closure) {
  (void)js, (void)pae, (void)closure;
  ++async_failures; /* called on the library's thread, one at a time */
}

static jsCtx* jetstream_of(natsConnection* nc) {
  jsOptions o;
  jsCtx* js = NULL;
  check(jsOptions_Init(&o), "JetStream options");
  o.PublishAsync.MaxPending = ASYNC_WINDOW;
  o.PublishAsync.ErrHandler = on_async_error;
  check(natsConnection_JetStream(&js, nc, &o), "JetStream context");
  return js;
}

static void fresh_stream(jsCtx* js, const char* subject) {
  jsStreamConfig c;
  jsStreamInfo* si = NULL;
  jsErrCode err = 0;
  js_DeleteStream(js, STREAM, NULL, &err); /* left from an earlier run, or not found */
  check(jsStreamConfig_Init(&c), "stream config");
  c.Name = STREAM;
  c.Subjects = (const char*[]){subject};
  c.SubjectsLen = 1;
  c.Storage = js_MemoryStorage;
  check(js_AddStream(&si, js, &c, NULL, &err), "add stream");
  jsStreamInfo_Destroy(si);
}

/* Untimed: the consuming workloads read a stream that already holds plan->msgs. */
static long long fill(jsCtx* js, const plan_t* plan, const char* payload) {
  double stop_at = now_s() + plan->duration_s;
  long long n = 0;
  for (; n < plan->msgs && (n % CLOCK_EVERY != 0 || now_s() < stop_at); ++n)
    check(js_PublishAsync(js, plan->subject, payload, (int)plan->size, NULL), "publish async");
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = 60000;
  check(js_PublishAsyncComplete(js, &po), "publish async complete");
  return n;
}

static void record(result_t* r, double t0) { r->lat_us[r->n_lat++] = (now_s() - t0) * 1e6; }

static void js_pub(jsCtx* js, const plan_t* plan, const char* payload, result_t* r) {
  double start = now_s(), stop_at = start + plan->duration_s;
  for (; r->msgs < plan->msgs; ++r->msgs) {
    double t0 = now_s();
    if (t0 >= stop_at) {
      r->hit_duration = true;
      break;
    }
    jsPubAck* ack = NULL;
    jsErrCode err = 0;
    check(js_Publish(&ack, js, plan->subject, payload, (int)plan->size, NULL, &err), "publish");
    jsPubAck_Destroy(ack);
    record(r, t0);
  }
  r->seconds = now_s() - start;
}

static void js_async(jsCtx* js, const plan_t* plan, const char* payload, result_t* r) {
  double start = now_s(), stop_at = start + plan->duration_s;
  for (; r->msgs < plan->msgs; ++r->msgs) {
    if (r->msgs % CLOCK_EVERY == 0 && now_s() >= stop_at) {
      r->hit_duration = true;
      break;
    }
    check(js_PublishAsync(js, plan->subject, payload, (int)plan->size, NULL), "publish async");
  }
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = 60000;
  check(js_PublishAsyncComplete(js, &po), "publish async complete"); /* the last acknowledgement */
  r->seconds = now_s() - start;
  r->dropped = async_failures;
}

static void js_fetch(jsCtx* js, natsConnection* nc, const plan_t* plan, const char* payload, result_t* r) {
  long long stored = fill(js, plan, payload);
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = STREAM;
  so.Config.AckPolicy = js_AckExplicit;
  so.Config.MaxAckPending = -1;
  natsSubscription* sub = NULL;
  jsErrCode err = 0;
  check(js_PullSubscribe(&sub, js, plan->subject, "bench", NULL, &so, &err), "pull subscribe");
  double start = now_s(), stop_at = start + plan->duration_s;
  while (r->msgs < stored) {
    if (now_s() >= stop_at) {
      r->hit_duration = true;
      break;
    }
    natsMsgList list = {0};
    long long want = stored - r->msgs < FETCH_BATCH ? stored - r->msgs : FETCH_BATCH;
    natsStatus s = natsSubscription_Fetch(&list, sub, (int)want, 5000, &err);
    if (s != NATS_OK && s != NATS_TIMEOUT) check(s, "fetch");
    for (int i = 0; i < list.Count; ++i) natsMsg_Ack(list.Msgs[i], NULL);
    r->msgs += list.Count;
    natsMsgList_Destroy(&list);
  }
  check(natsConnection_FlushTimeout(nc, 10000), "flush"); /* the acknowledgements reached the server */
  r->seconds = now_s() - start;
  r->dropped = stored - r->msgs;
  natsSubscription_Unsubscribe(sub);
  natsSubscription_Destroy(sub);
}

static void js_ordered(jsCtx* js, const plan_t* plan, const char* payload, result_t* r) {
  long long stored = fill(js, plan, payload);
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = STREAM;
  so.Ordered = true;
  natsSubscription* sub = NULL;
  jsErrCode err = 0;
  double start = now_s(), stop_at = start + plan->duration_s;
  check(js_SubscribeSync(&sub, js, plan->subject, NULL, &so, &err), "ordered subscribe");
  natsSubscription_SetPendingLimits(sub, -1, -1);
  while (r->msgs < stored) {
    if (now_s() >= stop_at) {
      r->hit_duration = true;
      break;
    }
    natsMsg* m = NULL;
    natsStatus s = natsSubscription_NextMsg(&m, sub, 100);
    if (s == NATS_TIMEOUT) continue;
    check(s, "next message");
    natsMsg_Destroy(m);
    ++r->msgs;
  }
  r->seconds = now_s() - start;
  r->dropped = stored - r->msgs;
  natsSubscription_Unsubscribe(sub);
  natsSubscription_Destroy(sub);
}

static void kv_workload(jsCtx* js, const plan_t* plan, const char* payload, result_t* r) {
  js_DeleteKeyValue(js, BUCKET); /* left from an earlier run, or not found */
  kvConfig c;
  kvStore* kv = NULL;
  check(kvConfig_Init(&c), "bucket config");
  c.Bucket = BUCKET;
  c.StorageType = js_MemoryStorage;
  check(js_CreateKeyValue(&kv, js, &c), "create bucket");
  char keys[KEYS][16];
  for (int i = 0; i < KEYS; ++i) snprintf(keys[i], sizeof keys[i], "key%d", i);
  bool get = strcmp(plan->mode, "kv-get") == 0;
  uint64_t rev = 0;
  if (get)
    for (int i = 0; i < KEYS; ++i) check(kvStore_Put(&rev, kv, keys[i], payload, (int)plan->size), "put");
  double start = now_s(), stop_at = start + plan->duration_s;
  for (; r->msgs < plan->msgs; ++r->msgs) {
    double t0 = now_s();
    if (t0 >= stop_at) {
      r->hit_duration = true;
      break;
    }
    const char* key = keys[r->msgs % KEYS];
    if (get) {
      kvEntry* e = NULL;
      check(kvStore_Get(&e, kv, key), "get");
      kvEntry_Destroy(e);
    } else {
      check(kvStore_Put(&rev, kv, key, payload, (int)plan->size), "put");
    }
    record(r, t0);
  }
  r->seconds = now_s() - start;
  kvStore_Destroy(kv);
  js_DeleteKeyValue(js, BUCKET);
}

void bench_jetstream(const plan_t* plan, result_t* r) {
  /* Acknowledged publishes and KV operations are requests: sent at once, as in the core workloads' responder. */
  natsConnection* nc = connect_to(plan->url, plan->send_asap);
  jsCtx* js = jetstream_of(nc);
  char* payload = make_payload(plan->size);
  bool one_at_a_time = strcmp(plan->mode, "js-pub") == 0 || strncmp(plan->mode, "kv-", 3) == 0;
  if (one_at_a_time) {
    r->lat_us = malloc(sizeof(double) * (size_t)(plan->msgs > 0 ? plan->msgs : 1));
    if (!r->lat_us) exit(1);
  }
  if (strncmp(plan->mode, "kv-", 3) == 0) {
    kv_workload(js, plan, payload, r);
  } else {
    fresh_stream(js, plan->subject);
    if (strcmp(plan->mode, "js-pub") == 0) js_pub(js, plan, payload, r);
    else if (strcmp(plan->mode, "js-async") == 0) js_async(js, plan, payload, r);
    else if (strcmp(plan->mode, "js-fetch") == 0) js_fetch(js, nc, plan, payload, r);
    else js_ordered(js, plan, payload, r);
    jsErrCode err = 0;
    js_DeleteStream(js, STREAM, NULL, &err);
  }
  if (r->n_lat > 0) qsort(r->lat_us, (size_t)r->n_lat, sizeof(double), cmp_double);
  free(payload);
  jsCtx_Destroy(js);
  natsConnection_Destroy(nc);
}
