// Package graphdomain is the graph domain service: it runs the graph
// aggregate of package graph/change behind NATS.
//
// [Domain] is the logic over one event store: [Domain.Execute] decodes a
// command, loads the graph (a cache caught up from the store), decides,
// and appends the events with optimistic concurrency, retrying a conflict
// when the client did not pin a version. A [Catalog] follows the store
// and answers the list and nesting-tree queries; [Domain.Graph] rebuilds a
// graph at its latest version or at any past sequence or version.
//
// Subjects: commands on cim.graph.cmd.<command> (one endpoint per command
// type of graph/change), queries on cim.graph.qry.{get,list,tree}, events on
// cim.graph.evt.<graph>.<event>.
package graphdomain
