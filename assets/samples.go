package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed samples/*.json
var samples embed.FS

// DefaultSample is the sample the editor opens when no graph is given.
const DefaultSample = "order-fulfilment"

// Samples lists the names of the embedded sample graphs (file names
// without ".json"), sorted.
func Samples() []string {
	entries, _ := fs.ReadDir(samples, "samples")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(names)
	return names
}

// Sample returns the native JSON document of the named sample.
func Sample(name string) ([]byte, error) {
	b, err := samples.ReadFile("samples/" + name + ".json")
	if err != nil {
		return nil, fmt.Errorf("sample %q: %w", name, fs.ErrNotExist)
	}
	return b, nil
}
