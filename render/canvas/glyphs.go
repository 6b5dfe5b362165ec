package canvas

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// ErrFont marks a font that could not be parsed or rasterised.
var ErrFont = errors.New("font")

// Face selects one of the baked font sizes.
type Face uint8

// The baked faces: UI text is drawn at its baked size (crisp), labels on
// the canvas are scaled with the camera from a larger bake.
const (
	FaceUI Face = iota
	FaceLabel
	faceCount
)

var faceSizes = [faceCount]float64{FaceUI: 14, FaceLabel: 32}

const (
	atlasSize = 1024
	glyphPad  = 2
	// whiteUV is the texel every untextured vertex samples: the centre of
	// the white 4x4 patch in the atlas's top-left corner.
	whiteX, whiteY = 2, 2
)

// glyph is where one rune of one face lies in the atlas, and how it sits
// on the baseline (offsets in pixels of the baked size).
type glyph struct {
	ok             bool
	adv            float32
	x0, y0, x1, y1 float32
	u0, v0, u1, v1 float32
}

// Glyphs is a texture atlas of rasterised glyphs plus the white patch
// that solid shapes sample, so text and shapes share one source image and
// every label of a frame goes out in one draw call. It is pure Go: layout
// and rasterisation work without a display; the ebiten layer uploads
// [Glyphs.Image] when [Glyphs.Version] changes.
type Glyphs struct {
	img     *image.RGBA
	faces   [faceCount]font.Face
	ascent  [faceCount]float32
	line    [faceCount]float32
	ascii   [faceCount][128]glyph
	extra   map[glyphKey]glyph
	penX    int
	penY    int
	rowH    int
	version int
}

type glyphKey struct {
	f Face
	r rune
}

// NewGlyphs parses the embedded Go font and bakes printable ASCII for
// every face; other runes are baked when first drawn.
func NewGlyphs() (*Glyphs, error) {
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, fmt.Errorf("%w: parse go regular: %v", ErrFont, err)
	}
	g := &Glyphs{img: image.NewRGBA(image.Rect(0, 0, atlasSize, atlasSize)), extra: map[glyphKey]glyph{}}
	draw.Draw(g.img, image.Rect(0, 0, 5, 5), image.White, image.Point{}, draw.Src)
	g.penX, g.rowH = 6, 6
	for fc := range faceCount {
		if err := g.addFace(f, fc); err != nil {
			return nil, err
		}
	}
	return g, nil
}

func (g *Glyphs) addFace(f *opentype.Font, fc Face) error {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: faceSizes[fc], DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return fmt.Errorf("%w: face %v: %v", ErrFont, faceSizes[fc], err)
	}
	g.faces[fc] = face
	m := face.Metrics()
	g.ascent[fc] = float32(m.Ascent.Ceil())
	g.line[fc] = float32(m.Height.Ceil())
	for r := rune(32); r < 127; r++ {
		g.ascii[fc][r] = g.bake(fc, r)
	}
	return nil
}

// Image is the atlas; white at (whiteX, whiteY).
func (g *Glyphs) Image() *image.RGBA { return g.img }

// Version changes whenever a glyph was added to the atlas.
func (g *Glyphs) Version() int { return g.version }

// WhiteUV is the atlas texel that solid shapes sample.
func (g *Glyphs) WhiteUV() Vec { return Vec{whiteX, whiteY} }

// bake rasterises r into the next free atlas cell (shelf packing).
func (g *Glyphs) bake(fc Face, r rune) glyph {
	face := g.faces[fc]
	dr, mask, mp, adv, ok := face.Glyph(fixed.Point26_6{}, r)
	if !ok {
		return glyph{}
	}
	w, h := dr.Dx(), dr.Dy()
	if g.penX+w+glyphPad > atlasSize {
		g.penX, g.penY, g.rowH = 0, g.penY+g.rowH, 0
	}
	if g.penY+h+glyphPad > atlasSize {
		return glyph{} // atlas full: the rune is skipped, never a crash
	}
	at := image.Pt(g.penX+glyphPad/2, g.penY+glyphPad/2)
	draw.DrawMask(g.img, image.Rectangle{Min: at, Max: at.Add(image.Pt(w, h))}, image.NewUniform(color.White), image.Point{}, mask, mp, draw.Over)
	g.penX += w + glyphPad
	g.rowH = max(g.rowH, h+glyphPad)
	g.version++
	return glyph{ok: true, adv: float32(adv) / 64,
		x0: float32(dr.Min.X), y0: float32(dr.Min.Y), x1: float32(dr.Max.X), y1: float32(dr.Max.Y),
		u0: float32(at.X), v0: float32(at.Y), u1: float32(at.X + w), v1: float32(at.Y + h)}
}

// lookup returns the glyph for r, baking it on first use; runes the font
// lacks come back as '?'.
func (g *Glyphs) lookup(fc Face, r rune) glyph {
	if r >= 0 && r < 128 {
		return g.ascii[fc][r]
	}
	k := glyphKey{fc, r}
	if gl, ok := g.extra[k]; ok {
		return gl
	}
	gl := g.bake(fc, r)
	if !gl.ok {
		gl = g.ascii[fc]['?']
	}
	g.extra[k] = gl
	return gl
}
