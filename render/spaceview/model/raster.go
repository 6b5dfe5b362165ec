package model

import "github.com/cimviz/cimviz/render/canvas"

// RasterW and RasterH are the size of the nearest-prototype map drawn
// where the cells' polygons are only approximate (about half the plot's
// pixels at the default window size).
const RasterW, RasterH = 468, 310

// Raster is a picture the GPU layer draws over the back layer, scaled to
// At: premultiplied RGBA, top row first. Version changes when Pix does.
type Raster struct {
	On      bool
	Pix     []byte
	W, H    int
	At      Box
	Version uint64
}

// fill paints the derived view's nearest-prototype map: each pixel in its
// owner's colour, translucent, brighter where the owner changes (the
// borders). It repaints only for a new derived view.
func (r *Raster) fill(d *Derived, at Box) {
	r.On, r.At = true, at
	if r.Version == d.rev && len(r.Pix) == 4*RasterW*RasterH {
		return
	}
	r.W, r.H, r.Version = RasterW, RasterH, d.rev
	if len(r.Pix) != 4*RasterW*RasterH {
		r.Pix = make([]byte, 4*RasterW*RasterH)
	}
	for y := range RasterH {
		row := d.Raster[(RasterH-1-y)*RasterW:][:RasterW] // bottom row first in the map
		for x, k := range row {
			r.put(4*(y*RasterW+x), colourOf(d, k), border(d.Raster, RasterH-1-y, x, k))
		}
	}
}

// border says whether the pixel's right or upper neighbour has another
// owner.
func border(m []int, y, x, k int) bool {
	return (x+1 < RasterW && m[y*RasterW+x+1] != k) || (y+1 < RasterH && m[(y+1)*RasterW+x] != k)
}

func colourOf(d *Derived, k int) canvas.Color {
	if k >= 0 && k < len(d.Colours) {
		return d.Colours[k]
	}
	return colGrid
}

func (r *Raster) put(i int, c canvas.Color, edge bool) {
	a := float32(0.32)
	if edge {
		c, a = mix(c, colWhite, 0.35), 0.85
	}
	r.Pix[i], r.Pix[i+1], r.Pix[i+2], r.Pix[i+3] = byte(255*c.R*a), byte(255*c.G*a), byte(255*c.B*a), byte(255*a)
}
