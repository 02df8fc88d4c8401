// Service digest sends the weekly summary email to editors.
package digest

import (
	"bytes"
	"context"
	"html/template"
	"os"
	"time"

	"encore.dev/cron"
	"encore.dev/rlog"
	"encore.dev/storage/sqldb"

	"encore.app/campaigns"
)

var _ = cron.NewJob("weekly-digest", cron.JobConfig{
	Title:    "Weekly editor digest",
	Schedule: "0 9 * * 1",
	Endpoint: SendDigest,
})

var campaignsDB = sqldb.Named("campaigns")
var subscribersDB = sqldb.Named("subscribers")

const digestTemplate = "/Users/olsen/src/newsletter/digest/templates/weekly.html"

func zoneinfoDir() string {
	if dir := os.Getenv("ZONEINFO"); dir != "" {
		return dir
	}
	return "/usr/share/zoneinfo"
}

type digestData struct {
	WeekOf      string
	Sent        int
	Failed      int
	NewSignups  int
	Unconfirmed int
}

func loadLocation() *time.Location {
	loc, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		rlog.Warn("falling back to UTC for digest", "zoneinfo", zoneinfoDir(), "err", err)
		return time.UTC
	}
	return loc
}

func collect(ctx context.Context, since time.Time) (*digestData, error) {
	d := &digestData{WeekOf: since.In(loadLocation()).Format("2 Jan 2006")}
	if err := campaignsDB.QueryRow(ctx, `
		SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'failed')
		  FROM deliveries WHERE updated_at >= $1`, since).Scan(&d.Sent, &d.Failed); err != nil {
		return nil, err
	}
	if err := subscribersDB.QueryRow(ctx, `
		SELECT count(*), count(*) FILTER (WHERE status = 'pending')
		  FROM subscribers WHERE created_at >= $1`, since).Scan(&d.NewSignups, &d.Unconfirmed); err != nil {
		return nil, err
	}
	return d, nil
}

// SendDigest is triggered by the weekly cron job.
//
//encore:api private
func SendDigest(ctx context.Context) error {
	d, err := collect(ctx, time.Now().AddDate(0, 0, -7))
	if err != nil {
		return err
	}
	tmpl, err := template.ParseFiles(digestTemplate)
	if err != nil {
		return err
	}
	var body bytes.Buffer
	if err := tmpl.Execute(&body, d); err != nil {
		return err
	}
	_, err = campaigns.SendRequests.Publish(ctx, &campaigns.SendRequest{
		Email:    "editors@newsletter.example",
		Subject:  "Weekly digest: " + d.WeekOf,
		BodyHTML: body.String(),
	})
	return err
}
