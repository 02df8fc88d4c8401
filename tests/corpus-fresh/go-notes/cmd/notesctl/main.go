package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

type globalOpts struct {
	dataDir  string
	verbose  bool
}

var opts globalOpts

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "notesctl",
		Short:         "Operate the notes service",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&opts.dataDir, "data-dir", "/Users/mhernandez/go/src/github.com/acme/notes/data", "directory holding notes.db")
	root.PersistentFlags().BoolVarP(&opts.verbose, "verbose", "v", false, "verbose output")

	root.AddCommand(newServeCmd(), newExportCmd(), newVerifyCmd())
	return root
}

func main() {
	if err := newRootCmd().Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "notesctl:", err)
		os.Exit(1)
	}
}
