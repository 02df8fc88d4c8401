from fastapi.responses import RedirectResponse
from nicegui import app, ui

from ..auth import authenticate


@ui.page('/login')
def login_page(redirect_to: str = '/') -> RedirectResponse | None:
    def try_login() -> None:
        user = authenticate(username.value, password.value)
        if user is None:
            ui.notify('Wrong username or password', color='negative')
            return
        app.storage.user.update({'username': user.username, 'role': user.role, 'authenticated': True})
        ui.navigate.to(redirect_to if redirect_to.startswith('/') else '/')

    if app.storage.user.get('authenticated', False):
        return RedirectResponse('/')
    with ui.card().classes('absolute-center w-80'):
        ui.label('Fleet console').classes('text-h6')
        username = ui.input('Username').on('keydown.enter', try_login)
        password = ui.input('Password', password=True, password_toggle_button=True).on('keydown.enter', try_login)
        ui.button('Log in', on_click=try_login).classes('w-full')
    return None


@ui.page('/logout')
def logout_page() -> RedirectResponse:
    app.storage.user.clear()
    return RedirectResponse('/login')
