package service_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/demo"
	"github.com/cimviz/cimviz/domains/eventstore/memstore"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
)

// An engine on the in-memory store: commands become events, a retried
// command is answered with its first ack, a refusal is a typed error.
func ExampleEngine_Execute() {
	store, _ := memstore.New("counter")
	eng, _ := service.NewEngine(demo.Domain, store)
	ctx := context.Background()

	create := message.NewCommand("counter", "create", "c1", json.RawMessage(`{"name":"visits","limit":2}`))
	ack, _ := eng.Execute(ctx, create)
	fmt.Println("created at version", ack.Version)

	again, _ := eng.Execute(ctx, create)
	fmt.Println("retry is a duplicate:", again.Duplicate, "version", again.Version)

	_, err := eng.Execute(ctx, message.NewCommand("counter", "increment", "c1", json.RawMessage(`{"by":3}`)))
	fmt.Println(service.Code(err), errors.Is(err, service.ErrInvalid))
	// Output:
	// created at version 1
	// retry is a duplicate: true version 1
	// 400 true
}
