// Package change is the graph aggregate as pure code: the commands a client
// may ask of a graph, the events that record what happened, [Decide] (which
// checks a command against the current [State] and returns the events, or a
// refusal wrapping one of the sentinel errors), [Apply] (which folds an
// event into the state) and [Inverse] (the command that undoes a command,
// computed from the state at issue time).
//
// The domain service (domains/graphdomain) runs exactly this code behind
// NATS; the editor (package ecs) emits these commands as its intents and may
// run Decide and Apply locally to predict the outcome. [PlanImport] turns a
// decoded file (several graphs that may nest each other) into commands
// that fit the service's message limits. Nothing here does I/O.
//
// Refusals wrap [ErrInvalid], [ErrNotFound], [ErrDuplicate] (the graph
// package's own sentinels) or [ErrArchived]; an event that does not fit
// its state wraps [ErrCorrupt].
//
// Vocabulary (command -> events):
//
//	create_graph     -> graph_created
//	rename_graph     -> graph_renamed
//	archive_graph    -> graph_archived
//	unarchive_graph  -> graph_unarchived
//	import_graph     -> graph_imported          (a new graph with its content, one event)
//	replace_graph    -> graph_imported          (an existing graph's whole content)
//	add_node         -> node_added
//	update_node      -> node_updated
//	move_node        -> node_moved
//	remove_node      -> edges_removed?, node_removed   (one append)
//	add_edge         -> edge_added
//	remove_edge      -> edges_removed
//	restore_elements -> elements_restored       (undo of a removal)
//	link_subgraph    -> subgraph_linked
//	unlink_subgraph  -> subgraph_unlinked
//	apply_layout     -> layout_applied          (many positions, one event)
package change
