"""The SSRF guard: which addresses are refused, and that the connection layer itself checks them."""

from __future__ import annotations

import ipaddress

import pytest

from linimasa.fetch import FetchRefused, Guard
from linimasa.fetch.guard import GuardedBackend, refusal


@pytest.mark.parametrize("address, why", [
    ("127.0.0.1", "a loopback address"),
    ("::1", "a loopback address"),
    ("::ffff:127.0.0.1", "a loopback address"),      # IPv4 in IPv6 clothing
    ("10.0.0.5", "a private address"),
    ("192.168.1.1", "a private address"),
    ("172.16.0.1", "a private address"),
    ("169.254.169.254", "a cloud metadata address"),
    ("169.254.10.10", "a link-local address"),
    ("fe80::1", "a link-local address"),
    ("100.100.100.200", "a cloud metadata address"),
    ("100.64.0.1", "a shared (carrier-grade NAT) address"),
    ("224.0.0.1", "a multicast address"),
    ("0.0.0.0", "a private address"),                 # "this network": Python counts it private
    ("93.184.215.14", ""),
    ("2606:4700::1111", ""),
])
def test_refusal_by_address(address, why):
    assert refusal(ipaddress.ip_address(address)) == why


def test_allow_list_names_one_host_and_port():
    guard = Guard(allow=frozenset({"127.0.0.1:8080"}))
    guard.check_address("127.0.0.1", 8080)
    with pytest.raises(FetchRefused, match="loopback"):
        guard.check_address("127.0.0.1", 8081)


def test_connection_layer_refuses_what_the_guard_refuses(server):
    """However a request got there (a redirect, a name that now resolves elsewhere), the socket is not opened."""
    backend = GuardedBackend(Guard())
    with pytest.raises(FetchRefused, match="loopback"):
        backend.connect_tcp("127.0.0.1", server.server_address[1])
    with pytest.raises(FetchRefused, match=r"localhost \([0-9a-f.:]+\) is a loopback address"):
        backend.connect_tcp("localhost", server.server_address[1])
    stream = GuardedBackend(Guard(allow_private=True)).connect_tcp("localhost", server.server_address[1])
    stream.close()


@pytest.mark.parametrize("url, reason", [
    ("ftp://example.org/x", "scheme 'ftp' refused"),
    ("http:///x", "no host"),
    ("http://user:pw@example.org/", "credentials in the URL"),
])
def test_urls_refused_before_any_request(url, reason):
    with pytest.raises(FetchRefused, match=reason):
        Guard().check_url(url)
