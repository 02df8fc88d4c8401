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

	"lending.example.org/lending/internal/models"
)

type itemStore interface {
	Insert(name, description, category string, ownerID int) (int, error)
	Get(id int) (models.Item, error)
	Latest(limit int) ([]models.Item, error)
	Search(query, category string, limit int) ([]models.Item, error)
	Delete(id int) error
	Checkout(itemID, userID int, due time.Time) error
	Return(itemID, userID int) error
}

type userStore interface {
	Authenticate(email, password string) (int, error)
	Get(id int) (models.User, error)
	All() ([]models.User, error)
	SetRole(id int, role string) error
	PendingReset(email string) (models.PasswordReset, error)
	CompleteReset(userID int, password string) error
}

type application struct {
	logger         *slog.Logger
	items          itemStore
	users          userStore
	templateCache  map[string]*template.Template
	formDecoder    *form.Decoder
	sessionManager *scs.SessionManager
	uiDir          string
}

func main() {
	addr := flag.String("addr", ":4000", "HTTPS network address")
	dsn := flag.String("dsn", "web:Pa55w0rd-lend!@tcp(db.lending.internal:3306)/lending?parseTime=true", "MySQL data source name")
	tlsCert := flag.String("tls-cert", "/etc/letsencrypt/live/lending.example.org/fullchain.pem", "TLS certificate file")
	tlsKey := flag.String("tls-key", "/etc/letsencrypt/live/lending.example.org/privkey.pem", "TLS key file")
	uiDir := flag.String("ui-dir", "./ui", "directory containing html templates and static files")
	flag.Parse()

	logger := slog.New(slog.NewTextHandler(os.Stdout, nil))

	db, err := openDB(*dsn)
	if err != nil {
		logger.Error(err.Error())
		os.Exit(1)
	}
	defer db.Close()

	templateCache, err := newTemplateCache(*uiDir)
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
		items:          &models.ItemModel{DB: db},
		users:          &models.UserModel{DB: db},
		templateCache:  templateCache,
		formDecoder:    form.NewDecoder(),
		sessionManager: sessionManager,
		uiDir:          *uiDir,
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
	err = srv.ListenAndServeTLS(*tlsCert, *tlsKey)
	logger.Error(err.Error())
	os.Exit(1)
}

func openDB(dsn string) (*sql.DB, error) {
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(25)
	db.SetConnMaxLifetime(5 * time.Minute)
	if err = db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}
