package commands

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/goravel/framework/contracts/console"
	"github.com/goravel/framework/contracts/console/command"

	"clinic/app/services"
)

type ExportPatients struct{}

func (receiver *ExportPatients) Signature() string {
	return "patients:export"
}

func (receiver *ExportPatients) Description() string {
	return "Write a redacted CSV of a clinic's patients for the health authority"
}

func (receiver *ExportPatients) Extend() command.Extend {
	return command.Extend{
		Category: "patients",
		Flags: []command.Flag{
			&command.StringFlag{Name: "clinic", Usage: "clinic id", Required: true},
			&command.StringFlag{Name: "since", Value: "2000-01-01", Usage: "registered on or after (YYYY-MM-DD)"},
			&command.StringFlag{Name: "output", Value: "/home/forge/riverbend-clinic/storage/exports", Usage: "directory for the CSV"},
		},
	}
}

func (receiver *ExportPatients) Handle(ctx console.Context) error {
	clinicID, err := strconv.ParseUint(ctx.Option("clinic"), 10, 64)
	if err != nil {
		return fmt.Errorf("--clinic: %w", err)
	}
	since, err := time.Parse("2006-01-02", ctx.Option("since"))
	if err != nil {
		return fmt.Errorf("--since: %w", err)
	}
	patients, err := services.NewExportService().Patients(uint(clinicID), since)
	if err != nil {
		return err
	}
	dir := ctx.Option("output")
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	file := filepath.Join(dir, fmt.Sprintf("patients-%d-%s.csv", clinicID, time.Now().Format("20060102")))
	f, err := os.OpenFile(file, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o640)
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	// csv.Writer errors are sticky; w.Error() below reports the first one.
	_ = w.Write([]string{"id", "name", "date_of_birth", "phone"})
	for _, p := range patients {
		p = services.Redact(p)
		_ = w.Write([]string{strconv.FormatUint(uint64(p.ID), 10), p.Name, p.DateOfBirth.Format("2006-01-02"), p.Phone})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return fmt.Errorf("writing %s: %w", file, err)
	}
	ctx.Info(fmt.Sprintf("wrote %d patients to %s", len(patients), file))
	return nil
}
