// Package ecs holds the editor's arche world: components, resources and the
// systems that turn an input snapshot into intents. It never calls ebiten or
// NATS, so a whole editing session can be played in a test without a window.
//
// # Outline
//
// An [Editor] owns one arche World and is used from the game goroutine
// only. Render calls [Editor.Update] with an [Input] each tick, then draws
// from the views ([Editor.VisibleNodes], [Editor.Edges], [Editor.Groups],
// [Editor.SelectionBox], [Editor.ConnectLine], [Editor.UI],
// [Editor.Breadcrumbs], [Editor.Status]) and may skip drawing while
// [Editor.Revision] is unchanged. The systems' intents are graph/change
// command values; a driver takes them with [Editor.TakeIntents] and answers
// with [Editor.Receive]. [LocalService] is that driver without NATS; the
// bridge replaces it.
//
// Authoritative components change only in [ApplyEvent]:
//   - [Node] (graph node ID, kind, properties), [Label], [Position]
//   - [Edge] (end entities and IDs, label, kind), [SubgraphRef]
//
// Presentation components are UI-only:
//   - [Pending] (optimistic position drawn as a ghost), [Size] and [Shape]
//   - [Selected], [Hovered], [Pulse] (event flow), [Match] (find)
//   - [Group] and [Hidden] (a selection collapsed in place)
//   - [StepRun] (instances running, waiting, failed at a workflow step
//     while the workflow runs), set by [Editor.SetStepRuns]; transitions
//     taken pulse with [Editor.PulseEdge]. Both mark only the entities
//     they change, so watching a run never copies the whole scene.
//
// Resources (arche resources, also reachable from the Editor):
//   - [Camera] (mathgl world↔screen matrices, zoom, pan), [Clock], [Theme]
//   - [Grid] (step, show, snap), [SpatialIndex] (uniform grid hit testing)
//   - [Lookup] (entities by graph ID), [Outbox] (intents), [History]
//   - [Status] (status bar), [Revision] (skip-draw), [Pointer] (gesture)
//   - [UI] (help, [Palette], [FindBar], [LabelEdit], path of [Crumb]s)
//   - [Clipboard] (graph JSON)
//
// Systems, in the order [Editor.Update] runs them:
//   - clock, window size and pulse ageing
//   - overlay keys: label editing, command palette, find bar
//   - action keys: the [Keymap] table ([DefaultKeymap]) maps chords to
//     named actions run by [Editor.Run]; the palette searches it with
//     [SearchActions]
//   - camera: wheel zoom at the cursor
//   - pointer: hover, click/Shift/Ctrl-click and rubber-band selection,
//     dragging (one move_node, or one apply_layout for several nodes, when
//     the drag ends), connecting from a node's handle (add_edge),
//     Space/middle-drag pan, double click to open a subgraph or edit a label
//
// Actions cover undo/redo (a [History] of [Step]s with inverses from
// change.Inverse at issue time), delete, copy/cut/paste/duplicate, align
// ([AlignBoxes]) and distribute ([DistributeBoxes]), find, fit, grid and
// snap, collapse/expand, auto-layout ([LayoutWith] graph/layout, layered by
// default) and nested-graph navigation ([Editor.Back]).
//
// # Driving the editor (the bridge's contract)
//
// Each tick: [Editor.Update], then send [Editor.TakeIntents] in order.
// Answer each of this client's commands, in the order sent, with
// [Editor.Receive] (its events, or the refusal: pending positions snap
// back and the status bar says why). Events other clients caused go
// through [ApplyEvent] with their graph ID; events of graphs that are not
// open are ignored (opening a graph reads it fresh from the [Source]).
// Until a command is answered, later actions are planned on the confirmed
// state plus the commands in flight, so their inverses stay right.
//
// Scripted input ([ParseScript]) turns a small text format into a timeline
// of Input snapshots that drives the same systems as real input.
package ecs
