// Package wfservice runs the workflow domain on the CQRS harness
// (domains/service) as two services:
//
//   - "workflowdef": one aggregate per workflow, its published versions.
//     Commands publish (first version; refused with 409 when the workflow
//     exists, which is how a client publishes "if needed") and
//     publish_version (the next version). Queries: get (the definition at
//     a version, default newest) and instances (the instances of the
//     workflow, optionally in one state; the harness has no cross-aggregate
//     queries, so listing hangs off the workflow's aggregate).
//   - "workflow": one aggregate per instance. Commands create_instance,
//     start_instance, start_draft, complete_step, fail_step, retry_step,
//     skip_step, approve, reject, pause, resume, cancel. Queries: get and
//     history. Events are on cim.workflow.evt.<instance>.<event>.
//
// A [Registry] follows the definitions' events (and reads through to the
// store on a miss), so an instance's Decide finds the definition version
// it runs; definitions are immutable, so that lookup does not make Decide
// depend on timing, except which version is "newest" for a new instance.
// A [Catalog] follows the instances' events and answers the instances
// query. A [Reactor] runs subworkflows: it starts a child when a
// subworkflow step starts and reports the child's end to the parent.
//
// Causation: the harness makes every event of one command caused by that
// command; workers, the reactor and the simulator send each command caused
// by the event that prompted it. So from the start command to the last
// step, every event's cause is the command before it, and every command
// but the first is caused by an event before it: one unbroken chain under
// one correlation ID.
package wfservice
