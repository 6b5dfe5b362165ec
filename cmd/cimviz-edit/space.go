package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"os"
	"strings"
	"time"

	"github.com/cimviz/cimviz/domains/concept"
	"github.com/cimviz/cimviz/domains/concept/space"
	"github.com/cimviz/cimviz/domains/host"
	"github.com/cimviz/cimviz/domains/message"
	"github.com/cimviz/cimviz/domains/service"
	"github.com/cimviz/cimviz/render"
	"github.com/cimviz/cimviz/render/spaceview"
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/nats-io/nats.go"
)

// runSpace opens the conceptual space --space ID[:DIM,DIM[,DIM]] from the
// concept service (embedded, or on --nats URL) instead of the graph
// editor. --script drives it, --screenshot captures it once settled and
// --save writes the space as the service has it at exit (query get).
func runSpace(f *editFlags) error {
	id, axes := parseSpaceArg(f.space)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	h, _, err := startHost(ctx, f, "cimviz space view")
	if err != nil {
		return err
	}
	if _, err = seedOnFirstRun(ctx, h.Conn()); err == nil {
		err = viewSpace(h, f, id, axes)
	}
	return errors.Join(err, h.Close())
}

// parseSpaceArg splits "colours:hue,brightness" into the space ID and the
// axes.
func parseSpaceArg(s string) (string, []string) {
	id, dims, ok := strings.Cut(s, ":")
	if !ok || dims == "" {
		return id, nil
	}
	return id, strings.Split(dims, ",")
}

func viewSpace(h *host.Host, f *editFlags, id string, axes []string) error {
	nc, err := h.Connect(nats.Name("cimviz space view"))
	if err != nil {
		return err
	}
	defer nc.Close()
	back := conceptBackend{service.NewClient(nc, concept.Name)}
	game, err := spaceview.New(id, axes, back)
	if err != nil {
		return err
	}
	defer game.Close()
	sub, err := nc.Subscribe("cim.concept.evt."+id+".>", func(*nats.Msg) { game.Changed() })
	if err != nil {
		return err
	}
	defer sub.Unsubscribe()
	if err := setupSpaceRun(game, f); err != nil {
		return err
	}
	if err := runSpaceWindow(game, f); err != nil {
		return err
	}
	if f.save != "" {
		return saveSpace(back, id, f.save)
	}
	return nil
}

func setupSpaceRun(game *spaceview.Game, f *editFlags) error {
	frames, err := readScript(f)
	if err != nil {
		return err
	}
	if frames != nil {
		game.Play(frames)
	}
	if f.screenshot != "" {
		game.CaptureWhenSettled(func(img *image.RGBA) error {
			return writeFile(f.screenshot, func(w *os.File) error { return render.WritePNG(w, img) })
		})
	}
	return nil
}

func runSpaceWindow(game *spaceview.Game, f *editFlags) error {
	ebiten.SetWindowTitle("cimviz · conceptual space " + game.S.ID)
	ebiten.SetWindowSize(f.w, f.h)
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	ebiten.SetScreenClearedEveryFrame(false)
	err := ebiten.RunGame(game)
	if game.Built > 0 {
		fmt.Fprintf(os.Stderr, "cimviz edit --space: %d frames built, %.2f ms CPU each (input, view recompute, meshes)\n",
			game.Built, float64(game.BuildTime.Microseconds())/1000/float64(game.Built))
	}
	if err != nil && !errors.Is(err, ebiten.Termination) {
		return err
	}
	return nil
}

// saveSpace writes the space as the service has it now.
func saveSpace(back conceptBackend, id, path string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var ans concept.SpaceAnswer
	if err := back.c.Query(ctx, "get", id, nil, &ans); err != nil {
		return err
	}
	return writeFile(path, func(w *os.File) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(ans)
	})
}

// conceptBackend is the concept service for the space view.
type conceptBackend struct{ c *service.Client }

func (b conceptBackend) Get(ctx context.Context, id string) (*space.Space, uint64, error) {
	var ans concept.SpaceAnswer
	if err := b.c.Query(ctx, "get", id, nil, &ans); err != nil {
		return nil, 0, err
	}
	if ans.Space == nil {
		return nil, 0, fmt.Errorf("space %s: %w", id, service.ErrNotFound)
	}
	return ans.Space, ans.Version, nil
}

func (b conceptBackend) Send(ctx context.Context, cmd message.Command) error {
	_, err := b.c.Send(ctx, cmd)
	return err
}
