"""Checks the CI files of contrib/ for the ci-intel target (run by scripts/deploy-checks/contrib).

Parses the GitLab CI and GitHub Actions YAML with the YAML 1.2 loader tmt uses (ruamel), checks their structure
and what the target needs (runner tag, context, JUnit report, run directory artifact), checks the Jenkinsfile's
brackets and steps, and, when HPCTEST_STAGE names an installed tree, runs the hardware job's script of each YAML
file against it: it must produce junit.xml and the run directory. Usage: ci_files.py GITLAB GITHUB JENKINSFILE
"""

import os
import re
import subprocess
import sys
import tempfile

from ruamel.yaml import YAML, YAMLError

CONTEXT = "-c arch=x86_64 -c target=ci-intel"
GITLAB_KEYWORDS = {"stages", "variables", "include", "default", "workflow", "image", "services", "cache",
                   "before_script", "after_script"}


def fail(message):
    sys.exit(f"ci_files: FAIL: {message}")


def load(path):
    try:
        with open(path, encoding="utf-8") as stream:
            return YAML(typ="safe").load(stream)
    except YAMLError as error:
        fail(f"{path}: not valid YAML: {error}")


def check_gitlab(path):
    data = load(path)
    stages = data.get("stages") or fail(f"{path}: no stages")
    jobs = {name: job for name, job in data.items() if name not in GITLAB_KEYWORDS and not name.startswith(".")}
    for name, job in jobs.items():
        if not isinstance(job.get("script"), list) or not all(isinstance(line, str) for line in job["script"]):
            fail(f"{path}: job '{name}': script must be a list of strings")
        if job.get("stage") not in stages:
            fail(f"{path}: job '{name}': stage '{job.get('stage')}' is not in stages {stages}")
        for needed in job.get("needs", []):
            if needed not in jobs:
                fail(f"{path}: job '{name}' needs unknown job '{needed}'")
    if data.get("variables", {}).get("HPCTEST_CONTEXT") != CONTEXT:
        fail(f"{path}: variables.HPCTEST_CONTEXT must be '{CONTEXT}'")
    hardware = [job for job in jobs.values() if job.get("artifacts", {}).get("reports", {}).get("junit")]
    if len(hardware) != 1:
        fail(f"{path}: expected one job with artifacts.reports.junit, found {len(hardware)}")
    job = hardware[0]
    if "ci-intel" not in job.get("tags", []):
        fail(f"{path}: the hardware job must run on the ci-intel runner (tags)")
    artifacts = job["artifacts"]
    if artifacts.get("when") != "always" or "run/" not in artifacts.get("paths", []):
        fail(f"{path}: the hardware job must keep run/ as an artifact, when: always")
    if not any("$HPCTEST_CONTEXT" in line and " run " in line for line in job["script"]):
        fail(f"{path}: the hardware job's script does not run hpctest with $HPCTEST_CONTEXT")
    script = [f"export HPCTEST_CONTEXT='{CONTEXT}'"] + job["script"]
    return script, artifacts["reports"]["junit"], "CI_PROJECT_DIR"


