package nervure_test

import (
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

// BenchmarkPublishAsync: PublishAsync into a memory stream, futures checked as
// they settle (as tests/bench/go does), to profile the Go side per message.
func BenchmarkPublishAsync(b *testing.B) {
	s := startServer(b, "single")
	nc, err := nervure.Connect(s.URL)
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	js, err := nc.JetStream("", "", 5*time.Second)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := js.AddStream(`{"name":"ASYNC","subjects":["async.>"],"storage":"memory"}`); err != nil {
		b.Fatal(err)
	}
	data := []byte("0123456789abcdef")
	inFlight := make([]*nervure.PubAckFuture, 0, 1024)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := js.PublishAsync("async.x", data)
		if err != nil {
			b.Fatal(err)
		}
		inFlight = append(inFlight, f)
		for len(inFlight) > 0 {
			select {
			case <-inFlight[0].Ok():
			case err := <-inFlight[0].Err():
				b.Fatal(err)
			default:
				goto next
			}
			inFlight = inFlight[1:]
		}
	next:
	}
	if err := js.PublishAsyncComplete(10 * time.Second); err != nil {
		b.Fatal(err)
	}
}
