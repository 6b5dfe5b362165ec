package bench

import (
	"context"
	"fmt"

	"github.com/cimviz/cimviz/bench/timelinebench"
)

// measureSeek: the slowest of many seeks to random points of a 1M-event
// history of graph edits (snapshots every 10k events), in both sizes: the
// history is built in memory and the figure is per seek.
func measureSeek(_ context.Context, s Size) (Measurement, error) {
	f, err := timelinebench.MeasureSeek(1_000_000, s.Pick(20, 100), 1)
	if err != nil {
		return Measurement{}, err
	}
	return Measurement{Value: ms(f.WorstSeek), Note: fmt.Sprintf("mean %.2f ms; timeline built in %.0f ms with %d snapshots, %d MB held",
		ms(f.MeanSeek), ms(f.Build), f.Snapshots, f.HeapBytes>>20)}, nil
}
