package services

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"text/template"

	"github.com/beego/beego/v2/server/web"

	"github.com/northwind-logistics/inventory-api/models"
)

const shelfLabelTemplate = "/home/oleg/work/inventory/labels/shelf.zpl.tmpl"

var labelFuncs = template.FuncMap{
	"money": func(cents int64) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) },
}

// RenderShelfLabel renders the ZPL for a shelf-edge label.
func RenderShelfLabel(item models.Item) (string, error) {
	raw, err := os.ReadFile(shelfLabelTemplate)
	if err != nil {
		return "", fmt.Errorf("read label template: %w", err)
	}
	tmpl, err := template.New("shelf").Funcs(labelFuncs).Parse(string(raw))
	if err != nil {
		return "", fmt.Errorf("parse label template: %w", err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, item); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// spoolDir is where rendered labels are kept for the print station to pick up.
func spoolDir() string {
	if d := web.AppConfig.DefaultString("label_spool_dir", ""); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "inventory-labels")
}

// SpoolLabel stores a rendered label so the print station can reprint it.
func SpoolLabel(sku, zpl string) error {
	dir := spoolDir()
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, sku+".zpl"), []byte(zpl), 0o640)
}
