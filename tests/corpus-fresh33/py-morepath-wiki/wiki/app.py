from more.transaction import TransactionApp


class BaseApp(TransactionApp):
    """Settings, identity policy and transaction handling shared by the wiki and its admin app."""


class App(BaseApp):
    pass


class AdminApp(BaseApp):
    pass
