// generated from the definition in bindings/api/ by bindings/generator; do not edit

package nervure

// #cgo noescape nv_connection_actor_host
// #cgo nocallback nv_connection_actor_host
// #cgo noescape nv_connection_actor_invoke
// #cgo nocallback nv_connection_actor_invoke
// #cgo noescape nv_connection_actor_tell
// #cgo nocallback nv_connection_actor_tell
// #cgo noescape nv_connection_publish
// #cgo nocallback nv_connection_publish
// #cgo noescape nv_connection_subscribe
// #cgo nocallback nv_connection_subscribe
// #cgo noescape nv_connection_request
// #cgo nocallback nv_connection_request
// #cgo noescape nv_connection_flush
// #cgo nocallback nv_connection_flush
// #cgo noescape nv_connection_drain
// #cgo nocallback nv_connection_drain
// #cgo noescape nv_connection_close
// #cgo nocallback nv_connection_close
// #cgo noescape nv_connection_is_connected
// #cgo nocallback nv_connection_is_connected
// #cgo noescape nv_connection_is_reconnecting
// #cgo nocallback nv_connection_is_reconnecting
// #cgo noescape nv_connection_is_closed
// #cgo nocallback nv_connection_is_closed
// #cgo noescape nv_connection_stats
// #cgo nocallback nv_connection_stats
// #cgo noescape nv_connection_server_info
// #cgo nocallback nv_connection_server_info
// #cgo noescape nv_connection_connected_url
// #cgo nocallback nv_connection_connected_url
// #cgo noescape nv_connection_new_inbox
// #cgo nocallback nv_connection_new_inbox
// #cgo noescape nv_connection_max_payload
// #cgo nocallback nv_connection_max_payload
// #cgo noescape nv_connection_jetstream
// #cgo nocallback nv_connection_jetstream
// #cgo noescape nv_actor_host_register_type
// #cgo nocallback nv_actor_host_register_type
// #cgo noescape nv_actor_host_start
// #cgo nocallback nv_actor_host_start
// #cgo noescape nv_actor_host_stop
// #cgo nocallback nv_actor_host_stop
// #cgo noescape nv_actor_host_turns
// #cgo nocallback nv_actor_host_turns
// #cgo noescape nv_actor_host_complete
// #cgo nocallback nv_actor_host_complete
// #cgo noescape nv_actor_host_state_get
// #cgo nocallback nv_actor_host_state_get
// #cgo noescape nv_actor_host_state_contains
// #cgo nocallback nv_actor_host_state_contains
// #cgo noescape nv_actor_host_state_set
// #cgo nocallback nv_actor_host_state_set
// #cgo noescape nv_actor_host_state_remove
// #cgo nocallback nv_actor_host_state_remove
// #cgo noescape nv_actor_host_state_save
// #cgo nocallback nv_actor_host_state_save
// #cgo noescape nv_actor_host_register_timer
// #cgo nocallback nv_actor_host_register_timer
// #cgo noescape nv_actor_host_unregister_timer
// #cgo nocallback nv_actor_host_unregister_timer
// #cgo noescape nv_actor_host_register_reminder
// #cgo nocallback nv_actor_host_register_reminder
// #cgo noescape nv_actor_host_unregister_reminder
// #cgo nocallback nv_actor_host_unregister_reminder
// #cgo noescape nv_actor_host_invoke
// #cgo nocallback nv_actor_host_invoke
// #cgo noescape nv_actor_host_host_id
// #cgo nocallback nv_actor_host_host_id
// #cgo noescape nv_actor_host_stats
// #cgo nocallback nv_actor_host_stats
// #cgo noescape nv_actor_host_method_stats
// #cgo nocallback nv_actor_host_method_stats
// #cgo noescape nv_subscription_unsubscribe
// #cgo nocallback nv_subscription_unsubscribe
// #cgo noescape nv_subscription_drain
// #cgo nocallback nv_subscription_drain
// #cgo noescape nv_subscription_auto_unsubscribe
// #cgo nocallback nv_subscription_auto_unsubscribe
// #cgo noescape nv_subscription_set_pending_limits
// #cgo nocallback nv_subscription_set_pending_limits
// #cgo noescape nv_subscription_pending
// #cgo nocallback nv_subscription_pending
// #cgo noescape nv_subscription_pending_bytes
// #cgo nocallback nv_subscription_pending_bytes
// #cgo noescape nv_subscription_dropped
// #cgo nocallback nv_subscription_dropped
// #cgo noescape nv_subscription_delivered
// #cgo nocallback nv_subscription_delivered
// #cgo noescape nv_jetstream_account_info
// #cgo nocallback nv_jetstream_account_info
// #cgo noescape nv_jetstream_add_stream
// #cgo nocallback nv_jetstream_add_stream
// #cgo noescape nv_jetstream_update_stream
// #cgo nocallback nv_jetstream_update_stream
// #cgo noescape nv_jetstream_stream_info
// #cgo nocallback nv_jetstream_stream_info
// #cgo noescape nv_jetstream_delete_stream
// #cgo nocallback nv_jetstream_delete_stream
// #cgo noescape nv_jetstream_purge_stream
// #cgo nocallback nv_jetstream_purge_stream
// #cgo noescape nv_jetstream_stream_names
// #cgo nocallback nv_jetstream_stream_names
// #cgo noescape nv_jetstream_streams
// #cgo nocallback nv_jetstream_streams
// #cgo noescape nv_jetstream_get_msg
// #cgo nocallback nv_jetstream_get_msg
// #cgo noescape nv_jetstream_delete_msg
// #cgo nocallback nv_jetstream_delete_msg
// #cgo noescape nv_jetstream_publish
// #cgo nocallback nv_jetstream_publish
// #cgo noescape nv_jetstream_publish_async_complete
// #cgo nocallback nv_jetstream_publish_async_complete
// #cgo noescape nv_jetstream_add_consumer
// #cgo nocallback nv_jetstream_add_consumer
// #cgo noescape nv_jetstream_update_consumer
// #cgo nocallback nv_jetstream_update_consumer
// #cgo noescape nv_jetstream_consumer_info
// #cgo nocallback nv_jetstream_consumer_info
// #cgo noescape nv_jetstream_delete_consumer
// #cgo nocallback nv_jetstream_delete_consumer
// #cgo noescape nv_jetstream_consumer_names
// #cgo nocallback nv_jetstream_consumer_names
// #cgo noescape nv_jetstream_fetch
// #cgo nocallback nv_jetstream_fetch
// #cgo noescape nv_jetstream_consume
// #cgo nocallback nv_jetstream_consume
// #cgo noescape nv_jetstream_ordered_consumer
// #cgo nocallback nv_jetstream_ordered_consumer
// #cgo noescape nv_jetstream_ack
// #cgo nocallback nv_jetstream_ack
// #cgo noescape nv_jetstream_ack_sync
// #cgo nocallback nv_jetstream_ack_sync
// #cgo noescape nv_jetstream_metadata
// #cgo nocallback nv_jetstream_metadata
// #cgo noescape nv_jetstream_create_key_value
// #cgo nocallback nv_jetstream_create_key_value
// #cgo noescape nv_jetstream_key_value
// #cgo nocallback nv_jetstream_key_value
// #cgo noescape nv_jetstream_delete_key_value
// #cgo nocallback nv_jetstream_delete_key_value
// #cgo noescape nv_jetstream_key_value_names
// #cgo nocallback nv_jetstream_key_value_names
// #cgo noescape nv_key_value_bucket
// #cgo nocallback nv_key_value_bucket
// #cgo noescape nv_key_value_put
// #cgo nocallback nv_key_value_put
// #cgo noescape nv_key_value_get
// #cgo nocallback nv_key_value_get
// #cgo noescape nv_key_value_create
// #cgo nocallback nv_key_value_create
// #cgo noescape nv_key_value_update
// #cgo nocallback nv_key_value_update
// #cgo noescape nv_key_value_delete
// #cgo nocallback nv_key_value_delete
// #cgo noescape nv_key_value_purge
// #cgo nocallback nv_key_value_purge
// #cgo noescape nv_key_value_keys
// #cgo nocallback nv_key_value_keys
// #cgo noescape nv_key_value_history
// #cgo nocallback nv_key_value_history
// #cgo noescape nv_key_value_watch
// #cgo nocallback nv_key_value_watch
// #cgo noescape nv_key_value_status
// #cgo nocallback nv_key_value_status
// #include "shims.generated.h"
import "C"

import (
	"context"
	"encoding/json"
	"time"
	"unsafe"
)

var (
	_ = context.Background
	_ = json.Unmarshal
)

// ---- errors ----

// Status is the code of an error of the one hierarchy (the C ABI's nervure_status).
type Status int

// The codes of the hierarchy.
const (
	// StatusNervure - Root of every nervure error.
	StatusNervure Status = 1
	// StatusConnectionClosed - The connection is closed (or draining) and cannot do this.
	StatusConnectionClosed Status = 2
	// StatusTimeout - No answer in time: a request, a flush, a next message.
	StatusTimeout Status = 3
	// StatusNoResponders - A request found nobody listening on its subject.
	StatusNoResponders Status = 4
	// StatusInvalidSubject - A subject or queue group name is not valid.
	StatusInvalidSubject Status = 5
	// StatusMaxPayload - The message is larger than the server accepts.
	StatusMaxPayload Status = 6
	// StatusAuthorization - The server refused the credentials.
	StatusAuthorization Status = 7
	// StatusSlowConsumer - A subscription fell behind and messages were dropped.
	StatusSlowConsumer Status = 8
	// StatusJetStreamAPI - The JetStream API answered with an error.
	StatusJetStreamAPI Status = 9
	// StatusNotSupportedByServer - The connected server cannot honour this feature.
	StatusNotSupportedByServer Status = 10
	// StatusActor - An actor method failed remotely.
	StatusActor Status = 11
	// StatusInvalidArgument - An option or argument is not valid (bad URL, bad creds file, bad number).
	StatusInvalidArgument Status = 12
)

// String is the error's name in the hierarchy, e.g. "NoRespondersError".
func (s Status) String() string {
	switch s {
	case StatusNervure:
		return "NervureError"
	case StatusConnectionClosed:
		return "ConnectionClosedError"
	case StatusTimeout:
		return "TimeoutError"
	case StatusNoResponders:
		return "NoRespondersError"
	case StatusInvalidSubject:
		return "InvalidSubjectError"
	case StatusMaxPayload:
		return "MaxPayloadError"
	case StatusAuthorization:
		return "AuthorizationError"
	case StatusSlowConsumer:
		return "SlowConsumerError"
	case StatusJetStreamAPI:
		return "JetStreamApiError"
	case StatusNotSupportedByServer:
		return "NotSupportedByServerError"
	case StatusActor:
		return "ActorError"
	case StatusInvalidArgument:
		return "InvalidArgumentError"
	}
	return "NervureError"
}

// parent is the code's parent in the hierarchy (false at the root).
func (s Status) parent() (Status, bool) {
	switch s {
	case StatusConnectionClosed:
		return StatusNervure, true
	case StatusTimeout:
		return StatusNervure, true
	case StatusNoResponders:
		return StatusNervure, true
	case StatusInvalidSubject:
		return StatusNervure, true
	case StatusMaxPayload:
		return StatusNervure, true
	case StatusAuthorization:
		return StatusNervure, true
	case StatusSlowConsumer:
		return StatusNervure, true
	case StatusJetStreamAPI:
		return StatusNervure, true
	case StatusNotSupportedByServer:
		return StatusNervure, true
	case StatusActor:
		return StatusNervure, true
	case StatusInvalidArgument:
		return StatusNervure, true
	}
	return 0, false
}

// isA tells whether an error of code s is a target (itself or a descendant).
func (s Status) isA(target Status) bool {
	for {
		if s == target {
			return true
		}
		p, ok := s.parent()
		if !ok {
			return false
		}
		s = p
	}
}

// sentinel is the value of the Err* variables: compare with errors.Is.
type sentinel struct {
	status Status
	doc    string
}

