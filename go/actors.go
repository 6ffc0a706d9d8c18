package nervure

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// ---- calling actors ----

// ActorProxy calls one actor, wherever it is hosted: arguments and results are
// MessagePack, so the actor may be hosted in any language.
type ActorProxy struct {
	conn *Conn
	// Type and ID name the actor.
	Type, ID string
	// Partitions must match the hosts' (default 32).
	Partitions int
	// Timeout bounds each call when ctx has no deadline (default 5s).
	Timeout time.Duration

	turn *ActorContext // calls made from inside a turn keep its call chain
}

// ActorProxy returns a proxy for calls to the actor (actorType, actorID).
func (c *Conn) ActorProxy(actorType, actorID string) *ActorProxy {
	return &ActorProxy{conn: c, Type: actorType, ID: actorID, Partitions: defaultConnectionActorInvokePartitions,
		Timeout: defaultConnectionActorInvokeTimeout}
}

// Invoke calls method (one turn) with at most one argument and returns the
// decoded result. Fails with *ActorError (errors.Is ErrActor) carrying the
// remote error's type, ErrNoResponders when nobody hosts the type, ErrTimeout.
func (p *ActorProxy) Invoke(ctx context.Context, method string, arg ...any) (any, error) {
	data, err := packArg(arg)
	if err != nil {
		return nil, err
	}
	timeout := timeoutOf(ctx, p.Timeout)
	var m *Msg
	if p.turn != nil {
		p.turn.mayWait()
		m, err = p.turn.rt.host.Invoke(ctx, p.turn.turn, p.Type, p.ID, method, data, timeout)
	} else {
		m, err = p.conn.ActorInvoke(ctx, p.Type, p.ID, method, data, timeout, p.Partitions)
	}
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, nil
	}
	return UnmarshalMsgpack(m.Data)
}

// Tell stores a call durably in the hosts' tell stream and returns once it
// is stored; it runs at least once and its result is dropped. Calls with the
// same dedupID within 2 minutes are stored once ("" for none).
func (p *ActorProxy) Tell(ctx context.Context, method string, dedupID string, arg ...any) error {
	data, err := packArg(arg)
	if err != nil {
		return err
	}
	if p.turn != nil {
		p.turn.mayWait()
	}
	return p.conn.ActorTell(ctx, p.Type, p.ID, method, data, dedupID, timeoutOf(ctx, p.Timeout))
}

func packArg(arg []any) ([]byte, error) {
	switch len(arg) {
	case 0:
		return nil, nil
	case 1:
		return MarshalMsgpack(arg[0])
	}
	return nil, &Error{Status: StatusInvalidArgument, Message: "an actor call takes at most one argument"}
}

// ---- hosting actors ----

// ActorMethod is one method of an actor type: it gets the call's argument
// (nil when the caller sent none) and returns the result.
type ActorMethod func(ctx *ActorContext, arg any) (any, error)

// ActorType is an actor type hosted in Go: its methods by name and the
// optional activation, deactivation and reminder hooks.
type ActorType struct {
	// Methods are callable by name.
	Methods map[string]ActorMethod
	// OnActivate runs as the first turn of an activation (state is loaded).
	OnActivate func(ctx *ActorContext) error
	// OnDeactivate runs as the last turn (after idle time or on Stop).
	OnDeactivate func(ctx *ActorContext) error
	// ReceiveReminder runs when a durable reminder fires.
	ReceiveReminder func(ctx *ActorContext, name string, data any) error
}

// ActorRemoteError is what a method returns to give the caller's ActorError
// a type of its own (otherwise the type is the Go error's type).
type ActorRemoteError struct{ Type, Message string }

// Error implements error.
func (e *ActorRemoteError) Error() string { return e.Type + ": " + e.Message }

// ActorOption configures NewActorRuntime.
type ActorOption func(*actorConfig)

type actorConfig struct {
	idle, call, leaseTTL  time.Duration
	reentrancy            bool
	depth, parts, workers int
	hostID, leases, state string
}

// WithActorIdleTimeout deactivates an actor after this long without calls (default 1h).
func WithActorIdleTimeout(d time.Duration) ActorOption { return func(c *actorConfig) { c.idle = d } }

// WithActorCallTimeout bounds one turn (default 1m).
func WithActorCallTimeout(d time.Duration) ActorOption { return func(c *actorConfig) { c.call = d } }

// WithActorReentrancy lets a call chain re-enter an actor, up to depth (off by default).
func WithActorReentrancy(depth int) ActorOption {
	return func(c *actorConfig) { c.reentrancy, c.depth = true, depth }
}

// WithActorPartitions sets the number of placement partitions (default 32; same on every host and caller).
func WithActorPartitions(n int) ActorOption { return func(c *actorConfig) { c.parts = n } }

