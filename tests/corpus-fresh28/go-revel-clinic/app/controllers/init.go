package controllers

import "github.com/revel/revel"

func init() {
	// Every staff-facing controller needs a session. App (login pages),
	// Health, Kiosk and Labs are deliberately left out; see their docs.
	for _, ctrl := range []interface{}{&Patients{}, &Appointments{}, &Admin{}} {
		revel.InterceptFunc(requireLogin, revel.BEFORE, ctrl)
	}
	revel.InterceptMethod(Admin.requireAdmin, revel.BEFORE)
	revel.InterceptMethod(Patients.recordAccess, revel.AFTER)
}
