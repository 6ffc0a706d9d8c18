package nervure_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

// Every fetched message acknowledged with Ack (fire and forget) reaches the
// server: the consumer's ack floor ends at the last one and nothing stays
// pending. The server applies acknowledgements on a queue of its own, after
// a flush has returned, so the check waits for them to land.
func TestFetchedAcksAllReachTheServer(t *testing.T) {
	nc, _ := connect(t)
	js, err := nc.JetStream("", "", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.AddStream(`{"name":"ACKS","subjects":["acks.>"],"storage":"memory"}`); err != nil {
		t.Fatal(err)
	}
	const total, batch = 3000, 256
	for i := 0; i < total; i++ {
		if err := nc.Publish("acks.in", []byte(fmt.Sprint(i))); err != nil {
			t.Fatal(err)
		}
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	eventually(t, 5*time.Second, func() bool {
		info, err := js.StreamInfo("ACKS")
		var s struct {
			State struct{ Messages int } `json:"state"`
		}
		return err == nil && json.Unmarshal(info.Raw, &s) == nil && s.State.Messages == total
	})
	if _, err := js.AddConsumer("ACKS", `{"durable_name":"all","ack_policy":"explicit","max_ack_pending":-1}`); err != nil {
		t.Fatal(err)
	}
	read := 0
	for read < total {
		n := min(batch, total-read)
		sub, err := js.Fetch("ACKS", "all", n, 5*time.Second, false)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < n; i++ {
			m, err := sub.NextMsg(5 * time.Second)
			if err != nil {
				t.Fatalf("message %d of the batch at %d: %v", i, read, err)
			}
			if want := fmt.Sprint(read + i); string(m.Data) != want {
				t.Fatalf("got %q, want %q", m.Data, want)
			}
			if err := m.Ack(); err != nil {
				t.Fatal(err)
			}
		}
		read += n
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	var last consumerState
	deadline := time.Now().Add(5 * time.Second)
	for {
		last = consumerStateOf(t, js, "ACKS", "all")
		if last.NumAckPending == 0 && last.AckFloor.ConsumerSeq == total {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %d acknowledged: %+v", total, last)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if last.Delivered.ConsumerSeq != total || last.AckFloor.StreamSeq != total || last.NumPending != 0 {
		t.Fatalf("consumer state %+v", last)
	}
}

type seqPair struct {
	ConsumerSeq uint64 `json:"consumer_seq"`
	StreamSeq   uint64 `json:"stream_seq"`
}

type consumerState struct {
	Delivered     seqPair `json:"delivered"`
	AckFloor      seqPair `json:"ack_floor"`
	NumAckPending uint64  `json:"num_ack_pending"`
	NumPending    uint64  `json:"num_pending"`
}

func consumerStateOf(t *testing.T, js *nervure.JetStream, stream, consumer string) consumerState {
	t.Helper()
	info, err := js.ConsumerInfo(stream, consumer)
	if err != nil {
		t.Fatal(err)
	}
	var s consumerState
	if err := json.Unmarshal(info.Raw, &s); err != nil {
		t.Fatal(err)
	}
	return s
}
