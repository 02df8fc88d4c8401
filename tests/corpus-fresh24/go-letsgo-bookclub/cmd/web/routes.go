package main

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
	"github.com/justinas/alice"
)

func (app *application) routes() http.Handler {
	router := httprouter.New()
	router.NotFound = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		app.notFound(w)
	})

	fileServer := http.FileServer(http.Dir("./ui/static/"))
	router.Handler(http.MethodGet, "/static/*filepath", http.StripPrefix("/static", fileServer))
	router.HandlerFunc(http.MethodGet, "/ping", ping)

	dynamic := alice.New(app.sessionManager.LoadAndSave, noSurf, app.authenticate)

	router.Handler(http.MethodGet, "/", dynamic.ThenFunc(app.home))
	// Meeting pages are linked from the public newsletter, so they don't need a login.
	router.Handler(http.MethodGet, "/meetings/view/:id", dynamic.ThenFunc(app.meetingView))
	router.Handler(http.MethodGet, "/user/signup", dynamic.ThenFunc(app.userSignup))
	router.Handler(http.MethodPost, "/user/signup", dynamic.ThenFunc(app.userSignupPost))
	router.Handler(http.MethodGet, "/user/login", dynamic.ThenFunc(app.userLogin))
	router.Handler(http.MethodPost, "/user/login", dynamic.ThenFunc(app.userLoginPost))

	protected := dynamic.Append(app.requireAuthentication)

	router.Handler(http.MethodPost, "/meetings/rsvp/:id", protected.ThenFunc(app.meetingRSVP))
	router.Handler(http.MethodPost, "/user/logout", protected.ThenFunc(app.userLogoutPost))

	admin := protected.Append(app.requireAdmin)

	router.Handler(http.MethodGet, "/meetings/create", admin.ThenFunc(app.meetingCreate))
	router.Handler(http.MethodPost, "/meetings/create", admin.ThenFunc(app.meetingCreatePost))
	router.Handler(http.MethodGet, "/meetings/edit/:id", admin.ThenFunc(app.meetingEdit))
	router.Handler(http.MethodPost, "/meetings/delete/:id", dynamic.ThenFunc(app.meetingDelete))
	router.Handler(http.MethodGet, "/admin/members.csv", protected.ThenFunc(app.adminMembersCSV))
	router.Handler(http.MethodPost, "/admin/reminders", admin.ThenFunc(app.adminSendReminders))

	standard := alice.New(app.recoverPanic, app.logRequest, commonHeaders)
	return standard.Then(router)
}
