// Package layout places the nodes of a [graph.Graph]: force-directed
// (Barnes-Hut), layered (Sugiyama, top-down or left-right), circular and
// grid, for a whole graph or for a selection only ([Tidy]).
//
// Every layout is a [Layout]: the editor calls [Layout.Step] once per frame
// and draws [Layout.Positions], so the layout animates; [Run] steps to the
// end at once. Layouts that are computed in one go (layered, circular,
// grid) settle on the first step; wrap them in a [Tween] to animate from
// the old positions. Results are deterministic: the same graph, options
// and seed give the same positions.
//
// Positions are indexed like graph.Nodes. The package is pure: no I/O.
// Crossings counts edge crossings of layered drawings the same way for our
// layout ([Layered.Routes]) and for Graphviz dot's ([ParsePlain]), so the
// two can be compared.
package layout
