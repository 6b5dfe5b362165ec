package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/cimviz/cimviz/assets"
	"github.com/cimviz/cimviz/graph/codec"
)

// loadDocument reads a graph file in any format graph/codec knows (by its
// extension), or the default sample when path is "".
func loadDocument(path string) (*codec.Document, error) {
	if path == "" {
		b, err := assets.Sample(assets.DefaultSample)
		if err != nil {
			return nil, err
		}
		return codec.DecodeJSON(bytes.NewReader(b))
	}
	format, err := codec.FormatFor(path)
	if err != nil {
		return nil, fmt.Errorf("%w: --graph: %v", errUsage, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := codec.Decode(f, format)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return doc, nil
}
