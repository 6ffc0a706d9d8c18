// nervure (Go) beside the official nats.go on one server: pub-only (16 B),
// pub+sub (16 B) and request-reply (round trips/s, p50/p99 µs); runs
// alternate between the two clients, medians are reported.
//
//	go run . URL [RUNS] [OUT_JSON]
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	nervure "github.com/nervure-io/nervure/go"
)

const (
	pubMsgs    = 1_000_000
	pubsubMsgs = 500_000
	reqs       = 20_000
	waitLimit  = 30 * time.Second
)

var payload = []byte("0123456789abcdef")

func must(err error) {
	if err != nil {
		panic(err)
	}
}

func nervurePub(url string) float64 {
	nc, err := nervure.Connect(url)
	must(err)
	defer nc.Close()
	t := time.Now()
	for i := 0; i < pubMsgs; i++ {
		must(nc.Publish("bench.go.pub", payload))
	}
	must(nc.FlushTimeout(60 * time.Second))
	return pubMsgs / time.Since(t).Seconds()
}

func natsPub(url string) float64 {
	nc, err := nats.Connect(url)
	must(err)
	defer nc.Close()
	t := time.Now()
	for i := 0; i < pubMsgs; i++ {
		must(nc.Publish("bench.go.pub", payload))
	}
	must(nc.FlushTimeout(60 * time.Second))
	return pubMsgs / time.Since(t).Seconds()
}

// rate counts what arrived: a subscriber cut off as a slow consumer costs its
// numbers, not the whole benchmark.
func rate(got *atomic.Int64, last *atomic.Int64, start time.Time, done chan struct{}, client string) float64 {
	select {
	case <-done:
	case <-time.After(waitLimit):
	}
	n := got.Load()
	if n < pubsubMsgs {
		fmt.Fprintf(os.Stderr, "go bench: %s pubsub received %d of %d\n", client, n, pubsubMsgs)
	}
	el := time.Duration(last.Load() - start.UnixNano()).Seconds()
	if n == 0 || el <= 0 {
		return 0
	}
	return float64(n) / el
}

func nervurePubSub(url string) float64 {
	sc, err := nervure.Connect(url)
	must(err)
	defer sc.Close()
	pc, err := nervure.Connect(url)
	must(err)
	defer pc.Close()
	var got, last atomic.Int64
	done := make(chan struct{})
	sub, err := sc.Subscribe("bench.go.pubsub", func(*nervure.Msg) {
		last.Store(time.Now().UnixNano())
		if got.Add(1) == pubsubMsgs {
			close(done)
		}
	})
	must(err)
	must(sub.SetPendingLimits(-1, -1))
	must(sc.Flush())
	t := time.Now()
	for i := 0; i < pubsubMsgs; i++ {
		must(pc.Publish("bench.go.pubsub", payload))
	}
	must(pc.FlushTimeout(60 * time.Second))
	return rate(&got, &last, t, done, "nervure")
}

func natsPubSub(url string) float64 {
	sc, err := nats.Connect(url)
	must(err)
	defer sc.Close()
	pc, err := nats.Connect(url)
	must(err)
	defer pc.Close()
	var got, last atomic.Int64
	done := make(chan struct{})
	sub, err := sc.Subscribe("bench.go.pubsub", func(*nats.Msg) {
		last.Store(time.Now().UnixNano())
		if got.Add(1) == pubsubMsgs {
			close(done)
		}
	})
	must(err)
	must(sub.SetPendingLimits(-1, -1))
	must(sc.Flush())
	t := time.Now()
	for i := 0; i < pubsubMsgs; i++ {
		must(pc.Publish("bench.go.pubsub", payload))
	}
	must(pc.FlushTimeout(60 * time.Second))
	return rate(&got, &last, t, done, "nats.go")
}

func stats(lat []float64, el time.Duration) [3]float64 {
	sort.Float64s(lat)
	return [3]float64{float64(len(lat)) / el.Seconds(), lat[len(lat)/2], lat[len(lat)*99/100]}
}

