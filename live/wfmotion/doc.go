// Package wfmotion folds workflow instance events into the runtime state
// of each workflow's steps, for drawing a workflow while it runs: how many
// instances are running, waiting or failed at each step, and which
// transitions an event just took. It is pure (no NATS, no ebiten): the
// editor hands it every event of cim.workflow.evt.> with its instance ID,
// and reads [Motion.Counts] for the workflow whose graph is open.
//
// The state is presentation, never authoritative: an editor that joins
// in the middle of a run knows nothing of instances whose instance_started
// it did not see, and ignores their events.
//
// Rules:
//   - a step is Running from step_started until it completes, fails or is
//     skipped; it is Waiting while it waits for someone (an approval) or
//     for something (a join's missing branches, a retry);
//   - a failed step stays Failed until it is retried; when the instance
//     fails, its failed steps keep counting (the red stays where the run
//     broke) and its other steps leave; the newest [MaxFailed] failed
//     instances are remembered;
//   - a completed or cancelled instance leaves no trace.
package wfmotion
