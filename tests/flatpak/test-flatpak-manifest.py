#!/usr/bin/python3
# test-flatpak-manifest.py
#
# Copyright 2026 The Rivya Desktop authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Flatpak manifest cannot be built here (no network for the runtime),
so this checks it against the meson build it packages: the id and command,
a module for every dependency the GNOME runtime does not ship (libraries
from meson's dependency() calls, programs the server runs), pinned sources,
config-opts that are real meson options with valid values, and finish-args
limited to what the application uses. Argument: the source root. TAP."""

import glob
import json
import os
import re
import sys

root = sys.argv[1]
results = []

# What org.gnome.Platform//43 provides (pkg-config names). GTK 4.8 and
# libadwaita 1.2 are the versions Debian 12 ships and the build pins.
RUNTIME_VERSION = '43'
RUNTIME_PROVIDES = {
    'glib-2.0', 'gio-2.0', 'gio-unix-2.0', 'gobject-2.0', 'gtk4', 'libadwaita-1',
    'libsoup-3.0', 'json-glib-1.0', 'sqlite3', 'cairo', 'pangocairo', 'pango',
    'gdk-pixbuf-2.0', 'libsecret-1', 'gtksourceview-5', 'gstreamer-1.0',
    'gstreamer-app-1.0', 'gstreamer-pbutils-1.0', 'gstreamer-video-1.0',
    'gstreamer-audio-1.0', 'x11', 'xdamage', 'gobject-introspection-1.0',
}
# Build-time-only tools that are not in the SDK must be switched off.
BUILD_ONLY = {'scdoc': 'man', 'gi-docgen': 'documentation'}


def check(name, condition, detail=''):
    results.append((name, bool(condition), detail))


def read(path):
    with open(os.path.join(root, path), encoding='utf-8') as f:
        return f.read()


def meson_files():
    return [p for p in glob.glob(os.path.join(root, '**', 'meson.build'), recursive=True)
            if '/_build' not in p and '/tests/' not in p]


def meson_options():
    options = {}
    text = read('meson_options.txt')
    for m in re.finditer(r"option\('([^']+)',\s*type:\s*'(\w+)'(.*?)\)", text, re.S):
        choices = re.search(r"choices:\s*\[([^\]]*)\]", m.group(3))
        options[m.group(1)] = (m.group(2), re.findall(r"'([^']*)'", choices.group(1)) if choices else None)
    return options


def main():
    manifest_path = os.path.join(root, 'build-aux', 'io.github.rivyadesktop.RivyaDesktop.json')
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
        check('the manifest is valid JSON', True)
    except (OSError, ValueError) as error:
        check('the manifest is valid JSON', False, str(error))
        return finish()

    top = read('meson.build')
    app_id = re.search(r"app_id = '([^']+)'", top)
    app_id = app_id.group(1) if app_id else None
    check('the id is the application id', manifest.get('id') == app_id, '%s vs %s' % (manifest.get('id'), app_id))
    check('the runtime is GNOME %s with its SDK' % RUNTIME_VERSION,
          manifest.get('runtime') == 'org.gnome.Platform' and manifest.get('sdk') == 'org.gnome.Sdk'
          and manifest.get('runtime-version') == RUNTIME_VERSION)

    app_meson = read('src/app/meson.build')
    installed = re.search(r"executable\('([^']+)', 'main.c'", app_meson)
    check('the command is the installed application binary',
          installed is not None and manifest.get('command') == installed.group(1))
    desktop = read('data/io.github.rivyadesktop.RivyaDesktop.desktop.in.in')
    exec_line = re.search(r'^Exec=(\S+)', desktop, re.M)
    check('the desktop file starts the same command',
          exec_line is not None and os.path.basename(exec_line.group(1)) == manifest.get('command'),
          exec_line.group(1) if exec_line else 'no Exec')

    modules = manifest.get('modules', [])
    names = [m.get('name') for m in modules if isinstance(m, dict)]
    check('the application is the last module', names and names[-1] == 'rivya-desktop', str(names))
    provided = set()
    for module in modules:
        provided.update(module.get('provides', []))
        provided.add(module.get('name'))

    # Every library dependency the runtime lacks is a module.
    deps = set()
    for path in meson_files():
        with open(path, encoding='utf-8') as f:
            for m in re.finditer(r"dependency\('([^']+)'", f.read()):
                deps.add(m.group(1))
    missing = sorted(d for d in deps if d not in RUNTIME_PROVIDES and d not in provided)
    check('every library the runtime lacks is built as a module', not missing, 'missing: %s' % missing)

    # Programs the server runs at run time.
    programs = set()
    for path in glob.glob(os.path.join(root, 'src', '**', '*.c'), recursive=True):
        with open(path, encoding='utf-8') as f:
            programs.update(re.findall(r'g_find_program_in_path \("([^"]+)"\)', f.read()))
    programs.discard('rivya-server')
    missing = sorted(p for p in programs if p not in provided)
    check('every program the server runs is built as a module', not missing, 'missing: %s' % missing)

    # Pinned sources: an archive with its sha256, a git commit, or the tree.
    for module in modules:
        for source in module.get('sources', []):
            kind = source.get('type')
            pinned = ((kind in ('archive', 'file') and re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')))
                      or (kind == 'git' and re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')))
                      or (kind == 'dir' and module.get('name') == 'rivya-desktop'))
            check('module %s has pinned sources' % module.get('name'), pinned, json.dumps(source))

    # The application's config-opts are meson options with valid values,
    # and they switch off what needs tools the SDK lacks.
    app = next((m for m in modules if m.get('name') == 'rivya-desktop'), {})
    check('the application builds with meson', app.get('buildsystem') == 'meson')
    options = meson_options()
    set_options = {}
    for opt in app.get('config-opts', []):
        m = re.fullmatch(r'-D([\w-]+)=(.*)', opt)
        if not m or m.group(1) not in options:
            check('config-opt %s is a meson option' % opt, False, 'options: %s' % sorted(options))
            continue
        kind, choices = options[m.group(1)]
        value = m.group(2)
        valid = (value in ('true', 'false') if kind == 'boolean'
                 else value in choices if kind == 'combo'
                 else value in ('enabled', 'disabled', 'auto') if kind == 'feature' else True)
        check('config-opt %s is valid for a %s option' % (opt, kind), valid)
        set_options[m.group(1)] = value
    check('the tests are not built in the package', set_options.get('tests') == 'false')
    for tool, option in BUILD_ONLY.items():
        check('%s (not in the SDK) is switched off with -D%s=false' % (tool, option),
              set_options.get(option) == 'false')

    # finish-args: each one used by the application, nothing broader.
    args = manifest.get('finish-args', [])
    app_sources = ''.join(open(p, encoding='utf-8').read()
                          for p in glob.glob(os.path.join(root, 'src', 'app', '*.c')))
    uses = {
        '--share=network': 'rivya_client_new' in app_sources or 'RivyaClient' in app_sources,
        '--share=ipc': True,
        '--socket=wayland': True,
        '--socket=fallback-x11': True,
        '--device=dri': 'gtk_video' in app_sources or 'GtkVideo' in read('src/app/rd-media-preview.ui'),
        '--socket=pulseaudio': 'gtk_media_file' in app_sources or 'GtkMediaFile' in app_sources
                               or 'gtk_video' in app_sources,
        '--talk-name=org.freedesktop.secrets': 'libsecret_dep' in app_meson and 'secret_password' in app_sources,
    }
    for arg in args:
        check('finish-arg %s is used by the application' % arg, uses.get(arg, False),
              'not a known use' if arg not in uses else 'the code does not use it')
    for needed in ('--share=network', '--socket=wayland', '--socket=fallback-x11', '--socket=pulseaudio'):
        check('finish-arg %s is present' % needed, needed in args)
    broad = [a for a in args if re.match(r'--(filesystem=(host|home)|socket=(session-bus|system-bus)|device=all'
                                         r'|talk-name=org\.freedesktop\.Notifications)', a)]
    check('no broad permission (files through portals, notifications through the portal)', not broad, str(broad))
    return finish()


def finish():
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
