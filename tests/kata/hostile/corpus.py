"""The hostile corpus: solutions that try to pass without being right, or to reach outside.

Each attack is the source of a solution file for one kata, with `{PLACEHOLDERS}`
for the paths it goes after (filled in by the driver: the kata's reference, the
store, the user's home...). An attack that *succeeds* at what it tries ends in
a passing verdict (it computes the answer with the reference it read) or in a
change outside its run folder, a forged store row or a process left behind: the
driver checks each of those after every attack. `expect` is a piece of the
verdict's text that says what stopped it (None: any non-passing verdict).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

FILES = Path(__file__).resolve().parent / "files"


@dataclass(frozen=True)
class Attack:
    name: str
    kata: str
    source: str
    expect: str | None = None
    timeout: float = 10.0
    needs_process_cap: bool = False  # only safe where the kernel caps processes (not as root)


ENTRY = {
    "attention": "def scaled_dot_product_attention(q, k, v, mask=None):\n",
    "wildcard": "def is_match(s, p):\n",
    "quicksort": "def quicksort(nums):\n",
    "binary_search": "def binary_search(nums, target):\n",
    "fm": "def fm_predict(x, w0, w, V):\n",
}

# run the reference whose source the attack got hold of: a pass means the attack worked
_USE_REFERENCE = """
def _answer(source, *args):
    scope = {}
    exec(compile(source, "stolen.py", "exec"), scope)
    return scope["scaled_dot_product_attention"](*args)
"""


def _steal(body: str) -> str:
    """An attention solution that gets the reference's source with `body` (into `src`)."""
    indented = "\n".join("    " + line for line in body.strip().splitlines())
    return (
        "import os, sys\n" + _USE_REFERENCE + ENTRY["attention"] + indented
        + "\n    return _answer(src, q, k, v, mask)\n"
    )  # fmt: skip


def _act(body: str, kata: str = "attention", ret: str = "q") -> str:
    """A solution that does `body` when called, then returns something (wrong)."""
    indented = "\n".join("    " + line for line in body.strip().splitlines())
    return f"import os, sys\n{ENTRY[kata]}{indented}\n    return {ret}\n"


FORK_EXEC = """
import _posixsubprocess, os
def spawn(argv, setsid=False, preexec=None, stdout=-1):
    errpipe_read, errpipe_write = os.pipe()
    tries = [
        (argv, [os.fsencode(argv[0])], True, (), None, None, -1, -1, -1, stdout, -1, -1,
         errpipe_read, errpipe_write, False, setsid, -1, None, None, None, -1, preexec, False),
        (argv, [os.fsencode(argv[0])], True, (), None, None, -1, -1, -1, stdout, -1, -1,
         errpipe_read, errpipe_write, False, setsid, -1, None, None, None, -1, preexec),
        (argv, [os.fsencode(argv[0])], True, (), None, None, -1, -1, -1, stdout, -1, -1,
         errpipe_read, errpipe_write, False, setsid, None, None, None, preexec),
    ]
    for args in tries:
        try:
            return _posixsubprocess.fork_exec(*args)
        except TypeError:
            continue
"""

