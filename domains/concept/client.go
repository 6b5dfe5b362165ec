package concept

import (
	"context"
	"fmt"

	"github.com/cimviz/cimviz/domains/service"
)

// Seed builds sample s as space aggregateID by sending its commands
// through client, one after another; it stops at the first refusal.
func Seed(ctx context.Context, client *service.Client, s Sample, aggregateID string) error {
	cmds, err := SampleCommands(s, aggregateID)
	if err != nil {
		return err
	}
	for _, cmd := range cmds {
		if _, err := client.Send(ctx, cmd); err != nil {
			return fmt.Errorf("seed %s: %s: %w", s.ID, cmd.Type, err)
		}
	}
	return nil
}
