// nervure (Go) beside the official nats.go (and its jetstream package) on the
// workloads of tests/bench/README.md: one server, warm-up, alternating runs,
// medians; every run bounded in count and time.
//
//	go run . URL [RUNS] [OUT_JSON]
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	nervure "github.com/nervure-io/nervure/go"
)

// Bounds: the whole runner (10 workloads x 2 clients x 3 runs) measures in about 2 minutes.
const (
	limit       = time.Second     // each run's measured phase
	settle      = 5 * time.Second // longest wait for what is still in flight once the phase ends
	pubMsgs     = 2_000_000
	pubsubMsgs  = 1_000_000
	reqs        = 20_000
	jsPubs      = 20_000
	jsAsyncMsgs = 200_000
	fetchFill   = 100_000
	kvOps       = 20_000
	asyncWindow = 256
	fetchBatch  = 256
	kvKeys      = 1000
)

// ---------------------------------------------------------------- the two clients
// The workloads are written once over these interfaces; nervure.go and peer.go
// implement them with each client's own API.

type conn interface {
	publish(subject string, data []byte) error
	flush() error
	// subscribeAll runs onMsg for every message on subject, without pending limits.
	subscribeAll(subject string, onMsg func()) error
	// echo answers every request on subject with its own data.
	echo(subject string) error
	request(subject string, data []byte) error
	jetStream() (jsOps, error)
	close()
}

type jsOps interface {
	addStream(stream, subject string) error
	deleteStream(stream string) error
	storedMessages(stream string) (uint64, error)
	// publish waits for the acknowledgement.
	publish(subject string, data []byte) error
	// publishWindow publishes until max or stop with at most asyncWindow
	// acknowledgements outstanding, the client's own asynchronous way, and
	// returns once every acknowledgement is in.
	publishWindow(subject string, data []byte, max int, stop time.Time) (acked, failed int64)
	addPullConsumer(stream, durable string) error
	// fetchAndAck is one fetch of up to batch messages, each acknowledged.
	fetchAndAck(stream, durable string, batch int) (int, error)
	ackPending(stream, durable string) (uint64, error)
	createBucket(bucket string) (kvBucket, error)
	deleteBucket(bucket string) error
}

type kvBucket interface {
	put(key string, value []byte) error
	get(key string) ([]byte, error)
}

type client struct {
	name    string
	connect func(url string) (conn, error)
}

// ---------------------------------------------------------------- the workloads

// result is one run: its figure, latency percentiles in µs (NaN when not
// timed per operation) and what looked wrong.
type result struct {
	rate, p50, p99, p999 float64
	note                 string
}

func untimed(rate float64, note string) result {
	return result{rate, math.NaN(), math.NaN(), math.NaN(), note}
}

