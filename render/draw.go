package render

import (
	"unsafe"

	"github.com/cimviz/cimviz/render/canvas"
	_ "github.com/cimviz/cimviz/render/internal/headless" // before ebiten's init: no panic without a display
	"github.com/hajimehoshi/ebiten/v2"
)

// canvas.Vertex must match ebiten.Vertex field for field, so a mesh's
// vertex slice can be handed to ebiten without a copy. These fail to
// compile if ebiten ever changes the layout.
var (
	_ [unsafe.Sizeof(ebiten.Vertex{}) - unsafe.Sizeof(canvas.Vertex{})]struct{}
	_ [unsafe.Sizeof(canvas.Vertex{}) - unsafe.Sizeof(ebiten.Vertex{})]struct{}
	_ [unsafe.Offsetof(ebiten.Vertex{}.ColorA) - unsafe.Offsetof(canvas.Vertex{}.ColorA)]struct{}
	_ [unsafe.Offsetof(canvas.Vertex{}.ColorA) - unsafe.Offsetof(ebiten.Vertex{}.ColorA)]struct{}
	_ [unsafe.Offsetof(ebiten.Vertex{}.SrcX) - unsafe.Offsetof(canvas.Vertex{}.SrcX)]struct{}
	_ [unsafe.Offsetof(canvas.Vertex{}.SrcX) - unsafe.Offsetof(ebiten.Vertex{}.SrcX)]struct{}
)

func ebitenVertices(v []canvas.Vertex) []ebiten.Vertex {
	if len(v) == 0 {
		return nil
	}
	return unsafe.Slice((*ebiten.Vertex)(unsafe.Pointer(&v[0])), len(v))
}

// Renderer is the thin ebiten layer: it owns the atlas texture and sends
// each non-empty layer of a [canvas.Frame] with one DrawTriangles32 call.
type Renderer struct {
	Frame   *canvas.Frame
	atlas   *ebiten.Image
	atlasV  int
	opts    [canvas.LayerCount]ebiten.DrawTrianglesOptions
	lastNum int
	raster  *ebiten.Image // the frame's Raster on the GPU
	rasterV int
}

// NewRenderer returns a renderer with a fresh glyph atlas.
func NewRenderer() (*Renderer, error) {
	g, err := canvas.NewGlyphs()
	if err != nil {
		return nil, err
	}
	r := &Renderer{Frame: canvas.NewFrame(g), atlasV: -1}
	for i := range r.opts {
		r.opts[i].Filter = ebiten.FilterLinear
	}
	r.opts[canvas.LayerUIText].Filter = ebiten.FilterNearest
	r.opts[canvas.LayerOverlayText].Filter = ebiten.FilterNearest
	return r, nil
}

// syncAtlas uploads the glyph atlas when glyphs were added since the last
// upload (new runes typed or loaded).
func (r *Renderer) syncAtlas() {
	g := r.Frame.G
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

// Draw sends every layer of the frame to dst and returns the number of
// draw calls it made.
func (r *Renderer) Draw(dst *ebiten.Image) int {
	r.syncAtlas()
	n := 0
	for i := range r.Frame.Layers {
		m := &r.Frame.Layers[i]
		if len(m.I) > 0 {
			dst.DrawTriangles32(ebitenVertices(m.V), m.I, r.atlas, &r.opts[i])
			n++
		}
		if canvas.Layer(i) == canvas.LayerCanvas && r.Frame.Raster.On {
			r.drawRaster(dst)
			n++
		}
	}
	r.lastNum = n
	return n
}

// drawRaster uploads the frame's raster when it was redrawn and draws it
// over the canvas layer.
func (r *Renderer) drawRaster(dst *ebiten.Image) {
	ras := &r.Frame.Raster
	if r.raster == nil || r.raster.Bounds().Dx() != ras.W || r.raster.Bounds().Dy() != ras.H {
		if r.raster != nil {
			r.raster.Deallocate()
		}
		r.raster, r.rasterV = ebiten.NewImage(max(ras.W, 1), max(ras.H, 1)), -1
	}
	if r.rasterV != ras.Version && len(ras.Pix) == 4*ras.W*ras.H && ras.W > 0 {
		r.raster.WritePixels(ras.Pix)
		r.rasterV = ras.Version
	}
	dst.DrawImage(r.raster, nil)
}

// DrawCalls is the number of draw calls of the last Draw.
func (r *Renderer) DrawCalls() int { return r.lastNum }
