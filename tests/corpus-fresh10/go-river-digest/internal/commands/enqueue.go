package commands

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/riverqueue/river"

	"github.com/acme/digest/internal/jobs"
)

// EnqueueCommand schedules digest jobs for a set of users.
type EnqueueCommand struct {
	Meta

	users    string
	period   time.Duration
	priority int
	dryRun   bool
}

func (c *EnqueueCommand) Synopsis() string { return "Enqueue digest jobs for users" }

func (c *EnqueueCommand) Help() string {
	return strings.TrimSpace(`
Usage: digestctl enqueue -users=ID[,ID...] [options]

  Enqueues one digest job per user. Jobs are deduplicated per user and period.

Options:
  -users=IDS       Comma separated user ids (required)
  -period=DUR      Digest window, e.g. 24h or 168h (default 24h)
  -priority=N      River priority 1 (highest) to 4 (default 2)
  -dry-run         Print what would be enqueued
`)
}

func (c *EnqueueCommand) Run(args []string) int {
	fs := flag.NewFlagSet("enqueue", flag.ContinueOnError)
	fs.Usage = func() { c.UI.Output(c.Help()) }
	fs.StringVar(&c.users, "users", "", "comma separated user ids")
	fs.DurationVar(&c.period, "period", 24*time.Hour, "digest window")
	fs.IntVar(&c.priority, "priority", 2, "river priority 1..4")
	fs.BoolVar(&c.dryRun, "dry-run", false, "print only")
	if err := fs.Parse(args); err != nil {
		return 1
	}
	if c.users == "" {
		c.UI.Error("-users is required")
		return 1
	}

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	var params []river.InsertManyParams
	for _, id := range strings.Split(c.users, ",") {
		params = append(params, river.InsertManyParams{
			Args: jobs.DigestArgs{UserID: strings.TrimSpace(id), Period: c.period},
			InsertOpts: &river.InsertOpts{
				UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: c.period},
			},
		})
	}
	if c.dryRun {
		for _, p := range params {
			c.UI.Output(fmt.Sprintf("would enqueue %+v", p.Args))
		}
		return 0
	}

	pool, err := c.pool(ctx)
	if err != nil {
		c.UI.Error(err.Error())
		return 1
	}
	defer pool.Close()
	client, err := c.insertOnlyClient(pool)
	if err != nil {
		c.UI.Error(err.Error())
		return 1
	}
	res, err := client.InsertMany(ctx, params)
	if err != nil {
		c.UI.Error(fmt.Sprintf("insert: %v", err))
		return 1
	}
	c.UI.Info(fmt.Sprintf("enqueued %d digest jobs", len(res)))
	return 0
}
