package codec_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/cimviz/cimviz/graph/codec"
)

// A Mermaid flowchart with a subgraph becomes a nested document, written
// here as Graphviz DOT with the subgraph as a cluster. The edge into the
// subgraph lies in the root graph, drawn to the group, and keeps its real
// end (api) in Document.Ends; the direction becomes rankdir.
func Example() {
	src := `flowchart LR
    web[Web app] --> api
    subgraph data [Data tier]
        api[API] --> db[(Postgres)]
    end`
	doc, err := codec.Decode(strings.NewReader(src), codec.FormatMermaid)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range doc.Graphs {
		fmt.Printf("graph %s: %d nodes, %d edges\n", g.ID, g.NodeCount(), g.EdgeCount())
	}
	if err := codec.Encode(os.Stdout, doc, codec.FormatDOT); err != nil {
		fmt.Println(err)
	}
	// Output:
	// graph flowchart: 2 nodes, 1 edges
	// graph data: 2 nodes, 1 edges
	// digraph flowchart {
	// 	compound=true;
	// 	rankdir=LR;
	// 	web [label="Web app"];
	// 	subgraph cluster_data {
	// 		label="Data tier";
	// 		kind="subgraph";
	// 		api [label="API"];
	// 		db [label="Postgres", shape=cylinder];
	// 		api -> db [id=e1];
	// 	}
	// 	web -> api [id=e0];
	// }
}

// Parse errors say where the input went wrong.
func ExampleDecode_error() {
	_, err := codec.Decode(strings.NewReader("digraph {\n  a -> \n}"), codec.FormatDOT)
	fmt.Println(err)
	// Output:
	// syntax error: dot line 3: expected a node or subgraph after the edge operator, found "}"
}
