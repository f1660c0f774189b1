"""The SSRF guard: which addresses a fetch may connect to, checked after DNS resolution, on every hop.

A URL names a host; what matters is the address the socket reaches. The guard resolves the host itself
(`socket.getaddrinfo`), refuses the connection when any address is loopback, private, link-local (the cloud
metadata service 169.254.169.254 among them), multicast, reserved or unspecified (Python's `ipaddress` knows the
ranges), and connects to the address it checked, so a name that resolves differently a moment later (DNS
rebinding) reaches nothing unchecked. `GuardedBackend` puts that check under httpcore, the connection layer of
httpx: every connection, first request or redirect, goes through it.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import urlsplit

import httpcore

from .errors import FetchError, FetchRefused

ALLOWED_SCHEMES = ("http", "https")
# Cloud metadata endpoints not covered by the ranges above: AWS's IPv6 one is in fd00::/8 (private) already;
# Alibaba's 100.100.100.200 is shared address space (100.64.0.0/10), not "private" to `ipaddress`.
METADATA_ADDRESSES = frozenset({"169.254.169.254", "100.100.100.200", "fd00:ec2::254"})


def refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why `ip` is not a public address, or "" when it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if str(ip) in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for kind in ("loopback", "link_local", "private", "multicast", "reserved", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return f"a {kind.replace('_', '-')} address"
    if isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.IPv4Network("100.64.0.0/10"):
        return "a shared (carrier-grade NAT) address"
    return ""


@dataclass(frozen=True)
class Guard:
    """What may be reached: public addresses; private ones too with `allow_private`; and the `allow` list of
    "host:port" entries (a test server, an intranet site named on purpose) whatever they resolve to.

    >>> Guard().check_address("127.0.0.1", 80)
    Traceback (most recent call last):
    ...
    linimasa.fetch.errors.FetchRefused: 127.0.0.1 is a loopback address; pass --allow-private to fetch from it
    """

    allow_private: bool = False
    allow: frozenset[str] = field(default_factory=frozenset)

    def allows(self, host: str, port: int) -> bool:
        return self.allow_private or f"{host}:{port}".lower() in self.allow

    def check_url(self, url: str) -> None:
        """Refuse a URL whose scheme is not http(s), that has no host, or whose host resolves to an address
        refused (checked again at connection, so that what is connected to is what was checked)."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise FetchRefused(f"scheme {parts.scheme or '(none)'!r} refused; only http and https are fetched")
        if not parts.hostname:
            raise FetchRefused("no host; give a full URL such as https://example.org/news")
        if parts.username or parts.password:
            raise FetchRefused("credentials in the URL are refused; fetch public pages only")
        self.resolve(parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80))

    def check_address(self, host: str, port: int, ip: str | None = None) -> None:
        """Refuse `ip` (default: `host` read as an address) unless it is public or allowed."""
        if self.allows(host, port):
            return
        address = ipaddress.ip_address((ip or host).split("%")[0])
        why = refusal(address)
        if why:
            shown = host if ip is None or ip == host else f"{host} ({ip})"
            raise FetchRefused(f"{shown} is {why}; pass --allow-private to fetch from it")

    def resolve(self, host: str, port: int) -> list[str]:
        """The addresses `host` resolves to, every one of them checked; `FetchRefused` when any is refused (a
        name that also resolves to an internal address is not fetched) or none is found."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise FetchError(f"{host}: name not resolved ({exc.strerror}); check the URL") from exc
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        for ip in addresses:
            self.check_address(host, port, ip)
        return addresses


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the guard has resolved and checked."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[tuple] | None = None) -> httpcore.NetworkStream:
        last: Exception | None = None
        for ip in self.guard.resolve(host, port):
            try:
                return super().connect_tcp(ip, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:  # try the next address of the name
                last = exc
        raise last or httpcore.ConnectError(f"{host}: no address to connect to")
