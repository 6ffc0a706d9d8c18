package nervure

// #include "shims.generated.h"
import "C"

import (
	"os"
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
)

// Polling for a reply that is due, as the core's blocking request does
// (core/src/spin_wait.hpp): a goroutine parked in Go's network poller is woken
// through two OS threads (the library's I/O thread reads the reply, then the
// thread in the poller), tens of microseconds each on a virtual machine. A
// goroutine awaiting a waiter first reads the connection's socket itself
// (nervure_connection_poll_input: the reply completes on this thread),
// yielding the CPU between tries, under the core's three rules: bounded (the
// budget), adaptive (only when the connection's previous wait was shorter than
// the budget) and only while a CPU is to spare (a yield that gives the CPU away
// for long, or more runnable threads than CPUs plus one, means others need it).

// pollWhileWaiting switches the polling off. Measured side by side with nats.go
// on a quiet 2-CPU machine (load 1.4-2.4, tests/bench/go, 3 runs each), it cost
// more than it saved: request-reply 0.65-0.67x nats.go with both waits polling,
// 0.67-0.73x with either one, 0.78-0.85x with neither (p50 191-198 us against
// 218-237); an actor call gained about a tenth (p50 216-241 against 237-239 us).
// A goroutine that polls keeps its P, and with two of them polling the Go
// runtime has no P left for anything else. Kept, off, for the measurement to be
// repeated when the waits change.
const pollWhileWaiting = false

const (
	spinBudget    = 200 * time.Microsecond // the core's Options::request_spin default
	spinGivenAway = 50 * time.Microsecond  // a yield this long ran other threads
	spinLoadEvery = 10 * time.Millisecond  // how often runnable threads are counted
)

var machine struct {
	loadChecked atomic.Int64 // unix nanoseconds
	spare       atomic.Bool
	loadavg     *os.File
	cpus        int
}

func init() {
	machine.loadavg, _ = os.Open("/proc/loadavg")
	machine.cpus = runtime.NumCPU()
	machine.spare.Store(true)
}

// cpuToSpare: no more runnable threads than CPUs plus one (this one).
func cpuToSpare(now int64) bool {
	last := machine.loadChecked.Load()
	if now-last >= int64(spinLoadEvery) && machine.loadChecked.CompareAndSwap(last, now) {
		if running := runnableThreads(); running >= 0 {
			machine.spare.Store(running <= machine.cpus+1)
		}
	}
	return machine.spare.Load()
}

// runnableThreads reads the 4 of /proc/loadavg's "0.50 0.40 0.30 4/250 123"; -1 when unknown.
func runnableThreads() int {
	if machine.loadavg == nil {
		return -1
	}
	var b [128]byte
	n, _ := machine.loadavg.ReadAt(b[:], 0)
	return parseRunnable(b[:max(n, 0)])
}

func parseRunnable(loadavg []byte) int {
	fields, running := 0, -1
	for _, c := range loadavg {
		switch {
		case c == ' ':
			fields++
		case fields == 3 && c >= '0' && c <= '9':
			running = max(running, 0)*10 + int(c-'0')
		case fields == 3:
			return running
		}
	}
	return running
}

// spinFor polls the connection's input until w completes (true) or a rule
// says to sleep instead (false). started is when the wait began.
func (c *Conn) spinFor(w *waiter, started time.Time) bool {
	now := started.UnixNano()
	if !pollWhileWaiting || !c.spinWorth.Load() || !cpuToSpare(now) {
		return false
	}
	until, last := now+int64(spinBudget), now
	for {
		_, _, _ = syscall.RawSyscall(syscall.SYS_SCHED_YIELD, 0, 0, 0)
		C.nervure_connection_poll_input(c.h)
		if atomic.LoadInt32(w.state()) != waiterPending {
			return true
		}
		now = time.Now().UnixNano()
		if now >= until || now-last >= int64(spinGivenAway) {
			return false
		}
		last = now
	}
}

// spinWaited records how long the wait that began at started took: the next
// one polls only if it was within the budget.
func (c *Conn) spinWaited(started time.Time) {
	c.spinWorth.Store(time.Since(started) <= spinBudget)
}

// awaitSignal waits until fd, a source's own eventfd watched through rc, is
// signalled, and takes the signal; false when waiting failed (the fd closed, a
// deadline). Like a reply, the next message of a source that receives one
// after another (requests to a responder, calls to an actor) is polled for
// first: worth says the source's previous wait was within the budget.
func (c *Conn) awaitSignal(fd uintptr, rc syscall.RawConn, worth *atomic.Bool) bool {
	started := time.Now()
	defer func() { worth.Store(time.Since(started) <= spinBudget) }()
	now := started.UnixNano()
	if pollWhileWaiting && worth.Load() && cpuToSpare(now) {
		until, last := now+int64(spinBudget), now
		for {
			if takeSignal(fd) {
				return true
			}
			_, _, _ = syscall.RawSyscall(syscall.SYS_SCHED_YIELD, 0, 0, 0)
			C.nervure_connection_poll_input(c.h)
			now = time.Now().UnixNano()
			if now >= until || now-last >= int64(spinGivenAway) {
				break
			}
			last = now
		}
	}
	return rc.Read(takeSignal) == nil
}
