from types import SimpleNamespace

from sqlmodel import Session, select

from lablog.auth import AuthState
from lablog.models import AuditEntry, Experiment, Run
from lablog.state.experiments import ExperimentState


def fake_state(user, **attrs):
    """A stand-in for a live ExperimentState bound to `user`."""

    async def _user():
        return user

    state = SimpleNamespace(experiments=[], runs=[], selected_id=None, message="", **attrs)
    state._user = _user
    state._audit = lambda uid, action, target: ExperimentState._audit(state, uid, action, target)
    state._owned_experiment = lambda session, u, eid: ExperimentState._owned_experiment(state, session, u, eid)
    return state


def assert_audited(engine, *actions: str) -> None:
    with Session(engine) as s:
        recorded = [a.action for a in s.exec(select(AuditEntry)).all()]
    assert recorded == list(actions), recorded


async def test_create_experiment_records_owner(engine, alice):
    state = fake_state(alice)
    await ExperimentState.create_experiment.fn(state, {"title": "Enzyme kinetics", "protocol": "P-12"})
    with Session(engine) as s:
        exp = s.exec(select(Experiment).where(Experiment.title == "Enzyme kinetics")).one()
    assert exp.owner_id == alice.id


async def test_create_experiment_is_audited(engine, alice):
    state = fake_state(alice)
    await ExperimentState.create_experiment.fn(state, {"title": "Enzyme kinetics"})
    assert_audited(engine, "experiment.create")


async def test_create_experiment_requires_title(alice):
    state = fake_state(alice)
    result = await ExperimentState.create_experiment.fn(state, {"title": "  "})
    assert result is not None


async def test_anonymous_user_is_redirected():
    state = fake_state(None)
    event = await ExperimentState.load.fn(state)
    assert "/login" in str(event)


async def test_add_note(engine, alice, experiment):
    with Session(engine) as s:
        run = Run(experiment_id=experiment.id, instrument_id="uv-1")
        s.add(run)
        s.commit()
        s.refresh(run)
    state = fake_state(alice, selected_id=experiment.id)
    await ExperimentState.add_note.fn(state, run.id, "baseline drift")


def test_login_rejects_wrong_password(alice):
    state = SimpleNamespace(session_token="", login_error="")
    AuthState.login.fn(state, {"email": "alice@lab.example", "password": "nope"})
    assert state.login_error == "Unknown e-mail or wrong password."
    assert state.session_token == ""


def test_owned_experiment_hides_foreign_experiments(engine, alice, experiment):
    other = SimpleNamespace(id=alice.id + 1, is_pi=False)
    with Session(engine) as s:
        assert ExperimentState._owned_experiment(None, s, other, experiment.id) is None
