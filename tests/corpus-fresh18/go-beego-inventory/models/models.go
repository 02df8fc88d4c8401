package models

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// DummyPasswordHash is a bcrypt hash of a random string, used to keep login
// timing constant for unknown accounts.
var DummyPasswordHash = []byte("$2a$12$C6UzMDM.H6dfI/f/IKcEeO7x1rG0G6p3c8yYkFhF8yQZp2m7m5L0a")

var ErrInsufficientStock = errors.New("insufficient stock")

type Principal struct {
	UserID        uint
	Role          string
	Warehouses    []uint
	AllWarehouses bool
}

type User struct {
	ID           uint      `gorm:"primaryKey" json:"id"`
	Email        string    `gorm:"uniqueIndex;size:320" json:"email"`
	PasswordHash string    `gorm:"size:100" json:"-"`
	Role         string    `gorm:"size:20" json:"role"`
	Warehouses   string    `gorm:"size:255" json:"-"`
	CreatedAt    time.Time `json:"created_at"`
}

func (u User) WarehouseIDs() []uint {
	var ids []uint
	for _, part := range strings.Split(u.Warehouses, ",") {
		var id uint
		if _, err := fmt.Sscan(strings.TrimSpace(part), &id); err == nil {
			ids = append(ids, id)
		}
	}
	return ids
}

type Supplier struct {
	ID         uint   `gorm:"primaryKey" json:"id"`
	Name       string `json:"name"`
	AccountID  string `gorm:"size:64" json:"account_id"`
	APIBaseURL string `json:"api_base_url"`
	Currency   string `gorm:"size:3" json:"currency"`
}

type Item struct {
	ID                uint      `gorm:"primaryKey" json:"id"`
	SKU               string    `gorm:"uniqueIndex;size:64" json:"sku"`
	Name              string    `gorm:"size:200" json:"name"`
	Description       string    `json:"description"`
	SupplierID        *uint     `json:"supplier_id"`
	UnitCostCents     int64     `json:"unit_cost_cents"`
	ReorderAt         int       `json:"reorder_at"`
	SupplierAvailable int       `json:"supplier_available"`
	UpdatedAt         time.Time `json:"updated_at"`
}

// BeforeSave normalises the SKU; gorm passes the transaction handle.
func (i *Item) BeforeSave(tx *gorm.DB) error {
	i.SKU = strings.ToUpper(strings.TrimSpace(i.SKU))
	return nil
}

type StockLevel struct {
	WarehouseID uint  `gorm:"primaryKey" json:"warehouse_id"`
	ItemID      uint  `gorm:"primaryKey" json:"item_id"`
	Item        *Item `json:"item,omitempty"`
	Quantity    int   `json:"quantity"`
}

type Movement struct {
	ID          uint `gorm:"primaryKey"`
	WarehouseID uint
	ItemID      uint
	Delta       int
	Reason      string `gorm:"size:64"`
	ActorID     uint
	CreatedAt   time.Time
}

type InboundShipment struct {
	ID          uint   `gorm:"primaryKey"`
	Reference   string `gorm:"uniqueIndex;size:64"`
	DeliveredAt *time.Time
}

func ApplyDelta(tx *gorm.DB, warehouseID, itemID uint, delta int, out *StockLevel) error {
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).
		FirstOrCreate(out, StockLevel{WarehouseID: warehouseID, ItemID: itemID}).Error; err != nil {
		return err
	}
	if out.Quantity+delta < 0 {
		return ErrInsufficientStock
	}
	out.Quantity += delta
	return tx.Save(out).Error
}

func SetQuantity(tx *gorm.DB, warehouseID, itemID uint, qty int) error {
	level := StockLevel{WarehouseID: warehouseID, ItemID: itemID, Quantity: qty}
	return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&level).Error
}

func RecordMovement(tx *gorm.DB, m Movement) error {
	return tx.Create(&m).Error
}
