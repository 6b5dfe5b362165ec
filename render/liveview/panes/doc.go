// Package panes is the live panels without ebiten: the event log panel,
// the causation view and the timeline bar, as state that an [ecs.Input]
// moves and triangles ([canvas.Mesh]) that a thin ebiten layer
// (render/liveview) sends in one draw call.
//
// It never imports ebiten (whose import needs a display), so the
// virtual row window, the filter syntax ([ParseFilter]), hit testing
// ([Layout.HitTest]) and the timeline controls are tested and
// benchmarked anywhere.
//
// The log view is virtual: [Window] picks the rows a viewport shows, and
// only those are read from the log ([eventlog.Log.Rows]) and built, so a
// frame costs the same over 100 entries or 100,000.
package panes
