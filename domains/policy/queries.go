package policy

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/graph/codec"
)

// Query arguments.
type (
	// PoliciesArgs filters the policies view by the domain they guard.
	PoliciesArgs struct {
		Domain string `json:"domain,omitempty"`
	}
	// TraceArgs names a correlation.
	TraceArgs struct {
		CorrelationID string `json:"correlation_id"`
	}
)

// Query answers.
type (
	PolicyAnswer struct {
		*Policy
		Version uint64 `json:"version"`
	}
	// Summary is one policy in the policies view; CompileError is set
	// when its stored rule no longer compiles.
	Summary struct {
		Policy
		Version      uint64 `json:"version"`
		CompileError string `json:"compile_error,omitempty"`
	}
	PoliciesAnswer struct {
		Policies []Summary `json:"policies"`
	}
	TraceAnswer struct {
		Traces []Trace `json:"traces"`
	}
)

// queries are the domain's queries by name.
var queries = map[string]service.Query[*Policy]{
	"get": func(p *Policy, v uint64, _ json.RawMessage) (any, error) { return PolicyAnswer{p, v}, nil },
}

// views are the domain-wide queries over the book and the traces.
func views(book *Book, traces *TraceLog) map[string]service.View {
	return map[string]service.View{
		"policies": view(func(a PoliciesArgs) (any, error) { return listPolicies(book, a), nil }),
		"trace": view(func(a TraceArgs) (any, error) {
			if a.CorrelationID == "" {
				return nil, fmt.Errorf("%w: trace needs a correlation_id", service.ErrInvalid)
			}
			return TraceAnswer{traces.Correlation(a.CorrelationID)}, nil
		}),
		"trace_graph": view(func(a TraceArgs) (any, error) {
			if a.CorrelationID == "" {
				return nil, fmt.Errorf("%w: trace_graph needs a correlation_id", service.ErrInvalid)
			}
			var buf bytes.Buffer
			if err := codec.EncodeJSON(&buf, TraceGraph(a.CorrelationID, traces.Correlation(a.CorrelationID))); err != nil {
				return nil, fmt.Errorf("%w: trace graph: %v", service.ErrInternal, err)
			}
			return json.RawMessage(buf.Bytes()), nil
		}),
	}
}

// view decodes a view's arguments strictly; bad arguments are a 400.
func view[A any](answer func(A) (any, error)) service.View {
	return func(_ context.Context, args json.RawMessage) (any, error) {
		var a A
		if err := decode(args, &a, true); err != nil {
			return nil, fmt.Errorf("%w: %w", service.ErrInvalid, err)
		}
		return answer(a)
	}
}

func listPolicies(book *Book, a PoliciesArgs) PoliciesAnswer {
	out := []Summary{}
	for _, c := range book.Policies() {
		if a.Domain != "" && c.Policy.Domain != a.Domain {
			continue
		}
		s := Summary{Policy: c.Policy, Version: c.Version}
		if c.Err != nil {
			s.CompileError = c.Err.Error()
		}
		out = append(out, s)
	}
	return PoliciesAnswer{out}
}
