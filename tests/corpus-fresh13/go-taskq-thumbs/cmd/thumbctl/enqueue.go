package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"strconv"
	"strings"

	"github.com/google/subcommands"

	"github.com/acme/thumbs/internal/queue"
)

type enqueueCmd struct {
	widths string
	poster bool
}

func (*enqueueCmd) Name() string     { return "enqueue" }
func (*enqueueCmd) Synopsis() string { return "queue thumbnail generation for object keys" }
func (*enqueueCmd) Usage() string    { return "enqueue [-widths 160,320,640] [-poster] KEY...\n" }

func (c *enqueueCmd) SetFlags(f *flag.FlagSet) {
	f.StringVar(&c.widths, "widths", "160,320,640", "comma-separated thumbnail widths")
	f.BoolVar(&c.poster, "poster", false, "treat keys as videos and extract a poster frame")
}

func parseWidths(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		w, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || w <= 0 || w > 4096 {
			return nil, fmt.Errorf("invalid width %q", part)
		}
		out = append(out, w)
	}
	return out, nil
}

func (c *enqueueCmd) Execute(ctx context.Context, f *flag.FlagSet, _ ...interface{}) subcommands.ExitStatus {
	if f.NArg() == 0 {
		f.Usage()
		return subcommands.ExitUsageError
	}
	widths, err := parseWidths(c.widths)
	if err != nil {
		log.Print(err)
		return subcommands.ExitUsageError
	}
	for _, key := range f.Args() {
		msg := queue.ResizeTask.WithArgs(ctx, key, widths)
		if c.poster {
			msg = queue.PosterTask.WithArgs(ctx, key)
		}
		msg.Name = "thumb:" + key
		if err := queue.Main.Add(msg); err != nil {
			log.Printf("enqueue %s: %v", key, err)
			return subcommands.ExitFailure
		}
	}
	return subcommands.ExitSuccess
}
