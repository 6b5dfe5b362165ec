package canvas

import "image"

// DiffPixels counts the pixels of a and b whose channels differ by more
// than tol (0-255); images of different sizes differ everywhere. Golden
// image tests use it with a tolerance, since GL drivers round differently.
func DiffPixels(a, b image.Image, tol int) (bad, total int) {
	r := a.Bounds()
	total = r.Dx() * r.Dy()
	if r != b.Bounds() {
		return total, total
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if !near(a.At(x, y), b.At(x, y), tol) {
				bad++
			}
		}
	}
	return bad, total
}

func near(a, b interface{ RGBA() (r, g, b, a uint32) }, tol int) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return within(ar, br, tol) && within(ag, bg, tol) && within(ab, bb, tol) && within(aa, ba, tol)
}

func within(x, y uint32, tol int) bool {
	d := int(x>>8) - int(y>>8)
	return d <= tol && d >= -tol
}
