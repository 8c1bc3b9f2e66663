"""The ``fwtui`` command line.

Non-interactive commands must never import Textual (a test checks it), so the TUI is
imported only inside :func:`_run_tui`. Exit status: 0 success, 1 invalid data,
2 bad usage (unknown option, unknown id, missing directory).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from fwtui import __version__
from fwtui.errors import (
    EXIT_INVALID_DATA,
    EXIT_OK,
    EXIT_USAGE,
    DataError,
    UsageError,
    Warnings,
)
from fwtui.modes import FIRST_MODE, MODE_IDS
from fwtui.render import formats
from fwtui.safetext import clean, clean_line, dumps

if TYPE_CHECKING:
    from fwtui.catalog.store import Catalog
    from fwtui.render.preview import QuickStart

# --output values that mean standard output. Written like a file, /dev/stdout (a link to
# a pipe, or even to a regular file) would be replaced by the rename.
EXIT_INTERRUPTED = 130  # Ctrl-C, or q in the plain wizard: 128 + SIGINT, as shells report it
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _data_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data",
        metavar="DIR",
        action="append",
        default=default,
        help="extra data directory, read after the bundled data (repeatable)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fwtui",
        description="Choose a Python web framework: browse, compare and get a recommendation.",
        epilog=(
            "Without a command the interactive TUI starts. Data directories are read in order: "
            "bundled data, --data DIRs, $FWTUI_DATA (path list), then the user data directory."
        ),
    )
    parser.add_argument("--version", action="version", version=f"fwtui {__version__}")
    _data_option(parser, [])
    parser.add_argument(
        "--screen", choices=MODE_IDS, default=FIRST_MODE, help="screen the TUI opens on"
    )
    parser.add_argument(
        "--accessible",
        action="store_true",
        help="TUI for screen readers and plain terminals: the cursor on the selected item, "
        "no animation, ASCII marks, a high-contrast theme (also ACCESSIBLE=1)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    # Subcommands accept --data too; SUPPRESS keeps the top-level value when absent.
    common = _Parser(add_help=False)
    _data_option(common, argparse.SUPPRESS)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = commands.add_parser(
            name, help=help_text, description=help_text, parents=[common]
        )
        return sub

    validate = command("validate", "check the bundled data and extra data directories")
    validate.add_argument("dirs", nargs="*", metavar="DIR", help="more data directories")
    validate.add_argument(
        "--stale",
        metavar="DAYS",
        type=_days,
        help="also list the facts not reviewed for more than DAYS days, with file and line",
    )
    validate.add_argument(
        "--strict", action="store_true", help="with --stale: exit 1 when any fact is listed"
    )

    schema = command("schema", "write the JSON Schema of each data file kind")
    schema.add_argument(
        "--output", metavar="DIR", help="directory for <kind>.schema.json (default: print)"
    )

    listing = command("list", "list the frameworks, one per line")
    listing.add_argument("--format", choices=formats.LIST, default="text")

    show = command("show", "describe one framework")
    show.add_argument("id", metavar="ID", help="framework id, e.g. django")
    show.add_argument("--format", choices=formats.SHOW, default="text")

    matrix = command("matrix", "the feature matrix")
    matrix.add_argument("--frameworks", metavar="A,B", help="comma-separated framework ids")
    matrix.add_argument("--diff", action="store_true", help="only rows where frameworks differ")
    matrix.add_argument("--format", choices=formats.MATRIX, default="table")
    matrix.add_argument("--width", type=int, default=None, help=argparse.SUPPRESS)

    questions = command("questions", "the wizard's questions, choices and defaults")
    questions.add_argument("--format", choices=formats.QUESTIONS, default="text")

    recommend = command("recommend", "rank the frameworks for your answers")
    recommend.add_argument(
        "--answer",
        metavar="QID=CHOICE[,CHOICE]",
        action="append",
        default=[],
        help="answer one question (repeatable; overrides --answers)",
    )
    recommend.add_argument("--answers", metavar="FILE", help="replay an answers file")
    _result_options(recommend)
    _team_parser(command)

    _wizard_parser(command)
    _new_parser(command)
    _check_releases_parser(command)

    serve = command("serve", "serve the TUI to a web browser (needs textual-serve)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (%(default)s)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (%(default)s)")
    serve.add_argument(
        "--allow-host",
        metavar="NAME",
        type=_host_name,
        action="append",
        default=[],
        help="also answer requests for NAME:PORT, e.g. this machine's name on the network "
        "(repeatable; localhost, 127.0.0.1, [::1] and the --host address always are)",
    )
    serve.add_argument(
        "--max-sessions",
        metavar="N",
        type=_sessions,
        default=4,
        help="browser tabs served at once, one app process each (%(default)s)",
    )
    serve.add_argument(
        "--export-dir",
        metavar="DIR",
        help="directory the served apps may save exports in, by file name only "
        "(default: exports are disabled)",
    )
    return parser


def _wizard_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """``fwtui wizard [--plain]``: the TUI's wizard, or its questions line by line."""
    wizard = command("wizard", "the wizard: its questions, then the recommendation")
    wizard.add_argument(
        "--plain",
        action="store_true",
        help="ask line by line on standard input and output (screen readers, scripts)",
    )
    _result_options(wizard)


