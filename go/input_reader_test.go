package nervure_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nervure-io/nervure/go"
)

// requestWhileWatched holds a request open (its responder waits for release) until
// the connection's reader watches the current socket.
func requestWhileWatched(t *testing.T, nc, responder *nervure.Conn, subject string) {
	t.Helper()
	release := make(chan struct{})
	sub, err := responder.Subscribe(subject, func(m *nervure.Msg) {
		<-release
		m.Respond([]byte("late"))
	})
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	responder.Flush()
	done := make(chan error, 1)
	go func() {
		_, err := nc.Request(context.Background(), subject, nil)
		done <- err
	}()
	eventually(t, 5*time.Second, func() bool { _, w := nervure.InputReaderState(nc); return w })
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestInputReaderWatchesWhileARequestIsDueAndStopsWithoutOne(t *testing.T) {
	nc, s := connect(t)
	responder, err := nervure.Connect(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer responder.Close()
	requestWhileWatched(t, nc, responder, "reader.slow")
	// Input the reader sees with nothing in flight ends it (the I/O thread may
	// read some first: the reader sees nothing of those).
	sub, _ := nc.SubscribeSync("reader.idle")
	nc.Flush()
	eventually(t, 5*time.Second, func() bool {
		responder.Publish("reader.idle", []byte("x"))
		r, w := nervure.InputReaderState(nc)
		return !r && !w
	})
	if _, err := sub.NextMsg(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	// The next request starts another.
	requestWhileWatched(t, nc, responder, "reader.again")
}

func TestInputReaderEndsWhenTheConnectionCloses(t *testing.T) {
	nc, s := connect(t)
	responder, err := nervure.Connect(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer responder.Close()
	responder.Subscribe("reader.never", func(*nervure.Msg) {})
	responder.Flush()
	done := make(chan error, 1)
	go func() {
		_, err := nc.Request(context.Background(), "reader.never", nil)
		done <- err
	}()
	eventually(t, 5*time.Second, func() bool { _, w := nervure.InputReaderState(nc); return w })
	nc.Close()
	if err := <-done; !errors.Is(err, nervure.ErrConnectionClosed) {
		t.Fatalf("pending request after Close: %v", err)
	}
	eventually(t, 5*time.Second, func() bool { r, w := nervure.InputReaderState(nc); return !r && !w })
}

// Requesters keep going through a server restart: none hangs or gets another's
// reply, each gets its answers after the reconnect, and the reader then
// watches the new socket.
func TestInputReaderAcrossAServerRestart(t *testing.T) {
	s := startServer(t, "single")
	opts := []nervure.Option{nervure.WithReconnectWait(50 * time.Millisecond), nervure.WithMaxReconnectAttempts(-1)}
	nc, err := nervure.Connect(s.URL, opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	responder, err := nervure.Connect(s.URL, opts...)
	if err != nil {
		t.Fatal(err)
	}
	defer responder.Close()
	responder.Subscribe("reader.echo", func(m *nervure.Msg) { m.Respond(m.Data) })
	responder.Flush()

	var restarted atomic.Bool
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			after := 0
			for i := 0; after < 50; i++ {
				if i > 100000 {
					errs <- errors.New("too many failures")
					return
				}
				want := []byte{byte(g), byte(i), byte(i >> 8)}
				ctx, cancel := context.WithTimeout(context.Background(), time.Second)
				m, err := nc.Request(ctx, "reader.echo", want)
				cancel()
				if err != nil {
					time.Sleep(10 * time.Millisecond)
					continue
				}
				if string(m.Data) != string(want) {
					errs <- errors.New("a reply meant for another request")
					return
				}
				if restarted.Load() && nc.Stats().Reconnects > 0 {
					after++
				}
			}
		}(g)
	}
	time.Sleep(100 * time.Millisecond)
	s.command(t, "restart 0")
	restarted.Store(true)
	finished := make(chan struct{})
	go func() { wg.Wait(); close(finished) }()
	select {
	case <-finished:
	case <-time.After(60 * time.Second):
		t.Fatal("requesters hung after the restart")
	}
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	requestWhileWatched(t, nc, responder, "reader.after")
}

// A handler waiting for its next message keeps a reader on its connection;
// what the reader parses reaches the handler whole and in order.
func TestInputReaderWatchesForAWaitingHandler(t *testing.T) {
	nc, s := connect(t)
	pub, err := nervure.Connect(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer pub.Close()
	const n = 2000
	var got []int
	var mu sync.Mutex
	all := make(chan struct{})
	nc.Subscribe("reader.handled", func(m *nervure.Msg) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, int(m.Data[0])|int(m.Data[1])<<8)
		if len(got) == n {
			close(all)
		}
	})
	nc.Flush()
	eventually(t, 5*time.Second, func() bool { _, w := nervure.InputReaderState(nc); return w })
	for i := 0; i < n; i++ {
		pub.Publish("reader.handled", []byte{byte(i), byte(i >> 8)})
		if i%100 == 0 {
			time.Sleep(time.Millisecond) // now and then the handler waits, and the reader reads
		}
	}
	select {
	case <-all:
	case <-time.After(10 * time.Second):
		t.Fatalf("handled %d of %d", len(got), n)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("message %d arrived as %d", i, v)
		}
	}
}

// Under TLS the core alone reads the socket: requests and handlers work, and
// no reader is started per wait.
func TestInputReaderStaysAwayFromTLS(t *testing.T) {
	tl := startServer(t, "tls")
	nc, err := nervure.Connect(tl.URL, nervure.WithTLSCAFile(tl.CAFile))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.Subscribe("reader.tls", func(m *nervure.Msg) { m.Respond(m.Data) })
	nc.Flush()
	for i := 0; i < 50; i++ {
		m, err := nc.Request(context.Background(), "reader.tls", []byte{byte(i)})
		if err != nil || m.Data[0] != byte(i) {
			t.Fatalf("request %d: %v %v", i, m, err)
		}
	}
	eventually(t, 5*time.Second, func() bool { r, w := nervure.InputReaderState(nc); return !r && !w })
	if !nervure.InputReaderIdleForGood(nc) {
		t.Fatal("a reader would start again for the next wait")
	}
}
