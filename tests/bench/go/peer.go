package main

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// The peer side of the benchmark: nats.go and its jetstream package, used the
// way their documentation recommends (PublishAsync with its own window,
// Consumer.Fetch, KeyValue).

var peerClient = client{"peer", func(url string) (conn, error) {
	nc, err := nats.Connect(url)
	if err != nil {
		return nil, err
	}
	return &peerConn{nc: nc}, nil
}}

type peerConn struct {
	nc *nats.Conn
}

func (c *peerConn) publish(subject string, data []byte) error { return c.nc.Publish(subject, data) }
func (c *peerConn) flush() error                              { return c.nc.FlushTimeout(30 * time.Second) }
func (c *peerConn) close()                                    { c.nc.Close() }

func (c *peerConn) subscribeAll(subject string, onMsg func()) error {
	sub, err := c.nc.Subscribe(subject, func(*nats.Msg) { onMsg() })
	if err != nil {
		return err
	}
	return sub.SetPendingLimits(-1, -1)
}

func (c *peerConn) echo(subject string) error {
	_, err := c.nc.Subscribe(subject, func(m *nats.Msg) { m.Respond(m.Data) })
	return err
}

func (c *peerConn) request(subject string, data []byte) error {
	_, err := c.nc.Request(subject, data, 2*time.Second) // as nervure's default
	return err
}

func (c *peerConn) jetStream() (jsOps, error) {
	j := &peerJS{}
	js, err := jetstream.New(c.nc, jetstream.WithPublishAsyncMaxPending(asyncWindow),
		jetstream.WithPublishAsyncErrHandler(func(jetstream.JetStream, *nats.Msg, error) { j.asyncFailures.Add(1) }))
	if err != nil {
		return nil, err
	}
	j.js = js
	return j, nil
}

type peerJS struct {
	js            jetstream.JetStream
	asyncFailures atomic.Int64
}

func ctx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 10*time.Second)
}

func (j *peerJS) addStream(stream, subject string) error {
	c, cancel := ctx()
	defer cancel()
	_, err := j.js.CreateStream(c, jetstream.StreamConfig{Name: stream, Subjects: []string{subject},
		Storage: jetstream.MemoryStorage})
	return err
}

func (j *peerJS) deleteStream(stream string) error {
	c, cancel := ctx()
	defer cancel()
	return j.js.DeleteStream(c, stream)
}

func (j *peerJS) storedMessages(stream string) (uint64, error) {
	c, cancel := ctx()
	defer cancel()
	s, err := j.js.Stream(c, stream)
	if err != nil {
		return 0, err
	}
	info, err := s.Info(c)
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

func (j *peerJS) publish(subject string, data []byte) error {
	_, err := j.js.Publish(context.Background(), subject, data)
	return err
}

// publishWindow: PublishAsync, which itself waits while asyncWindow
// acknowledgements are outstanding (WithPublishAsyncMaxPending).
func (j *peerJS) publishWindow(subject string, data []byte, max int, stop time.Time) (acked, failed int64) {
	j.asyncFailures.Store(0)
	sent := int64(0)
	for sent < int64(max) {
		if sent%asyncWindow == 0 && time.Now().After(stop) {
			break
		}
		if _, err := j.js.PublishAsync(subject, data); err != nil {
			failed++
		}
		sent++
	}
	select {
	case <-j.js.PublishAsyncComplete():
	case <-time.After(settle):
		return sent - failed - int64(j.js.PublishAsyncPending()) - j.asyncFailures.Load(),
			failed + int64(j.js.PublishAsyncPending()) + j.asyncFailures.Load()
	}
	failed += j.asyncFailures.Load()
	return sent - failed, failed
}

func (j *peerJS) consumer(stream, durable string) (jetstream.Consumer, error) {
	c, cancel := ctx()
	defer cancel()
	return j.js.Consumer(c, stream, durable)
}

func (j *peerJS) addPullConsumer(stream, durable string) error {
	c, cancel := ctx()
	defer cancel()
	_, err := j.js.CreateOrUpdateConsumer(c, stream, jetstream.ConsumerConfig{Durable: durable,
		AckPolicy: jetstream.AckExplicitPolicy, MaxAckPending: -1})
	return err
}

// consumers caches each consumer handle, as an application holds on to it.
var consumers = map[string]jetstream.Consumer{}

func (j *peerJS) fetchAndAck(stream, durable string, batch int) (int, error) {
	key := stream + "/" + durable
	cons, ok := consumers[key]
	if !ok {
		var err error
		if cons, err = j.consumer(stream, durable); err != nil {
			return 0, err
		}
		consumers[key] = cons
	}
	msgs, err := cons.Fetch(batch, jetstream.FetchMaxWait(5*time.Second))
	if err != nil {
		return 0, err
	}
	n := 0
	for m := range msgs.Messages() {
		if err := m.Ack(); err != nil {
			return n, err
		}
		n++
	}
	if err := msgs.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) {
		return n, err
	}
	return n, nil
}

func (j *peerJS) ackPending(stream, durable string) (uint64, error) {
	cons, err := j.consumer(stream, durable)
	if err != nil {
		return 0, err
	}
	c, cancel := ctx()
	defer cancel()
	info, err := cons.Info(c)
	if err != nil {
		return 0, err
	}
	return uint64(info.NumAckPending), nil
}

func (j *peerJS) createBucket(bucket string) (kvBucket, error) {
	c, cancel := ctx()
	defer cancel()
	kv, err := j.js.CreateKeyValue(c, jetstream.KeyValueConfig{Bucket: bucket, Storage: jetstream.MemoryStorage})
	if err != nil {
		return nil, err
	}
	return peerBucket{kv}, nil
}

func (j *peerJS) deleteBucket(bucket string) error {
	c, cancel := ctx()
	defer cancel()
	return j.js.DeleteKeyValue(c, bucket)
}

type peerBucket struct{ kv jetstream.KeyValue }

func (b peerBucket) put(key string, value []byte) error {
	_, err := b.kv.Put(context.Background(), key, value)
	return err
}

func (b peerBucket) get(key string) ([]byte, error) {
	e, err := b.kv.Get(context.Background(), key)
	if err != nil {
		return nil, err
	}
	return e.Value(), nil
}
