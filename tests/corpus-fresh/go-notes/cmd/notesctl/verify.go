package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/acme/notes/internal/server"
)

func newVerifyCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "verify-export FILE SIGNATURE",
		Short: "Check an export file against its HMAC signature",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			secret := os.Getenv("NOTES_HOOK_SECRET")
			if secret == "" {
				return fmt.Errorf("NOTES_HOOK_SECRET is not set")
			}
			body, err := os.ReadFile(args[0])
			if err != nil {
				return err
			}
			if !server.ValidSignature([]byte(secret), body, args[1]) {
				return fmt.Errorf("signature mismatch for %s", args[0])
			}
			fmt.Fprintln(cmd.OutOrStdout(), "ok")
			return nil
		},
	}
}
