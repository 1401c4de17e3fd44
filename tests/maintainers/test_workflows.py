"""The CI workflows, the pre-commit hooks, the YAML lint settings and the dependency lock.

GitHub Actions cannot run here, so these tests read the workflow files and check the promises
they make: pinned actions, least privilege, the same test command as locally, publish only from
main. All of it is offline and fast.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.utils import canonicalize_name
from yamllint import config as yamllint_config
from yamllint import linter as yamllint_linter

from ..helpers import ROOT

WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted([*WORKFLOW_DIR.glob("*.yml"), *WORKFLOW_DIR.glob("*.yaml")])
PRE_COMMIT_CONFIG = ROOT / ".pre-commit-config.yaml"
LOCK = ROOT / "requirements.lock"
BOOTSTRAP_LOCK = ROOT / "requirements-bootstrap.lock"  # uv, which installs LOCK

CI_COMMAND = "bash .ci/run"
BUILD_COMMAND = ".venv/bin/python -m generator build"
PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
# Jobs that may write, and what: only the Pages deploy (its OIDC token and the Pages site).
DEPLOY_WRITES = {"pages": "write", "id-token": "write"}
ON_MAIN = "github.ref == 'refs/heads/main'"


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    return {triggers: None} if isinstance(triggers, str) else dict(triggers)


def _jobs() -> list[tuple[Path, dict, str, dict]]:
    """Every job of every workflow, as (file, workflow, job id, job)."""
    jobs = []
    for path in WORKFLOWS:
        workflow = _load(path)
        jobs += [(path, workflow, job_id, job) for job_id, job in workflow["jobs"].items()]
    return jobs


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def _uses(job: dict) -> list[str]:
    return [step["uses"] for step in _steps(job) if "uses" in step] + ([job["uses"]] if "uses" in job else [])


def _action(uses: str) -> str:
    return uses.split("@", 1)[0]


def _step_using(job: dict, action: str) -> dict:
    (step,) = [step for step in _steps(job) if _action(step.get("uses", "")) == action]
    return step


def _runs(job: dict) -> list[str]:
    return [step["run"].strip() for step in _steps(job) if "run" in step]


def _find_job(predicate) -> tuple[dict, str, dict]:
    found = [(wf, job_id, job) for _, wf, job_id, job in _jobs() if predicate(job)]
    assert len(found) == 1, f"expected exactly one such job, found {[job_id for _, job_id, _ in found]}"
    return found[0]


def _test_job() -> tuple[dict, str, dict]:
    return _find_job(lambda job: CI_COMMAND in _runs(job))


def _deploy_job() -> tuple[dict, str, dict]:
    return _find_job(lambda job: "actions/deploy-pages" in map(_action, _uses(job)))


# --- workflows -----------------------------------------------------------------------------------


def test_workflows_exist_and_are_yaml():
    assert WORKFLOWS, "no workflow in .github/workflows"
    for path in WORKFLOWS:
        workflow = _load(path)
        assert isinstance(workflow, dict), path
        assert _triggers(workflow), f"{path.name}: no triggers"
        assert workflow["jobs"], f"{path.name}: no jobs"


def test_workflows_match_githubs_schema():
    # The workflow schema that check-jsonschema ships (no network): unknown keys, wrong types, typos.
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"]
    result = subprocess.run([*command, *map(str, WORKFLOWS)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    for path, _, job_id, job in _jobs():
        for uses in _uses(job):
            assert PINNED.match(uses), f"{path.name}: {job_id}: {uses!r} is not pinned to a full commit SHA"
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(r"\s*(- )?uses:", line):
                assert re.search(r"@[0-9a-f]{40}\s+# v\d", line), f"{path.name}:{number}: no '# vX.Y.Z' comment"


def test_top_level_permissions_are_at_most_read():
    for path in WORKFLOWS:
        permissions = _load(path).get("permissions")
        assert permissions is not None, f"{path.name}: declare top-level permissions (none or read)"
        assert isinstance(permissions, dict), f"{path.name}: top-level permissions must be a mapping"
        assert set(permissions.values()) <= {"read", "none"}, f"{path.name}: {permissions}"


def test_only_the_deploy_job_may_write_and_only_to_pages():
    _, deploy_id, deploy = _deploy_job()
    assert deploy["permissions"] == DEPLOY_WRITES
    for path, _, job_id, job in _jobs():
        permissions = job.get("permissions", {})
        assert isinstance(permissions, dict), f"{path.name}: {job_id}: permissions must be a mapping"
        if job_id != deploy_id:
            assert set(permissions.values()) <= {"read", "none"}, f"{path.name}: {job_id} writes: {permissions}"


def test_every_job_has_a_timeout():
    for path, _, job_id, job in _jobs():
        assert isinstance(job.get("timeout-minutes"), int), f"{path.name}: {job_id}: no timeout-minutes"


def test_checkouts_keep_no_credentials():
    for path, _, job_id, job in _jobs():
        for step in _steps(job):
            if _action(step.get("uses", "")) == "actions/checkout":  # every checkout, in every job
                assert step["with"]["persist-credentials"] is False, f"{path.name}: {job_id}"


def test_pull_requests_and_main_run_the_same_command_as_ci_and_a_strict_build():
    workflow, _, job = _test_job()
    triggers = _triggers(workflow)
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    assert "if" not in job, "the tests must run on every trigger"
    assert job["permissions"] == {"contents": "read"}
    # .ci/run is what CI runs here, and it runs scripts/test, the maintainers' command.
    assert "exec bash scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    runs = _runs(job)
    assert runs.count(CI_COMMAND) == 1
    assert BUILD_COMMAND in runs
    assert runs.index(CI_COMMAND) < runs.index(BUILD_COMMAND), "build after the tests"
    setup = _step_using(job, "actions/setup-python")
    assert setup["with"]["python-version"] == "3.11"
    assert _pyproject()["requires-python"] == ">=3.11", "CI tests the oldest Python the project supports"


def _changes_job() -> tuple[dict, str, dict]:
    return _find_job(lambda job: any("generator changes" in run for run in _runs(job)))


def test_pull_requests_get_a_data_change_summary_from_the_base_branchs_code():
    _, test_id, test_job = _test_job()
    _, changes_id, job = _changes_job()
    # A job of its own: the test job runs the pull request's code, which could write any summary.
    assert changes_id != test_id
    assert not any("generator changes" in run for run in _runs(test_job))
    assert job["if"] == "${{ github.event_name == 'pull_request' }}"
    assert job["permissions"] == {"contents": "read"}
    assert "needs" not in job, "the summary also helps when the tests fail"
    pr, base = [step for step in _steps(job) if _action(step.get("uses", "")) == "actions/checkout"]
    assert pr["with"]["path"] == "pr" and "ref" not in pr["with"], "the pull request's (merge) commit"
    assert pr["with"]["fetch-depth"] == 0, "the summary compares with the base branch: full history"
    assert base["with"] == {"path": "base", "ref": "${{ github.base_ref }}", "persist-credentials": False}
    # Every command runs in the base branch's checkout; the pull request's folder is only read.
    commands = [step for step in _steps(job) if "run" in step]
    assert [step["working-directory"] for step in commands] == ["base", "base"]
    install, summary = (step["run"] for step in commands)
    assert _pip_installs(install) == [INSTALL_UV, INSTALL_LOCK, INSTALL_PROJECT]
    assert summary.strip() == (
        '.venv/bin/python -m generator changes --root ../pr "origin/${BASE_REF}" >> "$GITHUB_STEP_SUMMARY"'
    )
    # The base branch reaches the script through the environment, never pasted into it.
    assert "${{" not in install + summary
    assert commands[1]["env"] == {"BASE_REF": "${{ github.base_ref }}"}


def test_deploy_publishes_the_tested_site_only_from_main():
    workflow, _, deploy = _deploy_job()
    _, test_id, test_job = _test_job()
    triggers = _triggers(workflow)
    assert "workflow_dispatch" in triggers
    needs = deploy["needs"]
    assert test_id in ([needs] if isinstance(needs, str) else needs)
    condition = deploy["if"]
    assert ON_MAIN in condition
    assert "github.event_name == 'push'" in condition
    assert "github.event_name == 'workflow_dispatch'" in condition
    assert "pull_request" not in condition
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"]["cancel-in-progress"] is False
    # The deploy job runs no code from the repository: it only hands the uploaded site to Pages.
    assert not _runs(deploy)
    assert [_action(u) for u in _uses(deploy)] == ["actions/configure-pages", "actions/deploy-pages"]
    # The site is uploaded by the job that tested it, on exactly the deploy's condition.
    upload = _step_using(test_job, "actions/upload-pages-artifact")
    assert upload["if"] == condition
    assert upload["with"]["path"].rstrip("/") == "site"


# --- pre-commit ----------------------------------------------------------------------------------


def _pre_commit_hooks() -> list[dict]:
    (repo,) = _load(PRE_COMMIT_CONFIG)["repos"]
    assert repo["repo"] == "local", "hooks use the tools pinned in .venv, nothing downloaded"
    return repo["hooks"]


def _scripts_test_checks() -> set[str]:
    """The lint and check commands in scripts/test (not the install, not pytest), without their path argument."""
    lines = (ROOT / "scripts" / "test").read_text(encoding="utf-8").splitlines()
    checks = [line.strip() for line in lines if line.startswith(".venv/bin/")]
    checks = [line for line in checks if " pip install " not in line and " pytest" not in line]
    return {line.removesuffix(" .") for line in checks}


def test_pre_commit_config_is_valid():
    command = [sys.executable, "-m", "pre_commit", "validate-config", str(PRE_COMMIT_CONFIG)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hooks_run_what_scripts_test_runs():
    hooks = _pre_commit_hooks()
    entries = {hook["entry"] for hook in hooks}
    assert entries == _scripts_test_checks()
    assert entries == {
        ".venv/bin/ruff check",
        ".venv/bin/ruff format --check",
        ".venv/bin/yamllint --strict",
        ".venv/bin/python -m generator check",
    }
    for hook in hooks:
        assert hook["language"] == "system", hook["id"]
        assert "args" not in hook, f"{hook['id']}: keep the whole command in entry"


def test_pre_commit_data_check_runs_once_on_data_content_and_code():
    (hook,) = [hook for hook in _pre_commit_hooks() if hook["entry"].endswith("-m generator check")]
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ["data/projects.yaml", "content/om/index.md", "generator/cli.py"]:
        assert files.search(path), path
    for path in ["tests/test_cli.py", "mkdocs.yml", "README.md", "build/docs/index.md"]:
        assert not files.search(path), path


# --- yamllint ------------------------------------------------------------------------------------


def _yamllint_problems(text: str, path: str = "data/example.yaml") -> list[str]:
    conf = yamllint_config.YamlLintConfig(file=str(ROOT / ".yamllint.yaml"))
    return [f"{p.line}:{p.column}: {p.rule}: {p.message}" for p in yamllint_linter.run(text, conf, path)]


def test_yamllint_accepts_long_lines_and_both_list_styles():
    long_quote = "tekst " * 60
    text = f'a:\n  - "{long_quote}"\nb:\n- x\n- y\n'
    assert _yamllint_problems(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("id: a\nid: b\n", "key-duplicates"),
        ("enabled: yes\n", "truthy"),
        ("a:\n    b: 1\n", "indentation"),
        ("a: 1   \n", "trailing-spaces"),
        ("a: 1", "new-line-at-end-of-file"),
    ],
)
def test_yamllint_catches_mistakes(text, rule):
    assert any(f": {rule}: " in problem for problem in _yamllint_problems(text)), _yamllint_problems(text)


def test_ci_yaml_files_pass_yamllint():
    for path in [*WORKFLOWS, PRE_COMMIT_CONFIG, ROOT / ".yamllint.yaml"]:
        rel = path.relative_to(ROOT).as_posix()
        assert _yamllint_problems(path.read_text(encoding="utf-8"), rel) == [], rel


# --- dependency lock -----------------------------------------------------------------------------


# uv from its own hash-checked lock, then uv installs the lock and the project (scripts/test).
INSTALL_UV = "pip install --quiet --disable-pip-version-check --require-hashes -r requirements-bootstrap.lock"
INSTALL_LOCK = "pip install --quiet --python .venv/bin/python --require-hashes -r requirements.lock"
INSTALL_PROJECT = "pip install --quiet --python .venv/bin/python --no-deps --no-build-isolation -e ."
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def _lock_entries(lock: Path = LOCK) -> dict[str, tuple[str, list[str]]]:
    """The lock's requirements, by name: (version, [--hash options])."""
    text = lock.read_text(encoding="utf-8").replace("\\\n", " ")  # join continued lines
    entries = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)((?:\s+--hash=\S+)+)", line.strip())
        assert match, f"{lock.name}: not an exact pin with hashes: {line!r}"
        entries[canonicalize_name(match[1])] = (match[2], match[3].split())
    return entries


