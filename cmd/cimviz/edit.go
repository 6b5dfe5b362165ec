package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"os"
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph/codec"
	"github.com/cimviz/cimviz/render"
	"github.com/cimviz/cimviz/render/canvas"
	"github.com/hajimehoshi/ebiten/v2"
)

func init() {
	register("edit", "open the editor window (the default command)", runEdit)
}

// editFlags are the editor's command-line options.
type editFlags struct {
	screenshot, script, graphFile, svg string
	save                               string
	w, h                               int
	open                               string
}

func parseEditFlags(args []string) (*editFlags, error) {
	f := &editFlags{}
	fs := flag.NewFlagSet("edit", flag.ContinueOnError)
	fs.StringVar(&f.screenshot, "screenshot", "", "render once the scene settled, write this PNG and exit")
	fs.StringVar(&f.svg, "svg", "", "with --screenshot: also write the whole open graph as SVG to this file")
	fs.StringVar(&f.script, "script", "", "drive the editor from this input script")
	fs.StringVar(&f.graphFile, "graph", "", "open this graph file (format by extension: .json, .dot, .graphml, .mmd, .md, ...)")
	fs.StringVar(&f.save, "save", "", "on exit, write every graph of the document as native JSON to this file")
	fs.StringVar(&f.open, "open", "", "open the graph with this ID (a subgraph of the document)")
	size := fs.String("size", "1280x800", "window size WxH")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	var err error
	if f.w, f.h, err = parseSize(*size); err != nil {
		return nil, err
	}
	return f, nil
}

// parseSize reads "WxH".
func parseSize(s string) (int, int, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 200 || h < 150 || w > 16384 || h > 16384 {
		return 0, 0, fmt.Errorf("%w: --size %q: want WxH, e.g. 1280x800", errUsage, s)
	}
	return w, h, nil
}

func runEdit(args []string) error {
	f, err := parseEditFlags(args)
	if err != nil {
		return err
	}
	doc, err := loadDocument(f.graphFile)
	if err != nil {
		return err
	}
	svc := ecs.NewLocalService(doc.Graphs...)
	game, err := newEditorGame(f, doc, svc)
	if err != nil {
		return err
	}
	ebiten.SetWindowTitle("cimviz")
	ebiten.SetWindowSize(f.w, f.h)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	if err := ebiten.RunGame(game); err != nil && !errors.Is(err, ebiten.Termination) {
		return err
	}
	if f.save != "" {
		return saveDocument(f.save, doc, svc)
	}
	return nil
}

// saveDocument writes the service's current state of every graph of doc.
func saveDocument(path string, doc *codec.Document, svc *ecs.LocalService) error {
	out := &codec.Document{Root: doc.Root}
	for _, g := range doc.Graphs {
		if cur, ok := svc.Graph(g.ID); ok {
			out.Graphs = append(out.Graphs, cur)
		}
	}
	return writeFile(path, func(w *os.File) error { return codec.EncodeJSON(w, out) })
}

// newEditorGame loads the document, starts the local service and the
// editor on its root graph, and sets up scripting and capture.
func newEditorGame(f *editFlags, doc *codec.Document, svc *ecs.LocalService) (*render.Game, error) {
	ed := ecs.NewEditor(ecs.WithSize(float64(f.w), float64(f.h)), ecs.WithSource(svc.Graph))
	if err := openGraph(ed, doc, f.open); err != nil {
		return nil, err
	}
	win := canvas.Window{Conn: "local", Online: true}
	for _, g := range doc.Graphs {
		win.Graphs.IDs = append(win.Graphs.IDs, g.ID)
		win.Graphs.Names = append(win.Graphs.Names, graphName(g.Name, g.ID))
	}
	game, err := render.NewGame(ed, svc, win)
	if err != nil {
		return nil, err
	}
	game.Source = svc.Graph
	if err := setupScript(game, f); err != nil {
		return nil, err
	}
	if f.screenshot != "" {
		game.CaptureWhenSettled(&render.Capture{Settle: 10, Save: func(img *image.RGBA) error {
			return saveOutputs(game, f, img)
		}})
	}
	return game, nil
}

func graphName(name, id string) string {
	if name != "" {
		return name
	}
	return id
}

func openGraph(ed *ecs.Editor, doc *codec.Document, id string) error {
	if id == "" {
		id = doc.Root
	}
	g := doc.Graph(id)
	if g == nil {
		return fmt.Errorf("%w: --open %q: no such graph in the document", errUsage, id)
	}
	ed.Load(g)
	ed.Run("view.fit_all")
	return nil
}

func setupScript(game *render.Game, f *editFlags) error {
	if f.script == "" {
		return nil
	}
	file, err := os.Open(f.script)
	if err != nil {
		return fmt.Errorf("script: %w", err)
	}
	defer file.Close()
	s, err := ecs.ParseScript(file)
	if err != nil {
		return err
	}
	game.Play(s.Frames(f.w, f.h))
	return nil
}

// saveOutputs writes the screenshot and, when asked, the SVG of the view.
func saveOutputs(game *render.Game, f *editFlags, img *image.RGBA) error {
	if err := writeFile(f.screenshot, func(w *os.File) error { return render.WritePNG(w, img) }); err != nil {
		return err
	}
	if f.svg == "" {
		return nil
	}
	var whole canvas.Scene
	canvas.NewAdapter().FillGraph(game.Ed, &whole)
	return writeFile(f.svg, func(w *os.File) error { return canvas.WriteSVG(w, &whole) })
}

func writeFile(path string, write func(*os.File) error) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
