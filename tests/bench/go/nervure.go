package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

// The nervure side of the benchmark: its Go package as its README shows it.

var nervureClient = client{"nervure", func(url string) (conn, error) {
	nc, err := nervure.Connect(url)
	if err != nil {
		return nil, err
	}
	return &nervureConn{nc}, nil
}}

type nervureConn struct{ nc *nervure.Conn }

func (c *nervureConn) publish(subject string, data []byte) error { return c.nc.Publish(subject, data) }
func (c *nervureConn) flush() error                              { return c.nc.FlushTimeout(30 * time.Second) }
func (c *nervureConn) close()                                    { c.nc.Close() }

func (c *nervureConn) subscribeAll(subject string, onMsg func()) error {
	sub, err := c.nc.Subscribe(subject, func(*nervure.Msg) { onMsg() })
	if err != nil {
		return err
	}
	return sub.SetPendingLimits(-1, -1)
}

func (c *nervureConn) echo(subject string) error {
	_, err := c.nc.Subscribe(subject, func(m *nervure.Msg) { m.Respond(m.Data) })
	return err
}

func (c *nervureConn) request(subject string, data []byte) error {
	_, err := c.nc.Request(context.Background(), subject, data) // the package's default timeout: 2 s
	return err
}

func (c *nervureConn) jetStream() (jsOps, error) {
	js, err := c.nc.JetStream("", "", 5*time.Second)
	if err != nil {
		return nil, err
	}
	return &nervureJS{js}, nil
}

type nervureJS struct{ js *nervure.JetStream }

func (j *nervureJS) addStream(stream, subject string) error {
	cfg, _ := json.Marshal(map[string]any{"name": stream, "subjects": []string{subject}, "storage": "memory"})
	_, err := j.js.AddStream(string(cfg))
	return err
}

func (j *nervureJS) deleteStream(stream string) error { return j.js.DeleteStream(stream) }

func (j *nervureJS) storedMessages(stream string) (uint64, error) {
	info, err := j.js.StreamInfo(stream)
	if err != nil {
		return 0, err
	}
	var raw struct {
		State struct {
			Messages uint64 `json:"messages"`
		} `json:"state"`
	}
	if err := json.Unmarshal(info.Raw, &raw); err != nil {
		return 0, err
	}
	return raw.State.Messages, nil
}

func (j *nervureJS) publish(subject string, data []byte) error {
	_, err := j.js.Publish(context.Background(), subject, data)
	return err
}

// publishWindow: PublishAsync, which itself waits while asyncWindow
// acknowledgements are outstanding (the connection's window); futures are
// checked as they settle, the rest after PublishAsyncComplete.
func (j *nervureJS) publishWindow(subject string, data []byte, max int, stop time.Time) (acked, failed int64) {
	var inFlight []*nervure.PubAckFuture
	// settled counts f once it settled, waiting until wait (nil: not at all).
	settled := func(f *nervure.PubAckFuture, wait <-chan time.Time) bool {
		if wait == nil {
			// A future's channels are buffered and read only here: their length
			// says whether it settled without the channel locks of a select (the
			// peer's loop checks nothing per message; its handler counts failures).
			switch {
			case len(f.Ok()) > 0:
				acked++
			case len(f.Err()) > 0:
				failed++
			default:
				return false
			}
			return true
		}
		select {
		case <-f.Ok():
			acked++
		case <-f.Err():
			failed++
		case <-wait:
			return false
		}
		return true
	}
	for sent := 0; sent < max; sent++ {
		if sent%asyncWindow == 0 && time.Now().After(stop) {
			break
		}
		f, err := j.js.PublishAsync(subject, data)
		if err != nil {
			failed++
			continue
		}
		inFlight = append(inFlight, f)
		for len(inFlight) > 0 && settled(inFlight[0], nil) {
			inFlight = inFlight[1:]
		}
	}
	if err := j.js.PublishAsyncComplete(settle); err != nil {
		return acked, failed + int64(len(inFlight))
	}
	deadline := time.After(settle)
	for i, f := range inFlight {
		if !settled(f, deadline) {
			return acked, failed + int64(len(inFlight)-i)
		}
	}
	return acked, failed
}

func (j *nervureJS) addPullConsumer(stream, durable string) error {
	cfg, _ := json.Marshal(map[string]any{"durable_name": durable, "ack_policy": "explicit", "max_ack_pending": -1})
	_, err := j.js.AddConsumer(stream, string(cfg))
	return err
}

func (j *nervureJS) fetchAndAck(stream, durable string, batch int) (int, error) {
	sub, err := j.js.Fetch(stream, durable, batch, 5*time.Second, false)
	if err != nil {
		return 0, err
	}
	n := 0
	for n < batch {
		m, err := sub.NextMsg(5 * time.Second)
		if err != nil {
			return n, fmt.Errorf("fetch: %d of %d: %w", n, batch, err)
		}
		if err := m.Ack(); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func (j *nervureJS) ackPending(stream, durable string) (uint64, error) {
	info, err := j.js.ConsumerInfo(stream, durable)
	return info.NumAckPending, err
}

func (j *nervureJS) createBucket(bucket string) (kvBucket, error) {
	cfg, _ := json.Marshal(map[string]any{"bucket": bucket, "storage": "memory"})
	kv, err := j.js.CreateKeyValue(string(cfg))
	if err != nil {
		return nil, err
	}
	return nervureBucket{kv}, nil
}

func (j *nervureJS) deleteBucket(bucket string) error { return j.js.DeleteKeyValue(bucket) }

type nervureBucket struct{ kv *nervure.KeyValue }

func (b nervureBucket) put(key string, value []byte) error {
	_, err := b.kv.Put(key, value)
	return err
}

func (b nervureBucket) get(key string) ([]byte, error) {
	e, err := b.kv.Get(key, 0)
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(e.Value) // the record carries the value in base64
}