func nervureReqRep(url string) [3]float64 {
	srv, err := nervure.Connect(url)
	must(err)
	defer srv.Close()
	nc, err := nervure.Connect(url)
	must(err)
	defer nc.Close()
	_, err = srv.Subscribe("bench.go.req", func(m *nervure.Msg) { m.Respond(m.Data) })
	must(err)
	must(srv.Flush())
	ctx := context.Background()
	lat := make([]float64, 0, reqs)
	t := time.Now()
	for i := 0; i < reqs; i++ {
		t0 := time.Now()
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		_, err := nc.Request(c, "bench.go.req", payload)
		cancel()
		must(err)
		lat = append(lat, float64(time.Since(t0).Nanoseconds())/1e3)
	}
	return stats(lat, time.Since(t))
}

func natsReqRep(url string) [3]float64 {
	srv, err := nats.Connect(url)
	must(err)
	defer srv.Close()
	nc, err := nats.Connect(url)
	must(err)
	defer nc.Close()
	_, err = srv.Subscribe("bench.go.req", func(m *nats.Msg) { m.Respond(m.Data) })
	must(err)
	must(srv.Flush())
	lat := make([]float64, 0, reqs)
	t := time.Now()
	for i := 0; i < reqs; i++ {
		t0 := time.Now()
		_, err := nc.Request("bench.go.req", payload, 5*time.Second)
		must(err)
		lat = append(lat, float64(time.Since(t0).Nanoseconds())/1e3)
	}
	return stats(lat, time.Since(t))
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// sample runs f, turning a panic (a dropped connection on a loaded machine)
// into a missing sample.
func sample[T any](label string, f func() T) (v T, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "go bench: %s failed: %v\n", label, r)
			ok = false
		}
	}()
	return f(), true
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
	res := map[string]map[string][]float64{}
	keep := func(w, client string, v float64) {
		if res[w] == nil {
			res[w] = map[string][]float64{}
		}
		res[w][client] = append(res[w][client], v)
	}
	// Warm-up: connections, page faults, the server's subject cache.
	sample("warm-up", func() float64 { return nervureReqRep(url)[0] + natsReqRep(url)[0] })
	for r := 1; r <= runs; r++ {
		fmt.Fprintf(os.Stderr, "go bench: run %d/%d\n", r, runs)
		for _, w := range []struct {
			name   string
			ours   func(string) float64
			theirs func(string) float64
		}{{"pub-16B", nervurePub, natsPub}, {"pubsub-16B", nervurePubSub, natsPubSub}} {
			if v, ok := sample(w.name+" nervure", func() float64 { return w.ours(url) }); ok {
				keep(w.name, "nervure", v)
			}
			if v, ok := sample(w.name+" nats.go", func() float64 { return w.theirs(url) }); ok {
				keep(w.name, "nats.go", v)
			}
		}
		for _, c := range []struct {
			name string
			f    func(string) [3]float64
		}{{"nervure", nervureReqRep}, {"nats.go", natsReqRep}} {
			if v, ok := sample("reqrep "+c.name, func() [3]float64 { return c.f(url) }); ok {
				keep("reqrep-16B", c.name, v[0])
				keep("reqrep-16B p50 us", c.name, v[1])
				keep("reqrep-16B p99 us", c.name, v[2])
			}
		}
	}
	type row struct {
		Workload string  `json:"workload"`
		Nervure  float64 `json:"nervure"`
		NatsGo   float64 `json:"nats_go"`
		Ratio    float64 `json:"ratio"`
	}
	var rows []row
	fmt.Println("| workload | nervure (Go) | nats.go | ratio |\n|---|---:|---:|---:|")
	for _, w := range []string{"pub-16B", "pubsub-16B", "reqrep-16B", "reqrep-16B p50 us", "reqrep-16B p99 us"} {
		mine, theirs := res[w]["nervure"], res[w]["nats.go"]
		if len(mine) == 0 || len(theirs) == 0 {
			fmt.Printf("| %s | n/a | n/a | n/a |\n", w)
			continue
		}
		o, t := median(mine), median(theirs)
		latency := w[len(w)-2:] == "us"
		ratio, unit, note := o/t, " msgs/s", ""
		if latency {
			ratio, unit, note = t/o, "", " faster"
		}
		fmt.Printf("| %s%s | %.0f | %.0f | %.2fx%s |\n", w, unit, o, t, ratio, note)
		rows = append(rows, row{w, o, t, ratio})
	}
	b, _ := json.Marshal(rows)
	if len(os.Args) > 3 {
		must(os.WriteFile(os.Args[3], b, 0o644))
	} else {
		fmt.Fprintln(os.Stderr, string(b))
	}
}
