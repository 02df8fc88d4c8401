package main

import (
	"context"
	"flag"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/google/subcommands"

	"github.com/acme/thumbs/internal/queue"
	"github.com/acme/thumbs/internal/storage"
)

type workerCmd struct {
	concurrency int
	bucket      string
	endpoint    string
	region      string
	previewDir  string
	insecure    bool
}

func (*workerCmd) Name() string     { return "worker" }
func (*workerCmd) Synopsis() string { return "consume resize and poster tasks" }
func (*workerCmd) Usage() string {
	return "worker [-concurrency N] [-bucket NAME] [-region REGION] [-insecure]\n"
}

func (c *workerCmd) SetFlags(f *flag.FlagSet) {
	f.IntVar(&c.concurrency, "concurrency", 8, "max concurrent task handlers")
	f.StringVar(&c.bucket, "bucket", "acme-media", "S3 bucket with originals and thumbnails")
	f.StringVar(&c.endpoint, "endpoint", "", "custom S3 endpoint (MinIO)")
	f.StringVar(&c.region, "region", "eu-west-1", "S3 region of the bucket")
	f.StringVar(&c.previewDir, "preview-dir", "", "also write 320w previews to this directory")
	f.BoolVar(&c.insecure, "insecure", false, "skip TLS verification for -endpoint (dev only)")
}

func (c *workerCmd) Execute(ctx context.Context, _ *flag.FlagSet, _ ...interface{}) subcommands.ExitStatus {
	bucket, err := storage.Open(ctx, storage.Config{
		Endpoint: c.endpoint,
		Bucket:   c.bucket,
		Region:   os.Getenv("AWS_REGION"),
		Insecure: c.insecure,
	})
	if err != nil {
		log.Printf("worker: %v", err)
		return subcommands.ExitFailure
	}
	queue.Deps.Store = bucket
	queue.Deps.PreviewDir = c.previewDir

	queue.Main.Options().MaxNumWorker = int32(c.concurrency)
	if err := queue.Factory.StartConsumers(ctx); err != nil {
		log.Printf("worker: start consumers: %v", err)
		return subcommands.ExitFailure
	}

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	<-sig
	if err := queue.Factory.Close(); err != nil {
		log.Printf("worker: close: %v", err)
		return subcommands.ExitFailure
	}
	return subcommands.ExitSuccess
}
