package nervure_test

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// server is one deployment of tests/harness/nervure_harness.py, started per test.
type server struct {
	URL      string   `json:"url"`
	URLs     []string `json:"urls"`
	Token    string   `json:"token"`
	User     string   `json:"user"`
	Password string   `json:"password"`
	NkeySeed string   `json:"nkey_seed"`
	Creds    string   `json:"creds_file"`
	CAFile   string   `json:"ca_file"`
	Error    string   `json:"error"`
	OK       bool     `json:"ok"`

	cmd   *exec.Cmd
	stdin io.WriteCloser
	out   *bufio.Reader
}

func repoRoot() string {
	wd, _ := os.Getwd()
	return filepath.Dir(wd)
}

// startServer starts a harness of the given kind; it stops with the test.
func startServer(t testing.TB, kind string, extra ...string) *server {
	t.Helper()
	root := repoRoot()
	if os.Getenv("NERVURE_NATS_SERVER") == "" {
		os.Setenv("NERVURE_NATS_SERVER", filepath.Join(root, "build", "tools", "nats-server"))
	}
	args := append([]string{filepath.Join(root, "tests", "harness", "nervure_harness.py"), "serve", "--kind", kind}, extra...)
	cmd := exec.Command("python3", args...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, stdin: stdin, out: bufio.NewReader(stdout)}
	line, err := s.out.ReadString('\n')
	if err != nil {
		t.Fatalf("harness: %v", err)
	}
	if err := json.Unmarshal([]byte(line), s); err != nil || !s.OK {
		t.Fatalf("harness: %s", line)
	}
	t.Cleanup(s.stop)
	return s
}

func (s *server) stop() {
	s.stdin.Close()
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
	}
}

// command sends one harness command ("restart 0") and waits for its answer.
func (s *server) command(t testing.TB, cmd string) {
	t.Helper()
	if _, err := io.WriteString(s.stdin, cmd+"\n"); err != nil {
		t.Fatal(err)
	}
	line, err := s.out.ReadString('\n')
	if err != nil || !strings.Contains(line, `"ok": true`) && !strings.Contains(line, `"ok":true`) {
		t.Fatalf("harness %q: %s %v", cmd, line, err)
	}
}

// eventually waits until cond holds.
func eventually(t testing.TB, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("condition not met within %s", timeout)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