def check_github(path):
    data = load(path)
    triggers = data.get("on", data.get(True))
    if not triggers or "push" not in triggers:
        fail(f"{path}: the workflow must run on push")
    jobs = data.get("jobs") or fail(f"{path}: no jobs")
    job = jobs.get("ci-intel") or fail(f"{path}: no job 'ci-intel'")
    if not {"self-hosted", "ci-intel"} <= set(job.get("runs-on", [])):
        fail(f"{path}: runs-on must name the self-hosted ci-intel runner")
    if job.get("env", {}).get("HPCTEST_CONTEXT") != CONTEXT:
        fail(f"{path}: env.HPCTEST_CONTEXT must be '{CONTEXT}'")
    steps = job.get("steps", [])
    for index, step in enumerate(steps):
        if ("run" in step) == ("uses" in step):
            fail(f"{path}: step {index} must have exactly one of run/uses")
        if "uses" in step and not re.fullmatch(r"[\w.-]+/[\w./-]+@[\w.-]+", step["uses"]):
            fail(f"{path}: step {index}: '{step['uses']}' must be owner/repo@ref")
    uses = {step.get("uses", "").split("@")[0]: step for step in steps}
    report = uses.get("mikepenz/action-junit-report") or fail(f"{path}: no JUnit test report step")
    upload = uses.get("actions/upload-artifact") or fail(f"{path}: no artifact upload step")
    if report.get("if") != "always()" or upload.get("if") != "always()" or "run/" not in upload["with"]["path"]:
        fail(f"{path}: the report and the run/ artifact must be kept with if: always()")
    suite = [step for step in steps if "$HPCTEST_CONTEXT" in step.get("run", "")]
    if len(suite) != 1:
        fail(f"{path}: expected one step running hpctest with $HPCTEST_CONTEXT")
    script = [f"export HPCTEST_CONTEXT='{CONTEXT}'", suite[0]["run"]]
    return script, report["with"]["report_paths"], "GITHUB_WORKSPACE"


def check_jenkinsfile(path):
    text = open(path, encoding="utf-8").read()
    code = re.sub(r"'''.*?'''|'(?:\\.|[^'\\\n])*'|\"(?:\\.|[^\"\\\n])*\"|//[^\n]*|/\*.*?\*/", "", text, flags=re.S)
    pairs, stack = {")": "(", "]": "[", "}": "{"}, []
    for number, line in enumerate(code.split("\n"), 1):
        for char in line:
            if char in "([{":
                stack.append((char, number))
            elif char in pairs and (not stack or stack.pop()[0] != pairs[char]):
                fail(f"{path}:{number}: unbalanced '{char}'")
    if stack:
        fail(f"{path}:{stack[-1][1]}: '{stack[-1][0]}' is never closed")
    for needed in ["pipeline {", "agent { label 'ci-intel' }", "junit testResults: 'junit.xml'", "archiveArtifacts",
                   f"HPCTEST_CONTEXT = '{CONTEXT}'", "stage('hpctest on ci-intel')"]:
        if needed not in text:
            fail(f"{path}: lacks {needed}")


def run_job(name, script, junit, workspace_variable):
    """Runs the hardware job's script against the installed tree in HPCTEST_STAGE, as the runner would."""
    stage = os.environ["HPCTEST_STAGE"]
    with tempfile.TemporaryDirectory() as workspace:
        os.symlink(stage, os.path.join(workspace, "stage"))
        environment = dict(os.environ, PATH=f"{stage}/usr/bin:{os.environ['PATH']}", **{workspace_variable: workspace})
        done = subprocess.run(["bash", "-ec", "\n".join(script)], cwd=workspace, env=environment,
                              capture_output=True, text=True)
        # On a machine without the ci-intel hardware every plan skips: exit 4 (all skipped) is the right answer.
        if done.returncode not in (0, 4):
            fail(f"{name}: the job's script ended with {done.returncode}:\n{done.stdout}{done.stderr}")
        report = open(os.path.join(workspace, junit), encoding="utf-8").read()
        if "<testsuite " not in report or not os.path.isdir(os.path.join(workspace, "run")):
            fail(f"{name}: no JUnit report or run directory after the job")
        print(f"ci_files: {name}: job script ran: exit {done.returncode}, {report.count('<testcase ')} test cases")


def main(gitlab, github, jenkinsfile):
    jobs = {gitlab: check_gitlab(gitlab), github: check_github(github)}
    check_jenkinsfile(jenkinsfile)
    print(f"ci_files: {gitlab}, {github}, {jenkinsfile}: structure as expected")
    if os.environ.get("HPCTEST_STAGE"):
        for name, (script, junit, variable) in jobs.items():
            run_job(name, script, junit, variable)


if __name__ == "__main__":
    main(*sys.argv[1:4])