def _new_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """``fwtui new framework ID``: a commented starting file for the user's own data."""
    new = command("new", "write a commented starting file for your own data")
    new.add_argument("kind", choices=("framework",), help="what to start: framework")
    new.add_argument("id", metavar="ID", help="its id: lower case, e.g. my_framework")
    new.add_argument(
        "--output",
        metavar="DIR",
        help="data directory to write frameworks/ID.yaml in (default: the user data "
        "directory, which fwtui always reads)",
    )


def _check_releases_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """``fwtui check-releases``: the maintainers' check against PyPI."""
    releases = command(
        "check-releases",
        "for maintainers: compare the catalog with each framework's latest release on PyPI",
    )
    releases.add_argument("--frameworks", metavar="A,B", help="comma-separated framework ids")
    releases.add_argument(
        "--base-url",
        metavar="URL",
        help="where PyPI's JSON API is (default: $FWTUI_PYPI_URL, else https://pypi.org)",
    )
    releases.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_seconds,
        default=10.0,
        help="give up on a request after this long (%(default)s)",
    )


def _team_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    team = command("team", "combine several people's answers files into one team decision")
    team.add_argument(
        "files", nargs="+", metavar="FILE", help="answers files, or folders of *.yaml files"
    )
    team.add_argument("--format", choices=formats.TEAM, default="text")
    team.add_argument(
        "--output", metavar="FILE", help="write to FILE instead of stdout (- for stdout)"
    )
    team.add_argument(
        "--margin",
        metavar="PERCENT",
        type=_margin,
        default=None,
        help="acceptable to everyone: within PERCENT of each person's best (default 10)",
    )


def _margin(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"invalid margin: {text!r} (valid: 0 to 100)")
    return value / 100


def _result_options(parser: argparse.ArgumentParser) -> None:
    """How a recommendation is written: ``recommend``'s and ``wizard --plain``'s options."""
    parser.add_argument("--format", choices=formats.RECOMMEND, default="text")
    parser.add_argument(
        "--output", metavar="FILE", help="write to FILE instead of stdout (- for stdout)"
    )
    parser.add_argument(
        "--save-answers", metavar="FILE", help="also write the answers file for replaying"
    )
    parser.add_argument(
        "--who", metavar="NAME", help="your name in the saved answers file (for fwtui team)"
    )
    parser.add_argument(
        "--role",
        metavar="ROLE",
        help="your role in the saved answers file; 'consulted' or 'informed' in an ADR",
    )


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"invalid port: {text!r} (valid: 1 to 65535)")
    return int(text)


