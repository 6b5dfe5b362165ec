package message_test

import (
	"github.com/nats-io/nats.go"

	"github.com/cimviz/cimviz/domains/message"
)

func natsMsg(e message.Event) *nats.Msg {
	return &nats.Msg{Subject: e.Subject(), Header: e.Headers(), Data: e.Payload}
}
