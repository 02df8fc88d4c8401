package cmd

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/acme/backupctl/internal/uploader"
)

var backupCmd = &cobra.Command{
	Use:   "backup PATH...",
	Short: "Create a snapshot of one or more paths",
	Args:  cobra.MinimumNArgs(1),
	RunE: func(cmd *cobra.Command, args []string) error {
		excludes, _ := cmd.Flags().GetStringSlice("exclude")
		tag, _ := cmd.Flags().GetString("tag")
		up := uploader.New(viper.GetString("server"), uploader.Options{
			AccessKey:          viper.GetString("access_key"),
			SecretKey:          viper.GetString("secret_key"),
			InsecureSkipVerify: viper.GetBool("insecure_skip_verify"),
		})
		id, err := runBackup(cmd.Context(), up, args, excludes, tag)
		if err != nil {
			return err
		}
		fmt.Fprintln(cmd.OutOrStdout(), id)
		return nil
	},
}

func init() {
	backupCmd.Flags().StringSlice("exclude", nil, "glob patterns to skip (repeatable)")
	backupCmd.Flags().String("tag", "", "label stored with the snapshot")
	rootCmd.AddCommand(backupCmd)
}

func runBackup(ctx context.Context, up *uploader.Uploader, roots []string, excludes []string, tag string) (string, error) {
	snap, err := up.BeginSnapshot(ctx, tag)
	if err != nil {
		return "", err
	}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				return nil
			}
			return up.UploadFile(ctx, snap, path)
		})
		if err != nil {
			return "", fmt.Errorf("walk %s: %w", root, err)
		}
	}
	return snap, up.Commit(ctx, snap)
}
