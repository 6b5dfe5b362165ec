// Package organization is the organization domain (cim.organization.*):
// one aggregate is one organization, holding its units in a hierarchy,
// the people who hold roles in them, and who reports to whom.
//
//	command                event                    payload
//	create_organization    organization_created     {name}
//	add_unit               unit_added               {unit, name, parent?}
//	move_unit              unit_moved               {unit, parent} (event adds from)
//	merge_units            units_merged             {from, into}
//	add_member             member_added             {unit, person, role}
//	remove_member          member_removed           {unit, person, role}
//	set_reporting_line     reporting_line_set       {person, manager}
//	remove_reporting_line  reporting_line_removed   {person}
//
// Moves and merges keep history: a merged unit stays in the state, marked
// merged_into, with its members and sub-units moved to the unit it was
// merged into, and every add, move and merge is a [Change] (version, time)
// in the history query. A move or merge that would make a unit its own
// ancestor, and a reporting line that would make someone their own
// manager, are refused as 400s (ErrCycle).
//
// Queries: get; holders {unit, role, include_sub_units?} (who holds role
// in unit: only its own members unless include_sub_units); history
// {unit?}; reporting {person} (managers up the line, direct reports).
//
// SCIM 2.0 (RFC 7643) Users and Groups convert with pure functions:
// [DecodeSCIM], [ImportCommands], [Export] and [EncodeSCIM]. A Group is a
// unit, its User members are memberships (role [MemberRole], SCIM has no
// per-group role) and its Group members are sub-units.
package organization
