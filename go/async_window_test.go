package nervure_test

import (
	"strconv"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

// PublishAsync keeps at most 256 acknowledgements outstanding and, once full,
// waits until a quarter of the window is free again. A plain subscriber plays
// the stream here, answering only when told to.
func TestPublishAsyncWindow(t *testing.T) {
	nc, _ := connect(t)
	requests := make(chan *nervure.Msg, 1024)
	if _, err := nc.Subscribe("window.x", func(m *nervure.Msg) { requests <- m }); err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	js, err := nc.JetStream("", "", 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var futures []*nervure.PubAckFuture
	for i := 0; i < 256; i++ {
		f, err := js.PublishAsync("window.x", []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		futures = append(futures, f)
	}
	published := make(chan *nervure.PubAckFuture, 1)
	go func() {
		f, err := js.PublishAsync("window.x", []byte("x"))
		if err != nil {
			t.Error(err)
		}
		published <- f
	}()
	answer := func(n int) {
		for i := 0; i < n; i++ {
			m := <-requests
			if err := m.Respond([]byte(`{"stream":"W","seq":` + strconv.Itoa(i+1) + `}`)); err != nil {
				t.Fatal(err)
			}
		}
	}
	stillWaiting := func(what string) {
		select {
		case <-published:
			t.Fatalf("the 257th publish went out %s", what)
		case <-time.After(200 * time.Millisecond):
		}
	}
	stillWaiting("with 256 outstanding")
	answer(63)
	for _, f := range futures[:63] {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			t.Fatal(err)
		case <-time.After(5 * time.Second):
			t.Fatal("no acknowledgement")
		}
	}
	stillWaiting("with 193 outstanding")
	answer(1)
	select {
	case f := <-published:
		if f == nil {
			t.Fatal("no future")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the 257th publish still waits with 192 outstanding")
	}
	answer(193)
	if err := js.PublishAsyncComplete(5 * time.Second); err != nil {
		t.Fatal(err)
	}
}
