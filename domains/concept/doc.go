// Package concept is the conceptual-spaces domain service: one aggregate
// per space (package space holds the pure model), served on the CQRS
// harness (package service) as domain "concept".
//
// Commands, on cim.concept.cmd.<command>, with their events on
// cim.concept.evt.<space>.<event> (each event carries the command's
// payload):
//
//	create_space     {name, norm?}                      -> space_created
//	add_dimension    {dimension, default?}              -> dimension_added
//	update_dimension {dimension}                        -> dimension_updated
//	remove_dimension {name}                             -> dimension_removed
//	set_weights      {context, weights: {domain: w}}    -> weights_set
//	add_concept      {name, prototype, bounds?}         -> concept_added
//	move_concept     {name, to}                         -> concept_moved
//	remove_concept   {name}                             -> concept_removed
//	add_item         {name, point}                      -> item_added
//	move_item        {name, to}                         -> item_moved
//	remove_item      {name}                             -> item_removed
//
// Queries, on cim.concept.qry.<query> with the space as aggregate ID:
// get, categorize {point, context?}, knn {point, k, context?}, distance
// {a, b, context?, sensitivity?}, betweenness {a, b, c, context?,
// tolerance?} and members {concept, context?}. Where a query takes a
// point it also takes the name of an item or concept (its point or
// prototype).
//
// Every refusal (a coordinate out of range, an unknown dimension, a
// categorical value not in the set, a duplicate name, ...) is a 400
// wrapping service.ErrInvalid and, in process, the space package's
// sentinel.
//
// [Samples] are embedded spaces (colours, fruit); [SampleCommands] turns
// one into the ordinary commands that build it, so a demo seeds through
// the service like any client.
package concept
