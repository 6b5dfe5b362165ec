// Package bridge is the asynchronous link between the editor's world and the
// domain services on NATS: intents go out as commands, persisted events come
// back over a bounded channel that the game loop drains.
package bridge
