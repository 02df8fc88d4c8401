package grifts

import (
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/gobuffalo/envy"
	"github.com/gobuffalo/grift/grift"
	"github.com/gobuffalo/nulls"

	"github.com/pawsandclaws/clinicbook/mailers"
	"github.com/pawsandclaws/clinicbook/models"
)

var _ = grift.Namespace("clinic", func() {

	grift.Desc("reminders", "Email reminders for appointments in the next 24 hours")
	grift.Add("reminders", func(c *grift.Context) error {
		due, err := models.UpcomingNeedingReminder(models.DB, 24*time.Hour)
		if err != nil {
			return err
		}
		sent := 0
		for i := range due {
			a := &due[i]
			owner := &models.User{}
			if err := models.DB.Find(owner, a.OwnerID); err != nil {
				return fmt.Errorf("owner of %s: %w", a.ID, err)
			}
			if err := mailers.SendReminder(owner.Email, a); err != nil {
				fmt.Fprintf(os.Stderr, "reminder for %s failed, will retry next run: %v\n", a.ID, err)
				continue
			}
			a.ReminderSentAt = nulls.NewTime(time.Now())
			if err := models.DB.Update(a); err != nil {
				return err
			}
			sent++
		}
		fmt.Printf("sent %d of %d reminders\n", sent, len(due))
		return nil
	})

	grift.Desc("export", "Write this month's appointments to CSV for the practice accountant")
	grift.Add("export", func(c *grift.Context) error {
		dir := envy.Get("EXPORT_DIR", "/var/lib/clinicbook/exports")
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return err
		}
		as := models.Appointments{}
		if err := models.DB.Where("date_trunc('month', starts_at) = date_trunc('month', now())").Order("starts_at").All(&as); err != nil {
			return err
		}
		f, err := os.Create(filepath.Join(dir, time.Now().Format("appointments-2006-01.csv")))
		if err != nil {
			return err
		}
		defer f.Close()
		w := csv.NewWriter(f)
		_ = w.Write([]string{"id", "pet", "starts_at", "status", "deposit_cents"})
		for _, a := range as {
			_ = w.Write([]string{a.ID.String(), a.PetName, a.StartsAt.Format(time.RFC3339), a.Status, fmt.Sprint(a.DepositCents)})
		}
		w.Flush()
		return w.Error()
	})

	grift.Desc("backup", "pg_dump the database before a release")
	grift.Add("backup", func(c *grift.Context) error {
		target := filepath.Join("/home/dlopez/clinicbook-backups", time.Now().Format("20060102-150405")+".dump")
		cmd := exec.Command("pg_dump", "--format=custom", "--file", target, os.Getenv("DATABASE_URL"))
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		return cmd.Run()
	})
})
