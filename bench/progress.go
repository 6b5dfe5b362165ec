package bench

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line bar: `[#####.....] 5/10 layout_force_10k`.
// Without a writer it does nothing.
type progress struct {
	w     io.Writer
	total int
}

func newProgress(w io.Writer, total int) *progress { return &progress{w: w, total: total} }

const barWidth = 24

func (p *progress) start(i int, name string) {
	if p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\033[K%s %d/%d %s ...", p.bar(i), i, p.total, name)
}

func (p *progress) done(i int, name string, took time.Duration) {
	if p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\033[K%s %d/%d %s (%.1fs)", p.bar(i+1), i+1, p.total, name, took.Seconds())
}

func (p *progress) finish() {
	if p.w != nil {
		fmt.Fprintln(p.w)
	}
}

func (p *progress) bar(done int) string {
	n := 0
	if p.total > 0 {
		n = done * barWidth / p.total
	}
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", barWidth-n) + "]"
}
