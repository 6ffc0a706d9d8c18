// The conformance agent for C++ (tests/conformance/PROTOCOL.md).
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "nervure/nervure.hpp"

using nlohmann::json;
using namespace nervure;

namespace {

json pairs(const Headers& h) {
  json out = json::array();
  for (const auto& [k, v] : h.entries()) out.push_back({k, v});
  return out;
}

Headers headers_of(const json& list) {
  Headers h;
  if (list.is_array())
    for (const auto& kv : list) h.add(kv.at(0).get<std::string>(), kv.at(1).get<std::string>());
  return h;
}

std::string pack(const json& value) {
  auto bytes = json::to_msgpack(value);
  return std::string(bytes.begin(), bytes.end());
}
json unpack(const std::string& bytes) { return bytes.empty() ? json() : json::from_msgpack(bytes); }

class Conformance : public MethodActor {
 public:
  Conformance() {
    method("echo", [](ActorContext&, std::string_view args) { return std::string(args.empty() ? pack(json()) : args); });
    method("add", [](ActorContext& ctx, std::string_view args) {
      auto total = unpack(ctx.get("n").value_or(pack(0))).get<int64_t>() + unpack(std::string(args)).get<int64_t>();
      ctx.set("n", pack(total));
      return pack(total);
    });
    method("whoami", [](ActorContext&, std::string_view) { return pack("cpp"); });
    method("fail", [](ActorContext&, std::string_view args) -> std::string {
      throw std::runtime_error(unpack(std::string(args)).get<std::string>());
    });
  }
};

json error_answer(const Error& e) {
  json answer = {{"ok", false}, {"error", error_name(e.code())}, {"code", static_cast<int>(e.code())}, {"message", e.what()}};
  if (auto* a = dynamic_cast<const ActorError*>(&e)) answer["remote_type"] = a->remote_type();
  if (auto* j = dynamic_cast<const JetStreamApiError*>(&e)) answer["err_code"] = j->err_code();
  return answer;
}

struct Agent {
  std::shared_ptr<Connection> nc;
  std::map<int, std::shared_ptr<Subscription>> subs;
  std::map<int, std::shared_ptr<KvWatcher>> watches;
  std::vector<std::shared_ptr<Subscription>> services;
  std::vector<std::unique_ptr<ActorRuntime>> runtimes;

  Duration ms(const json& c, const char* key) { return Duration(c.at(key).get<int64_t>()); }

