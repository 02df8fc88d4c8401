package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/julienschmidt/httprouter"

	"github.com/riverside-readers/bookclub/internal/models"
)

type meetingCreateForm struct {
	Title       string            `form:"title"`
	Book        string            `form:"book"`
	Location    string            `form:"location"`
	StartsAt    string            `form:"starts_at"`
	FieldErrors map[string]string `form:"-"`
}

type userSignupForm struct {
	Name            string            `form:"name"`
	Email           string            `form:"email"`
	Password        string            `form:"password"`
	ConfirmPassword string            `form:"confirm_password"`
	FieldErrors     map[string]string `form:"-"`
}

type userLoginForm struct {
	Email    string `form:"email"`
	Password string `form:"password"`
	Error    string `form:"-"`
}

func ping(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("OK"))
}

func (app *application) home(w http.ResponseWriter, r *http.Request) {
	meetings, err := app.meetings.Upcoming(5)
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	data := app.newTemplateData(r)
	data.Meetings = meetings
	app.render(w, r, http.StatusOK, "home.tmpl", data)
}

func (app *application) meetingView(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil || id < 1 {
		app.notFound(w)
		return
	}
	meeting, err := app.meetings.Get(id)
	if err != nil {
		if errors.Is(err, models.ErrNoRecord) {
			app.notFound(w)
		} else {
			app.serverError(w, r, err)
		}
		return
	}
	data := app.newTemplateData(r)
	data.Meeting = meeting
	app.render(w, r, http.StatusOK, "view.tmpl", data)
}

