package workflow

// checkPaths reports steps the start cannot reach and steps from which no
// end can be reached (a run there could never finish).
func (v *validator) checkPaths() {
	var ends []string
	for _, s := range v.def.Steps() {
		if s.Kind == KindEnd {
			ends = append(ends, s.ID)
		}
	}
	if len(ends) == 0 {
		v.add(Problem{Msg: "no end step; a workflow needs at least one"})
	}
	if v.def.Start == "" {
		return
	}
	reach := v.reachable([]string{v.def.Start}, v.successors)
	finishes := v.reachable(ends, v.predecessors)
	for _, s := range v.def.Steps() {
		if !reach[s.ID] {
			v.add(nodeProblem(s.ID, "not reachable from the start step %q", v.def.Start))
		} else if len(ends) > 0 && !finishes[s.ID] {
			v.add(nodeProblem(s.ID, "no end step can be reached from here"))
		}
	}
}

func (v *validator) successors(id string) []string {
	var next []string
	for _, t := range v.def.out[id] {
		next = append(next, t.To)
	}
	return next
}

func (v *validator) predecessors(id string) []string {
	var prev []string
	for _, t := range v.def.in[id] {
		prev = append(prev, t.From)
	}
	return prev
}

func (v *validator) reachable(from []string, next func(string) []string) map[string]bool {
	seen := map[string]bool{}
	stack := append([]string(nil), from...)
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[id] {
			continue
		}
		seen[id] = true
		stack = append(stack, next(id)...)
	}
	return seen
}

// checkForks makes forks and joins balance: every fork's branches must
// first meet again at a join (the fork's immediate post-dominator) that
// waits for exactly as many branches, and every join must close a fork.
func (v *validator) checkForks() {
	pdom := v.postDominators()
	closed := map[string]bool{}
	for _, s := range v.def.Steps() {
		if s.Kind != KindFork || len(v.def.out[s.ID]) < 2 || pdom[s.ID] == nil {
			continue
		}
		join := v.immediate(s.ID, pdom)
		js, _ := v.def.Step(join)
		switch {
		case js.Kind != KindJoin:
			v.add(nodeProblem(s.ID, "fork's branches do not meet at a join (they first meet at %s)", describeMeet(join)))
		case len(v.def.in[join]) != len(v.def.out[s.ID]):
			v.add(nodeProblem(s.ID, "fork has %d branches but its join %q waits for %d", len(v.def.out[s.ID]), join, len(v.def.in[join])))
		default:
			closed[join] = true
		}
	}
	for _, s := range v.def.Steps() {
		if s.Kind == KindJoin && !closed[s.ID] && pdom[s.ID] != nil {
			v.add(nodeProblem(s.ID, "join closes no fork; only a fork's branches may meet at a join"))
		}
	}
}

func describeMeet(id string) string {
	if id == "" {
		return "no step"
	}
	return "step " + quoteID(id)
}

func quoteID(id string) string { return "\"" + id + "\"" }

// postDominators computes, for every step that can reach an end, the set
// of steps every path from it to an end passes through (itself included),
// by the usual fixpoint. Steps that cannot finish get nil.
func (v *validator) postDominators() map[string]map[string]bool {
	steps := v.def.Steps()
	pdom := map[string]map[string]bool{}
	for _, s := range steps {
		if s.Kind == KindEnd {
			pdom[s.ID] = map[string]bool{s.ID: true}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, s := range steps {
			if s.Kind == KindEnd {
				continue
			}
			if next := v.meet(s.ID, pdom); next != nil && !sameSet(next, pdom[s.ID]) {
				pdom[s.ID], changed = next, true
			}
		}
	}
	return pdom
}

// meet is {id} ∪ the intersection of the successors' sets (successors
// not computed yet count as "everything").
func (v *validator) meet(id string, pdom map[string]map[string]bool) map[string]bool {
	var acc map[string]bool
	for _, t := range v.def.out[id] {
		set := pdom[t.To]
		if set == nil {
			continue
		}
		if acc == nil {
			acc = copySet(set)
			continue
		}
		for k := range acc {
			if !set[k] {
				delete(acc, k)
			}
		}
	}
	if acc == nil {
		return nil
	}
	acc[id] = true
	return acc
}

// immediate returns the nearest strict post-dominator of id: the one whose
// own set is largest (the sets along the chain are nested).
func (v *validator) immediate(id string, pdom map[string]map[string]bool) string {
	best, size := "", -1
	for p := range pdom[id] {
		if p != id && len(pdom[p]) > size {
			best, size = p, len(pdom[p])
		}
	}
	return best
}

func copySet(s map[string]bool) map[string]bool {
	c := make(map[string]bool, len(s))
	for k := range s {
		c[k] = true
	}
	return c
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
