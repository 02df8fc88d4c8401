package main

import (
	"net/http"
	"strconv"

	"github.com/julienschmidt/httprouter"
)

func (app *application) adminUsers(w http.ResponseWriter, r *http.Request) {
	users, err := app.users.All()
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	data := app.newTemplateData(r)
	data.Users = users
	app.render(w, r, http.StatusOK, "admin_users.tmpl", data)
}

func (app *application) adminSetRolePost(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil {
		app.notFound(w)
		return
	}
	if err := r.ParseForm(); err != nil {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	role := r.PostForm.Get("role")
	if role != "member" && role != "admin" {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	if id == app.currentUserID(r) {
		app.sessionManager.Put(r.Context(), "flash", "You can't change your own role.")
		http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
		return
	}
	if err := app.users.SetRole(id, role); err != nil {
		app.serverError(w, r, err)
		return
	}
	app.logger.Info("role changed", "user", id, "role", role, "by", app.currentUserID(r))
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

func (app *application) adminExport(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "CSV export is not implemented", http.StatusNotImplemented)
}