  json run(const json& c) {
    const auto op = c.at("op").get<std::string>();
    if (op == "hello") return {{"ok", true}, {"language", "cpp"}};
    if (op == "connect") {
      Options o;
      o.servers = {c.at("url").get<std::string>()};
      o.name = "conformance-cpp";
      nc = Connection::connect(o);
    } else if (op == "publish") {
      nc->publish(c.at("subject").get<std::string>(), c.value("data", ""), "", headers_of(c.value("headers", json())));
      nc->flush(Duration(5000));
    } else if (op == "subscribe") {
      SubscribeOptions so;
      so.queue = c.value("queue", "");
      subs[c.at("sid").get<int>()] = nc->subscribe(c.at("subject").get<std::string>(), so);
      nc->flush(Duration(5000));
    } else if (op == "next") {
      auto m = subs.at(c.at("sid").get<int>())->next(ms(c, "timeout_ms"));
      if (!m) throw Error(ErrorCode::nervure, "subscription ended");
      return {{"ok", true}, {"subject", m->subject}, {"data", m->data}, {"headers", pairs(m->headers)}};
    } else if (op == "unsubscribe") {
      subs.at(c.at("sid").get<int>())->unsubscribe();
      subs.erase(c.at("sid").get<int>());
    } else if (op == "request") {
      auto h = headers_of(c.value("headers", json()));
      auto m = nc->request(c.at("subject").get<std::string>(), c.value("data", ""), ms(c, "timeout_ms"),
                           h.empty() ? nullptr : &h);
      return {{"ok", true}, {"data", m.data}, {"headers", pairs(m.headers)}};
    } else if (op == "serve") {
      auto prefix = c.at("prefix").get<std::string>();
      auto conn = nc;
      services.push_back(nc->subscribe(c.at("subject").get<std::string>(), [conn, prefix](Message&& m) {
        conn->publish(m.reply, prefix + m.data, "", m.headers);
      }));
      nc->flush(Duration(5000));
    } else if (op == "host_actor") {
      ActorRuntimeOptions o;
      o.lease_bucket = c.at("lease_bucket").get<std::string>();
      o.state_bucket = c.at("state_bucket").get<std::string>();
      auto rt = std::make_unique<ActorRuntime>(nc, o);
      rt->register_type(c.at("type").get<std::string>(), [](const std::string&) { return std::make_unique<Conformance>(); });
      rt->start();
      runtimes.push_back(std::move(rt));
    } else if (op == "invoke") {
      ActorProxy proxy(nc, c.at("type").get<std::string>(), c.at("id").get<std::string>());
      auto result = proxy.invoke(c.at("method").get<std::string>(), c.contains("args") ? pack(c["args"]) : "");
      return {{"ok", true}, {"result", unpack(result)}};
    } else if (op == "js_add_stream") {
      StreamConfig sc;
      sc.name = c.at("name").get<std::string>();
      sc.subjects = c.at("subjects").get<std::vector<std::string>>();
      sc.storage = StorageType::memory;
      JetStream(nc).add_stream(sc);
    } else if (op == "js_publish") {
      PublishOptions po;
      po.msg_id = c.value("msg_id", "");
      auto ack = JetStream(nc).publish(c.at("subject").get<std::string>(), c.at("data").get<std::string>(), po);
      return {{"ok", true}, {"stream", ack.stream}, {"seq", ack.seq}, {"duplicate", ack.duplicate}};
    } else if (op == "js_read") {
      JetStream js(nc);
      auto stream = c.at("stream").get<std::string>(), name = c.at("consumer").get<std::string>();
      ConsumerConfig cc;
      cc.durable_name = name;
      js.create_or_update_consumer(stream, cc);
      auto msgs = js.pull_consumer(stream, name).fetch(c.at("count").get<int>(), Duration(2000));
      json data = json::array();
      for (auto& m : msgs) {
        m.ack_sync();
        data.push_back(m.data());
      }
      return {{"ok", true}, {"data", data}};
    } else if (op == "kv_create") {
      KeyValueConfig kc;
      kc.bucket = c.at("bucket").get<std::string>();
      kc.storage = StorageType::memory;
      JetStream(nc).create_key_value(kc);
    } else if (op == "kv_put") {
      auto kv = JetStream(nc).key_value(c.at("bucket").get<std::string>());
      return {{"ok", true}, {"revision", kv.put(c.at("key").get<std::string>(), c.at("value").get<std::string>())}};
    } else if (op == "kv_get") {
      auto e = JetStream(nc).key_value(c.at("bucket").get<std::string>()).get(c.at("key").get<std::string>());
      if (!e) return {{"ok", true}, {"value", nullptr}};
      return {{"ok", true}, {"value", e->value}, {"revision", e->revision}};
    } else if (op == "kv_update") {
      auto kv = JetStream(nc).key_value(c.at("bucket").get<std::string>());
      return {{"ok", true},
              {"revision", kv.update(c.at("key").get<std::string>(), c.at("value").get<std::string>(),
                                     c.at("last_revision").get<uint64_t>())}};
    } else if (op == "kv_watch") {
      auto kv = JetStream(nc).key_value(c.at("bucket").get<std::string>());
      watches[c.at("wid").get<int>()] = kv.watch(c.at("key").get<std::string>());
    } else if (op == "kv_watch_next") {
      auto& w = watches.at(c.at("wid").get<int>());
      auto e = w->next(ms(c, "timeout_ms"));
      if (!e && !w->ended()) e = w->next(ms(c, "timeout_ms"));  // past the end of the initial values
      if (!e) throw Error(ErrorCode::nervure, "the watch ended");
      static const char* operations[] = {"PUT", "DEL", "PURGE"};
      return {{"ok", true}, {"key", e->key}, {"value", e->value}, {"revision", e->revision},
              {"operation", operations[static_cast<int>(e->operation)]}};
    } else if (op == "kv_unwatch") {
      watches.at(c.at("wid").get<int>())->stop();
      watches.erase(c.at("wid").get<int>());
    } else if (op == "probe") {
      return probe(c);
    } else if (op == "quit") {
      watches.clear();
      for (auto& rt : runtimes) rt->stop();
      runtimes.clear();
      if (nc) nc->close();
    } else {
      return {{"ok", false}, {"error", "UnknownCommand"}, {"code", -1}, {"message", op}};
    }
    return {{"ok", true}};
  }

  json probe(const json& c) {
    const auto which = c.at("case").get<std::string>();
    try {
      if (which == "invalid_subject") nc->publish("bad subject", "x");
      else if (which == "no_responders") nc->request("probe.nobody.cpp", "x", Duration(2000));
      else if (which == "timeout") {
        services.push_back(nc->subscribe("probe.silent.cpp"));
        nc->flush(Duration(2000));
        nc->request("probe.silent.cpp", "x", Duration(200));
      } else if (which == "actor_error")
        ActorProxy(nc, c.at("type").get<std::string>(), "probe").invoke("fail", pack("out of stock"));
      else if (which == "no_actor_host")
        ActorProxy(nc, "nobody-hosts-this", "x").invoke("echo");
      else
        return {{"ok", false}, {"error", "UnknownProbe"}, {"code", -1}, {"message", which}};
    } catch (const Error& e) {
      return error_answer(e);
    }
    return {{"ok", true}};
  }
};

}  // namespace

int main() {
  Agent agent;
  std::string line;
  while (std::getline(std::cin, line)) {
    json c = json::parse(line);
    json answer;
    try {
      answer = agent.run(c);
    } catch (const Error& e) {
      answer = error_answer(e);
    } catch (const std::exception& e) {
      answer = {{"ok", false}, {"error", "AgentError"}, {"code", -1}, {"message", e.what()}};
    }
    std::cout << answer.dump() << std::endl;
    if (c.at("op") == "quit") break;
  }
}