func (s *sentinel) Error() string { return "nervure: " + s.status.String() + ": " + s.doc }

// Is makes a sentinel match its descendants too (errors.Is(ErrTimeout, ErrNervure)).
func (s *sentinel) Is(target error) bool {
	t, ok := target.(*sentinel)
	return ok && s.status.isA(t.status)
}

// Sentinel errors, one per error of the hierarchy; every error a call returns
// matches its own and its ancestors' with errors.Is.
var (
	// ErrNervure - Root of every nervure error.
	ErrNervure error = &sentinel{StatusNervure, "Root of every nervure error."}
	// ErrConnectionClosed - The connection is closed (or draining) and cannot do this.
	ErrConnectionClosed error = &sentinel{StatusConnectionClosed, "The connection is closed (or draining) and cannot do this."}
	// ErrTimeout - No answer in time: a request, a flush, a next message.
	ErrTimeout error = &sentinel{StatusTimeout, "No answer in time: a request, a flush, a next message."}
	// ErrNoResponders - A request found nobody listening on its subject.
	ErrNoResponders error = &sentinel{StatusNoResponders, "A request found nobody listening on its subject."}
	// ErrInvalidSubject - A subject or queue group name is not valid.
	ErrInvalidSubject error = &sentinel{StatusInvalidSubject, "A subject or queue group name is not valid."}
	// ErrMaxPayload - The message is larger than the server accepts.
	ErrMaxPayload error = &sentinel{StatusMaxPayload, "The message is larger than the server accepts."}
	// ErrAuthorization - The server refused the credentials.
	ErrAuthorization error = &sentinel{StatusAuthorization, "The server refused the credentials."}
	// ErrSlowConsumer - A subscription fell behind and messages were dropped.
	ErrSlowConsumer error = &sentinel{StatusSlowConsumer, "A subscription fell behind and messages were dropped."}
	// ErrJetStreamAPI - The JetStream API answered with an error.
	ErrJetStreamAPI error = &sentinel{StatusJetStreamAPI, "The JetStream API answered with an error."}
	// ErrNotSupportedByServer - The connected server cannot honour this feature.
	ErrNotSupportedByServer error = &sentinel{StatusNotSupportedByServer, "The connected server cannot honour this feature."}
	// ErrActor - An actor method failed remotely.
	ErrActor error = &sentinel{StatusActor, "An actor method failed remotely."}
	// ErrInvalidArgument - An option or argument is not valid (bad URL, bad creds file, bad number).
	ErrInvalidArgument error = &sentinel{StatusInvalidArgument, "An option or argument is not valid (bad URL, bad creds file, bad number)."}
)

// Error is what a failing call returns (errors with fields have their own types).
type Error struct {
	// Status is the error's code in the hierarchy.
	Status Status
	// Message is the library's text.
	Message string
}

// Error implements error.
func (e *Error) Error() string { return "nervure: " + e.Status.String() + ": " + e.Message }

// Is matches the sentinel of the error's code and of its ancestors.
func (e *Error) Is(target error) bool {
	t, ok := target.(*sentinel)
	return ok && e.Status.isA(t.status)
}

// JetStreamAPIError - The JetStream API answered with an error. Match it with errors.Is(err,
// ErrJetStreamAPI) or errors.As.
type JetStreamAPIError struct {
	// Code - The server's HTTP-like status (400, 404, 503...).
	Code int64
	// ErrCode - The server's JetStream error code (10058 stream name in use...).
	ErrCode int64
	// Message is the library's text.
	Message string
}

// Error implements error.
func (e *JetStreamAPIError) Error() string { return "nervure: JetStreamApiError: " + e.Message }

// Is matches the sentinel of the error's code and of its ancestors.
func (e *JetStreamAPIError) Is(target error) bool {
	t, ok := target.(*sentinel)
	return ok && StatusJetStreamAPI.isA(t.status)
}

// ActorError - An actor method failed remotely. Match it with errors.Is(err, ErrActor) or
// errors.As.
type ActorError struct {
	// RemoteType - The type of the error the actor raised, as its language names it.
	RemoteType string
	// Message is the library's text.
	Message string
}

// Error implements error.
func (e *ActorError) Error() string { return "nervure: ActorError: " + e.Message }

// Is matches the sentinel of the error's code and of its ancestors.
func (e *ActorError) Is(target error) bool {
	t, ok := target.(*sentinel)
	return ok && StatusActor.isA(t.status)
}

// errorOf turns a failed outcome into the Go error, freeing the C strings.
func errorOf(e *C.nv_err) error {
	if e.status == C.NERVURE_OK {
		return nil
	}
	msg := ""
	if e.error != nil {
		msg = C.GoString(e.error)
		C.free(unsafe.Pointer(e.error))
		e.error = nil
	}
	f_actor_remote_type := ""
	if e.f_actor_remote_type != nil {
		f_actor_remote_type = C.GoString(e.f_actor_remote_type)
		C.free(unsafe.Pointer(e.f_actor_remote_type))
		e.f_actor_remote_type = nil
	}
	switch Status(e.status) {
	case StatusJetStreamAPI:
		return &JetStreamAPIError{Code: int64(e.f_jetstream_api_code), ErrCode: int64(e.f_jetstream_api_err_code), Message: msg}
	case StatusActor:
		return &ActorError{RemoteType: f_actor_remote_type, Message: msg}
	}
	return &Error{Status: Status(e.status), Message: msg}
}

// ---- events ----

// Event is what happened to a connection (see WithEventHandler).
type Event int

// The events of a connection.
const (
	// EventConnected - The first connection is up (detail: the server URL).
	EventConnected Event = 1
	// EventDisconnected - The connection was lost (detail: server and reason); reconnecting starts.
	EventDisconnected Event = 2
	// EventReconnected - Connected again (detail: the server URL); subscriptions were restored.
	EventReconnected Event = 3
	// EventClosed - The connection is closed for good.
	EventClosed Event = 4
	// EventLameDuck - The server is shutting down and asks clients to move (detail: its URL).
	EventLameDuck Event = 5
	// EventServersDiscovered - The cluster announced servers not known before.
	EventServersDiscovered Event = 6
	// EventAsyncError - An error with no caller to raise it to: a server -ERR, a stale connection, a
	// handler that failed (detail: the text).
	EventAsyncError Event = 7
	// EventSlowConsumer - A subscription reached its pending limits and drops messages (detail:
	// which).
	EventSlowConsumer Event = 8
)

// String is the event's stable name, e.g. "reconnected".
func (e Event) String() string {
	switch e {
	case EventConnected:
		return "connected"
	case EventDisconnected:
		return "disconnected"
	case EventReconnected:
		return "reconnected"
	case EventClosed:
		return "closed"
	case EventLameDuck:
		return "lame_duck"
	case EventServersDiscovered:
		return "servers_discovered"
	case EventAsyncError:
		return "async_error"
	case EventSlowConsumer:
		return "slow_consumer"
	}
	return "unknown"
}

// ---- connect options ----

// WithName - Connection name shown by the server. Default: "".
func WithName(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_name(o, cs, e)
		})
	}
}

// WithUser - User for user/password authentication. Default: "".
func WithUser(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_user(o, cs, e)
		})
	}
}

// WithPassword - Password for user/password authentication. Default: "".
func WithPassword(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_password(o, cs, e)
		})
	}
}

// WithToken - Authentication token. Default: "".
func WithToken(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_token(o, cs, e)
		})
	}
}

// WithNkeySeed - User NKey seed (SU...); the public key is derived from it. Default: "".
func WithNkeySeed(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_nkey_seed(o, cs, e)
		})
	}
}

// WithCredsFile - Path of a .creds file (JWT and NKey seed, as written by nsc). Default: "".
func WithCredsFile(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_creds_file(o, cs, e)
		})
	}
}

// WithTLS - Require TLS (also implied by a tls:// URL or a server that requires it). Default:
// false.
func WithTLS(v bool) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_tls(o, cbool(v), e)
		})
	}
}

// WithTLSCAFile - CA certificates to trust; the system store when empty. Default: "".
func WithTLSCAFile(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_tls_ca_file(o, cs, e)
		})
	}
}

// WithTLSCertFile - Client certificate (mutual TLS). Default: "".
func WithTLSCertFile(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_tls_cert_file(o, cs, e)
		})
	}
}

// WithTLSKeyFile - Client private key (mutual TLS). Default: "".
func WithTLSKeyFile(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_tls_key_file(o, cs, e)
		})
	}
}

// WithTLSVerify - Verify the server's certificate chain. Default: true.
func WithTLSVerify(v bool) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_tls_verify(o, cbool(v), e)
		})
	}
}

// WithTLSVerifyHostname - Check that the certificate names the host dialled. Default: true.
func WithTLSVerifyHostname(v bool) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_tls_verify_hostname(o, cbool(v), e)
		})
	}
}

// WithTLSHandshakeFirst - Start TLS before the server's INFO (server option handshake_first).
// Default: false.
func WithTLSHandshakeFirst(v bool) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_tls_handshake_first(o, cbool(v), e)
		})
	}
}

// WithRandomize - Shuffle the server list, the first connect too. Default: true.
func WithRandomize(v bool) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_randomize(o, cbool(v), e)
		})
	}
}

// WithConnectTimeout - Time allowed for each connection attempt. Default: 2000ms.
func WithConnectTimeout(v time.Duration) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_connect_timeout_ms(o, C.int64_t(v.Milliseconds()), e)
		})
	}
}

// WithReconnect - Reconnect when the connection is lost. Default: true.
func WithReconnect(v bool) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_reconnect(o, cbool(v), e)
		})
	}
}

// WithMaxReconnectAttempts - Attempts per server before giving up; -1 retries forever. Default: 60.
func WithMaxReconnectAttempts(v int) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_max_reconnect_attempts(o, C.int64_t(v), e)
		})
	}
}

// WithReconnectWait - Base backoff between attempts at the same server. Default: 2000ms.
func WithReconnectWait(v time.Duration) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_reconnect_wait_ms(o, C.int64_t(v.Milliseconds()), e)
		})
	}
}

// WithReconnectWaitMax - Cap of the exponential backoff. Default: 8000ms.
func WithReconnectWaitMax(v time.Duration) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_reconnect_wait_max_ms(o, C.int64_t(v.Milliseconds()), e)
		})
	}
}

// WithReconnectJitter - Random extra wait per attempt, plain TCP. Default: 100ms.
func WithReconnectJitter(v time.Duration) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_reconnect_jitter_ms(o, C.int64_t(v.Milliseconds()), e)
		})
	}
}

// WithReconnectJitterTLS - Random extra wait per attempt, TLS. Default: 1000ms.
func WithReconnectJitterTLS(v time.Duration) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_reconnect_jitter_tls_ms(o, C.int64_t(v.Milliseconds()), e)
		})
	}
}

// WithReconnectBufferSize - Bytes of publishes kept while disconnected; 0 makes publishing fail
// while down. Default: 8388608.
func WithReconnectBufferSize(v int) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_reconnect_buffer_size(o, C.int64_t(v), e)
		})
	}
}

// WithPingInterval - Keepalive PING interval. Default: 120000ms.
func WithPingInterval(v time.Duration) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_ping_interval_ms(o, C.int64_t(v.Milliseconds()), e)
		})
	}
}

// WithMaxPingsOut - Unanswered PINGs before the connection is declared stale. Default: 2.
func WithMaxPingsOut(v int) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_max_pings_out(o, C.int64_t(v), e)
		})
	}
}

// WithNoEcho - Do not receive this connection's own messages. Default: false.
func WithNoEcho(v bool) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_no_echo(o, cbool(v), e)
		})
	}
}

// WithInboxPrefix - Prefix of reply subjects. Default: "_INBOX".
func WithInboxPrefix(v string) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			cs := C.CString(v)
			defer C.free(unsafe.Pointer(cs))
			return C.nervure_options_set_inbox_prefix(o, cs, e)
		})
	}
}

