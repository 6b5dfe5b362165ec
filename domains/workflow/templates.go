package workflow

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/cimviz/cimviz/graph"
)

//go:embed templates/*.json
var templateFS embed.FS

// Templates lists the names of the embedded workflow templates (the
// graph's ID, which is also its file name without ".json").
func Templates() []string {
	entries, _ := fs.ReadDir(templateFS, "templates")
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(names)
	return names
}

// Template returns a fresh copy of the embedded template's graph.
func Template(name string) (*graph.Graph, error) {
	data, err := templateFS.ReadFile(path.Join("templates", name+".json"))
	if err != nil {
		return nil, fmt.Errorf("%w: template %q (have %s)", ErrNotFound, name, strings.Join(Templates(), ", "))
	}
	return DecodeGraph(data)
}
