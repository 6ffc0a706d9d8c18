package nervure

import (
	"testing"
	"time"
)

func TestSpinUntil(t *testing.T) {
	if n := runnableThreads(); n < 1 {
		t.Fatalf("runnable threads from /proc/loadavg: %d", n)
	}
	// Done at once, whatever the machine's load.
	if !spinUntil(time.Now(), func() bool { return true }) {
		t.Fatal("done was not seen")
	}
	// Never done: the budget ends it, or a busy machine before it.
	start := time.Now()
	if spinUntil(start, func() bool { return false }) {
		t.Fatal("never done, yet spinUntil said done")
	}
	if took := time.Since(start); took > 50*time.Millisecond {
		t.Fatalf("spun for %s, the budget is %s", took, replySpin)
	}
	// Done a little later: seen while spinning, or on the way out.
	start = time.Now()
	calls := 0
	spinUntil(start, func() bool { calls++; return calls > 3 })
	if calls < 1 {
		t.Fatal("done never asked")
	}
}