// WithIgnoreDiscoveredServers - Use only the servers given, not those the cluster announces.
// Default: false.
func WithIgnoreDiscoveredServers(v bool) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_ignore_discovered_servers(o, cbool(v), e)
		})
	}
}

// WithPendingMsgsLimit - Default per-subscription queue limit in messages; -1 unlimited. Default:
// 524288.
func WithPendingMsgsLimit(v int) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_pending_msgs_limit(o, C.int64_t(v), e)
		})
	}
}

// WithPendingBytesLimit - Default per-subscription queue limit in bytes; -1 unlimited. Default:
// 67108864.
func WithPendingBytesLimit(v int) Option {
	return func(c *config) {
		c.native = append(c.native, func(o *C.nervure_options, e **C.char) C.nervure_status {
			return C.nervure_options_set_pending_bytes_limit(o, C.int64_t(v), e)
		})
	}
}

// ---- records ----

// ActorStats - Counters of an actor host.
type ActorStats struct {
	// Calls - Call turns completed.
	Calls uint64
	// FailedCalls - Of which ended with an error.
	FailedCalls uint64
	// Activations - Actors activated.
	Activations uint64
	// Deactivations - Actors deactivated.
	Deactivations uint64
	// ActiveActors - Actors active now.
	ActiveActors int64
	// OwnedPartitions - Partitions this host serves now.
	OwnedPartitions int64
}

func actorStatsFrom(s *C.nervure_actor_stats) ActorStats {
	var v ActorStats
	v.Calls = uint64(s.calls)
	v.FailedCalls = uint64(s.failed_calls)
	v.Activations = uint64(s.activations)
	v.Deactivations = uint64(s.deactivations)
	v.ActiveActors = int64(s.active_actors)
	v.OwnedPartitions = int64(s.owned_partitions)
	return v
}

