// Package dialog is the dialog domain service: conversations among
// people and agents, served on the CQRS harness (package service) as
// domain "dialog", one aggregate per conversation.
//
// Commands, on cim.dialog.cmd.<command>, with their events on
// cim.dialog.evt.<conversation>.<event>:
//
//	start_conversation {topic?, participants: [{id, kind?}], step?} -> conversation_started
//	join               {id, kind?}                                 -> participant_joined
//	leave              {id}                                        -> participant_left
//	say                {speaker?, text}                            -> turn_said
//	reply              {reply_to, speaker?, text}                  -> turn_replied
//	set_topic          {topic}                                     -> topic_set
//	close              {reason?}                                   -> conversation_closed
//
// A participant is a principal ID (identity domain) of kind person or
// agent (an ID starting "agent-" is an agent unless kind says otherwise).
// A turn's speaker is the command's X-Actor, or the speaker field when
// the command names no actor; a speaker who is not a participant now, or
// a speaker field that differs from the actor, is a 403. Turns are
// numbered t1, t2, ... in the order they were said and take their event's
// time; a reply names an earlier turn (404 otherwise), so the replies form
// a tree. step names the workflow step that opened the conversation.
// Everything sent to a closed conversation is a 409, as is joining twice
// or setting the topic it has; leaving when not there is a 404.
//
// Queries, with the conversation as aggregate ID: get, tree (the turns in
// depth-first order with their depth and replies) and graph (the
// conversation as a graph.Graph: [Graph], so the tree opens in the
// editor). [Seed] is a short conversation among the sample company's
// people.
package dialog
