package nervure

// #include "shims.generated.h"
import "C"

import (
	"context"
	"errors"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

// Option configures Connect (functional options: WithName, WithToken, ...).
type Option func(*config)

type config struct {
	servers []string
	native  []func(*C.nervure_options, **C.char) C.nervure_status
	onEvent func(Event, string)
}

// WithServers adds server URLs to those given to Connect.
func WithServers(urls ...string) Option {
	return func(c *config) { c.servers = append(c.servers, urls...) }
}

// WithEventHandler calls f for every event of the connection (connected,
// disconnected, reconnected, closed, lame duck, async errors, slow consumers),
// in order, on a goroutine of the connection. detail says more (a URL, a reason).
func WithEventHandler(f func(ev Event, detail string)) Option {
	return func(c *config) { c.onEvent = f }
}

// Conn is a connection to a NATS system; it reconnects by itself. It is safe
// for concurrent use by many goroutines.
type Conn struct {
	h       *C.nervure_connection
	pending pendingMap
	waiters waiterPool
	input   inputReader // reads the socket while replies are due
	// asyncWindow bounds JetStream PublishAsync acknowledgements outstanding.
	asyncWindow asyncWindow
	subSlots    chan struct{} // subscriptions waiting inside C

	jsOnce sync.Once // the JetStream context of Msg.Ack and friends
	js     *JetStream
	jsErr  error

	mu   sync.Mutex
	subs map[uint64]*Subscription

	onEvent    func(Event, string)
	events     *eventQueue
	closing    atomic.Bool
	closed     atomic.Bool
	pollerDone chan struct{}
	replies    msgReader              // the poller's
	views      []C.nv_completion_view // the poller's, in memory from cArray
}

type eventItem struct {
	ev     Event
	detail string
}

// eventQueue hands events from the poller to the handler's goroutine without
// ever blocking the poller (a slow handler only delays its own events).
type eventQueue struct {
	mu     sync.Mutex
	items  []eventItem
	closed bool
	wake   chan struct{}
}

func (q *eventQueue) put(e eventItem, last bool) {
	q.mu.Lock()
	if last {
		q.closed = true
	} else {
		q.items = append(q.items, e)
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *eventQueue) take() ([]eventItem, bool) {
	for {
		q.mu.Lock()
		items, closed := q.items, q.closed
		q.items = nil
		q.mu.Unlock()
		if len(items) > 0 || closed {
			return items, closed
		}
		<-q.wake
	}
}

// Connect connects to servers (one URL or several separated by commas) and
// returns once the connection is up. Fails with ErrInvalidArgument (bad URL or
// option), ErrAuthorization, ErrTimeout or ErrNervure (no server reachable).
func Connect(servers string, opts ...Option) (*Conn, error) {
	var cfg config
	for _, s := range strings.Split(servers, ",") {
		if s = strings.TrimSpace(s); s != "" {
			cfg.servers = append(cfg.servers, s)
		}
	}
	for _, o := range opts {
		o(&cfg)
	}
	var o *C.nervure_options
	var cerr *C.char
	if st := C.nervure_options_create(&o, &cerr); st != C.NERVURE_OK {
		return nil, plainError(st, cerr)
	}
	defer C.nervure_options_destroy(&o)
	for _, s := range cfg.servers {
		sb := getStrBuf()
		off := sb.add(s)
		st := C.nervure_options_add_server(o, sb.ptr(off), &cerr)
		putStrBuf(sb)
		if st != C.NERVURE_OK {
			return nil, plainError(st, cerr)
		}
	}
	for _, set := range cfg.native {
		if st := set(o, &cerr); st != C.NERVURE_OK {
			return nil, plainError(st, cerr)
		}
	}
	c := &Conn{subs: map[uint64]*Subscription{}, onEvent: cfg.onEvent, pollerDone: make(chan struct{}),
		subSlots: make(chan struct{}, subWaitSlots)}
	c.waiters.idle = make(chan *waiter, waiterMax)
	c.pending.m = map[uint64]*pendingOp{}
	r := C.nv_connect(o)
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	c.h = r.out
	if c.onEvent != nil {
		c.events = &eventQueue{wake: make(chan struct{}, 1)}
		go c.deliverEvents()
	}
	go c.poll()
	runtime.SetFinalizer(c, func(c *Conn) {
		c.waiters.freeIdle()
		C.nervure_connection_destroy(&c.h)
	})
	return c, nil
}

func plainError(st C.nervure_status, cerr *C.char) error {
	msg := ""
	if cerr != nil {
		msg = C.GoString(cerr)
		C.nervure_free_string(cerr)
	}
	return &Error{Status: Status(st), Message: msg}
}

func (c *Conn) deliverEvents() {
	for {
		items, closed := c.events.take()
		for _, e := range items {
			c.onEvent(e.ev, e.detail)
		}
		if closed {
			return
		}
	}
}

// poll is the connection's poller. It waits for the bridge's wake fd in Go's
// own network poller (no OS thread parked in C), then takes, in one crossing,
// the completions of requests and flushes, the subscriptions that have
// messages (their goroutines pull batches) and events. Without the fd it
// blocks in nervure_connection_take instead.
func (c *Conn) poll() {
	defer close(c.pollerDone)
	var closedSince time.Time
	finished := func() bool {
		// Closed without the event (yet): give it a moment to arrive.
		if c.closing.Load() && c.IsClosed() {
			if closedSince.IsZero() {
				closedSince = time.Now()
			} else if time.Since(closedSince) > time.Second {
				c.finish(false)
				return true
			}
		}
		return false
	}
	if f, rc := c.wakeFile(); rc != nil {
		defer f.Close()
		// The deadline only lets finished() look now and then.
		_ = f.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		for {
			done := false
			err := rc.Read(func(uintptr) bool {
				got, end := c.takeOnce(0)
				done = end
				return got || end
			})
			if done {
				return
			}
			if err != nil {
				if finished() {
					return
				}
				_ = f.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
			}
		}
	}
	for {
		if _, end := c.takeOnce(100); end || finished() {
			return
		}
	}
}

// wakeFile registers a duplicate of the bridge's wake fd with Go's poller (the
// library keeps its own fd; only the duplicate is ever closed).
func (c *Conn) wakeFile() (*os.File, syscall.RawConn) {
	fd := int(C.nervure_connection_wake_fd(c.h))
	if fd < 0 {
		return nil, nil
	}
	dup, err := syscall.Dup(fd)
	if err != nil {
		return nil, nil
	}
	if err := syscall.SetNonblock(dup, true); err != nil {
		syscall.Close(dup)
		return nil, nil
	}
	f := os.NewFile(uintptr(dup), "nervure-wake")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		return nil, nil
	}
	return f, rc
}

// takeOnce takes and dispatches one wakeup; got says whether it held
// anything, end that the connection is closed for good.
func (c *Conn) takeOnce(waitMs int64) (got, end bool) {
	r := C.nv_take(c.h, C.int64_t(waitMs))
	if err := errorOf(&r.e); err != nil {
		c.finish(false)
		return false, true
	}
	defer C.nervure_wakeup_destroy(&r.w)
	if n := int(r.completions); n > 0 {
		// One crossing reads them all, one frees their replies (acknowledgements
		// of asynchronous publishes come by the hundred).
		if len(c.views) < n {
			c.views = cArray[C.nv_completion_view](max(n, 2*len(c.views), 16))
		}
		first := &c.views[0] // a pointer variable: see cArray
		C.nv_completions_read(r.w, first, C.size_t(n))
		for i := range c.views[:n] {
			c.complete(&c.views[i])
		}
		C.nv_completions_release(first, C.size_t(n))
	}
	if r.ready > 0 {
		c.mu.Lock()
		for i := 0; i < int(r.ready); i++ {
			if s := c.subs[uint64(C.nervure_wakeup_ready_id(r.w, C.size_t(i)))]; s != nil {
				s.notify()
			}
		}
		c.mu.Unlock()
	}
	closedEvent := false
	for i := 0; i < int(r.events); i++ {
		ev := C.nv_event(r.w, C.size_t(i))
		switch Event(ev.event) {
		case EventClosed:
			closedEvent = true
		case EventDisconnected, EventReconnected:
			c.interruptInput(false) // the socket it reads is gone
		}
		if c.events != nil {
			c.events.put(eventItem{Event(ev.event), C.GoString(ev.detail)}, false)
		}
	}
	if closedEvent {
		c.finish(true)
		return true, true
	}
	return r.completions+r.ready+r.events > 0, false
}

// complete settles the operation a completion of the poller's belongs to
// (its reply is freed after).
func (c *Conn) complete(v *C.nv_completion_view) {
	err := errorOf(&v.e)
	op := c.pending.take(uint64(v.token))
	switch {
	case op == nil: // cancelled meanwhile
	case op.ack != nil: // an asynchronous publish: only the acknowledgement's data matters
		var data []byte
		if v.data != nil {
			data = unsafe.Slice((*byte)(v.data), int(v.data_len))
		}
		op.ack.settle(data, err)
	default:
		var msg *Msg
		if v.reply != nil {
			if msgs := c.replies.read(v.reply, c); len(msgs) > 0 {
				msg = &msgs[0]
			}
		}
		op.settle(msg, err)
	}
}

// finish runs once the connection is closed: pending operations fail and
// subscriptions see their end.
func (c *Conn) finish(sawClosed bool) {
	c.closed.Store(true)
	c.interruptInput(true)
	c.waiters.close()
	c.pending.failAll(&Error{Status: StatusConnectionClosed, Message: "the connection is closed"})
	c.mu.Lock()
	for _, s := range c.subs {
		s.notify()
	}
	c.mu.Unlock()
	if c.events != nil {
		if !sawClosed {
			c.events.put(eventItem{EventClosed, ""}, false)
		}
		c.events.put(eventItem{}, true)
	}
}

// ---- asynchronous operations: tokens, completions, cancellation ----

type pendingOp struct {
	token uint64
	ch    chan opResult
	ack   *PubAckFuture // instead of ch: the future of a PublishAsync
	conn  *Conn         // with ack: whose window it holds a place in
}

type opResult struct {
	msg *Msg
	err error
}

// pendingMap maps the token given to C as user_data to the waiting Go value;
// C never holds a Go pointer.
type pendingMap struct {
	mu   sync.Mutex
	next uint64
	m    map[uint64]*pendingOp
	dead error
}

var pendingPool = sync.Pool{New: func() any { return &pendingOp{ch: make(chan opResult, 1)} }}

func (p *pendingMap) add() *pendingOp { return p.register(pendingPool.Get().(*pendingOp)) }

func (p *pendingMap) register(op *pendingOp) *pendingOp {
	p.mu.Lock()
	p.next++
	op.token = p.next
	p.m[op.token] = op
	p.mu.Unlock()
	return op
}

func (p *pendingMap) remove(token uint64) bool {
	p.mu.Lock()
	_, ok := p.m[token]
	delete(p.m, token)
	p.mu.Unlock()
	return ok
}

// take removes the operation of token (nil when it was cancelled).
func (p *pendingMap) take(token uint64) *pendingOp {
	p.mu.Lock()
	op := p.m[token]
	delete(p.m, token)
	p.mu.Unlock()
	return op
}

func (op *pendingOp) settle(msg *Msg, err error) {
	if op.ack != nil {
		var data []byte
		if msg != nil {
			data = msg.Data
		}
		op.ack.settle(data, err)
		return
	}
	op.ch <- opResult{msg, err}
}

func (p *pendingMap) failAll(err error) {
	p.mu.Lock()
	ops := p.m
	p.m = map[uint64]*pendingOp{}
	p.mu.Unlock()
	for _, op := range ops {
		op.settle(nil, err)
	}
}

// awaitReply waits for the completion of op (delivered by the poller), or for
// ctx to end (the operation is then cancelled and its completion never arrives).
func (c *Conn) awaitReply(ctx context.Context, op *pendingOp) (*Msg, error) {
	select {
	case r := <-op.ch:
		pendingPool.Put(op)
		return r.msg, r.err
	case <-ctx.Done():
		if c.pending.remove(op.token) {
			C.nv_cancel(c.h, C.uint64_t(op.token))
			pendingPool.Put(op)
		} // else the completion is being delivered into op.ch: drop op.
		return nil, &contextError{ctx.Err()}
	}
}

// contextError is returned when a context ends first: it unwraps to the
// context's error and, when the deadline passed, matches ErrTimeout and
// ErrNervure like the library's own timeout (which of the two comes first is
// a race).
type contextError struct{ err error }

func (e *contextError) Error() string { return "nervure: " + e.err.Error() }
func (e *contextError) Unwrap() error { return e.err }
func (e *contextError) Is(target error) bool {
	return (target == ErrTimeout || target == ErrNervure) && errors.Is(e.err, context.DeadlineExceeded)
}

// timeoutOf is what remains of ctx's deadline, or def without one.
func timeoutOf(ctx context.Context, def time.Duration) time.Duration {
	if d, ok := ctx.Deadline(); ok {
		left := time.Until(d)
		if left < time.Millisecond {
			left = time.Millisecond
		}
		return left
	}
	return def
}

// ---- the connection's operations in Go idiom ----

// Publish sends data to subject; fire and forget. Fails with
// ErrInvalidSubject, ErrMaxPayload, ErrConnectionClosed.
func (c *Conn) Publish(subject string, data []byte) error {
	return c.opPublish(subject, data, "", nil)
}

// PublishRequest sends data to subject with a reply subject.
func (c *Conn) PublishRequest(subject, reply string, data []byte) error {
	return c.opPublish(subject, data, reply, nil)
}

// PublishMsg sends m (subject, reply, data and headers).
func (c *Conn) PublishMsg(m *Msg) error {
	return c.opPublish(m.Subject, m.Data, m.Reply, m.Header)
}

// Request sends data to subject and waits for one reply, until ctx ends (or,
// without a deadline, for the default 2s). Fails with ErrNoResponders when
// nobody listens, ErrTimeout when no reply comes in time.
func (c *Conn) Request(ctx context.Context, subject string, data []byte) (*Msg, error) {
	return c.opRequest(ctx, subject, data, timeoutOf(ctx, defaultConnectionRequestTimeout), nil)
}

// RequestMsg sends m (with its headers) as a request and waits for one reply.
func (c *Conn) RequestMsg(ctx context.Context, m *Msg) (*Msg, error) {
	return c.opRequest(ctx, m.Subject, m.Data, timeoutOf(ctx, defaultConnectionRequestTimeout), m.Header)
}

// Flush makes a round trip to the server: everything published before has
// been processed (waits up to 10s).
func (c *Conn) Flush() error { return c.FlushTimeout(defaultConnectionFlushTimeout) }

// FlushTimeout is Flush with a timeout.
func (c *Conn) FlushTimeout(timeout time.Duration) error {
	return c.opFlush(context.Background(), timeout)
}

// FlushWithContext is Flush until ctx ends.
func (c *Conn) FlushWithContext(ctx context.Context) error {
	return c.opFlush(ctx, timeoutOf(ctx, defaultConnectionFlushTimeout))
}

// Drain drains every subscription (their handlers see every queued message),
// flushes what was published, then closes. It blocks until done (up to 30s).
func (c *Conn) Drain() error {
	c.closing.Store(true)
	c.mu.Lock()
	var handlers []*Subscription
	for _, s := range c.subs {
		if s.done != nil {
			handlers = append(handlers, s)
		}
	}
	c.mu.Unlock()
	err := c.opDrain(defaultConnectionDrainTimeout)
	c.waitPoller()
	// Every message taken before the end is handled before Drain returns.
	deadline := time.After(defaultConnectionDrainTimeout)
	for _, s := range handlers {
		select {
		case <-s.done:
		case <-deadline:
			return &Error{Status: StatusTimeout, Message: "handlers still running after drain"}
		}
	}
	return err
}

// Close closes now; pending requests fail with ErrConnectionClosed. Calls
// after Close fail with ErrConnectionClosed.
func (c *Conn) Close() {
	c.closing.Store(true)
	_ = c.opClose()
	c.waitPoller()
}

func (c *Conn) waitPoller() {
	select {
	case <-c.pollerDone:
	case <-time.After(5 * time.Second):
	}
}
