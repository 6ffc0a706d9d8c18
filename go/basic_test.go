package nervure_test

import (
	"context"
	"errors"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

var shared *server

func connect(t *testing.T, opts ...nervure.Option) (*nervure.Conn, *server) {
	t.Helper()
	s := startServer(t, "single")
	nc, err := nervure.Connect(s.URL, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc, s
}

func TestPublishSubscribe(t *testing.T) {
	nc, _ := connect(t)
	got := make(chan *nervure.Msg, 10)
	sub, err := nc.Subscribe("greet.*", func(m *nervure.Msg) { got <- m })
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := nc.Publish("greet.joe", []byte("hello")); err != nil {
		t.Fatal(err)
	}
	select {
	case m := <-got:
		if m.Subject != "greet.joe" || string(m.Data) != "hello" {
			t.Fatalf("got %q %q", m.Subject, m.Data)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no message")
	}
}

func TestRequestReply(t *testing.T) {
	nc, _ := connect(t)
	sub, err := nc.Subscribe("svc.echo", func(m *nervure.Msg) { m.Respond(append([]byte("re:"), m.Data...)) })
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	nc.Flush()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r, err := nc.Request(ctx, "svc.echo", []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Data) != "re:x" {
		t.Fatalf("reply %q", r.Data)
	}
}

func TestNoResponders(t *testing.T) {
	nc, _ := connect(t)
	_, err := nc.Request(context.Background(), "nobody.here", nil)
	if !errors.Is(err, nervure.ErrNoResponders) || !errors.Is(err, nervure.ErrNervure) {
		t.Fatalf("got %v", err)
	}
}
