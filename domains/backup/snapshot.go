package backup

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// snapshot saves one stream: it asks for the snapshot on an inbox, writes
// each chunk and acknowledges it (the server sends a window of chunks
// ahead), until the server's final empty message, whose status says
// whether the snapshot completed (204).
func snapshot(ctx context.Context, nc *nats.Conn, stream, dir string) (Meta, error) {
	inbox := nc.NewInbox()
	sub, err := nc.SubscribeSync(inbox)
	if err != nil {
		return Meta{}, err
	}
	defer sub.Unsubscribe()
	var resp server.JSApiStreamSnapshotResponse
	if err := request(ctx, nc, fmt.Sprintf(server.JSApiStreamSnapshotT, stream),
		server.JSApiStreamSnapshotRequest{DeliverSubject: inbox}, &resp); err != nil {
		return Meta{}, fmt.Errorf("%w: snapshot %s: %v", ErrBackup, stream, err)
	}
	if err := apiError("snapshot", stream, resp.Error); err != nil {
		return Meta{}, err
	}
	if err := receive(ctx, nc, sub, dataFile(dir, stream)); err != nil {
		return Meta{}, fmt.Errorf("%w: snapshot %s: %v", ErrBackup, stream, err)
	}
	m := Meta{Config: *resp.Config, State: *resp.State}
	return m, writeMeta(dir, m)
}

// receive writes the chunks arriving on sub to path.
func receive(ctx context.Context, nc *nats.Conn, sub *nats.Subscription, path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = copyChunks(ctx, nc, sub, w)
	return errors.Join(err, w.Flush(), f.Sync(), f.Close())
}

func copyChunks(ctx context.Context, nc *nats.Conn, sub *nats.Subscription, w *bufio.Writer) error {
	for {
		m, err := sub.NextMsgWithContext(ctx)
		if err != nil {
			return err
		}
		if len(m.Data) == 0 && m.Reply == "" {
			return eofStatus(m)
		}
		if _, err := w.Write(m.Data); err != nil {
			return err
		}
		if m.Reply != "" {
			if err := nc.Publish(m.Reply, nil); err != nil {
				return err
			}
		}
	}
}

// eofStatus reads the status of the snapshot's final message.
func eofStatus(m *nats.Msg) error {
	status := m.Header.Get("Status")
	if status == "" || status == "204" {
		return nil
	}
	return fmt.Errorf("server ended the snapshot with %s %s", status, m.Header.Get("Description"))
}

// request sends a JSON API request and decodes the JSON reply.
func request(ctx context.Context, nc *nats.Conn, subj string, req, resp any) error {
	b, err := json.Marshal(req)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	m, err := nc.RequestWithContext(ctx, subj, b)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, nats.ErrTimeout) {
		return fmt.Errorf("no answer to %s: the user may lack the permission (snapshots and restores need the admin role): %w", subj, err)
	}
	if err != nil {
		return err
	}
	return json.Unmarshal(m.Data, resp)
}
