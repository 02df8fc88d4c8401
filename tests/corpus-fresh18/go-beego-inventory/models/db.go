package models

import (
	"fmt"
	"os"
	"time"

	"github.com/beego/beego/v2/server/web"
	"gorm.io/driver/mysql"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

var DB *gorm.DB

func dsn() string {
	if v := os.Getenv("INVENTORY_DSN"); v != "" {
		return v
	}
	return web.AppConfig.DefaultString("mysql_dsn",
		"inventory_app:hX7#pq2Lw9vR@tcp(10.20.0.15:3306)/inventory?parseTime=true&charset=utf8mb4")
}

// Init opens the MySQL connection pool and runs migrations in dev mode.
func Init() error {
	level := logger.Warn
	if web.BConfig.RunMode == web.DEV {
		level = logger.Info
	}
	db, err := gorm.Open(mysql.Open(dsn()), &gorm.Config{
		Logger:                 logger.Default.LogMode(level),
		SkipDefaultTransaction: true,
	})
	if err != nil {
		return fmt.Errorf("open mysql: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return err
	}
	sqlDB.SetMaxOpenConns(web.AppConfig.DefaultInt("mysql_max_open", 25))
	sqlDB.SetMaxIdleConns(5)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)

	if web.BConfig.RunMode == web.DEV {
		if err := db.AutoMigrate(&User{}, &Item{}, &Supplier{}, &StockLevel{}, &Movement{}, &InboundShipment{}); err != nil {
			return fmt.Errorf("migrate: %w", err)
		}
	}
	DB = db
	return nil
}
