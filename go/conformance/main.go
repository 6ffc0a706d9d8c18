// Command conformance is the Go agent of the cross-language conformance suite
// (tests/conformance/PROTOCOL.md): one JSON command per line on stdin, one JSON
// answer per line on stdout, driving the nervure package's public API only.
package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

type answer map[string]any

func ok() answer { return answer{"ok": true} }

// The statuses of docs/api/reference.md (errors) below the root, each with its sentinel: an
// error's code is the first one it matches, NervureError (1) otherwise.
var statuses = []struct {
	code int
	err  error
}{
	{2, nervure.ErrConnectionClosed}, {3, nervure.ErrTimeout}, {4, nervure.ErrNoResponders},
	{5, nervure.ErrInvalidSubject}, {6, nervure.ErrMaxPayload}, {7, nervure.ErrAuthorization},
	{8, nervure.ErrSlowConsumer}, {9, nervure.ErrJetStreamAPI}, {10, nervure.ErrNotSupportedByServer},
	{11, nervure.ErrActor}, {12, nervure.ErrInvalidArgument}, {1, nervure.ErrNervure},
}

func errorAnswer(err error) answer {
	a := answer{"ok": false, "error": "NotANervureError", "code": 0, "message": err.Error()}
	for _, s := range statuses {
		if errors.Is(err, s.err) {
			a["code"] = s.code
			a["error"] = nervure.Status(s.code).String()
			break
		}
	}
	var plain *nervure.Error
	var actor *nervure.ActorError
	var api *nervure.JetStreamAPIError
	switch {
	case errors.As(err, &actor):
		a["message"], a["remote_type"] = actor.Message, actor.RemoteType
	case errors.As(err, &api):
		a["message"], a["err_code"] = api.Message, api.ErrCode
	case errors.As(err, &plain):
		a["message"] = plain.Message
	}
	return a
}

// ---- the conformance actor type ----

func conformanceActor() nervure.ActorType {
	return nervure.ActorType{Methods: map[string]nervure.ActorMethod{
		"echo": func(_ *nervure.ActorContext, arg any) (any, error) { return arg, nil },
		"add": func(ctx *nervure.ActorContext, arg any) (any, error) {
			total, _, err := ctx.Get("n")
			if err != nil {
				return nil, err
			}
			sum := toInt(total) + toInt(arg)
			return sum, ctx.Set("n", sum)
		},
		"whoami": func(*nervure.ActorContext, any) (any, error) { return "go", nil },
		"fail": func(_ *nervure.ActorContext, arg any) (any, error) {
			text, _ := arg.(string)
			return nil, errors.New(text)
		},
	}}
}

func toInt(v any) int64 {
	switch n := v.(type) {
	case int64:
		return n
	case uint64:
		return int64(n)
	case float64:
		return int64(n)
	}
	return 0
}

// ---- values crossing the protocol ----

// fromJSON turns numbers decoded with UseNumber into int64 or float64, so
// that MessagePack carries integers as integers.
func fromJSON(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = fromJSON(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = fromJSON(x[k])
		}
	}
	return v
}

// header builds the headers of a [[key, value], ...] list; nil when empty.
func header(raw any) nervure.Header {
	list, _ := raw.([]any)
	if len(list) == 0 {
		return nil
	}
	h := nervure.Header{}
	for _, p := range list {
		kv := p.([]any)
		h.Add(fmt.Sprint(kv[0]), fmt.Sprint(kv[1]))
	}
	return h
}

// pairs lists headers as [key, value] pairs. Go's Header is a map, so keys
// come out sorted; each key's values keep their order.
func pairs(h nervure.Header) [][]string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := [][]string{}
	for _, k := range keys {
		for _, v := range h[k] {
			out = append(out, []string{k, v})
		}
	}
	return out
}

type cmd map[string]any

func (c cmd) str(k string) string { s, _ := c[k].(string); return s }

func (c cmd) num(k string) int64 { return toInt(fromJSON(c[k])) }

func (c cmd) millis(k string) time.Duration { return time.Duration(c.num(k)) * time.Millisecond }

func (c cmd) strs(k string) []string {
	var out []string
	list, _ := c[k].([]any)
	for _, s := range list {
		out = append(out, fmt.Sprint(s))
	}
	return out
}

func within(d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), d)
}

// ---- the agent ----

type agent struct {
	nc       *nervure.Conn
	js       *nervure.JetStream
	subs     map[int64]*nervure.Subscription
	watches  map[int64]*nervure.Subscription
	runtimes []*nervure.ActorRuntime
}

