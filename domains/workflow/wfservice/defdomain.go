package wfservice

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/domains/workflow"
	"github.com/cimviz/cimviz/graph"
)

// Domain names.
const (
	DefDomain      = "workflowdef"
	InstanceDomain = "workflow"
)

// Definition commands, event and queries.
const (
	CmdPublish        = "publish"
	CmdPublishVersion = "publish_version"
	EvtPublished      = "definition_published"
	QueryDefinition   = "get"
	QueryInstances    = "instances"
	// QueryAllInstances is the instances of every workflow (a view: it
	// names no workflow).
	QueryAllInstances = "all_instances"
)

// Publish is the payload of publish and publish_version.
type Publish struct {
	Graph *graph.Graph `json:"graph"`
}

// Published is the event payload: the graph as published, and its version.
type Published struct {
	Graph   *graph.Graph `json:"graph"`
	Version int          `json:"version"`
}

// DefState is a workflow's aggregate: its published graphs, oldest first.
type DefState struct {
	Workflow string
	Graphs   []*graph.Graph
}

// DefinitionView answers the get query.
type DefinitionView struct {
	Workflow string       `json:"workflow"`
	Version  int          `json:"version"`
	Versions int          `json:"versions"`
	Graph    *graph.Graph `json:"graph"`
}

// InstancesArgs filters the instances query.
type InstancesArgs struct {
	State workflow.State `json:"state,omitempty"`
}

// allInstances is the view of every workflow's instances in one state
// ("" for any), from the catalog.
func allInstances(cat *Catalog) service.View {
	return func(_ context.Context, args json.RawMessage) (any, error) {
		var a InstancesArgs
		if err := decodeArgs(args, &a); err != nil {
			return nil, err
		}
		return cat.List("", a.State), nil
	}
}

// DefinitionDomain is the workflowdef domain; the instances query reads
// cat.
func DefinitionDomain(cat *Catalog) service.Domain[*DefState] {
	return service.Domain[*DefState]{
		Name:        DefDomain,
		Version:     "1.0.0",
		Description: "workflow definitions: publish graphs as versioned workflows",
		New:         func() *DefState { return &DefState{} },
		Decide:      decidePublish,
		Apply:       applyPublished,
		Views:       map[string]service.View{QueryAllInstances: allInstances(cat)},
		Commands: map[string]service.CommandSpec{
			CmdPublish:        {Creates: true, Description: "publish a graph as version 1 of a new workflow: {graph}"},
			CmdPublishVersion: {Retry: true, Description: "publish the next version of a workflow: {graph}"},
		},
		Queries: map[string]service.Query[*DefState]{
			QueryDefinition: queryDefinition,
			QueryInstances: func(s *DefState, _ uint64, args json.RawMessage) (any, error) {
				var a InstancesArgs
				if err := decodeArgs(args, &a); err != nil {
					return nil, err
				}
				return cat.List(s.Workflow, a.State), nil
			},
		},
	}
}

// decidePublish validates the graph as a workflow; every problem goes
// back to the client at once, in the error's description.
func decidePublish(s *DefState, cmd message.Command) ([]service.Draft, error) {
	var p Publish
	if err := json.Unmarshal(cmd.Payload, &p); err != nil || p.Graph == nil {
		return nil, fmt.Errorf("%w: %s needs {\"graph\": {...}}", service.ErrInvalid, cmd.Type)
	}
	if p.Graph.ID != cmd.AggregateID {
		return nil, fmt.Errorf("%w: graph %q published as workflow %q; they must be equal", service.ErrInvalid, p.Graph.ID, cmd.AggregateID)
	}
	version := len(s.Graphs) + 1
	if _, err := workflow.Compile(p.Graph, version); err != nil {
		return nil, fmt.Errorf("%w: %w", service.ErrInvalid, err)
	}
	return []service.Draft{{Type: EvtPublished, Payload: Published{Graph: p.Graph, Version: version}}}, nil
}

func applyPublished(s *DefState, ev message.Event) *DefState {
	var p Published
	if ev.Type != EvtPublished || json.Unmarshal(ev.Payload, &p) != nil {
		return s
	}
	s.Workflow = ev.AggregateID
	s.Graphs = append(s.Graphs, p.Graph)
	return s
}

func queryDefinition(s *DefState, _ uint64, args json.RawMessage) (any, error) {
	var a struct {
		Version int `json:"version,omitempty"`
	}
	if err := decodeArgs(args, &a); err != nil {
		return nil, err
	}
	v := a.Version
	if v == 0 {
		v = len(s.Graphs)
	}
	if v < 1 || v > len(s.Graphs) {
		return nil, fmt.Errorf("%w: workflow %q has versions 1 to %d, not %d", service.ErrNotFound, s.Workflow, len(s.Graphs), v)
	}
	return DefinitionView{Workflow: s.Workflow, Version: v, Versions: len(s.Graphs), Graph: s.Graphs[v-1]}, nil
}

func decodeArgs(args json.RawMessage, v any) error {
	if len(args) == 0 {
		return nil
	}
	if err := json.Unmarshal(args, v); err != nil {
		return fmt.Errorf("%w: query arguments: %v", service.ErrInvalid, err)
	}
	return nil
}

// harnessError maps the workflow package's sentinels to the harness's, so
// a refusal reaches the client with the right code and the full message.
func harnessError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, workflow.ErrNotFound):
		return fmt.Errorf("%w: %w", service.ErrNotFound, err)
	case errors.Is(err, workflow.ErrExists):
		return fmt.Errorf("%w: %w", service.ErrConflict, err)
	case errors.Is(err, workflow.ErrUnauthorized):
		return fmt.Errorf("%w: %w", service.ErrUnauthorized, err)
	}
	return fmt.Errorf("%w: %w", service.ErrInvalid, err)
}
