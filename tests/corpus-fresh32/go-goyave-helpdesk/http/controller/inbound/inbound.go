package inbound

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"reflect"
	"regexp"
	"strconv"

	"github.com/northwind-support/helpdesk/database/model"
	"github.com/northwind-support/helpdesk/database/repository"
	"github.com/northwind-support/helpdesk/storage"

	"goyave.dev/goyave/v5"
	"goyave.dev/goyave/v5/config"
	"goyave.dev/goyave/v5/util/typeutil"
	v "goyave.dev/goyave/v5/validation"
)

func init() {
	config.Register("mail.webhookSigningKey", config.Entry{Value: nil, Type: reflect.String, Required: true})
}

var ticketRef = regexp.MustCompile(`\[#(\d+)\]`)

type Controller struct {
	goyave.Component
	Tickets *repository.Ticket
}

func NewController() *Controller {
	return &Controller{}
}

func (ctrl *Controller) Init(server *goyave.Server) {
	ctrl.Component.Init(server)
	ctrl.Tickets = repository.NewTicket(server.DB())
}

// RegisterRoutes: the provider cannot hold a user JWT, so this route is outside auth.MetaAuth
// and each delivery is authenticated by the provider's HMAC signature instead.
func (ctrl *Controller) RegisterRoutes(router *goyave.Router) {
	router.Post("/inbound/mail", ctrl.Receive).ValidateBody(ctrl.ReceiveRequest)
}

type InboundMail struct {
	Timestamp string `json:"timestamp"`
	Token     string `json:"token"`
	Signature string `json:"signature"`
	MessageID string `json:"message_id"`
	Sender    string `json:"sender"`
	Subject   string `json:"subject"`
	BodyPlain string `json:"body_plain"`
	Raw       string `json:"raw_mime"`
}

func (ctrl *Controller) ReceiveRequest(_ *goyave.Request) v.RuleSet {
	return v.RuleSet{
		{Path: v.CurrentElement, Rules: v.List{v.Object()}},
		{Path: "timestamp", Rules: v.List{v.Required(), v.String()}},
		{Path: "token", Rules: v.List{v.Required(), v.String()}},
		{Path: "signature", Rules: v.List{v.Required(), v.String()}},
		{Path: "message_id", Rules: v.List{v.Required(), v.String()}},
		{Path: "sender", Rules: v.List{v.Required(), v.Email()}},
		{Path: "subject", Rules: v.List{v.Required(), v.String()}},
		{Path: "body_plain", Rules: v.List{v.Required(), v.String()}},
		{Path: "raw_mime", Rules: v.List{v.String()}},
	}
}

func (ctrl *Controller) Receive(response *goyave.Response, request *goyave.Request) {
	mail := typeutil.MustConvert[InboundMail](request.Data)

	mac := hmac.New(sha256.New, []byte(ctrl.Config().GetString("mail.webhookSigningKey")))
	mac.Write([]byte(mail.Timestamp + mail.Token))
	expected := hex.EncodeToString(mac.Sum(nil))
	if mail.Signature != expected {
		response.Status(http.StatusUnauthorized)
		return
	}

	if _, err := storage.SpoolRaw(mail.MessageID, []byte(mail.Raw)); err != nil {
		ctrl.Logger().Error("spooling inbound mail failed", "message", mail.MessageID, "error", err)
		response.Error(err)
		return
	}

	m := ticketRef.FindStringSubmatch(mail.Subject)
	if m == nil {
		response.JSON(http.StatusAccepted, map[string]string{"result": "no ticket reference"})
		return
	}
	id, _ := strconv.ParseUint(m[1], 10, 64)
	var sender model.User
	err := ctrl.DB().WithContext(request.Context()).Where("email = ?", mail.Sender).First(&sender).Error
	if repository.IsNotFound(err) {
		response.JSON(http.StatusAccepted, map[string]string{"result": "unknown sender"})
		return
	} else if err != nil {
		response.Error(err)
		return
	}
	if _, err := ctrl.Tickets.AddReply(request.Context(), uint(id), sender.ID, mail.BodyPlain, false); err != nil {
		response.Error(err)
		return
	}
	response.Status(http.StatusNoContent)
}
