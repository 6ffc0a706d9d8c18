package nervure

// #include "shims.generated.h"
import "C"

import (
	"os"
	"sync"
	"sync/atomic"
	"syscall"
)

// inputReader reads a connection's socket from a goroutine while goroutines
// wait for its input: operations for their reply, handler subscriptions and
// actor hosts for their next message. Without it, input costs two thread
// wake-ups in a row: the core's I/O thread wakes on the socket and signals the
// waiting goroutine's eventfd, then a Go thread wakes on that. The reader
// waits for the socket itself in Go's network poller (a duplicate of the fd),
// so the Go thread that wakes on the input reads and parses it
// (nervure_connection_poll_input) and finds that eventfd ready on its next
// look at the poller: one wake-up, as nats.go has. The I/O thread still wakes
// too; whichever takes the core's read lock parses, and the other finds
// nothing. Nothing depends on the reader: everything also arrives without it.
//
// The reader lives while goroutines wait and ends once input keeps coming with
// none waiting (readerIdleInputs), on a disconnect or reconnect (the socket it
// watches is gone) and when the connection closes; the next wait starts
// another.
type inputReader struct {
	inFlight atomic.Int32 // goroutines waiting for the connection's input
	running  atomic.Bool
	// noSocket: the last look found no socket to read (TLS, not connected);
	// no reader starts until a disconnect or reconnect, rather than one per wait.
	noSocket atomic.Bool
	mu       sync.Mutex
	f        *os.File // the running reader's duplicate of the socket
	gen      int      // counts interruptions: a socket taken before one may be gone
	stopped  bool     // the connection is finished: no more readers
}

// beginWait counts a goroutine about to wait for the connection's input,
// starting a reader when none runs.
func (c *Conn) beginWait() {
	c.input.inFlight.Add(1)
	if !c.input.running.Load() && !c.input.noSocket.Load() && c.input.running.CompareAndSwap(false, true) {
		go c.readInput()
	}
}

func (c *Conn) endWait() { c.input.inFlight.Add(-1) }

// awaitInput is awaitSignal for a goroutine that waits for the connection's
// input to reach its source (a handler subscription, an actor host's turns):
// the reader reads the socket meanwhile, so the message and the wake-up of
// the goroutine come from one Go thread.
func (c *Conn) awaitInput(rc syscall.RawConn) bool {
	c.beginWait()
	defer c.endWait()
	return awaitSignal(rc)
}

// readerIdleInputs is how many inputs in a row the reader sees with nothing
// waiting before it ends. A subscriber busy with a stream waits between
// batches: a reader that ended at once was started again at the next wait
// (a goroutine, a dup, two epoll registrations each time), which cost
// pubsub-16B about a tenth of its rate (1.02-1.45x nats.go before the reader
// waited for handlers, 0.85-0.99x ending at once, 1.05-1.41x with this).
const readerIdleInputs = 4

// readInput is the reader goroutine; it holds c.input.running.
func (c *Conn) readInput() {
	for c.readSocket() {
		c.input.running.Store(false)
		// An operation that began as this reader was ending did not start one.
		if c.input.inFlight.Load() == 0 || c.closing.Load() || !c.input.running.CompareAndSwap(false, true) {
			return
		}
	}
	c.input.running.Store(false)
}

// readSocket watches the connection's current socket until input keeps coming
// with nobody waiting, or the socket is replaced or closed. False when
// there was no socket to watch (not connected, TLS, closed): the next
// operation tries again.
func (c *Conn) readSocket() bool {
	f, rc, current := c.watchInput()
	if f == nil {
		return current
	}
	defer c.unwatchInput(f)
	idle := 0 // input seen in a row with nothing waiting
	_ = rc.Read(func(uintptr) bool {
		if c.input.inFlight.Load() == 0 {
			idle++
			return idle > readerIdleInputs
		}
		idle = 0
		for c.input.inFlight.Load() > 0 {
			if C.nervure_connection_poll_input(c.h) == 0 {
				return false // drained (or the I/O thread is reading): wait for more
			}
		}
		return false
	})
	return true
}

// inputFd is the socket the core reads the connection's input from (-1 under
// TLS or while not connected).
func (c *Conn) inputFd() int { return int(C.nervure_connection_input_fd(c.h)) }

// watchInput registers a duplicate of the connection's socket with Go's
// poller (the library keeps its own fd; only the duplicate is ever closed).
// Without one, replaced says whether the socket was replaced meanwhile (worth
// another look) rather than missing.
func (c *Conn) watchInput() (f *os.File, rc syscall.RawConn, replaced bool) {
	c.input.mu.Lock()
	gen := c.input.gen
	c.input.mu.Unlock()
	fd := c.inputFd()
	if fd < 0 {
		c.input.mu.Lock()
		if c.input.gen == gen { // else the socket may be back already
			c.input.noSocket.Store(true)
		}
		c.input.mu.Unlock()
		return nil, nil, false
	}
	dup, err := syscall.Dup(fd)
	if err != nil {
		return nil, nil, false
	}
	syscall.CloseOnExec(dup)
	if err := syscall.SetNonblock(dup, true); err != nil {
		syscall.Close(dup)
		return nil, nil, false
	}
	f = os.NewFile(uintptr(dup), "nervure-input")
	if rc, err = f.SyscallConn(); err != nil {
		f.Close()
		return nil, nil, false
	}
	c.input.mu.Lock()
	defer c.input.mu.Unlock()
	if c.input.stopped || c.input.gen != gen {
		f.Close()
		return nil, nil, !c.input.stopped
	}
	c.input.f = f
	return f, rc, false
}

func (c *Conn) unwatchInput(f *os.File) {
	c.input.mu.Lock()
	if c.input.f == f {
		c.input.f = nil
	}
	c.input.mu.Unlock()
	f.Close()
}

// interruptInput ends the running reader's wait: its socket was replaced
// (disconnect, reconnect) or, with stop, the connection is finished. Closing
// the duplicate promptly matters: it keeps the old socket open.
func (c *Conn) interruptInput(stop bool) {
	c.input.mu.Lock()
	defer c.input.mu.Unlock()
	c.input.gen++
	c.input.noSocket.Store(false)
	if stop {
		c.input.stopped = true
	}
	if c.input.f != nil {
		_ = c.input.f.SetReadDeadline(longAgo)
	}
}
