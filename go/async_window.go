package nervure

import (
	"sync"
	"time"
)

// asyncWindow bounds the asynchronous publishes whose acknowledgement is
// still to come, in Go: a publisher that finds it full parks as a goroutine
// (the poller that settles acknowledgements runs on the same OS thread next)
// instead of waiting on a condition variable inside a cgo call (an OS thread
// wake-up, and its P handed back, for every quarter window). Room is signalled
// once a quarter of the window is free, not at every acknowledgement. The
// core's own window, as large, is then never found full.
type asyncWindow struct {
	mu      sync.Mutex
	pending int
	room    chan struct{} // while a publisher waits: closed when there is room
}

const (
	asyncWindowSize = 256             // the core's JetStreamOptions::max_pending_acks
	asyncStallWait  = 5 * time.Second // and its stall_wait
)

// acquire takes a place in the window, waiting up to asyncStallWait for one.
func (w *asyncWindow) acquire() error {
	w.mu.Lock()
	for w.pending >= asyncWindowSize {
		if w.room == nil {
			w.room = make(chan struct{})
		}
		room := w.room
		w.mu.Unlock()
		t := time.NewTimer(asyncStallWait)
		select {
		case <-room:
			t.Stop()
		case <-t.C:
			return &Error{Status: StatusTimeout, Message: "asynchronous publish stalled: " +
				"256 acknowledgements outstanding for 5000 ms"}
		}
		w.mu.Lock()
	}
	w.pending++
	w.mu.Unlock()
	return nil
}

// release gives a place back once its publish is settled (or never started).
func (w *asyncWindow) release() {
	w.mu.Lock()
	w.pending--
	if w.room != nil && w.pending <= asyncWindowSize-asyncWindowSize/4 {
		close(w.room)
		w.room = nil
	}
	w.mu.Unlock()
}
