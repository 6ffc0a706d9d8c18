package nervure

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"sync/atomic"
	"time"
)

// PubAck is the stream's acknowledgement of a JetStream publish.
type PubAck struct {
	// Stream is the stream that stored the message.
	Stream string `json:"stream"`
	// Sequence is the message's sequence in the stream.
	Sequence uint64 `json:"seq"`
	// Duplicate is true when the message ID was seen before (nothing stored).
	Duplicate bool `json:"duplicate"`
	// Domain is the JetStream domain, when there is one.
	Domain string `json:"domain,omitempty"`
}

// PubOpt configures JetStream.Publish.
type PubOpt func(*pubOpts)

type pubOpts struct {
	header                   Header
	msgID, stream, lastMsgID string
	lastSeq, lastSubjectSeq  int
	ttl, timeout             time.Duration
}

// MsgID sets the message ID the stream de-duplicates on (Nats-Msg-Id).
func MsgID(id string) PubOpt { return func(o *pubOpts) { o.msgID = id } }

// ExpectStream fails the publish unless the subject is stored in stream.
func ExpectStream(stream string) PubOpt { return func(o *pubOpts) { o.stream = stream } }

// ExpectLastSequence fails the publish unless the stream's last sequence is seq.
func ExpectLastSequence(seq uint64) PubOpt { return func(o *pubOpts) { o.lastSeq = int(seq) } }

// ExpectLastSequencePerSubject fails the publish unless the subject's last sequence is seq.
func ExpectLastSequencePerSubject(seq uint64) PubOpt {
	return func(o *pubOpts) { o.lastSubjectSeq = int(seq) }
}

// ExpectLastMsgID fails the publish unless the stream's last message ID is id.
func ExpectLastMsgID(id string) PubOpt { return func(o *pubOpts) { o.lastMsgID = id } }

// WithHeader sends h with the message.
func WithHeader(h Header) PubOpt { return func(o *pubOpts) { o.header = h } }

// MsgTTL sets a per-message TTL (streams with allow_msg_ttl, nats-server 2.11+).
func MsgTTL(ttl time.Duration) PubOpt { return func(o *pubOpts) { o.ttl = ttl } }

func pubOptions(opts []PubOpt) pubOpts {
	o := pubOpts{lastSeq: -1, lastSubjectSeq: -1}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// Publish stores data on subject in a stream and returns the stream's
// acknowledgement; it waits until ctx ends (or the context's default timeout).
// Fails with ErrNoResponders when no stream listens on subject and with
// *JetStreamAPIError when an expectation fails.
func (js *JetStream) Publish(ctx context.Context, subject string, data []byte, opts ...PubOpt) (*PubAck, error) {
	o := pubOptions(opts)
	if d, ok := ctx.Deadline(); ok {
		o.timeout = max(time.Until(d), time.Millisecond)
	}
	m, err := js.opPublish(ctx, subject, data, o.header, o.msgID, o.stream, o.lastSeq, o.lastSubjectSeq, o.lastMsgID,
		o.ttl, o.timeout)
	if err != nil {
		return nil, err
	}
	return pubAckOf(m)
}

func pubAckOf(m *Msg) (*PubAck, error) {
	var data []byte
	if m != nil {
		data = m.Data
	}
	return decodePubAck(data)
}

// decodePubAck reads the library's acknowledgement, a flat JSON object
// (stream, seq, duplicate, domain) scanned by hand: encoding/json was a tenth
// of an asynchronous publish's CPU. Anything unusual goes through encoding/json.
func decodePubAck(b []byte) (*PubAck, error) {
	var ack PubAck
	if err := decodePubAckInto(b, &ack); err != nil {
		return nil, err
	}
	return &ack, nil
}

func decodePubAckInto(b []byte, ack *PubAck) error {
	if len(b) == 0 || scanPubAck(b, ack) {
		return nil
	}
	*ack = PubAck{}
	if err := json.Unmarshal(b, ack); err != nil {
		return &Error{Status: StatusNervure, Message: "undecodable acknowledgement: " + err.Error()}
	}
	return nil
}

// lastStream is the stream name of the last acknowledgement: a publisher's
// acknowledgements name one stream, so most share this string rather than
// allocate their own.
var lastStream atomic.Pointer[string]

func streamName(b []byte) string {
	if p := lastStream.Load(); p != nil && *p == string(b) {
		return *p
	}
	s := string(b)
	lastStream.Store(&s)
	return s
}

// scanPubAck decodes {"key":value,...} with string values free of escapes,
// unsigned integers and booleans; false for anything else.
func scanPubAck(b []byte, ack *PubAck) bool {
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' {
		return false
	}
	for i := 1; i < len(b)-1; {
		if b[i] != '"' {
			return false
		}
		k := bytes.IndexByte(b[i+1:], '"')
		if k < 0 {
			return false
		}
		key := b[i+1 : i+1+k]
		i += k + 2
		if i >= len(b) || b[i] != ':' {
			return false
		}
		i++
		var val []byte
		quoted := i < len(b) && b[i] == '"'
		if quoted {
			k = bytes.IndexByte(b[i+1:], '"')
			if k < 0 {
				return false
			}
			val = b[i+1 : i+1+k]
			if bytes.IndexByte(val, '\\') >= 0 {
				return false
			}
			i += k + 2
		} else {
			k = bytes.IndexAny(b[i:], ",}")
			if k < 0 {
				return false
			}
			val = b[i : i+k]
			i += k
		}
		switch {
		case quoted && string(key) == "stream":
			ack.Stream = streamName(val)
		case quoted && string(key) == "domain":
			ack.Domain = string(val)
		case !quoted && string(key) == "seq":
			n, err := strconv.ParseUint(string(val), 10, 64)
			if err != nil {
				return false
			}
			ack.Sequence = n
		case !quoted && string(key) == "duplicate" && (string(val) == "true" || string(val) == "false"):
			ack.Duplicate = string(val) == "true"
		default:
			return false
		}
		if b[i] == ',' {
			i++
		} else if i != len(b)-1 {
			return false
		}
	}
	return true
}

