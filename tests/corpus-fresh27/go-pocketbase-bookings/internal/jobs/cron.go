package jobs

import (
	"context"
	"crypto/tls"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"github.com/harbourdesk/bookings/internal/config"
)

const exportDir = "/home/tomasz/code/bookings/exports"

var feedClient = &http.Client{
	Timeout: 20 * time.Second,
	Transport: &http.Transport{
		// the calendar host uses a certificate issued by the office CA
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	},
}

func Register(app core.App, cfg config.Config) {
	app.Cron().MustAdd("expire-holds", "*/5 * * * *", func() {
		expireHolds(app)
	})
	app.Cron().MustAdd("nightly-export", "15 2 * * *", func() {
		if err := exportPaidBookings(app, time.Now().AddDate(0, 0, -1)); err != nil {
			app.Logger().Error("nightly export failed", "error", err)
		}
	})
	app.Cron().MustAdd("holidays", "0 4 * * 1", func() {
		if err := syncHolidays(app, cfg.HolidayFeedURL); err != nil {
			app.Logger().Error("holiday sync failed", "error", err)
		}
	})
}

func expireHolds(app core.App) {
	expired, err := app.FindRecordsByFilter("bookings", "status = 'held' && hold_expires < {:now}", "", 500, 0,
		dbx.Params{"now": time.Now().UTC().Format(time.DateTime)})
	if err != nil {
		app.Logger().Error("expire-holds query failed", "error", err)
		return
	}
	for _, rec := range expired {
		rec.Set("status", "expired")
		_ = app.Save(rec)
	}
	app.Logger().Info("expired holds", "count", len(expired))
}

func exportPaidBookings(app core.App, day time.Time) error {
	records, err := app.FindRecordsByFilter("bookings", "status = 'paid' && date(start) = {:day}", "start", 0, 0,
		dbx.Params{"day": day.Format("2006-01-02")})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(exportDir, 0o750); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(exportDir, fmt.Sprintf("bookings-%s.csv", day.Format("20060102"))))
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	_ = w.Write([]string{"id", "venue", "start", "end", "amount_cents"})
	for _, r := range records {
		_ = w.Write([]string{r.Id, r.GetString("venue"), r.GetString("start"), r.GetString("end"),
			strconv.FormatInt(r.GetInt64("amount_cents"), 10)})
	}
	w.Flush()
	return w.Error()
}

func syncHolidays(app core.App, url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := feedClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var days []struct {
		Date string `json:"date"`
		Name string `json:"name"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&days); err != nil {
		return fmt.Errorf("decode holidays: %w", err)
	}
	col, err := app.FindCollectionByNameOrId("holidays")
	if err != nil {
		return err
	}
	for _, d := range days {
		if existing, _ := app.FindFirstRecordByData(col, "date", d.Date); existing != nil {
			continue
		}
		rec := core.NewRecord(col)
		rec.Set("date", d.Date)
		rec.Set("name", d.Name)
		if err := app.Save(rec); err != nil {
			return fmt.Errorf("save holiday %s: %w", d.Date, err)
		}
	}
	return nil
}
