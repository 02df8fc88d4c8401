from nicegui.testing import User


async def login(user: User, username: str, password: str) -> None:
    await user.open('/login')
    user.find('Username').type(username)
    user.find('Password').type(password)
    user.find('Log in').click()


async def test_login_with_wrong_password_shows_error(user: User, seeded_admin) -> None:
    await login(user, 'dispatch', 'not-the-password')
    await user.should_see('Wrong username or password')


async def test_dispatcher_lands_on_dashboard(user: User, seeded_admin) -> None:
    await login(user, 'dispatch', 'dispatch-pass-for-tests')
    await user.should_see('Signed in as dispatch')
    await user.should_see('Last seen')


async def test_dispatcher_cannot_open_driver_admin(user: User, seeded_admin) -> None:
    await login(user, 'dispatch', 'dispatch-pass-for-tests')
    await user.open('/admin/drivers')
    await user.should_not_see('Sync roster from HR')


async def test_dashboard_loads(user: User, seeded_admin) -> None:
    await login(user, 'ops-admin', 'admin-pass-for-tests')
    await user.open('/')
