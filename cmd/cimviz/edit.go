package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
)

// editorBinary is the editor window's program. It is separate from cimviz
// because the window toolkit needs a display as soon as it is linked in
// (see cmd/cimviz-edit); cimviz itself runs anywhere.
const editorBinary = "cimviz-edit"

func init() {
	register("edit", "open the editor window (the default command; runs "+editorBinary+")", runEdit)
}

// runEdit replaces this process with the editor, passing the arguments on.
func runEdit(args []string) error {
	path, err := findEditor()
	if err != nil {
		return err
	}
	argv := append([]string{path}, args...)
	if err := syscall.Exec(path, argv, os.Environ()); err != nil {
		return fmt.Errorf("start the editor %s: %w", path, err)
	}
	return nil
}

// findEditor looks beside this executable first, then on PATH.
func findEditor() (string, error) {
	if self, err := os.Executable(); err == nil {
		beside := filepath.Join(filepath.Dir(self), editorBinary)
		if st, err := os.Stat(beside); err == nil && !st.IsDir() {
			return beside, nil
		}
	}
	if p, err := exec.LookPath(editorBinary); err == nil {
		return p, nil
	}
	return "", fmt.Errorf("the editor (%s) is not installed beside cimviz or on PATH; build both with `go build -o bin/ ./cmd/...` (scripts/dev run does)", editorBinary)
}
