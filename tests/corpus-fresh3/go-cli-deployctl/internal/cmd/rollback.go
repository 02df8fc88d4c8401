package cmd

import (
	"context"
	"fmt"

	"github.com/acme/deployctl/internal/client"
	"github.com/urfave/cli/v2"
)

func RollbackCommand() *cli.Command {
	return &cli.Command{
		Name:  "rollback",
		Usage: "return an environment to a previous deployment",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "env", Required: true},
			&cli.StringFlag{Name: "to", Usage: "deployment id (defaults to the previous one)"},
		},
		Action: func(c *cli.Context) error {
			target := c.String("to")
			if target == "" {
				ds, err := clientFrom(c).Status(c.Context, c.String("env"))
				if err != nil {
					return err
				}
				if len(ds) < 2 {
					return cli.Exit("nothing to roll back to", 1)
				}
				target = ds[1].ID
			}
			fmt.Printf("rolling %s back to %s\n", c.String("env"), target)
			return rollbackTo(c.Context, clientFrom(c), c.String("env"), target)
		},
	}
}

func rollbackTo(ctx context.Context, cl *client.Client, env, target string) error {
	// POST /v1/deployments/{env}/rollback exists in the API since 2.4
	panic("not implemented")
}
