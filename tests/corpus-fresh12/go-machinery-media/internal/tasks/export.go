package tasks

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// ExportResults writes a CSV summary of processed media to dir and returns the file path.
func ExportResults(dir string, keys []string, sizes []int64) (string, error) {
	if len(keys) != len(sizes) {
		return "", fmt.Errorf("keys/sizes length mismatch: %d vs %d", len(keys), len(sizes))
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "results-"+time.Now().UTC().Format("20060102T150405")+".csv")
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	buf := bufio.NewWriter(f)
	w := csv.NewWriter(buf)
	_ = w.Write([]string{"key", "bytes"})
	for i, k := range keys {
		if err := w.Write([]string{k, strconv.FormatInt(sizes[i], 10)}); err != nil {
			return "", err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return "", err
	}
	if err := buf.Flush(); err != nil {
		return "", err
	}
	_ = f.Close()
	return path, nil
}

func runFFmpeg(in, out, codec string) error {
	cmd := exec.Command("ffmpeg", "-y", "-i", in, "-c:a", codec, out)
	if output, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("ffmpeg: %w: %s", err, output)
	}
	return nil
}
