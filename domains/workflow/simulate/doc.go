// Package simulate drives workflow instances against the workflow
// services as an ordinary client, so users can watch work flow live: it
// publishes the workflow if it is a template and not published yet,
// starts instances at a rate, does manual and approval steps itself and
// runs workers for automated steps, with random durations and outcomes
// drawn from a seeded generator, and reports progress.
//
// Every command it sends about a step is caused by the event that asked
// for the step, so the causation chain of each run is unbroken.
package simulate
