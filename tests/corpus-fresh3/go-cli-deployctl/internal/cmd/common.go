package cmd

import (
	"github.com/acme/deployctl/internal/client"
	"github.com/acme/deployctl/internal/config"
	"github.com/urfave/cli/v2"
)

const configKey = "deployctl.config"

// LoadConfig is the app-level Before hook: it parses the config file once and
// stashes it in the app metadata for the subcommands.
func LoadConfig(c *cli.Context) error {
	cfg, err := config.Load(c.String("config"))
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	c.App.Metadata[configKey] = cfg
	return nil
}

func configFrom(c *cli.Context) *config.Config {
	return c.App.Metadata[configKey].(*config.Config)
}

func clientFrom(c *cli.Context) *client.Client {
	cfg := configFrom(c)
	return client.New(cfg.APIURL, cfg.Token, c.Bool("insecure"))
}
