package timeline_test

import (
	"fmt"

	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/change"
	"github.com/cimviz/cimviz/live/timeline"
)

func ExampleTimeline_Seek() {
	tl, _ := timeline.New([]timeline.Record{
		{Seq: 3, Graph: "g1", Event: change.GraphCreated{Graph: "g1", Name: "first"}},
		{Seq: 7, Graph: "g1", Event: change.NodeAdded{Node: graph.Node{ID: "a"}}},
		{Seq: 9, Graph: "g1", Event: change.GraphRenamed{Name: "renamed"}},
	})
	s := tl.Seek(8)["g1"]
	fmt.Println(s.Graph.Name, s.Graph.NodeCount(), tl.Live())
	s = tl.ReturnToLive()["g1"]
	fmt.Println(s.Graph.Name, s.Graph.NodeCount(), tl.Live())
	// Output:
	// first 1 false
	// renamed 1 true
}
