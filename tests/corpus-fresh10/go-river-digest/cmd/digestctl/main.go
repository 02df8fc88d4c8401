package main

import (
	"fmt"
	"os"

	"github.com/mitchellh/cli"

	"github.com/acme/digest/internal/commands"
)

const version = "1.3.0"

func main() {
	ui := &cli.ColoredUi{
		Ui:         &cli.BasicUi{Reader: os.Stdin, Writer: os.Stdout, ErrorWriter: os.Stderr},
		ErrorColor: cli.UiColorRed,
		WarnColor:  cli.UiColorYellow,
	}
	base := commands.Meta{UI: ui}

	c := cli.NewCLI("digestctl", version)
	c.Args = os.Args[1:]
	c.Commands = map[string]cli.CommandFactory{
		"purge": commands.WithOperator(base, func() (cli.Command, error) {
			return &commands.PurgeCommand{Meta: base}, nil
		}),
		"worker": func() (cli.Command, error) {
			return &commands.WorkerCommand{Meta: base}, nil
		},
		"enqueue": func() (cli.Command, error) {
			return &commands.EnqueueCommand{Meta: base}, nil
		},
		"discard": func() (cli.Command, error) {
			return &commands.DiscardCommand{Meta: base}, nil
		},
		"replay": func() (cli.Command, error) {
			return &commands.ReplayCommand{Meta: base}, nil
		},
		"version": func() (cli.Command, error) {
			return &commands.VersionCommand{Version: version, UI: ui}, nil
		},
	}

	status, err := c.Run()
	if err != nil {
		fmt.Fprintf(os.Stderr, "digestctl: %v\n", err)
	}
	os.Exit(status)
}