func (a *agent) handle(c cmd) (answer, error) {
	switch c.str("op") {
	case "hello":
		return answer{"ok": true, "language": "go"}, nil
	case "connect":
		nc, err := nervure.Connect(c.str("url"), nervure.WithName("conformance-go"))
		if err != nil {
			return nil, err
		}
		a.nc = nc
		a.js, err = nc.JetStream("", "", 5*time.Second)
		return ok(), err
	case "publish":
		m := nervure.NewMsg(c.str("subject"))
		m.Data, m.Header = []byte(c.str("data")), header(c["headers"])
		if err := a.nc.PublishMsg(m); err != nil {
			return nil, err
		}
		return ok(), a.nc.Flush()
	case "subscribe":
		sub, err := a.nc.QueueSubscribeSync(c.str("subject"), c.str("queue"))
		if err != nil {
			return nil, err
		}
		a.subs[c.num("sid")] = sub
		return ok(), a.nc.Flush()
	case "next":
		m, err := a.subs[c.num("sid")].NextMsg(c.millis("timeout_ms"))
		if err != nil {
			return nil, err
		}
		return answer{"ok": true, "subject": m.Subject, "data": string(m.Data), "headers": pairs(m.Header)}, nil
	case "unsubscribe":
		sub := a.subs[c.num("sid")]
		delete(a.subs, c.num("sid"))
		return ok(), sub.Unsubscribe()
	case "request":
		ctx, cancel := within(c.millis("timeout_ms"))
		defer cancel()
		m := nervure.NewMsg(c.str("subject"))
		m.Data, m.Header = []byte(c.str("data")), header(c["headers"])
		reply, err := a.nc.RequestMsg(ctx, m)
		if err != nil {
			return nil, err
		}
		return answer{"ok": true, "data": string(reply.Data), "headers": pairs(reply.Header)}, nil
	case "serve":
		prefix := c.str("prefix")
		_, err := a.nc.Subscribe(c.str("subject"), func(m *nervure.Msg) {
			_ = m.RespondMsg(&nervure.Msg{Data: append([]byte(prefix), m.Data...), Header: m.Header})
		})
		if err != nil {
			return nil, err
		}
		return ok(), a.nc.Flush()
	case "host_actor":
		rt, err := nervure.NewActorRuntime(a.nc, nervure.WithActorBuckets(c.str("lease_bucket"), c.str("state_bucket")))
		if err != nil {
			return nil, err
		}
		if err := rt.Register(c.str("type"), conformanceActor()); err != nil {
			return nil, err
		}
		if err := rt.Start(); err != nil {
			return nil, err
		}
		a.runtimes = append(a.runtimes, rt)
		return ok(), nil
	case "invoke":
		var args []any
		if v, given := c["args"]; given {
			args = append(args, fromJSON(v))
		}
		result, err := a.invoke(c.str("type"), c.str("id"), c.str("method"), args...)
		if err != nil {
			return nil, err
		}
		return answer{"ok": true, "result": result}, nil
	case "probe":
		return a.probe(c)
	case "js_add_stream":
		config, _ := json.Marshal(map[string]any{"name": c.str("name"), "subjects": c.strs("subjects"),
			"storage": "memory"})
		_, err := a.js.AddStream(string(config))
		return ok(), err
	case "js_publish":
		ctx, cancel := within(5 * time.Second)
		defer cancel()
		ack, err := a.js.Publish(ctx, c.str("subject"), []byte(c.str("data")), nervure.MsgID(c.str("msg_id")))
		if err != nil {
			return nil, err
		}
		return answer{"ok": true, "stream": ack.Stream, "seq": ack.Sequence, "duplicate": ack.Duplicate}, nil
	case "js_read":
		return a.jsRead(c.str("stream"), c.str("consumer"), int(c.num("count")))
	case "kv_create":
		config, _ := json.Marshal(map[string]any{"bucket": c.str("bucket"), "storage": "memory"})
		_, err := a.js.CreateKeyValue(string(config))
		return ok(), err
	case "kv_put":
		kv, err := a.js.KeyValue(c.str("bucket"))
		if err != nil {
			return nil, err
		}
		rev, err := kv.Put(c.str("key"), []byte(c.str("value")))
		return answer{"ok": true, "revision": rev}, err
	case "kv_get":
		return a.kvGet(c.str("bucket"), c.str("key"))
	case "kv_update":
		kv, err := a.js.KeyValue(c.str("bucket"))
		if err != nil {
			return nil, err
		}
		rev, err := kv.Update(c.str("key"), []byte(c.str("value")), uint64(c.num("last_revision")))
		return answer{"ok": true, "revision": rev}, err
	case "kv_watch":
		kv, err := a.js.KeyValue(c.str("bucket"))
		if err != nil {
			return nil, err
		}
		w, err := kv.Watch(c.str("key"), false, false, false, false)
		if err != nil {
			return nil, err
		}
		a.watches[c.num("wid")] = w
		return ok(), nil
	case "kv_watch_next":
		return a.watchNext(a.watches[c.num("wid")], c.millis("timeout_ms"))
	case "kv_unwatch":
		w := a.watches[c.num("wid")]
		delete(a.watches, c.num("wid"))
		return ok(), w.Unsubscribe()
	case "quit":
		for _, rt := range a.runtimes {
			_ = rt.Stop(10 * time.Second)
		}
		if a.nc != nil {
			a.nc.Close()
		}
		return ok(), nil
	}
	return answer{"ok": false, "error": "UnknownOp", "code": -1, "message": c.str("op")}, nil
}

