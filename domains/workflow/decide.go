package workflow

import "fmt"

// Decide checks cmd against the instance and its definition and returns
// the events it causes, in causal order (each caused by the one before),
// together with the instance after them. in is not changed. def is the
// definition the instance runs; for StartInstance of a new instance it is
// the version to run. A refusal is an error wrapping ErrIllegal (naming the
// current state), ErrNotFound, ErrExists or ErrInvalid.
func Decide(in *Instance, def *Definition, cmd Command) (*Instance, []Event, error) {
	if cmd.Target() == "" {
		return nil, nil, fmt.Errorf("%w: %s names no instance", ErrInvalid, cmd.CommandType())
	}
	f := &flow{inst: in.Clone(), def: def}
	if f.inst.ID == "" {
		f.inst.ID = cmd.Target()
	}
	if err := f.handle(cmd); err != nil {
		return nil, nil, err
	}
	return f.inst, f.events, nil
}

func (f *flow) handle(cmd Command) error {
	switch c := cmd.(type) {
	case CreateInstance:
		return f.create(c)
	case StartInstance:
		return f.startInstance(c)
	case Pause:
		return f.lifecycle(Running, "pause", Event{Type: EvtInstancePaused})
	case Resume:
		return f.lifecycle(Paused, "resume", Event{Type: EvtResumed})
	case Cancel:
		return f.cancel(c)
	}
	return f.stepCommand(cmd)
}

func (f *flow) create(c CreateInstance) error {
	if f.inst.Exists() {
		return fmt.Errorf("%w: instance %q", ErrExists, c.Instance)
	}
	if err := f.needDefinition(c.Workflow); err != nil {
		return err
	}
	f.emit(Event{Type: EvtInstanceCreated, Workflow: f.def.Workflow, Version: f.def.Version, Context: c.Context})
	return nil
}

func (f *flow) startInstance(c StartInstance) error {
	if f.inst.Exists() && f.inst.State != Draft {
		return illegal(fmt.Sprintf("instance %q", c.Instance), f.inst.State, "start")
	}
	e := Event{Type: EvtInstanceStarted, Context: c.Context}
	if !f.inst.Exists() {
		if err := f.needDefinition(c.Workflow); err != nil {
			return err
		}
		if c.Depth < 0 || c.Depth > MaxDepth {
			return fmt.Errorf("%w: depth %d is outside 0..%d", ErrInvalid, c.Depth, MaxDepth)
		}
		e.Workflow, e.Version, e.Depth, e.Parent, e.ParentStep = f.def.Workflow, f.def.Version, c.Depth, c.Parent, c.ParentStep
	}
	f.emit(e)
	f.arrive(f.def.Start, "")
	f.run()
	return nil
}

func (f *flow) needDefinition(workflow string) error {
	switch {
	case f.def == nil:
		return fmt.Errorf("%w: workflow %q has no published definition", ErrNotFound, workflow)
	case workflow != "" && workflow != f.def.Workflow:
		return fmt.Errorf("%w: definition is %q, command asks for %q", ErrInvalid, f.def.Workflow, workflow)
	}
	return nil
}

func (f *flow) lifecycle(from State, action string, e Event) error {
	if err := f.needInstance(); err != nil {
		return err
	}
	if f.inst.State != from {
		return illegal(fmt.Sprintf("instance %q", f.inst.ID), f.inst.State, action)
	}
	f.emit(e)
	return nil
}

func (f *flow) cancel(c Cancel) error {
	if err := f.needInstance(); err != nil {
		return err
	}
	if f.inst.State.Terminal() {
		return illegal(fmt.Sprintf("instance %q", f.inst.ID), f.inst.State, "cancel")
	}
	f.emit(Event{Type: EvtCancelled, Reason: c.Reason})
	return nil
}

func (f *flow) needInstance() error {
	if !f.inst.Exists() {
		return fmt.Errorf("%w: instance %q", ErrNotFound, f.inst.ID)
	}
	return nil
}
