package document

import (
	"testing"
	"testing/fstest"
)

func TestMarkdownFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"README.md":             {Data: []byte("intro\n# Welcome to cimviz\n\ntext\n")},
		"guides/Setup Guide.md": {Data: []byte("no heading here\n")},
		"guides/setup-guide.md": {Data: []byte("# *Setup*\n")},
		"notes.txt":             {Data: []byte("# not markdown\n")},
		"deep/a/b/c.markdown":   {Data: []byte("#not a heading\n")},
	}
	files, err := MarkdownFiles(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ path, id, title, tags string }{
		{"README.md", "doc-readme", "Welcome to cimviz", ""},
		{"deep/a/b/c.markdown", "doc-deep-a-b-c", "c", "deep a b"},
		{"guides/Setup Guide.md", "doc-guides-setup-guide", "Setup Guide", "guides"},
		{"guides/setup-guide.md", "doc-guides-setup-guide-", "Setup", "guides"},
	}
	if len(files) != len(want) {
		t.Fatalf("%d files, want %d: %+v", len(files), len(want), files)
	}
	for i, w := range want {
		f := files[i]
		tags := ""
		for j, tg := range f.Tags {
			if j > 0 {
				tags += " "
			}
			tags += tg
		}
		idOK := f.ID == w.id || (w.id[len(w.id)-1] == '-' && len(f.ID) == len(w.id)+8 && f.ID[:len(w.id)] == w.id)
		if f.Path != w.path || !idOK || f.Title != w.title || tags != w.tags {
			t.Errorf("file %d: %+v, want %+v", i, f, w)
		}
	}
	if _, err := MarkdownFiles(fstest.MapFS{"bad.md": {Data: []byte{0xff, 0xfe}}}); err == nil {
		t.Error("a file that is not UTF-8 was accepted")
	}
}
