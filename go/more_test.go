package nervure_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	nervure "github.com/nervure-io/nervure/go"
)

func TestHeadersMultiValued(t *testing.T) {
	nc, _ := connect(t)
	sub, err := nc.SubscribeSync("hdr")
	if err != nil {
		t.Fatal(err)
	}
	m := nervure.NewMsg("hdr")
	m.Data = []byte("body")
	m.Header.Add("X-Trace", "a")
	m.Header.Add("X-Trace", "b")
	m.Header.Set("lower-case", "kept")
	if err := nc.PublishMsg(m); err != nil {
		t.Fatal(err)
	}
	got, err := sub.NextMsg(5 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if v := got.Header.Values("X-Trace"); len(v) != 2 || v[0] != "a" || v[1] != "b" {
		t.Fatalf("X-Trace %v", v)
	}
	if got.Header.Get("lower-case") != "kept" || string(got.Data) != "body" {
		t.Fatalf("headers %v data %q", got.Header, got.Data)
	}
}

func TestErrors(t *testing.T) {
	nc, _ := connect(t)
	err := nc.Publish("bad subject", nil)
	if !errors.Is(err, nervure.ErrInvalidSubject) || !errors.Is(err, nervure.ErrNervure) {
		t.Fatalf("invalid subject: %v", err)
	}
	var ne *nervure.Error
	if !errors.As(err, &ne) || ne.Status != nervure.StatusInvalidSubject {
		t.Fatalf("errors.As: %v", err)
	}
	if errors.Is(err, nervure.ErrTimeout) {
		t.Fatal("an invalid subject is not a timeout")
	}
	if _, err := nc.Subscribe("", func(*nervure.Msg) {}); !errors.Is(err, nervure.ErrInvalidSubject) {
		t.Fatalf("empty subject: %v", err)
	}
	big := make([]byte, nc.MaxPayload()+1)
	if err := nc.Publish("big", big); !errors.Is(err, nervure.ErrMaxPayload) {
		t.Fatalf("max payload: %v", err)
	}
	// A request nobody answers in time (a subscriber that stays silent).
	sub, _ := nc.SubscribeSync("silent")
	defer sub.Unsubscribe()
	nc.Flush()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = nc.Request(ctx, "silent", nil)
	if !errors.Is(err, nervure.ErrTimeout) {
		t.Fatalf("timeout: %v", err)
	}
	if _, err := nervure.Connect("nats://127.0.0.1:1", nervure.WithConnectTimeout(200*time.Millisecond),
		nervure.WithMaxReconnectAttempts(0)); !errors.Is(err, nervure.ErrNervure) {
		t.Fatalf("connect refused: %v", err)
	}
	if _, err := nervure.Connect("bogus://x:y:z"); !errors.Is(err, nervure.ErrNervure) {
		t.Fatalf("bad url: %v", err)
	}
	nc.Close()
	if err := nc.Publish("after.close", nil); !errors.Is(err, nervure.ErrConnectionClosed) {
		t.Fatalf("after close: %v", err)
	}
	if _, err := nc.Request(context.Background(), "x", nil); !errors.Is(err, nervure.ErrConnectionClosed) {
		t.Fatalf("request after close: %v", err)
	}
	if !nc.IsClosed() || nc.IsConnected() {
		t.Fatal("state after close")
	}
}

func TestContextCancelRequest(t *testing.T) {
	nc, _ := connect(t)
	sub, _ := nc.SubscribeSync("slow")
	defer sub.Unsubscribe()
	nc.Flush()
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, err := nc.Request(ctx, "slow", nil)
	if !errors.Is(err, context.Canceled) || errors.Is(err, nervure.ErrTimeout) {
		t.Fatalf("cancel: %v", err)
	}
	// The connection still works afterwards.
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
}

// Requests whose context ends first leave no waiter (nor its file
// descriptors) behind, and the next requests are answered as usual.
func TestCancelledRequestsLeaveNothingBehind(t *testing.T) {
	nc, _ := connect(t)
	silent, _ := nc.SubscribeSync("left.silent")
	defer silent.Unsubscribe()
	echo, _ := nc.Subscribe("left.echo", func(m *nervure.Msg) { m.Respond(m.Data) })
	defer echo.Unsubscribe()
	nc.Flush()
	openFds := func() int {
		entries, _ := os.ReadDir("/proc/self/fd")
		return len(entries)
	}
	if _, err := nc.Request(context.Background(), "left.echo", nil); err != nil {
		t.Fatal(err)
	}
	before := openFds()
	for i := 0; i < 50; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
		if _, err := nc.Request(ctx, "left.silent", nil); !errors.Is(err, nervure.ErrTimeout) {
			t.Fatalf("request %d: %v", i, err)
		}
		cancel()
		ctx, cancel = context.WithCancel(context.Background())
		go cancel()
		if _, err := nc.Request(ctx, "left.silent", nil); !errors.Is(err, context.Canceled) {
			t.Fatalf("request %d: %v", i, err)
		}
		want := fmt.Sprint(i)
		if r, err := nc.Request(context.Background(), "left.echo", []byte(want)); err != nil || string(r.Data) != want {
			t.Fatalf("request %d after cancellations: %v", i, err)
		}
	}
	if after := openFds(); after > before+4 {
		t.Fatalf("%d file descriptors open before, %d after", before, after)
	}
}

