// The shop story in Go, one program with three roles:
//
//	shop audit [idle-seconds]   prints every message under shop.> until idle
//	shop payments               answers shop.payments.authorise in a queue group
//	shop inventory              hosts the inventory actors (one per product)
//	shop orders                 reserves stock, requests payments, announces orders
//
// The server is NERVURE_URL (default nats://127.0.0.1:4222).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"syscall"
	"time"

	nervure "github.com/nervure-io/nervure/go"
)

func url() string {
	if u := os.Getenv("NERVURE_URL"); u != "" {
		return u
	}
	return "nats://127.0.0.1:4222"
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: shop audit|payments|orders")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "audit":
		idle := 5.0
		if len(os.Args) > 2 {
			idle, _ = strconv.ParseFloat(os.Args[2], 64)
		}
		err = audit(time.Duration(idle * float64(time.Second)))
	case "payments":
		err = payments()
	case "inventory":
		err = inventory()
	case "orders":
		err = orders()
	default:
		err = fmt.Errorf("unknown role %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, os.Args[1]+":", err)
		os.Exit(1)
	}
}

// audit reads everything under shop.> and prints one line per message, until idle.
func audit(idle time.Duration) error {
	nc, err := nervure.Connect(url(), nervure.WithName("audit-go"))
	if err != nil {
		return err
	}
	defer nc.Close()
	sub, err := nc.SubscribeSync("shop.>")
	if err != nil {
		return err
	}
	if err := nc.Flush(); err != nil {
		return err
	}
	fmt.Println("audit: watching shop.>")
	for {
		m, err := sub.NextMsg(idle)
		if errors.Is(err, nervure.ErrTimeout) {
			fmt.Println("audit: idle, done")
			return nil
		}
		if err != nil {
			return err
		}
		keys := make([]string, 0, len(m.Header))
		for k := range m.Header {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		headers := ""
		for _, k := range keys {
			for _, v := range m.Header[k] {
				headers += fmt.Sprintf(" [%s=%s]", k, v)
			}
		}
		fmt.Printf("audit: %s %s%s\n", m.Subject, m.Data, headers)
	}
}

// payments answers shop.payments.authorise: approves amounts up to 500, declines above.
func payments() error {
	nc, err := nervure.Connect(url(), nervure.WithName("payment-service-go"))
	if err != nil {
		return err
	}
	defer nc.Close()
	_, err = nc.QueueSubscribe("shop.payments.authorise", "payments", func(req *nervure.Msg) {
		amount, _ := strconv.ParseFloat(string(req.Data), 64)
		verdict := "approved"
		if amount > 500 {
			verdict = "declined"
		}
		resp := &nervure.Msg{Data: []byte(verdict), Header: nervure.Header{}}
		resp.Header.Set("Payment-Verdict", verdict)
		if err := req.RespondMsg(resp); err != nil {
			fmt.Println("payment-service:", err)
		}
		fmt.Printf("payment-service: %s -> %s\n", req.Data, verdict)
	})
	if err != nil {
		return err
	}
	if err := nc.Flush(); err != nil {
		return err
	}
	fmt.Println("payment-service: listening on shop.payments.authorise")
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
	select {
	case <-stop:
	case <-time.After(30 * time.Second):
	}
	return nc.Drain()
}

// inventory hosts the inventory actors: one per product, holding its stock.
//
//	reserve(quantity) -> {"reserved": bool, "left": stock}
//	restock(quantity) -> stock
func inventory() error {
	nc, err := nervure.Connect(url(), nervure.WithName("inventory-service-go"))
	if err != nil {
		return err
	}
	defer nc.Close()
	rt, err := nervure.NewActorRuntime(nc)
	if err != nil {
		return err
	}
	err = rt.Register("inventory", nervure.ActorType{Methods: map[string]nervure.ActorMethod{
		"reserve": func(ctx *nervure.ActorContext, arg any) (any, error) {
			v, _, err := ctx.Get("stock")
			if err != nil {
				return nil, err
			}
			stock, _ := v.(int64)
			quantity, _ := arg.(int64)
			ok := 0 < quantity && quantity <= stock
			verb := "refused"
			if ok {
				stock -= quantity
				verb = "reserved"
				if err := ctx.Set("stock", stock); err != nil {
					return nil, err
				}
			}
			fmt.Printf("inventory-service: %s %s %d, %d left\n", ctx.ID, verb, quantity, stock)
			return map[string]any{"reserved": ok, "left": stock}, nil
		},
		"restock": func(ctx *nervure.ActorContext, arg any) (any, error) {
			quantity, _ := arg.(int64)
			if quantity < 0 {
				return nil, &nervure.ActorRemoteError{Type: "ValueError", Message: "stock cannot be negative"}
			}
			return quantity, ctx.Set("stock", quantity)
		},
	}})
	if err != nil {
		return err
	}
	if err := rt.Start(); err != nil {
		return err
	}
	fmt.Println("inventory-service: hosting inventory actors")
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
	select {
	case <-stop:
	case <-time.After(60 * time.Second):
	}
	return rt.Stop(10 * time.Second)
}

type order struct{ id, product, amount string }

var orderList = []order{{"o-2001", "teapot", "35.00"}, {"o-2002", "coffee-grinder", "640.00"},
	{"o-2003", "filter-papers", "4.20"}, {"o-2004", "coffee-grinder", "640.00"}}

var stock = map[string]int{"teapot": 5, "coffee-grinder": 1, "filter-papers": 100}

// restock sets each product's stock (the warehouse delivered). Services start
// together: wait a while for the inventory host.
func restock(ctx context.Context, nc *nervure.Conn) error {
	for attempt := 0; ; attempt++ {
		var err error
		for _, product := range []string{"teapot", "coffee-grinder", "filter-papers"} {
			if _, err = nc.ActorProxy("inventory", product).Invoke(ctx, "restock", stock[product]); err != nil {
				break
			}
		}
		if err == nil || !errors.Is(err, nervure.ErrNoResponders) || attempt == 99 {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// orders reserves stock with the product's inventory actor, asks the payment
// service to authorise the order, then announces it on
// shop.orders.order.created with headers.
func orders() error {
	nc, err := nervure.Connect(url(), nervure.WithName("order-service-go"))
	if err != nil {
		return err
	}
	defer nc.Close()
	if err := restock(context.Background(), nc); err != nil {
		return err
	}
	for _, o := range orderList {
		res, err := nc.ActorProxy("inventory", o.product).Invoke(context.Background(), "reserve", 1)
		if err != nil {
			return err
		}
		if r, _ := res.(map[string]any); r["reserved"] != true {
			fmt.Printf("order-service: %s not placed: %s out of stock\n", o.id, o.product)
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		reply, err := nc.Request(ctx, "shop.payments.authorise", []byte(o.amount))
		cancel()
		if err != nil {
			fmt.Printf("order-service: %s not placed: %v\n", o.id, err)
			continue
		}
		verdict := string(reply.Data)
		amount, _ := strconv.ParseFloat(o.amount, 64)
		event, _ := json.Marshal(map[string]any{"id": o.id, "product": o.product, "amount": amount, "payment": verdict})
		m := nervure.NewMsg("shop.orders.order.created")
		m.Data = event
		m.Header.Set("Order-Id", o.id)
		m.Header.Set("Payment-Verdict", verdict)
		if err := nc.PublishMsg(m); err != nil {
			return err
		}
		fmt.Printf("order-service: %s %s %s payment %s\n", o.id, o.product, o.amount, verdict)
	}
	return nc.Flush()
}
