package thumbs

import (
	"context"
	"errors"
	"image"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func solid(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.RGBA{200, 40, 40, 255})
		}
	}
	return img
}

func TestThumbKey(t *testing.T) {
	tests := []struct {
		in   string
		w    int
		want string
	}{
		{"uploads/cat.png", 160, "thumbs/uploads/cat_160w.jpg"},
		{"a/b/c.jpeg", 640, "thumbs/a/b/c_640w.jpg"},
		{"noext", 320, "thumbs/noext_320w.jpg"},
	}
	for _, tt := range tests {
		if got := ThumbKey(tt.in, tt.w); got != tt.want {
			t.Errorf("ThumbKey(%q, %d) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
	}
}

func TestRenderKeepsAspectRatio(t *testing.T) {
	for _, w := range []int{50, 100, 400} {
		got := Render(solid(800, 400), w, nil).Bounds()
		if got.Dx() != w || got.Dy() != w/2 {
			t.Fatalf("width %d: got %v", w, got)
		}
	}
}

func TestRenderWithWatermark(t *testing.T) {
	WatermarkPath = filepath.Join("testdata", "watermark.png")
	Render(solid(640, 480), 320, solid(64, 64))
}

func TestWriteLocal(t *testing.T) {
	dir := t.TempDir()
	if err := WriteLocal(dir, "p.jpg", solid(10, 10)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "p.jpg")); err != nil {
		t.Fatalf("preview not written: %v", err)
	}
}

// missingStore fails every read; Put is never reached in these tests.
type missingStore struct{}

func (missingStore) Get(context.Context, string) (io.ReadCloser, error) {
	return nil, errors.New("object not found")
}

func (missingStore) Put(context.Context, string, string, io.Reader) error {
	panic("not implemented: Put must not be called")
}

func TestResizePropagatesStoreErrors(t *testing.T) {
	err := Resize(context.Background(), missingStore{}, "uploads/x.png", Sizes{160})
	if err == nil || err.Error() != "object not found" {
		t.Fatalf("Resize err = %v", err)
	}
}
