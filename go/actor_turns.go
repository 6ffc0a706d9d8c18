package nervure

import (
	"sync/atomic"
	"syscall"
	"time"
)

// How the turns of Go-hosted actors reach Go and run.
//
// One goroutine at a time serves the host's turn source: it waits for turns on
// the source's own eventfd in Go's network poller and runs a turn itself, on
// the goroutine the wake-up reached, so a call to an active actor costs one
// wake-up and no goroutine hand-over (a goroutine started per turn woke a
// second OS thread on every call). Turns that arrive together belong to
// different actors: all but one get a goroutine each, so they still run side
// by side.
//
// A turn may wait: on another actor of this very host, on the server, on
// anything in the method. Serving then passes to a new goroutine, at once when
// the turn waits through its ActorContext (calls, tells, saves, reminders),
// otherwise once it has run for turnHandOff, so other actors' turns never
// queue behind it for long. The core still gives each actor one turn at a
// time, whichever goroutine runs it.

// turnHandOff is how long a turn runs on the serving goroutine before another
// goroutine takes over serving. Go's poller sleeps in whole milliseconds, so
// shorter would not fire sooner.
const turnHandOff = time.Millisecond

// turnServer serves the turn source of one runtime.
type turnServer struct {
	rt    *ActorRuntime
	turns *Subscription
	rc    syscall.RawConn // the source's eventfd in Go's poller; nil: wait inside C
	ended atomic.Bool
}

// What the serving goroutine is doing (serving.state).
const (
	servingWait      = iota // waiting for turns
	servingTurn             // running a turn itself
	servingHandedOff        // its turn waits or took long: another goroutine serves
)

// serving is one goroutine's term as the server.
type serving struct {
	srv   *turnServer
	state atomic.Int32
	// The watchdog that hands serving off from a long turn. It is not armed
	// per turn (moving a timer earlier wakes the thread in Go's poller, a
	// wake-up per call): it runs while turns run and goes quiet between them.
	turnStart atomic.Int64 // unix nanoseconds the running turn started, 0 for none
	armed     atomic.Bool
	timer     *time.Timer
}

func (r *ActorRuntime) startServing(turns *Subscription) {
	srv := &turnServer{rt: r, turns: turns}
	turns.handler = func(*Msg) {} // an asynchronous source: NextMsg and Handle refuse it
	turns.done = make(chan struct{})
	turns.watchOwnFd()
	if f := turns.wake.Load(); f != nil {
		if rc, err := f.SyscallConn(); err == nil {
			srv.rc = rc
		}
	}
	go srv.serve()
}

// handOff passes serving to a new goroutine while the turn this one runs goes
// on; no-op once done or when the turn runs on a goroutine of its own.
func (s *serving) handOff() {
	if s != nil && s.state.CompareAndSwap(servingTurn, servingHandedOff) {
		go s.srv.serve()
	}
}

// turnStarted records the start of a turn this goroutine runs and makes sure
// the watchdog looks at it.
func (s *serving) turnStarted() {
	s.state.Store(servingTurn)
	s.turnStart.Store(time.Now().UnixNano())
	if s.armed.CompareAndSwap(false, true) {
		s.timer.Reset(turnHandOff)
	}
}

// watch is the watchdog: it hands off a turn that has run for turnHandOff and
// otherwise looks again when the running turn will have.
func (s *serving) watch() {
	start := s.turnStart.Load()
	if start == 0 {
		s.armed.Store(false)
		// A turn that started meanwhile may have found the watchdog armed.
		if s.turnStart.Load() != 0 && s.armed.CompareAndSwap(false, true) {
			s.timer.Reset(turnHandOff)
		}
		return
	}
	if left := time.Duration(start + int64(turnHandOff) - time.Now().UnixNano()); left > 0 {
		s.timer.Reset(left)
		return
	}
	s.handOff() // this goroutine stops serving after the turn: no more watching
}

func (t *turnServer) serve() {
	s := &serving{srv: t}
	s.timer = time.AfterFunc(time.Hour, s.watch)
	s.timer.Stop()
	for {
		msgs, ended, err := t.turns.next(t.pollWait())
		if err != nil || ended {
			t.finish()
			return
		}
		if n := len(msgs); n > 0 {
			for i := range msgs[:n-1] {
				go t.rt.onTurn(&msgs[i], nil)
			}
			s.turnStarted()
			t.rt.onTurn(&msgs[n-1], s)
			s.turnStart.Store(0)
			if !s.state.CompareAndSwap(servingTurn, servingWait) {
				return // another goroutine serves now
			}
			if n == batchMax {
				continue // maybe more queued: no signal came for them
			}
		} else if t.turns.conn.closed.Load() {
			t.finish() // closed without the source's end (yet): nothing more comes
			return
		}
		if !t.wait() {
			t.finish()
			return
		}
	}
}

// pollWait is how long a poll of the source waits inside C: without an fd of
// its own (not on Linux) the serving goroutine waits there.
func (t *turnServer) pollWait() time.Duration {
	if t.rc == nil {
		return 100 * time.Millisecond
	}
	return 0
}

// wait returns once turns may be queued; false when the source's fd failed.
func (t *turnServer) wait() bool {
	if t.rc == nil {
		return true
	}
	// Whatever was queued after the last poll signalled the fd.
	return t.turns.conn.awaitInput(t.rc)
}

func (t *turnServer) finish() {
	if t.ended.CompareAndSwap(false, true) {
		if f := t.turns.wake.Load(); f != nil {
			f.Close()
		}
		t.turns.forget()
		close(t.turns.done)
	}
}
