package controllers

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/beego/beego/v2/core/logs"
	"github.com/beego/beego/v2/server/web"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/northwind-logistics/inventory-api/filters"
	"github.com/northwind-logistics/inventory-api/models"
)

type WebhookController struct {
	BaseController
}

func (c *WebhookController) signatureOK(secretKey, header string) bool {
	secret := web.AppConfig.DefaultString(secretKey, "")
	if secret == "" {
		return false
	}
	given, err := hex.DecodeString(c.Ctx.Input.Header(header))
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(c.Ctx.Input.RequestBody)
	return hmac.Equal(mac.Sum(nil), given)
}

// SupplierStock receives availability updates pushed by suppliers.
func (c *WebhookController) SupplierStock() {
	secret := web.AppConfig.DefaultString("supplier_webhook_secret", "")
	given, err := hex.DecodeString(c.Ctx.Input.Header("X-Supplier-Signature"))
	if err != nil || secret == "" {
		c.fail(http.StatusUnauthorized, "bad signature")
		return
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(c.Ctx.Input.RequestBody)
	if !bytes.Equal(mac.Sum(nil), given) {
		c.fail(http.StatusUnauthorized, "bad signature")
		return
	}

	var payload struct {
		SupplierAccount string `json:"account"`
		Items           []struct {
			SKU       string `json:"sku"`
			Available int    `json:"available"`
		} `json:"items"`
	}
	if err := json.Unmarshal(c.Ctx.Input.RequestBody, &payload); err != nil {
		c.fail(http.StatusBadRequest, "invalid payload")
		return
	}
	for _, it := range payload.Items {
		res := models.DB.Model(&models.Item{}).Where("sku = ?", it.SKU).Update("supplier_available", it.Available)
		if res.Error != nil {
			logs.Error("supplier stock update for %s: %v", it.SKU, res.Error)
			c.fail(http.StatusInternalServerError, "update failed")
			return
		}
	}
	c.respond(http.StatusNoContent, nil)
}

// CarrierDelivery marks inbound shipments as received.
func (c *WebhookController) CarrierDelivery() {
	if !c.signatureOK("carrier_webhook_secret", "X-Carrier-Signature") {
		c.fail(http.StatusUnauthorized, "bad signature")
		return
	}
	var ev struct {
		ShipmentRef string    `json:"shipment_ref"`
		DeliveredAt time.Time `json:"delivered_at"`
	}
	if err := json.Unmarshal(c.Ctx.Input.RequestBody, &ev); err != nil {
		c.fail(http.StatusBadRequest, "invalid payload")
		return
	}
	res := models.DB.Model(&models.InboundShipment{}).Where("reference = ?", ev.ShipmentRef).Update("delivered_at", ev.DeliveredAt)
	if res.Error != nil {
		logs.Error("carrier delivery %s: %v", ev.ShipmentRef, res.Error)
		c.fail(http.StatusInternalServerError, "update failed")
		return
	}
	c.respond(http.StatusNoContent, nil)
}

type SessionController struct {
	BaseController
}

// Login exchanges e-mail and password for a session JWT.
func (c *SessionController) Login() {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if !c.decode(&in) {
		return
	}
	var user models.User
	err := models.DB.Where("email = ?", in.Email).First(&user).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		// compare against a dummy hash so unknown e-mails take as long as known ones
		_ = bcrypt.CompareHashAndPassword(models.DummyPasswordHash, []byte(in.Password))
		c.fail(http.StatusUnauthorized, "invalid credentials")
		return
	}
	if err != nil {
		c.fail(http.StatusInternalServerError, "query failed")
		return
	}
	if bcrypt.CompareHashAndPassword([]byte(user.PasswordHash), []byte(in.Password)) != nil {
		c.fail(http.StatusUnauthorized, "invalid credentials")
		return
	}

	claims := jwt.MapClaims{
		"uid":  user.ID,
		"role": user.Role,
		"wh":   user.WarehouseIDs(),
		"iss":  "inventory-api",
		"exp":  time.Now().Add(12 * time.Hour).Unix(),
	}
	key, err := filters.JWTKey()
	if err != nil {
		logs.Critical("login: %v", err)
		c.fail(http.StatusInternalServerError, "server misconfigured")
		return
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(key)
	if err != nil {
		c.fail(http.StatusInternalServerError, "token signing failed")
		return
	}
	c.respond(http.StatusOK, map[string]string{"token": signed})
}
