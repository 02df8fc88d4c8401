package db

import (
	"os"

	"github.com/revel/revel"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/harbourmed/clinic/app/models"
)

// DB is the shared handle, opened once in Init (revel.OnAppStart).
var DB *gorm.DB

func dsn() string {
	if v := os.Getenv("CLINIC_DATABASE_URL"); v != "" {
		return v
	}
	return revel.Config.StringDefault("db.dsn",
		"postgres://clinic_app:Hm!clinic-2024@pg-prod.harbourmed.internal:5432/clinic?sslmode=verify-full")
}

func Init() {
	level := logger.Warn
	if revel.DevMode {
		level = logger.Info
	}
	conn, err := gorm.Open(postgres.Open(dsn()), &gorm.Config{Logger: logger.Default.LogMode(level)})
	if err != nil {
		revel.AppLog.Fatal("cannot open database", "error", err)
	}
	if err := conn.AutoMigrate(
		&models.Staff{}, &models.Patient{}, &models.Appointment{},
		&models.Claim{}, &models.LabResult{}, &models.AccessLog{},
	); err != nil {
		revel.AppLog.Fatal("migration failed", "error", err)
	}
	DB = conn
}
