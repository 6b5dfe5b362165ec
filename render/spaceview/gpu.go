package spaceview

import (
	"image"
	"unsafe"

	"github.com/cimviz/cimviz/render/canvas"
	"github.com/cimviz/cimviz/render/spaceview/model"
	"github.com/hajimehoshi/ebiten/v2"
)

// gpu holds the glyph atlas on the GPU and sends each layer of a frame
// with one DrawTriangles32 call.
type gpu struct {
	atlas   *ebiten.Image
	atlasV  int
	opts    [model.LayerCount]ebiten.DrawTrianglesOptions
	ready   bool
	raster  *ebiten.Image
	rasterV uint64
}

func (r *gpu) init() {
	for i := range r.opts {
		r.opts[i].AntiAlias = model.Layer(i) == model.LayerBack || model.Layer(i) == model.LayerPlot || model.Layer(i) == model.LayerUI
		r.opts[i].Filter = ebiten.FilterLinear
	}
	r.atlasV, r.ready = -1, true
}

func (r *gpu) sync(g *canvas.Glyphs) {
	if r.atlasV == g.Version() {
		return
	}
	if r.atlas == nil {
		img := g.Image()
		r.atlas = ebiten.NewImage(img.Rect.Dx(), img.Rect.Dy())
	}
	r.atlas.WritePixels(g.Image().Pix)
	r.atlasV = g.Version()
}

func (r *gpu) draw(dst *ebiten.Image, f *model.Frame) {
	if !r.ready {
		r.init()
	}
	r.sync(f.G)
	for i := range f.Layers {
		m := &f.Layers[i]
		if len(m.I) > 0 {
			dst.DrawTriangles32(vertices(m.V), m.I, r.atlas, &r.opts[i])
		}
		if model.Layer(i) == model.LayerBack && f.Raster.On {
			r.drawRaster(dst, &f.Raster)
		}
	}
}

// drawRaster uploads the frame's raster when it changed and draws it
// scaled onto its box.
func (r *gpu) drawRaster(dst *ebiten.Image, ras *model.Raster) {
	if r.raster == nil || r.raster.Bounds().Dx() != ras.W || r.raster.Bounds().Dy() != ras.H {
		if r.raster != nil {
			r.raster.Deallocate()
		}
		r.raster, r.rasterV = ebiten.NewImage(ras.W, ras.H), 0
	}
	if r.rasterV != ras.Version {
		r.raster.WritePixels(ras.Pix)
		r.rasterV = ras.Version
	}
	op := &ebiten.DrawImageOptions{Filter: ebiten.FilterLinear}
	op.GeoM.Scale(ras.At.W/float64(ras.W), ras.At.H/float64(ras.H))
	op.GeoM.Translate(ras.At.X, ras.At.Y)
	dst.DrawImage(r.raster, op)
}

// snapshot draws the frame offscreen and reads it back.
func (r *gpu) snapshot(f *model.Frame, w, h int) *image.RGBA {
	off := ebiten.NewImage(w, h)
	defer off.Deallocate()
	r.draw(off, f)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	off.ReadPixels(img.Pix)
	return img
}

// vertices reinterprets canvas vertices as ebiten's (package render
// checks at compile time that the layouts are the same).
func vertices(v []canvas.Vertex) []ebiten.Vertex {
	if len(v) == 0 {
		return nil
	}
	return unsafe.Slice((*ebiten.Vertex)(unsafe.Pointer(&v[0])), len(v))
}
