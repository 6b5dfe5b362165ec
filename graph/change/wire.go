package change

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
)

// commandZero and eventZero map each wire type name to a constructor of
// the Go value it decodes into.
var commandZero = map[string]func() Command{
	TypeCreateGraph:     func() Command { return &CreateGraph{} },
	TypeRenameGraph:     func() Command { return &RenameGraph{} },
	TypeArchiveGraph:    func() Command { return &ArchiveGraph{} },
	TypeUnarchiveGraph:  func() Command { return &UnarchiveGraph{} },
	TypeImportGraph:     func() Command { return &ImportGraph{} },
	TypeReplaceGraph:    func() Command { return &ReplaceGraph{} },
	TypeAddNode:         func() Command { return &AddNode{} },
	TypeUpdateNode:      func() Command { return &UpdateNode{} },
	TypeMoveNode:        func() Command { return &MoveNode{} },
	TypeRemoveNode:      func() Command { return &RemoveNode{} },
	TypeAddEdge:         func() Command { return &AddEdge{} },
	TypeRemoveEdge:      func() Command { return &RemoveEdge{} },
	TypeRestoreElements: func() Command { return &RestoreElements{} },
	TypeLinkSubgraph:    func() Command { return &LinkSubgraph{} },
	TypeUnlinkSubgraph:  func() Command { return &UnlinkSubgraph{} },
	TypeApplyLayout:     func() Command { return &ApplyLayout{} },
}

var eventZero = map[string]func() Event{
	TypeGraphCreated:     func() Event { return &GraphCreated{} },
	TypeGraphRenamed:     func() Event { return &GraphRenamed{} },
	TypeGraphArchived:    func() Event { return &GraphArchived{} },
	TypeGraphUnarchived:  func() Event { return &GraphUnarchived{} },
	TypeGraphImported:    func() Event { return &GraphImported{} },
	TypeNodeAdded:        func() Event { return &NodeAdded{} },
	TypeNodeUpdated:      func() Event { return &NodeUpdated{} },
	TypeNodeMoved:        func() Event { return &NodeMoved{} },
	TypeNodeRemoved:      func() Event { return &NodeRemoved{} },
	TypeEdgeAdded:        func() Event { return &EdgeAdded{} },
	TypeEdgesRemoved:     func() Event { return &EdgesRemoved{} },
	TypeElementsRestored: func() Event { return &ElementsRestored{} },
	TypeSubgraphLinked:   func() Event { return &SubgraphLinked{} },
	TypeSubgraphUnlinked: func() Event { return &SubgraphUnlinked{} },
	TypeLayoutApplied:    func() Event { return &LayoutApplied{} },
}

// CommandTypes lists every command type name (for a service registering
// one endpoint per command).
func CommandTypes() []string { return sortedKeys(commandZero) }

// EventTypes lists every event type name.
func EventTypes() []string { return sortedKeys(eventZero) }

// DecodeCommand decodes a command's JSON payload given its type name. The
// result is a value (CreateGraph, not *CreateGraph), as Decide expects.
func DecodeCommand(typ string, data []byte) (Command, error) {
	mk, ok := commandZero[typ]
	if !ok {
		return nil, fmt.Errorf("%w: unknown command type %q", ErrInvalid, typ)
	}
	c := mk()
	if len(data) == 0 {
		data = []byte("{}")
	}
	if err := json.Unmarshal(data, c); err != nil {
		return nil, fmt.Errorf("%w: %s payload: %v", ErrInvalid, typ, err)
	}
	return deref(c).(Command), nil
}

// DecodeEvent decodes an event's JSON payload given its type name.
func DecodeEvent(typ string, data []byte) (Event, error) {
	mk, ok := eventZero[typ]
	if !ok {
		return nil, fmt.Errorf("%w: unknown event type %q", ErrInvalid, typ)
	}
	if typ == TypeNodeMoved {
		if e, ok := decodeNodeMoved(data); ok {
			return e, nil
		}
	}
	e := mk()
	if len(data) == 0 {
		data = []byte("{}")
	}
	if err := json.Unmarshal(data, e); err != nil {
		return nil, fmt.Errorf("%w: %s payload: %v", ErrInvalid, typ, err)
	}
	return deref(e).(Event), nil
}

// deref turns a pointer made by a constructor above into the value it
// points to; anything else is returned as is.
func deref(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		return rv.Elem().Interface()
	}
	return v
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
