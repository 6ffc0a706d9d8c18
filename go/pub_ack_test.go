package nervure

import "testing"

func TestDecodePubAck(t *testing.T) {
	cases := []struct {
		in   string
		want PubAck
		err  bool
	}{
		{`{"duplicate":false,"seq":42,"stream":"ORDERS"}`, PubAck{Stream: "ORDERS", Sequence: 42}, false},
		{`{"domain":"hub","duplicate":true,"seq":7,"stream":"S"}`, PubAck{Stream: "S", Sequence: 7, Duplicate: true, Domain: "hub"}, false},
		{`{"stream":"A\"B","seq":1}`, PubAck{Stream: `A"B`, Sequence: 1}, false},             // escapes: encoding/json
		{`{"stream": "S", "seq": 3, "extra": [1]}`, PubAck{Stream: "S", Sequence: 3}, false}, // unusual: encoding/json
		{``, PubAck{}, false},
		{`{"seq":"x"`, PubAck{}, true},
	}
	for _, c := range cases {
		got, err := decodePubAck([]byte(c.in))
		if (err != nil) != c.err || (err == nil && *got != c.want) {
			t.Errorf("%s: %+v %v", c.in, got, err)
		}
	}
}
