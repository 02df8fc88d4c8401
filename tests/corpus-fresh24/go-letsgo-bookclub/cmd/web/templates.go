package main

import (
	"html/template"
	"path/filepath"
	"time"

	"github.com/riverside-readers/bookclub/internal/models"
)

type templateData struct {
	CurrentYear     int
	Meeting         models.Meeting
	Meetings        []models.Meeting
	Attendees       []string
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
	return t.UTC().Format("Mon 02 Jan 2006 at 15:04")
}

var functions = template.FuncMap{
	"humanDate": humanDate,
}

func newTemplateCache() (map[string]*template.Template, error) {
	cache := map[string]*template.Template{}

	pages, err := filepath.Glob("./ui/html/pages/*.tmpl")
	if err != nil {
		return nil, err
	}
	for _, page := range pages {
		name := filepath.Base(page)
		ts, err := template.New(name).Funcs(functions).ParseFiles("./ui/html/base.tmpl")
		if err != nil {
			return nil, err
		}
		if ts, err = ts.ParseGlob("./ui/html/partials/*.tmpl"); err != nil {
			return nil, err
		}
		if ts, err = ts.ParseFiles(page); err != nil {
			return nil, err
		}
		cache[name] = ts
	}
	return cache, nil
}