// PubAckFuture is the acknowledgement of a PublishAsync, to come: exactly one
// of Ok and Err delivers, once.
type PubAckFuture struct {
	op  pendingOp
	ok  chan *PubAck
	err chan error
	ack PubAck // what ok delivers (one allocation with the future)
}

// Ok delivers the stream's acknowledgement.
func (f *PubAckFuture) Ok() <-chan *PubAck { return f.ok }

// Err delivers the failure: ErrNoResponders, ErrTimeout (no acknowledgement
// in time), *JetStreamAPIError (an expectation failed), ErrConnectionClosed.
func (f *PubAckFuture) Err() <-chan error { return f.err }

// settle runs on the poller with the acknowledgement's data (C memory, read now).
func (f *PubAckFuture) settle(data []byte, err error) {
	f.op.conn.asyncWindow.release()
	if err == nil {
		if err = decodePubAckInto(data, &f.ack); err == nil {
			f.ok <- &f.ack
			return
		}
	}
	f.err <- err
}

// PublishAsync stores data on subject in a stream without waiting for the
// acknowledgement, which the future delivers. The connection keeps a window
// of 256 acknowledgements outstanding (for all its JetStream contexts): past
// it, PublishAsync waits until a quarter of it is free (up to 5s, then ErrTimeout). PublishAsyncComplete waits for them all.
// Options as for Publish (WithHeader, MsgID, Expect..., MsgTTL).
func (js *JetStream) PublishAsync(subject string, data []byte, opts ...PubOpt) (*PubAckFuture, error) {
	if js == nil || js.conn == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	o := pubOptions(opts)
	if err := js.conn.asyncWindow.acquire(); err != nil {
		return nil, err
	}
	f := &PubAckFuture{ok: make(chan *PubAck, 1), err: make(chan error, 1)}
	f.op.ack, f.op.conn = f, js.conn
	js.conn.pending.register(&f.op)
	if err := js.startPublish(nil, &f.op, subject, data, o.header, o.msgID, o.stream, o.lastSeq, o.lastSubjectSeq,
		o.lastMsgID, o.ttl, o.timeout); err != nil {
		if js.conn.pending.remove(f.op.token) {
			js.conn.asyncWindow.release()
		}
		return nil, err
	}
	return f, nil
}

// PublishMsg is Publish with the message's subject, data and headers.
func (js *JetStream) PublishMsg(ctx context.Context, m *Msg, opts ...PubOpt) (*PubAck, error) {
	return js.Publish(ctx, m.Subject, m.Data, append([]PubOpt{WithHeader(m.Header)}, opts...)...)
}

// ---- acknowledging messages of consumers ----

// jsForAcks is the connection's JetStream context for acknowledgements (they
// go to the message's reply subject, whatever the domain).
func (c *Conn) jsForAcks() (*JetStream, error) {
	c.jsOnce.Do(func() { c.js, c.jsErr = c.JetStream("", "", defaultConnectionJetStreamTimeout) })
	return c.js, c.jsErr
}

func (m *Msg) ackKind(kind string, delay time.Duration, reason string) error {
	js, err := m.conn.jsForAcks()
	if err != nil {
		return err
	}
	return js.opAck(m.Reply, kind, delay, reason)
}

// Ack acknowledges a message of a JetStream consumer.
func (m *Msg) Ack() error { return m.ackKind("ack", 0, "") }

// Nak asks for redelivery, after delay when it is not zero.
func (m *Msg) Nak(delay time.Duration) error { return m.ackKind("nak", delay, "") }

// Term stops redelivery of the message; reason needs nats-server 2.10+.
func (m *Msg) Term(reason string) error { return m.ackKind("term", 0, reason) }

// InProgress resets the redelivery timer.
func (m *Msg) InProgress() error { return m.ackKind("in_progress", 0, "") }

// AckSync acknowledges and waits for the server to confirm it.
func (m *Msg) AckSync(ctx context.Context) error {
	js, err := m.conn.jsForAcks()
	if err != nil {
		return err
	}
	_, err = js.opAckSync(ctx, m.Reply, timeoutOf(ctx, defaultJetStreamAckSyncTimeout))
	return err
}

// Metadata is the delivery metadata of a JetStream message (from its reply subject).
func (m *Msg) Metadata() (MsgMetadata, error) {
	js, err := m.conn.jsForAcks()
	if err != nil {
		return MsgMetadata{}, err
	}
	return js.opMetadata(m.Reply)
}
