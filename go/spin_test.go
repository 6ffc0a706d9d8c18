package nervure

import "testing"

func TestParseRunnable(t *testing.T) {
	for in, want := range map[string]int{"0.50 0.40 0.30 4/250 123\n": 4, "1.00 2.00 3.00 17/900 5": 17,
		"0.50 0.40 0.30": -1, "": -1} {
		if got := parseRunnable([]byte(in)); got != want {
			t.Errorf("%q: %d, want %d", in, got, want)
		}
	}
	if runnableThreads() < 0 {
		t.Error("/proc/loadavg unreadable")
	}
}
