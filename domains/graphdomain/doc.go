// Package graphdomain is the graph domain service: the aggregate of
// package graph/change run on the CQRS harness of domains/service.
//
// [Spec] describes the domain to the harness: every command of graph/change
// on cim.graph.cmd.<command> (create_graph and import_graph create a
// graph; all may be retried on a concurrency conflict, since Decide checks
// them again on the fresh state), and the queries get (a graph now, or at
// a past store sequence or aggregate version, replayed from the store) and
// tree (the nesting below a graph) on cim.graph.qry.<query>, the graph
// being the request's X-Aggregate-ID. Refusals keep graph/change's
// sentinel and gain the harness's status: missing things are 404,
// duplicate IDs and archived graphs 409, anything else 400.
//
// A [Catalog] follows the store and holds every graph: it answers "does
// that graph exist?" for subgraph links (catching up with the store first,
// so a link to a graph created a moment ago works), resolves the tree, and
// lists the graphs for a process that follows the store itself. (A list
// over NATS waits for the harness to serve queries that name no
// aggregate.) [Servable] starts both, for `cimviz serve`; [Client] sends
// graph/change commands and reads graphs over NATS; [AtSequence] and
// [AtVersion] rebuild past states straight from a store.
//
// Events are on cim.graph.evt.<graph>.<event>; [DecodeEvent] turns a stored
// one back into graph/change's event.
package graphdomain
