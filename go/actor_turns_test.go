package nervure_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

// Turns run on whichever goroutine serves the host's turns: each actor still
// runs one turn at a time (no overlap, no lost increment) under concurrent
// callers, while two actors' turns go on side by side.
func TestActorTurnsOneAtATimePerActor(t *testing.T) {
	nc, s := connect(t)
	rt, err := nervure.NewActorRuntime(nc, nervure.WithActorPartitions(4),
		nervure.WithActorBuckets("go-turns-leases", "go-turns-state"))
	if err != nil {
		t.Fatal(err)
	}
	var inTurn sync.Map // actor id -> *atomic.Int32
	var overlaps atomic.Int32
	err = rt.Register("counter", nervure.ActorType{Methods: map[string]nervure.ActorMethod{
		"inc": func(ctx *nervure.ActorContext, _ any) (any, error) {
			busy, _ := inTurn.LoadOrStore(ctx.ID, new(atomic.Int32))
			if busy.(*atomic.Int32).Add(1) != 1 {
				overlaps.Add(1)
			}
			defer busy.(*atomic.Int32).Add(-1)
			v, _, err := ctx.Get("n")
			if err != nil {
				return nil, err
			}
			n, _ := v.(int64)
			time.Sleep(50 * time.Microsecond) // widens the window a second turn would need
			return n + 1, ctx.Set("n", n+1)
		},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Start(); err != nil {
		t.Fatal(err)
	}
	defer rt.Stop(10 * time.Second)

	caller, err := nervure.Connect(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer caller.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	const callers, calls = 4, 40
	var wg sync.WaitGroup
	errs := make(chan error, 2*callers)
	for _, id := range []string{"a", "b"} {
		for c := 0; c < callers; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p := caller.ActorProxy("counter", id)
				p.Partitions = 4
				last := int64(0)
				for i := 0; i < calls; i++ {
					v, err := p.Invoke(ctx, "inc")
					if err != nil {
						errs <- err
						return
					}
					// Each caller waits for its answer: its next increment comes later.
					if n := v.(int64); n <= last {
						t.Errorf("actor %s answered %d after %d", id, n, last)
					} else {
						last = n
					}
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := overlaps.Load(); n != 0 {
		t.Fatalf("%d turns of one actor overlapped", n)
	}
	for _, id := range []string{"a", "b"} {
		p := caller.ActorProxy("counter", id)
		p.Partitions = 4
		v, err := p.Invoke(ctx, "inc")
		if err != nil || v.(int64) != callers*calls+1 {
			t.Fatalf("actor %s: %v %v, want %d (an increment was lost)", id, v, err, callers*calls+1)
		}
	}
}

// A turn that blocks without telling the runtime (here on a channel another
// actor's turn closes) hands serving over: the other actor's turn still runs.
func TestActorTurnBlockingElsewhereDoesNotStallOthers(t *testing.T) {
	nc, _ := connect(t)
	rt, err := nervure.NewActorRuntime(nc, nervure.WithActorPartitions(4),
		nervure.WithActorBuckets("go-block-leases", "go-block-state"))
	if err != nil {
		t.Fatal(err)
	}
	gate := make(chan struct{})
	err = rt.Register("gate", nervure.ActorType{Methods: map[string]nervure.ActorMethod{
		"wait": func(*nervure.ActorContext, any) (any, error) {
			select {
			case <-gate:
				return "opened", nil
			case <-time.After(10 * time.Second):
				return "stalled", nil
			}
		},
		"open": func(*nervure.ActorContext, any) (any, error) { close(gate); return nil, nil },
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Start(); err != nil {
		t.Fatal(err)
	}
	defer rt.Stop(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	proxy := func(id string) *nervure.ActorProxy {
		p := nc.ActorProxy("gate", id)
		p.Partitions = 4
		return p
	}
	got := make(chan any, 1)
	go func() {
		v, err := proxy("waiter").Invoke(ctx, "wait")
		if err != nil {
			v = err
		}
		got <- v
	}()
	time.Sleep(100 * time.Millisecond) // the waiter's turn is running and blocked
	if _, err := proxy("opener").Invoke(ctx, "open"); err != nil {
		t.Fatal(err)
	}
	if v := <-got; v != "opened" {
		t.Fatalf("waiter: %v", v)
	}
}

// A method that panics fails its call (ActorError of type "panic") and the
// goroutine serving turns goes on: the next call is answered.
func TestActorTurnPanicKeepsServing(t *testing.T) {
	nc, _ := connect(t)
	rt, err := nervure.NewActorRuntime(nc, nervure.WithActorPartitions(4),
		nervure.WithActorBuckets("go-panic-leases", "go-panic-state"))
	if err != nil {
		t.Fatal(err)
	}
	err = rt.Register("fragile", nervure.ActorType{Methods: map[string]nervure.ActorMethod{
		"boom": func(*nervure.ActorContext, any) (any, error) { panic("boom") },
		"ping": func(*nervure.ActorContext, any) (any, error) { return "pong", nil },
	}})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Start(); err != nil {
		t.Fatal(err)
	}
	defer rt.Stop(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	p := nc.ActorProxy("fragile", "x")
	p.Partitions = 4
	for i := 0; i < 3; i++ {
		var ae *nervure.ActorError
		if _, err := p.Invoke(ctx, "boom"); !errors.As(err, &ae) || ae.RemoteType != "panic" {
			t.Fatalf("boom: %v", err)
		}
		if v, err := p.Invoke(ctx, "ping"); err != nil || v != "pong" {
			t.Fatalf("ping after a panic: %v %v", v, err)
		}
	}
}
