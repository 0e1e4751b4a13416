"""The bench's SMS gateway: text messages go nowhere, as its e-mail does (Django's dummy)."""


class DiscardingSmsGateway:
    def send(self, *, to: str, text: str) -> None:
        return None