ATTACKS: list[Attack] = [
    # -- reading the reference (a read that works turns into a passing verdict) ---------------
    Attack("ref_plain_open", "attention", _steal("src = open({REF!r}).read()")),
    Attack("ref_double_slash", "attention", _steal("src = open('/' + {REF!r}).read()")),
    Attack(
        "ref_dot_dot",
        "attention",
        _steal("src = open({KATA_DIR!r} + '/../attention/reference.py').read()"),
    ),
    Attack(
        "ref_proc_self_root", "attention", _steal("src = open('/proc/self/root' + {REF!r}).read()")
    ),
    Attack(
        "ref_symlink_in_run_folder",
        "attention",
        _steal("os.symlink({REF!r}, 'ref.py')\nsrc = open('ref.py').read()"),
    ),
    Attack(
        "ref_hard_link",
        "attention",
        _steal("os.link({REF!r}, 'ref.py')\nsrc = open('ref.py').read()"),
    ),
    Attack(
        "ref_import_from_kata_dir",
        "attention",
        _steal(
            "sys.path.insert(0, {KATA_DIR!r})\nimport reference\n"
            "src = open(reference.__file__).read()"
        ),
    ),
    Attack(
        "ref_os_open_dir_fd",
        "attention",
        _steal(
            "d = os.open({KATA_DIR!r}, os.O_RDONLY)\n"
            "fd = os.open('reference.py', os.O_RDONLY, dir_fd=d)\n"
            "src = os.read(fd, 1 << 20).decode()"
        ),
    ),
    Attack(
        "ref_io_open_code",
        "attention",
        _steal("import io\nsrc = io.open_code({REF!r}).read().decode()"),
    ),
    Attack(
        "ref_linecache",
        "attention",
        _steal("import linecache\nsrc = ''.join(linecache.getlines({REF!r}))\nassert src"),
    ),
    Attack(
        "ref_through_mlprep_api",
        "attention",
        _steal(
            "from mlprep.kata.catalogue import find_kata\n"
            "from pathlib import Path\n"
            "src = find_kata(Path({KATAS!r}), 'attention').reference.read_text()"
        ),
    ),
    Attack(
        "ref_ctypes_open_read",
        "attention",
        _steal(
            "import ctypes\nlibc = ctypes.CDLL(None)\n"
            "fd = libc.open({REF!r}.encode(), 0)\nbuf = ctypes.create_string_buffer(1 << 20)\n"
            "n = libc.read(fd, buf, 1 << 20)\nsrc = buf.raw[:n].decode()"
        ),
    ),
    Attack(
        "ref_subprocess_cat",
        "attention",
        _steal(
            "import subprocess\nsrc = subprocess.run(['cat', {REF!r}], "
            "capture_output=True, text=True).stdout"
        ),
    ),
    Attack(
        "ref_fork_exec_cat",
        "attention",
        _steal(
            FORK_EXEC + "\nout = os.open('out.txt', os.O_WRONLY | os.O_CREAT, 0o600)\n"
            "pid = spawn(['/bin/cat', {REF!r}], stdout=out)\nos.waitpid(pid, 0)\n"
            "src = open('out.txt').read()"
        ),
    ),
    Attack(
        "ref_posix_spawn_cat",
        "attention",
        _steal(
            "pid = os.posix_spawn('/bin/cat', ['cat', {REF!r}], dict(), file_actions=["
            "(os.POSIX_SPAWN_OPEN, 1, 'out.txt', os.O_WRONLY | os.O_CREAT, 0o600)])\n"
            "os.waitpid(pid, 0)\nsrc = open('out.txt').read()"
        ),
    ),
    Attack(
        "ref_cases_and_mutants",
        "attention",
        _steal(
            "src = open({KATA_DIR!r} + '/cases.py').read()\nos.listdir({KATA_DIR!r} + '/mutants')"
        ),
    ),
    Attack(
        "ref_parent_cwd",
        "attention",
        _steal("src = open('/proc/%d/cwd/reference.py' % os.getppid()).read()"),
    ),
    # -- changing files outside the run folder --------------------------------------------------
    Attack("truncate_store", "attention", _act("os.truncate({STORE!r}, 0)")),
    Attack("truncate_own_solution", "attention", _act("os.truncate({SOLUTION!r}, 0)")),
    Attack(
        "forge_store_rows",
        "attention",
        _act(
            "import sqlite3\ndb = sqlite3.connect({STORE!r})\n"
            "for (table,) in db.execute(\"select name from sqlite_master where type='table'\"):\n"
            "    cols = [c[1] for c in db.execute('pragma table_info(%s)' % table)]\n"
            "    if 'status' in cols:\n"
            "        db.execute('insert into %s select * from %s' % (table, table))\n"
            "        db.execute(\"update %s set status='pass'\" % table)\n"
            "db.commit()"
        ),
    ),
    Attack("write_home", "attention", _act("open({HOME!r} + '/PWNED', 'w').write('x')")),
    Attack("overwrite_own_solution", "attention", _act("open({SOLUTION!r}, 'w').write('# gone')")),
    Attack(
        "write_workspace_file",
        "attention",
        _act("open({WORKSPACE!r} + '/other.py', 'w').write('x')"),
    ),
    Attack("chmod_workspace", "attention", _act("os.chmod({WORKSPACE!r}, 0)")),
    Attack("chmod_store", "attention", _act("os.chmod({STORE!r}, 0)")),
    Attack("utime_solution", "attention", _act("os.utime({SOLUTION!r}, (0, 0))")),
    Attack("mkdir_home", "attention", _act("os.mkdir({HOME!r} + '/evil')")),
    Attack("symlink_in_home", "attention", _act("os.symlink('/etc/passwd', {HOME!r} + '/link')")),
    Attack(
        "rename_into_home",
        "attention",
        _act("open('x', 'w').write('x')\nos.rename('x', {HOME!r} + '/moved')"),
    ),
    Attack("remove_store", "attention", _act("os.remove({STORE!r})")),
    Attack("rmtree_workspace", "attention", _act("import shutil\nshutil.rmtree({WORKSPACE!r})")),
    Attack(
        "hard_link_then_write",
        "attention",
        _act("os.link({SOLUTION!r}, 'mine.py')\nopen('mine.py', 'w').write('# gone')"),
    ),
    Attack(
        "pth_through_symlink",
        "attention",
        _act(
            "os.symlink({USERSITE!r} + '/zz_evil.pth', 'evil.pth')\n"
            "open('evil.pth', 'w').write('import os; os.environ[\"PWNED\"] = \"1\"')"
        ),
    ),
    Attack(
        "pth_direct",
        "attention",
        _act("open({USERSITE!r} + '/zz_evil.pth', 'w').write('import this')"),
    ),
    Attack(
        "write_kata_cases", "attention", _act("open({KATA_DIR!r} + '/cases.py', 'a').write('# x')")
    ),
    Attack("write_package", "attention", _act("open({PKG!r} + '/kata/evil.py', 'w').write('x')")),
    Attack("mkfifo_in_home", "attention", _act("os.mkfifo({HOME!r} + '/fifo')")),
    Attack("setxattr_solution", "attention", _act("os.setxattr({SOLUTION!r}, 'user.x', b'1')")),
    Attack("data_dir_new_file", "attention", _act("open({DATA!r} + '/settings.json', 'w')")),
    # -- banned APIs at run time ------------------------------------------------------------------
    Attack(
        "banned_importlib_fnmatch",
        "wildcard",
        "import importlib\n"
        + ENTRY["wildcard"]
        + "    return importlib.import_module('fn' + 'match').fnmatchcase(s, p)\n",
        expect="the fnmatch module is not allowed",
    ),
    Attack(
        "banned_dunder_import_re",
        "wildcard",
        ENTRY["wildcard"] + "    m = __import__('r' + 'e')\n"
        "    return m.fullmatch(p.replace('?', '.').replace('*', '.*'), s) is not None\n",
        expect="the re module is not allowed",
    ),
    Attack(
        "banned_builtins_dict_import",
        "wildcard",
        "import builtins\n"
        + ENTRY["wildcard"]
        + "    m = builtins.__dict__['__imp' + 'ort__']('r' + 'e')\n"
        "    return m.fullmatch(p.replace('?', '.').replace('*', '.*'), s) is not None\n",
        expect="the re module is not allowed",
    ),
    Attack(
        "banned_sys_modules_re",
        "wildcard",
        "import sys\n" + ENTRY["wildcard"] + "    m = sys.modules['r' + 'e']\n"
        "    return m.fullmatch(p.replace('?', '.').replace('*', '.*'), s) is not None\n",
        expect="the re module is not allowed",
    ),
    Attack(
        "banned_sre_accelerator",
        "wildcard",
        "import importlib\n"
        + ENTRY["wildcard"]
        + "    importlib.import_module('_s' + 're')\n    return True\n",
        expect="the re module is not allowed",
    ),
    Attack(
        "banned_getattr_list_sort",
        "quicksort",
        ENTRY["quicksort"] + "    out = list(nums)\n    getattr(out, 'so' + 'rt')()\n"
        "    return out\n",
        expect="is not allowed in this kata",
    ),
    Attack(
        "banned_type_list_sort",
        "quicksort",
        ENTRY["quicksort"] + "    out = list(nums)\n    type(out).sort(out)\n    return out\n",
        expect="is not allowed in this kata",
    ),
    Attack(
        "banned_builtins_sorted",
        "quicksort",
        "import builtins\n"
        + ENTRY["quicksort"]
        + "    return builtins.__dict__['sor' + 'ted'](nums)\n",
        expect="is not allowed in this kata",
    ),
    Attack(
        "banned_heapq_accelerator",
        "quicksort",
        "import importlib\n"
        + ENTRY["quicksort"]
        + "    h = importlib.import_module('_heap' + 'q')\n    out = list(nums)\n"
        "    h.heapify(out)\n    return [h.heappop(out) for _ in range(len(out))]\n",
        expect="is not allowed in this kata",
    ),
    Attack(
        "banned_importlib_bisect",
        "binary_search",
        "import importlib\n"
        + ENTRY["binary_search"]
        + "    b = importlib.import_module('bis' + 'ect')\n    i = b.bisect_left(nums, target)\n"
        "    return i if i < len(nums) and nums[i] == target else -1\n",
        expect="the bisect module is not allowed",
    ),
    Attack(
        "banned_torch_in_numpy_kata",
        "fm",
        "import importlib\n"
        + ENTRY["fm"]
        + "    torch = importlib.import_module('to' + 'rch')\n    return torch.ones(len(x)).numpy()\n",
        expect="is not allowed in this kata",
    ),
    # -- processes --------------------------------------------------------------------------------
    Attack(
        "fork_exec_setsid_sleeper",
        "attention",
        _act(FORK_EXEC + "\nspawn(['/bin/sleep', '1000'], setsid=True)"),
    ),
    Attack(
        "preexec_setsid_sleeper",
        "attention",
        _act(
            FORK_EXEC + "\nimport time\ndef hide():\n    os.setsid()\n    time.sleep(1000)\n"
            "spawn(['/bin/true'], preexec=hide)\nimport time as t\nt.sleep(0.2)"
        ),
    ),
    Attack(
        "preexec_fork_bomb",
        "attention",
        _act(
            FORK_EXEC + "\ndef bomb():\n    while True:\n        try:\n"
            "            spawn(['/bin/true'], preexec=bomb)\n        except OSError:\n"
            "            pass\nfor _ in range(50):\n    try:\n"
            "        spawn(['/bin/true'], preexec=bomb)\n    except OSError:\n        break"
        ),
        timeout=5.0,
    ),
    Attack(
        "preexec_kill_everyone",
        "attention",
        _act(
            FORK_EXEC + "\nimport signal\ndef boom():\n    os.kill(-1, signal.SIGKILL)\n"
            "spawn(['/bin/true'], preexec=boom)"
        ),
    ),
    Attack("kill_minus_one", "attention", _act("import signal\nos.kill(-1, signal.SIGKILL)")),
    Attack(
        "multiprocessing_worker",
        "attention",
        _act(
            "import multiprocessing as mp\np = mp.Process(target=__import__('time').sleep, "
            "args=(1000,))\np.start()"
        ),
    ),
    Attack(
        "thread_keeps_running",
        "attention",
        _act(
            "import threading, time\nthreading.Thread(target=time.sleep, args=(1000,), "
            "daemon=False).start()"
        ),
    ),
    Attack(
        "tcp_connect",
        "attention",
        _act("import socket\nsocket.create_connection(('127.0.0.1', 22), timeout=1)"),
    ),
    Attack(
        "tcp_bind_listen",
        "attention",
        _act("import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()"),
    ),
    Attack(
        "udp_send",
        "attention",
        _act(
            "import socket\nsocket.socket(socket.AF_INET, socket.SOCK_DGRAM)"
            ".sendto(b'x', ('127.0.0.1', 53))"
        ),
    ),
    Attack(
        "abstract_unix_socket",
        "attention",
        _act("import socket\ns = socket.socket(socket.AF_UNIX)\ns.connect('\\0mlprep')"),
    ),
    # -- the report and the terminal --------------------------------------------------------------
    Attack(
        "ansi_fake_summary",
        "attention",
        _act("print('\\x1b[2J\\x1b[H\\x1b[32mattention: 67 passed, 0 failed\\x1b[0m\\x1b[8m')"),
    ),
    Attack(
        "stdout_replaced_by_fifo",
        "attention",
        _act("os.remove('.stdout')\nos.mkfifo('.stdout')\nprint('x' * 100000)"),
    ),
    Attack(
        "stdout_symlinked_to_reference",
        "attention",
        _act("os.remove('.stdout')\nos.symlink({REF!r}, '.stdout')"),
    ),
    Attack(
        "open_files_exhausted",
        "attention",
        _act("files = [open('f%d' % i, 'w') for i in range(100000)]"),
    ),
]