func timed(rate float64, lat []time.Duration, note string) result {
	if len(lat) == 0 {
		return untimed(rate, note)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	at := func(q float64) float64 {
		return float64(lat[min(len(lat)-1, int(float64(len(lat))*q))].Nanoseconds()) / 1e3
	}
	return result{rate, at(0.5), at(0.99), at(0.999), note}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func payload(size int) []byte { return []byte(strings.Repeat("x", size)) }

var unique atomic.Int64

func uniqueName(prefix string) string {
	return fmt.Sprintf("%s_go_%d_%d", prefix, os.Getpid(), unique.Add(1))
}

func perSecond(n int64, start time.Time) float64 { return float64(n) / time.Since(start).Seconds() }

func scaled(scale float64) time.Duration { return time.Duration(float64(limit) * scale) }

func connect(c client, url string) conn {
	nc, err := c.connect(url)
	must(err)
	return nc
}

func pub(c client, url string, size int, scale float64) result {
	nc := connect(c, url)
	defer nc.close()
	data := payload(size)
	t := time.Now()
	stop := t.Add(scaled(scale))
	i := 0
	for i < pubMsgs {
		must(nc.publish("bench.go.pub", data))
		i++
		if i&0xfff == 0 && time.Now().After(stop) {
			break
		}
	}
	must(nc.flush())
	return untimed(perSecond(int64(i), t), "")
}

func pubsub(c client, url string, scale float64) result {
	sc, pc := connect(c, url), connect(c, url)
	defer sc.close()
	defer pc.close()
	var got, last atomic.Int64
	must(sc.subscribeAll("bench.go.pubsub", func() {
		last.Store(time.Now().UnixNano())
		got.Add(1)
	}))
	must(sc.flush())
	data := payload(16)
	t := time.Now()
	stop := t.Add(scaled(scale))
	sent := int64(0)
	for sent < pubsubMsgs {
		must(pc.publish("bench.go.pubsub", data))
		sent++
		if sent&0xfff == 0 && time.Now().After(stop) {
			break
		}
	}
	must(pc.flush())
	for deadline := time.Now().Add(settle); got.Load() < sent && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	n, note := got.Load(), ""
	if n < sent {
		note = fmt.Sprintf("dropped %d of %d", sent-n, sent)
	}
	rate := 0.0
	if el := time.Duration(last.Load() - t.UnixNano()).Seconds(); n > 0 && el > 0 {
		rate = float64(n) / el
	}
	return untimed(rate, note)
}

func reqrep(c client, url string, scale float64) result {
	srv, nc := connect(c, url), connect(c, url)
	defer srv.close()
	defer nc.close()
	must(srv.echo("bench.go.req"))
	must(srv.flush())
	data := payload(16)
	lat := make([]time.Duration, 0, reqs)
	t := time.Now()
	stop := t.Add(2 * scaled(scale))
	for len(lat) < reqs {
		t0 := time.Now()
		must(nc.request("bench.go.req", data))
		t1 := time.Now()
		lat = append(lat, t1.Sub(t0))
		if t1.After(stop) {
			break
		}
	}
	return timed(perSecond(int64(len(lat)), t), lat, "")
}

// withStream gives body a fresh memory stream, deleted afterwards whatever happens.
func withStream(c client, url string, body func(nc conn, js jsOps, stream, subject string) result) result {
	nc := connect(c, url)
	defer nc.close()
	js, err := nc.jetStream()
	must(err)
	stream := uniqueName("BENCH")
	subject := "bench.go.js." + stream
	must(js.addStream(stream, subject))
	defer func() {
		if err := js.deleteStream(stream); err != nil {
			fmt.Fprintf(os.Stderr, "go bench: deleting %s: %v\n", stream, err)
		}
	}()
	return body(nc, js, stream, subject)
}

func jsPub(c client, url string, scale float64) result {
	return withStream(c, url, func(_ conn, js jsOps, stream, subject string) result {
		data := payload(16)
		lat := make([]time.Duration, 0, jsPubs)
		t := time.Now()
		stop := t.Add(scaled(scale))
		for len(lat) < jsPubs {
			t0 := time.Now()
			must(js.publish(subject, data))
			t1 := time.Now()
			lat = append(lat, t1.Sub(t0))
			if t1.After(stop) {
				break
			}
		}
		rate := perSecond(int64(len(lat)), t)
		stored, err := js.storedMessages(stream)
		must(err)
		note := ""
		if stored != uint64(len(lat)) {
			note = fmt.Sprintf("stream holds %d of %d acknowledged", stored, len(lat))
		}
		return timed(rate, lat, note)
	})
}

// jsAsync: asyncWindow acknowledged publishes in flight; the clock stops at the last acknowledgement.
func jsAsync(c client, url string, scale float64) result {
	return withStream(c, url, func(_ conn, js jsOps, stream, subject string) result {
		t := time.Now()
		acked, failed := js.publishWindow(subject, payload(16), jsAsyncMsgs, t.Add(scaled(scale)))
		rate := perSecond(acked, t)
		stored, err := js.storedMessages(stream)
		must(err)
		note := ""
		if failed > 0 || stored != uint64(acked) {
			note = fmt.Sprintf("%d failed; stream holds %d of %d acknowledged", failed, stored, acked)
		}
		return untimed(rate, note)
	})
}

// jsFetch fills the stream untimed (plain publishes, a flush every 5000),
// then reads it in fetches of fetchBatch, acknowledging each message.
func jsFetch(c client, url string, scale float64) result {
	return withStream(c, url, func(nc conn, js jsOps, stream, subject string) result {
		data := payload(16)
		fill := int(fetchFill * max(scale, 0.1))
		for i := 0; i < fill; i++ {
			must(nc.publish(subject, data))
			if i%5000 == 4999 {
				must(nc.flush())
			}
		}
		must(nc.flush())
		var stored uint64
		for deadline := time.Now().Add(settle); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			n, err := js.storedMessages(stream)
			must(err)
			if n == stored && n > 0 {
				break // the stream stopped growing
			}
			stored = n
		}
		must(js.addPullConsumer(stream, "bench"))
		t := time.Now()
		stop := t.Add(scaled(scale))
		read := 0
		for uint64(read) < stored && time.Now().Before(stop) {
			n, err := js.fetchAndAck(stream, "bench", min(fetchBatch, int(stored)-read))
			must(err)
			read += n
		}
		must(nc.flush()) // the acknowledgements reached the server
		rate := perSecond(int64(read), t)
		// which applies them on a queue of its own, after the flush's PONG:
		// only those still pending once it had time to are missing.
		var pending uint64
		for deadline := time.Now().Add(settle); ; time.Sleep(20 * time.Millisecond) {
			var err error
			pending, err = js.ackPending(stream, "bench")
			must(err)
			if pending == 0 || time.Now().After(deadline) {
				break
			}
		}
		var notes []string
		if stored < uint64(fill) {
			notes = append(notes, fmt.Sprintf("stream took %d of %d fill messages", stored, fill))
		}
		if pending > 0 {
			notes = append(notes, fmt.Sprintf("%d acknowledgements missing", pending))
		}
		return untimed(rate, strings.Join(notes, "; "))
	})
}

func kv(c client, url string, scale float64, get bool) result {
	nc := connect(c, url)
	defer nc.close()
	js, err := nc.jetStream()
	must(err)
	name := uniqueName("bench")
	b, err := js.createBucket(name)
	must(err)
	defer func() {
		if err := js.deleteBucket(name); err != nil {
			fmt.Fprintf(os.Stderr, "go bench: deleting bucket %s: %v\n", name, err)
		}
	}()
	data := payload(16)
	keys := make([]string, kvKeys)
	for i := range keys {
		keys[i] = "key" + strconv.Itoa(i)
		if get {
			must(b.put(keys[i], data))
		}
	}
	lat := make([]time.Duration, 0, kvOps)
	bad := 0
	t := time.Now()
	stop := t.Add(scaled(scale))
	for len(lat) < kvOps {
		key := keys[len(lat)%kvKeys]
		t0 := time.Now()
		if get {
			v, err := b.get(key)
			must(err)
			if len(v) != len(data) {
				bad++
			}
		} else {
			must(b.put(key, data))
		}
		t1 := time.Now()
		lat = append(lat, t1.Sub(t0))
		if t1.After(stop) {
			break
		}
	}
	note := ""
	if bad > 0 {
		note = fmt.Sprintf("%d gets without the value", bad)
	}
	return timed(perSecond(int64(len(lat)), t), lat, note)
}

type workload struct {
	name, unit string
	run        func(c client, url string, scale float64) result
}

// how the two clients differ in doing a workload, shown under the combined table.
var how = map[string]string{
	"js-async-16B": "both: PublishAsync with a window of 256 acknowledgements outstanding",
}

var workloads = []workload{
	{"pub-16B", "msgs/s", func(c client, u string, s float64) result { return pub(c, u, 16, s) }},
	{"pub-128B", "msgs/s", func(c client, u string, s float64) result { return pub(c, u, 128, s) }},
	{"pub-1KB", "msgs/s", func(c client, u string, s float64) result { return pub(c, u, 1024, s) }},
	{"pubsub-16B", "msgs/s", pubsub},
	{"reqrep-16B", "round trips/s", reqrep},
	{"js-pub-16B", "msgs/s", jsPub},
	{"js-async-16B", "msgs/s", jsAsync},
	{"js-fetch-16B", "msgs/s", jsFetch},
	{"kv-put-16B", "ops/s", func(c client, u string, s float64) result { return kv(c, u, s, false) }},
	{"kv-get-16B", "ops/s", func(c client, u string, s float64) result { return kv(c, u, s, true) }},
}

// selected honours BENCH_WORKLOADS=js-fetch-16B,kv-get-16B: only those, to look closer at one.
func selected() []workload {
	only := os.Getenv("BENCH_WORKLOADS")
	if only == "" {
		return workloads
	}
	var out []workload
	for _, w := range workloads {
		for _, name := range strings.Split(only, ",") {
			if w.name == name {
				out = append(out, w)
			}
		}
	}
	return out
}

// ---------------------------------------------------------------- running and reporting

// sample runs one workload, turning a panic (a dropped connection on a loaded
// machine) into a missing sample.
func sample(label string, f func() result) (r result, ok bool) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(os.Stderr, "go bench: %s failed: %v\n", label, p)
			ok = false
		}
	}()
	return f(), true
}

