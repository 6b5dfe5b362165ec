package backup

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// chunkSize is the size of the restore's chunks (the server takes any).
const chunkSize = 128 << 10

// restore asks the server to restore the stream metaPath describes, sends
// the snapshot in chunks, each answered by the server, and an empty chunk
// at the end, answered with the restored stream or the error.
func restore(ctx context.Context, nc *nats.Conn, metaPath string) (Meta, error) {
	m, err := readMeta(metaPath)
	if err != nil {
		return Meta{}, err
	}
	stream := m.Config.Name
	var resp server.JSApiStreamRestoreResponse
	if err := request(ctx, nc, fmt.Sprintf(server.JSApiStreamRestoreT, stream),
		server.JSApiStreamRestoreRequest{Config: m.Config, State: m.State}, &resp); err != nil {
		return Meta{}, fmt.Errorf("%w: restore %s: %v", ErrBackup, stream, err)
	}
	if err := apiError("restore", stream, resp.Error); err != nil {
		return Meta{}, err
	}
	if err := sendChunks(ctx, nc, resp.DeliverSubject, dataFile(filepath.Dir(metaPath), stream)); err != nil {
		return Meta{}, fmt.Errorf("%w: restore %s: %v", ErrBackup, stream, err)
	}
	return m, nil
}

func readMeta(path string) (Meta, error) {
	var m Meta
	b, err := os.ReadFile(path)
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%w: %s: %v", ErrBackup, path, err)
	}
	if want := strings.TrimSuffix(filepath.Base(path), ".json"); m.Config.Name != want {
		return m, fmt.Errorf("%w: %s describes stream %q", ErrBackup, path, m.Config.Name)
	}
	return m, nil
}

// sendChunks sends the file in chunks, then the empty end chunk, whose
// reply is the stream's info or an API error.
func sendChunks(ctx context.Context, nc *nats.Conn, subj, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	buf := make([]byte, chunkSize)
	for {
		n, err := io.ReadFull(f, buf)
		if n > 0 {
			if _, rerr := chunkRequest(ctx, nc, subj, buf[:n]); rerr != nil {
				return rerr
			}
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return err
		}
	}
	reply, err := chunkRequest(ctx, nc, subj, nil)
	if err != nil {
		return err
	}
	var done server.JSApiStreamCreateResponse
	if err := json.Unmarshal(reply.Data, &done); err != nil {
		return fmt.Errorf("restore reply: %w", err)
	}
	if done.Error != nil {
		return fmt.Errorf("%s (code %d)", done.Error.Description, done.Error.Code)
	}
	return nil
}

// chunkRequest sends one chunk and waits for the server to take it; the
// server answers a failed chunk with an API error.
func chunkRequest(ctx context.Context, nc *nats.Conn, subj string, chunk []byte) (*nats.Msg, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	m, err := nc.RequestWithContext(ctx, subj, chunk)
	if err != nil {
		return nil, err
	}
	if len(chunk) > 0 && len(m.Data) > 0 {
		var resp server.ApiResponse
		if json.Unmarshal(m.Data, &resp) == nil && resp.Error != nil {
			return nil, fmt.Errorf("%s (code %d)", resp.Error.Description, resp.Error.Code)
		}
	}
	return m, nil
}