def _lock() -> dict[str, str]:
    return {name: version for name, (version, _) in _lock_entries().items()}


def _exact_pins(requirements: list[str], where: str) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[[A-Za-z0-9_,.-]+\])?==(\S+)", requirement)  # extras allowed
        assert match, f"{where}: pin exactly: {requirement!r}"
        pins[canonicalize_name(match[1])] = match[2]
    return pins


def _pyproject_pins() -> dict[str, str]:
    project = _pyproject()
    return _exact_pins([*project["dependencies"], *project["optional-dependencies"]["test"]], "pyproject.toml")


def _build_backend_pins() -> dict[str, str]:
    build_system = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    return _exact_pins(build_system["requires"], "pyproject.toml [build-system]")


def _pip_installs(script: str) -> list[str]:
    """The pip install commands of a script, without the interpreter that runs them."""
    lines = [re.sub(r"^.*?\s(?=pip install )", "", line.strip()) for line in script.splitlines()]
    return [line for line in lines if line.startswith("pip install ")]


def test_lock_has_every_pyproject_pin_at_the_same_version():
    lock = _lock()
    for name, version in _pyproject_pins().items():
        assert lock.get(name) == version, f"{name}: pyproject.toml has {version}, requirements.lock {lock.get(name)}"


def test_the_build_backend_is_pinned_and_locked():
    backend = _build_backend_pins()
    assert set(backend) == {"setuptools"}
    assert _lock()["setuptools"] == backend["setuptools"]


