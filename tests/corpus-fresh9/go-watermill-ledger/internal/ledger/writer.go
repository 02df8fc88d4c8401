package ledger

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"
)

type Entry struct {
	Ref         string
	Account     string
	AmountCents int64
	Currency    string
}

// Writer appends entries to a daily CSV batch file.
type Writer struct {
	mu  sync.Mutex
	dir string
	day string
	f   *os.File
	buf *bufio.Writer
	csv *csv.Writer
}

func NewWriter(dir string) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("create ledger dir: %w", err)
	}
	return &Writer{dir: dir}, nil
}

func (w *Writer) rotate(now time.Time) error {
	day := now.UTC().Format("2006-01-02")
	if day == w.day && w.f != nil {
		return nil
	}
	if w.f != nil {
		w.csv.Flush()
		if err := w.buf.Flush(); err != nil {
			return fmt.Errorf("flush %s: %w", w.day, err)
		}
		w.f.Close()
	}
	f, err := os.OpenFile(filepath.Join(w.dir, "ledger-"+day+".csv"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o640)
	if err != nil {
		return fmt.Errorf("open batch: %w", err)
	}
	w.f, w.day = f, day
	w.buf = bufio.NewWriter(f)
	w.csv = csv.NewWriter(w.buf)
	return nil
}

func (w *Writer) Append(e Entry) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.rotate(time.Now()); err != nil {
		return err
	}
	rec := []string{time.Now().UTC().Format(time.RFC3339), e.Ref, e.Account, strconv.FormatInt(e.AmountCents, 10), e.Currency}
	if err := w.csv.Write(rec); err != nil {
		return fmt.Errorf("write entry %s: %w", e.Ref, err)
	}
	w.csv.Flush()
	return w.csv.Error()
}

func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f == nil {
		return nil
	}
	w.csv.Flush()
	if err := w.buf.Flush(); err != nil {
		return err
	}
	if err := w.f.Sync(); err != nil {
		return fmt.Errorf("sync ledger: %w", err)
	}
	return w.f.Close()
}
