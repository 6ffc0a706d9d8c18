package nervure_test

import (
	"testing"

	nervure "github.com/nervure-io/nervure/go"
)

func BenchmarkPublish16(b *testing.B) {
	s := startServer(b, "single")
	nc, err := nervure.Connect(s.URL)
	if err != nil {
		b.Fatal(err)
	}
	defer nc.Close()
	data := []byte("0123456789abcdef")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		nc.Publish("bench.pub", data)
	}
	nc.Flush()
}