func (a *agent) invoke(actorType, id, method string, args ...any) (any, error) {
	p := a.nc.ActorProxy(actorType, id)
	p.Timeout = 5 * time.Second
	return p.Invoke(context.Background(), method, args...)
}

func (a *agent) probe(c cmd) (answer, error) {
	var err error
	switch c.str("case") {
	case "invalid_subject":
		err = a.nc.Publish("bad subject", []byte("x"))
	case "no_responders":
		ctx, cancel := within(2 * time.Second)
		defer cancel()
		_, err = a.nc.Request(ctx, "probe.nobody.go", []byte("x"))
	case "timeout":
		if _, err = a.nc.SubscribeSync("probe.silent.go"); err != nil {
			break
		}
		if err = a.nc.Flush(); err != nil {
			break
		}
		ctx, cancel := within(200 * time.Millisecond)
		defer cancel()
		_, err = a.nc.Request(ctx, "probe.silent.go", []byte("x"))
	case "actor_error":
		_, err = a.invoke(c.str("type"), "probe", "fail", "out of stock")
	case "no_actor_host":
		_, err = a.invoke("nobody-hosts-this", "x", "echo")
	default:
		return answer{"ok": false, "error": "UnknownProbe", "code": -1, "message": c.str("case")}, nil
	}
	return ok(), err
}

// jsRead reads count messages through the durable pull consumer (made when
// absent), acknowledging each and waiting for the server's confirmation.
func (a *agent) jsRead(stream, consumer string, count int) (answer, error) {
	names, err := a.js.ConsumerNames(stream)
	if err != nil {
		return nil, err
	}
	known := false
	for _, n := range names.Names {
		known = known || n == consumer
	}
	if !known {
		config, _ := json.Marshal(map[string]any{"durable_name": consumer, "ack_policy": "explicit"})
		if _, err := a.js.AddConsumer(stream, string(config)); err != nil {
			return nil, err
		}
	}
	batch, err := a.js.Fetch(stream, consumer, count, 2*time.Second, false)
	if err != nil {
		return nil, err
	}
	defer batch.Unsubscribe()
	data := []string{}
	for len(data) < count {
		m, err := batch.NextMsg(3 * time.Second)
		if errors.Is(err, nervure.ErrTimeout) || errors.Is(err, nervure.ErrConnectionClosed) {
			break // the batch expired or ended with fewer messages
		}
		if err != nil {
			return nil, err
		}
		ctx, cancel := within(5 * time.Second)
		err = m.AckSync(ctx)
		cancel()
		if err != nil {
			return nil, err
		}
		data = append(data, string(m.Data))
	}
	return answer{"ok": true, "data": data}, nil
}

func (a *agent) kvGet(bucket, key string) (answer, error) {
	kv, err := a.js.KeyValue(bucket)
	if err != nil {
		return nil, err
	}
	rec, err := kv.Get(key, 0)
	if err != nil {
		return nil, err
	}
	if rec.Revision == 0 || rec.Operation == "DEL" || rec.Operation == "PURGE" {
		return answer{"ok": true, "value": nil}, nil
	}
	value, err := base64.StdEncoding.DecodeString(rec.Value)
	if err != nil {
		return nil, fmt.Errorf("the record's value is not base64: %w", err)
	}
	return answer{"ok": true, "value": string(value), "revision": rec.Revision}, nil
}

// watchNext is the watch's next entry: the message's subject is the key, its
// headers the revision and operation; the marker that ends the initial values
// (no subject, header KV-Initial-Done) is skipped.
func (a *agent) watchNext(w *nervure.Subscription, timeout time.Duration) (answer, error) {
	for {
		m, err := w.NextMsg(timeout)
		if err != nil {
			return nil, err
		}
		if m.Subject == "" && m.Header.Get("KV-Initial-Done") != "" {
			continue
		}
		rev, _ := strconv.ParseUint(m.Header.Get("KV-Revision"), 10, 64)
		op := m.Header.Get("KV-Operation")
		if op == "" {
			op = "PUT"
		}
		return answer{"ok": true, "key": m.Subject, "value": string(m.Data), "revision": rev, "operation": op}, nil
	}
}

func main() {
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	in := bufio.NewReader(os.Stdin)
	a := &agent{subs: map[int64]*nervure.Subscription{}, watches: map[int64]*nervure.Subscription{}}
	for {
		line, err := in.ReadString('\n')
		if strings.TrimSpace(line) == "" {
			if err != nil {
				return
			}
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		var c cmd
		if derr := dec.Decode(&c); derr != nil {
			_ = out.Encode(answer{"ok": false, "error": "BadCommand", "code": -1, "message": derr.Error()})
			continue
		}
		reply, herr := a.handle(c)
		if herr != nil {
			reply = errorAnswer(herr)
		}
		_ = out.Encode(reply)
		if c.str("op") == "quit" {
			return
		}
	}
}
