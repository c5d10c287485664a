#!/usr/bin/python3
# test-potfiles.py
#
# Copyright 2026 The Rivya Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""po/POTFILES.in lists every file with translatable strings, in sorted
order, and only files that exist; xgettext extracts the template from it;
every language in po/LINGUAS has a catalog that msgfmt accepts, with no
untranslated or fuzzy message. Arguments: the source root. TAP."""

import glob
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
results = []

C_MARKERS = re.compile(r'(?<![\w])(?:_|N_|C_|NC_|g_dngettext|ngettext|g_dpgettext2)\s*\(\s*(?:GETTEXT_PACKAGE\s*,\s*)?"')
UI_MARKER = re.compile(r'translatable="yes"')
DATA_MARKERS = {
    '.desktop.in.in': re.compile(r'^(Name|GenericName|Comment|Keywords)=', re.M),
    '.metainfo.xml.in.in': re.compile(r'<(name|summary|p|li|caption)[ >]'),
    '.gschema.xml': re.compile(r'<(summary|description)>'),
}


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def has_strings(path):
    with open(os.path.join(root, path), encoding='utf-8') as f:
        text = f.read()
    if path.endswith('.c'):
        # The app's strings; the library, server and CLI speak to programs
        # and to developers in English on purpose.
        return bool(C_MARKERS.search(text))
    if path.endswith('.ui'):
        return bool(UI_MARKER.search(text))
    for suffix, marker in DATA_MARKERS.items():
        if path.endswith(suffix):
            return bool(marker.search(text))
    return False


def main():
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith('#')]

    check('POTFILES.in is sorted', listed == sorted(listed),
          'first out of order: %s' % next((b for a, b in zip(listed, listed[1:]) if b < a), ''))
    check('POTFILES.in has no duplicates', len(listed) == len(set(listed)))
    missing_files = [p for p in listed if not os.path.exists(os.path.join(root, p))]
    check('every file in POTFILES.in exists', not missing_files, str(missing_files))

    candidates = sorted(os.path.relpath(p, root) for p in
                        glob.glob(os.path.join(root, 'src', 'app', '**', '*.c'), recursive=True)
                        + glob.glob(os.path.join(root, 'src', 'app', '**', '*.ui'), recursive=True)
                        + glob.glob(os.path.join(root, 'data', '*.in.in'))
                        + glob.glob(os.path.join(root, 'data', '*.gschema.xml')))
    unlisted = [p for p in candidates if has_strings(p) and p not in listed]
    check('every file with translatable strings is in POTFILES.in', not unlisted, 'unlisted: %s' % unlisted)
    stale = [p for p in listed if os.path.exists(os.path.join(root, p)) and not has_strings(p)]
    check('every file in POTFILES.in has translatable strings', not stale, 'no strings: %s' % stale)

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'rivya-desktop.pot')
        # The same keywords and flags as meson's 'glib' preset.
        done = subprocess.run(['xgettext', '--from-code=UTF-8', '--add-comments', '--keyword=_',
                               '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
                               '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
                               '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
                               '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
                               '--flag=g_strdup_printf:1:c-format', '--flag=g_set_error:4:c-format',
                               '--directory=' + root, '--files-from=' + os.path.join(root, 'po', 'POTFILES.in'),
                               '--output=' + pot], capture_output=True, text=True)
        check('xgettext extracts the template', done.returncode == 0 and os.path.exists(pot), done.stderr)
        msgids = 0
        if os.path.exists(pot):
            with open(pot, encoding='utf-8') as f:
                msgids = sum(1 for line in f if line.startswith('msgid "') and line != 'msgid ""\n')
        check('the template has the application\'s strings (%d)' % msgids, msgids > 100)

        with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
            languages = [w for l in f if not l.startswith('#') for w in l.split()]
        for lang in languages:
            po = os.path.join(root, 'po', lang + '.po')
            done = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                                  capture_output=True, text=True)
            check('%s.po compiles with msgfmt --check' % lang, done.returncode == 0, done.stderr)
            if os.path.exists(pot):
                merged = os.path.join(tmp, lang + '.po')
                subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                               capture_output=True)
                stats = subprocess.run(['msgfmt', '--statistics', '-o', os.devnull, merged],
                                       capture_output=True, text=True).stderr
                complete = 'untranslated' not in stats and 'fuzzy' not in stats
                check('%s.po translates every message of the template' % lang, complete, stats.strip())

    print('1..%d' % len(results))
    failed = 0
    for number, (name, ok, detail) in enumerate(results, 1):
        print('%s %d %s' % ('ok' if ok else 'not ok', number, name))
        if not ok:
            failed += 1
            print('# %s' % detail)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
