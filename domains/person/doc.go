// Package person is the person domain service: one aggregate per person,
// served on the CQRS harness (package service) as domain "person".
//
// Commands, on cim.person.cmd.<command>, with their events on
// cim.person.evt.<person>.<event> (each event carries the command's
// payload, the name with its display part filled in):
//
//	register_person {name: {given?, family?, display?}}          -> person_registered
//	rename_person   {name: {given?, family?, display?}}          -> person_renamed
//	add_contact     {kind: email|phone|address, value?, address?} -> contact_added
//	remove_contact  (the same shape)                              -> contact_removed
//	relate          {type, to}                                    -> relationship_added
//	unrelate        {type, to}                                    -> relationship_removed
//	add_skill       {name, level: 1..5}                           -> skill_set
//	remove_skill    {name}                                        -> skill_removed
//
// A relationship is typed (a lower-case token: manager_of, mentor_of,
// colleague, ...) and directed, stored on the person it leaves; its
// target must be a registered person (404 otherwise) other than the
// person themself (400). An email must be a bare address, a phone number
// a '+' and 5 to 15 digits with spaces, dots, dashes or parentheses (400
// otherwise). Adding what is there is a 409, removing what is not a 404.
//
// Queries, with the person as aggregate ID: get and vcard. Views, about
// every person, from a [Directory] that follows the store: people (a
// summary each), relationships (every person and every typed edge) and
// vcards (all of them as vCard text).
//
// [EncodeVCards] and [DecodeVCards] are the vCard 4.0 (RFC 6350) mapping,
// pure functions (see vcard.go for the properties); [Commands] turns
// people into the commands that build them and [Seed] does so for
// [Company].
package person
