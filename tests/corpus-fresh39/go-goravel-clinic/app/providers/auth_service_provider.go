package providers

import (
	"context"

	"github.com/goravel/framework/auth/access"
	contractsaccess "github.com/goravel/framework/contracts/auth/access"
	"github.com/goravel/framework/contracts/foundation"
	"github.com/goravel/framework/facades"

	"clinic/app/models"
)

type AuthServiceProvider struct{}

func (receiver *AuthServiceProvider) Register(app foundation.Application) {}

func (receiver *AuthServiceProvider) Boot(app foundation.Application) {
	facades.Gate().Define("view-patient", func(ctx context.Context, arguments map[string]any) contractsaccess.Response {
		user, ok := ctx.Value("user").(models.User)
		patient, okPatient := arguments["patient"].(models.Patient)
		if !ok || !okPatient {
			return access.NewDenyResponse("missing user or patient")
		}
		if user.ClinicID == patient.ClinicID && (user.Role == "doctor" || user.Role == "admin") {
			return access.NewAllowResponse()
		}
		return access.NewDenyResponse("not your clinic's patient")
	})

	facades.Gate().Define("manage-appointment", func(ctx context.Context, arguments map[string]any) contractsaccess.Response {
		user, ok := ctx.Value("user").(models.User)
		appt, okAppt := arguments["appointment"].(models.Appointment)
		if ok && okAppt && user.ClinicID == appt.ClinicID {
			return access.NewAllowResponse()
		}
		return access.NewDenyResponse("not your clinic's appointment")
	})
}
