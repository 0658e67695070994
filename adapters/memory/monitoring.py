from application.ports.monitoring import SignInAttempts


class CountedSignInAttempts(SignInAttempts):
    def __init__(self) -> None:
        self.failures = 0

    def failed(self) -> None:
        self.failures += 1