def test_every_locked_package_carries_its_hashes():
    for name, (_, hashes) in _lock_entries().items():
        assert hashes, name
        assert all(HASH.fullmatch(h) for h in hashes), f"{name}: {hashes}"


def test_uv_comes_alone_from_its_own_lock_with_the_hashes_of_its_files_and_the_readme_gives_its_command():
    entries = _lock_entries(BOOTSTRAP_LOCK)
    assert list(entries) == ["uv"]
    version, hashes = entries["uv"]
    assert (ROOT / "requirements-bootstrap.in").read_text(encoding="utf-8").count(f"uv=={version}") == 1
    assert len(hashes) > 5 and all(HASH.fullmatch(h) for h in hashes)  # a wheel for each platform uv is built for
    header = re.search(r"^#\s+(pip-compile .+)$", BOOTSTRAP_LOCK.read_text(encoding="utf-8"), re.MULTILINE)
    assert header and header[1] in (ROOT / "README.md").read_text(encoding="utf-8")


def test_lock_names_no_package_index():
    # Regenerate with --no-emit-index-url --no-emit-find-links: the lock holds versions and hashes only.
    options = re.findall(r"^\s*(-[^\s=]+)", LOCK.read_text(encoding="utf-8"), re.MULTILINE)
    assert set(options) <= {"--hash"}, "options (index URLs, find-links) in requirements.lock"


