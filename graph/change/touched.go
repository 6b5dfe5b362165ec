package change

import "slices"

// Touched lists the nodes and edges an event changed, by ID (an event
// about the whole graph touches none): what the editor highlights when a
// user picks the event in the log.
func Touched(ev Event) (nodes, edges []string) {
	ev, _ = deref(ev).(Event)
	switch e := ev.(type) {
	case NodeAdded:
		return []string{e.Node.ID}, nil
	case NodeUpdated:
		return []string{e.Node}, nil
	case NodeMoved:
		return []string{e.Node}, nil
	case NodeRemoved:
		return []string{e.Node}, nil
	case SubgraphLinked:
		return []string{e.Node}, nil
	case SubgraphUnlinked:
		return []string{e.Node}, nil
	case EdgeAdded:
		return []string{e.Edge.From, e.Edge.To}, []string{e.Edge.ID}
	case EdgesRemoved:
		return nil, slices.Clone(e.Edges)
	case ElementsRestored:
		return restoredIDs(e)
	case LayoutApplied:
		return sortedKeys(e.Positions), nil
	}
	return nil, nil
}

func restoredIDs(e ElementsRestored) (nodes, edges []string) {
	for _, n := range e.Nodes {
		nodes = append(nodes, n.Node.ID)
	}
	for _, ed := range e.Edges {
		edges = append(edges, ed.Edge.ID)
	}
	return nodes, edges
}
