package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/julienschmidt/httprouter"

	"lending.example.org/lending/internal/models"
)

func ping(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("OK"))
}

func (app *application) home(w http.ResponseWriter, r *http.Request) {
	items, err := app.items.Latest(12)
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	data := app.newTemplateData(r)
	data.Items = items
	app.render(w, r, http.StatusOK, "home.tmpl", data)
}

func (app *application) itemSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	category := r.URL.Query().Get("category")
	items, err := app.items.Search(q, category, 50)
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	data := app.newTemplateData(r)
	data.Items = items
	data.Query, data.Category = q, category
	app.render(w, r, http.StatusOK, "search.tmpl", data)
}

func (app *application) itemView(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil || id < 1 {
		app.notFound(w)
		return
	}
	item, err := app.items.Get(id)
	if err != nil {
		if errors.Is(err, models.ErrNoRecord) {
			app.notFound(w)
		} else {
			app.serverError(w, r, err)
		}
		return
	}
	data := app.newTemplateData(r)
	data.Item = item
	app.render(w, r, http.StatusOK, "view.tmpl", data)
}

type itemForm struct {
	Name        string            `form:"name"`
	Description string            `form:"description"`
	Category    string            `form:"category"`
	FieldErrors map[string]string `form:"-"`
}

func (app *application) itemCreate(w http.ResponseWriter, r *http.Request) {
	data := app.newTemplateData(r)
	data.Form = itemForm{Category: "tools"}
	app.render(w, r, http.StatusOK, "create.tmpl", data)
}

func (app *application) itemCreatePost(w http.ResponseWriter, r *http.Request) {
	var form itemForm
	if err := app.decodePostForm(r, &form); err != nil {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	form.FieldErrors = map[string]string{}
	if strings.TrimSpace(form.Name) == "" || len(form.Name) > 100 {
		form.FieldErrors["name"] = "Name is required (max 100 characters)"
	}
	if form.Category != "tools" && form.Category != "garden" && form.Category != "kitchen" {
		form.FieldErrors["category"] = "Pick a category"
	}
	if len(form.FieldErrors) > 0 {
		data := app.newTemplateData(r)
		data.Form = form
		app.render(w, r, http.StatusUnprocessableEntity, "create.tmpl", data)
		return
	}
	id, err := app.items.Insert(form.Name, form.Description, form.Category, app.currentUserID(r))
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessionManager.Put(r.Context(), "flash", "Item listed!")
	http.Redirect(w, r, "/items/view/"+strconv.Itoa(id), http.StatusSeeOther)
}

func (app *application) itemBorrowPost(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil {
		app.notFound(w)
		return
	}
	err = app.items.Checkout(id, app.currentUserID(r), time.Now().AddDate(0, 0, 14))
	if errors.Is(err, models.ErrUnavailable) {
		app.sessionManager.Put(r.Context(), "flash", "Sorry, someone else has borrowed that.")
	} else if err != nil {
		app.serverError(w, r, err)
		return
	} else {
		app.sessionManager.Put(r.Context(), "flash", "Enjoy! Please return it within two weeks.")
	}
	http.Redirect(w, r, "/items/view/"+strconv.Itoa(id), http.StatusSeeOther)
}

func (app *application) itemReturnPost(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil {
		app.notFound(w)
		return
	}
	if err := app.items.Return(id, app.currentUserID(r)); err != nil {
		app.serverError(w, r, err)
		return
	}
	http.Redirect(w, r, "/items/view/"+strconv.Itoa(id), http.StatusSeeOther)
}

func (app *application) itemDeletePost(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil {
		app.notFound(w)
		return
	}
	if err := app.items.Delete(id); err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessionManager.Put(r.Context(), "flash", "Item removed.")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

type loginForm struct {
	Email    string `form:"email"`
	Password string `form:"password"`
}

func (app *application) userLogin(w http.ResponseWriter, r *http.Request) {
	data := app.newTemplateData(r)
	data.Form = loginForm{}
	app.render(w, r, http.StatusOK, "login.tmpl", data)
}

func (app *application) userLoginPost(w http.ResponseWriter, r *http.Request) {
	var form loginForm
	if err := app.decodePostForm(r, &form); err != nil {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	id, err := app.users.Authenticate(form.Email, form.Password)
	if err != nil {
		if errors.Is(err, models.ErrInvalidCredentials) {
			data := app.newTemplateData(r)
			data.Form = loginForm{Email: form.Email}
			data.Flash = "Email or password is incorrect"
			app.render(w, r, http.StatusUnprocessableEntity, "login.tmpl", data)
		} else {
			app.serverError(w, r, err)
		}
		return
	}

	_ = app.sessionManager.RenewToken(r.Context())
	app.sessionManager.Put(r.Context(), "authenticatedUserID", id)

	path := app.sessionManager.PopString(r.Context(), "redirectPathAfterLogin")
	if path == "" || !strings.HasPrefix(path, "/") || strings.HasPrefix(path, "//") {
		path = "/"
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

type resetForm struct {
	Email    string `form:"email"`
	Token    string `form:"token"`
	Password string `form:"password"`
	Confirm  string `form:"confirm"`
}

func (app *application) userReset(w http.ResponseWriter, r *http.Request) {
	data := app.newTemplateData(r)
	data.Form = resetForm{Email: r.URL.Query().Get("email"), Token: r.URL.Query().Get("token")}
	app.render(w, r, http.StatusOK, "reset.tmpl", data)
}

func (app *application) userResetPost(w http.ResponseWriter, r *http.Request) {
	var form resetForm
	if err := app.decodePostForm(r, &form); err != nil {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	if len(form.Password) < 10 || form.Password != form.Confirm {
		data := app.newTemplateData(r)
		data.Form = resetForm{Email: form.Email, Token: form.Token}
		data.Flash = "Passwords must match and be at least 10 characters"
		app.render(w, r, http.StatusUnprocessableEntity, "reset.tmpl", data)
		return
	}
	pending, err := app.users.PendingReset(form.Email)
	if err != nil && !errors.Is(err, models.ErrNoRecord) {
		app.serverError(w, r, err)
		return
	}
	sum := sha256.Sum256([]byte(form.Token))
	if err != nil || time.Now().After(pending.Expires) || hex.EncodeToString(sum[:]) != pending.TokenHash {
		app.clientError(w, http.StatusForbidden)
		return
	}
	if err := app.users.CompleteReset(pending.UserID, form.Password); err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessionManager.Put(r.Context(), "flash", "Password updated. Please log in.")
	http.Redirect(w, r, "/user/login", http.StatusSeeOther)
}

func (app *application) userLogoutPost(w http.ResponseWriter, r *http.Request) {
	if err := app.sessionManager.RenewToken(r.Context()); err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessionManager.Remove(r.Context(), "authenticatedUserID")
	app.sessionManager.Put(r.Context(), "flash", "You've been logged out.")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