func TestQueueGroup(t *testing.T) {
	nc, _ := connect(t)
	var a, b atomic.Int64
	s1, _ := nc.QueueSubscribe("work", "workers", func(*nervure.Msg) { a.Add(1) })
	s2, _ := nc.QueueSubscribe("work", "workers", func(*nervure.Msg) { b.Add(1) })
	defer s1.Unsubscribe()
	defer s2.Unsubscribe()
	nc.Flush()
	for i := 0; i < 200; i++ {
		nc.Publish("work", []byte("x"))
	}
	nc.Flush()
	eventually(t, 5*time.Second, func() bool { return a.Load()+b.Load() == 200 })
	time.Sleep(50 * time.Millisecond)
	if a.Load()+b.Load() != 200 || a.Load() == 0 || b.Load() == 0 {
		t.Fatalf("split %d/%d", a.Load(), b.Load())
	}
}

func TestChanSubscribeAndOrder(t *testing.T) {
	nc, _ := connect(t)
	ch := make(chan *nervure.Msg, 5000)
	sub, err := nc.ChanSubscribe("seq", ch)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Unsubscribe()
	nc.Flush()
	const n = 3000
	for i := 0; i < n; i++ {
		nc.Publish("seq", []byte(fmt.Sprint(i)))
	}
	for i := 0; i < n; i++ {
		select {
		case m := <-ch:
			if string(m.Data) != fmt.Sprint(i) {
				t.Fatalf("message %d is %q", i, m.Data)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("only %d messages", i)
		}
	}
}

func TestSyncSubscriptionAndLimits(t *testing.T) {
	nc, _ := connect(t)
	sub, _ := nc.SubscribeSync("sync.>")
	if _, err := sub.NextMsg(50 * time.Millisecond); !errors.Is(err, nervure.ErrTimeout) {
		t.Fatalf("empty NextMsg: %v", err)
	}
	for i := 0; i < 5; i++ {
		nc.Publish("sync.a.b", []byte{byte(i)})
	}
	nc.Flush()
	eventually(t, 5*time.Second, func() bool { return sub.Pending() == 5 })
	for i := 0; i < 5; i++ {
		m, err := sub.NextMsg(time.Second)
		if err != nil || m.Data[0] != byte(i) || m.Subject != "sync.a.b" {
			t.Fatalf("msg %d: %v %v", i, m, err)
		}
	}
	if sub.Delivered() != 5 || sub.Dropped() != 0 {
		t.Fatalf("delivered %d dropped %d", sub.Delivered(), sub.Dropped())
	}
	if err := sub.AutoUnsubscribe(7); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		nc.Publish("sync.x", nil)
	}
	nc.Flush()
	for i := 0; i < 2; i++ {
		if _, err := sub.NextMsg(time.Second); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sub.NextMsg(100 * time.Millisecond); !errors.Is(err, nervure.ErrConnectionClosed) {
		t.Fatalf("after auto-unsubscribe: %v", err)
	}
	// Pending limits: a slow consumer drops.
	slow, _ := nc.SubscribeSync("slow.c")
	if err := slow.SetPendingLimits(10, -1); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 50; i++ {
		nc.Publish("slow.c", nil)
	}
	nc.Flush()
	eventually(t, 5*time.Second, func() bool { return slow.Dropped() == 40 })
	if err := slow.Unsubscribe(); err != nil {
		t.Fatal(err)
	}
	if _, err := slow.NextMsg(10 * time.Millisecond); !errors.Is(err, nervure.ErrConnectionClosed) {
		t.Fatalf("after unsubscribe: %v", err)
	}
}

func TestIntrospection(t *testing.T) {
	nc, s := connect(t, nervure.WithName("introspect"))
	if !nc.IsConnected() || nc.IsReconnecting() || nc.IsClosed() {
		t.Fatal("state")
	}
	info := nc.ServerInfo()
	if info.ServerID == "" || info.MaxPayload == 0 || !info.Headers || len(info.Raw) == 0 {
		t.Fatalf("info %+v", info)
	}
	if !strings.Contains(s.URL, strings.TrimPrefix(nc.ConnectedURL(), "nats://")) {
		t.Fatalf("connected url %q vs %q", nc.ConnectedURL(), s.URL)
	}
	if !strings.HasPrefix(nc.NewInbox(), "_INBOX.") {
		t.Fatal(nc.NewInbox())
	}
	sub, _ := nc.SubscribeSync("st")
	nc.Publish("st", []byte("12345"))
	sub.NextMsg(time.Second)
	st := nc.Stats()
	if st.OutMsgs != 1 || st.OutBytes != 5 || st.InMsgs != 1 || st.InBytes != 5 {
		t.Fatalf("stats %+v", st)
	}
	if nervure.Version() == "" {
		t.Fatal("version")
	}
}

func TestDrain(t *testing.T) {
	nc, _ := connect(t)
	var got atomic.Int64
	nc.Subscribe("drain", func(*nervure.Msg) { time.Sleep(time.Millisecond); got.Add(1) })
	nc.Flush()
	for i := 0; i < 100; i++ {
		nc.Publish("drain", nil)
	}
	nc.Flush()
	if err := nc.Drain(); err != nil {
		t.Fatal(err)
	}
	if got.Load() != 100 {
		t.Fatalf("handled %d of 100", got.Load())
	}
	if !nc.IsClosed() {
		t.Fatal("not closed after drain")
	}
}

func TestSubscriptionDrain(t *testing.T) {
	nc, _ := connect(t)
	var got atomic.Int64
	sub, _ := nc.Subscribe("sdrain", func(*nervure.Msg) { got.Add(1) })
	nc.Flush()
	for i := 0; i < 50; i++ {
		nc.Publish("sdrain", nil)
	}
	nc.Flush()
	if err := sub.Drain(); err != nil {
		t.Fatal(err)
	}
	nc.Publish("sdrain", nil)
	nc.Flush()
	time.Sleep(50 * time.Millisecond)
	if got.Load() != 50 {
		t.Fatalf("handled %d", got.Load())
	}
}

func TestReconnect(t *testing.T) {
	s := startServer(t, "single")
	var mu sync.Mutex
	var events []nervure.Event
	nc, err := nervure.Connect(s.URL, nervure.WithReconnectWait(50*time.Millisecond),
		nervure.WithMaxReconnectAttempts(-1), nervure.WithEventHandler(func(ev nervure.Event, _ string) {
			mu.Lock()
			events = append(events, ev)
			mu.Unlock()
		}))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	sub, _ := nc.SubscribeSync("re.x")
	nc.Flush()
	s.command(t, "restart 0")
	has := func(want nervure.Event) bool {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range events {
			if e == want {
				return true
			}
		}
		return false
	}
	eventually(t, 15*time.Second, func() bool { return has(nervure.EventReconnected) && nc.IsConnected() })
	if !has(nervure.EventDisconnected) {
		t.Fatal("no disconnected event")
	}
	if err := nc.Publish("re.x", []byte("back")); err != nil {
		t.Fatal(err)
	}
	m, err := sub.NextMsg(5 * time.Second)
	if err != nil || string(m.Data) != "back" {
		t.Fatalf("after reconnect: %v %v", m, err)
	}
	if nc.Stats().Reconnects < 1 {
		t.Fatal("reconnects not counted")
	}
	nc.Close()
	eventually(t, 5*time.Second, func() bool { return has(nervure.EventClosed) })
}

func TestManyGoroutines(t *testing.T) {
	nc, _ := connect(t)
	sub, _ := nc.Subscribe("par.svc", func(m *nervure.Msg) { m.Respond(m.Data) })
	defer sub.Unsubscribe()
	var count atomic.Int64
	cs, _ := nc.Subscribe("par.pub", func(*nervure.Msg) { count.Add(1) })
	defer cs.Unsubscribe()
	nc.Flush()
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			for i := 0; i < 100; i++ {
				want := fmt.Sprintf("%d-%d", g, i)
				r, err := nc.Request(ctx, "par.svc", []byte(want))
				if err != nil || string(r.Data) != want {
					errs <- fmt.Errorf("%s: %v %v", want, r, err)
					return
				}
				if err := nc.Publish("par.pub", nil); err != nil {
					errs <- err
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	nc.Flush()
	eventually(t, 5*time.Second, func() bool { return count.Load() == 1600 })
}

func TestAuthKinds(t *testing.T) {
	tok := startServer(t, "token")
	if _, err := nervure.Connect(tok.URL, nervure.WithMaxReconnectAttempts(0)); !errors.Is(err, nervure.ErrAuthorization) {
		t.Fatalf("no token: %v", err)
	}
	nc, err := nervure.Connect(tok.URL, nervure.WithToken(tok.Token))
	if err != nil {
		t.Fatal(err)
	}
	nc.Close()
	up := startServer(t, "userpass")
	nc, err = nervure.Connect(up.URL, nervure.WithUser(up.User), nervure.WithPassword(up.Password))
	if err != nil {
		t.Fatal(err)
	}
	nc.Close()
}

// Interop with the official Go client, both directions, headers and request-reply.
func TestInteropNatsGo(t *testing.T) {
	nc, s := connect(t)
	peer, err := nats.Connect(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer peer.Close()

	// nats.go -> nervure, with multi-valued headers.
	sub, _ := nc.SubscribeSync("interop.a")
	nc.Flush()
	pm := nats.NewMsg("interop.a")
	pm.Data = []byte("from nats.go")
	pm.Header["X-Multi"] = []string{"1", "2"}
	pm.Header["Mixed-Case"] = []string{"v"}
	if err := peer.PublishMsg(pm); err != nil {
		t.Fatal(err)
	}
	m, err := sub.NextMsg(5 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if string(m.Data) != "from nats.go" || len(m.Header.Values("X-Multi")) != 2 || m.Header.Get("Mixed-Case") != "v" {
		t.Fatalf("got %q %v", m.Data, m.Header)
	}

	// nervure -> nats.go, with headers.
	psub, _ := peer.SubscribeSync("interop.b")
	peer.Flush()
	out := nervure.NewMsg("interop.b")
	out.Data = []byte("from nervure")
	out.Header.Add("X-Multi", "x")
	out.Header.Add("X-Multi", "y")
	nc.PublishMsg(out)
	pmsg, err := psub.NextMsg(5 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if string(pmsg.Data) != "from nervure" || len(pmsg.Header["X-Multi"]) != 2 {
		t.Fatalf("peer got %q %v", pmsg.Data, pmsg.Header)
	}

	// nervure requests, nats.go answers.
	peer.Subscribe("interop.svc", func(m *nats.Msg) {
		r := nats.NewMsg(m.Reply)
		r.Data = append([]byte("peer:"), m.Data...)
		r.Header.Set("Answered-By", "nats.go")
		m.RespondMsg(r)
	})
	peer.Flush()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r, err := nc.Request(ctx, "interop.svc", []byte("q"))
	if err != nil || string(r.Data) != "peer:q" || r.Header.Get("Answered-By") != "nats.go" {
		t.Fatalf("request to peer: %v %v", r, err)
	}

	// nats.go requests, nervure answers with headers.
	nc.Subscribe("interop.mine", func(m *nervure.Msg) {
		resp := &nervure.Msg{Data: append([]byte("nervure:"), m.Data...), Header: nervure.Header{}}
		resp.Header.Set("Answered-By", "nervure")
		m.RespondMsg(resp)
	})
	nc.Flush()
	pr, err := peer.Request("interop.mine", []byte("p"), 5*time.Second)
	if err != nil || string(pr.Data) != "nervure:p" || pr.Header.Get("Answered-By") != "nervure" {
		t.Fatalf("request from peer: %v %v", pr, err)
	}
}

func TestTLSNkeyCreds(t *testing.T) {
	tl := startServer(t, "tls")
	nc, err := nervure.Connect(tl.URL, nervure.WithTLSCAFile(tl.CAFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	nc.Close()
	if _, err := nervure.Connect(tl.URL, nervure.WithMaxReconnectAttempts(0)); err == nil {
		t.Fatal("TLS without the CA should fail")
	}
	nk := startServer(t, "nkey")
	nc, err = nervure.Connect(nk.URL, nervure.WithNkeySeed(nk.NkeySeed))
	if err != nil {
		t.Fatal(err)
	}
	nc.Close()
	jw := startServer(t, "jwt")
	nc, err = nervure.Connect(jw.URL, nervure.WithCredsFile(jw.Creds))
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := nc.SubscribeSync("jwt.x")
	nc.Publish("jwt.x", []byte("ok"))
	if m, err := sub.NextMsg(5 * time.Second); err != nil || string(m.Data) != "ok" {
		t.Fatalf("jwt pub/sub: %v %v", m, err)
	}
	nc.Close()
	if _, err := nervure.Connect(jw.URL, nervure.WithCredsFile("/nonexistent.creds")); !errors.Is(err, nervure.ErrInvalidArgument) {
		t.Fatalf("missing creds file: %v", err)
	}
}

// The older server Debian ships (2.9): the basics work there too.
func TestCompatServer(t *testing.T) {
	if _, err := os.Stat("/usr/sbin/nats-server"); err != nil && os.Getenv("NERVURE_NATS_SERVER_COMPAT") == "" {
		t.Skip("no compat nats-server")
	}
	s := startServer(t, "single", "--compat")
	nc, err := nervure.Connect(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	nc.Subscribe("compat.svc", func(m *nervure.Msg) { m.Respond(m.Data) })
	nc.Flush()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r, err := nc.Request(ctx, "compat.svc", []byte("v"))
	if err != nil || string(r.Data) != "v" {
		t.Fatalf("%v %v", r, err)
	}
	if _, err := nc.Request(ctx, "compat.none", nil); !errors.Is(err, nervure.ErrNoResponders) {
		t.Fatalf("no responders: %v", err)
	}
}

// More requests in flight than a connection has waiters: the rest complete
// through the poller; cancellation works on both paths.
func TestManyConcurrentRequests(t *testing.T) {
	nc, _ := connect(t)
	sub, _ := nc.Subscribe("many.svc", func(m *nervure.Msg) {
		time.Sleep(time.Millisecond)
		m.Respond(m.Data)
	})
	defer sub.Unsubscribe()
	nc.Flush()
	var wg sync.WaitGroup
	var bad atomic.Int64
	for g := 0; g < 200; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 5; i++ {
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				want := fmt.Sprintf("%d/%d", g, i)
				r, err := nc.Request(ctx, "many.svc", []byte(want))
				cancel()
				if err != nil || string(r.Data) != want {
					bad.Add(1)
				}
			}
		}(g)
	}
	// Cancelled while waiting, on either path.
	silent, _ := nc.SubscribeSync("many.silent")
	defer silent.Unsubscribe()
	nc.Flush()
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			if _, err := nc.Request(ctx, "many.silent", nil); !errors.Is(err, nervure.ErrTimeout) {
				bad.Add(1)
			}
		}()
	}
	wg.Wait()
	if bad.Load() != 0 {
		t.Fatalf("%d requests failed", bad.Load())
	}
}

func TestRequestMsgHeadersAndOptions(t *testing.T) {
	s := startServer(t, "single")
	nc, err := nervure.Connect(s.URL, nervure.WithNoEcho(true), nervure.WithInboxPrefix("_MYBOX"))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	other, err := nervure.Connect(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Subscribe("hdr.svc", func(m *nervure.Msg) {
		r := &nervure.Msg{Data: []byte(m.Header.Get("Q") + "|" + m.Reply[:6]), Header: nervure.Header{}}
		r.Header["Back"] = m.Header.Values("Multi")
		m.RespondMsg(r)
	})
	other.Flush()
	req := nervure.NewMsg("hdr.svc")
	req.Header.Set("Q", "question")
	req.Header.Add("Multi", "1")
	req.Header.Add("Multi", "2")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	r, err := nc.RequestMsg(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if string(r.Data) != "question|_MYBOX" || len(r.Header.Values("Back")) != 2 {
		t.Fatalf("reply %q %v", r.Data, r.Header)
	}
	// No echo: our own publish does not come back to us.
	own, _ := nc.SubscribeSync("echo.x")
	nc.Publish("echo.x", nil)
	if _, err := own.NextMsg(200 * time.Millisecond); !errors.Is(err, nervure.ErrTimeout) {
		t.Fatalf("no-echo: %v", err)
	}
}

func TestSlowConsumerEvent(t *testing.T) {
	s := startServer(t, "single")
	slow := make(chan string, 10)
	nc, err := nervure.Connect(s.URL, nervure.WithPendingMsgsLimit(5), nervure.WithEventHandler(
		func(ev nervure.Event, detail string) {
			if ev == nervure.EventSlowConsumer {
				slow <- detail
			}
		}))
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	sub, _ := nc.SubscribeSync("slow.ev")
	for i := 0; i < 20; i++ {
		nc.Publish("slow.ev", nil)
	}
	nc.Flush()
	select {
	case <-slow:
	case <-time.After(5 * time.Second):
		t.Fatal("no slow consumer event")
	}
	eventually(t, 5*time.Second, func() bool { return sub.Dropped() == 15 })
}

func TestNoGoroutinesLeft(t *testing.T) {
	s := startServer(t, "single")
	before := runtime.NumGoroutine()
	for i := 0; i < 5; i++ {
		nc, err := nervure.Connect(s.URL, nervure.WithEventHandler(func(nervure.Event, string) {}))
		if err != nil {
			t.Fatal(err)
		}
		nc.Subscribe("leak.a", func(*nervure.Msg) {})
		ch := make(chan *nervure.Msg, 1)
		nc.ChanSubscribe("leak.b", ch)
		nc.Publish("leak.a", nil)
		nc.Flush()
		nc.Close()
	}
	eventually(t, 5*time.Second, func() bool { return runtime.NumGoroutine() <= before })
}
