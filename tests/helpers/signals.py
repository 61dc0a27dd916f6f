"""The domain signals a test sees sent."""

from contextlib import contextmanager

from borg_learning import signals


@contextmanager
def signals_sent(*names):
    """The signals of ``borg_learning.signals`` named ``names`` sent inside the block, as
    (name, keyword arguments) in the order sent; safe for server threads to send."""
    sent, connected = [], []
    for name in names:

        def receiver(sender, name=name, **kwargs):
            kwargs.pop("signal")
            sent.append((name, kwargs))  # list.append is atomic

        signal = getattr(signals, name)
        signal.connect(receiver)
        connected.append((signal, receiver))
    try:
        yield sent
    finally:
        for signal, receiver in connected:
            signal.disconnect(receiver)
