package nervure

// #include "shims.generated.h"
import "C"

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// MsgHandler handles the messages of an asynchronous subscription, one at a
// time and in order, on the subscription's own goroutine.
type MsgHandler func(msg *Msg)

// Subscription is interest in a subject. Messages queue in the native core
// (where the pending limits apply) and cross into Go in batches.
type Subscription struct {
	h    *C.nervure_subscription
	conn *Conn
	id   uint64

	// Subject is what the subscription receives.
	Subject string
	// Queue is its queue group, "" for none.
	Queue string

	handler MsgHandler
	ready   chan struct{}
	wake    atomic.Pointer[os.File] // the subscription's own eventfd, when its handler waits on it
	done    chan struct{}

	mu     sync.Mutex // sync subscriptions: NextMsg
	reader msgReader
	buf    []Msg
}

func (c *Conn) subscribe(subject, queue string, handler MsgHandler) (*Subscription, error) {
	s, err := c.opSubscribe(subject, queue, 0, 0, 0)
	if err != nil {
		return nil, err
	}
	s.Subject, s.Queue, s.handler = subject, queue, handler
	if handler != nil {
		s.done = make(chan struct{})
		s.watchOwnFd()
		go s.deliver()
	}
	s.notify() // messages may have been queued before the poller knew the id
	return s, nil
}

// wrapSubscription registers a new subscription handle with its connection.
func wrapSubscription(conn *Conn, h *C.nervure_subscription) *Subscription {
	s := &Subscription{h: h, conn: conn, id: uint64(C.nervure_subscription_id(h)), ready: make(chan struct{}, 1)}
	conn.mu.Lock()
	conn.subs[s.id] = s
	conn.mu.Unlock()
	runtime.SetFinalizer(s, func(s *Subscription) { C.nervure_subscription_destroy(&s.h) })
	return s
}

func (s *Subscription) notify() {
	if f := s.wake.Load(); f != nil {
		_, _ = f.Write(one[:]) // the eventfd is a counter: this wakes the handler's goroutine
		return
	}
	select {
	case s.ready <- struct{}{}:
	default:
	}
}

// next takes the next batch (waiting up to wait) and whether the subscription ended.
func (s *Subscription) next(wait time.Duration) ([]Msg, bool, error) {
	r := C.nv_poll(s.h, batchMax, C.int64_t(wait.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return nil, false, err
	}
	msgs := s.reader.read(r.out, s.conn)
	C.nervure_message_batch_destroy(&r.out)
	if len(msgs) == 0 && C.nervure_subscription_ended(s.h) != 0 {
		return nil, true, nil
	}
	return msgs, false, nil
}

// activeWait is how long a busy subscription's goroutine waits in C for more.
const activeWait = 20 * time.Millisecond

// subWaitSlots is how many subscriptions of a connection may wait inside C at
// once (each holds an OS thread meanwhile).
const subWaitSlots = 32

var one = [8]byte{1}

// watchOwnFd gives the subscription an eventfd of its own, which the core
// signals when the queue turns non-empty (plain subscriptions only): the
// handler's goroutine waits for it in Go's network poller, woken directly by
// the library's I/O thread without holding an OS thread or passing through
// the connection's poller.
func (s *Subscription) watchOwnFd() {
	fd := int(C.nervure_subscription_wake_fd(s.h))
	if fd < 0 {
		return
	}
	dup, err := syscall.Dup(fd)
	if err != nil {
		return
	}
	syscall.CloseOnExec(dup)
	if err := syscall.SetNonblock(dup, true); err != nil {
		syscall.Close(dup)
		return
	}
	s.wake.Store(os.NewFile(uintptr(dup), "nervure-subscription"))
}

// deliver is the goroutine of an asynchronous subscription: it pulls batches
// and runs the handler, woken by its own eventfd or else by the connection's poller.
func (s *Subscription) deliver() {
	defer close(s.done)
	defer s.forget()
	if f := s.wake.Load(); f != nil {
		defer f.Close()
		s.deliverOnWake(f)
		return
	}
	held := false // a slot to wait inside C
	defer func() {
		if held {
			<-s.conn.subSlots
		}
	}()
	for range s.ready {
		for {
			// While messages flow, wait for the next ones inside C (no hand-over
			// through the poller), if a slot is free; after activeWait without
			// any, go back to waiting for the poller's signal without a thread.
			wait := time.Duration(0)
			if !held {
				select {
				case s.conn.subSlots <- struct{}{}:
					held = true
				default:
				}
			}
			if held {
				wait = activeWait
			}
			msgs, ended, err := s.next(wait)
			if err != nil || ended {
				return
			}
			if len(msgs) == 0 {
				if held {
					<-s.conn.subSlots
					held = false
				}
				if s.conn.closed.Load() && C.nervure_subscription_ended(s.h) == 0 {
					return
				}
				break
			}
			for i := range msgs {
				s.handler(&msgs[i])
			}
		}
	}
}

func (s *Subscription) deliverOnWake(f *os.File) {
	rc, err := f.SyscallConn()
	if err != nil {
		return
	}
	for {
		msgs, ended, err := s.next(0)
		if err != nil || ended {
			return
		}
		if len(msgs) == 0 && s.conn.closed.Load() && C.nervure_subscription_ended(s.h) == 0 {
			return
		}
		for i := range msgs {
			s.handler(&msgs[i])
		}
		// A batch short of batchMax emptied the queue: whatever came since
		// signalled the fd, so wait on it rather than poll an empty queue
		// (four crossings per message when requests come one at a time).
		if len(msgs) < batchMax && !s.conn.awaitInput(rc) {
			return
		}
	}
}

func (s *Subscription) forget() {
	s.conn.mu.Lock()
	delete(s.conn.subs, s.id)
	s.conn.mu.Unlock()
}

// Handle turns a source read with NextMsg (a JetStream Fetch or Consume, a
// key-value Watch, a SubscribeSync) into one whose messages go to handler,
// on the source's own goroutine. Call it once, before reading with NextMsg.
func (s *Subscription) Handle(handler MsgHandler) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.handler != nil || handler == nil {
		return &Error{Status: StatusInvalidArgument, Message: "the subscription has a handler already"}
	}
	s.handler = handler
	s.done = make(chan struct{})
	s.watchOwnFd()
	go s.deliver()
	s.notify()
	return nil
}

