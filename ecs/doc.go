// Package ecs holds the editor's arche world: components, resources and the
// systems that turn an input snapshot into intents. It never calls ebiten or
// NATS, so a whole editing session can be played in a test without a window.
package ecs