func (app *application) meetingRSVP(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil || id < 1 {
		app.notFound(w)
		return
	}
	if err := r.ParseForm(); err != nil {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	userID := app.sessionManager.GetInt(r.Context(), "authenticatedUserID")
	attending := r.PostForm.Get("attending") == "yes"
	if err := app.meetings.RSVP(id, userID, attending); err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessionManager.Put(r.Context(), "flash", "Thanks, your RSVP is saved.")
	http.Redirect(w, r, fmt.Sprintf("/meetings/view/%d", id), http.StatusSeeOther)
}

func (app *application) meetingCreate(w http.ResponseWriter, r *http.Request) {
	data := app.newTemplateData(r)
	data.Form = meetingCreateForm{}
	app.render(w, r, http.StatusOK, "create.tmpl", data)
}

func (app *application) meetingCreatePost(w http.ResponseWriter, r *http.Request) {
	var form meetingCreateForm
	if err := app.decodePostForm(r, &form); err != nil {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	form.FieldErrors = map[string]string{}
	if strings.TrimSpace(form.Title) == "" || utf8.RuneCountInString(form.Title) > 100 {
		form.FieldErrors["title"] = "Title is required (max 100 characters)"
	}
	startsAt, err := time.Parse("2006-01-02T15:04", form.StartsAt)
	if err != nil {
		form.FieldErrors["starts_at"] = "Use the date picker"
	}
	if len(form.FieldErrors) > 0 {
		data := app.newTemplateData(r)
		data.Form = form
		app.render(w, r, http.StatusUnprocessableEntity, "create.tmpl", data)
		return
	}
	id, err := app.meetings.Insert(form.Title, form.Book, form.Location, startsAt)
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessionManager.Put(r.Context(), "flash", "Meeting scheduled.")
	http.Redirect(w, r, fmt.Sprintf("/meetings/view/%d", id), http.StatusSeeOther)
}

func (app *application) meetingEdit(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "Editing meetings is not available yet", http.StatusNotImplemented)
}

func (app *application) meetingDelete(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(httprouter.ParamsFromContext(r.Context()).ByName("id"))
	if err != nil || id < 1 {
		app.notFound(w)
		return
	}
	if err := app.meetings.Delete(id); err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessionManager.Put(r.Context(), "flash", "Meeting deleted.")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (app *application) adminMembersCSV(w http.ResponseWriter, r *http.Request) {
	users, err := app.users.All()
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv")
	w.Header().Set("Content-Disposition", `attachment; filename="members.csv"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "name", "email", "role", "joined"})
	for _, u := range users {
		cw.Write([]string{strconv.Itoa(u.ID), u.Name, u.Email, u.Role, u.Created.Format(time.DateOnly)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		app.logger.Error("members export truncated", "err", err)
	}
}

func (app *application) adminSendReminders(w http.ResponseWriter, r *http.Request) {
	meetings, err := app.meetings.Upcoming(1)
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	if len(meetings) == 0 {
		app.sessionManager.Put(r.Context(), "flash", "No upcoming meeting to remind people about.")
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	next := meetings[0]
	attendees, err := app.meetings.Attendees(next.ID)
	if err != nil {
		app.serverError(w, r, err)
		return
	}
	var failed int
	for _, email := range attendees {
		body := fmt.Sprintf("See you at %s on %s. We're reading %s.", next.Location, humanDate(next.StartsAt), next.Book)
		if err := app.mailer.Send(email, "Book club reminder", body); err != nil {
			app.logger.Error("reminder failed", "to", email, "err", err)
			failed++
		}
	}
	app.sessionManager.Put(r.Context(), "flash", fmt.Sprintf("Sent %d reminder(s), %d failed.", len(attendees)-failed, failed))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (app *application) userSignup(w http.ResponseWriter, r *http.Request) {
	data := app.newTemplateData(r)
	data.Form = userSignupForm{}
	app.render(w, r, http.StatusOK, "signup.tmpl", data)
}

func (app *application) userSignupPost(w http.ResponseWriter, r *http.Request) {
	var form userSignupForm
	if err := app.decodePostForm(r, &form); err != nil {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	form.FieldErrors = map[string]string{}
	if strings.TrimSpace(form.Name) == "" {
		form.FieldErrors["name"] = "This field cannot be blank"
	}
	if !strings.Contains(form.Email, "@") {
		form.FieldErrors["email"] = "This field must be a valid email address"
	}
	if utf8.RuneCountInString(form.Password) < 10 {
		form.FieldErrors["password"] = "Use at least 10 characters"
	}
	if form.Password != form.ConfirmPassword {
		form.FieldErrors["confirm_password"] = "Passwords don't match"
	}
	if len(form.FieldErrors) == 0 {
		err := app.users.Insert(form.Name, form.Email, form.Password)
		if errors.Is(err, models.ErrDuplicateEmail) {
			form.FieldErrors["email"] = "Email address is already in use"
		} else if err != nil {
			app.serverError(w, r, err)
			return
		}
	}
	if len(form.FieldErrors) > 0 {
		data := app.newTemplateData(r)
		data.Form = form
		app.render(w, r, http.StatusUnprocessableEntity, "signup.tmpl", data)
		return
	}
	app.sessionManager.Put(r.Context(), "flash", "Your signup was successful. Please log in.")
	http.Redirect(w, r, "/user/login", http.StatusSeeOther)
}

func (app *application) userLogin(w http.ResponseWriter, r *http.Request) {
	data := app.newTemplateData(r)
	data.Form = userLoginForm{}
	app.render(w, r, http.StatusOK, "login.tmpl", data)
}

func (app *application) userLoginPost(w http.ResponseWriter, r *http.Request) {
	var form userLoginForm
	if err := app.decodePostForm(r, &form); err != nil {
		app.clientError(w, http.StatusBadRequest)
		return
	}
	id, err := app.users.Authenticate(form.Email, form.Password)
	if err != nil {
		if errors.Is(err, models.ErrInvalidCredentials) {
			form.Error = "Email or password is incorrect"
			data := app.newTemplateData(r)
			data.Form = form
			app.render(w, r, http.StatusUnprocessableEntity, "login.tmpl", data)
		} else {
			app.serverError(w, r, err)
		}
		return
	}

	app.sessionManager.RenewToken(r.Context())
	app.sessionManager.Put(r.Context(), "authenticatedUserID", id)

	path := app.sessionManager.PopString(r.Context(), "redirectPathAfterLogin")
	if path == "" {
		path = "/"
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

func (app *application) userLogoutPost(w http.ResponseWriter, r *http.Request) {
	if err := app.sessionManager.RenewToken(r.Context()); err != nil {
		app.serverError(w, r, err)
		return
	}
	app.sessionManager.Remove(r.Context(), "authenticatedUserID")
	app.sessionManager.Put(r.Context(), "flash", "You've been logged out successfully!")
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