// WithActorHostID names this host (default: generated).
func WithActorHostID(id string) ActorOption { return func(c *actorConfig) { c.hostID = id } }

// WithActorBuckets names the key-value buckets of leases and state.
func WithActorBuckets(leases, state string) ActorOption {
	return func(c *actorConfig) { c.leases, c.state = leases, state }
}

// ActorRuntime hosts actor types in this process. The host gives an actor one
// turn at a time; turns of different actors run side by side (actor_turns.go).
type ActorRuntime struct {
	conn  *Conn
	host  *ActorHost
	types map[string]ActorType
	turns *Subscription
}

// NewActorRuntime makes a runtime on c; register types, then Start.
func NewActorRuntime(c *Conn, opts ...ActorOption) (*ActorRuntime, error) {
	cfg := actorConfig{idle: defaultConnectionActorHostIdleTimeout, call: defaultConnectionActorHostCallTimeout,
		leaseTTL: defaultConnectionActorHostLeaseTTL, depth: defaultConnectionActorHostMaxReentrancyDepth,
		parts: defaultConnectionActorHostPartitions, workers: defaultConnectionActorHostWorkers,
		leases: "nervure-actor-leases", state: "nervure-actor-state"}
	for _, o := range opts {
		o(&cfg)
	}
	h, err := c.ActorHost(cfg.idle, cfg.call, cfg.reentrancy, cfg.depth, cfg.leaseTTL, cfg.parts, cfg.workers,
		cfg.hostID, cfg.leases, cfg.state)
	if err != nil {
		return nil, err
	}
	return &ActorRuntime{conn: c, host: h, types: map[string]ActorType{}}, nil
}

// HostID is this host's id.
func (r *ActorRuntime) HostID() string { return r.host.HostID() }

// Stats are the host's counters.
func (r *ActorRuntime) Stats() ActorStats { return r.host.Stats() }

// LatencySummary holds latencies in microseconds, within 12.5%; zero when nothing ran.
type LatencySummary struct {
	P50Us  float64 `json:"p50_us"`
	P90Us  float64 `json:"p90_us"`
	P99Us  float64 `json:"p99_us"`
	MaxUs  float64 `json:"max_us"`
	MeanUs float64 `json:"mean_us"`
}

// ActorMethodStats are the per-call metrics of one method of one actor type
// on this host since it started. The method "$activate" counts activations.
type ActorMethodStats struct {
	ActorType string `json:"actor_type"`
	Method    string `json:"method"`
	// Calls counts call turns that ended (tells included); Failed, those that ended with an error.
	Calls  uint64 `json:"calls"`
	Failed uint64 `json:"failed"`
	// Wait runs from the call's arrival at the host to its turn's start; Run is
	// the turn itself, state save included.
	Wait LatencySummary `json:"wait"`
	Run  LatencySummary `json:"run"`
}

// MethodStats returns the per-call metrics by actor type and method, in name order.
func (r *ActorRuntime) MethodStats() ([]ActorMethodStats, error) {
	list, err := r.host.opMethodStats()
	if err != nil {
		return nil, err
	}
	var v struct {
		Methods []ActorMethodStats `json:"methods"`
	}
	if err := json.Unmarshal(list.Raw, &v); err != nil {
		return nil, fmt.Errorf("nervure: actor metrics: %w", err)
	}
	return v.Methods, nil
}

// Register hosts actorType (before Start).
func (r *ActorRuntime) Register(actorType string, t ActorType) error {
	if err := r.host.RegisterType(actorType); err != nil {
		return err
	}
	r.types[actorType] = t
	return nil
}

// Start joins placement and serves the registered types.
func (r *ActorRuntime) Start() error {
	turns, err := r.host.Turns()
	if err != nil {
		return err
	}
	r.turns = turns
	r.startServing(turns)
	return r.host.Start()
}

// Stop stops taking calls, lets queued turns finish, deactivates every actor
// (saving state) and hands the partitions to other hosts.
func (r *ActorRuntime) Stop(timeout time.Duration) error {
	return r.host.Stop(timeout)
}

// ActorContext is what a turn sees: the actor, its state, timers, reminders
// and calls to other actors within the turn's call chain.
type ActorContext struct {
	context.Context
	// Type and ID name the actor.
	Type, ID string

	rt      *ActorRuntime
	turn    uint64
	serving *serving // when the turn runs on the serving goroutine
}

// mayWait is called before the turn waits on the server or another actor:
// serving passes to another goroutine meanwhile.
func (c *ActorContext) mayWait() { c.serving.handOff() }

