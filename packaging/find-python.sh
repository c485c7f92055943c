#!/bin/sh
# Print the newest Python (3.11 or later) on this machine that actually runs and can make a venv.
# pyenv shims such as python3.12 fail unless their version is selected, so pyenv's own
# installs are tried directly as well.
for minor in 13 12 11; do
    for candidate in "python3.$minor" \
        $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3."$minor".*/bin/python3 2>/dev/null | sort -rV); do
        if "$candidate" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' \
            >/dev/null 2>&1; then
            command -v "$candidate" 2>/dev/null || echo "$candidate"
            exit 0
        fi
    done
done
if python3 -c 'import sys, venv; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
    command -v python3
    exit 0
fi
echo "Contrechamp needs Python 3.11 or later with venv; none was found." >&2
exit 1
