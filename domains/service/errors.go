package service

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/cimviz/cimviz/domains/eventstore"
	"github.com/cimviz/cimviz/domains/message"
)

// Sentinel errors. Decide functions wrap them with a description
// (fmt.Errorf("%w: ...", ErrInvalid)); the harness maps each to a status
// code in the reply, and [Client] maps codes back, so errors.Is works on
// both sides of the wire.
var (
	ErrInvalid      = errors.New("invalid")        // 400: the command is malformed or refused by the rules
	ErrUnauthorized = errors.New("unauthorized")   // 403: the sender may not do this
	ErrNotFound     = errors.New("not found")      // 404: the aggregate does not exist
	ErrConflict     = errors.New("conflict")       // 409: the aggregate changed; reload and retry
	ErrInternal     = errors.New("internal error") // 500: a fault in the service, logged there
	ErrConfig       = errors.New("bad service configuration")
)

// Error is a failed request as the wire carries it: a status code and a
// description.
type Error struct {
	Code        int    `json:"code"`
	Description string `json:"description"`
}

func (e *Error) Error() string { return fmt.Sprintf("%d %s", e.Code, e.Description) }

// Unwrap gives the sentinel of the code, for errors.Is.
func (e *Error) Unwrap() error { return sentinelOf(e.Code) }

var codes = []struct {
	code int
	err  error
}{
	{400, ErrInvalid}, {403, ErrUnauthorized}, {404, ErrNotFound}, {409, ErrConflict}, {500, ErrInternal},
}

// Code maps an error to its status code: the sentinels above, the event
// store's conflict (409) and size and batch errors (400), malformed
// messages (400); anything else is 500.
func Code(err error) int {
	var we *Error
	switch {
	case errors.As(err, &we):
		return we.Code
	case errors.Is(err, eventstore.ErrConflict):
		return 409
	case errors.Is(err, message.ErrMalformed), errors.Is(err, eventstore.ErrTooLarge):
		return 400
	}
	for _, c := range codes {
		if errors.Is(err, c.err) {
			return c.code
		}
	}
	return 500
}

// toWire turns an error into what the reply carries. Internal errors keep
// their detail out of the reply (it is logged instead).
func toWire(err error) *Error {
	code := Code(err)
	if code == 500 {
		return &Error{Code: 500, Description: "internal error; see the service log"}
	}
	return &Error{Code: code, Description: err.Error()}
}

func sentinelOf(code int) error {
	for _, c := range codes {
		if c.code == code {
			return c.err
		}
	}
	return ErrInternal
}

func (e *Error) codeString() string { return strconv.Itoa(e.Code) }