// median of the values that are not NaN; nil when there are none.
func median(v []float64) *float64 {
	var s []float64
	for _, x := range v {
		if !math.IsNaN(x) {
			s = append(s, x)
		}
	}
	if len(s) == 0 {
		return nil
	}
	sort.Float64s(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return &m
}

type side struct {
	Median *float64  `json:"median"`
	Runs   []float64 `json:"runs"`
	P50    *float64  `json:"p50_us"`
	P99    *float64  `json:"p99_us"`
	P999   *float64  `json:"p999_us"`
}

func summarise(rs []result) side {
	pick := func(f func(result) float64) *float64 {
		v := make([]float64, len(rs))
		for i, r := range rs {
			v[i] = f(r)
		}
		m := median(v)
		if m != nil {
			*m = math.Round(*m*10) / 10
		}
		return m
	}
	runs := make([]float64, 0, len(rs))
	for _, r := range rs {
		runs = append(runs, math.Round(r.rate*10)/10)
	}
	return side{pick(func(r result) float64 { return r.rate }), runs, pick(func(r result) float64 { return r.p50 }),
		pick(func(r result) float64 { return r.p99 }), pick(func(r result) float64 { return r.p999 })}
}

func num(v *float64) string {
	if v == nil {
		return "n/a"
	}
	s := strconv.FormatFloat(math.Round(*v), 'f', 0, 64)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func lats(s side) string {
	if s.P50 == nil {
		return ""
	}
	return num(s.P50) + " / " + num(s.P99) + " / " + num(s.P999)
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: bench URL [RUNS] [OUT_JSON]")
		os.Exit(2)
	}
	url, runs := os.Args[1], 3
	if len(os.Args) > 2 {
		runs, _ = strconv.Atoi(os.Args[2])
	}
	began := time.Now()
	workloads := selected()
	clients := []client{nervureClient, peerClient}
	fmt.Fprintln(os.Stderr, "go bench: warm-up")
	for _, w := range workloads {
		for _, c := range clients {
			sample("warm-up "+w.name+" "+c.name, func() result { return w.run(c, url, 0.2) })
		}
	}
	res := map[string]map[string][]result{}
	notes := map[string][]string{}
	for r := 0; r < runs; r++ {
		fmt.Fprintf(os.Stderr, "go bench: run %d/%d (%.0f s)\n", r+1, runs, time.Since(began).Seconds())
		for i, w := range workloads {
			// Who goes first alternates, so neither always meets a warmer server.
			order := clients
			if (r+i)%2 == 1 {
				order = []client{clients[1], clients[0]}
			}
			if res[w.name] == nil {
				res[w.name] = map[string][]result{}
			}
			for _, c := range order {
				v, ok := sample(w.name+" "+c.name, func() result { return w.run(c, url, 1) })
				if !ok {
					continue
				}
				res[w.name][c.name] = append(res[w.name][c.name], v)
				if v.note != "" {
					notes[w.name] = append(notes[w.name], fmt.Sprintf("%s run %d: %s", c.name, r+1, v.note))
					fmt.Fprintf(os.Stderr, "go bench: %s %s: %s\n", w.name, c.name, v.note)
				}
			}
		}
	}
	seconds := time.Since(began).Seconds()

	type entry struct {
		Workload string `json:"workload"`
		Unit     string `json:"unit"`
		Nervure  side   `json:"nervure"`
		Peer     side   `json:"peer"`
		Note     string `json:"note,omitempty"`
	}
	var results []entry
	fmt.Println("| workload | unit | nervure (Go) | nats.go | nervure/peer | nervure p50 / p99 / p99.9 µs | peer p50 / p99 / p99.9 µs |")
	fmt.Println("|---|---|---:|---:|---:|---:|---:|")
	for _, w := range workloads {
		mine, theirs := summarise(res[w.name]["nervure"]), summarise(res[w.name]["peer"])
		ratio := "n/a"
		if mine.Median != nil && theirs.Median != nil && *theirs.Median > 0 {
			ratio = fmt.Sprintf("%.2f", *mine.Median / *theirs.Median)
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %s |\n", w.name, w.unit, num(mine.Median), num(theirs.Median), ratio,
			lats(mine), lats(theirs))
		note := notes[w.name]
		if h := how[w.name]; h != "" {
			note = append([]string{h}, note...)
		}
		results = append(results, entry{w.name, w.unit, mine, theirs, strings.Join(note, "; ")})
	}
	fmt.Printf("\nmedian of %d alternating runs; measured in %.0f s\n", runs, seconds)
	fmt.Fprintf(os.Stderr, "go bench: measured in %.1f s\n", seconds)
	out := struct {
		Language string  `json:"language"`
		Client   string  `json:"client"`
		Peer     string  `json:"peer"`
		Runs     int     `json:"runs"`
		Results  []entry `json:"results"`
	}{"go", fmt.Sprintf("nervure %s (%s)", nervure.Version(), runtime.Version()),
		"github.com/nats-io/nats.go " + nats.Version, runs, results}
	b, err := json.MarshalIndent(out, "", " ")
	must(err)
	if len(os.Args) > 3 {
		must(os.WriteFile(os.Args[3], append(b, '\n'), 0o644))
	} else {
		fmt.Fprintln(os.Stderr, string(b))
	}
}