// Subscribe calls handler with each message on subject (wildcards * and >).
func (c *Conn) Subscribe(subject string, handler MsgHandler) (*Subscription, error) {
	return c.subscribe(subject, "", handler)
}

// QueueSubscribe is Subscribe in a queue group: each message goes to one member.
func (c *Conn) QueueSubscribe(subject, queue string, handler MsgHandler) (*Subscription, error) {
	return c.subscribe(subject, queue, handler)
}

// ChanSubscribe sends each message on subject to ch.
func (c *Conn) ChanSubscribe(subject string, ch chan<- *Msg) (*Subscription, error) {
	return c.subscribe(subject, "", func(m *Msg) { ch <- m })
}

// ChanQueueSubscribe is ChanSubscribe in a queue group.
func (c *Conn) ChanQueueSubscribe(subject, queue string, ch chan<- *Msg) (*Subscription, error) {
	return c.subscribe(subject, queue, func(m *Msg) { ch <- m })
}

// SubscribeSync subscribes to subject; messages are taken with NextMsg.
func (c *Conn) SubscribeSync(subject string) (*Subscription, error) {
	return c.subscribe(subject, "", nil)
}

// QueueSubscribeSync is SubscribeSync in a queue group.
func (c *Conn) QueueSubscribeSync(subject, queue string) (*Subscription, error) {
	return c.subscribe(subject, queue, nil)
}

// NextMsg returns the next message of a synchronous subscription, waiting up
// to timeout. Fails with ErrTimeout, or ErrConnectionClosed once the
// subscription ended.
func (s *Subscription) NextMsg(timeout time.Duration) (*Msg, error) {
	if s.handler != nil {
		return nil, &Error{Status: StatusInvalidArgument, Message: "NextMsg on an asynchronous subscription"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.buf) == 0 {
		wait := timeout
		if wait > 0 && wait < time.Millisecond {
			wait = time.Millisecond
		}
		msgs, ended, err := s.next(wait)
		if err != nil {
			return nil, err
		}
		if ended {
			return nil, &Error{Status: StatusConnectionClosed, Message: "the subscription has ended"}
		}
		if len(msgs) == 0 {
			return nil, &Error{Status: StatusTimeout, Message: "no message in " + timeout.String()}
		}
		s.buf = msgs
	}
	m := &s.buf[0]
	s.buf = s.buf[1:]
	return m, nil
}

// Unsubscribe stops now; queued messages are dropped.
func (s *Subscription) Unsubscribe() error {
	err := s.opUnsubscribe()
	s.notify()
	if s.handler == nil {
		s.forget()
	}
	return err
}

// Drain stops interest and lets the queued messages be handled, then ends
// (blocks up to 30s).
func (s *Subscription) Drain() error {
	if err := s.opDrain(defaultSubscriptionDrainTimeout); err != nil {
		return err
	}
	s.notify()
	if s.done != nil {
		select {
		case <-s.done:
		case <-time.After(defaultSubscriptionDrainTimeout):
			return &Error{Status: StatusTimeout, Message: "the handler is still running after drain"}
		}
	}
	return nil
}

// AutoUnsubscribe ends the subscription after max messages in total.
func (s *Subscription) AutoUnsubscribe(max int) error { return s.opAutoUnsubscribe(max) }

// SetPendingLimits changes the queue limits; -1 unlimited.
func (s *Subscription) SetPendingLimits(msgs, bytes int) error {
	return s.opSetPendingLimits(msgs, bytes)
}

// Respond publishes data to the message's reply subject.
func (m *Msg) Respond(data []byte) error {
	if m.Reply == "" {
		return &Error{Status: StatusInvalidArgument, Message: "the message has no reply subject"}
	}
	return m.conn.opPublish(m.Reply, data, "", nil)
}

// RespondMsg publishes r (data and headers) to the message's reply subject.
func (m *Msg) RespondMsg(r *Msg) error {
	if m.Reply == "" {
		return &Error{Status: StatusInvalidArgument, Message: "the message has no reply subject"}
	}
	return m.conn.opPublish(m.Reply, r.Data, "", r.Header)
}

// NewMsg returns a message for subject with empty headers, for PublishMsg.
func NewMsg(subject string) *Msg { return &Msg{Subject: subject, Header: Header{}} }