def _host_name(text: str) -> str:
    from fwtui.serve import host_name

    try:
        return host_name(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _days(text: str) -> int:
    if not text.isdigit() or int(text) > 36500:
        raise argparse.ArgumentTypeError(f"invalid number of days: {text!r} (valid: 0 to 36500)")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError(f"invalid timeout: {text!r} (valid: 0.1 to 600 seconds)")
    return value


def _sessions(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 1000:
        raise argparse.ArgumentTypeError(f"invalid count: {text!r} (valid: 1 to 1000)")
    return int(text)


def print_warnings(warnings: Iterable[str]) -> None:
    """Every warning core code handed over (see errors.Warnings), one line each on stderr."""
    for warning in warnings:
        print(clean_line(f"fwtui: warning: {warning}"), file=sys.stderr)


def _load(args: argparse.Namespace) -> Catalog:
    """The catalog for reading commands and the TUI, reused from the cache when unchanged."""
    from fwtui.catalog.cache import load_catalog_cached
    from fwtui.catalog.dirs import extra_dirs

    return load_catalog_cached(extra_dirs(args.data))


def _quick_start(args: argparse.Namespace) -> tuple[QuickStart, Catalog | None]:
    """How the TUI starts: on the overview with a valid cached preview, from it (the
    catalog comes after the first frame); otherwise with the catalog loaded first."""
    from fwtui.catalog.dirs import extra_dirs
    from fwtui.render.preview import quick_start

    start = quick_start(extra_dirs(args.data))
    if args.screen == FIRST_MODE and start.preview is not None:
        return start, None
    catalog = start.load()
    start.remember(catalog)  # now, not after the first frame: the next start may be soon
    return start, catalog


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.catalog.dirs import extra_dirs
    from fwtui.catalog.freshness import expired_facts
    from fwtui.catalog.loader import load_catalog

    if args.strict and args.stale is None:
        raise UsageError("--strict needs --stale DAYS")
    # validate always reads and checks every file itself: that is its job.
    catalog = load_catalog(extra_dirs([*args.data, *args.dirs]))
    for replacement in catalog.replacements:
        print(clean(str(replacement)), file=out)
    print_warnings(str(expired) for expired in expired_facts(catalog, dt.date.today()))
    print(f"OK: {catalog.summary()}", file=out)
    if args.stale is None:
        return EXIT_OK
    return _report_stale(catalog, args.stale, args.strict, out)


def _report_stale(catalog: Catalog, days: int, strict: bool, out: TextIO) -> int:
    from fwtui.catalog.freshness import stale_facts

    today = dt.date.today()
    stale = stale_facts(catalog, days, today)
    for fact in stale:
        print(clean_line(fact.describe(today)), file=out)
    if stale:
        count = f"{len(stale)} fact{'' if len(stale) == 1 else 's'}"
        print(f"{count} not reviewed for more than {days} days", file=out)
    else:
        print(f"every dated fact was reviewed in the last {days} days", file=out)
    return EXIT_INVALID_DATA if stale and strict else EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.catalog.schema import schema_documents, write_schemas

    if args.output is None:
        print(dumps(schema_documents()), file=out)
        return EXIT_OK
    for path in write_schemas(Path(args.output)):
        print(clean_line(str(path)), file=out)
    return EXIT_OK


def _cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    import shutil

    from fwtui.render.framework import framework_lines
    from fwtui.render.report import framework_list_json

    catalog = _load(args)
    if args.format == "json":
        print(dumps(framework_list_json(catalog)), file=out)
        return EXIT_OK
    # Cut to the terminal's width; a pipe or a file gets every tagline whole.
    width = shutil.get_terminal_size().columns if out.isatty() else None
    for line in framework_lines(catalog, width):
        print(clean(line), file=out)
    return EXIT_OK


def _cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.render.framework import RENDERERS
    from fwtui.render.report import require_framework

    catalog = _load(args)
    framework = require_framework(catalog, args.id)
    print(clean(RENDERERS[args.format](catalog, framework)), file=out, end="")
    return EXIT_OK


def _cmd_matrix(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.render.matrix import build_matrix, render_matrix
    from fwtui.render.report import pick_frameworks

    catalog = _load(args)
    frameworks = pick_frameworks(catalog, args.frameworks)
    matrix = build_matrix(catalog, frameworks, diff_only=args.diff)
    print(clean(render_matrix(matrix, args.format, width=args.width)), file=out, end="")
    return EXIT_OK


def _cmd_questions(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.render.questions import RENDERERS

    catalog = _load(args)
    print(clean(RENDERERS[args.format](catalog)), file=out, end="")
    return EXIT_OK


def _cmd_recommend(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.advisor.answers import check_name, load_answers_record, parse_answer_options

    catalog = _load(args)
    warnings: Warnings = []
    _check_who_and_role(args)
    record = load_answers_record(catalog, Path(args.answers), warnings) if args.answers else None
    given = dict(record.answers) if record else {}
    given = dict(parse_answer_options(catalog, args.answer, given))
    # Replaying someone's file keeps their name and role unless the options give new ones.
    who = check_name("--who", args.who) if args.who else (record.who if record else None)
    role = check_name("--role", args.role) if args.role else (record.role if record else None)
    print_warnings(warnings)
    return _write_recommendation(catalog, given, args, out, who, role)


def _check_who_and_role(args: argparse.Namespace) -> None:
    if (args.who is not None or args.role is not None) and not args.save_answers:
        raise UsageError("--who and --role go into the answers file: add --save-answers FILE")


def _write_recommendation(
    catalog: Catalog,
    given: Mapping[str, tuple[str, ...]],
    args: argparse.Namespace,
    out: TextIO,
    who: str | None,
    role: str | None,
) -> int:
    """Rank for ``given`` and write the result and the answers file as the options say."""
    import datetime as dt

    from fwtui.advisor.answers import answers_document
    from fwtui.advisor.scoring import recommend
    from fwtui.fsutil import atomic_write
    from fwtui.gcpause import cyclic_gc_paused
    from fwtui.render.recommendation import render

    with cyclic_gc_paused():  # see fwtui.gcpause (0.2 s of 5.4 at 10,000 frameworks)
        result = recommend(catalog, given)
        text = clean(render(catalog, result, args.format))
    print_warnings(f"'{qid}' is not asked for these answers; ignored" for qid in result.ignored)
    _write_output(args.output, text, out)  # first: a bad --output leaves no answers file
    if args.save_answers:
        now = dt.datetime.now(tz=dt.timezone.utc)
        document = answers_document(catalog, result.answers, now, who, role)
        atomic_write(Path(args.save_answers), document, make_parents=True)
    return EXIT_OK


def _write_output(output: str | None, text: str, out: TextIO) -> None:
    """``--output FILE`` (missing directories are made), or standard output."""
    from fwtui.fsutil import atomic_write

    if output and output not in STDOUT_NAMES:
        path = atomic_write(Path(output), text, make_parents=True)
        print(clean_line(f"wrote {path}"), file=sys.stderr)
    else:
        print(text, file=out, end="")


def _cmd_wizard(args: argparse.Namespace, out: TextIO) -> int:
    if not args.plain:
        options = [args.output, args.save_answers, args.who, args.role, args.format != "text"]
        if any(options):
            raise UsageError("--format, --output, --save-answers, --who and --role need --plain")
        args.screen = "wizard"
        return _run_tui(args)
    from fwtui.advisor.answers import check_name
    from fwtui.plainwizard import PlainWizard, WizardStopped

    _check_who_and_role(args)
    who = check_name("--who", args.who) if args.who else None
    role = check_name("--role", args.role) if args.role else None
    catalog = _load(args)

    def write(text: str) -> None:
        out.write(text)
        out.flush()

    echo = not sys.stdin.isatty()
    try:
        given = PlainWizard(catalog, sys.stdin.readline, write, echo).run()
    except WizardStopped as stopped:
        write("\n")
        print(f"fwtui: {stopped}", file=sys.stderr)
        return EXIT_INTERRUPTED if stopped.by_user else EXIT_USAGE
    write("\n")
    return _write_recommendation(catalog, given, args, out, who, role)


def _cmd_team(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.advisor.team import DEFAULT_MARGIN, decide_files
    from fwtui.gcpause import cyclic_gc_paused
    from fwtui.render.team import render

    catalog = _load(args)
    margin = DEFAULT_MARGIN if args.margin is None else args.margin
    with cyclic_gc_paused():  # see fwtui.gcpause
        result = decide_files(catalog, [Path(name) for name in args.files], margin)
        text = clean(render(catalog, result, args.format))
    print_warnings(result.warnings)
    _write_output(args.output, text, out)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.catalog.dirs import FRAMEWORKS_DIR
    from fwtui.catalog.template import framework_template, valid_framework_id
    from fwtui.fsutil import atomic_write
    from fwtui.paths import user_data_dir

    if not valid_framework_id(args.id):
        raise UsageError(
            f"{args.id!r} is not a framework id: a lower-case letter, then letters, digits "
            "or '_' (e.g. my_framework)"
        )
    directory = Path(args.output) if args.output else user_data_dir()
    path = directory / FRAMEWORKS_DIR / f"{args.id}.yaml"
    if path.exists() or path.is_symlink():
        raise UsageError(f"{path} already exists; edit it, or choose another ID or --output")
    catalog = _load(args)
    if args.id in catalog.frameworks:
        print(
            f"fwtui: note: {args.id}.yaml will replace the framework '{args.id}'", file=sys.stderr
        )
    written = atomic_write(path, framework_template(catalog, args.id), make_parents=True)
    print(clean_line(f"wrote {written}"), file=out)
    # The user data directory is always read; another one is named on the command line.
    check = "fwtui validate" + (f" {directory}" if args.output else "")
    print(clean_line(f"check it with: {check}"), file=out)
    return EXIT_OK


def _cmd_check_releases(args: argparse.Namespace, out: TextIO) -> int:
    import os
    from functools import partial

    from fwtui.releases import base_url, check_releases, fetch_release
    from fwtui.render.report import pick_frameworks

    base = base_url(args.base_url, dict(os.environ))
    catalog = _load(args)
    frameworks = pick_frameworks(catalog, args.frameworks)
    fetch = partial(fetch_release, base, timeout=args.timeout)
    count = check_releases(frameworks, fetch, lambda line: print(clean_line(line), file=out))
    checked = f"{len(frameworks)} framework{'' if len(frameworks) == 1 else 's'}"
    if count:
        print(f"{count} difference{'' if count == 1 else 's'} from PyPI in {checked}", file=out)
        return EXIT_INVALID_DATA
    print(f"the catalog matches PyPI for {checked}", file=out)
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    from fwtui.serve import export_directory, serve

    export_dir = None if args.export_dir is None else export_directory(args.export_dir)
    _load(args)  # report bad data or a missing --data directory now, not per browser tab
    return serve(
        args.data,
        args.host,
        args.port,
        sys.stderr,
        allow_hosts=args.allow_host,
        max_sessions=args.max_sessions,
        export_dir=export_dir,
    )


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "validate": _cmd_validate,
    "schema": _cmd_schema,
    "list": _cmd_list,
    "show": _cmd_show,
    "matrix": _cmd_matrix,
    "questions": _cmd_questions,
    "recommend": _cmd_recommend,
    "team": _cmd_team,
    "wizard": _cmd_wizard,
    "new": _cmd_new,
    "check-releases": _cmd_check_releases,
    "serve": _cmd_serve,
}


def _run_tui(args: argparse.Namespace) -> int:
    from fwtui.served import is_served

    served = is_served()  # by `fwtui serve`, over pipes: no terminal needed
    if not (served or (sys.stdin.isatty() and sys.stdout.isatty())):
        print(
            "fwtui: the TUI needs a terminal; for scripts use "
            "`fwtui list|show|matrix|questions|recommend` or `fwtui wizard --plain` "
            "(see fwtui --help)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    start: QuickStart | None = None
    catalog: Catalog | None
    if served:
        from fwtui.serve import exit_with_server, limit_memory  # not on a terminal's path

        catalog = _load(args)
        exit_with_server()
        limit_memory()
    else:
        start, catalog = _quick_start(args)
    from fwtui.app import FwtuiApp

    app = FwtuiApp(catalog, screen=args.screen, accessible=args.accessible or None, start=start)
    app.run()
    if app.load_error is not None:  # the catalog built after the first frame was invalid
        raise app.load_error
    # 1 after an unhandled exception (Textual has printed it), 128 + N after signal N;
    # None when the app ended without an explicit exit, e.g. closed by the web driver.
    return app.return_code or EXIT_OK


# What the outputs draw with, and what stands in for each where the locale cannot encode it.
ASCII_STAND_INS = {
    "█": "#",
    "░": ".",
    "…": "...",
    "▰": "#",
    "▱": "+",
    "●": "*",
    "◐": "~",
    "○": "o",
    "·": "-",
    "•": "*",
    "—": "-",
    "–": "-",
    "→": "->",
    "✓": "v",
    "✗": "x",
    "’": "'",
}
ASCII_GLYPHS = str.maketrans(ASCII_STAND_INS)


class _EncodableWriter:
    """A text stream for a terminal whose encoding lacks fwtui's glyphs (a Latin-1 locale):
    the glyphs become ASCII and any other character it cannot encode becomes '?'."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(text.translate(ASCII_GLYPHS))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _encodable(stream: TextIO | None) -> TextIO | None:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "".join(ASCII_STAND_INS).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
        return _EncodableWriter(stream) if stream is not None else None  # type: ignore[return-value]
    return stream


def _prepare_streams() -> None:
    """Closed standard streams and odd locales must not become tracebacks."""
    import os

    if sys.stdin is None:  # `fwtui <&-`: reads then see end of file, isatty() is False
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as we do
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:  # `fwtui >&-`
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        else:
            setattr(sys, name, _encodable(stream))


def _output_failed(error: OSError) -> int:
    """stdout could not be written (a full disk, a closed pipe): one line, no traceback."""
    import os

    with contextlib.suppress(OSError):  # nothing more may reach the broken stream at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.__stdout__.fileno() if sys.__stdout__ else 1)
    with contextlib.suppress(OSError):
        print(f"fwtui: error: cannot write the output: {error.strerror or error}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    _prepare_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _run_tui(args)
        status = COMMANDS[args.command](args, sys.stdout)
        sys.stdout.flush()  # a full disk shows here, not as a traceback at exit
        return status
    except DataError as error:
        for problem in error.problems:
            print(str(problem), file=sys.stderr)  # one line each, already made safe
        count = len(error.problems)
        print(f"fwtui: {count} problem{'s' if count != 1 else ''} in the data", file=sys.stderr)
        return EXIT_INVALID_DATA
    except UsageError as error:
        print(clean_line(f"fwtui: error: {error}"), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # `fwtui matrix | head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK
    except OSError as error:
        return _output_failed(error)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
