package queue

import (
	"context"
	"fmt"
	"image"
	"log"
	"os"

	"github.com/redis/go-redis/v9"
	"github.com/vmihailenco/taskq/v3"
	"github.com/vmihailenco/taskq/v3/redisq"

	"github.com/acme/thumbs/internal/thumbs"
)

var (
	Redis = redis.NewClient(&redis.Options{
		Addr:     envOr("REDIS_ADDR", "localhost:6379"),
		Password: os.Getenv("REDIS_PASSWORD"),
	})

	Factory = redisq.NewFactory()

	Main = Factory.RegisterQueue(&taskq.QueueOptions{
		Name:  "thumbs",
		Redis: Redis,
	})
)

// Deps is set by the worker command before consumers start.
var Deps struct {
	Store      thumbs.Store
	PreviewDir string
}

var ResizeTask = taskq.RegisterTask(&taskq.TaskOptions{
	Name:       "resize",
	RetryLimit: 5,
	Handler: func(ctx context.Context, key string, widths []int) error {
		if err := thumbs.Resize(ctx, Deps.Store, key, widths); err != nil {
			log.Printf("resize %s failed (will retry): %v", key, err)
			return err
		}
		if Deps.PreviewDir != "" {
			if err := writePreview(ctx, key); err != nil {
				return fmt.Errorf("preview %s: %w", key, err)
			}
		}
		return nil
	},
})

var PosterTask = taskq.RegisterTask(&taskq.TaskOptions{
	Name:       "video-poster",
	RetryLimit: 3,
	Handler: func(ctx context.Context, key string) error {
		panic("TODO: extract poster frame with ffmpeg")
	},
})

func writePreview(ctx context.Context, key string) error {
	rc, err := Deps.Store.Get(ctx, thumbs.ThumbKey(key, 320))
	if err != nil {
		return err
	}
	defer rc.Close()
	img, _, err := image.Decode(rc)
	if err != nil {
		return err
	}
	return thumbs.WriteLocal(Deps.PreviewDir, fmt.Sprintf("%x.jpg", key), img)
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
