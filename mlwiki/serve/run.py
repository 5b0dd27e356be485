"""Starting the server: the address and its allowed Host names, the per-run token, the link (and a QR code for a
phone), opening the browser, and a clean stop on Ctrl-C."""

from __future__ import annotations

import ipaddress
import secrets
import socket
import sys
import threading
import time
import webbrowser
from dataclasses import dataclass
from typing import Callable

from mlwiki.errors import MlwikiError, UsageError
from mlwiki.serve.guard import Policy, allowed_hosts

LOCAL_NAMES = ["127.0.0.1", "localhost", "::1"]


@dataclass(frozen=True)
class Address:
    """Where the server listens and the link a person opens."""

    host: str
    port: int
    policy: Policy
    url: str
    network: bool  # reachable from other machines: the token is needed on every request

    @property
    def link(self) -> str:
        return f"{self.url}?token={self.policy.token}" if self.network else self.url


def plan_address(host: str, port: int, token: str | None = None) -> Address:
    """The address to serve on; a host that is not a loopback address means the network mode."""
    token = token or secrets.token_urlsafe(24)
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if loopback:
        shown = "127.0.0.1" if host == "localhost" else host
        names = LOCAL_NAMES + [host]
    else:
        addresses = lan_addresses() if host in ("0.0.0.0", "::") else [host]
        shown = addresses[0] if addresses else host
        hostname = socket.gethostname()
        names = LOCAL_NAMES + addresses + [hostname, f"{hostname}.local", host]
    policy = Policy(hosts=allowed_hosts(names, port), token=token, token_everywhere=not loopback)
    bracketed = f"[{shown}]" if ":" in shown else shown
    return Address(host, port, policy, f"http://{bracketed}:{port}/", not loopback)


def lan_addresses() -> list[str]:
    """This machine's address on the local network (the one a phone would use), found without sending anything:
    a UDP socket 'connected' to a private address only picks the outgoing interface."""
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            found.append(probe.getsockname()[0])
        except OSError:
            pass
    try:
        found += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        pass
    return list(dict.fromkeys(a for a in found if not a.startswith("127.")))


def announce(address: Address, echo: Callable[[str], None]) -> None:
    """Say where the app is; in the network mode, the link with its token, a QR code and the warning."""
    if not address.network:
        echo(f"mlwiki serve: {address.link}   (Ctrl-C stops it)")
        return
    echo(f"mlwiki serve on the network: {address.link}")
    echo("Warning: anyone on this network who has this link can review your cards and change their schedule, and "
         "the connection is not encrypted: use it on a network you trust. Ctrl-C stops the server.")
    import segno  # a QR code for the phone; only in the network mode

    echo(_qr_text(segno.make(address.link, error="m")))


def _qr_text(code) -> str:
    import io

    out = io.StringIO()
    code.terminal(out=out, compact=True)
    return out.getvalue()


def serve(app, address: Address, open_browser: bool, echo: Callable[[str], None]) -> None:
    """Run until Ctrl-C (uvicorn stops cleanly on SIGINT/SIGTERM). A port in use is a one-line error."""
    import uvicorn

    try:
        with socket.socket(socket.AF_INET6 if ":" in address.host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((address.host, address.port))
    except OSError as exc:
        raise UsageError(f"cannot serve on {address.host}:{address.port}: {exc.strerror} "
                         "(another `mlwiki serve`? try --port)") from None
    config = uvicorn.Config(app, host=address.host, port=address.port, log_level="warning", access_log=False,
                            server_header=False, date_header=False, lifespan="off")
    server = uvicorn.Server(config)
    threading.Thread(target=_when_listening, args=(server, address, open_browser, echo), daemon=True).start()
    try:
        server.run()
    except KeyboardInterrupt:  # uvicorn stops cleanly, then passes the Ctrl-C on: stopping is what it asked for
        pass


def watch(job: Callable[[], None], stop: threading.Event, least: float = 1.0, share: float = 0.05) -> threading.Thread:
    """Run `job` (the rescan of the notes) in a thread, again and again until `stop` is set: at least `least` seconds
    apart, and spending at most `share` of the time on it (a big wiki's scan takes longer, so it waits longer)."""
    def loop() -> None:
        while True:
            started = time.monotonic()
            try:
                job()
            except MlwikiError as exc:  # the database busy for long: try again next time
                print(f"Warning: rescan skipped: {exc}", file=sys.stderr)
            if stop.wait(max(least, (time.monotonic() - started) / share)):
                return

    thread = threading.Thread(target=loop, name="mlwiki-rescan", daemon=True)
    thread.start()
    return thread


def _when_listening(server, address: Address, open_browser: bool, echo: Callable[[str], None]) -> None:
    """Print the link (and open the browser) once the socket accepts connections, not before."""
    while not server.started:
        if server.should_exit:
            return
        time.sleep(0.02)
    announce(address, echo)
    if open_browser:
        webbrowser.open(address.link)
