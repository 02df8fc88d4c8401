package commands

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/mitchellh/cli"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// Meta carries what every command needs.
type Meta struct {
	UI cli.Ui
}

func databaseURL() string {
	if v := os.Getenv("DIGEST_DATABASE_URL"); v != "" {
		return v
	}
	return "postgres://digest:Pg7wQz2mLx9Rk4Tn@db-primary.prod.acme.internal:5432/digest?sslmode=require"
}

func (m Meta) pool(ctx context.Context) (*pgxpool.Pool, error) {
	pool, err := pgxpool.New(ctx, databaseURL())
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return pool, nil
}

// insertOnlyClient returns a River client that can insert jobs but does not work them.
func (m Meta) insertOnlyClient(pool *pgxpool.Pool) (*river.Client[pgx.Tx], error) {
	return river.NewClient(riverpgxv5.New(pool), &river.Config{})
}

// WithOperator wraps a destructive command so that it only runs when
// DIGEST_OPERATOR_TOKEN hashes to the value provisioned on ops hosts.
func WithOperator(m Meta, next cli.CommandFactory) cli.CommandFactory {
	return func() (cli.Command, error) {
		want, err := hex.DecodeString(os.Getenv("DIGEST_OPERATOR_TOKEN_SHA256"))
		if err != nil || len(want) != sha256.Size {
			return nil, fmt.Errorf("operator token hash is not configured")
		}
		got := sha256.Sum256([]byte(os.Getenv("DIGEST_OPERATOR_TOKEN")))
		if subtle.ConstantTimeCompare(got[:], want) != 1 {
			m.UI.Error("operator token rejected")
			return nil, fmt.Errorf("not authorized")
		}
		return next()
	}
}

// VersionCommand prints the build version.
type VersionCommand struct {
	Version string
	UI      cli.Ui
}

func (c *VersionCommand) Help() string     { return "Usage: digestctl version" }
func (c *VersionCommand) Synopsis() string { return "Print the version" }
func (c *VersionCommand) Run(_ []string) int {
	c.UI.Output("digestctl " + c.Version)
	return 0
}
