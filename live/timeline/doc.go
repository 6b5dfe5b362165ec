// Package timeline is time travel over the graph domain's event log: the
// state of every graph (map graph ID → *change.State) at any store
// sequence, stepping one event either way, playback at 1x..100x of the
// original pace, and a way back to live.
//
// Seeking is fast because the timeline keeps snapshots every K events
// ([WithSnapshotEvery], default [DefaultSnapshotEvery] = 10,000): a seek
// starts from the nearest snapshot at or before the target, or from where
// the cursor already is when that is closer, and replays at most K
// events. Snapshots are copy-on-write per graph: a snapshot holds one
// map entry per graph, and a graph's state is copied only when an event
// touches it after a snapshot took it. So snapshot memory is about
//
//	(N / K) × (#graphs × 64 B + the size of the graphs touched in each
//	stretch of K events)
//
// which is (N/K) full copies of the state in the worst case (every graph
// touched in every stretch) and a few copies of the busy graphs in the
// usual one. The cursor itself shares unchanged graphs with the snapshot
// it started from, so a seek costs O(#graphs + K events), not a deep copy
// of everything.
//
// The states a [Timeline] hands out are read-only and valid until the
// next call that moves it; Clone one to keep it. A Timeline is not safe
// for concurrent use: the game loop owns it, and a follower goroutine
// hands new events to the loop, which calls [Timeline.Append].
//
// Events that do not fit the state they are applied to (a corrupt log)
// are skipped and counted by [Timeline.Bad]; replay is deterministic, so
// they are skipped the same way on every seek.
package timeline
