package render

import (
	"fmt"
	"image"
	"image/png"
	"io"

	"github.com/hajimehoshi/ebiten/v2"
)

// Snapshot draws the current frame into an offscreen w×h image and reads
// it back. It must run inside the game loop (ebiten reads pixels only
// there).
func (r *Renderer) Snapshot(w, h int) *image.RGBA { return r.SnapshotWith(w, h, nil) }

// SnapshotWith is Snapshot with more drawn on top (an overlay), if over is
// not nil.
func (r *Renderer) SnapshotWith(w, h int, over func(*ebiten.Image)) *image.RGBA {
	off := ebiten.NewImage(w, h)
	defer off.Deallocate()
	r.Draw(off)
	if over != nil {
		over(off)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	off.ReadPixels(img.Pix)
	return img
}

// WritePNG encodes a snapshot as PNG.
func WritePNG(w io.Writer, img image.Image) error {
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("export png: %w", err)
	}
	return nil
}
