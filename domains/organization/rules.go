package organization

import "fmt"

func checkCreate(_ *Org, p Create) (Create, error) { return p, name("name", p.Name) }

func checkAddUnit(o *Org, p AddUnit) (AddUnit, error) {
	if err := names("unit", p.Unit, "name", p.Name); err != nil {
		return p, err
	}
	if o.Units[p.Unit] != nil {
		return p, fmt.Errorf("%w: unit %q", ErrDuplicate, p.Unit)
	}
	if p.Parent != "" {
		if _, err := o.unit(p.Parent); err != nil {
			return p, err
		}
	}
	return p, nil
}

func addUnit(o *Org, p AddUnit) {
	o.Units[p.Unit] = &Unit{ID: p.Unit, Name: p.Name, Parent: p.Parent}
	o.History = append(o.History, Change{Unit: p.Unit, To: p.Parent})
}

func checkMove(o *Org, p MoveUnit) (MoveUnit, error) {
	u, err := o.unit(p.Unit)
	if err != nil {
		return p, err
	}
	if p.Parent != "" {
		if _, err := o.unit(p.Parent); err != nil {
			return p, err
		}
	}
	switch {
	case p.Parent == u.Parent:
		return p, fmt.Errorf("%w: unit %q is already under %q", ErrUnchanged, p.Unit, p.Parent)
	case p.Parent != "" && o.within(p.Parent, p.Unit):
		return p, fmt.Errorf("%w: %q lies within %q", ErrCycle, p.Parent, p.Unit)
	}
	p.From = u.Parent
	return p, nil
}

func moveUnit(o *Org, p MoveUnit) {
	if u := o.Units[p.Unit]; u != nil {
		u.Parent = p.Parent
		o.History = append(o.History, Change{Unit: p.Unit, From: p.From, To: p.Parent})
	}
}

func checkMerge(o *Org, p Merge) (Merge, error) {
	if _, err := o.unit(p.From); err != nil {
		return p, err
	}
	if _, err := o.unit(p.Into); err != nil {
		return p, err
	}
	if o.within(p.Into, p.From) {
		return p, fmt.Errorf("%w: %q lies within %q", ErrCycle, p.Into, p.From)
	}
	return p, nil
}

// merge moves from's members and sub-units into into and marks from
// merged.
func merge(o *Org, p Merge) {
	from, into := o.Units[p.From], o.Units[p.Into]
	if from == nil || into == nil {
		return
	}
	for _, m := range from.Members {
		if into.member(m) < 0 {
			into.Members = append(into.Members, m)
		}
	}
	for _, c := range o.children(p.From) {
		o.Units[c].Parent = p.Into
	}
	from.Members, from.MergedInto = nil, p.Into
	o.History = append(o.History, Change{Unit: p.From, From: p.From, To: p.Into})
}

func checkAddMember(o *Org, p Member) (Member, error) {
	u, err := checkMember(o, p)
	if err == nil && u.member(Membership{p.Person, p.Role}) >= 0 {
		err = fmt.Errorf("%w: %s is %s of %q", ErrDuplicate, p.Person, p.Role, p.Unit)
	}
	return p, err
}

func checkRemoveMember(o *Org, p Member) (Member, error) {
	u, err := checkMember(o, p)
	if err == nil && u.member(Membership{p.Person, p.Role}) < 0 {
		err = fmt.Errorf("%w: %s is not %s of %q", ErrUnknown, p.Person, p.Role, p.Unit)
	}
	return p, err
}

func checkMember(o *Org, p Member) (*Unit, error) {
	if err := names("person", p.Person, "role", p.Role); err != nil {
		return nil, err
	}
	return o.unit(p.Unit)
}

func addMember(o *Org, p Member) {
	if u := o.Units[p.Unit]; u != nil {
		u.Members = append(u.Members, Membership{p.Person, p.Role})
	}
}

func removeMember(o *Org, p Member) {
	if u := o.Units[p.Unit]; u != nil {
		if i := u.member(Membership{p.Person, p.Role}); i >= 0 {
			u.Members = append(u.Members[:i:i], u.Members[i+1:]...)
		}
	}
}

func checkReporting(o *Org, p ReportingLine) (ReportingLine, error) {
	if err := names("person", p.Person, "manager", p.Manager); err != nil {
		return p, err
	}
	switch {
	case p.Person == p.Manager:
		return p, fmt.Errorf("%w: %s cannot report to themselves", ErrCycle, p.Person)
	case o.ReportsTo[p.Person] == p.Manager:
		return p, fmt.Errorf("%w: %s already reports to %s", ErrUnchanged, p.Person, p.Manager)
	}
	for _, m := range o.managers(p.Manager) {
		if m == p.Person {
			return p, fmt.Errorf("%w: %s is above %s", ErrCycle, p.Person, p.Manager)
		}
	}
	return p, nil
}

func checkUnreport(o *Org, p ReportingLine) (ReportingLine, error) {
	if _, ok := o.ReportsTo[p.Person]; !ok {
		return p, fmt.Errorf("%w: %s reports to no one", ErrUnknown, p.Person)
	}
	return ReportingLine{Person: p.Person}, nil
}
