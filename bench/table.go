package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"
)

// WriteTable prints results as an aligned table.
func WriteTable(w io.Writer, results []Result) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "METRIC\tVALUE\tUNIT\tTARGET\tBASELINE\tRATIO\tMET\tNOTE")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, num(r.Value), r.Unit,
			formatFloat(r.Target), num(r.Baseline), num(r.Ratio), metWord(r.Met), r.Note)
	}
	return tw.Flush()
}

// WriteJSON writes results as a JSON array with the keys name, value, unit,
// target, baseline, ratio, met (and note when there is one).
func WriteJSON(w io.Writer, results []Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(results)
}

func num(v *float64) string {
	if v == nil {
		return "-"
	}
	return formatFloat(*v)
}

func formatFloat(v float64) string {
	switch {
	case v == 0:
		return "0"
	case v >= 1000 || v <= -1000:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10 || v <= -10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
}

func metWord(m *bool) string {
	switch {
	case m == nil:
		return "not measured"
	case *m:
		return "yes"
	default:
		return "NO"
	}
}
