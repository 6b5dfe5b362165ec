package flow

import (
	"strings"
	"time"

	"github.com/nats-io/nats.go/micro"

	"github.com/cimviz/cimviz/domains/subject"
	"github.com/cimviz/cimviz/live/pattern"
)

// instanceTTL: an instance that has not answered discovery for this
// long (while another instance did) no longer counts.
const instanceTTL = 30 * time.Second

// service is what discovery told about one service name.
type service struct {
	name, version, domain string
	endpoints             []pattern.Pattern
	instances             map[string]time.Time
}

func (s *service) update(info micro.Info, at time.Time) {
	s.version = info.Version
	s.instances[info.ID] = at
	for id, seen := range s.instances {
		if at.Sub(seen) > instanceTTL {
			delete(s.instances, id) // stopped answering discovery
		}
	}
	s.endpoints = s.endpoints[:0]
	for _, ep := range info.Endpoints {
		if p, err := pattern.Compile(ep.Subject); err == nil {
			s.endpoints = append(s.endpoints, p)
		}
	}
	s.domain = info.Metadata["domain"]
	if s.domain == "" {
		s.domain = domainOf(s.endpoints)
	}
}

// domainOf is the <domain> of the first cim.<domain>.… endpoint.
func domainOf(patterns []pattern.Pattern) string {
	for _, p := range patterns {
		toks := strings.Split(p.String(), ".")
		if len(toks) >= 2 && toks[0] == subject.Root && toks[1] != subject.One && toks[1] != subject.Rest {
			return toks[1]
		}
	}
	return ""
}

// handles reports whether one of the service's endpoints matches subj.
func (s *service) handles(subj string) bool {
	for _, p := range s.endpoints {
		if p.Match(subj) {
			return true
		}
	}
	return false
}

// owner is the service whose domain the subject is in.
func (o *Observer) owner(subj string) *service {
	toks := strings.SplitN(subj, ".", 3)
	if len(toks) < 2 || toks[0] != subject.Root {
		return nil
	}
	for _, s := range o.order {
		if s.domain == toks[1] {
			return s
		}
	}
	return nil
}

// handlers are the services with an endpoint matching subj.
func (o *Observer) handlers(subj string) []*service {
	var out []*service
	for _, s := range o.order {
		if s.handles(subj) {
			out = append(out, s)
		}
	}
	return out
}

// isEvent: cim.<domain>.evt.…
func isEvent(subj string) bool {
	toks := strings.SplitN(subj, ".", 4)
	return len(toks) >= 3 && toks[0] == subject.Root && toks[2] == string(subject.KindEvent)
}

// Group is the subject node a subject (or endpoint pattern) belongs to:
// cim.<domain>.<kind> for CIM subjects, $SRV.<verb> for discovery, the
// first two tokens otherwise.
func Group(subj string) string {
	toks := strings.SplitN(subj, ".", 4)
	if toks[0] == subject.Root && len(toks) >= 3 {
		return strings.Join(toks[:3], ".")
	}
	return strings.Join(toks[:min(len(toks), 2)], ".")
}
