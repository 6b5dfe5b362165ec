// Package headless stops a process that links ebiten before ebiten's own
// package initialisation panics for want of a display.
//
// Go initialises packages in import-path order once their imports are
// ready; this package imports only os and its path sorts before
// github.com/hajimehoshi/ebiten, so its init runs first. Without DISPLAY
// (or WAYLAND_DISPLAY), a test binary prints a skip notice and exits 0, so
// `go test` of a drawing package passes without a display instead of
// panicking; any other program says what is missing and exits 1.
package headless

import "os"

func init() {
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return
	}
	if isTest() {
		os.Stdout.WriteString("SKIP: no display (DISPLAY unset); run under xvfb-run -a to draw\nPASS\n")
		os.Exit(0)
	}
	os.Stderr.WriteString("cimviz: no display: DISPLAY is unset and the window toolkit (ebiten) needs one;\n" +
		"run under a desktop session or `xvfb-run -a cimviz ...`\n")
	os.Exit(1)
}

// isTest reports whether this is a `go test` binary (it gets -test.* flags).
func isTest() bool {
	for _, a := range os.Args[1:] {
		if len(a) > 6 && (a[:6] == "-test." || (len(a) > 7 && a[:7] == "--test.")) {
			return true
		}
	}
	return len(os.Args[0]) > 5 && os.Args[0][len(os.Args[0])-5:] == ".test"
}
