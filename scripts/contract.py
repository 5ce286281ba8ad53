#!/usr/bin/env python3
"""Contract test: schemathesis fuzzes a sandbox-mode proxy from its own /openapi.json.

Starts the proxy binary on a free loopback port, mints a session for each demo customer
(`mint-session`, the sandbox's public dev secret), and runs schemathesis against the
operations that customer's provider serves, with that provider's body schemas (the
document's `x-providers`), plus the reference-data GETs once. Checks: no 5xx
(`not_a_server_error`) and every answer is one the document describes (status, content
type and body schema). Bounded: a few dozen examples per operation.

Usage (scripts/test.sh runs it with the venv scripts/setup.sh made):
  $TOOLS_DIR/schemathesis-venv/bin/python scripts/contract.py target/debug/customer-update-proxy
Env: CONTRACT_EXAMPLES (default 30), CONTRACT_SEED (default: fixed under CI, random otherwise).
The last line is "N passed, N failed" (test cases over all runs); exit status 0 = none failed.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

# No 5xx, and every answer as documented: its status, content type and body.
CHECKS = ("not_a_server_error,response_schema_conformance,status_code_conformance,"
          "content_type_conformance")
# Reference data, never provider-specific: fuzzed once, not per customer.
SHARED_OPERATIONS = ["getStates", "getMessages"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str, token: str | None = None):
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


def wait_ready(base: str, proxy: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proxy.poll() is not None:
            raise OSError(f"the proxy exited with status {proxy.returncode} before it answered")
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise OSError(f"the proxy did not answer {base}/healthz within {seconds:.0f} s")


def mint(binary: str, customer: dict) -> str:
    command = [binary, "mint-session", "--customer", customer["id"],
               "--provider", customer["provider"], "--ttl", "10m"]
    if customer.get("applicant"):
        command += ["--applicant", customer["applicant"]]
    minted = subprocess.run(command, capture_output=True, text=True, check=True, timeout=30)
    return minted.stdout.strip()


def for_provider(document: dict, provider: str, kind: str | None) -> tuple[dict, list[str]]:
    """The document as one provider's session sees it: each update route takes that
    provider's body (x-providers) instead of any provider's. With the operationIds of the
    GET and of the updates this customer's kind may make."""
    narrowed = json.loads(json.dumps(document))
    found = ["getCustomer"]
    for op in document["x-providers"][provider]["operations"]:
        if kind is not None and kind not in op["kinds"]:
            continue
        operation = narrowed["paths"][op["path"]][op["method"].lower()]
        operation["requestBody"]["content"]["application/json"]["schema"] = op["requestBody"]
        found.append(operation["operationId"])
    return narrowed, found


def fuzz(schemathesis: str, base: str, document: dict, token: str, operations: list[str],
         label: str, examples: int, seed: str | None, workdir: Path) -> tuple[int, int]:
    report = workdir / f"{label}.json"
    schema = workdir / f"{label}.openapi.json"
    schema.write_text(json.dumps(document))
    command = [schemathesis, "run", str(schema), "--url", base,
               "--header", f"Authorization: Bearer {token}",
               "--checks", CHECKS, "--max-examples", str(examples),
               "--phases", "examples,coverage,fuzzing",
               # The proxy limits each session (429 + Retry-After): wait as it asks, so the
               # cases reach the handlers instead of the limiter.
               "--rate-limit", "auto",
               "--request-timeout", "10", "--no-color",
               "--report", "json", "--report-json-path", str(report)]
    for operation in operations:
        command += ["--include-operation-id", operation]
    if seed:
        command += ["--seed", seed]
    print(f"\n## {label}: {', '.join(operations)}", flush=True)
    run = subprocess.run(command, cwd=workdir, timeout=300)
    try:
        cases = json.loads(report.read_text())["test_cases"]
    except (OSError, ValueError, KeyError):
        print(f"{label}: schemathesis wrote no report (exit {run.returncode})")
        return 0, 1
    failed = cases["with_failures"] + cases["errored"]
    passed = cases["generated"] - failed
    if run.returncode != 0 and failed == 0:
        print(f"{label}: schemathesis exited with {run.returncode}")
        failed = 1
    return passed, failed


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = str(Path(sys.argv[1]).resolve())
    schemathesis = str(Path(sys.executable).with_name("st"))
    examples = int(os.environ.get("CONTRACT_EXAMPLES", "30"))
    seed = os.environ.get("CONTRACT_SEED") or ("20261122" if os.environ.get("CI") else None)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, CUW_LOG=os.environ.get("CUW_LOG", "warn"))
    # Reports, the per-session documents and the proxy's log stay for a look after a failure.
    workdir = Path(__file__).resolve().parent.parent / "target" / "contract"
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    with open(workdir / "proxy.log", "w") as log:
        proxy = subprocess.Popen([binary, "serve", "--listen", f"127.0.0.1:{port}"],
                                 stdout=log, stderr=subprocess.STDOUT, env=env)
    passed = failed = 0
    try:
        wait_ready(base, proxy)
        document = get_json(f"{base}/openapi.json")
        shared = SHARED_OPERATIONS
        for customer in get_json(f"{base}/demo/customers"):
            token = mint(binary, customer)
            kind = get_json(f"{base}/v1/customer", token)["form"].get("kind")
            narrowed, operations = for_provider(document, customer["provider"], kind)
            operations += shared
            shared = []
            label = f"{customer['provider']}-{kind or 'customer'}-{customer['id'][-6:]}"
            p, f = fuzz(schemathesis, base, narrowed, token, operations, label, examples,
                        seed, workdir)
            passed, failed = passed + p, failed + f
        if proxy.poll() is not None:
            print(f"the proxy exited with status {proxy.returncode} during the run")
            failed += 1
    except (OSError, ValueError, KeyError, subprocess.SubprocessError) as error:
        print(f"the contract run stopped: {error!r}")
        failed += 1
    finally:
        proxy.terminate()
        try:
            proxy.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proxy.kill()
        server_log = (workdir / "proxy.log").read_text(errors="replace")
        if server_log.strip():
            print("\n## proxy log (warnings and errors)\n" + server_log[-4000:])
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
