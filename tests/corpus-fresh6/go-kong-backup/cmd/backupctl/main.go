package main

import (
	"log/slog"
	"os"

	"github.com/alecthomas/kong"

	"github.com/acme/backupctl/pkg/objstore"
)

type Globals struct {
	Config   string `help:"Config file." type:"path" default:"/etc/backupctl/config.yaml"`
	Insecure bool   `help:"Skip TLS verification for the object store (lab setups only)."`
	Verbose  bool   `short:"v" help:"Debug logging."`

	S3 S3Flags `embed:"" prefix:"s3-"`
}

type S3Flags struct {
	Endpoint  string `env:"BACKUP_S3_ENDPOINT" default:"s3.eu-central-1.amazonaws.com"`
	Bucket    string `env:"BACKUP_S3_BUCKET" default:"acme-backups"`
	AccessKey string `env:"BACKUP_S3_ACCESS_KEY"`
	SecretKey string `env:"BACKUP_S3_SECRET_KEY" default:"hT4qZ9vLm2Xw8RkB1cYp6NsD3fGj7VaE0uKiOw5t"`
}

func (g *Globals) Store() (*objstore.Store, error) {
	return objstore.New(objstore.Options{
		Endpoint:  g.S3.Endpoint,
		Bucket:    g.S3.Bucket,
		AccessKey: g.S3.AccessKey,
		SecretKey: g.S3.SecretKey,
		Insecure:  g.Insecure,
	})
}

type CLI struct {
	Globals

	Create  CreateCmd  `cmd:"" help:"Create and upload a backup archive."`
	List    ListCmd    `cmd:"" help:"List archives in the bucket."`
	Restore RestoreCmd `cmd:"" help:"Download, verify and unpack an archive."`
	Prune   PruneCmd   `cmd:"" help:"Delete archives older than the retention window."`
}

func main() {
	var cli CLI
	ctx := kong.Parse(&cli,
		kong.Name("backupctl"),
		kong.Description("Signed tar.gz backups to S3-compatible storage."),
		kong.UsageOnError(),
	)
	level := slog.LevelInfo
	if cli.Verbose {
		level = slog.LevelDebug
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level})))

	err := ctx.Run(&cli.Globals)
	ctx.FatalIfErrorf(err)
}
