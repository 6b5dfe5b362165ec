package main

import (
	"errors"
	"flag"
	"fmt"
	"image"
	"os"
	"strconv"
	"strings"

	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/ecs"
	"github.com/cimviz/cimviz/graph"
	"github.com/cimviz/cimviz/graph/codec"
	"github.com/cimviz/cimviz/render"
	"github.com/cimviz/cimviz/render/canvas"
	"github.com/hajimehoshi/ebiten/v2"
)

// editFlags are the editor's command-line options.
type editFlags struct {
	screenshot, script, graphFile, svg string
	save, space                        string
	w, h                               int
	open                               string
	// live mode: the services on NATS
	natsURL, data, listen string
	local, showLive       bool
	// actor is the principal the editor's commands name (X-Actor)
	actor string
	sec   host.Security
}

func parseEditFlags(args []string) (*editFlags, error) {
	f := &editFlags{}
	fs := flag.NewFlagSet("edit", flag.ContinueOnError)
	fs.StringVar(&f.screenshot, "screenshot", "", "render once the scene settled, write this PNG and exit")
	fs.StringVar(&f.svg, "svg", "", "with --screenshot: also write the whole open graph as SVG to this file")
	fs.StringVar(&f.script, "script", "", "drive the editor from this input script")
	fs.StringVar(&f.graphFile, "graph", "", "open this graph file (format by extension: .json, .dot, .graphml, .mmd, .md, ...)")
	fs.StringVar(&f.save, "save", "", "on exit, write every graph of the document as native JSON to this file")
	fs.StringVar(&f.open, "open", "", "open the graph with this ID")
	fs.StringVar(&f.space, "space", "", "open the conceptual space with this ID[:DIM,DIM[,DIM]] (e.g. colours, fruit:sweetness,acidity) instead of the graph editor")
	fs.StringVar(&f.natsURL, "nats", "", "edit on the services of the NATS server at this URL (e.g. a `cimviz serve --listen`)")
	fs.StringVar(&f.data, "data", host.DefaultDataDir(), "JetStream data directory of the embedded server")
	fs.StringVar(&f.listen, "listen", "", "let other processes (cimviz simulate, import, another editor) reach the embedded server on host:port")
	f.sec.ServerFlags(fs)
	fs.BoolVar(&f.local, "local", false, "edit in memory without NATS (implied by --graph)")
	fs.BoolVar(&f.showLive, "live-panels", false, "open with the event log, causation and timeline panels shown (F9 toggles them)")
	fs.StringVar(&f.actor, "actor", defaultActor(), "the principal this editor's commands name (header X-Actor; default $CIMVIZ_ACTOR or editor:$USER)")
	size := fs.String("size", "1280x800", "window size WxH")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	f.local = f.local || f.graphFile != ""
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
	if f.space != "" {
		return runSpace(f)
	}
	if f.local {
		return runLocal(f)
	}
	return runLive(f)
}

// runLocal edits a document in memory: the ecs local service decides the
// commands, nothing is persisted but what --save writes.
func runLocal(f *editFlags) error {
	doc, err := loadDocument(f.graphFile)
	if err != nil {
		return err
	}
	svc := ecs.NewLocalService(doc.Graphs...)
	game, err := newEditorGame(f, doc, svc)
	if err != nil {
		return err
	}
	if err := runWindow(game, f); err != nil {
		return err
	}
	if f.save != "" {
		return saveDocument(f.save, doc.Root, ids(doc), svc.Graph)
	}
	return nil
}

func runWindow(game *render.Game, f *editFlags) error {
	ebiten.SetWindowTitle("cimviz")
	ebiten.SetWindowSize(f.w, f.h)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	if err := ebiten.RunGame(game); err != nil && !errors.Is(err, ebiten.Termination) {
		return err
	}
	return nil
}

func ids(doc *codec.Document) []string {
	out := make([]string, len(doc.Graphs))
	for i, g := range doc.Graphs {
		out[i] = g.ID
	}
	return out
}

// saveDocument writes the current state of the graphs named by ids.
func saveDocument(path, root string, ids []string, source ecs.Source) error {
	out := &codec.Document{Root: root}
	for _, id := range ids {
		if cur, ok := source(id); ok {
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
	win.Graphs = graphList(doc.Graphs)
	return newGame(f, ed, svc, win, svc.Graph)
}

// newGame wires an editor, its service and the window, with scripting
// and capture set up from the flags.
func newGame(f *editFlags, ed *ecs.Editor, svc render.Service, win canvas.Window, source ecs.Source) (*render.Game, error) {
	game, err := render.NewGame(ed, svc, win)
	if err != nil {
		return nil, err
	}
	game.Source = render.Source(source)
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

func graphList(graphs []*graph.Graph) canvas.GraphList {
	var l canvas.GraphList
	for _, g := range graphs {
		l.IDs = append(l.IDs, g.ID)
		l.Names = append(l.Names, graphName(g.Name, g.ID))
	}
	return l
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
	frames, err := readScript(f)
	if err == nil && frames != nil {
		game.Play(frames)
	}
	return err
}

// readScript reads --script into input frames (nil without one).
func readScript(f *editFlags) ([]ecs.Input, error) {
	if f.script == "" {
		return nil, nil
	}
	file, err := os.Open(f.script)
	if err != nil {
		return nil, fmt.Errorf("script: %w", err)
	}
	defer file.Close()
	s, err := ecs.ParseScript(file)
	if err != nil {
		return nil, err
	}
	return s.Frames(f.w, f.h), nil
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