// onTurn runs one turn; s is the serving goroutine's term when it runs there.
func (r *ActorRuntime) onTurn(m *Msg, s *serving) {
	turn, _ := strconv.ParseUint(m.Reply, 10, 64)
	kind := m.Header.Get("Nervure-Turn")
	ctx := &ActorContext{Context: context.Background(), Type: m.Header.Get("Nervure-Actor-Type"),
		ID: m.Header.Get("Nervure-Actor-Id"), rt: r, turn: turn, serving: s}
	t, ok := r.types[ctx.Type]
	if !ok {
		r.host.Complete(turn, nil, "ActivationError", "actor type "+ctx.Type+" is not hosted here")
		return
	}
	result, err := r.run(ctx, t, kind, m)
	if err != nil {
		typ := fmt.Sprintf("%T", err)
		if re, ok := err.(*ActorRemoteError); ok {
			typ = re.Type
		}
		r.host.Complete(turn, nil, typ, err.Error())
		return
	}
	var data []byte
	if kind == "call" || kind == "" {
		if data, err = MarshalMsgpack(result); err != nil {
			r.host.Complete(turn, nil, "SerializationError", err.Error())
			return
		}
	}
	r.host.Complete(turn, data, "", "")
}

func (r *ActorRuntime) run(ctx *ActorContext, t ActorType, kind string, m *Msg) (result any, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &ActorRemoteError{Type: "panic", Message: fmt.Sprint(p)}
		}
	}()
	switch kind {
	case "activate":
		if t.OnActivate != nil {
			return nil, t.OnActivate(ctx)
		}
		return nil, nil
	case "deactivate":
		if t.OnDeactivate != nil {
			return nil, t.OnDeactivate(ctx)
		}
		return nil, nil
	case "reminder":
		if t.ReceiveReminder == nil {
			return nil, nil
		}
		arg, err := UnmarshalMsgpack(m.Data)
		if err != nil {
			return nil, err
		}
		return nil, t.ReceiveReminder(ctx, m.Subject, arg)
	}
	method, ok := t.Methods[m.Subject]
	if !ok {
		return nil, &ActorRemoteError{Type: "MethodNotFound", Message: fmt.Sprintf("actor %s has no method %q",
			ctx.Type, m.Subject)}
	}
	arg, err := UnmarshalMsgpack(m.Data)
	if err != nil {
		return nil, err
	}
	return method(ctx, arg)
}

// Get returns a state value of the actor and whether it exists.
func (c *ActorContext) Get(key string) (any, bool, error) {
	data, err := c.rt.host.StateGet(c.turn, key)
	if err != nil {
		return nil, false, err
	}
	if len(data) == 0 {
		ok, err := c.rt.host.StateContains(c.turn, key)
		if err != nil || !ok {
			return nil, false, err
		}
	}
	v, err := UnmarshalMsgpack(data)
	return v, err == nil, err
}

// Set sets a state value; saved when the turn succeeds.
func (c *ActorContext) Set(key string, value any) error {
	data, err := MarshalMsgpack(value)
	if err != nil {
		return err
	}
	return c.rt.host.StateSet(c.turn, key, data)
}

// Remove removes a state value; true when it was there.
func (c *ActorContext) Remove(key string) (bool, error) { return c.rt.host.StateRemove(c.turn, key) }

// Save saves the state now rather than at the end of the turn.
func (c *ActorContext) Save() error {
	c.mayWait()
	return c.rt.host.StateSave(c.turn)
}

// RegisterTimer calls method after due, then every period ("" for once),
// while the actor is active. Durations: "1m30s" or ISO 8601 ("PT1M30S").
func (c *ActorContext) RegisterTimer(name, method, due, period string, arg ...any) error {
	data, err := packArg(arg)
	if err != nil {
		return err
	}
	return c.rt.host.RegisterTimer(c.turn, name, method, due, period, data)
}

// UnregisterTimer cancels a timer.
func (c *ActorContext) UnregisterTimer(name string) error {
	return c.rt.host.UnregisterTimer(c.turn, name)
}

// RegisterReminder registers a durable reminder (survives deactivation and restarts).
func (c *ActorContext) RegisterReminder(name, due, period string, data ...any) error {
	b, err := packArg(data)
	if err != nil {
		return err
	}
	c.mayWait()
	return c.rt.host.RegisterReminder(c.turn, name, due, period, b)
}

// UnregisterReminder removes a reminder.
func (c *ActorContext) UnregisterReminder(name string) error {
	c.mayWait()
	return c.rt.host.UnregisterReminder(c.turn, name)
}

// Proxy calls another actor from inside this turn, within its call chain.
func (c *ActorContext) Proxy(actorType, actorID string) *ActorProxy {
	p := c.rt.conn.ActorProxy(actorType, actorID)
	p.turn = c
	return p
}
