// Package bridge is the asynchronous link between the editor's world and the
// graph domain service on NATS. The editor becomes a projection: every edit
// is a command to the service, every change on screen an event it persisted.
//
// # Outline
//
// A [Bridge] owns the NATS side and runs on its own goroutines:
//   - it follows the graph domain's JetStream stream with an ordered
//     consumer, from the first event, decodes each event and hands it to the
//     game loop through a bounded inbox that the game loop empties a batch at
//     a time (a full inbox holds the consumer back; it never blocks the game
//     loop; [Driver.Ready] wakes a loop that waits for work);
//   - it sends the editor's intents as commands with a MessageIdentity (the
//     commands of one gesture share a correlation ID) from a bounded queue,
//     retrying with the same message ID while the server is away, so a
//     command is applied once however often it is sent;
//   - it reports [Connected], [Reconnecting] or [Offline].
//
// A [Driver] is the game-loop side (it implements render's Service): each
// tick it queues the editor's intents, hands replies back (a refusal rolls
// the optimistic change back and says why), and drains at most a per-tick
// budget of events: first into a [Projection] of every graph, and, once the
// log has been caught up, through ecs.ApplyEvent into the world. The World is
// touched only there, on the game goroutine.
//
// Events are never coalesced: the world must pass through every version the
// service persisted, so a replay to sequence N equals the live world at N.
package bridge
