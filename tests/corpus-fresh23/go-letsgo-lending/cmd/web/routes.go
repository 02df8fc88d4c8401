package main

import (
	"net/http"
	"path/filepath"

	"github.com/julienschmidt/httprouter"
	"github.com/justinas/alice"
)

func (app *application) routes() http.Handler {
	router := httprouter.New()
	router.NotFound = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		app.notFound(w)
	})

	fileServer := http.FileServer(http.Dir(filepath.Join(app.uiDir, "static")))
	router.Handler(http.MethodGet, "/static/*filepath", http.StripPrefix("/static", fileServer))
	router.HandlerFunc(http.MethodGet, "/ping", ping)

	dynamic := alice.New(app.sessionManager.LoadAndSave, noSurf, app.authenticate)

	router.Handler(http.MethodGet, "/", dynamic.ThenFunc(app.home))
	router.Handler(http.MethodGet, "/items/search", dynamic.ThenFunc(app.itemSearch))
	router.Handler(http.MethodGet, "/items/view/:id", dynamic.ThenFunc(app.itemView))
	router.Handler(http.MethodGet, "/user/login", dynamic.ThenFunc(app.userLogin))
	router.Handler(http.MethodPost, "/user/login", dynamic.ThenFunc(app.userLoginPost))
	router.Handler(http.MethodGet, "/user/reset", dynamic.ThenFunc(app.userReset))
	router.Handler(http.MethodPost, "/user/reset", dynamic.ThenFunc(app.userResetPost))

	protected := dynamic.Append(app.requireAuthentication)

	router.Handler(http.MethodGet, "/items/create", protected.ThenFunc(app.itemCreate))
	router.Handler(http.MethodPost, "/items/create", protected.ThenFunc(app.itemCreatePost))
	router.Handler(http.MethodPost, "/items/borrow/:id", protected.ThenFunc(app.itemBorrowPost))
	router.Handler(http.MethodPost, "/items/return/:id", protected.ThenFunc(app.itemReturnPost))
	router.Handler(http.MethodPost, "/items/delete/:id", dynamic.ThenFunc(app.itemDeletePost))
	router.Handler(http.MethodPost, "/user/logout", protected.ThenFunc(app.userLogoutPost))

	router.Handler(http.MethodGet, "/admin/users", protected.ThenFunc(app.adminUsers))
	router.Handler(http.MethodPost, "/admin/users/:id/role", protected.ThenFunc(app.adminSetRolePost))
	router.Handler(http.MethodGet, "/admin/export.csv", protected.ThenFunc(app.adminExport))

	standard := alice.New(app.recoverPanic, app.logRequest, commonHeaders)
	return standard.Then(router)
}
