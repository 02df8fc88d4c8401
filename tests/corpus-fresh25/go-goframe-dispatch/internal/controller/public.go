package controller

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/gogf/gf/v2/errors/gcode"
	"github.com/gogf/gf/v2/errors/gerror"
	"github.com/gogf/gf/v2/frame/g"
	"golang.org/x/crypto/bcrypt"

	v1 "github.com/fieldops/dispatch/api/v1"
	"github.com/fieldops/dispatch/internal/middleware"
	"github.com/fieldops/dispatch/internal/service"
)

const HeaderPartnerSignature = "X-Partner-Signature"

// Public holds the endpoints served without a session: probes, login and
// partner callbacks (which carry their own signature).
type Public struct{}

func NewPublic() *Public {
	return &Public{}
}

func (c *Public) Health(ctx context.Context, req *v1.HealthReq) (res *v1.HealthRes, err error) {
	if _, err = g.DB().Query(ctx, "SELECT 1"); err != nil {
		return nil, gerror.WrapCode(gcode.CodeDbOperationError, err, "database unreachable")
	}
	return &v1.HealthRes{Status: "ok"}, nil
}

func (c *Public) Login(ctx context.Context, req *v1.LoginReq) (res *v1.LoginRes, err error) {
	var row struct {
		Id           int64
		Email        string
		Role         string
		PasswordHash string
	}
	err = g.DB().Model("app_user").Ctx(ctx).
		Fields("id, email, role, password_hash").
		Where("email", strings.ToLower(req.Email)).
		Where("active", true).
		Scan(&row)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	if row.Id == 0 || bcrypt.CompareHashAndPassword([]byte(row.PasswordHash), []byte(req.Password)) != nil {
		return nil, gerror.NewCode(gcode.CodeNotAuthorized, "invalid email or password")
	}
	token, err := middleware.IssueToken(ctx, &middleware.User{Id: row.Id, Email: row.Email, Role: row.Role})
	if err != nil {
		return nil, err
	}
	return &v1.LoginRes{Token: token}, nil
}

func (c *Public) PartnerJob(ctx context.Context, req *v1.PartnerJobHookReq) (res *v1.PartnerJobHookRes, err error) {
	r := g.RequestFromCtx(ctx)
	signature, err := hex.DecodeString(r.Header.Get(HeaderPartnerSignature))
	if err != nil || len(signature) == 0 {
		return nil, gerror.NewCode(gcode.CodeNotAuthorized, "missing partner signature")
	}
	secret := g.Cfg().MustGetWithEnv(ctx, "partner.webhookSecret").String()
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(r.GetBody())
	if !bytes.Equal(mac.Sum(nil), signature) {
		return nil, gerror.NewCode(gcode.CodeNotAuthorized, "bad partner signature")
	}
	id, err := service.Job().Create(ctx, service.CreateJobInput{
		CustomerName: req.Customer,
		Phone:        req.Phone,
		Address:      req.Address,
		ScheduledAt:  req.ScheduledAt,
		ExternalRef:  req.ExternalRef,
	})
	if err != nil {
		return nil, err
	}
	return &v1.PartnerJobHookRes{Id: id}, nil
}
