package main

import (
	"html/template"
	"path/filepath"
	"time"

	"lending.example.org/lending/internal/models"
)

type templateData struct {
	CurrentYear     int
	Item            models.Item
	Items           []models.Item
	Users           []models.User
	Query           string
	Category        string
	Form            any
	Flash           string
	IsAuthenticated bool
	IsAdmin         bool
	CSRFToken       string
}

func humanDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("02 Jan 2006 at 15:04")
}

var functions = template.FuncMap{"humanDate": humanDate}

func newTemplateCache(uiDir string) (map[string]*template.Template, error) {
	cache := map[string]*template.Template{}
	pages, err := filepath.Glob(filepath.Join(uiDir, "html", "pages", "*.tmpl"))
	if err != nil {
		return nil, err
	}
	for _, page := range pages {
		name := filepath.Base(page)
		ts, err := template.New(name).Funcs(functions).ParseFiles(filepath.Join(uiDir, "html", "base.tmpl"))
		if err != nil {
			return nil, err
		}
		if ts, err = ts.ParseGlob(filepath.Join(uiDir, "html", "partials", "*.tmpl")); err != nil {
			return nil, err
		}
		if ts, err = ts.ParseFiles(page); err != nil {
			return nil, err
		}
		cache[name] = ts
	}
	return cache, nil
}
