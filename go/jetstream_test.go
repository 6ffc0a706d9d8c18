package nervure_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

func TestJetStreamAndKeyValue(t *testing.T) {
	nc, _ := connect(t)
	js, err := nc.JetStream("", "", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	info, err := js.AddStream(`{"name":"ORDERS","subjects":["orders.>"]}`)
	if err != nil || len(info.Raw) == 0 {
		t.Fatalf("add stream: %v %s", err, info.Raw)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for i := 1; i <= 3; i++ {
		ack, err := js.Publish(ctx, "orders.new", []byte{byte('0' + i)}, nervure.MsgID("m"+string(rune('0'+i))))
		if err != nil || ack.Stream != "ORDERS" || ack.Sequence != uint64(i) || ack.Duplicate {
			t.Fatalf("publish %d: %+v %v", i, ack, err)
		}
	}
	if ack, err := js.Publish(ctx, "orders.new", nil, nervure.MsgID("m1")); err != nil || !ack.Duplicate {
		t.Fatalf("duplicate: %+v %v", ack, err)
	}
	_, err = js.Publish(ctx, "orders.new", nil, nervure.ExpectLastSequence(1))
	var api *nervure.JetStreamAPIError
	if !errors.As(err, &api) || api.ErrCode != 10071 || !errors.Is(err, nervure.ErrJetStreamAPI) {
		t.Fatalf("wrong last sequence: %v", err)
	}
	if _, err := js.StreamInfo("NOPE"); !errors.As(err, &api) || api.Code != 404 {
		t.Fatalf("missing stream: %v", err)
	}
	if _, err := js.AddConsumer("ORDERS", `{"durable_name":"proc","ack_policy":"explicit"}`); err != nil {
		t.Fatal(err)
	}
	batch, err := js.Fetch("ORDERS", "proc", 3, 2*time.Second, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 3; i++ {
		m, err := batch.NextMsg(5 * time.Second)
		if err != nil {
			t.Fatalf("fetch %d: %v", i, err)
		}
		md, err := m.Metadata()
		if err != nil || md.StreamSeq != uint64(i) || md.Stream != "ORDERS" || md.NumDelivered != 1 {
			t.Fatalf("metadata %+v %v", md, err)
		}
		if i == 2 {
			err = m.AckSync(ctx)
		} else {
			err = m.Ack()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	ci, err := js.ConsumerInfo("ORDERS", "proc")
	if err != nil || len(ci.Raw) == 0 {
		t.Fatal(err)
	}
	stored, err := js.GetMsg("ORDERS", 2, "")
	if err != nil || len(stored.Raw) == 0 {
		t.Fatalf("get msg: %v", err)
	}

	kv, err := js.CreateKeyValue(`{"bucket":"profiles","history":5}`)
	if err != nil {
		t.Fatal(err)
	}
	watch, err := kv.Watch("sue.*", false, false, false, false)
	if err != nil {
		t.Fatal(err)
	}
	rev, err := kv.Put("sue.color", []byte("blue"))
	if err != nil || rev == 0 {
		t.Fatalf("put: %d %v", rev, err)
	}
	if _, err := kv.Update("sue.color", []byte("red"), rev+10); !errors.As(err, &api) || api.ErrCode != 10071 {
		t.Fatalf("update with a stale revision: %v", err)
	}
	if _, err := kv.Update("sue.color", []byte("green"), rev); err != nil {
		t.Fatal(err)
	}
	rec, err := kv.Get("sue.color", 0)
	if err != nil || rec.Key != "sue.color" || rec.Revision != rev+1 || rec.Operation != "PUT" {
		t.Fatalf("get: %+v %v", rec, err)
	}
	// The watch sees the key (its initial value or its updates, depending on
	// when the watch's consumer started), and the end of the initial values.
	w1, err := watch.NextMsg(5 * time.Second)
	for err == nil && w1.Subject != "sue.color" {
		w1, err = watch.NextMsg(5 * time.Second)
	}
	if err != nil || string(w1.Data) != "blue" && string(w1.Data) != "green" {
		t.Fatalf("watch: %v %v", w1, err)
	}
	keys, err := kv.Keys("")
	if err != nil || len(keys.Raw) == 0 {
		t.Fatal(err)
	}
	// Continuous consumption with a handler; redelivery after Nak.
	if _, err := js.AddConsumer("ORDERS", `{"durable_name":"live","ack_policy":"explicit"}`); err != nil {
		t.Fatal(err)
	}
	live, err := js.Consume("ORDERS", "live", 0, 30*time.Second, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan uint64, 10)
	nakked := false
	if err := live.Handle(func(m *nervure.Msg) {
		md, _ := m.Metadata()
		if md.StreamSeq == 1 && !nakked {
			nakked = true
			m.Nak(0)
			return
		}
		m.Ack()
		got <- md.StreamSeq
	}); err != nil {
		t.Fatal(err)
	}
	seen := map[uint64]bool{}
	for len(seen) < 3 {
		select {
		case seq := <-got:
			seen[seq] = true
		case <-time.After(10 * time.Second):
			t.Fatalf("consumed %v", seen)
		}
	}
	live.Unsubscribe()
	if err := js.DeleteStream("ORDERS"); err != nil {
		t.Fatal(err)
	}
}

// A feature the 2.9 server cannot honour fails with ErrNotSupportedByServer.
func TestJetStreamCompatRefusals(t *testing.T) {
	s := startServer(t, "single", "--compat")
	nc, err := nervure.Connect(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := nc.JetStream("", "", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.AddStream(`{"name":"T","subjects":["t.>"]}`); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := js.Publish(ctx, "t.x", nil, nervure.MsgTTL(time.Minute)); !errors.Is(err, nervure.ErrNotSupportedByServer) {
		t.Fatalf("message TTL on 2.9: %v", err)
	}
	if ack, err := js.Publish(ctx, "t.x", []byte("ok")); err != nil || ack.Sequence != 1 {
		t.Fatalf("publish on 2.9: %+v %v", ack, err)
	}
}

// PublishAsync keeps a window of acknowledgements outstanding: every future
// settles once with a sequence of its own, and failures come through Err.
func TestPublishAsync(t *testing.T) {
	nc, _ := connect(t)
	js, err := nc.JetStream("", "", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.AddStream(`{"name":"ASYNC","subjects":["async.>"],"storage":"memory"}`); err != nil {
		t.Fatal(err)
	}
	const n = 1000 // several windows of 256
	futures := make([]*nervure.PubAckFuture, 0, n)
	for i := 0; i < n; i++ {
		f, err := js.PublishAsync("async.a", []byte{byte(i)}, nervure.MsgID(fmt.Sprint("a-", i)))
		if err != nil {
			t.Fatalf("publish %d: %v", i, err)
		}
		futures = append(futures, f)
	}
	if err := js.PublishAsyncComplete(10 * time.Second); err != nil {
		t.Fatal(err)
	}
	seen := map[uint64]bool{}
	for i, f := range futures {
		select {
		case ack := <-f.Ok():
			if ack.Stream != "ASYNC" || ack.Duplicate || seen[ack.Sequence] {
				t.Fatalf("ack %d: %+v", i, ack)
			}
			seen[ack.Sequence] = true
		case err := <-f.Err():
			t.Fatalf("publish %d failed: %v", i, err)
		case <-time.After(5 * time.Second):
			t.Fatalf("publish %d: no acknowledgement", i)
		}
	}
	if len(seen) != n {
		t.Fatalf("%d acknowledgements", len(seen))
	}
	// Failures: an expectation the stream refuses, a subject no stream stores.
	f, err := js.PublishAsync("async.a", nil, nervure.ExpectLastSequence(1))
	if err != nil {
		t.Fatal(err)
	}
	var api *nervure.JetStreamAPIError
	select {
	case err := <-f.Err():
		if !errors.As(err, &api) || api.ErrCode != 10071 {
			t.Fatalf("wrong last sequence: %v", err)
		}
	case ack := <-f.Ok():
		t.Fatalf("acknowledged despite the expectation: %+v", ack)
	}
	f, err = js.PublishAsync("nowhere.a", nil)
	if err == nil {
		select {
		case err = <-f.Err():
		case ack := <-f.Ok():
			t.Fatalf("acknowledged by no stream: %+v", ack)
		}
	}
	if !errors.Is(err, nervure.ErrNoResponders) {
		t.Fatalf("no stream: %v", err)
	}
	// Publishing from many goroutines at once, as nats.go users do.
	var wg sync.WaitGroup
	var bad atomic.Int64
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				f, err := js.PublishAsync("async.b", []byte("x"))
				if err != nil {
					bad.Add(1)
					continue
				}
				select {
				case <-f.Ok():
				case <-f.Err():
					bad.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if bad.Load() != 0 {
		t.Fatalf("%d concurrent publishes failed", bad.Load())
	}
}
