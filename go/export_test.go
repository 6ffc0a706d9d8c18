package nervure

import "syscall"

// InputReaderState tells tests whether c's socket reader runs and whether it
// watches the connection's current socket (the same open socket, not merely
// the same descriptor number).
func InputReaderState(c *Conn) (running, watchingCurrent bool) {
	c.input.mu.Lock()
	defer c.input.mu.Unlock()
	running = c.input.running.Load()
	if c.input.f == nil {
		return running, false
	}
	var ours, current syscall.Stat_t
	if syscall.Fstat(int(c.input.f.Fd()), &ours) != nil {
		return running, false
	}
	fd := c.inputFd()
	if fd < 0 || syscall.Fstat(fd, &current) != nil {
		return running, false
	}
	return running, ours.Ino == current.Ino && ours.Dev == current.Dev
}

// InputReaderIdleForGood says no reader starts for the next wait: the last
// look found no socket to read.
func InputReaderIdleForGood(c *Conn) bool { return c.input.noSocket.Load() }
