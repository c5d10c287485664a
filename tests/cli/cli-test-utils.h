/* cli-test-utils.h
 *
 * Copyright 2026 The Rivya Desktop authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How a run of the rivya binary ended. */
typedef struct
{
  int   status;   /* exit status, or 128 + the signal that ended it */
  char *out;
  char *err;
} CliRun;

/* Who the run speaks as. Every field may be NULL: the defaults set by
 * cli_test_set_defaults() apply, the key "" unsets RIVYA_API_KEY. */
typedef struct
{
  const char *base_url;
  const char *key;
  const char *stdin_text;
  const char *cwd;
  gboolean    use_keyring;
  guint64     max_file_size;  /* RLIMIT_FSIZE of the child, 0 for none */
} CliOptions;

void        cli_test_set_defaults (const char        *base_url,
                                   const char        *key);
GStrv       cli_test_environ      (const CliOptions  *options);
CliRun     *cli_runv              (const CliOptions  *options,
                                   const char * const *args);
CliRun     *cli_run               (const char        *first_arg,
                                   ...) G_GNUC_NULL_TERMINATED;
CliRun     *cli_run_with          (const CliOptions  *options,
                                   const char        *first_arg,
                                   ...) G_GNUC_NULL_TERMINATED;
void        cli_run_free          (CliRun            *run);
char       *cli_field             (const char        *out,
                                   const char        *label);
void        cli_assert_field      (const char        *out,
                                   const char        *label,
                                   const char        *expected);
gboolean    cli_png_size          (const char        *path,
                                   guint             *width,
                                   guint             *height);
JsonNode   *cli_parse_json        (const char        *text);
char       *cli_make_workdir      (void);
void        cli_remove_tree       (const char        *path);
GStrv       cli_list_dir          (const char        *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* Shows what the binary printed when the status is not the expected one. */
#define cli_assert_status(run, expected)                                        \
  G_STMT_START {                                                                \
    CliRun *_run = (run);                                                       \
    if (_run->status != (expected))                                             \
      g_error ("%s:%d: rivya exited %d, expected %d\nstdout:\n%s\nstderr:\n%s", \
               __FILE__, __LINE__, _run->status, (expected), _run->out, _run->err); \
  } G_STMT_END

G_END_DECLS
