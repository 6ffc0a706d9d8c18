package nervure_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

func TestMsgpackRoundTrip(t *testing.T) {
	for _, v := range []any{nil, true, false, int64(0), int64(127), int64(-1), int64(-33), int64(300), int64(-70000),
		int64(1 << 40), uint64(1 << 63), 1.5, "", "hello", string(make([]byte, 40)), []byte{1, 2},
		[]any{int64(1), "a", nil}, map[string]any{"reserved": true, "left": int64(4)},
		map[any]any{int64(1): "one", "two": int64(2)}} {
		b, err := nervure.MarshalMsgpack(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := nervure.UnmarshalMsgpack(b)
		if err != nil || !reflect.DeepEqual(got, v) {
			t.Fatalf("%#v -> %x -> %#v %v", v, b, got, err)
		}
	}
	// Python's msgpack.packb({"reserved": True, "left": 4}) byte for byte.
	b, _ := nervure.MarshalMsgpack(map[string]any{"reserved": true, "left": 4})
	if string(b) != "\x82\xa4left\x04\xa8reserved\xc3" {
		t.Fatalf("%x", b)
	}
	if _, err := nervure.UnmarshalMsgpack([]byte{0x92, 0x01}); err == nil {
		t.Fatal("truncated input accepted")
	}
}

func TestActorRuntime(t *testing.T) {
	nc, _ := connect(t)
	rt, err := nervure.NewActorRuntime(nc, nervure.WithActorPartitions(4),
		nervure.WithActorBuckets("go-rt-leases", "go-rt-state"))
	if err != nil {
		t.Fatal(err)
	}
	activated := make(chan string, 10)
	err = rt.Register("inventory", nervure.ActorType{
		OnActivate: func(ctx *nervure.ActorContext) error { activated <- ctx.ID; return nil },
		Methods: map[string]nervure.ActorMethod{
			"restock": func(ctx *nervure.ActorContext, arg any) (any, error) {
				return arg, ctx.Set("stock", arg)
			},
			"reserve": func(ctx *nervure.ActorContext, arg any) (any, error) {
				v, _, err := ctx.Get("stock")
				if err != nil {
					return nil, err
				}
				stock, _ := v.(int64)
				q := arg.(int64)
				ok := q > 0 && q <= stock
				if ok {
					stock -= q
					if err := ctx.Set("stock", stock); err != nil {
						return nil, err
					}
				}
				return map[string]any{"reserved": ok, "left": stock}, nil
			},
			"fail": func(ctx *nervure.ActorContext, arg any) (any, error) {
				return nil, &nervure.ActorRemoteError{Type: "OutOfStock", Message: "none left"}
			},
			// A call to another actor from inside a turn.
			"forward": func(ctx *nervure.ActorContext, arg any) (any, error) {
				return ctx.Proxy("inventory", arg.(string)).Invoke(ctx, "reserve", 1)
			},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := rt.Start(); err != nil {
		t.Fatal(err)
	}
	defer rt.Stop(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	p := nc.ActorProxy("inventory", "teapot")
	p.Partitions = 4
	if _, err := p.Invoke(ctx, "restock", 2); err != nil {
		t.Fatal(err)
	}
	if id := <-activated; id != "teapot" {
		t.Fatal(id)
	}
	for i, want := range []map[string]any{{"reserved": true, "left": int64(1)}, {"reserved": true, "left": int64(0)},
		{"reserved": false, "left": int64(0)}} {
		got, err := p.Invoke(ctx, "reserve", 1)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("reserve %d: %#v %v", i, got, err)
		}
	}
	_, err = p.Invoke(ctx, "fail")
	var ae *nervure.ActorError
	if !errors.As(err, &ae) || ae.RemoteType != "OutOfStock" {
		t.Fatalf("fail: %v", err)
	}
	other := nc.ActorProxy("inventory", "grinder")
	other.Partitions = 4
	other.Invoke(ctx, "restock", 3)
	got, err := p.Invoke(ctx, "forward", "grinder")
	if err != nil || !reflect.DeepEqual(got, map[string]any{"reserved": true, "left": int64(2)}) {
		t.Fatalf("forward: %#v %v", got, err)
	}
	if rt.Stats().Calls < 6 {
		t.Fatalf("stats %+v", rt.Stats())
	}
	methods, err := rt.MethodStats()
	if err != nil {
		t.Fatal(err)
	}
	byMethod := map[string]nervure.ActorMethodStats{}
	for _, m := range methods {
		byMethod[m.Method] = m
	}
	if byMethod["$activate"].Calls < 2 || byMethod["fail"].Failed != 1 {
		t.Fatalf("method stats %+v", methods)
	}
	reserve := byMethod["reserve"]
	if reserve.ActorType != "inventory" || reserve.Calls < 1 || reserve.Failed != 0 ||
		reserve.Run.P50Us <= 0 || reserve.Run.P50Us > reserve.Run.MaxUs {
		t.Fatalf("reserve stats %+v", reserve)
	}
}
