import reflex as rx

from ..auth import AuthState
from ..models import Run
from ..state.experiments import ExperimentState


def run_row(run: Run) -> rx.Component:
    return rx.table.row(
        rx.table.cell(run.id),
        rx.table.cell(run.instrument_id),
        rx.table.cell(run.status),
        rx.table.cell(
            rx.hstack(
                rx.button("Archive", size="1", on_click=ExperimentState.archive_run(run.id)),
                rx.button("Note", size="1", on_click=ExperimentState.add_note(run.id, "checked")),
            )
        ),
    )


@rx.page(route="/experiments", title="Experiments · LabLog", on_load=[AuthState.require_login, ExperimentState.load])
def experiments() -> rx.Component:
    return rx.container(
        rx.hstack(
            rx.heading("Experiments"),
            rx.spacer(),
            rx.text(AuthState.display_name),
            rx.button("Sign out", variant="ghost", on_click=AuthState.logout),
        ),
        rx.form(
            rx.hstack(
                rx.input(name="title", placeholder="New experiment title"),
                rx.input(name="protocol", placeholder="Protocol reference"),
                rx.button("Create", type="submit"),
            ),
            on_submit=ExperimentState.create_experiment,
            reset_on_submit=True,
        ),
        rx.foreach(
            ExperimentState.experiments,
            lambda e: rx.button(e.title, variant="soft", on_click=ExperimentState.select_experiment(e.id)),
        ),
        rx.cond(
            ExperimentState.selected_id,
            rx.vstack(
                rx.hstack(
                    rx.text(f"{ExperimentState.run_count} runs"),
                    rx.button("Start 10-minute scan on UV-1", on_click=ExperimentState.start_run("uv-1", 600)),
                    rx.button("Export PDF", on_click=ExperimentState.export_pdf),
                ),
                rx.table.root(rx.table.body(rx.foreach(ExperimentState.runs, run_row))),
            ),
        ),
    )
