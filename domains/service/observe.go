package service

import (
	"slices"
	"time"

	"github.com/cimviz/cimviz/domains/message"
)

// Observer learns of every command a [Service] has answered, for metrics
// and traces. CommandDone runs on the worker that handled the command,
// after the reply is known and before the next command of its aggregate,
// so it must be quick and must not block.
type Observer interface {
	CommandDone(Outcome)
}

// Outcome is one answered command as an [Observer] sees it.
type Outcome struct {
	// Domain is the serving domain's name.
	Domain string
	// Type is the command's type, or "" when it is not one of the
	// domain's commands (such names are unbounded: not for labels).
	Type string
	// Command is the command as decoded; zero when the request did not
	// decode.
	Command message.Command
	// Start is when the request reached its worker; Elapsed how long it
	// took to answer.
	Start   time.Time
	Elapsed time.Duration
	// Ack and Err are the answer.
	Ack Ack
	Err error
}

// Code is the outcome's status code: 0 for an accepted command (or a
// duplicate), else the refusal's code (400, 403, 404, 409, 500).
func (o Outcome) Code() int {
	if o.Err == nil {
		return 0
	}
	return Code(o.Err)
}

// WithObserver adds an observer of the service's commands; several may be
// given.
func WithObserver(o Observer) Option {
	return func(c *config) { c.observers = append(c.observers, o) }
}

// observe tells the observers how a command that began at start ended.
func (s *Service) observe(start time.Time, cmd message.Command, ack Ack, err error) {
	if len(s.cfg.observers) == 0 {
		return
	}
	o := Outcome{Domain: s.in.name, Command: cmd, Start: start, Elapsed: time.Since(start), Ack: ack, Err: err}
	if _, known := slices.BinarySearch(s.in.commands, cmd.Type); known {
		o.Type = cmd.Type
	}
	for _, ob := range s.cfg.observers {
		ob.CommandDone(o)
	}
}
