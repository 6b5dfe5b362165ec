// Package graph is the pure graph model of cimviz: graphs whose nodes may stand
// for other graphs (itself or an ancestor included), validated operations,
// nesting, algorithms, layouts and import/export codecs.
//
// It does no I/O beyond the readers and writers handed to its codecs, and it
// imports neither NATS nor ebiten nor arche, so everything here is testable
// with plain `go test`.
//
// # Model
//
// A [Graph] keeps nodes and edges in insertion order. [Graph.AddNode],
// [Graph.MoveNode], [Graph.AddEdge] and the rest refuse what would break it
// with errors wrapping [ErrInvalid] (empty IDs, NaN or infinite positions),
// [ErrDuplicateID] or [ErrNotFound]. Self-loops and parallel edges are
// allowed.
//
// # Nesting
//
// A [Library] holds graphs by ID; a node's Ref names one of them. The
// library may refer to itself in cycles, and nothing follows them forever:
// [Library.Tree] marks a repeat of an ancestor as Recursive,
// [Library.Flatten] inlines to a depth with prefixed IDs and stops at
// recursion, [Breadcrumb] paths grow as the user opens nodes, and
// [Library.DanglingRefs] lists refs to missing graphs.
//
// # Algorithms
//
// [TopologicalOrder] (a [*CycleError] names a cycle), [StronglyConnected],
// [WeaklyConnected], [Cycles], [AllCycles], [Reachable], [ShortestPath]
// and [CheapestPath]. Some use gonum, imported as gonum because this
// package is also called graph.
//
// Layouts live in the subpackage layout.
package graph
