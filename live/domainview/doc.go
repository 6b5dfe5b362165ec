// Package domainview shows a domain's read model as an ordinary graph of
// the editor: the organization's chart, the people's relationships, the
// place hierarchy. A [View] names the domain, the view query that answers
// the whole picture, how the answer becomes nodes and edges, and which
// domain command a label edit becomes; the editor lists the graph in its
// browser, refreshes it when the domain's events say it changed, and
// sends the command when the user renames a node. The service decides; the
// view never edits its own copy.
//
// Everything here is pure: no NATS. The editor's side (subscribing to
// cim.<domain>.evt.>, asking the query, sending the command) lives in
// cmd/cimviz-edit.
package domainview
