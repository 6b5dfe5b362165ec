package panes

import (
	"testing"

	"github.com/google/uuid"
	"pgregory.net/rapid"

	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/live/eventlog"
	"github.com/cimviz/cimviz/render/canvas"
)

// Whatever crossed the wire (bad UTF-8, control characters, huge
// values), the panels select it and draw it without panicking.
func TestAnyEntryDraws(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := eventlog.New(eventlog.WithCapacity(50))
		bytes := rapid.SliceOfN(rapid.Byte(), 0, 300)
		for i := range rapid.IntRange(1, 20).Draw(t, "n") {
			e := eventlog.Entry{
				Subject: string(bytes.Draw(t, "subject")), Type: string(bytes.Draw(t, "type")),
				Kind:      rapid.SampledFrom([]string{"event", "command", "query", "other", ""}).Draw(t, "kind"),
				Aggregate: string(bytes.Draw(t, "agg")), Body: bytes.Draw(t, "body"),
				Headers: []eventlog.Header{{Key: string(bytes.Draw(t, "key")), Value: string(bytes.Draw(t, "value"))}},
			}
			e.Identity.MessageID = uuid.New()
			if i%2 == 1 {
				e.Identity.CorrelationID = uuid.New()
			}
			l.Push(e)
		}
		s := newState(l, nil)
		g := s.logGeomNow()
		row := rapid.IntRange(0, 19).Draw(t, "row")
		s.Update(clickAt(g.rows.X+50, g.rows.Y+float32(row)*rowH+3), area)
		s.Build(area)
	})
}

// A correlation of hundreds of messages still fits the card: it turns
// into dots instead of boxes spilling over the canvas.
func TestBigTreeFitsCard(t *testing.T) {
	l := eventlog.New()
	corr := uuid.New()
	var ids []uuid.UUID
	for i := range 400 {
		id := uuid.New()
		cause := id
		if i > 0 {
			cause = ids[(i-1)/3]
		}
		ids = append(ids, id)
		l.Push(eventlog.Entry{Subject: "cim.x.evt.y", Kind: "event", Type: "y",
			Identity: message.Identity{MessageID: id, CorrelationID: corr, CausationID: cause}})
	}
	s := newState(l, nil)
	e, _ := l.Row(0)
	s.Log.Select(e)
	s.Update(at(0, 0), area)
	if tr := s.Causation.Tree(); tr == nil || len(tr.Nodes) != 400 {
		t.Fatalf("tree of %v", tr)
	}
	card := s.Layout(area).Causation
	var m canvas.Mesh
	s.Causation.build(painter{m: &m, g: glyphs}, card)
	for _, v := range m.V {
		if v.DstX < card.X-1 || v.DstX > card.X+card.W+1 || v.DstY < card.Y-1 || v.DstY > card.Y+card.H+1 {
			t.Fatalf("a vertex at (%v, %v) is outside the card %+v", v.DstX, v.DstY, card)
		}
	}
}
