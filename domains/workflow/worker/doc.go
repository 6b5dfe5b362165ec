// Package worker does a workflow's automated steps, and gives the
// workflow service its durable event reactions.
//
// Workers share one JetStream durable pull consumer (a queue group:
// each step_started event goes to one worker) with explicit acks. A worker
// acks an event only after its report (complete_step or fail_step) was
// accepted or definitively refused; a worker that dies mid-step acks
// nothing, so after AckWait the server redelivers the event to another
// worker and the step is done, not lost. Reports carry the attempt they
// are about, so a late report on an attempt that was retried since is
// refused instead of completing the new attempt.
package worker
