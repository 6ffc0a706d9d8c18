// Actor call latency in Go: a host and a caller in one process on separate
// connections, calls one at a time. Prints one JSON line per workload, the
// shape of tests/bench/actors/actor_bench.py.
// Usage: actor-bench URL MSGS SECONDS [MODES]
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

const (
	leases  = "nervure-bench-leases-go"
	state   = "nervure-bench-state-go"
	payload = "xxxxxxxxxxxxxxxx"
	warmUp  = 200
)

// benchActor: read only reads its state; update saves it.
var benchActor = nervure.ActorType{Methods: map[string]nervure.ActorMethod{
	"read": func(ctx *nervure.ActorContext, _ any) (any, error) {
		v, _, err := ctx.Get("n")
		return v, err
	},
	"update": func(ctx *nervure.ActorContext, arg any) (any, error) {
		return nil, ctx.Set("n", arg)
	},
}}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "actor-bench:", err)
		os.Exit(1)
	}
}

func dropBuckets(url string) {
	nc, err := nervure.Connect(url)
	must(err)
	defer nc.Close()
	js, err := nc.JetStream("", "", 5*time.Second)
	must(err)
	for _, b := range []string{leases, state} {
		_ = js.DeleteKeyValue(b) // absent: nothing left from an earlier run
	}
}

// rank is the nearest-rank percentile of sorted latencies, as nervure bench.
func rank(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	r := int(math.Ceil(p * float64(len(sorted))))
	return sorted[min(len(sorted), max(1, r))-1]
}

func workload(mode, url string, msgs int, seconds float64) map[string]any {
	hostNc, err := nervure.Connect(url)
	must(err)
	defer hostNc.Close()
	caller, err := nervure.Connect(url)
	must(err)
	defer caller.Close()
	rt, err := nervure.NewActorRuntime(hostNc, nervure.WithActorBuckets(leases, state))
	must(err)
	must(rt.Register("bench", benchActor))
	must(rt.Start())
	defer rt.Stop(10 * time.Second)

	ctx := context.Background()
	hot := caller.ActorProxy("bench", "hot")
	_, err = hot.Invoke(ctx, "update", payload) // activated before the clock starts
	must(err)
	call := func(prefix string, i int) error {
		var err error
		switch mode {
		case "actor-activate":
			_, err = caller.ActorProxy("bench", prefix+strconv.Itoa(i)).Invoke(ctx, "read")
		case "actor-call":
			_, err = hot.Invoke(ctx, "read")
		default:
			_, err = hot.Invoke(ctx, "update", payload)
		}
		return err
	}
	for i := 0; i < warmUp; i++ {
		must(call("w-", i))
	}
	latencies := make([]float64, 0, msgs)
	start := time.Now()
	stopAt := start.Add(time.Duration(seconds * float64(time.Second)))
	for i := 0; i < msgs; i++ {
		t0 := time.Now()
		if !t0.Before(stopAt) {
			break
		}
		must(call("a-", i))
		latencies = append(latencies, float64(time.Since(t0).Nanoseconds())/1e3)
	}
	elapsed := time.Since(start).Seconds()
	sort.Float64s(latencies)
	return map[string]any{"client": "nervure-go", "mode": mode, "msgs": len(latencies),
		"msgs_per_sec": float64(len(latencies)) / elapsed, "p50_us": rank(latencies, 0.5),
		"p99_us": rank(latencies, 0.99), "p999_us": rank(latencies, 0.999)}
}

func main() {
	url := os.Args[1]
	msgs, err := strconv.Atoi(os.Args[2])
	must(err)
	seconds, err := strconv.ParseFloat(os.Args[3], 64)
	must(err)
	modes := []string{"actor-call", "actor-activate"}
	if len(os.Args) > 4 {
		modes = strings.Split(os.Args[4], ",")
	}
	for _, mode := range modes {
		dropBuckets(url)
		line, _ := json.Marshal(workload(mode, url, msgs, seconds))
		fmt.Println(string(line))
	}
	dropBuckets(url)
}
