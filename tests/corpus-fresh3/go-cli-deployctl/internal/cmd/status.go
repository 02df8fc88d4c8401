package cmd

import (
	"context"
	"fmt"
	"os"
	"text/tabwriter"
	"time"

	"github.com/acme/deployctl/internal/client"
	"github.com/acme/deployctl/internal/history"
	"github.com/urfave/cli/v2"
)

func StatusCommand() *cli.Command {
	return &cli.Command{
		Name:  "status",
		Usage: "show recent deployments",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "env"},
			&cli.BoolFlag{Name: "local", Usage: "show the local deploy log instead of asking the API"},
			&cli.BoolFlag{Name: "ping", Usage: "only check that the API is reachable"},
		},
		Action: func(c *cli.Context) error {
			if c.Bool("ping") {
				return TestConnectivity(c.Context, clientFrom(c))
			}
			tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tENV\tIMAGE\tSTATUS")
			if c.Bool("local") {
				recs, err := history.Load()
				if err != nil {
					return err
				}
				for _, r := range recs {
					fmt.Fprintf(tw, "%s\t%s\t%s\tby %s at %s\n", r.ID, r.Env, r.Image, r.By, r.At.Format(time.RFC3339))
				}
			} else {
				ds, err := clientFrom(c).Status(c.Context, c.String("env"))
				if err != nil {
					return err
				}
				for _, d := range ds {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.ID, d.Env, d.Image, d.Status)
				}
			}
			return tw.Flush()
		},
	}
}

// TestConnectivity is what `status --ping` runs; not a Go test despite the name.
func TestConnectivity(ctx context.Context, cl *client.Client) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := cl.Ping(ctx); err != nil {
		return fmt.Errorf("release API unreachable: %w", err)
	}
	fmt.Println("release API reachable")
	return nil
}
