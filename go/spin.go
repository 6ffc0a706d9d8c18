package nervure

import (
	"runtime"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

// Busy-polling for a reply that is due, as the C++ request and the Python and
// Node loops do (Options::request_spin, bindings/runtime/loop_spin.hpp).
//
// A goroutine that parks in the network poller is woken by another thread's
// eventfd write, and waking a sleeping thread costs tens of microseconds on a
// virtual machine, paid on every request; its first cgo call afterwards also
// wakes the runtime's system monitor from its deep sleep. So for up to
// replySpin after an operation starts, the waiting goroutine checks its
// waiter, yielding the CPU in between, and parks only once the budget is spent.
//
// Spinning only pays while a CPU is to spare: on a busy machine the threads a
// reply waits for (the server's, the core's I/O thread) sit in another CPU's
// queue, and a spinner only runs between their time slices while a sleeper is
// woken promptly. So no spinning while more threads are runnable than there
// are CPUs (plus one: the server and I/O threads a request has just woken), or
// for a while after a yield gave the CPU away for long.
const (
	replySpin      = 200 * time.Microsecond // Options::request_spin's default
	busyYield      = 200 * time.Microsecond
	busyBackoff    = 20 * time.Millisecond
	loadCheckEvery = 10 * time.Millisecond
)

var spinner struct {
	busyUntil   atomic.Int64 // unix nanoseconds; no spinning before
	loadChecked atomic.Int64
	spare       atomic.Bool
	loadavg     int // /proc/loadavg, -1 when it cannot be read
}

func init() {
	spinner.loadavg = -1
	if fd, err := syscall.Open("/proc/loadavg", syscall.O_RDONLY|syscall.O_CLOEXEC, 0); err == nil {
		spinner.loadavg = fd
	}
	spinner.spare.Store(true)
}

// spinUntil polls done, yielding in between, until it holds (true), the spin
// budget since start is spent or the machine turns out busy (false).
func spinUntil(start time.Time, done func() bool) bool {
	now := time.Now()
	if now.UnixNano() < spinner.busyUntil.Load() || !cpuToSpare(now) {
		return done()
	}
	until := start.Add(replySpin)
	for !done() {
		if !now.Before(until) {
			return false
		}
		runtime.Gosched()
		// Raw: a short call that never blocks, and an ordinary system call
		// would wake the system monitor.
		syscall.RawSyscall(syscall.SYS_SCHED_YIELD, 0, 0, 0)
		before := now
		now = time.Now()
		if now.Sub(before) > busyYield {
			spinner.busyUntil.Store(now.Add(busyBackoff).UnixNano())
			return done()
		}
	}
	return true
}

// cpuToSpare: no more threads runnable on the machine than CPUs plus one,
// counted from /proc/loadavg at most every loadCheckEvery.
func cpuToSpare(now time.Time) bool {
	last := spinner.loadChecked.Load()
	if now.UnixNano()-last < int64(loadCheckEvery) || !spinner.loadChecked.CompareAndSwap(last, now.UnixNano()) {
		return spinner.spare.Load()
	}
	running := runnableThreads()
	spinner.spare.Store(running < 0 || running <= runtime.NumCPU()+1)
	return spinner.spare.Load()
}

// runnableThreads is the "4" of "0.52 0.58 0.59 4/250 12345", -1 when unknown.
func runnableThreads() int {
	if spinner.loadavg < 0 {
		return -1
	}
	var b [128]byte
	n, _, errno := syscall.RawSyscall6(syscall.SYS_PREAD64, uintptr(spinner.loadavg), uintptr(unsafe.Pointer(&b[0])),
		uintptr(len(b)), 0, 0, 0)
	if errno != 0 || n == 0 {
		return -1
	}
	fields := 0
	for i := 0; i < int(n); i++ {
		if b[i] == ' ' {
			fields++
			if fields == 3 {
				v := -1
				for j := i + 1; j < int(n) && b[j] >= '0' && b[j] <= '9'; j++ {
					if v < 0 {
						v = 0
					}
					v = v*10 + int(b[j]-'0')
				}
				return v
			}
		}
	}
	return -1
}
