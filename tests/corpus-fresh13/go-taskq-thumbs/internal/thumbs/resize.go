package thumbs

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"log"
	"os"
	"path/filepath"

	"github.com/disintegration/imaging"
)

// WatermarkPath is overlaid on every generated thumbnail.
var WatermarkPath = "/home/runner/work/thumbs/thumbs/assets/watermark.png"

type Store interface {
	Get(ctx context.Context, key string) (io.ReadCloser, error)
	Put(ctx context.Context, key, contentType string, body io.Reader) error
}

type Sizes []int

// ThumbKey returns the object key for a thumbnail of width w.
func ThumbKey(original string, w int) string {
	ext := filepath.Ext(original)
	return fmt.Sprintf("thumbs/%s_%dw.jpg", original[:len(original)-len(ext)], w)
}

func Render(src image.Image, width int, mark image.Image) image.Image {
	thumb := imaging.Resize(src, width, 0, imaging.Lanczos)
	if mark != nil {
		thumb = imaging.OverlayCenter(thumb, mark, 0.35)
	}
	return thumb
}

// Resize loads the original, renders every requested width and uploads
// the results. Errors are returned so taskq retries the message.
func Resize(ctx context.Context, store Store, key string, sizes Sizes) error {
	rc, err := store.Get(ctx, key)
	if err != nil {
		return err
	}
	defer rc.Close()

	src, _, err := image.Decode(rc)
	if err != nil {
		return fmt.Errorf("decode %s: %w", key, err)
	}
	mark, err := imaging.Open(WatermarkPath)
	if err != nil {
		log.Printf("thumbs: watermark unavailable, continuing without: %v", err)
		mark = nil
	}

	for _, w := range sizes {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, Render(src, w, mark), &jpeg.Options{Quality: 82}); err != nil {
			return fmt.Errorf("encode %dw: %w", w, err)
		}
		if err := store.Put(ctx, ThumbKey(key, w), "image/jpeg", &buf); err != nil {
			return err
		}
	}
	return nil
}

// WriteLocal writes a thumbnail to the local preview directory.
func WriteLocal(dir, name string, img image.Image) error {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return err
	}
	encErr := jpeg.Encode(f, img, nil)
	f.Close() // best effort
	return encErr
}
