"""The first Ctrl-C asks the batch to stop between articles; the second one stops at once."""
import os
import signal

import pytest

from newsgraph.cli.interrupt import stop_on_interrupt


def test_first_interrupt_sets_the_flag_and_second_raises():
    previous = signal.getsignal(signal.SIGINT)
    with stop_on_interrupt() as stop:
        assert not stop
        os.kill(os.getpid(), signal.SIGINT)
        assert stop
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is previous
