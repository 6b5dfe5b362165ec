package location

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"github.com/cimviz/cimviz/domains/subject"
)

// Sentinels of the place model; the service wraps each in
// service.ErrInvalid unless said otherwise.
var (
	ErrBadName   = errors.New("bad name")
	ErrBadKind   = errors.New("bad kind")
	ErrBadPoint  = errors.New("bad coordinates")
	ErrBadRegion = errors.New("bad region polygon")
	ErrBadParent = errors.New("bad parent")
	ErrCycle     = errors.New("containment cycle")
	ErrSame      = errors.New("nothing changes") // 409
)

// Place is one aggregate: a named place of some kind with a point, an
// optional region and the place that contains it.
type Place struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Kind    string      `json:"kind"`
	Address string      `json:"address,omitempty"`
	Point   orb.Point   `json:"point"` // [lon, lat] in degrees
	Region  orb.Polygon `json:"region,omitempty"`
	Parent  string      `json:"parent,omitempty"`
}

// Usual kinds; any lower-case token is a kind.
const (
	Country   = "country"
	City      = "city"
	Office    = "office"
	Warehouse = "warehouse"
)

// Bounds of a region polygon.
const (
	maxRings  = 64
	maxPoints = 10000
	maxText   = 200
)

var kindForm = regexp.MustCompile(`^[a-z][a-z0-9_]{0,31}$`)

// clone copies the place so that a change to the copy leaves it alone.
func (p *Place) clone() *Place {
	c := *p
	c.Region = p.Region.Clone()
	return &c
}

// checkName refuses an empty, over-long or non-text name or address.
func checkName(what, s string, required bool) error {
	switch {
	case required && s == "":
		return fmt.Errorf("%w: no %s", ErrBadName, what)
	case len(s) > maxText || !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0:
		return fmt.Errorf("%w: %s must be text of at most %d bytes", ErrBadName, what, maxText)
	case strings.TrimSpace(s) != s:
		return fmt.Errorf("%w: %s %q has space at an end", ErrBadName, what, s)
	}
	return nil
}

func checkKind(kind string) error {
	if !kindForm.MatchString(kind) {
		return fmt.Errorf("%w: %q, want a lower-case token such as city or office", ErrBadKind, kind)
	}
	return nil
}

// CheckPoint refuses a point off the globe: lon in [-180, 180], lat in
// [-90, 90], both finite.
func CheckPoint(p orb.Point) error {
	lon, lat := p.Lon(), p.Lat()
	if math.IsNaN(lon) || math.IsNaN(lat) || math.Abs(lon) > 180 || math.Abs(lat) > 90 {
		return fmt.Errorf("%w: [%g, %g], want lon in [-180, 180] and lat in [-90, 90]", ErrBadPoint, lon, lat)
	}
	return nil
}

// CheckRegion refuses a polygon that is not one: every ring closed, of at
// least four points, on the globe; at most 64 rings and 10000 points. An
// empty polygon is no region.
func CheckRegion(poly orb.Polygon) error {
	if len(poly) > maxRings {
		return fmt.Errorf("%w: %d rings, at most %d", ErrBadRegion, len(poly), maxRings)
	}
	n := 0
	for i, r := range poly {
		n += len(r)
		if len(r) < 4 || !r.Closed() {
			return fmt.Errorf("%w: ring %d must be closed and have at least 4 points", ErrBadRegion, i)
		}
		for _, p := range r {
			if err := CheckPoint(p); err != nil {
				return fmt.Errorf("%w: ring %d: %w", ErrBadRegion, i, err)
			}
		}
	}
	if n > maxPoints {
		return fmt.Errorf("%w: %d points, at most %d", ErrBadRegion, n, maxPoints)
	}
	return nil
}

// checkParent refuses a parent that cannot be an aggregate ID or is the
// place itself ("" is no parent).
func checkParent(id, parent string) error {
	if parent == "" {
		return nil
	}
	if parent == id {
		return fmt.Errorf("%w: %s cannot contain itself", ErrCycle, id)
	}
	if err := subject.ValidateToken("parent", parent); err != nil {
		return fmt.Errorf("%w: %w", ErrBadParent, err)
	}
	return nil
}

// check validates a whole place.
func (p *Place) check() error {
	return errors.Join(checkName("name", p.Name, true), checkName("address", p.Address, false), checkKind(p.Kind),
		CheckPoint(p.Point), CheckRegion(p.Region), checkParent(p.ID, p.Parent))
}