def test_readme_gives_the_command_that_made_the_lock():
    header = re.search(r"^#\s+(pip-compile .+)$", LOCK.read_text(encoding="utf-8"), re.MULTILINE)
    assert header, "requirements.lock has no pip-compile header"
    for option in ["--generate-hashes", "--all-build-deps", "--allow-unsafe"]:
        assert option in header[1].split()
    assert header[1] in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_install_checks_hashes_then_adds_only_the_project():
    # scripts/test and scripts/serve, and every workflow step that installs anything.
    scripts = [(ROOT / "scripts" / name).read_text(encoding="utf-8") for name in ["test", "serve"]]
    workflow_steps = [run for _, _, _, job in _jobs() for run in _runs(job) if "pip install" in run]
    assert workflow_steps, "the summary job installs the base branch's generator"
    for script in [*scripts, *workflow_steps]:
        assert _pip_installs(script) == [INSTALL_UV, INSTALL_LOCK, INSTALL_PROJECT], script


def test_installed_packages_match_the_lock():
    # scripts/test installs requirements.lock; a mismatch means .venv is older than the lock.
    for name, version in _lock().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            pytest.fail(f"{name} is in requirements.lock but not installed; run ./scripts/test")
        assert installed == version, f"{name}: installed {installed}, requirements.lock has {version}"
