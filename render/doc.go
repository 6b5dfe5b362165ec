// Package render draws the ecs world with ebiten and reads ebiten input into
// ecs input snapshots. It is the only package besides cmd/cimviz that touches
// ebiten, so it is the only one whose tests need a display.
package render
