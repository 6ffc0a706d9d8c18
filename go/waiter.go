package nervure

// #include "shims.generated.h"
import "C"

import (
	"context"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

// A waiter completes one asynchronous operation at a time (a request, a
// JetStream publish, a flush...). The library's done callback fills its C
// memory on a library thread and signals its eventfd; the calling goroutine
// waits for that fd in Go's network poller, so the answer wakes it the way a
// socket read would: no OS thread is held while it waits, nothing passes
// through the connection's poller, and the Go scheduler is not disturbed by
// long cgo calls. Waiters are reused; C never holds a Go pointer.
type waiter struct {
	w  *C.nv_waiter
	f  *os.File // a duplicate of the waiter's eventfd, registered with Go's poller
	rc syscall.RawConn
}

// The waiter's state, shared with nv_waiter_done (shims.generated.h).
const (
	waiterPending   = 0
	waiterAbandoned = 2 // the callback, if one comes, frees the C side
)

// waiterMax is how many waiters a connection keeps (each holds two file
// descriptors); further operations complete through the poller with a token.
const waiterMax = 32

type waiterPool struct {
	idle   chan *waiter
	n      atomic.Int32 // waiters in existence
	mu     sync.Mutex   // orders close against put
	closed bool
}

func (w *waiter) native() *C.nv_waiter {
	if w == nil {
		return nil
	}
	return w.w
}

func (w *waiter) state() *int32 { return (*int32)(unsafe.Pointer(&w.w.state)) }

// get returns an idle waiter, a new one while fewer than waiterMax exist, or
// nil (the operation then completes through the poller).
func (p *waiterPool) get() *waiter {
	select {
	case w := <-p.idle:
		return w
	default:
	}
	if p.n.Add(1) > waiterMax {
		p.n.Add(-1)
		return nil
	}
	if w := newWaiter(); w != nil {
		return w
	}
	p.n.Add(-1)
	return nil
}

func newWaiter() *waiter {
	w := C.nv_waiter_new()
	if w == nil {
		return nil
	}
	dup, err := syscall.Dup(int(w.fd))
	if err != nil {
		C.nv_waiter_free(w)
		return nil
	}
	syscall.CloseOnExec(dup)
	if err := syscall.SetNonblock(dup, true); err != nil {
		syscall.Close(dup)
		C.nv_waiter_free(w)
		return nil
	}
	f := os.NewFile(uintptr(dup), "nervure-waiter")
	rc, err := f.SyscallConn()
	if err != nil {
		f.Close()
		C.nv_waiter_free(w)
		return nil
	}
	return &waiter{w: w, f: f, rc: rc}
}

// put keeps w, which no callback will touch again, for the next operation.
func (p *waiterPool) put(w *waiter) {
	C.nv_waiter_reset(w.w)
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		select {
		case p.idle <- w:
			return
		default:
		}
	}
	p.discard(w)
}

// discard frees a waiter no callback will touch again.
func (p *waiterPool) discard(w *waiter) {
	w.f.Close()
	C.nv_waiter_free(w.w)
	p.n.Add(-1)
}

// abandon gives w up to a callback still to come (it frees the C side).
func (p *waiterPool) abandon(w *waiter) {
	w.f.Close()
	p.n.Add(-1)
}

// close frees the idle waiters; those in use are freed as they come back.
func (p *waiterPool) close() {
	p.mu.Lock()
	p.closed = true
	p.mu.Unlock()
	p.freeIdle()
}

func (p *waiterPool) freeIdle() {
	for {
		select {
		case w := <-p.idle:
			p.discard(w)
		default:
			return
		}
	}
}

// startAsync prepares the completion of an asynchronous operation: a waiter
// when one is free, otherwise a token the poller completes.
func (c *Conn) startAsync() (*waiter, *pendingOp) {
	c.beginWait()
	if w := c.waiters.get(); w != nil {
		return w, &noToken
	}
	return nil, c.pending.add()
}

var noToken pendingOp

// abortAsync undoes startAsync when the operation could not start.
func (c *Conn) abortAsync(w *waiter, op *pendingOp) {
	c.endWait()
	if w != nil {
		c.waiters.put(w) // no callback will come
		return
	}
	c.pending.remove(op.token)
}

func (c *Conn) finishAsync(ctx context.Context, w *waiter, op *pendingOp) (*Msg, error) {
	defer c.endWait()
	if w != nil {
		return c.await(ctx, w)
	}
	return c.awaitReply(ctx, op)
}

var longAgo = time.Unix(1, 0)

// takeSignal reads an eventfd's counter: true when it was signalled. A raw
// system call: the fd never blocks, and an ordinary one would wake Go's
// system monitor from its idle sleep on every read.
// awaitSignal waits until fd, a source's own eventfd watched through rc, is
// signalled, and takes the signal; false when waiting failed (the fd closed, a
// deadline). Goroutines park here rather than poll the socket first as the
// core's blocking request does: side by side with nats.go on a quiet machine,
// polling cost request-reply a sixth of its round trips (0.65-0.67x with it,
// 0.78-0.85x without), a goroutine that polls keeping its P.
func awaitSignal(rc syscall.RawConn) bool { return rc.Read(takeSignal) == nil }

func takeSignal(fd uintptr) bool {
	var b [8]byte
	n, _, errno := syscall.RawSyscall(syscall.SYS_READ, fd, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	return errno == 0 && n == uintptr(len(b))
}

var replyReaders = sync.Pool{New: func() any { return &msgReader{views: cArray[C.nv_message_view](1)} }}

// await waits for the completion of the operation started with w, or for ctx
// to end (the operation is then cancelled).
func (c *Conn) await(ctx context.Context, w *waiter) (*Msg, error) {
	var stop func() bool
	if ctx.Done() != nil {
		stop = context.AfterFunc(ctx, func() { _ = w.f.SetReadDeadline(longAgo) })
	}
	// The callback's signal, its last touch of the waiter. Its state changes
	// first: until then there is nothing to read (a system call saved).
	err := w.rc.Read(func(fd uintptr) bool {
		return atomic.LoadInt32(w.state()) != waiterPending && takeSignal(fd)
	})
	if err != nil { // the context ended first
		if atomic.CompareAndSwapInt32(w.state(), waiterPending, waiterAbandoned) {
			if C.nv_cancel(c.h, C.uint64_t(uintptr(unsafe.Pointer(w.w)))) != 0 {
				c.waiters.discard(w) // no callback will come
			} else {
				c.waiters.abandon(w)
			}
			return nil, &contextError{ctx.Err()}
		}
		C.nv_waiter_take_signal(w.w) // it completed meanwhile
	}
	reusable := stop == nil || stop() // else a deadline may still be set: retire w
	msg, err := c.completion(w.w)
	if reusable {
		c.waiters.put(w)
	} else {
		c.waiters.discard(w)
	}
	return msg, err
}

// completion takes the outcome delivered into w.
func (c *Conn) completion(w *C.nv_waiter) (*Msg, error) {
	if err := errorOf(&w.e); err != nil {
		return nil, err
	}
	if w.reply == nil {
		return nil, nil
	}
	r := replyReaders.Get().(*msgReader)
	msgs := r.read(w.reply, c)
	replyReaders.Put(r)
	if len(msgs) == 0 {
		return nil, nil
	}
	return &msgs[0], nil
}