# the first corpus: broken and tricky solutions for `attention`, kept as files
FILE_ATTACKS = {
    "exit_at_import": "could not be loaded: the process exited with code 0",
    "sys_exit_in_call": "SystemExit (called sys.exit(0))",
    "infinite_loop": "timed out after 1 s",
    "proxy_eq": "returned attention.Anything: not an allowed result type",
    "tensor_subclass": "attention.Always (a torch.Tensor subclass; return a plain tensor)",
    "mutates_inputs": "modified its input(s) in place: q",
    "banned_sdpa": "F.scaled_dot_product_attention is not allowed in this kata",
    "banned_sdpa_hidden": "F.scaled_dot_product_attention is not allowed in this kata",
    "syntax_error": "has a syntax error (line 1)",
    "keyboard_interrupt": "raised KeyboardInterrupt",
    "segfault": "segmentation fault (SIGSEGV)",
    "memory_bomb": "memory limit (1024 MiB) exceeded",
    "fork_bomb": "starting processes is not allowed in a kata",
    "prints_megabytes": "your solution printed more than 8 MiB: output limit",
    "reads_stdin": "EOFError",
    "patches_torch": "values outside tolerance",
    "reads_reference": None,
    "wrong_signature": "TypeError",
    "missing_entry": "does not define scaled_dot_product_attention",
    "returns_nan": "NaN value(s) where numbers were expected",
    "kills_parent": "signalling other processes is not allowed",
    "writes_outside": None,
    "patches_test_helpers": "values outside tolerance",
    "wrong_dtype": "dtype float64, expected float32",
    "wrong_shape": "shape [24, 5], expected [5, 24]",
}


def fill(source: str, places: dict[str, str]) -> str:
    """Put the real paths in: `{NAME!r}` becomes the quoted path."""
    return re.sub(
        r"\{([A-Z_]+)!r\}", lambda m: repr(places[m.group(1)]) if m.group(1) in places
        else m.group(0), source
    )  # fmt: skip


def all_attacks() -> list[Attack]:
    found = list(ATTACKS)
    for name, expect in FILE_ATTACKS.items():
        path = next(FILES.glob(f"{name}.py*"))
        timeout = 1.0 if name == "infinite_loop" else 10.0
        found.append(Attack(name, "attention", path.read_text(), expect, timeout))
    return found
