// Package model is the display-free half of the conceptual space view:
// which dimensions are on the axes, how data coordinates map to the
// screen (2D frame, 3D orbit camera), hit testing, the drag and slider
// gestures and the one command each finished gesture emits, the cells
// and categories recomputed from the space under pending edits, and the
// triangle meshes of a frame (package canvas, pure Go). Package spaceview
// only feeds it ecs.Input frames and draws its meshes with ebiten.
package model
