package main

import (
	"fmt"
	"os"

	"github.com/acme/deployctl/internal/cmd"
	"github.com/acme/deployctl/internal/config"
	"github.com/urfave/cli/v2"
)

var version = "dev"

func main() {
	app := &cli.App{
		Name:    "deployctl",
		Usage:   "trigger and inspect deployments through the release API",
		Version: version,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "config", Value: config.DefaultPath(), Usage: "path to config file", EnvVars: []string{"DEPLOYCTL_CONFIG"}},
			&cli.BoolFlag{Name: "insecure", Usage: "skip TLS verification (local kind clusters only)"},
		},
		Before: cmd.LoadConfig,
		Commands: []*cli.Command{
			cmd.DeployCommand(),
			cmd.RollbackCommand(),
			cmd.StatusCommand(),
		},
	}
	if err := app.Run(os.Args); err != nil {
		fmt.Fprintln(os.Stderr, "deployctl:", err)
		os.Exit(1)
	}
}
