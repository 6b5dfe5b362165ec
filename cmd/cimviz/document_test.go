package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cimviz document import DIR, then show: the folder's Markdown stored on
// an embedded server and read back as wrapped text.
func TestDocumentImportAndShow(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte("# Notes\n\n- **one** item\n- two\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	if rc := run([]string{"document", "import", dir, "--data", data}, &stderr); rc != 0 {
		t.Fatalf("import: rc %d: %s", rc, stderr.String())
	}
	out := documentStdout(t, func() {
		if rc := run([]string{"document", "show", "doc-notes", "--data", data}, &stderr); rc != 0 {
			t.Fatalf("show: rc %d: %s", rc, stderr.String())
		}
	})
	if !strings.Contains(out, "Notes\n=====\n\n• one item\n• two") {
		t.Fatalf("show printed:\n%s", out)
	}
}

func documentStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		var b bytes.Buffer
		b.ReadFrom(r)
		done <- b.String()
	}()
	f()
	os.Stdout = old
	w.Close()
	return <-done
}
