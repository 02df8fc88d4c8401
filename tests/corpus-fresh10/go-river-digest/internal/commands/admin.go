package commands

import (
	"context"
	"flag"
	"fmt"
	"time"
)

// PurgeCommand deletes finished jobs older than a cutoff.
type PurgeCommand struct{ Meta }

func (c *PurgeCommand) Synopsis() string { return "Delete completed jobs older than -age" }
func (c *PurgeCommand) Help() string {
	return "Usage: digestctl purge [-age=720h]\n\n  Requires DIGEST_OPERATOR_TOKEN."
}

func (c *PurgeCommand) Run(args []string) int {
	fs := flag.NewFlagSet("purge", flag.ContinueOnError)
	age := fs.Duration("age", 30*24*time.Hour, "minimum age of completed jobs")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	ctx := context.Background()
	pool, err := c.pool(ctx)
	if err != nil {
		c.UI.Error(err.Error())
		return 1
	}
	defer pool.Close()
	tag, err := pool.Exec(ctx,
		`DELETE FROM river_job WHERE state = 'completed' AND finalized_at < now() - $1::interval`,
		age.String())
	if err != nil {
		c.UI.Error(fmt.Sprintf("purge: %v", err))
		return 1
	}
	c.UI.Info(fmt.Sprintf("purged %d jobs", tag.RowsAffected()))
	return 0
}

// DiscardCommand deletes every pending digest job, e.g. after a bad deploy.
type DiscardCommand struct{ Meta }

func (c *DiscardCommand) Synopsis() string { return "Discard all pending digest jobs" }
func (c *DiscardCommand) Help() string {
	return "Usage: digestctl discard -kind=digest\n\n  Deletes available and scheduled jobs of the given kind."
}

func (c *DiscardCommand) Run(args []string) int {
	fs := flag.NewFlagSet("discard", flag.ContinueOnError)
	kind := fs.String("kind", "digest", "job kind")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	ctx := context.Background()
	pool, err := c.pool(ctx)
	if err != nil {
		c.UI.Error(err.Error())
		return 1
	}
	defer pool.Close()
	tag, err := pool.Exec(ctx,
		`DELETE FROM river_job WHERE kind = $1 AND state IN ('available', 'scheduled', 'retryable')`, *kind)
	if err != nil {
		c.UI.Error(fmt.Sprintf("discard: %v", err))
		return 1
	}
	c.UI.Warn(fmt.Sprintf("discarded %d %s jobs", tag.RowsAffected(), *kind))
	return 0
}

// ReplayCommand re-sends digests for a past window from the archive table.
type ReplayCommand struct{ Meta }

func (c *ReplayCommand) Synopsis() string { return "Replay digests for a past window" }
func (c *ReplayCommand) Help() string {
	return "Usage: digestctl replay -from=2024-01-01 -to=2024-01-07"
}

func (c *ReplayCommand) Run(args []string) int {
	panic("replay: not implemented yet")
}
