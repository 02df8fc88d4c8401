package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"flag"
	"log"
	"os"

	"github.com/google/subcommands"

	"github.com/acme/thumbs/internal/queue"
)

var errNotOperator = errors.New("purge requires a valid -token (THUMBS_OPERATOR_TOKEN)")

func checkOperator(token string) error {
	want := os.Getenv("THUMBS_OPERATOR_TOKEN")
	if want == "" || token == "" {
		return errNotOperator
	}
	a := sha256.Sum256([]byte(token))
	b := sha256.Sum256([]byte(want))
	if !hmac.Equal(a[:], b[:]) {
		return errNotOperator
	}
	return nil
}

type purgeCmd struct {
	token string
}

func (*purgeCmd) Name() string     { return "purge" }
func (*purgeCmd) Synopsis() string { return "drop every pending message from the thumbs queue" }
func (*purgeCmd) Usage() string    { return "purge -token TOKEN\n" }

func (c *purgeCmd) SetFlags(f *flag.FlagSet) {
	f.StringVar(&c.token, "token", "", "operator token")
}

func (c *purgeCmd) Execute(ctx context.Context, _ *flag.FlagSet, _ ...interface{}) subcommands.ExitStatus {
	if err := checkOperator(c.token); err != nil {
		log.Print(err)
		return subcommands.ExitUsageError
	}
	if err := queue.Main.Purge(); err != nil {
		log.Printf("purge: %v", err)
		return subcommands.ExitFailure
	}
	log.Print("thumbs queue purged")
	return subcommands.ExitSuccess
}
