package nervure_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

// pythonWithNervure is the Python the Python suite installs nervure into
// ($NERVURE_BUILD_DIR/python-venv, or NERVURE_TEST_PYTHON); "" when absent
// or too old to host actors.
func pythonWithNervure() string {
	py := os.Getenv("NERVURE_TEST_PYTHON")
	if py == "" {
		dir := os.Getenv("NERVURE_BUILD_DIR")
		if dir == "" {
			dir = filepath.Join(repoRoot(), "build")
		}
		py = filepath.Join(dir, "python-venv", "bin", "python")
	}
	if exec.Command(py, "-c", "import nervure; nervure.ActorRuntime").Run() != nil {
		return ""
	}
	return py
}

const pythonPeer = `
import asyncio, sys
import nervure

class Greeter(nervure.Actor):
    def greet(self, name):
        return {"hello": name, "from": "python"}

async def main(url):
    async with await nervure.connect(url) as nc:
        runtime = nervure.ActorRuntime(nc)
        runtime.register("pygreeter", Greeter)
        async with runtime:
            print("ready", flush=True)
            r = await nc.request("go.svc", b"ping", timeout=5, headers={"X-Lang": "python"})
            print("reply", r.data.decode(), r.headers.get("X-Answer"), flush=True)
            for attempt in range(100):
                try:
                    v = await nervure.actor_proxy(nc, "gocounter", "c").invoke("add", 7)
                    break
                except nervure.NoRespondersError:
                    await asyncio.sleep(0.1)
            print("actor", v, flush=True)
            try:
                await nervure.actor_proxy(nc, "gocounter", "c").invoke("boom")
            except nervure.ActorError as e:
                print("error", e.remote_type, flush=True)
            await asyncio.sleep(float(sys.argv[2]))

asyncio.run(main(sys.argv[1]))
`

// Go and Python on one server: request-reply with headers both ways, and
// actors hosted in each language called from the other.
func TestPythonInterop(t *testing.T) {
	py := pythonWithNervure()
	if py == "" {
		t.Skip("the Python package is not installed (python/test.sh installs it)")
	}
	nc, s := connect(t)
	nc.Subscribe("go.svc", func(m *nervure.Msg) {
		r := &nervure.Msg{Data: append([]byte("pong:"), m.Data...), Header: nervure.Header{}}
		r.Header.Set("X-Answer", m.Header.Get("X-Lang"))
		m.RespondMsg(r)
	})
	rt, err := nervure.NewActorRuntime(nc, nervure.WithActorBuckets("interop-leases", "interop-state"))
	if err != nil {
		t.Fatal(err)
	}
	rt.Register("gocounter", nervure.ActorType{Methods: map[string]nervure.ActorMethod{
		"add": func(ctx *nervure.ActorContext, arg any) (any, error) { return arg.(int64) + 1, nil },
		"boom": func(ctx *nervure.ActorContext, arg any) (any, error) {
			return nil, &nervure.ActorRemoteError{Type: "Boom", Message: "exploded"}
		},
	}})
	if err := rt.Start(); err != nil {
		t.Fatal(err)
	}
	defer rt.Stop(5 * time.Second)
	nc.Flush()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, py, "-c", pythonPeer, s.URL, "3")
	cmd.Env = append(os.Environ(), "NERVURE_URL="+s.URL)
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	lines := make(chan string, 10)
	go func() {
		buf := make([]byte, 4096)
		acc := ""
		for {
			n, err := stdout.Read(buf)
			acc += string(buf[:n])
			for strings.Contains(acc, "\n") {
				i := strings.Index(acc, "\n")
				lines <- acc[:i]
				acc = acc[i+1:]
			}
			if err != nil {
				close(lines)
				return
			}
		}
	}()
	want := []string{"ready", "reply pong:ping python", "actor 8", "error Boom"}
	for _, w := range want {
		select {
		case l := <-lines:
			if l != w {
				t.Fatalf("python said %q, want %q", l, w)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("python did not say %q", w)
		}
	}
	// Go calls the Python-hosted actor.
	p := nc.ActorProxy("pygreeter", "g")
	var res any
	for attempt := 0; attempt < 50; attempt++ {
		if res, err = p.Invoke(ctx, "greet", "gopher"); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	m, _ := res.(map[string]any)
	if err != nil || m["hello"] != "gopher" || m["from"] != "python" {
		t.Fatalf("python actor: %#v %v", res, err)
	}
}
