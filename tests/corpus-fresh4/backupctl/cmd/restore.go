package cmd

import (
	"github.com/spf13/cobra"
)

var restoreCmd = &cobra.Command{
	Use:   "restore SNAPSHOT TARGET",
	Short: "Restore a snapshot into TARGET",
	Args:  cobra.ExactArgs(2),
	RunE: func(cmd *cobra.Command, args []string) error {
		return restoreSnapshot(args[0], args[1])
	},
}

func init() {
	rootCmd.AddCommand(restoreCmd)
}

func restoreSnapshot(snapshot, target string) error {
	panic("restore: not implemented")
}
