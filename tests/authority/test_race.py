"""Two processes racing for the last use of the same codes on one register: one winner each."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from desktop.authority.demo import RunningAuthority
from desktop.authority.service import AuthorityService, init_authority
from desktop.domain.errors import DomainError

RACER = r"""
import json, os, sys, time
from pathlib import Path
from desktop.authority.service import AuthorityService
from desktop.domain.errors import DomainError

data, device, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
codes = json.loads(sys.argv[4])
service = AuthorityService(data)
Path(str(go) + "." + device).touch()  # ready
while not go.exists():
    time.sleep(0.001)
out = {}
for code in codes:
    try:
        out[code] = service.activate(code, device, "store-race").document.serial
    except DomainError as err:
        out[code] = err.code
print(json.dumps(out))
"""

DEVICES = ["CP30-1000000000001-1000000000001", "CP30-2000000000002-2000000000002"]


@pytest.mark.slow
def test_one_winner_for_the_last_use_across_processes(tmp_path: Path) -> None:
    data = tmp_path / "auth"
    init_authority(data)
    service = AuthorityService(data)
    codes = service.issue("MS-STORE15-BASE", "license", count=30)
    go = tmp_path / "go"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(data), device, str(go), json.dumps(order)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for device, order in zip(DEVICES, (codes, codes[::-1]), strict=True)  # they meet
    ]
    ready = [Path(f"{go}.{d}") for d in DEVICES]
    while not all(p.exists() for p in ready):  # both have imported and opened the register
        assert all(proc.poll() is None for proc in racers), "a racer died before the start"
        time.sleep(0.005)
    go.touch()
    results = []
    for proc in racers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    for code in codes:
        outcomes = [r[code] for r in results]
        winners = [o for o in outcomes if o.startswith("LD-")]
        assert len(winners) == 1, (code, outcomes)
        assert sorted(outcomes) == sorted([winners[0], "code_used"])
    rows = service.codes()
    assert all(r.uses == r.devices == 1 for r in rows)
    with service.register.read() as tx:
        assert tx.license_count() == len(codes)
        live = tx.conn.execute("SELECT count(*) FROM uses WHERE released_at IS NULL").fetchone()
        assert live[0] == len(codes)


def test_concurrent_requests_bind_a_code_to_exactly_its_device_count(
    running: RunningAuthority,
) -> None:
    code = running.service.issue("MS-STORE15-BASE", "license", devices=5)[0]
    devices = [f"CP30-{n:013d}-{n:013d}" for n in range(1, 21)]

    def attempt(device: str) -> str:
        with running.client() as client:
            try:
                return client.activate(code, device, "store-race").kind
            except DomainError as err:
                return err.code

    with ThreadPoolExecutor(max_workers=len(devices)) as pool:
        outcomes = list(pool.map(attempt, devices))
    assert sorted(set(outcomes)) == ["code_used", "license"]
    assert outcomes.count("license") == 5
    assert [r.uses for r in running.service.codes()] == [5]
