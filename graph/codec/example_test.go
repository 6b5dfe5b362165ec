package codec_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/cimviz/cimviz/graph/codec"
)

// A Mermaid flowchart with a subgraph becomes a nested document, written
// here as Graphviz DOT with the subgraph as a cluster.
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
	// 	web [label="Web app"];
	// 	subgraph cluster_data {
	// 		label="Data tier";
	// 		kind="subgraph";
	// 		cluster_data [shape=point, style=invis, label=""];
	// 		api [label="API"];
	// 		db [label="Postgres", shape=cylinder];
	// 		api -> db [id=e1];
	// 	}
	// 	web -> cluster_data [id=e0, lhead=cluster_data];
	// }
}

// Parse errors say where the input went wrong.
func ExampleDecode_error() {
	_, err := codec.Decode(strings.NewReader("digraph {\n  a -> \n}"), codec.FormatDOT)
	fmt.Println(err)
	// Output:
	// syntax error: dot line 3: expected a node or subgraph after the edge operator, found "}"
}