// ActorMethodStatsList - Per-call metrics of a host by actor type and method, since it started; the
// method "$activate" counts activations.
type ActorMethodStatsList struct {
	// Methods - Records of actor_type, method, calls, failed, wait and run (p50_us, p90_us, p99_us,
	// max_us, mean_us: microseconds waited for the turn, and the turn itself with its state save), in
	// name order.
	Methods string `json:"methods"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func actorMethodStatsListFrom(s *C.char) ActorMethodStatsList {
	var v ActorMethodStatsList
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// Stats - Traffic counters of a connection since it was made.
type Stats struct {
	// InMsgs - Messages received.
	InMsgs uint64
	// InBytes - Payload bytes received.
	InBytes uint64
	// OutMsgs - Messages published.
	OutMsgs uint64
	// OutBytes - Payload bytes published.
	OutBytes uint64
	// Reconnects - Times the connection was re-established.
	Reconnects uint64
}

func statsFrom(s *C.nervure_stats) Stats {
	var v Stats
	v.InMsgs = uint64(s.in_msgs)
	v.InBytes = uint64(s.in_bytes)
	v.OutMsgs = uint64(s.out_msgs)
	v.OutBytes = uint64(s.out_bytes)
	v.Reconnects = uint64(s.reconnects)
	return v
}

// ServerInfo - The INFO of the server in use, as it sent it (JSON). The fields every language can
// rely on:
type ServerInfo struct {
	// ServerID - Unique id of the server.
	ServerID string `json:"server_id"`
	// ServerName - Its configured name.
	ServerName string `json:"server_name"`
	// Version - nats-server version.
	Version string `json:"version"`
	// MaxPayload - Largest message it accepts.
	MaxPayload int64 `json:"max_payload"`
	// Headers - Whether it supports headers.
	Headers bool `json:"headers"`
	// JetStream - Whether JetStream is enabled.
	JetStream bool `json:"jetstream"`
	// Cluster - Cluster name, when clustered.
	Cluster string `json:"cluster"`
	// ConnectUrls - Other servers of the cluster a client may use.
	ConnectUrls []string `json:"connect_urls"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func serverInfoFrom(s *C.char) ServerInfo {
	var v ServerInfo
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// Msg - A received message. Messages cross the boundary in batches; each language builds its own
// objects and reads only the fields it needs. Responding is publishing to reply.
type Msg struct {
	// Subject - Subject it was published to.
	Subject string
	// Reply - Reply subject, empty when none.
	Reply string
	// Data - Payload.
	Data []byte
	// Header - Headers in order, multi-valued, keys as sent.
	Header Header
	// Status - Status of a server-generated message (503 no responders, 408, 100...), 0 otherwise.
	Status int64

	conn *Conn
}

// msgReader turns batches of message into Go values, one crossing per batch;
// it keeps the last strings seen so that repeated ones are not allocated again.
type msgReader struct {
	views []C.nv_message_view
	last  [2]string // by string field, in the order of the definition
}

func (r *msgReader) read(b *C.nervure_message_batch, conn *Conn) []Msg {
	if r.views == nil {
		r.views = cArray[C.nv_message_view](batchMax)
	}
	first := &r.views[0] // not in the call: see cArray
	n := int(C.nv_message_read(b, first, C.size_t(len(r.views))))
	if n == 0 {
		return nil
	}
	out := make([]Msg, n)
	total := 0
	for i := 0; i < n; i++ {
		total += int(r.views[i].data_len)
	}
	slab := make([]byte, total)
	off := 0
	for i := 0; i < n; i++ {
		v := &r.views[i]
		m := &out[i]
		m.conn = conn
		m.Subject = r.str(0, v.subject, v.subject_len)
		m.Reply = r.str(1, v.reply, v.reply_len)
		if l := int(v.data_len); l > 0 {
			copy(slab[off:off+l], unsafe.Slice((*byte)(v.data), l))
			m.Data = slab[off : off+l : off+l]
			off += l
		}
		if hn := int(v.headers_count); hn > 0 {
			kv := make([]*C.char, 2*hn)
			C.nv_message_headers(b, C.size_t(i), &kv[0], C.size_t(hn))
			m.Header = make(Header, hn)
			for h := 0; h < hn; h++ {
				k := C.GoString(kv[2*h])
				m.Header[k] = append(m.Header[k], C.GoString(kv[2*h+1]))
			}
		}
		m.Status = int64(v.status)
	}
	return out
}

func (r *msgReader) str(field int, p *C.char, n C.size_t) string {
	if n == 0 {
		return ""
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(p)), int(n))
	if s := r.last[field]; s == string(b) {
		return s
	}
	s := string(b)
	r.last[field] = s
	return s
}

// AccountInfo - The account's JetStream usage and limits (the server's JSON).
type AccountInfo struct {
	// Memory - Memory used, bytes.
	Memory uint64 `json:"memory"`
	// Storage - Storage used, bytes.
	Storage uint64 `json:"storage"`
	// Streams - Streams.
	Streams int64 `json:"streams"`
	// Consumers - Consumers.
	Consumers int64 `json:"consumers"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func accountInfoFrom(s *C.char) AccountInfo {
	var v AccountInfo
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// StreamInfo - A stream: its config, state and cluster (the server's JSON).
type StreamInfo struct {
	// Config - The configuration (an object).
	Config string `json:"config"`
	// State - messages, bytes, first_seq, last_seq, consumer_count (an object).
	State string `json:"state"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func streamInfoFrom(s *C.char) StreamInfo {
	var v StreamInfo
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// ConsumerInfo - A consumer: its config and delivery state (the server's JSON).
type ConsumerInfo struct {
	// StreamName - Its stream.
	StreamName string `json:"stream_name"`
	// Name - Its name.
	Name string `json:"name"`
	// NumPending - Messages not yet delivered.
	NumPending uint64 `json:"num_pending"`
	// NumAckPending - Delivered, not yet acknowledged.
	NumAckPending uint64 `json:"num_ack_pending"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func consumerInfoFrom(s *C.char) ConsumerInfo {
	var v ConsumerInfo
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// StoredMessage - A message as the stream stored it; data is base64.
type StoredMessage struct {
	// Subject - Subject.
	Subject string `json:"subject"`
	// Seq - Stream sequence.
	Seq uint64 `json:"seq"`
	// Data - Payload, base64.
	Data string `json:"data"`
	// Time - When stored, RFC 3339.
	Time string `json:"time"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func storedMessageFrom(s *C.char) StoredMessage {
	var v StoredMessage
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// NameList - Names (of streams, consumers, buckets, keys).
type NameList struct {
	// Names - The names.
	Names []string `json:"names"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func nameListFrom(s *C.char) NameList {
	var v NameList
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// StreamList - Streams, each as stream_info.
type StreamList struct {
	// Streams - The stream_info records (a list).
	Streams string `json:"streams"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func streamListFrom(s *C.char) StreamList {
	var v StreamList
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// MsgMetadata - Delivery metadata of a JetStream message, from its reply subject.
type MsgMetadata struct {
	// Stream - Stream.
	Stream string `json:"stream"`
	// Consumer - Consumer.
	Consumer string `json:"consumer"`
	// StreamSeq - Stream sequence.
	StreamSeq uint64 `json:"stream_seq"`
	// ConsumerSeq - Consumer sequence.
	ConsumerSeq uint64 `json:"consumer_seq"`
	// NumDelivered - Deliveries so far, this one included.
	NumDelivered uint64 `json:"num_delivered"`
	// NumPending - Messages left for the consumer.
	NumPending uint64 `json:"num_pending"`
	// TimestampNs - When stored, nanoseconds since the epoch.
	TimestampNs int64 `json:"timestamp_ns"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func msgMetadataFrom(s *C.char) MsgMetadata {
	var v MsgMetadata
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// KVRecord - A stored value as it crosses (empty object when there is none); value is base64.
type KVRecord struct {
	// Key - Key.
	Key string `json:"key"`
	// Value - Value, base64.
	Value string `json:"value"`
	// Revision - Revision.
	Revision uint64 `json:"revision"`
	// Operation - PUT, DEL or PURGE.
	Operation string `json:"operation"`
	// Created - RFC 3339.
	Created string `json:"created"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func kVRecordFrom(s *C.char) KVRecord {
	var v KVRecord
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// KVEntryList - Entries, oldest first, as kv_record.
type KVEntryList struct {
	// Entries - The kv_record objects (a list).
	Entries string `json:"entries"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func kVEntryListFrom(s *C.char) KVEntryList {
	var v KVEntryList
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// KVStatus - A bucket's state.
type KVStatus struct {
	// Bucket - Bucket.
	Bucket string `json:"bucket"`
	// Values - Stored values, history included.
	Values uint64 `json:"values"`
	// History - Values kept per key.
	History int64 `json:"history"`
	// TTL - Value lifetime, nanoseconds; 0: forever.
	TTL int64 `json:"ttl"`
	// Raw is the JSON as the library handed it over (every field the server sent).
	Raw json.RawMessage `json:"-"`
}

func kVStatusFrom(s *C.char) KVStatus {
	var v KVStatus
	if s == nil {
		return v
	}
	raw := C.GoString(s)
	C.nervure_free_string(s)
	_ = json.Unmarshal([]byte(raw), &v)
	v.Raw = json.RawMessage(raw)
	return v
}

// ---- objects ----

// ActorHost - Hosts actor types whose turns run in this language: turns() delivers them in batches;
// each ends with complete().
type ActorHost struct {
	h    *C.nervure_actor_host
	conn *Conn
}

func wrapActorHost(conn *Conn, h *C.nervure_actor_host) *ActorHost {
	x := &ActorHost{h: h, conn: conn}
	// The C ABI has no destroy call for this handle yet: it lives as long as the process.
	return x
}

// JetStream - A JetStream context.
type JetStream struct {
	h    *C.nervure_jetstream
	conn *Conn
}

func wrapJetStream(conn *Conn, h *C.nervure_jetstream) *JetStream {
	x := &JetStream{h: h, conn: conn}
	// The C ABI has no destroy call for this handle yet: it lives as long as the process.
	return x
}

// KeyValue - A key-value bucket.
type KeyValue struct {
	h    *C.nervure_key_value
	conn *Conn
}

func wrapKeyValue(conn *Conn, h *C.nervure_key_value) *KeyValue {
	x := &KeyValue{h: h, conn: conn}
	// The C ABI has no destroy call for this handle yet: it lives as long as the process.
	return x
}

// ---- defaults of the definition's arguments ----

const defaultConnectionActorHostIdleTimeout = 3600000 * time.Millisecond
const defaultConnectionActorHostCallTimeout = 60000 * time.Millisecond
const defaultConnectionActorHostMaxReentrancyDepth = 32
const defaultConnectionActorHostLeaseTTL = 10000 * time.Millisecond
const defaultConnectionActorHostPartitions = 32
const defaultConnectionActorHostWorkers = 4
const defaultConnectionActorInvokeTimeout = 5000 * time.Millisecond
const defaultConnectionActorInvokePartitions = 32
const defaultConnectionActorTellTimeout = 5000 * time.Millisecond
const defaultConnectionSubscribeMaxMsgs = 0
const defaultConnectionSubscribePendingMsgsLimit = 0
const defaultConnectionSubscribePendingBytesLimit = 0
const defaultConnectionRequestTimeout = 2000 * time.Millisecond
const defaultConnectionFlushTimeout = 10000 * time.Millisecond
const defaultConnectionDrainTimeout = 30000 * time.Millisecond
const defaultConnectionJetStreamTimeout = 5000 * time.Millisecond
const defaultActorHostStopTimeout = 10000 * time.Millisecond
const defaultActorHostInvokeTimeout = 5000 * time.Millisecond
const defaultSubscriptionDrainTimeout = 30000 * time.Millisecond
const defaultJetStreamPurgeStreamKeep = 0
const defaultJetStreamPurgeStreamUpToSeq = 0
const defaultJetStreamGetMsgSeq = 0
const defaultJetStreamPublishExpectedLastSeq = -1
const defaultJetStreamPublishExpectedLastSubjectSeq = -1
const defaultJetStreamPublishTTL = 0 * time.Millisecond
const defaultJetStreamPublishTimeout = 0 * time.Millisecond
const defaultJetStreamPublishAsyncCompleteTimeout = 5000 * time.Millisecond
const defaultJetStreamFetchBatch = 1
const defaultJetStreamFetchExpires = 5000 * time.Millisecond
const defaultJetStreamConsumeMaxMessages = 0
const defaultJetStreamConsumeExpires = 30000 * time.Millisecond
const defaultJetStreamConsumeIdleHeartbeat = 0 * time.Millisecond
const defaultJetStreamOrderedConsumerOptStartSeq = 0
const defaultJetStreamAckDelay = 0 * time.Millisecond
const defaultJetStreamAckSyncTimeout = 5000 * time.Millisecond
const defaultKeyValueGetRevision = 0
const defaultKeyValueCreateTTL = 0 * time.Millisecond
const defaultKeyValueDeleteLastRevision = 0
const defaultKeyValuePurgeTTL = 0 * time.Millisecond

// ---- operations ----

// opActorHost calls nervure_connection_actor_host: A host for actor types in this process. Register types, then start; turns arrive on turns().
func (x *Conn) opActorHost(idleTimeout time.Duration, callTimeout time.Duration, reentrancy bool, maxReentrancyDepth int, leaseTTL time.Duration, partitions int, workers int, hostID string, leaseBucket string, stateBucket string) (*ActorHost, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, hostIDOff := addStr(sb, hostID)
	sb, leaseBucketOff := addStr(sb, leaseBucket)
	sb, stateBucketOff := addStr(sb, stateBucket)
	r := C.nv_connection_actor_host(x.h, C.int64_t(idleTimeout.Milliseconds()), C.int64_t(callTimeout.Milliseconds()), cbool(reentrancy), C.int64_t(maxReentrancyDepth), C.int64_t(leaseTTL.Milliseconds()), C.int64_t(partitions), C.int64_t(workers), strAt(sb, hostIDOff), strAt(sb, leaseBucketOff), strAt(sb, stateBucketOff))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapActorHost(x, r.out), nil
}

// ActorHost - A host for actor types in this process. Register types, then start; turns arrive on
// turns(). Fails with ErrNervure.
func (x *Conn) ActorHost(idleTimeout time.Duration, callTimeout time.Duration, reentrancy bool, maxReentrancyDepth int, leaseTTL time.Duration, partitions int, workers int, hostID string, leaseBucket string, stateBucket string) (*ActorHost, error) {
	return x.opActorHost(idleTimeout, callTimeout, reentrancy, maxReentrancyDepth, leaseTTL, partitions, workers, hostID, leaseBucket, stateBucket)
}

// startActorInvoke starts nervure_connection_actor_invoke: it completes into w or, without
// one, through the connection's poller with op's token.
func (x *Conn) startActorInvoke(w *waiter, op *pendingOp, actorType string, actorID string, method string, args []byte, timeout time.Duration, partitions int) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, actorTypeOff := addStr(sb, actorType)
	sb, actorIDOff := addStr(sb, actorID)
	sb, methodOff := addStr(sb, method)
	r := C.nv_connection_actor_invoke(x.h, strAt(sb, actorTypeOff), strAt(sb, actorIDOff), strAt(sb, methodOff), bytesPtr(args), C.size_t(len(args)), C.int64_t(timeout.Milliseconds()), C.int64_t(partitions), w.native(), C.uint64_t(op.token))
	return errorOf(&r.e)
}

// opActorInvoke calls nervure_connection_actor_invoke: Calls a method of an actor (one turn) and completes with its result in the message data. Arguments and result are MessagePack.
func (x *Conn) opActorInvoke(ctx context.Context, actorType string, actorID string, method string, args []byte, timeout time.Duration, partitions int) (*Msg, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	w, op := x.startAsync()
	if err := x.startActorInvoke(w, op, actorType, actorID, method, args, timeout, partitions); err != nil {
		x.abortAsync(w, op)
		return nil, err
	}
	return x.finishAsync(ctx, w, op)
}

// ActorInvoke - Calls a method of an actor (one turn) and completes with its result in the message
// data. Arguments and result are MessagePack. It blocks until the answer arrives or ctx ends (the
// operation is then cancelled). Fails with ErrActor, ErrTimeout, ErrNoResponders,
// ErrConnectionClosed.
func (x *Conn) ActorInvoke(ctx context.Context, actorType string, actorID string, method string, args []byte, timeout time.Duration, partitions int) (*Msg, error) {
	return x.opActorInvoke(ctx, actorType, actorID, method, args, timeout, partitions)
}

// startActorTell starts nervure_connection_actor_tell: it completes into w or, without
// one, through the connection's poller with op's token.
func (x *Conn) startActorTell(w *waiter, op *pendingOp, actorType string, actorID string, method string, args []byte, dedupID string, timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, actorTypeOff := addStr(sb, actorType)
	sb, actorIDOff := addStr(sb, actorID)
	sb, methodOff := addStr(sb, method)
	sb, dedupIDOff := addStr(sb, dedupID)
	r := C.nv_connection_actor_tell(x.h, strAt(sb, actorTypeOff), strAt(sb, actorIDOff), strAt(sb, methodOff), bytesPtr(args), C.size_t(len(args)), strAt(sb, dedupIDOff), C.int64_t(timeout.Milliseconds()), w.native(), C.uint64_t(op.token))
	return errorOf(&r.e)
}

// opActorTell calls nervure_connection_actor_tell: Fire and forget, durably: stores a call in the hosts' tell stream and completes once it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id within 2 minutes are stored once.
func (x *Conn) opActorTell(ctx context.Context, actorType string, actorID string, method string, args []byte, dedupID string, timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	w, op := x.startAsync()
	if err := x.startActorTell(w, op, actorType, actorID, method, args, dedupID, timeout); err != nil {
		x.abortAsync(w, op)
		return err
	}
	_, err := x.finishAsync(ctx, w, op)
	return err
}

// ActorTell - Fire and forget, durably: stores a call in the hosts' tell stream and completes once
// it is stored; the call runs at least once, its result dropped. Calls with the same dedup_id
// within 2 minutes are stored once. It blocks until the answer arrives or ctx ends (the operation
// is then cancelled). Fails with ErrNoResponders, ErrTimeout, ErrJetStreamAPI, ErrConnectionClosed.
func (x *Conn) ActorTell(ctx context.Context, actorType string, actorID string, method string, args []byte, dedupID string, timeout time.Duration) error {
	return x.opActorTell(ctx, actorType, actorID, method, args, dedupID, timeout)
}

// opPublish calls nervure_connection_publish: Publish a message; fire and forget.
func (x *Conn) opPublish(subject string, data []byte, reply string, headers Header) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, subjectOff := addStr(sb, subject)
	sb, replyOff := addStr(sb, reply)
	headersH, err := cHeaders(headers)
	if err != nil {
		return err
	}
	if headersH != nil {
		defer C.nv_headers_free(headersH)
	}
	r := C.nv_connection_publish(x.h, strAt(sb, subjectOff), bytesPtr(data), C.size_t(len(data)), strAt(sb, replyOff), headersH)
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// opSubscribe calls nervure_connection_subscribe: Subscribe to a subject (wildcards * and > allowed), optionally in a queue group.
func (x *Conn) opSubscribe(subject string, queue string, maxMsgs int, pendingMsgsLimit int, pendingBytesLimit int) (*Subscription, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, subjectOff := addStr(sb, subject)
	sb, queueOff := addStr(sb, queue)
	r := C.nv_connection_subscribe(x.h, strAt(sb, subjectOff), strAt(sb, queueOff), C.int64_t(maxMsgs), C.int64_t(pendingMsgsLimit), C.int64_t(pendingBytesLimit))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapSubscription(x, r.out), nil
}

// startRequest starts nervure_connection_request: it completes into w or, without
// one, through the connection's poller with op's token.
func (x *Conn) startRequest(w *waiter, op *pendingOp, subject string, data []byte, timeout time.Duration, headers Header) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, subjectOff := addStr(sb, subject)
	headersH, err := cHeaders(headers)
	if err != nil {
		return err
	}
	if headersH != nil {
		defer C.nv_headers_free(headersH)
	}
	r := C.nv_connection_request(x.h, strAt(sb, subjectOff), bytesPtr(data), C.size_t(len(data)), C.int64_t(timeout.Milliseconds()), headersH, w.native(), C.uint64_t(op.token))
	return errorOf(&r.e)
}

// opRequest calls nervure_connection_request: Send a request and wait for one reply.
func (x *Conn) opRequest(ctx context.Context, subject string, data []byte, timeout time.Duration, headers Header) (*Msg, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	w, op := x.startAsync()
	if err := x.startRequest(w, op, subject, data, timeout, headers); err != nil {
		x.abortAsync(w, op)
		return nil, err
	}
	return x.finishAsync(ctx, w, op)
}

// startFlush starts nervure_connection_flush: it completes into w or, without
// one, through the connection's poller with op's token.
func (x *Conn) startFlush(w *waiter, op *pendingOp, timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_flush(x.h, C.int64_t(timeout.Milliseconds()), w.native(), C.uint64_t(op.token))
	return errorOf(&r.e)
}

// opFlush calls nervure_connection_flush: Round trip to the server: everything published before has been processed.
func (x *Conn) opFlush(ctx context.Context, timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	w, op := x.startAsync()
	if err := x.startFlush(w, op, timeout); err != nil {
		x.abortAsync(w, op)
		return err
	}
	_, err := x.finishAsync(ctx, w, op)
	return err
}

// opDrain calls nervure_connection_drain: Drain every subscription, flush what was published, then close.
func (x *Conn) opDrain(timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_drain(x.h, C.int64_t(timeout.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// opClose calls nervure_connection_close: Close now; pending requests fail with ConnectionClosedError.
func (x *Conn) opClose() error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_close(x.h)
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// opIsConnected calls nervure_connection_is_connected: Whether the connection is up.
func (x *Conn) opIsConnected() (bool, error) {
	if x == nil || x.h == nil {
		return false, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_is_connected(x.h)
	if err := errorOf(&r.e); err != nil {
		return false, err
	}
	return r.out != 0, nil
}

// IsConnected - Whether the connection is up.
func (x *Conn) IsConnected() bool {
	v, _ := x.opIsConnected()
	return v
}

// opIsReconnecting calls nervure_connection_is_reconnecting: Whether the connection is down and trying to come back.
func (x *Conn) opIsReconnecting() (bool, error) {
	if x == nil || x.h == nil {
		return false, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_is_reconnecting(x.h)
	if err := errorOf(&r.e); err != nil {
		return false, err
	}
	return r.out != 0, nil
}

// IsReconnecting - Whether the connection is down and trying to come back.
func (x *Conn) IsReconnecting() bool {
	v, _ := x.opIsReconnecting()
	return v
}

// opIsClosed calls nervure_connection_is_closed: Whether the connection was closed.
func (x *Conn) opIsClosed() (bool, error) {
	if x == nil || x.h == nil {
		return false, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_is_closed(x.h)
	if err := errorOf(&r.e); err != nil {
		return false, err
	}
	return r.out != 0, nil
}

// IsClosed - Whether the connection was closed.
func (x *Conn) IsClosed() bool {
	v, _ := x.opIsClosed()
	return v
}

// opStats calls nervure_connection_stats: Messages and bytes in and out, reconnects.
func (x *Conn) opStats() (Stats, error) {
	if x == nil || x.h == nil {
		return Stats{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_stats(x.h)
	if err := errorOf(&r.e); err != nil {
		return Stats{}, err
	}
	return statsFrom(&r.out), nil
}

// Stats - Messages and bytes in and out, reconnects.
func (x *Conn) Stats() Stats {
	v, _ := x.opStats()
	return v
}

// opServerInfo calls nervure_connection_server_info: The server's INFO.
func (x *Conn) opServerInfo() (ServerInfo, error) {
	if x == nil || x.h == nil {
		return ServerInfo{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_server_info(x.h)
	if err := errorOf(&r.e); err != nil {
		return ServerInfo{}, err
	}
	return serverInfoFrom(r.out), nil
}

// ServerInfo - The server's INFO.
func (x *Conn) ServerInfo() ServerInfo {
	v, _ := x.opServerInfo()
	return v
}

// opConnectedURL calls nervure_connection_connected_url: The server in use, or empty while disconnected.
func (x *Conn) opConnectedURL() (string, error) {
	if x == nil || x.h == nil {
		return "", &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_connected_url(x.h)
	if err := errorOf(&r.e); err != nil {
		return "", err
	}
	return takeString(r.out), nil
}

// ConnectedURL - The server in use, or empty while disconnected.
func (x *Conn) ConnectedURL() string {
	v, _ := x.opConnectedURL()
	return v
}

// opNewInbox calls nervure_connection_new_inbox: A fresh unique reply subject.
func (x *Conn) opNewInbox() (string, error) {
	if x == nil || x.h == nil {
		return "", &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_new_inbox(x.h)
	if err := errorOf(&r.e); err != nil {
		return "", err
	}
	return takeString(r.out), nil
}

// NewInbox - A fresh unique reply subject.
func (x *Conn) NewInbox() string {
	v, _ := x.opNewInbox()
	return v
}

// opMaxPayload calls nervure_connection_max_payload: Largest message the server accepts.
func (x *Conn) opMaxPayload() (int, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_connection_max_payload(x.h)
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return int(r.out), nil
}

// MaxPayload - Largest message the server accepts.
func (x *Conn) MaxPayload() int {
	v, _ := x.opMaxPayload()
	return v
}

// opJetStream calls nervure_connection_jetstream: A JetStream context (domain or API prefix for other domains and accounts).
func (x *Conn) opJetStream(domain string, apiPrefix string, timeout time.Duration) (*JetStream, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, domainOff := addStr(sb, domain)
	sb, apiPrefixOff := addStr(sb, apiPrefix)
	r := C.nv_connection_jetstream(x.h, strAt(sb, domainOff), strAt(sb, apiPrefixOff), C.int64_t(timeout.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapJetStream(x, r.out), nil
}

// JetStream - A JetStream context (domain or API prefix for other domains and accounts). Fails with
// ErrInvalidArgument.
func (x *Conn) JetStream(domain string, apiPrefix string, timeout time.Duration) (*JetStream, error) {
	return x.opJetStream(domain, apiPrefix, timeout)
}

// opRegisterType calls nervure_actor_host_register_type: Hosts an actor type (before start).
func (x *ActorHost) opRegisterType(actorType string) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, actorTypeOff := addStr(sb, actorType)
	r := C.nv_actor_host_register_type(x.h, strAt(sb, actorTypeOff))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// RegisterType - Hosts an actor type (before start). Fails with ErrNervure.
func (x *ActorHost) RegisterType(actorType string) error {
	return x.opRegisterType(actorType)
}

// opStart calls nervure_actor_host_start: Creates the buckets if needed, takes partitions and starts serving.
func (x *ActorHost) opStart() error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_actor_host_start(x.h)
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// Start - Creates the buckets if needed, takes partitions and starts serving. It blocks the calling
// goroutine. Fails with ErrJetStreamAPI, ErrNotSupportedByServer, ErrTimeout.
func (x *ActorHost) Start() error {
	return x.opStart()
}

// opStop calls nervure_actor_host_stop: Stops taking calls, finishes queued turns, deactivates every actor and hands the partitions over. Keep running turns meanwhile.
func (x *ActorHost) opStop(timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_actor_host_stop(x.h, C.int64_t(timeout.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// Stop - Stops taking calls, finishes queued turns, deactivates every actor and hands the
// partitions over. Keep running turns meanwhile. It blocks the calling goroutine.
func (x *ActorHost) Stop(timeout time.Duration) error {
	return x.opStop(timeout)
}

// opTurns calls nervure_actor_host_turns: The source of turns: messages whose subject is the method (or reminder name), reply the turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn (activate, call, timer, reminder, deactivate).
func (x *ActorHost) opTurns() (*Subscription, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_actor_host_turns(x.h)
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapSubscription(x.conn, r.out), nil
}

// Turns - The source of turns: messages whose subject is the method (or reminder name), reply the
// turn id, data the arguments, headers Nervure-Actor-Type, Nervure-Actor-Id and Nervure-Turn
// (activate, call, timer, reminder, deactivate).
func (x *ActorHost) Turns() (*Subscription, error) {
	return x.opTurns()
}

// opComplete calls nervure_actor_host_complete: Ends a turn with its result, or with an error the caller receives as ActorError.
func (x *ActorHost) opComplete(turn uint64, result []byte, errorType string, errorMessage string) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, errorTypeOff := addStr(sb, errorType)
	sb, errorMessageOff := addStr(sb, errorMessage)
	r := C.nv_actor_host_complete(x.h, C.uint64_t(turn), bytesPtr(result), C.size_t(len(result)), strAt(sb, errorTypeOff), strAt(sb, errorMessageOff))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// Complete - Ends a turn with its result, or with an error the caller receives as ActorError. Fails
// with ErrNervure.
func (x *ActorHost) Complete(turn uint64, result []byte, errorType string, errorMessage string) error {
	return x.opComplete(turn, result, errorType, errorMessage)
}

// opStateGet calls nervure_actor_host_state_get: A state value during a turn; empty when absent (see state_contains).
func (x *ActorHost) opStateGet(turn uint64, key string) ([]byte, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_actor_host_state_get(x.h, C.uint64_t(turn), strAt(sb, keyOff))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return takeBytes(r.out, r.out_len), nil
}

// StateGet - A state value during a turn; empty when absent (see state_contains). Fails with
// ErrNervure.
func (x *ActorHost) StateGet(turn uint64, key string) ([]byte, error) {
	return x.opStateGet(turn, key)
}

// opStateContains calls nervure_actor_host_state_contains: Whether the actor's state has the key.
func (x *ActorHost) opStateContains(turn uint64, key string) (bool, error) {
	if x == nil || x.h == nil {
		return false, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_actor_host_state_contains(x.h, C.uint64_t(turn), strAt(sb, keyOff))
	if err := errorOf(&r.e); err != nil {
		return false, err
	}
	return r.out != 0, nil
}

// StateContains - Whether the actor's state has the key. Fails with ErrNervure.
func (x *ActorHost) StateContains(turn uint64, key string) (bool, error) {
	return x.opStateContains(turn, key)
}

// opStateSet calls nervure_actor_host_state_set: Sets a state value; saved when the turn succeeds.
func (x *ActorHost) opStateSet(turn uint64, key string, value []byte) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_actor_host_state_set(x.h, C.uint64_t(turn), strAt(sb, keyOff), bytesPtr(value), C.size_t(len(value)))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// StateSet - Sets a state value; saved when the turn succeeds. Fails with ErrNervure.
func (x *ActorHost) StateSet(turn uint64, key string, value []byte) error {
	return x.opStateSet(turn, key, value)
}

// opStateRemove calls nervure_actor_host_state_remove: Removes a state value; true when it was there.
func (x *ActorHost) opStateRemove(turn uint64, key string) (bool, error) {
	if x == nil || x.h == nil {
		return false, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_actor_host_state_remove(x.h, C.uint64_t(turn), strAt(sb, keyOff))
	if err := errorOf(&r.e); err != nil {
		return false, err
	}
	return r.out != 0, nil
}

// StateRemove - Removes a state value; true when it was there. Fails with ErrNervure.
func (x *ActorHost) StateRemove(turn uint64, key string) (bool, error) {
	return x.opStateRemove(turn, key)
}

// opStateSave calls nervure_actor_host_state_save: Saves the state now rather than at the end of the turn.
func (x *ActorHost) opStateSave(turn uint64) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_actor_host_state_save(x.h, C.uint64_t(turn))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// StateSave - Saves the state now rather than at the end of the turn. It blocks the calling
// goroutine. Fails with ErrJetStreamAPI, ErrTimeout.
func (x *ActorHost) StateSave(turn uint64) error {
	return x.opStateSave(turn)
}

// opRegisterTimer calls nervure_actor_host_register_timer: Calls method as a turn after due, then every period, while the actor is active.
func (x *ActorHost) opRegisterTimer(turn uint64, name string, method string, due string, period string, args []byte) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, nameOff := addStr(sb, name)
	sb, methodOff := addStr(sb, method)
	sb, dueOff := addStr(sb, due)
	sb, periodOff := addStr(sb, period)
	r := C.nv_actor_host_register_timer(x.h, C.uint64_t(turn), strAt(sb, nameOff), strAt(sb, methodOff), strAt(sb, dueOff), strAt(sb, periodOff), bytesPtr(args), C.size_t(len(args)))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// RegisterTimer - Calls method as a turn after due, then every period, while the actor is active.
// Fails with ErrNervure.
func (x *ActorHost) RegisterTimer(turn uint64, name string, method string, due string, period string, args []byte) error {
	return x.opRegisterTimer(turn, name, method, due, period, args)
}

// opUnregisterTimer calls nervure_actor_host_unregister_timer: Cancels a timer.
func (x *ActorHost) opUnregisterTimer(turn uint64, name string) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, nameOff := addStr(sb, name)
	r := C.nv_actor_host_unregister_timer(x.h, C.uint64_t(turn), strAt(sb, nameOff))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// UnregisterTimer - Cancels a timer. Fails with ErrNervure.
func (x *ActorHost) UnregisterTimer(turn uint64, name string) error {
	return x.opUnregisterTimer(turn, name)
}

// opRegisterReminder calls nervure_actor_host_register_reminder: A durable reminder: survives deactivation, restarts and failover; fires as a reminder turn.
func (x *ActorHost) opRegisterReminder(turn uint64, name string, due string, period string, data []byte) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, nameOff := addStr(sb, name)
	sb, dueOff := addStr(sb, due)
	sb, periodOff := addStr(sb, period)
	r := C.nv_actor_host_register_reminder(x.h, C.uint64_t(turn), strAt(sb, nameOff), strAt(sb, dueOff), strAt(sb, periodOff), bytesPtr(data), C.size_t(len(data)))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// RegisterReminder - A durable reminder: survives deactivation, restarts and failover; fires as a
// reminder turn. It blocks the calling goroutine. Fails with ErrNervure, ErrJetStreamAPI.
func (x *ActorHost) RegisterReminder(turn uint64, name string, due string, period string, data []byte) error {
	return x.opRegisterReminder(turn, name, due, period, data)
}

// opUnregisterReminder calls nervure_actor_host_unregister_reminder: Removes a reminder.
func (x *ActorHost) opUnregisterReminder(turn uint64, name string) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, nameOff := addStr(sb, name)
	r := C.nv_actor_host_unregister_reminder(x.h, C.uint64_t(turn), strAt(sb, nameOff))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// UnregisterReminder - Removes a reminder. It blocks the calling goroutine. Fails with ErrNervure,
// ErrJetStreamAPI.
func (x *ActorHost) UnregisterReminder(turn uint64, name string) error {
	return x.opUnregisterReminder(turn, name)
}

// startInvoke starts nervure_actor_host_invoke: it completes into w or, without
// one, through the connection's poller with op's token.
func (x *ActorHost) startInvoke(w *waiter, op *pendingOp, turn uint64, actorType string, actorID string, method string, args []byte, timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, actorTypeOff := addStr(sb, actorType)
	sb, actorIDOff := addStr(sb, actorID)
	sb, methodOff := addStr(sb, method)
	r := C.nv_actor_host_invoke(x.h, C.uint64_t(turn), strAt(sb, actorTypeOff), strAt(sb, actorIDOff), strAt(sb, methodOff), bytesPtr(args), C.size_t(len(args)), C.int64_t(timeout.Milliseconds()), w.native(), C.uint64_t(op.token))
	return errorOf(&r.e)
}

// opInvoke calls nervure_actor_host_invoke: Calls an actor from inside a turn, within the turn's call chain (so reentrancy can recognise it).
func (x *ActorHost) opInvoke(ctx context.Context, turn uint64, actorType string, actorID string, method string, args []byte, timeout time.Duration) (*Msg, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	w, op := x.conn.startAsync()
	if err := x.startInvoke(w, op, turn, actorType, actorID, method, args, timeout); err != nil {
		x.conn.abortAsync(w, op)
		return nil, err
	}
	return x.conn.finishAsync(ctx, w, op)
}

// Invoke - Calls an actor from inside a turn, within the turn's call chain (so reentrancy can
// recognise it). It blocks until the answer arrives or ctx ends (the operation is then cancelled).
// Fails with ErrActor, ErrTimeout, ErrNoResponders.
func (x *ActorHost) Invoke(ctx context.Context, turn uint64, actorType string, actorID string, method string, args []byte, timeout time.Duration) (*Msg, error) {
	return x.opInvoke(ctx, turn, actorType, actorID, method, args, timeout)
}

// opHostID calls nervure_actor_host_host_id: This host's id.
func (x *ActorHost) opHostID() (string, error) {
	if x == nil || x.h == nil {
		return "", &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_actor_host_host_id(x.h)
	if err := errorOf(&r.e); err != nil {
		return "", err
	}
	return takeString(r.out), nil
}

// HostID - This host's id.
func (x *ActorHost) HostID() string {
	v, _ := x.opHostID()
	return v
}

// opStats calls nervure_actor_host_stats: Counters of this host.
func (x *ActorHost) opStats() (ActorStats, error) {
	if x == nil || x.h == nil {
		return ActorStats{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_actor_host_stats(x.h)
	if err := errorOf(&r.e); err != nil {
		return ActorStats{}, err
	}
	return actorStatsFrom(&r.out), nil
}

// Stats - Counters of this host.
func (x *ActorHost) Stats() ActorStats {
	v, _ := x.opStats()
	return v
}

// opMethodStats calls nervure_actor_host_method_stats: Per-call metrics of this host by actor type and method.
func (x *ActorHost) opMethodStats() (ActorMethodStatsList, error) {
	if x == nil || x.h == nil {
		return ActorMethodStatsList{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_actor_host_method_stats(x.h)
	if err := errorOf(&r.e); err != nil {
		return ActorMethodStatsList{}, err
	}
	return actorMethodStatsListFrom(r.out), nil
}

// MethodStats - Per-call metrics of this host by actor type and method.
func (x *ActorHost) MethodStats() ActorMethodStatsList {
	v, _ := x.opMethodStats()
	return v
}

// opUnsubscribe calls nervure_subscription_unsubscribe: Stop now; queued messages are dropped.
func (x *Subscription) opUnsubscribe() error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_subscription_unsubscribe(x.h)
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// opDrain calls nervure_subscription_drain: Stop interest, let queued messages be consumed, then end.
func (x *Subscription) opDrain(timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_subscription_drain(x.h, C.int64_t(timeout.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// opAutoUnsubscribe calls nervure_subscription_auto_unsubscribe: End after this many messages in total (counting those already delivered).
func (x *Subscription) opAutoUnsubscribe(maxMsgs int) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_subscription_auto_unsubscribe(x.h, C.int64_t(maxMsgs))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// opSetPendingLimits calls nervure_subscription_set_pending_limits: Change the queue limits; -1 unlimited.
func (x *Subscription) opSetPendingLimits(msgsLimit int, bytesLimit int) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_subscription_set_pending_limits(x.h, C.int64_t(msgsLimit), C.int64_t(bytesLimit))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// opPending calls nervure_subscription_pending: Messages queued, not yet consumed.
func (x *Subscription) opPending() (int, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_subscription_pending(x.h)
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return int(r.out), nil
}

// Pending - Messages queued, not yet consumed.
func (x *Subscription) Pending() int {
	v, _ := x.opPending()
	return v
}

// opPendingBytes calls nervure_subscription_pending_bytes: Payload bytes queued, not yet consumed.
func (x *Subscription) opPendingBytes() (int, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_subscription_pending_bytes(x.h)
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return int(r.out), nil
}

// PendingBytes - Payload bytes queued, not yet consumed.
func (x *Subscription) PendingBytes() int {
	v, _ := x.opPendingBytes()
	return v
}

// opDropped calls nervure_subscription_dropped: Messages lost to the pending limits (slow consumer).
func (x *Subscription) opDropped() (int, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_subscription_dropped(x.h)
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return int(r.out), nil
}

// Dropped - Messages lost to the pending limits (slow consumer).
func (x *Subscription) Dropped() int {
	v, _ := x.opDropped()
	return v
}

// opDelivered calls nervure_subscription_delivered: Messages received so far.
func (x *Subscription) opDelivered() (int, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_subscription_delivered(x.h)
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return int(r.out), nil
}

// Delivered - Messages received so far.
func (x *Subscription) Delivered() int {
	v, _ := x.opDelivered()
	return v
}

// opAccountInfo calls nervure_jetstream_account_info: The account's JetStream usage and limits.
func (x *JetStream) opAccountInfo() (AccountInfo, error) {
	if x == nil || x.h == nil {
		return AccountInfo{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_jetstream_account_info(x.h)
	if err := errorOf(&r.e); err != nil {
		return AccountInfo{}, err
	}
	return accountInfoFrom(r.out), nil
}

// AccountInfo - The account's JetStream usage and limits. It blocks the calling goroutine. Fails
// with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) AccountInfo() (AccountInfo, error) {
	return x.opAccountInfo()
}

// opAddStream calls nervure_jetstream_add_stream: Creates a stream from its configuration (the server's JSON).
func (x *JetStream) opAddStream(config string) (StreamInfo, error) {
	if x == nil || x.h == nil {
		return StreamInfo{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, configOff := addStr(sb, config)
	r := C.nv_jetstream_add_stream(x.h, strAt(sb, configOff))
	if err := errorOf(&r.e); err != nil {
		return StreamInfo{}, err
	}
	return streamInfoFrom(r.out), nil
}

// AddStream - Creates a stream from its configuration (the server's JSON). It blocks the calling
// goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument,
// ErrNotSupportedByServer.
func (x *JetStream) AddStream(config string) (StreamInfo, error) {
	return x.opAddStream(config)
}

// opUpdateStream calls nervure_jetstream_update_stream: Changes a stream's configuration.
func (x *JetStream) opUpdateStream(config string) (StreamInfo, error) {
	if x == nil || x.h == nil {
		return StreamInfo{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, configOff := addStr(sb, config)
	r := C.nv_jetstream_update_stream(x.h, strAt(sb, configOff))
	if err := errorOf(&r.e); err != nil {
		return StreamInfo{}, err
	}
	return streamInfoFrom(r.out), nil
}

// UpdateStream - Changes a stream's configuration. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument, ErrNotSupportedByServer.
func (x *JetStream) UpdateStream(config string) (StreamInfo, error) {
	return x.opUpdateStream(config)
}

// opStreamInfo calls nervure_jetstream_stream_info: A stream's configuration and state.
func (x *JetStream) opStreamInfo(name string) (StreamInfo, error) {
	if x == nil || x.h == nil {
		return StreamInfo{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, nameOff := addStr(sb, name)
	r := C.nv_jetstream_stream_info(x.h, strAt(sb, nameOff))
	if err := errorOf(&r.e); err != nil {
		return StreamInfo{}, err
	}
	return streamInfoFrom(r.out), nil
}

// StreamInfo - A stream's configuration and state. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) StreamInfo(name string) (StreamInfo, error) {
	return x.opStreamInfo(name)
}

// opDeleteStream calls nervure_jetstream_delete_stream: Deletes a stream and its messages.
func (x *JetStream) opDeleteStream(name string) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, nameOff := addStr(sb, name)
	r := C.nv_jetstream_delete_stream(x.h, strAt(sb, nameOff))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// DeleteStream - Deletes a stream and its messages. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) DeleteStream(name string) error {
	return x.opDeleteStream(name)
}

// opPurgeStream calls nervure_jetstream_purge_stream: Removes messages (all, one subject's, all but the last keep, or below a sequence); returns how many.
func (x *JetStream) opPurgeStream(name string, subject string, keep int, upToSeq int) (int, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, nameOff := addStr(sb, name)
	sb, subjectOff := addStr(sb, subject)
	r := C.nv_jetstream_purge_stream(x.h, strAt(sb, nameOff), strAt(sb, subjectOff), C.int64_t(keep), C.int64_t(upToSeq))
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return int(r.out), nil
}

// PurgeStream - Removes messages (all, one subject's, all but the last keep, or below a sequence);
// returns how many. It blocks the calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout,
// ErrNoResponders, ErrInvalidArgument, ErrNotSupportedByServer.
func (x *JetStream) PurgeStream(name string, subject string, keep int, upToSeq int) (int, error) {
	return x.opPurgeStream(name, subject, keep, upToSeq)
}

// opStreamNames calls nervure_jetstream_stream_names: Every stream's name, optionally only those bound to subject.
func (x *JetStream) opStreamNames(subject string) (NameList, error) {
	if x == nil || x.h == nil {
		return NameList{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, subjectOff := addStr(sb, subject)
	r := C.nv_jetstream_stream_names(x.h, strAt(sb, subjectOff))
	if err := errorOf(&r.e); err != nil {
		return NameList{}, err
	}
	return nameListFrom(r.out), nil
}

// StreamNames - Every stream's name, optionally only those bound to subject. It blocks the calling
// goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) StreamNames(subject string) (NameList, error) {
	return x.opStreamNames(subject)
}

// opStreams calls nervure_jetstream_streams: Every stream's info, optionally only those bound to subject.
func (x *JetStream) opStreams(subject string) (StreamList, error) {
	if x == nil || x.h == nil {
		return StreamList{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, subjectOff := addStr(sb, subject)
	r := C.nv_jetstream_streams(x.h, strAt(sb, subjectOff))
	if err := errorOf(&r.e); err != nil {
		return StreamList{}, err
	}
	return streamListFrom(r.out), nil
}

// Streams - Every stream's info, optionally only those bound to subject. It blocks the calling
// goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) Streams(subject string) (StreamList, error) {
	return x.opStreams(subject)
}

// opGetMsg calls nervure_jetstream_get_msg: A stored message by sequence, or the last one on a subject.
func (x *JetStream) opGetMsg(stream string, seq int, lastBySubject string) (StoredMessage, error) {
	if x == nil || x.h == nil {
		return StoredMessage{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	sb, lastBySubjectOff := addStr(sb, lastBySubject)
	r := C.nv_jetstream_get_msg(x.h, strAt(sb, streamOff), C.int64_t(seq), strAt(sb, lastBySubjectOff))
	if err := errorOf(&r.e); err != nil {
		return StoredMessage{}, err
	}
	return storedMessageFrom(r.out), nil
}

// GetMsg - A stored message by sequence, or the last one on a subject. It blocks the calling
// goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) GetMsg(stream string, seq int, lastBySubject string) (StoredMessage, error) {
	return x.opGetMsg(stream, seq, lastBySubject)
}

// opDeleteMsg calls nervure_jetstream_delete_msg: Removes one stored message (erase overwrites it on disk).
func (x *JetStream) opDeleteMsg(stream string, seq int, erase bool) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	r := C.nv_jetstream_delete_msg(x.h, strAt(sb, streamOff), C.int64_t(seq), cbool(erase))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// DeleteMsg - Removes one stored message (erase overwrites it on disk). It blocks the calling
// goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) DeleteMsg(stream string, seq int, erase bool) error {
	return x.opDeleteMsg(stream, seq, erase)
}

// startPublish starts nervure_jetstream_publish: it completes into w or, without
// one, through the connection's poller with op's token.
func (x *JetStream) startPublish(w *waiter, op *pendingOp, subject string, data []byte, headers Header, msgID string, expectedStream string, expectedLastSeq int, expectedLastSubjectSeq int, expectedLastMsgID string, ttl time.Duration, timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, subjectOff := addStr(sb, subject)
	sb, msgIDOff := addStr(sb, msgID)
	sb, expectedStreamOff := addStr(sb, expectedStream)
	sb, expectedLastMsgIDOff := addStr(sb, expectedLastMsgID)
	headersH, err := cHeaders(headers)
	if err != nil {
		return err
	}
	if headersH != nil {
		defer C.nv_headers_free(headersH)
	}
	r := C.nv_jetstream_publish(x.h, strAt(sb, subjectOff), bytesPtr(data), C.size_t(len(data)), headersH, strAt(sb, msgIDOff), strAt(sb, expectedStreamOff), C.int64_t(expectedLastSeq), C.int64_t(expectedLastSubjectSeq), strAt(sb, expectedLastMsgIDOff), C.int64_t(ttl.Milliseconds()), C.int64_t(timeout.Milliseconds()), w.native(), C.uint64_t(op.token))
	return errorOf(&r.e)
}

// opPublish calls nervure_jetstream_publish: Publishes to a stream and completes with its acknowledgement (the message data is the PubAck JSON: stream, seq, duplicate).
func (x *JetStream) opPublish(ctx context.Context, subject string, data []byte, headers Header, msgID string, expectedStream string, expectedLastSeq int, expectedLastSubjectSeq int, expectedLastMsgID string, ttl time.Duration, timeout time.Duration) (*Msg, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	w, op := x.conn.startAsync()
	if err := x.startPublish(w, op, subject, data, headers, msgID, expectedStream, expectedLastSeq, expectedLastSubjectSeq, expectedLastMsgID, ttl, timeout); err != nil {
		x.conn.abortAsync(w, op)
		return nil, err
	}
	return x.conn.finishAsync(ctx, w, op)
}

// opPublishAsyncComplete calls nervure_jetstream_publish_async_complete: Waits until every publish has its acknowledgement.
func (x *JetStream) opPublishAsyncComplete(timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_jetstream_publish_async_complete(x.h, C.int64_t(timeout.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// PublishAsyncComplete - Waits until every publish has its acknowledgement. It blocks the calling
// goroutine. Fails with ErrTimeout.
func (x *JetStream) PublishAsyncComplete(timeout time.Duration) error {
	return x.opPublishAsyncComplete(timeout)
}

// opAddConsumer calls nervure_jetstream_add_consumer: Creates a consumer from its configuration (the server's JSON).
func (x *JetStream) opAddConsumer(stream string, config string) (ConsumerInfo, error) {
	if x == nil || x.h == nil {
		return ConsumerInfo{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	sb, configOff := addStr(sb, config)
	r := C.nv_jetstream_add_consumer(x.h, strAt(sb, streamOff), strAt(sb, configOff))
	if err := errorOf(&r.e); err != nil {
		return ConsumerInfo{}, err
	}
	return consumerInfoFrom(r.out), nil
}

// AddConsumer - Creates a consumer from its configuration (the server's JSON). It blocks the
// calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument,
// ErrNotSupportedByServer.
func (x *JetStream) AddConsumer(stream string, config string) (ConsumerInfo, error) {
	return x.opAddConsumer(stream, config)
}

// opUpdateConsumer calls nervure_jetstream_update_consumer: Changes an existing consumer.
func (x *JetStream) opUpdateConsumer(stream string, config string) (ConsumerInfo, error) {
	if x == nil || x.h == nil {
		return ConsumerInfo{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	sb, configOff := addStr(sb, config)
	r := C.nv_jetstream_update_consumer(x.h, strAt(sb, streamOff), strAt(sb, configOff))
	if err := errorOf(&r.e); err != nil {
		return ConsumerInfo{}, err
	}
	return consumerInfoFrom(r.out), nil
}

// UpdateConsumer - Changes an existing consumer. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) UpdateConsumer(stream string, config string) (ConsumerInfo, error) {
	return x.opUpdateConsumer(stream, config)
}

// opConsumerInfo calls nervure_jetstream_consumer_info: A consumer's configuration and state.
func (x *JetStream) opConsumerInfo(stream string, consumer string) (ConsumerInfo, error) {
	if x == nil || x.h == nil {
		return ConsumerInfo{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	sb, consumerOff := addStr(sb, consumer)
	r := C.nv_jetstream_consumer_info(x.h, strAt(sb, streamOff), strAt(sb, consumerOff))
	if err := errorOf(&r.e); err != nil {
		return ConsumerInfo{}, err
	}
	return consumerInfoFrom(r.out), nil
}

// ConsumerInfo - A consumer's configuration and state. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) ConsumerInfo(stream string, consumer string) (ConsumerInfo, error) {
	return x.opConsumerInfo(stream, consumer)
}

// opDeleteConsumer calls nervure_jetstream_delete_consumer: Deletes a consumer.
func (x *JetStream) opDeleteConsumer(stream string, consumer string) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	sb, consumerOff := addStr(sb, consumer)
	r := C.nv_jetstream_delete_consumer(x.h, strAt(sb, streamOff), strAt(sb, consumerOff))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// DeleteConsumer - Deletes a consumer. It blocks the calling goroutine. Fails with ErrJetStreamAPI,
// ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) DeleteConsumer(stream string, consumer string) error {
	return x.opDeleteConsumer(stream, consumer)
}

// opConsumerNames calls nervure_jetstream_consumer_names: The names of a stream's consumers.
func (x *JetStream) opConsumerNames(stream string) (NameList, error) {
	if x == nil || x.h == nil {
		return NameList{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	r := C.nv_jetstream_consumer_names(x.h, strAt(sb, streamOff))
	if err := errorOf(&r.e); err != nil {
		return NameList{}, err
	}
	return nameListFrom(r.out), nil
}

// ConsumerNames - The names of a stream's consumers. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) ConsumerNames(stream string) (NameList, error) {
	return x.opConsumerNames(stream)
}

// opFetch calls nervure_jetstream_fetch: Up to batch messages from a pull consumer, as a source that ends once they are taken.
func (x *JetStream) opFetch(stream string, consumer string, batch int, expires time.Duration, noWait bool) (*Subscription, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	sb, consumerOff := addStr(sb, consumer)
	r := C.nv_jetstream_fetch(x.h, strAt(sb, streamOff), strAt(sb, consumerOff), C.int64_t(batch), C.int64_t(expires.Milliseconds()), cbool(noWait))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapSubscription(x.conn, r.out), nil
}

// Fetch - Up to batch messages from a pull consumer, as a source that ends once they are taken. It
// blocks the calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders,
// ErrInvalidArgument.
func (x *JetStream) Fetch(stream string, consumer string, batch int, expires time.Duration, noWait bool) (*Subscription, error) {
	return x.opFetch(stream, consumer, batch, expires, noWait)
}

// opConsume calls nervure_jetstream_consume: Continuous pull consumption as a source (stop it with unsubscribe).
func (x *JetStream) opConsume(stream string, consumer string, maxMessages int, expires time.Duration, idleHeartbeat time.Duration) (*Subscription, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	sb, consumerOff := addStr(sb, consumer)
	r := C.nv_jetstream_consume(x.h, strAt(sb, streamOff), strAt(sb, consumerOff), C.int64_t(maxMessages), C.int64_t(expires.Milliseconds()), C.int64_t(idleHeartbeat.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapSubscription(x.conn, r.out), nil
}

// Consume - Continuous pull consumption as a source (stop it with unsubscribe). It blocks the
// calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) Consume(stream string, consumer string, maxMessages int, expires time.Duration, idleHeartbeat time.Duration) (*Subscription, error) {
	return x.opConsume(stream, consumer, maxMessages, expires, idleHeartbeat)
}

// opOrderedConsumer calls nervure_jetstream_ordered_consumer: An ordered, self-healing consumer as a source: each message once, in order, no acknowledgements.
func (x *JetStream) opOrderedConsumer(stream string, filterSubject string, deliverPolicy string, optStartSeq int) (*Subscription, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, streamOff := addStr(sb, stream)
	sb, filterSubjectOff := addStr(sb, filterSubject)
	sb, deliverPolicyOff := addStr(sb, deliverPolicy)
	r := C.nv_jetstream_ordered_consumer(x.h, strAt(sb, streamOff), strAt(sb, filterSubjectOff), strAt(sb, deliverPolicyOff), C.int64_t(optStartSeq))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapSubscription(x.conn, r.out), nil
}

// OrderedConsumer - An ordered, self-healing consumer as a source: each message once, in order, no
// acknowledgements. It blocks the calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout,
// ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) OrderedConsumer(stream string, filterSubject string, deliverPolicy string, optStartSeq int) (*Subscription, error) {
	return x.opOrderedConsumer(stream, filterSubject, deliverPolicy, optStartSeq)
}

// opAck calls nervure_jetstream_ack: Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay), term (optionally with a reason, nats-server 2.10+) or in_progress.
func (x *JetStream) opAck(reply string, kind string, delay time.Duration, reason string) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, replyOff := addStr(sb, reply)
	sb, kindOff := addStr(sb, kind)
	sb, reasonOff := addStr(sb, reason)
	r := C.nv_jetstream_ack(x.h, strAt(sb, replyOff), strAt(sb, kindOff), C.int64_t(delay.Milliseconds()), strAt(sb, reasonOff))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// Ack - Acknowledges a JetStream message by its reply subject: ack, nak (optionally after delay),
// term (optionally with a reason, nats-server 2.10+) or in_progress. Fails with ErrInvalidArgument,
// ErrNotSupportedByServer, ErrConnectionClosed.
func (x *JetStream) Ack(reply string, kind string, delay time.Duration, reason string) error {
	return x.opAck(reply, kind, delay, reason)
}

// startAckSync starts nervure_jetstream_ack_sync: it completes into w or, without
// one, through the connection's poller with op's token.
func (x *JetStream) startAckSync(w *waiter, op *pendingOp, reply string, timeout time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, replyOff := addStr(sb, reply)
	r := C.nv_jetstream_ack_sync(x.h, strAt(sb, replyOff), C.int64_t(timeout.Milliseconds()), w.native(), C.uint64_t(op.token))
	return errorOf(&r.e)
}

// opAckSync calls nervure_jetstream_ack_sync: Acknowledges and waits for the server to confirm it.
func (x *JetStream) opAckSync(ctx context.Context, reply string, timeout time.Duration) (*Msg, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	w, op := x.conn.startAsync()
	if err := x.startAckSync(w, op, reply, timeout); err != nil {
		x.conn.abortAsync(w, op)
		return nil, err
	}
	return x.conn.finishAsync(ctx, w, op)
}

// AckSync - Acknowledges and waits for the server to confirm it. It blocks until the answer arrives
// or ctx ends (the operation is then cancelled). Fails with ErrTimeout, ErrInvalidArgument.
func (x *JetStream) AckSync(ctx context.Context, reply string, timeout time.Duration) (*Msg, error) {
	return x.opAckSync(ctx, reply, timeout)
}

// opMetadata calls nervure_jetstream_metadata: Delivery metadata of a JetStream message, from its reply subject.
func (x *JetStream) opMetadata(reply string) (MsgMetadata, error) {
	if x == nil || x.h == nil {
		return MsgMetadata{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, replyOff := addStr(sb, reply)
	r := C.nv_jetstream_metadata(x.h, strAt(sb, replyOff))
	if err := errorOf(&r.e); err != nil {
		return MsgMetadata{}, err
	}
	return msgMetadataFrom(r.out), nil
}

// Metadata - Delivery metadata of a JetStream message, from its reply subject. Fails with
// ErrInvalidArgument.
func (x *JetStream) Metadata(reply string) (MsgMetadata, error) {
	return x.opMetadata(reply)
}

// opCreateKeyValue calls nervure_jetstream_create_key_value: Creates a bucket from its configuration (JSON: bucket, history, ttl in ns, storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata).
func (x *JetStream) opCreateKeyValue(config string) (*KeyValue, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, configOff := addStr(sb, config)
	r := C.nv_jetstream_create_key_value(x.h, strAt(sb, configOff))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapKeyValue(x.conn, r.out), nil
}

// CreateKeyValue - Creates a bucket from its configuration (JSON: bucket, history, ttl in ns,
// storage, replicas, max_value_size, max_bytes, compression, limit_marker_ttl, metadata). It blocks
// the calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders,
// ErrInvalidArgument, ErrNotSupportedByServer.
func (x *JetStream) CreateKeyValue(config string) (*KeyValue, error) {
	return x.opCreateKeyValue(config)
}

// opKeyValue calls nervure_jetstream_key_value: An existing bucket.
func (x *JetStream) opKeyValue(bucket string) (*KeyValue, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, bucketOff := addStr(sb, bucket)
	r := C.nv_jetstream_key_value(x.h, strAt(sb, bucketOff))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapKeyValue(x.conn, r.out), nil
}

// KeyValue - An existing bucket. It blocks the calling goroutine. Fails with ErrJetStreamAPI,
// ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) KeyValue(bucket string) (*KeyValue, error) {
	return x.opKeyValue(bucket)
}

// opDeleteKeyValue calls nervure_jetstream_delete_key_value: Deletes a bucket and its values.
func (x *JetStream) opDeleteKeyValue(bucket string) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, bucketOff := addStr(sb, bucket)
	r := C.nv_jetstream_delete_key_value(x.h, strAt(sb, bucketOff))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// DeleteKeyValue - Deletes a bucket and its values. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) DeleteKeyValue(bucket string) error {
	return x.opDeleteKeyValue(bucket)
}

// opKeyValueNames calls nervure_jetstream_key_value_names: Every bucket's name.
func (x *JetStream) opKeyValueNames() (NameList, error) {
	if x == nil || x.h == nil {
		return NameList{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_jetstream_key_value_names(x.h)
	if err := errorOf(&r.e); err != nil {
		return NameList{}, err
	}
	return nameListFrom(r.out), nil
}

// KeyValueNames - Every bucket's name. It blocks the calling goroutine. Fails with ErrJetStreamAPI,
// ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *JetStream) KeyValueNames() (NameList, error) {
	return x.opKeyValueNames()
}

// opBucket calls nervure_key_value_bucket: The bucket's name.
func (x *KeyValue) opBucket() (string, error) {
	if x == nil || x.h == nil {
		return "", &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_key_value_bucket(x.h)
	if err := errorOf(&r.e); err != nil {
		return "", err
	}
	return takeString(r.out), nil
}

// Bucket - The bucket's name.
func (x *KeyValue) Bucket() string {
	v, _ := x.opBucket()
	return v
}

// opPut calls nervure_key_value_put: Stores a value; returns its revision.
func (x *KeyValue) opPut(key string, value []byte) (uint64, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_key_value_put(x.h, strAt(sb, keyOff), bytesPtr(value), C.size_t(len(value)))
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return uint64(r.out), nil
}

// Put - Stores a value; returns its revision. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *KeyValue) Put(key string, value []byte) (uint64, error) {
	return x.opPut(key, value)
}

// opGet calls nervure_key_value_get: The current value (or a given revision); an empty record when absent or deleted.
func (x *KeyValue) opGet(key string, revision int) (KVRecord, error) {
	if x == nil || x.h == nil {
		return KVRecord{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_key_value_get(x.h, strAt(sb, keyOff), C.int64_t(revision))
	if err := errorOf(&r.e); err != nil {
		return KVRecord{}, err
	}
	return kVRecordFrom(r.out), nil
}

// Get - The current value (or a given revision); an empty record when absent or deleted. It blocks
// the calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders,
// ErrInvalidArgument.
func (x *KeyValue) Get(key string, revision int) (KVRecord, error) {
	return x.opGet(key, revision)
}

// opCreate calls nervure_key_value_create: Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl needs a bucket with limit_marker_ttl.
func (x *KeyValue) opCreate(key string, value []byte, ttl time.Duration) (uint64, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_key_value_create(x.h, strAt(sb, keyOff), bytesPtr(value), C.size_t(len(value)), C.int64_t(ttl.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return uint64(r.out), nil
}

// Create - Stores only when the key is absent or deleted (JetStreamApiError 10071 otherwise); ttl
// needs a bucket with limit_marker_ttl. It blocks the calling goroutine. Fails with
// ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument, ErrNotSupportedByServer.
func (x *KeyValue) Create(key string, value []byte, ttl time.Duration) (uint64, error) {
	return x.opCreate(key, value, ttl)
}

// opUpdate calls nervure_key_value_update: Compare-and-set: stores only when the key's revision is still last_revision (JetStreamApiError 10071 otherwise).
func (x *KeyValue) opUpdate(key string, value []byte, lastRevision uint64) (uint64, error) {
	if x == nil || x.h == nil {
		return 0, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_key_value_update(x.h, strAt(sb, keyOff), bytesPtr(value), C.size_t(len(value)), C.uint64_t(lastRevision))
	if err := errorOf(&r.e); err != nil {
		return 0, err
	}
	return uint64(r.out), nil
}

// Update - Compare-and-set: stores only when the key's revision is still last_revision
// (JetStreamApiError 10071 otherwise). It blocks the calling goroutine. Fails with ErrJetStreamAPI,
// ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *KeyValue) Update(key string, value []byte, lastRevision uint64) (uint64, error) {
	return x.opUpdate(key, value, lastRevision)
}

// opDelete calls nervure_key_value_delete: Deletes the key, keeping its history; with last_revision, only if unchanged.
func (x *KeyValue) opDelete(key string, lastRevision int) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_key_value_delete(x.h, strAt(sb, keyOff), C.int64_t(lastRevision))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// Delete - Deletes the key, keeping its history; with last_revision, only if unchanged. It blocks
// the calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders,
// ErrInvalidArgument.
func (x *KeyValue) Delete(key string, lastRevision int) error {
	return x.opDelete(key, lastRevision)
}

// opPurge calls nervure_key_value_purge: Deletes the key and its history, leaving a purge marker.
func (x *KeyValue) opPurge(key string, ttl time.Duration) error {
	if x == nil || x.h == nil {
		return &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_key_value_purge(x.h, strAt(sb, keyOff), C.int64_t(ttl.Milliseconds()))
	if err := errorOf(&r.e); err != nil {
		return err
	}
	return nil
}

// Purge - Deletes the key and its history, leaving a purge marker. It blocks the calling goroutine.
// Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument,
// ErrNotSupportedByServer.
func (x *KeyValue) Purge(key string, ttl time.Duration) error {
	return x.opPurge(key, ttl)
}

// opKeys calls nervure_key_value_keys: Keys with a current value, optionally matching a filter (wildcards allowed).
func (x *KeyValue) opKeys(filter string) (NameList, error) {
	if x == nil || x.h == nil {
		return NameList{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, filterOff := addStr(sb, filter)
	r := C.nv_key_value_keys(x.h, strAt(sb, filterOff))
	if err := errorOf(&r.e); err != nil {
		return NameList{}, err
	}
	return nameListFrom(r.out), nil
}

// Keys - Keys with a current value, optionally matching a filter (wildcards allowed). It blocks the
// calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *KeyValue) Keys(filter string) (NameList, error) {
	return x.opKeys(filter)
}

// opHistory calls nervure_key_value_history: Every stored value of the key, oldest first.
func (x *KeyValue) opHistory(key string) (KVEntryList, error) {
	if x == nil || x.h == nil {
		return KVEntryList{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keyOff := addStr(sb, key)
	r := C.nv_key_value_history(x.h, strAt(sb, keyOff))
	if err := errorOf(&r.e); err != nil {
		return KVEntryList{}, err
	}
	return kVEntryListFrom(r.out), nil
}

// History - Every stored value of the key, oldest first. It blocks the calling goroutine. Fails
// with ErrJetStreamAPI, ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *KeyValue) History(key string) (KVEntryList, error) {
	return x.opHistory(key)
}

// opWatch calls nervure_key_value_watch: Entries as they change, as a source (subject = key, data = value, headers KV-Operation, KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial values are delivered).
func (x *KeyValue) opWatch(keys string, includeHistory bool, ignoreDeletes bool, metaOnly bool, updatesOnly bool) (*Subscription, error) {
	if x == nil || x.h == nil {
		return nil, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	var sbArr [strStackBytes]byte
	sb := sbArr[:0]
	sb, keysOff := addStr(sb, keys)
	r := C.nv_key_value_watch(x.h, strAt(sb, keysOff), cbool(includeHistory), cbool(ignoreDeletes), cbool(metaOnly), cbool(updatesOnly))
	if err := errorOf(&r.e); err != nil {
		return nil, err
	}
	return wrapSubscription(x.conn, r.out), nil
}

// Watch - Entries as they change, as a source (subject = key, data = value, headers KV-Operation,
// KV-Revision, KV-Delta, KV-Created; one message with header KV-Initial-Done once the initial
// values are delivered). It blocks the calling goroutine. Fails with ErrJetStreamAPI, ErrTimeout,
// ErrNoResponders, ErrInvalidArgument.
func (x *KeyValue) Watch(keys string, includeHistory bool, ignoreDeletes bool, metaOnly bool, updatesOnly bool) (*Subscription, error) {
	return x.opWatch(keys, includeHistory, ignoreDeletes, metaOnly, updatesOnly)
}

// opStatus calls nervure_key_value_status: The bucket's state.
func (x *KeyValue) opStatus() (KVStatus, error) {
	if x == nil || x.h == nil {
		return KVStatus{}, &Error{Status: StatusConnectionClosed, Message: "the handle was released"}
	}
	r := C.nv_key_value_status(x.h)
	if err := errorOf(&r.e); err != nil {
		return KVStatus{}, err
	}
	return kVStatusFrom(r.out), nil
}

// Status - The bucket's state. It blocks the calling goroutine. Fails with ErrJetStreamAPI,
// ErrTimeout, ErrNoResponders, ErrInvalidArgument.
func (x *KeyValue) Status() (KVStatus, error) {
	return x.opStatus()
}
