package nervure_test

import (
	"context"
	"sort"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

func BenchmarkRequestReply(b *testing.B) {
	s := startServer(b, "single")
	srv, _ := nervure.Connect(s.URL)
	defer srv.Close()
	nc, _ := nervure.Connect(s.URL)
	defer nc.Close()
	srv.Subscribe("rr", func(m *nervure.Msg) { m.Respond(m.Data) })
	srv.Flush()
	data := []byte("0123456789abcdef")
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		if _, err := nc.Request(ctx, "rr", data); err != nil {
			b.Fatal(err)
		}
		cancel()
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50us")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99us")
}
