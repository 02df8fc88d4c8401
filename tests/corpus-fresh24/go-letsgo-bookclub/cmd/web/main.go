package main

import (
	"crypto/tls"
	"database/sql"
	"flag"
	"html/template"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/alexedwards/scs/mysqlstore"
	"github.com/alexedwards/scs/v2"
	"github.com/go-playground/form/v4"
	_ "github.com/go-sql-driver/mysql"

	"github.com/riverside-readers/bookclub/internal/mailer"
	"github.com/riverside-readers/bookclub/internal/models"
)

type application struct {
	logger         *slog.Logger
	users          models.UserModelInterface
	meetings       models.MeetingModelInterface
	mailer         mailer.Sender
	templateCache  map[string]*template.Template
	formDecoder    *form.Decoder
	sessionManager *scs.SessionManager
}

func main() {
	addr := flag.String("addr", ":4000", "HTTP network address")
	dsn := flag.String("dsn", os.Getenv("BOOKCLUB_DSN"), "MySQL data source name")
	certFile := flag.String("tls-cert", "/etc/bookclub/tls/cert.pem", "TLS certificate file")
	keyFile := flag.String("tls-key", "/etc/bookclub/tls/key.pem", "TLS key file")
	smtpHost := flag.String("smtp-host", "smtp.mailgun.org", "SMTP host")
	smtpPort := flag.Int("smtp-port", 587, "SMTP port")
	smtpUser := flag.String("smtp-username", "postmaster@mg.riversidereaders.org", "SMTP username")
	smtpPass := flag.String("smtp-password", "x9Kq2mVw7Lp3Rt8Z", "SMTP password")
	smtpSender := flag.String("smtp-sender", "Riverside Readers <hello@riversidereaders.org>", "SMTP sender")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stdout, nil))

	db, err := openDB(*dsn)
	if err != nil {
		logger.Error(err.Error())
		os.Exit(1)
	}
	defer db.Close()

	templateCache, err := newTemplateCache()
	if err != nil {
		logger.Error(err.Error())
		os.Exit(1)
	}

	sessionManager := scs.New()
	sessionManager.Store = mysqlstore.New(db)
	sessionManager.Lifetime = 12 * time.Hour
	sessionManager.Cookie.Secure = true

	app := &application{
		logger:         logger,
		users:          &models.UserModel{DB: db},
		meetings:       &models.MeetingModel{DB: db},
		mailer:         mailer.New(*smtpHost, *smtpPort, *smtpUser, *smtpPass, *smtpSender),
		templateCache:  templateCache,
		formDecoder:    form.NewDecoder(),
		sessionManager: sessionManager,
	}

	tlsConfig := &tls.Config{
		MinVersion:       tls.VersionTLS12,
		CurvePreferences: []tls.CurveID{tls.X25519, tls.CurveP256},
	}

	srv := &http.Server{
		Addr:         *addr,
		Handler:      app.routes(),
		ErrorLog:     slog.NewLogLogger(logger.Handler(), slog.LevelError),
		TLSConfig:    tlsConfig,
		IdleTimeout:  time.Minute,
		ReadTimeout:  5 * time.Second,
		WriteTimeout: 10 * time.Second,
	}

	logger.Info("starting server", "addr", srv.Addr)
	err = srv.ListenAndServeTLS(*certFile, *keyFile)
	logger.Error(err.Error())
	os.Exit(1)
}

func openDB(dsn string) (*sql.DB, error) {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	if err = db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
