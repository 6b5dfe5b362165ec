package document

import (
	"slices"

	"github.com/cimviz/cimviz/domains/message"
)

// appliers evolve a document by one event's payload.
var appliers = map[string]func(d *Document, ev message.Event) bool{
	"document_created": func(d *Document, ev message.Event) bool {
		var c Created
		if decode(ev.Payload, &c, false) != nil || c.Version.CID == "" {
			return false
		}
		c.Version.Time = ev.Time
		*d = Document{ID: ev.AggregateID, Title: c.Title, MediaType: c.MediaType, Tags: c.Tags,
			Author: c.Author, Versions: []Version{c.Version}}
		return true
	},
	"version_added": func(d *Document, ev message.Event) bool {
		var c VersionAdded
		if decode(ev.Payload, &c, false) != nil || c.Version.CID == "" {
			return false
		}
		c.Version.Time = ev.Time
		d.Versions = append(d.Versions, c.Version)
		return true
	},
	"metadata_set": func(d *Document, ev message.Event) bool {
		var m Metadata
		if decode(ev.Payload, &m, false) != nil {
			return false
		}
		d.Title, d.MediaType, d.Tags = m.Title, m.MediaType, m.Tags
		return true
	},
	"document_linked": func(d *Document, ev message.Event) bool {
		var t Target
		if decode(ev.Payload, &t, false) != nil {
			return false
		}
		d.Links = append(d.Links, t)
		return true
	},
	"document_unlinked": func(d *Document, ev message.Event) bool {
		var t Target
		if decode(ev.Payload, &t, false) != nil {
			return false
		}
		if i := d.link(t); i >= 0 {
			d.Links = slices.Delete(d.Links, i, i+1)
		}
		return true
	},
}

// Apply evolves a document by one event, in place; an event that does
// not decode (never one this code wrote) or is unknown leaves it as it is.
func Apply(d *Document, ev message.Event) *Document {
	if f, ok := appliers[ev.Type]; ok {
		next := d.clone()
		if f(next, ev) {
			*d = *next
		}
	}
	return d
}
