// Package subject owns the CIM's one subject scheme and NATS subject
// matching.
//
// Concrete subjects:
//
//	cim.<domain>.cmd.<command>             commands (request/reply)
//	cim.<domain>.qry.<query>               queries (request/reply)
//	cim.<domain>.evt.<aggregate-id>.<event> events (JetStream)
//
// [Command], [Query] and [Event] build them, [Parse] takes one apart; both
// refuse a token that is empty, holds whitespace, a control character, a
// '.', or a wildcard character, and say which token is bad.
//
// Patterns use NATS wildcards: '*' matches exactly one token and '>' one
// or more trailing tokens; a wildcard is always a whole token. [Match],
// [Within] and [Overlap] agree with nats-server's own matcher (a property
// test checks this against server.SubjectMatchesFilter and
// server.SubjectsCollide). [CompareSpecificity] orders patterns so that
// "the most specific rule wins" is well defined, and [Permissions] applies
// allow/deny rules for publishing and subscribing, deny winning.
package subject
