import reflex as rx

from ..auth import AuthState


# The sign-in page is the one page reachable without a session.
@rx.page(route="/login", title="Sign in · LabLog")
def login() -> rx.Component:
    return rx.center(
        rx.card(
            rx.form(
                rx.vstack(
                    rx.heading("LabLog", size="6"),
                    rx.input(name="email", placeholder="E-mail", type="email", required=True),
                    rx.input(name="password", placeholder="Password", type="password", required=True),
                    rx.cond(AuthState.login_error != "", rx.text(AuthState.login_error, color="red")),
                    rx.button("Sign in", type="submit", width="100%"),
                ),
                on_submit=AuthState.login,
            ),
            width="22rem",
        ),
        height="100vh",
    )
