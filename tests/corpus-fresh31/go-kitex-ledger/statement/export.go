package statement

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/finchpay/ledger/dal"
)

type Exporter struct {
	Store *dal.Store
	Dir   string
}

// Monthly writes the statement for one account and month and returns the file path.
func (e *Exporter) Monthly(ctx context.Context, account string, month time.Time) (string, error) {
	from := time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 1, 0)
	entries, err := e.Store.EntriesBetween(ctx, account, from, to)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(e.Dir, 0o750); err != nil {
		return "", err
	}
	path := filepath.Join(e.Dir, fmt.Sprintf("%s-%s.csv", account, from.Format("2006-01")))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o640)
	if err != nil {
		return "", err
	}
	w := csv.NewWriter(f)
	_ = w.Write([]string{"date", "transfer_id", "amount_minor", "currency", "memo"})
	for _, en := range entries {
		_ = w.Write([]string{en.CreatedAt.Format(time.RFC3339), en.TransferID, strconv.FormatInt(en.AmountMinor, 10), en.Currency, en.Memo})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return "", fmt.Errorf("write statement: %w", err)
	}
	return path, f.Close()
}
