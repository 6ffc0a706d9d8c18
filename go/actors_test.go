package nervure_test

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

// A counter actor hosted through the generated ActorHost surface; arguments
// and results are MessagePack (positive fixints here: one byte each).
func TestActorHostAndInvoke(t *testing.T) {
	nc, _ := connect(t)
	host, err := nc.ActorHost(time.Hour, time.Minute, false, 32, 10*time.Second, 4, 2, "", "go-test-leases",
		"go-test-state")
	if err != nil {
		t.Fatal(err)
	}
	if err := host.RegisterType("counter"); err != nil {
		t.Fatal(err)
	}
	turns, err := host.Turns()
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			m, err := turns.NextMsg(100 * time.Millisecond)
			if err != nil {
				if errors.Is(err, nervure.ErrTimeout) {
					continue
				}
				return
			}
			turn, _ := strconv.ParseUint(m.Reply, 10, 64)
			switch m.Header.Get("Nervure-Turn") {
			case "call":
				if m.Subject != "add" {
					host.Complete(turn, nil, "MethodNotFound", m.Subject)
					continue
				}
				cur, _ := host.StateGet(turn, "n")
				n := byte(0)
				if len(cur) == 1 {
					n = cur[0]
				}
				n += m.Data[0]
				host.StateSet(turn, "n", []byte{n})
				host.Complete(turn, []byte{n}, "", "")
			default:
				host.Complete(turn, nil, "", "")
			}
		}
	}()
	if err := host.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var last *nervure.Msg
	for i := 0; i < 3; i++ {
		for attempt := 0; ; attempt++ {
			last, err = nc.ActorInvoke(ctx, "counter", "c1", "add", []byte{5}, 5*time.Second, 4)
			if err == nil || attempt > 50 || !errors.Is(err, nervure.ErrNoResponders) {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(last.Data) != 1 || last.Data[0] != 15 {
		t.Fatalf("counter %v", last.Data)
	}
	_, err = nc.ActorInvoke(ctx, "counter", "c1", "nope", nil, 5*time.Second, 4)
	var ae *nervure.ActorError
	if !errors.As(err, &ae) || ae.RemoteType != "MethodNotFound" || !errors.Is(err, nervure.ErrActor) {
		t.Fatalf("remote error: %v", err)
	}
	if host.HostID() == "" || host.Stats().Calls < 3 {
		t.Fatalf("host %q stats %+v", host.HostID(), host.Stats())
	}
	go host.Stop(10 * time.Second)
	time.Sleep(200 * time.Millisecond)
	close(stop)
	<-done
}
