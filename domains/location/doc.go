// Package location is the location domain service: one aggregate per
// place, served on the CQRS harness (package service) as domain
// "location".
//
// Commands, on cim.location.cmd.<command>, with their events on
// cim.location.evt.<place>.<event> (each event carries its command's
// payload):
//
//	register_place {name, kind, address?, point: [lon, lat], region?, parent?} -> place_registered
//	rename_place   {name}                                                      -> place_renamed
//	describe_place {kind, address?}                                            -> place_described
//	move_place     {point}                                                     -> place_moved
//	set_region     {region: [[[lon, lat], ...], ...]} (empty clears)           -> region_set
//	set_parent     {parent} ("" clears)                                        -> parent_set
//
// Coordinates are degrees, lon in [-180, 180] and lat in [-90, 90]; a
// region is a GeoJSON polygon (closed rings of at least four points).
// A parent must be a registered place (404 otherwise) that is not the
// place itself nor inside it (400: no cycles); a command that changes
// nothing is a 409; every other refusal is a 400. Two set_parent commands
// racing on different places could still close a cycle (each checks the
// chain it sees); the hierarchy view cuts such a cycle.
//
// Queries, with the place as aggregate ID: get, distance {to} (haversine,
// km, between the places' points) and within (the places whose points lie
// in this place's region, planar point-in-polygon). Views about all
// places: places, hierarchy (the containment forest) and geojson (a
// FeatureCollection). Places are few: the views read the domain's events
// from the store, so they are never behind the acks.
//
// [ToGeoJSON] and [FromGeoJSON] are the GeoJSON mapping, pure functions;
// [Commands] turns places into the commands that register them and
// [Seed] does so for [Sites].
package location
