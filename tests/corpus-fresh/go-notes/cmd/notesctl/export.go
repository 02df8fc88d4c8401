package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/acme/notes/internal/client"
	"github.com/acme/notes/internal/store"
)

func newExportCmd() *cobra.Command {
	var (
		owner    string
		limit    int
		endpoint string
		bucket   string
		attempts int
	)
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Export a user's notes to the mirror bucket",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), owner, limit, endpoint, bucket, attempts)
		},
	}
	cmd.Flags().StringVar(&owner, "owner", "", "user whose notes to export (required)")
	cmd.Flags().IntVar(&limit, "limit", 500, "maximum notes to export")
	cmd.Flags().StringVar(&endpoint, "endpoint", "https://minio.internal:9000", "mirror endpoint")
	cmd.Flags().StringVar(&bucket, "bucket", "acme-notes-mirror", "mirror bucket")
	cmd.Flags().IntVar(&attempts, "attempts", 3, "upload attempts")
	_ = cmd.MarkFlagRequired("owner")
	return cmd
}

func runExport(ctx context.Context, owner string, limit int, endpoint, bucket string, attempts int) error {
	st, err := store.Open(filepath.Join(opts.dataDir, "notes.db"))
	if err != nil {
		return err
	}
	notes, err := st.ListNotes(ctx, owner, limit)
	if err != nil {
		return fmt.Errorf("list notes: %w", err)
	}
	data, err := json.MarshalIndent(notes, "", "  ")
	if err != nil {
		return err
	}
	key := fmt.Sprintf("exports/%s.json", owner)
	if err := client.NewMirror(endpoint, bucket).Upload(ctx, key, data, attempts); err != nil {
		return err
	}
	if opts.verbose {
		fmt.Printf("exported %d notes to s3://%s/%s\n", len(notes), bucket, key)
	}
	return nil
}
