import logging

import reflex as rx
from sqlmodel import select

from ..auth import AuthState
from ..instruments import InstrumentClient, InstrumentError
from ..models import AuditEntry, Experiment, Run, User, utcnow
from ..settings import get_settings

logger = logging.getLogger(__name__)


class ExperimentState(rx.State):
    experiments: list[Experiment] = []
    runs: list[Run] = []
    selected_id: int | None = None
    message: str = ""

    async def _user(self) -> User | None:
        auth = await self.get_state(AuthState)
        return auth.current_user()

    def _audit(self, user_id: int | None, action: str, target: str) -> None:
        with rx.session() as session:
            try:
                session.add(AuditEntry(user_id=user_id, action=action, target=target))
                session.commit()
            except Exception:
                session.rollback()

    def _owned_experiment(self, session, user: User, experiment_id: int) -> Experiment | None:
        exp = session.get(Experiment, experiment_id)
        if exp is None or (exp.owner_id != user.id and not user.is_pi):
            return None
        return exp

    @rx.var(cache=True)
    def run_count(self) -> int:
        return len(self.runs)

    @rx.var(cache=True)
    def active_runs(self) -> list[Run]:
        return [r for r in self.runs if r.status in ("planned", "acquiring")]

    async def load(self):
        user = await self._user()
        if user is None:
            return rx.redirect("/login")
        with rx.session() as session:
            query = select(Experiment).order_by(Experiment.created_at.desc())
            if not user.is_pi:
                query = query.where(Experiment.owner_id == user.id)
            self.experiments = list(session.exec(query).all())

    async def select_experiment(self, experiment_id: int):
        user = await self._user()
        if user is None:
            return rx.redirect("/login")
        with rx.session() as session:
            if self._owned_experiment(session, user, experiment_id) is None:
                return rx.toast.error("Experiment not found")
            self.selected_id = experiment_id
            self.runs = list(session.exec(select(Run).where(Run.experiment_id == experiment_id)).all())

    async def create_experiment(self, form_data: dict):
        user = await self._user()
        if user is None:
            return rx.redirect("/login")
        title = form_data.get("title", "").strip()
        if not title:
            return rx.toast.error("A title is required")
        with rx.session() as session:
            exp = Experiment(title=title, protocol=form_data.get("protocol", ""), owner_id=user.id)
            session.add(exp)
            session.commit()
            session.refresh(exp)
        self._audit(user.id, "experiment.create", str(exp.id))
        return ExperimentState.load

    async def start_run(self, instrument_id: str, duration_s: int):
        user = await self._user()
        if user is None:
            return rx.redirect("/login")
        with rx.session() as session:
            if self.selected_id is None or self._owned_experiment(session, user, self.selected_id) is None:
                return rx.toast.error("Select one of your experiments first")
            run = Run(experiment_id=self.selected_id, instrument_id=instrument_id, status="acquiring", started_at=utcnow())
            session.add(run)
            session.commit()
            session.refresh(run)
        client = InstrumentClient(get_settings())
        try:
            await client.start_acquisition(instrument_id, run.id, duration_s)
        except InstrumentError as exc:
            with rx.session() as session:
                failed = session.get(Run, run.id)
                failed.status = "planned"
                session.add(failed)
                session.commit()
            return rx.toast.error(f"Instrument refused the run: {exc}")
        finally:
            await client.aclose()
        self._audit(user.id, "run.start", str(run.id))
        return ExperimentState.select_experiment(self.selected_id)

    async def add_note(self, run_id: int, note: str):
        user = await self._user()
        if user is None:
            return rx.redirect("/login")
        with rx.session() as session:
            run = session.get(Run, run_id)
            if run is None or self._owned_experiment(session, user, run.experiment_id) is None:
                return rx.toast.error("Run not found")
            run.notes = (run.notes + "\n" if run.notes else "") + f"[{user.display_name}] {note}"
            session.add(run)
            session.commit()
        self._audit(user.id, "run.note", str(run_id))

    async def archive_run(self, run_id: int):
        with rx.session() as session:
            run = session.get(Run, run_id)
            if run is None:
                return rx.toast.error("Run not found")
            run.status = "archived"
            session.add(run)
            session.commit()
        self._audit(None, "run.archive", str(run_id))
        return ExperimentState.select_experiment(self.selected_id)

    async def export_pdf(self):
        pass
